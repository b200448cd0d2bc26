import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fieldSchema } from '../../../src/flowlogs/fieldSchema';
import { indexKeysFor, indexProblem, keysForQueryError } from '../../../src/views/workbench/indexNeeds';

const ref = { regionId: 'cn-hangzhou', projectName: 'proj', logStoreName: 'store' };

describe('what the index lacks, and the Create Index offer', () => {
  it('keys are typed from the catalog: long for numbers, text for the rest and for unknown names', () => {
    assert.deepEqual(indexKeysFor(['bytes', 'src-region-id', 'rtt', 'mine']), { bytes: { type: 'long' }, 'src-region-id': { type: 'text' }, rtt: { type: 'long' }, mine: { type: 'text' } });
  });

  it('no index: names the logstore and every written field with its type', () => {
    const problem = indexProblem(ref, fieldSchema({ logFormatString: '${srcaddr}${dstaddr}${bytes}', olderForm: false }, { kind: 'missing' }));
    assert.ok(problem);
    assert.match(problem.message, /proj\/store has no index/);
    assert.match(problem.message, /srcaddr, dstaddr, bytes \(bytes as long, the rest as text\)/);
    assert.deepEqual(Object.keys(problem.keys), ['srcaddr', 'dstaddr', 'bytes']);
  });

  it('an index lacking written fields: offers just those; a complete index: nothing', () => {
    const lacking = indexProblem(ref, fieldSchema({ logFormatString: '${srcaddr}${dstaddr}${bytes}${dstport}', olderForm: false }, { kind: 'present', keys: { srcaddr: { type: 'text' }, dstaddr: { type: 'text' }, bytes: { type: 'long' } } }));
    assert.deepEqual(Object.keys(lacking?.keys ?? {}), ['dstport']);
    assert.match(lacking?.message ?? '', /lacks fields this flow log writes/);
    assert.equal(indexProblem(ref, fieldSchema({ logFormatString: '${srcaddr}${dstaddr}${bytes}', olderForm: false }, { kind: 'present', keys: { srcaddr: { type: 'text' }, dstaddr: { type: 'text' }, bytes: { type: 'long' } } })), undefined);
    assert.equal(indexProblem(ref, fieldSchema({ olderForm: false }, { kind: 'unknown' })), undefined, 'nothing claimed when the index could not be read');
  });

  it('after a query error: every target field for IndexConfigNotExist, the named catalog field for a column', () => {
    assert.deepEqual(keysForQueryError('IndexConfigNotExist', 'Logstore without index config.', ['srcaddr', 'bytes']), { srcaddr: { type: 'text' }, bytes: { type: 'long' } });
    assert.deepEqual(keysForQueryError('ParameterInvalid', "line 1:12: Column 'dstport' cannot be resolved;please add the column in the index attribute", []), { dstport: { type: 'long' } });
    assert.equal(keysForQueryError('ParameterInvalid', "line 1:12: Column 'total' cannot be resolved", []), undefined, 'an alias is not a field to index');
    assert.equal(keysForQueryError('ParameterInvalid', "Function 'foo' not registered", []), undefined);
  });
});

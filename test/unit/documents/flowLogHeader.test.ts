/**
 * The `-- flowlog:` header: completion offers the account's flow logs (by name, by id when a name
 * is shared or empty, CEN and region as detail) where the value goes; a header naming no flow log
 * is an error on its value, with quick fixes for the close matches (typos, case, part of a name).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CenInstance, FlowLog } from '../../../src/cloud/cenApi';
import { cenChoices, cenHeaderValueAt, closeCenMatches, closeFlowLogMatches, flowLogChoices, flowLogHeaderValueAt } from '../../../src/documents/flowLogHeader';
import { diagnoseDocument } from '../../../src/documents/documentDiagnostics';
import { parseQueryDocument } from '../../../src/documents/queryDocument';

function flowLog(name: string, flowLogId: string, regionId = 'cn-hangzhou', cenId = 'cen-prod'): FlowLog {
  return {
    flowLogId, name, description: '', cenId, regionId, status: 'Active', rawStatus: 'Active', creationTime: '2026-12-01T00:00:00Z',
    projectName: 'p', logStoreName: 'l', interval: 600, tags: [],
  };
}

const ACCOUNT = [
  flowLog('prod-backbone-flowlog', 'flowlog-aaa'),
  flowLog('prod-edge-flowlog', 'flowlog-bbb', 'eu-central-1'),
  flowLog('dup', 'flowlog-ccc'),
  flowLog('dup', 'flowlog-ddd', 'cn-shanghai', 'cen-dev'),
  flowLog('', 'flowlog-eee'),
];

describe('flow-log header completion', () => {
  it('finds the value on a header line, with or without a value typed', () => {
    assert.deepEqual(flowLogHeaderValueAt('-- flowlog: ', 12), { from: 12, to: 12 });
    assert.deepEqual(flowLogHeaderValueAt('-- flowlog: prod-b', 18), { from: 12, to: 18 });
    assert.deepEqual(flowLogHeaderValueAt('  --FlowLog:prod', 14), { from: 12, to: 16 }, 'case and spacing as the parser reads them');
    assert.equal(flowLogHeaderValueAt('-- flowlog: x', 5), undefined, 'before the colon: not the value');
    assert.equal(flowLogHeaderValueAt('-- range: last 1h', 12), undefined);
    assert.equal(flowLogHeaderValueAt('dstport:22 -- flowlog: x', 24), undefined, 'only whole-line comments are headers');
  });

  it('offers each flow log once: the name when unique, else the id; CEN and region as detail', () => {
    const choices = flowLogChoices(ACCOUNT);
    assert.deepEqual(choices.map((c) => c.insert), ['prod-backbone-flowlog', 'prod-edge-flowlog', 'flowlog-ccc', 'flowlog-ddd', 'flowlog-eee']);
    assert.equal(choices[0].description, 'flowlog-aaa');
    assert.match(choices[1].detail, /^cen-prod · .*eu-central-1/);
    assert.match(choices[3].detail, /^cen-dev · .*cn-shanghai/);
    assert.ok(choices.every((c) => c.filterText.includes(ACCOUNT[choices.indexOf(c)].flowLogId)), 'typing an id finds it');
  });
});

describe('a header naming no flow log', () => {
  it('close matches: a typo, another case, part of a name; nothing for a stranger', () => {
    assert.deepEqual(closeFlowLogMatches('prod-backbone-flowlgo', ACCOUNT), ['prod-backbone-flowlog']);
    assert.deepEqual(closeFlowLogMatches('PROD-EDGE-FLOWLOG', ACCOUNT), ['prod-edge-flowlog']);
    assert.deepEqual(closeFlowLogMatches('backbone', ACCOUNT), ['prod-backbone-flowlog']);
    assert.deepEqual(closeFlowLogMatches('flowlog-eeX', ACCOUNT), ['flowlog-eee']);
    assert.deepEqual(closeFlowLogMatches('staging-core', ACCOUNT), []);
    assert.deepEqual(closeFlowLogMatches('', ACCOUNT), []);
  });

  it('is an error on the value, naming the matches, with one fix per match replacing the value', () => {
    const text = '-- flowlog: prod-backbone-flowlgo\n-- range: last 1h\n\ndstport:22\n';
    const doc = parseQueryDocument(text, Date.UTC(2026, 11, 6) / 1000);
    const known = new Set(ACCOUNT.flatMap((f) => [f.name, f.flowLogId]));
    const [d] = diagnoseDocument(doc, { flowLogExists: (n) => known.has(n), flowLogMatches: (n) => closeFlowLogMatches(n, ACCOUNT) }).filter((x) => x.code === 'unknown-flowlog');
    assert.ok(d);
    assert.equal(text.slice(d.from, d.to), 'prod-backbone-flowlgo');
    assert.match(d.message, /Did you mean "prod-backbone-flowlog"\?/);
    assert.deepEqual(d.alternatives?.map((f) => [f.title, text.slice(f.from, f.to), f.insert]), [['Change to "prod-backbone-flowlog"', 'prod-backbone-flowlgo', 'prod-backbone-flowlog']]);
  });

  it('without a close match, no fix and a hint where to look', () => {
    const text = '-- flowlog: staging-core\ndstport:22';
    const [d] = diagnoseDocument(parseQueryDocument(text, Date.UTC(2026, 11, 6) / 1000), { flowLogExists: () => false, flowLogMatches: (n) => closeFlowLogMatches(n, ACCOUNT) });
    assert.equal(d.code, 'unknown-flowlog');
    assert.equal(d.alternatives, undefined);
    assert.match(d.message, /CEN Flow Logs view/);
  });
});

function cen(name: string, cenId: string): CenInstance {
  return { cenId, name, description: '', status: 'Active', creationTime: '2026-12-01T00:00:00Z' };
}

const CENS = [cen('prod-backbone', 'cen-prod'), cen('dev', 'cen-dev'), cen('dev', 'cen-dev2'), cen('', 'cen-empty')];

describe('the -- cen: header', () => {
  it('finds the value on a cen header line only', () => {
    assert.deepEqual(cenHeaderValueAt('-- cen: ', 8), { from: 8, to: 8 });
    assert.deepEqual(cenHeaderValueAt('-- cen: prod', 12), { from: 8, to: 12 });
    assert.deepEqual(cenHeaderValueAt('  --CEN:prod', 10), { from: 8, to: 12 });
    assert.equal(cenHeaderValueAt('-- flowlog: prod', 14), undefined);
    assert.equal(flowLogHeaderValueAt('-- cen: prod', 10), undefined);
    assert.equal(cenHeaderValueAt('-- cen: x', 3), undefined, 'before the colon: not the value');
  });

  it('offers each CEN once: the name when unique, else the id; how many flow logs it has as detail', () => {
    const choices = cenChoices(CENS, ACCOUNT);
    assert.deepEqual(choices.map((c) => c.insert), ['prod-backbone', 'cen-dev', 'cen-dev2', 'cen-empty']);
    assert.equal(choices[0].description, 'cen-prod');
    // ACCOUNT: four flow logs on cen-prod, one on cen-dev.
    assert.deepEqual(choices.map((c) => c.detail), [`${ACCOUNT.filter((f) => f.cenId === 'cen-prod').length} flow logs`, '1 flow log', '0 flow logs', '0 flow logs']);
    assert.match(choices[1].description, /shared by another CEN/);
    assert.ok(choices.every((c, i) => c.filterText.includes(CENS[i].cenId)));
  });

  it('close matches by name or id', () => {
    assert.deepEqual(closeCenMatches('prod-backbnoe', CENS), ['prod-backbone']);
    assert.deepEqual(closeCenMatches('PROD-BACKBONE', CENS), ['prod-backbone']);
    assert.deepEqual(closeCenMatches('cen-prd', CENS), ['cen-prod']);
    assert.deepEqual(closeCenMatches('staging-core', CENS), []);
  });

  it('naming no CEN is an error on the value with a fix per close match; unknown existence says nothing', () => {
    const text = '-- cen: prod-backbnoe\n\ndstport:22\n';
    const doc = parseQueryDocument(text, Date.UTC(2026, 11, 6) / 1000);
    const known = new Set(CENS.flatMap((c) => [c.name, c.cenId]));
    assert.deepEqual(diagnoseDocument(doc, { cenExists: () => undefined }).filter((x) => x.code === 'unknown-cen'), []);
    const [d] = diagnoseDocument(doc, { cenExists: (n) => known.has(n), cenMatches: (n) => closeCenMatches(n, CENS), flowLogExists: () => false }).filter((x) => x.code === 'unknown-cen');
    assert.ok(d);
    assert.equal(text.slice(d.from, d.to), 'prod-backbnoe');
    assert.match(d.message, /No CEN named or with id "prod-backbnoe".*Did you mean "prod-backbone"\?/);
    assert.deepEqual(d.alternatives?.map((f) => [text.slice(f.from, f.to), f.insert]), [['prod-backbnoe', 'prod-backbone']]);
    assert.equal(diagnoseDocument(doc, { cenExists: (n) => known.has(n), flowLogExists: () => false }).filter((x) => x.code === 'unknown-flowlog').length, 0, 'a cen header is not checked as a flow log');
  });
});

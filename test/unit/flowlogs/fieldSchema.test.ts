import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CURRENT_FIELDS, LOG_FORMAT_REQUIRED_PREFIX, OLDER_FORM_FIELDS } from '../../../src/flowlogs/catalog';
import { fieldSchema, logFormatChoices, logFormatFields, logFormatOf, logFormatSelectionProblem, selectedFieldsOf, writtenFields, type IndexState } from '../../../src/flowlogs/fieldSchema';
import { logFormatProblem } from '../../../src/flowlogs/validation';

const names = (fields: readonly { name: string }[]): string[] => fields.map((f) => f.name);
/** An empty format's order: the three every format starts with, then the catalog's order. */
const lead = (fields: readonly { name: string }[]): string[] => ['srcaddr', 'dstaddr', 'bytes', ...names(fields).filter((n) => !['srcaddr', 'dstaddr', 'bytes'].includes(n))];
const indexOf = (...keys: [string, 'text' | 'long'][]): IndexState => ({ kind: 'present', keys: Object.fromEntries(keys.map(([n, type]) => [n, { type }])) });

describe('the schema of a flow log: its LogFormatString against the logstore index', () => {
  it('reads ${field} placeholders in order, once each', () => {
    assert.deepEqual(logFormatFields('${srcaddr}${dstaddr}${bytes}${src-region-id}${bytes}'), ['srcaddr', 'dstaddr', 'bytes', 'src-region-id']);
    assert.deepEqual(logFormatFields(''), []);
  });

  it('an empty format means every field of the form: today\'s 15, or the 2019 set for the older form', () => {
    assert.deepEqual(writtenFields({ logFormatString: '', olderForm: false }), lead(CURRENT_FIELDS));
    assert.deepEqual(writtenFields({ olderForm: true }), lead(OLDER_FORM_FIELDS));
    assert.ok(writtenFields({ olderForm: false }).includes('src-region-id'));
    assert.ok(!writtenFields({ olderForm: false }).includes('rtt'));
    assert.ok(writtenFields({ olderForm: true }).includes('rtt') && writtenFields({ olderForm: true }).includes('log-status'));
  });

  it('a custom format writes only the fields it names, and the schema offers only those the index has', () => {
    const schema = fieldSchema(
      { logFormatString: '${srcaddr}${dstaddr}${bytes}${dst-region-id}', olderForm: false },
      indexOf(['srcaddr', 'text'], ['dstaddr', 'text'], ['bytes', 'long'], ['rtt', 'long'], ['my-tag', 'text']),
    );
    // rtt is indexed but not written: left out; my-tag is the user's own key: kept.
    assert.deepEqual(names(schema.fields), ['srcaddr', 'dstaddr', 'bytes', 'my-tag']);
    assert.deepEqual(names(schema.unindexed), ['dst-region-id']);
    assert.equal(schema.fields.find((f) => f.name === 'bytes')?.type, 'long');
    assert.equal(schema.index, 'present');
  });

  it('the index decides a field\'s type (a text-indexed bytes stays text)', () => {
    const schema = fieldSchema({ logFormatString: '', olderForm: false }, indexOf(['bytes', 'text']));
    assert.equal(schema.fields.find((f) => f.name === 'bytes')?.type, 'text');
  });

  it('no index (IndexConfigNotExist): every written field is offered, typed by the catalog, and all need indexing', () => {
    const schema = fieldSchema({ olderForm: true }, { kind: 'missing' });
    assert.deepEqual(names(schema.fields), lead(OLDER_FORM_FIELDS));
    assert.deepEqual(names(schema.unindexed), lead(OLDER_FORM_FIELDS));
    assert.equal(schema.fields.find((f) => f.name === 'rtt')?.type, 'long');
  });

  it('index not readable: the written fields, nothing claimed about indexing', () => {
    const schema = fieldSchema({ olderForm: false }, { kind: 'unknown' });
    assert.deepEqual(names(schema.fields), lead(CURRENT_FIELDS));
    assert.deepEqual(schema.unindexed, []);
  });

  it('a bare logstore (no flow log): the index keys, catalog fields first; without an index, today\'s catalog', () => {
    const schema = fieldSchema(undefined, indexOf(['zeta', 'text'], ['bytes', 'long'], ['srcaddr', 'text'], ['rtt', 'long']));
    assert.deepEqual(names(schema.fields), ['srcaddr', 'bytes', 'rtt', 'zeta']);
    assert.deepEqual(names(fieldSchema(undefined, { kind: 'missing' }).fields), names(CURRENT_FIELDS));
  });
});

describe('the create wizard’s field picker: a selection of today’s fields as a LogFormatString', () => {
  const documented = CURRENT_FIELDS.map((f) => f.name);

  it('offers every field documented today once: the three the service requires first and marked, then the documented order', () => {
    const choices = logFormatChoices();
    assert.deepEqual(choices.slice(0, 3).map((c) => [c.name, c.required]), [['srcaddr', true], ['dstaddr', true], ['bytes', true]]);
    assert.ok(choices.slice(3).every((c) => !c.required));
    assert.deepEqual([...choices.map((c) => c.name)].sort(), [...documented].sort());
    const rest = documented.filter((n) => !['srcaddr', 'dstaddr', 'bytes'].includes(n));
    assert.deepEqual(choices.slice(3).map((c) => c.name), rest);
    for (const c of choices) assert.ok(c.description.length > 0, `${c.name} has a description`);
  });

  it('builds ${a}${b}… with the required three first and the rest in documented order, whatever order they were picked in', () => {
    assert.equal(logFormatOf(['direction', 'bytes', 'srcport', 'dstaddr', 'srcaddr']), '${srcaddr}${dstaddr}${bytes}${srcport}${direction}');
    assert.equal(logFormatOf(['srcaddr', 'dstaddr', 'bytes']), LOG_FORMAT_REQUIRED_PREFIX);
  });

  it('every field checked is the default format (empty: every field, also ones the service adds later)', () => {
    assert.equal(logFormatOf([...documented].reverse()), '');
  });

  it('what it builds passes the API’s LogFormatString rule', () => {
    const optional = documented.filter((n) => !['srcaddr', 'dstaddr', 'bytes'].includes(n));
    for (let i = 0; i < optional.length; i++) {
      const format = logFormatOf(['srcaddr', 'dstaddr', 'bytes', ...optional.filter((_, k) => k % (i + 2) === 0)]);
      assert.equal(logFormatProblem(format), undefined, format);
    }
  });

  it('refuses a selection without a required field or with a name that is not a field today, saying which', () => {
    assert.match(logFormatSelectionProblem(['srcaddr', 'bytes', 'srcport']) ?? '', /dstaddr must stay selected/);
    assert.match(logFormatSelectionProblem(['srcaddr', 'dstaddr', 'bytes', 'rtt']) ?? '', /Not a flow-log field today: rtt/);
    assert.equal(logFormatSelectionProblem(['srcaddr', 'dstaddr', 'bytes']), undefined);
  });

  it('shows a chosen format again as its selection (empty = every field)', () => {
    assert.deepEqual(selectedFieldsOf('${srcaddr}${dstaddr}${bytes}${dstport}'), ['srcaddr', 'dstaddr', 'bytes', 'dstport']);
    assert.deepEqual([...selectedFieldsOf('')].sort(), [...documented].sort());
    assert.equal(logFormatOf(selectedFieldsOf('${srcaddr}${dstaddr}${bytes}${dstport}')), '${srcaddr}${dstaddr}${bytes}${dstport}');
  });
});

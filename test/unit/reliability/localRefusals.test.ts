/**
 * Bad input refused before any request, with a message: wizard fields (validation.ts), time ranges
 * (the workbench resolver and the range parser), and endpoint settings (endpoints.ts and the client
 * factories, which must refuse before building an SDK client). Messages stay short even for
 * megabyte input, so a pasted blob never becomes a notification.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkInterval, validateCreateInput, validateModifyInput } from '../../../src/flowlogs/validation';
import { checkField } from '../../reliability/fieldCheck';
import { resolveWorkbenchRange } from '../../../src/views/workbench/workbenchLanguage';
import { parseTimeRange } from '../../../src/query/timeRange';
import { checkHostEndpoint, checkUrlEndpoint } from '../../../src/cloud/endpoints';
import { createCenClient } from '../../../src/cloud/cenClient';
import { createSlsClient } from '../../../src/cloud/slsClient';
import { CloudError } from '../../../src/cloud/cloudError';
import { FIELD_CASES, INTERVAL_CASES } from '../../reliability/corpus/flowLogFields';
import { CORPUS_NOW, SPEC_CASES, TEXT_CASES } from '../../reliability/corpus/timeRanges';
import { HOST_ENDPOINT_CASES, URL_ENDPOINT_CASES } from '../../reliability/corpus/endpoints';

const MAX_MESSAGE = 600;

describe('wizard fields: refused locally with a message', () => {
  for (const c of FIELD_CASES) {
    it(`${c.message ? 'refuses' : 'accepts'} ${c.name}`, () => {
      const got = checkField(c.field, c.value);
      if (c.message === undefined) {
        assert.equal(got, undefined);
        return;
      }
      assert.ok(got !== undefined, `accepted ${JSON.stringify(c.value.slice(0, 80))}`);
      assert.match(got, c.message);
      assert.ok(got.length < MAX_MESSAGE, `message is ${got.length} characters long`);
    });
  }

  it('create and modify requests report the same refusals field by field', () => {
    const bad = { regionId: 'cn-hangzhou', cenId: 'cen-abc', transitRouterId: 'tr-abc', projectName: 'p-1', logStoreName: 'ls-1', name: 'http://x', description: 'a\nb' };
    assert.deepEqual(validateCreateInput(bad).map((i) => i.field), ['name', 'description']);
    assert.deepEqual(validateModifyInput({ name: 'x'.repeat(129), description: 'https://y' }).map((i) => i.field), ['name', 'description']);
  });

  for (const c of INTERVAL_CASES) {
    it(`interval ${c.value} is ${c.ok ? 'accepted' : 'refused'}`, () => {
      const got = checkInterval(c.value);
      if (c.ok) assert.equal(got, undefined);
      else assert.match(got ?? '', /60 seconds .* or 600 seconds/);
    });
  }
});

describe('time ranges: refused before any request', () => {
  for (const c of SPEC_CASES) {
    it(`refuses ${c.name}`, () => {
      assert.throws(
        () => resolveWorkbenchRange(c.spec, 600, CORPUS_NOW),
        (e: unknown) => e instanceof RangeError && c.message.test(e.message) && e.message.length < MAX_MESSAGE,
      );
    });
  }
  for (const c of TEXT_CASES) {
    it(`does not parse ${JSON.stringify(c.text.slice(0, 40))}${c.text.length > 40 ? '…' : ''}`, () => {
      const r = parseTimeRange(c.text);
      assert.equal(r.ok, false);
      if (!r.ok) {
        assert.match(r.message, c.message);
        assert.ok(r.message.length < MAX_MESSAGE);
      }
    });
  }
});

describe('endpoint settings: plain http only for loopback, every refusal explained', () => {
  for (const c of URL_ENDPOINT_CASES) {
    it(`${c.message ? 'refuses' : 'accepts'} CEN endpoint ${JSON.stringify(c.value)}`, () => {
      const r = checkUrlEndpoint(c.value, 'cenFlowLogs.cenEndpoint');
      if (c.message === undefined) {
        assert.ok(r.ok, r.ok ? '' : r.message);
        return;
      }
      assert.ok(!r.ok, `accepted as ${r.ok ? r.value : ''}`);
      if (!r.ok) assert.match(r.message, c.message);
      // The client factory refuses it too, before any SDK client exists.
      assert.throws(
        () => createCenClient({ endpoint: c.value, credentials: { label: 'x', getCredentials: () => Promise.reject(new Error('must not be asked')) } }),
        (e: unknown) => e instanceof CloudError && e.kind === 'invalidInput' && c.message !== undefined && c.message.test(e.message),
      );
    });
  }
  for (const c of HOST_ENDPOINT_CASES) {
    it(`${c.message ? 'refuses' : 'accepts'} Log Service endpoint ${JSON.stringify(c.host)} over ${c.protocol}`, () => {
      const r = checkHostEndpoint(c.host, c.protocol, 'cenFlowLogs.slsEndpoint');
      if (c.message === undefined) {
        assert.ok(r.ok, r.ok ? '' : r.message);
        return;
      }
      assert.ok(!r.ok, 'accepted');
      if (!r.ok) assert.match(r.message, c.message);
      assert.throws(
        () => createSlsClient({ endpoint: c.host, protocol: c.protocol, credentials: { label: 'x', getCredentials: () => Promise.reject(new Error('must not be asked')) } }),
        (e: unknown) => e instanceof CloudError && e.kind === 'invalidInput',
      );
    });
  }
});

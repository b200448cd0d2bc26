import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CloudError, type CloudErrorKind } from '../../../src/cloud/cloudError';
import { errorHeadline, presentError } from '../../../src/views/commands/errorPresentation';

const KINDS: readonly CloudErrorKind[] = [
  'notWhitelisted', 'credentials', 'permission', 'throttled', 'serverError', 'network', 'notFound', 'conflict',
  'incorrectStatus', 'invalidInput', 'unsupportedRegion', 'quota', 'serviceNotActivated', 'cancelled',
  'unexpectedResponse', 'unknown',
];

describe('error → message mapping', () => {
  it('a CloudError shows its message and next step, prefixed with the action; code and request id go to the detail', () => {
    const p = presentError(
      new CloudError({
        kind: 'notWhitelisted',
        message: 'This account is not whitelisted for CEN flow logs.',
        nextStep: 'Open a support ticket to be whitelisted.',
        code: 'Forbidden.FlowLogNotWhitelisted',
        requestId: 'REQ-1',
        httpStatus: 403,
      }),
      'Create flow log',
    );
    assert.equal(p.message, 'Create flow log failed: This account is not whitelisted for CEN flow logs. Open a support ticket to be whitelisted.');
    assert.equal(p.detail, 'code Forbidden.FlowLogNotWhitelisted, request id REQ-1, HTTP 403');
    assert.equal(p.kind, 'notWhitelisted');
    assert.equal(p.cancelled, false);
  });

  it('cancellation is recognised so nothing is shown', () => {
    assert.equal(presentError(new CloudError({ kind: 'cancelled', message: 'The operation was cancelled.' })).cancelled, true);
    const abort = new Error('aborted');
    abort.name = 'AbortError';
    assert.equal(presentError(abort).cancelled, true);
  });

  it('plain errors and non-errors still give one readable line', () => {
    assert.deepEqual(presentError(new Error('boom'), 'Refresh'), { message: 'Refresh failed: boom', cancelled: false, kind: 'unknown' });
    assert.equal(presentError('weird').message, 'weird');
  });

  it('every kind has its own headline', () => {
    const headlines = KINDS.map(errorHeadline);
    assert.equal(new Set(headlines).size, KINDS.length);
    for (const h of headlines) assert.match(h, /\.$/);
  });
});

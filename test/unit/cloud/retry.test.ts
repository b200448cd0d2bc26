import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CloudError } from '../../../src/cloud/cloudError';
import { backoffDelay, DEFAULT_RETRY_POLICY, networkErrorToCloudError, withRetry, type RetryInfo } from '../../../src/cloud/retry';

const retryable = (code = 'Throttling'): CloudError => new CloudError({ kind: 'throttled', message: 'slow down', code, retryable: true });
const fatal = (): CloudError => new CloudError({ kind: 'credentials', message: 'bad key', retryable: false });
const mapError = (e: unknown): CloudError => (e instanceof CloudError ? e : new CloudError({ kind: 'unknown', message: String(e) }));

/** Records the delays instead of waiting, and advances a fake clock by them. */
function fakeTime(): { sleep: (ms: number) => Promise<void>; now: () => number; slept: number[] } {
  let t = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    sleep: async (ms) => {
      slept.push(ms);
      t += ms;
    },
  };
}

describe('withRetry', () => {
  it('returns the first success and passes the attempt number', async () => {
    const time = fakeTime();
    const seen: number[] = [];
    const result = await withRetry(
      async (attempt) => {
        seen.push(attempt);
        if (attempt < 3) throw retryable();
        return 'ok';
      },
      { mapError, sleep: time.sleep, now: time.now, random: () => 1 },
    );
    assert.equal(result, 'ok');
    assert.deepEqual(seen, [1, 2, 3]);
    // Full jitter with random() = 1 gives the ceiling: base * 2^(attempt-1).
    assert.deepEqual(time.slept, [200, 400]);
  });

  it('does not retry a non-retryable error', async () => {
    let calls = 0;
    await assert.rejects(
      withRetry(async () => {
        calls++;
        throw fatal();
      }, { mapError, sleep: fakeTime().sleep }),
      (e: unknown) => e instanceof CloudError && e.kind === 'credentials',
    );
    assert.equal(calls, 1);
  });

  it('gives up after maxAttempts with the last error, reporting each retry', async () => {
    const time = fakeTime();
    const retries: RetryInfo[] = [];
    let calls = 0;
    await assert.rejects(
      withRetry(
        async () => {
          calls++;
          throw retryable(`Throttling.${calls}`);
        },
        { mapError, policy: { maxAttempts: 4 }, sleep: time.sleep, now: time.now, onRetry: (i) => retries.push(i), random: () => 0.5 },
      ),
      (e: unknown) => e instanceof CloudError && e.code === 'Throttling.4',
    );
    assert.equal(calls, 4);
    assert.deepEqual(retries.map((r) => r.attempt), [1, 2, 3]);
    assert.deepEqual(retries.map((r) => r.delayMs), [100, 200, 400]);
  });

  it('stops when the next wait would pass the total time bound', async () => {
    const time = fakeTime();
    let calls = 0;
    await assert.rejects(
      withRetry(
        async () => {
          calls++;
          throw retryable();
        },
        { mapError, policy: { maxAttempts: 100, baseDelayMs: 1000, maxDelayMs: 1000, totalTimeoutMs: 3500 }, sleep: time.sleep, now: time.now, random: () => 1 },
      ),
    );
    assert.equal(calls, 4);
    assert.ok(time.now() <= 3500);
  });

  it('caps each delay at maxDelayMs', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 200, maxDelayMs: 1000 };
    assert.equal(backoffDelay(10, policy, () => 1), 1000);
    assert.equal(backoffDelay(1, policy, () => 0), 0);
  });

  it('maps thrown non-CloudErrors with mapError and retries them when retryable', async () => {
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls++;
        if (calls === 1) throw Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
        return calls;
      },
      { mapError: (e) => networkErrorToCloudError(e) ?? mapError(e), sleep: fakeTime().sleep },
    );
    assert.equal(result, 2);
  });

  it('a cancelled signal ends the wait at once with kind cancelled', async () => {
    const controller = new AbortController();
    let calls = 0;
    const started = Date.now();
    const p = withRetry(
      async () => {
        calls++;
        throw retryable();
      },
      { mapError, signal: controller.signal, policy: { baseDelayMs: 10_000, maxDelayMs: 10_000 }, random: () => 1 },
    );
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(p, (e: unknown) => e instanceof CloudError && e.kind === 'cancelled');
    assert.equal(calls, 1);
    assert.ok(Date.now() - started < 2000, 'did not wait out the 10 s backoff');
  });

  it('does not start when the signal is already aborted', async () => {
    let calls = 0;
    await assert.rejects(
      withRetry(async () => ++calls, { mapError, signal: AbortSignal.abort() }),
      (e: unknown) => e instanceof CloudError && e.kind === 'cancelled',
    );
    assert.equal(calls, 0);
  });
});

describe('networkErrorToCloudError', () => {
  for (const [what, e] of [
    ['ECONNRESET', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['ECONNREFUSED', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })],
    ['ETIMEDOUT', Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' })],
    ['socket hang up', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
    ['socket hang up without a code', new Error('socket hang up')],
    ['httpx read timeout', Object.assign(new Error('ReadTimeout(3000). GET http://x failed.'), { name: 'RequestTimeoutError' })],
    ['fetch failed with a cause', new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) })],
  ] as const) {
    it(`${what} → retryable network error`, () => {
      const c = networkErrorToCloudError(e);
      assert.ok(c, 'mapped');
      assert.equal(c.kind, 'network');
      assert.equal(c.retryable, true);
      assert.ok(c.nextStep);
    });
  }

  it('leaves other errors alone', () => {
    assert.equal(networkErrorToCloudError(new Error('Specified access key is not found.')), undefined);
    assert.equal(networkErrorToCloudError(Object.assign(new Error('x'), { code: 'SignatureDoesNotMatch' })), undefined);
    assert.equal(networkErrorToCloudError('nope'), undefined);
  });
});

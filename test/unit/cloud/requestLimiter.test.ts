import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CloudError } from '../../../src/cloud/cloudError';
import {
  DEFAULT_MAX_CONCURRENT_REQUESTS,
  MAX_CONCURRENT_REQUESTS,
  MAX_CONCURRENT_REQUESTS_SETTING,
  MIN_CONCURRENT_REQUESTS,
  normaliseRequestLimit,
  RequestLimiter,
} from '../../../src/cloud/requestLimiter';

/** A call the test finishes by hand, recording when it started; it honours its signal like the cloud clients do. */
interface HeldCall {
  readonly name: string;
  readonly done: Promise<string>;
  finish(): void;
}

function harness(limiter: RequestLimiter): { started: string[]; peak: () => number; submit(name: string, signal?: AbortSignal): HeldCall } {
  const started: string[] = [];
  let peak = 0;
  return {
    started,
    peak: () => peak,
    submit(name, signal) {
      // finish() before the call starts makes it finish as soon as it starts.
      let finishRequested = false;
      let finish = (): void => void (finishRequested = true);
      const done = limiter.run(
        () =>
          new Promise<string>((resolve, reject) => {
            started.push(name);
            peak = Math.max(peak, limiter.active);
            finish = () => resolve(name);
            if (finishRequested) resolve(name);
            signal?.addEventListener('abort', () => reject(new CloudError({ kind: 'cancelled', message: 'cancelled' })), { once: true });
          }),
        signal,
      );
      return {
        name,
        done,
        finish: () => finish(),
      };
    },
  };
}

/** Lets every settled promise's callbacks run. */
const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('RequestLimiter', () => {
  it('runs at most `limit` calls at once and admits the rest in arrival order', async () => {
    const limiter = new RequestLimiter(3);
    const h = harness(limiter);
    const calls = Array.from({ length: 10 }, (_, i) => h.submit(`c${i}`));
    await settle();
    assert.deepEqual(h.started, ['c0', 'c1', 'c2']);
    assert.equal(limiter.waiting, 7);
    for (const c of calls) {
      c.finish();
      await settle();
    }
    assert.deepEqual(await Promise.all(calls.map((c) => c.done)), calls.map((c) => c.name));
    assert.deepEqual(h.started, calls.map((c) => c.name), 'first come, first served');
    assert.equal(h.peak(), 3);
    assert.equal(limiter.active, 0);
  });

  it('a panel that keeps submitting cannot starve one that asks once', async () => {
    const limiter = new RequestLimiter(2);
    const h = harness(limiter);
    const greedy: HeldCall[] = [h.submit('greedy-0'), h.submit('greedy-1'), h.submit('greedy-2')];
    const quiet = h.submit('quiet');
    // The greedy panel queues a new request every time one of its own finishes.
    for (let round = 0; round < 4; round++) {
      greedy[round].finish();
      greedy.push(h.submit(`greedy-${greedy.length}`));
      await settle();
    }
    assert.deepEqual(h.started.slice(0, 5), ['greedy-0', 'greedy-1', 'greedy-2', 'quiet', 'greedy-3'], 'the quiet call ran before anything queued after it');
    quiet.finish();
    for (const c of greedy) c.finish();
    await Promise.all([quiet.done, ...greedy.map((c) => c.done)]);
  });

  it('a call cancelled while queued leaves the queue, never runs, and rejects as cancelled', async () => {
    const limiter = new RequestLimiter(1);
    const h = harness(limiter);
    const first = h.submit('first');
    const abort = new AbortController();
    const cancelled = h.submit('cancelled', abort.signal);
    const third = h.submit('third');
    await settle();
    assert.equal(limiter.waiting, 2);
    abort.abort();
    await assert.rejects(cancelled.done, (e: unknown) => e instanceof CloudError && e.kind === 'cancelled');
    assert.equal(limiter.waiting, 1);
    first.finish();
    await settle();
    assert.deepEqual(h.started, ['first', 'third']);
    third.finish();
    await third.done;
  });

  it('a call cancelled while running frees its slot for the next one', async () => {
    const limiter = new RequestLimiter(1);
    const h = harness(limiter);
    const abort = new AbortController();
    const running = h.submit('running', abort.signal);
    const next = h.submit('next');
    await settle();
    assert.deepEqual(h.started, ['running']);
    abort.abort();
    await assert.rejects(running.done, (e: unknown) => e instanceof CloudError && e.kind === 'cancelled');
    await settle();
    assert.deepEqual(h.started, ['running', 'next']);
    next.finish();
    await next.done;
  });

  it('an already aborted signal is refused without queueing', async () => {
    const limiter = new RequestLimiter(1);
    const abort = new AbortController();
    abort.abort();
    let ran = false;
    await assert.rejects(
      limiter.run(async () => (ran = true), abort.signal),
      (e: unknown) => e instanceof CloudError && e.kind === 'cancelled',
    );
    assert.equal(ran, false);
    assert.equal(limiter.waiting, 0);
  });

  it('a call that throws frees its slot', async () => {
    const limiter = new RequestLimiter(1);
    await assert.rejects(limiter.run(async () => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(limiter.active, 0);
    assert.equal(await limiter.run(async () => 'after'), 'after');
  });

  it('raising the limit admits waiters at once; lowering it lets running calls finish first', async () => {
    const limiter = new RequestLimiter(1);
    const h = harness(limiter);
    const calls = Array.from({ length: 6 }, (_, i) => h.submit(`c${i}`));
    await settle();
    assert.deepEqual(h.started, ['c0']);
    limiter.setLimit(4);
    await settle();
    assert.deepEqual(h.started, ['c0', 'c1', 'c2', 'c3']);
    limiter.setLimit(2);
    calls[0].finish();
    calls[1].finish();
    await settle();
    assert.equal(limiter.active, 2, 'two still run, above nothing new');
    assert.deepEqual(h.started, ['c0', 'c1', 'c2', 'c3'], 'no one admitted while at the new limit');
    calls[2].finish();
    await settle();
    assert.deepEqual(h.started, ['c0', 'c1', 'c2', 'c3', 'c4']);
    assert.ok(limiter.active <= 2);
    for (const c of calls) c.finish();
    await Promise.all(calls.map((c) => c.done));
    assert.equal(h.peak(), 4);
  });
});

describe('normaliseRequestLimit', () => {
  it('takes whole numbers within bounds and falls back to the default for anything else', () => {
    assert.equal(normaliseRequestLimit(6), 6);
    assert.equal(normaliseRequestLimit(2.6), 3);
    assert.equal(normaliseRequestLimit(0), MIN_CONCURRENT_REQUESTS);
    assert.equal(normaliseRequestLimit(-5), MIN_CONCURRENT_REQUESTS);
    assert.equal(normaliseRequestLimit(1_000), MAX_CONCURRENT_REQUESTS);
    assert.equal(normaliseRequestLimit(Number.NaN), DEFAULT_MAX_CONCURRENT_REQUESTS);
    assert.equal(normaliseRequestLimit(Number.POSITIVE_INFINITY), DEFAULT_MAX_CONCURRENT_REQUESTS);
    assert.equal(normaliseRequestLimit('4'), DEFAULT_MAX_CONCURRENT_REQUESTS);
    assert.equal(normaliseRequestLimit(undefined), DEFAULT_MAX_CONCURRENT_REQUESTS);
  });

  it('matches the setting package.json declares', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { type: string; default: number; minimum: number; maximum: number; markdownDescription: string }> } };
    };
    const setting = manifest.contributes.configuration.properties[`cenFlowLogs.${MAX_CONCURRENT_REQUESTS_SETTING}`];
    assert.ok(setting, 'the setting is contributed');
    assert.equal(setting.type, 'integer');
    assert.equal(setting.default, DEFAULT_MAX_CONCURRENT_REQUESTS);
    assert.equal(setting.minimum, MIN_CONCURRENT_REQUESTS);
    assert.equal(setting.maximum, MAX_CONCURRENT_REQUESTS);
    assert.ok(setting.markdownDescription.length > 40);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WindowedRequestCache } from '../../../src/query/windowedRequestCache';

/** A clock the test moves, and a request the test answers. */
function fixture(startSeconds = 6000) {
  let now = startSeconds;
  const cache = new WindowedRequestCache<string>({ now: () => now, maxEntries: 3 });
  const calls: { key: string; signal: AbortSignal; resolve: (v: string) => void; reject: (e: unknown) => void }[] = [];
  const fetchFor = (key: string) => (signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      calls.push({ key, signal, resolve, reject });
      signal.addEventListener('abort', () => reject(signal.reason));
    });
  return { cache, calls, fetchFor, advance: (s: number) => (now += s) };
}

describe('WindowedRequestCache', () => {
  it('asks once per key per window: a second lookup in the window is answered from the first', async () => {
    const { cache, calls, fetchFor, advance } = fixture();
    const first = cache.lookup('10.0.0.1', 600, fetchFor('10.0.0.1'));
    calls[0].resolve('summary');
    assert.deepEqual(await first, { kind: 'value', value: 'summary', windowStart: 6000 });
    advance(599);
    assert.deepEqual(await cache.lookup('10.0.0.1', 600, fetchFor('10.0.0.1')), { kind: 'value', value: 'summary', windowStart: 6000 });
    assert.equal(cache.requestsStarted, 1);
    advance(1); // the next capture window
    const next = cache.lookup('10.0.0.1', 600, fetchFor('10.0.0.1'));
    calls[1].resolve('newer');
    assert.deepEqual(await next, { kind: 'value', value: 'newer', windowStart: 6600 });
    assert.equal(cache.requestsStarted, 2);
  });

  it('two hovers at once share one request', async () => {
    const { cache, calls, fetchFor } = fixture();
    const a = cache.lookup('k', 600, fetchFor('k'), new AbortController().signal);
    const b = cache.lookup('k', 600, fetchFor('k'), new AbortController().signal);
    assert.equal(calls.length, 1);
    calls[0].resolve('v');
    assert.deepEqual([await a, await b].map((l) => l.kind), ['value', 'value']);
  });

  it('aborts the request when the last waiting hover goes away, and that request counts for the window', async () => {
    const { cache, calls, fetchFor, advance } = fixture();
    const one = new AbortController();
    const two = new AbortController();
    const a = cache.lookup('k', 600, fetchFor('k'), one.signal);
    const b = cache.lookup('k', 600, fetchFor('k'), two.signal);
    one.abort(new Error('hover 1 closed'));
    await assert.rejects(a, /hover 1 closed/);
    assert.equal(calls[0].signal.aborted, false, 'another hover still waits');
    two.abort(new Error('hover 2 closed'));
    await assert.rejects(b, /hover 2 closed/);
    assert.equal(calls[0].signal.aborted, true);
    assert.deepEqual(await cache.lookup('k', 600, fetchFor('k')), { kind: 'spent', retryAt: 6600 });
    assert.equal(cache.requestsStarted, 1);
    advance(600);
    void cache.lookup('k', 600, fetchFor('k'));
    assert.equal(cache.requestsStarted, 2, 'asked again in the next window');
  });

  it('a failure is kept for the window (no retry storm), with when it is tried again', async () => {
    const { cache, calls, fetchFor } = fixture(6010);
    const first = cache.lookup('k', 60, fetchFor('k'));
    calls[0].reject(new Error('throttled'));
    const failed = await first;
    assert.equal(failed.kind, 'failed');
    assert.equal(failed.kind === 'failed' && failed.retryAt, 6060);
    assert.equal((await cache.lookup('k', 60, fetchFor('k'))).kind, 'failed');
    assert.equal(cache.requestsStarted, 1);
  });

  it('an already aborted signal asks nothing', () => {
    const { cache, fetchFor } = fixture();
    const gone = new AbortController();
    gone.abort(new Error('gone'));
    assert.throws(() => void cache.lookup('k', 600, fetchFor('k'), gone.signal), /gone/);
    assert.equal(cache.requestsStarted, 0);
  });

  it('keeps a bounded number of keys, dropping the oldest', async () => {
    const { cache, calls, fetchFor } = fixture();
    for (const k of ['a', 'b', 'c', 'd']) void cache.lookup(k, 600, fetchFor(k));
    for (const c of calls) c.resolve(c.key);
    await new Promise((r) => setImmediate(r));
    void cache.lookup('a', 600, fetchFor('a')); // 'a' was dropped: asked again
    void cache.lookup('d', 600, fetchFor('d')); // kept
    assert.equal(cache.requestsStarted, 5);
  });
});

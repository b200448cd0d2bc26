/**
 * The recent-values cache: values are kept per key until they expire; one load per key at a time,
 * shared by everyone asking meanwhile; a caller's cancel ends its wait, and the load is aborted only
 * when nobody waits any more; a failure is remembered briefly, then asked again.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FieldValueCache } from '../../../src/documents/fieldValueCache';

/** A load the test ends by hand, recording the signal it was given. */
class ManualLoad {
  readonly started: AbortSignal[] = [];
  private resolvers: ((v: string) => void)[] = [];
  private rejecters: ((e: unknown) => void)[] = [];

  readonly load = (signal: AbortSignal): Promise<string> => {
    this.started.push(signal);
    return new Promise<string>((resolve, reject) => {
      this.resolvers.push(resolve);
      this.rejecters.push(reject);
    });
  };

  resolve(i: number, v: string): void {
    this.resolvers[i](v);
  }

  reject(i: number, e: unknown): void {
    this.rejecters[i](e);
  }
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

function cache(clock: { now: number }): FieldValueCache<string> {
  return new FieldValueCache<string>({ ttlMs: 1000, failureTtlMs: 100, now: () => clock.now });
}

describe('recent field values cache', () => {
  it('two callers at once share one load; both get its values; a third within the expiry gets them without loading', async () => {
    const clock = { now: 0 };
    const c = cache(clock);
    const manual = new ManualLoad();
    const key = FieldValueCache.key('flowlog-1', 'dstport');
    const a = c.get(key, manual.load);
    const b = c.get(key, manual.load);
    await tick();
    assert.equal(manual.started.length, 1, 'one request per field per target at a time');
    assert.equal(c.loading, 1);
    manual.resolve(0, 'v1');
    assert.deepEqual(await Promise.all([a, b]), ['v1', 'v1']);
    clock.now = 999;
    assert.equal(await c.get(key, manual.load), 'v1');
    assert.equal(manual.started.length, 1);
  });

  it('values expire: the next ask loads again', async () => {
    const clock = { now: 0 };
    const c = cache(clock);
    const manual = new ManualLoad();
    const first = c.get('k', manual.load);
    await tick();
    manual.resolve(0, 'old');
    await first;
    clock.now = 1000;
    const second = c.get('k', manual.load);
    await tick();
    assert.equal(manual.started.length, 2);
    manual.resolve(1, 'new');
    assert.equal(await second, 'new');
  });

  it('other fields and other targets load on their own', async () => {
    const c = cache({ now: 0 });
    const manual = new ManualLoad();
    void c.get(FieldValueCache.key('a', 'dstport'), manual.load).catch(() => undefined);
    void c.get(FieldValueCache.key('a', 'srcaddr'), manual.load).catch(() => undefined);
    void c.get(FieldValueCache.key('b', 'dstport'), manual.load).catch(() => undefined);
    await tick();
    assert.equal(manual.started.length, 3);
    c.clear();
    assert.ok(manual.started.every((s) => s.aborted), 'clear aborts running loads');
  });

  it('one caller cancelling leaves the shared load running for the other', async () => {
    const c = cache({ now: 0 });
    const manual = new ManualLoad();
    const cancel = new AbortController();
    const a = c.get('k', manual.load, cancel.signal);
    const b = c.get('k', manual.load);
    await tick();
    cancel.abort();
    await assert.rejects(a, (e: unknown) => e instanceof Error && 'kind' in e && e.kind === 'cancelled');
    assert.equal(manual.started[0].aborted, false);
    manual.resolve(0, 'v');
    assert.equal(await b, 'v');
  });

  it('when every caller cancels, the load is aborted and the next ask starts a new one', async () => {
    const c = cache({ now: 0 });
    const manual = new ManualLoad();
    const one = new AbortController();
    const two = new AbortController();
    const a = c.get('k', manual.load, one.signal);
    const b = c.get('k', manual.load, two.signal);
    await tick();
    one.abort();
    assert.equal(manual.started[0].aborted, false, 'the other caller still waits');
    two.abort();
    assert.equal(manual.started[0].aborted, true, 'nobody waits: the request is cancelled');
    await Promise.allSettled([a, b]);
    manual.reject(0, new Error('aborted'));
    await tick();
    const again = c.get('k', manual.load);
    await tick();
    assert.equal(manual.started.length, 2);
    manual.resolve(1, 'fresh');
    assert.equal(await again, 'fresh');
  });

  it('an already cancelled ask loads nothing', async () => {
    const c = cache({ now: 0 });
    const manual = new ManualLoad();
    await assert.rejects(c.get('k', manual.load, AbortSignal.abort()));
    await tick();
    assert.equal(manual.started.length, 0);
  });

  it('a failure is remembered for its short time, then asked again', async () => {
    const clock = { now: 0 };
    const c = cache(clock);
    const manual = new ManualLoad();
    const first = c.get('k', manual.load);
    await tick();
    manual.reject(0, new Error('IndexConfigNotExist'));
    await assert.rejects(first, /IndexConfigNotExist/);
    clock.now = 99;
    await assert.rejects(c.get('k', manual.load), /IndexConfigNotExist/);
    assert.equal(manual.started.length, 1);
    clock.now = 100;
    const retry = c.get('k', manual.load);
    await tick();
    assert.equal(manual.started.length, 2);
    manual.resolve(1, 'ok');
    assert.equal(await retry, 'ok');
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MessageInbox, type InboxScheduler } from '../../../webview/results/messageInbox';

/** A clock the test moves and a "paint" the test runs, so slices are deterministic. */
class ManualScheduler implements InboxScheduler {
  time = 0;
  private waiting: (() => void)[] = [];
  now(): number {
    return this.time;
  }
  afterNextPaint(task: () => void): void {
    this.waiting.push(task);
  }
  paint(): void {
    const tasks = this.waiting;
    this.waiting = [];
    for (const t of tasks) t();
  }
}

/** An event whose data reads are counted, like Chromium's lazily deserialized message data. */
function event(value: number, reads: number[]): { readonly data: unknown } {
  return {
    get data(): unknown {
      reads.push(value);
      return value;
    },
  };
}

test('a slow first message lets a frame paint before the queued ones are read', async () => {
  const clock = new ManualScheduler();
  const handled: number[] = [];
  const reads: number[] = [];
  const inbox = new MessageInbox((d) => {
    handled.push(d as number);
    clock.time += d === 1 ? 30 : 5; // the first page renders the first screen
  }, clock, 24);
  for (let i = 1; i <= 10; i++) inbox.receive(event(i, reads));
  assert.deepEqual(handled, [1]);
  assert.deepEqual(reads, [1], 'queued messages are not read before the paint');
  assert.equal(inbox.pending, 9);
  clock.paint();
  assert.deepEqual(handled, [1, 2, 3, 4, 5, 6], 'one slice of 24 ms after the paint');
  clock.paint();
  assert.deepEqual(handled, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.equal(inbox.pending, 0);
});

test('cheap messages are handled at once, in order', () => {
  const clock = new ManualScheduler();
  const handled: unknown[] = [];
  const inbox = new MessageInbox((d) => handled.push(d), clock, 24);
  for (const v of ['queryStarted', 'resultPage', 'queryDone']) inbox.receive({ data: v });
  assert.deepEqual(handled, ['queryStarted', 'resultPage', 'queryDone']);
});

test('messages arriving while the inbox waits for a paint queue behind the waiting ones', () => {
  const clock = new ManualScheduler();
  const handled: number[] = [];
  const inbox = new MessageInbox((d) => {
    handled.push(d as number);
    clock.time += 25;
  }, clock, 24);
  inbox.receive({ data: 1 });
  inbox.receive({ data: 2 });
  inbox.receive({ data: 3 });
  assert.deepEqual(handled, [1]);
  clock.paint();
  assert.deepEqual(handled, [1, 2]);
  inbox.receive({ data: 4 });
  assert.deepEqual(handled, [1, 2], 'no overtaking while waiting');
  clock.paint();
  clock.paint();
  assert.deepEqual(handled, [1, 2, 3, 4]);
});

test('a message whose handler throws does not strand the ones behind it', () => {
  const clock = new ManualScheduler();
  const handled: number[] = [];
  const errors: unknown[] = [];
  const inbox = new MessageInbox(
    (d) => {
      if (d === 2) throw new Error('bad message');
      handled.push(d as number);
    },
    clock,
    24,
    (e) => errors.push(e),
  );
  for (const v of [1, 2, 3]) inbox.receive({ data: v });
  assert.deepEqual(handled, [1, 3]);
  assert.equal(errors.length, 1);
  assert.match(String(errors[0]), /bad message/);
});

test('when frames are slow the next slice is as long as the wait, so pages keep flowing', () => {
  const clock = new ManualScheduler();
  const handled: number[] = [];
  const inbox = new MessageInbox((d) => {
    handled.push(d as number);
    clock.time += 10;
  }, clock, 24);
  for (let i = 1; i <= 20; i++) inbox.receive({ data: i });
  assert.equal(handled.length, 3, '24 ms slice: three 10 ms messages');
  clock.time += 100; // a slow frame
  clock.paint();
  assert.equal(handled.length, 13, 'a 100 ms slice after a 100 ms wait');
  clock.paint();
  assert.equal(handled.length, 16, 'back to 24 ms after a prompt paint');
});

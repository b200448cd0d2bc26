import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { restoreViewState, startState, ViewStateKeeper, SCROLL_POST_MS, type KeeperTimers, type StateSink } from '../../../webview/workbenchState';
import type { WebviewMessage, WorkbenchTarget, WorkbenchViewState } from '../../../src/protocol/messages';

const TARGET: WorkbenchTarget = { kind: 'logstore', title: 'prod-flowlog', regionId: 'cn-hangzhou', projectName: 'p', logStoreName: 'ls', interval: 600, fields: [] };
const HOUR = { kind: 'quick', minutes: 60 } as const;

test('a saved view state comes back as it was stored', () => {
  const state = { query: 'dstport:443', range: { kind: 'relative', amount: 3, unit: 'hours' }, chart: 'bar', scrollTop: 220 };
  assert.deepEqual(restoreViewState(state), state);
  const withLastRun = { ...state, lastRun: '* | select count(*)' };
  assert.deepEqual(restoreViewState(withLastRun), withLastRun);
});

test('state from an older or damaged page is ignored rather than trusted', () => {
  assert.equal(restoreViewState(undefined), undefined);
  assert.equal(restoreViewState({ query: 42 }), undefined);
  assert.equal(restoreViewState({ query: '*', range: { kind: 'quick', minutes: -5 } }), undefined);
  const noChart = restoreViewState({ query: '*', range: { kind: 'quick', minutes: 15 }, chart: 'radar' });
  assert.equal(noChart?.chart, undefined, 'an unknown chart kind is dropped, the rest kept');
});

describe('where a page starts', () => {
  it('starts from the boot data the host rendered: its query, and a run when a command asked for one', () => {
    const s = startState(undefined, { target: TARGET, view: { query: 'dstport:22', range: HOUR }, run: true });
    assert.equal(s.view.query, 'dstport:22');
    assert.equal(s.target?.title, TARGET.title);
    assert.equal(s.autorun, true);
    assert.equal(s.restored, false);
  });

  it("prefers the page's own saved state (a reload) and never reruns a command's query then", () => {
    const saved = { query: 'typed after the command', range: { kind: 'quick', minutes: 240 }, target: TARGET, lastRun: 'dstport:22' };
    const s = startState(saved, { target: TARGET, view: { query: 'dstport:22', range: HOUR }, run: true });
    assert.equal(s.view.query, 'typed after the command');
    assert.deepEqual(s.view.range, { kind: 'quick', minutes: 240 });
    assert.equal(s.view.lastRun, 'dstport:22');
    assert.equal(s.autorun, false);
    assert.equal(s.restored, true);
  });

  it("after a window reload, the host's record (in the boot data) wins when newer than what VS Code had saved of the page", () => {
    const stale = { query: 'dstp', range: HOUR, rev: 4, target: TARGET };
    const s = startState(stale, { target: TARGET, view: { query: 'dstport:443', range: HOUR, rev: 11 } });
    assert.equal(s.view.query, 'dstport:443');
    assert.equal(s.restored, true);
    assert.equal(s.autorun, false);
  });

  it("after Reload Webviews, the page's own newer state wins over the boot data rendered when the panel opened", () => {
    const s = startState({ query: 'typed since', range: HOUR, rev: 7 }, { target: TARGET, view: { query: 'from the command', range: HOUR, rev: 1 }, run: true });
    assert.equal(s.view.query, 'typed since');
    assert.equal(s.autorun, false);
  });

  it('starts empty ("*", last hour) without boot data or with damaged boot data', () => {
    for (const boot of [undefined, { target: { title: 1 } }, 'nonsense']) {
      const s = startState(undefined, boot);
      assert.equal(s.view.query, '*');
      assert.deepEqual(s.view.range, HOUR);
      assert.equal(s.autorun, false);
    }
  });

  it('a run flag without a query to run is dropped', () => {
    assert.equal(startState(undefined, { target: TARGET, run: true }).autorun, false);
  });
});

/** Records every setState and post in one sequence, so their order can be checked. */
function recordingSink(): StateSink & { readonly events: string[]; readonly states: unknown[]; readonly posts: WebviewMessage[] } {
  const events: string[] = [];
  const states: unknown[] = [];
  const posts: WebviewMessage[] = [];
  return {
    events,
    states,
    posts,
    setState: (s) => {
      events.push(`setState ${s.query}`);
      states.push(s);
    },
    post: (m) => {
      events.push(`post ${m.type === 'stateChanged' ? m.state.query : m.type}`);
      posts.push(m);
    },
  };
}

function manualTimers(): KeeperTimers & { due: Array<{ fn: () => void; ms: number }>; fire(): void } {
  const due: Array<{ fn: () => void; ms: number }> = [];
  let next = 1;
  const handles = new Map<number, { fn: () => void; ms: number }>();
  return {
    due,
    set: (fn, ms) => {
      const t = { fn, ms };
      handles.set(next, t);
      due.push(t);
      return next++;
    },
    clear: (h) => {
      const t = handles.get(h);
      if (t) due.splice(due.indexOf(t), 1);
    },
    fire() {
      for (const t of due.splice(0)) t.fn();
    },
  };
}

describe('view state keeper', () => {
  const start: WorkbenchViewState = { query: '*', range: HOUR };

  it('writes the whole state, target included, as soon as the page starts', () => {
    const sink = recordingSink();
    new ViewStateKeeper(sink, TARGET, start, manualTimers());
    assert.deepEqual(sink.states, [{ ...start, target: TARGET }]);
  });

  it('writes every keystroke to the page state at once, before telling the host, with no timer in between', () => {
    const sink = recordingSink();
    const timers = manualTimers();
    const keeper = new ViewStateKeeper(sink, TARGET, start, timers);
    keeper.update({ query: 'd' });
    keeper.update({ query: 'ds' });
    assert.deepEqual(sink.events, ['setState *', 'setState d', 'post d', 'setState ds', 'post ds']);
    assert.equal(timers.due.length, 0, 'no edit waits for a timer');
    assert.deepEqual(sink.states.at(-1), { query: 'ds', range: HOUR, rev: 2, target: TARGET }, 'each change counts up rev');
  });

  it('keeps every scroll position in the page state and sends the host one per burst', () => {
    const sink = recordingSink();
    const timers = manualTimers();
    const keeper = new ViewStateKeeper(sink, TARGET, start, timers);
    keeper.update({ scrollTop: 10 }, 'scroll');
    keeper.update({ scrollTop: 20 }, 'scroll');
    assert.equal(sink.states.length, 3, 'each position written to the page state');
    assert.equal(sink.posts.length, 0);
    assert.equal(timers.due[0]?.ms, SCROLL_POST_MS);
    timers.fire();
    assert.deepEqual(sink.posts, [{ type: 'stateChanged', state: { query: '*', range: HOUR, scrollTop: 20, rev: 2 } }]);
  });

  it('an edit sends the pending scroll position with it, and nothing is sent twice', () => {
    const sink = recordingSink();
    const timers = manualTimers();
    const keeper = new ViewStateKeeper(sink, TARGET, start, timers);
    keeper.update({ scrollTop: 30 }, 'scroll');
    keeper.update({ query: 'x' });
    assert.equal(timers.due.length, 0, 'the scroll timer is cleared');
    assert.deepEqual(sink.posts, [{ type: 'stateChanged', state: { query: 'x', range: HOUR, scrollTop: 30, rev: 2 } }]);
    keeper.update({ query: 'x' });
    assert.equal(sink.posts.length, 1, 'an unchanged state is not written again');
  });

  it('adds the target when the host sends it later', () => {
    const sink = recordingSink();
    const keeper = new ViewStateKeeper(sink, undefined, start, manualTimers());
    keeper.setTarget(TARGET);
    assert.deepEqual(sink.states, [start, { ...start, target: TARGET }]);
  });
});

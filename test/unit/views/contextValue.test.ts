import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FLOW_LOG_STATUSES, type FlowLogStatus } from '../../../src/flowlogs/catalog';
import { contextValue, type NodeContext } from '../../../src/views/explorer/contextValue';

describe('explorer contextValues', () => {
  it('a flow log’s contextValue says which operations its status allows', () => {
    const expected: Record<FlowLogStatus, string> = {
      Active: 'flowLog.active',
      Inactive: 'flowLog.inactive',
      Creating: 'flowLog.transitional',
      Modifying: 'flowLog.transitional',
      Deleting: 'flowLog.transitional',
      Unknown: 'flowLog.unknown',
    };
    assert.equal(contextValue({ kind: 'flowLog', status: 'Unknown' }), expected.Unknown);
    for (const status of FLOW_LOG_STATUSES) assert.equal(contextValue({ kind: 'flowLog', status }), expected[status], status);
  });

  it('a CEN’s contextValue says whether it has a flow log', () => {
    assert.equal(contextValue({ kind: 'cen', flowLogs: 'noFlowLog' }), 'cen.noFlowLog');
    assert.equal(contextValue({ kind: 'cen', flowLogs: 'hasFlowLog' }), 'cen.hasFlowLog');
    assert.equal(contextValue({ kind: 'cen', flowLogs: 'unknown' }), 'cen.unknown');
  });

  it('a transit router’s contextValue says its edition and whether it has a flow log', () => {
    assert.equal(contextValue({ kind: 'transitRouter', edition: 'Enterprise', flowLogs: 'noFlowLog' }), 'transitRouter.enterprise.noFlowLog');
    assert.equal(contextValue({ kind: 'transitRouter', edition: 'Basic', flowLogs: 'noFlowLog' }), 'transitRouter.basic.noFlowLog');
    assert.equal(contextValue({ kind: 'transitRouter', edition: 'Unknown', flowLogs: 'unknown' }), 'transitRouter.unknownEdition.unknown');
  });
});

/** package.json `view/item/context` entries, evaluated the way VS Code does for our `when` shapes. */
interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  contributes: { commands: { command: string; category?: string; icon?: string }[]; menus: Record<string, MenuEntry[]> };
};
const itemMenus = manifest.contributes.menus['view/item/context'] ?? [];

/** Our clauses are `view == cenFlowLogs.explorer && viewItem =~ /re/` (optionally `&& <context key>`). */
function enabled(entry: MenuEntry, viewItem: string, contextKeys: Record<string, boolean> = {}): boolean {
  return (entry.when ?? '').split('&&').every((raw) => {
    const clause = raw.trim();
    if (clause === 'view == cenFlowLogs.explorer') return true;
    const re = /^viewItem =~ \/(.*)\/$/.exec(clause);
    if (re) {
      assert.ok(re[1].startsWith('^'), `anchored regex in ${entry.command}: ${clause}`);
      return new RegExp(re[1]).test(viewItem);
    }
    if (clause.startsWith('!')) return !contextKeys[clause.slice(1)];
    return contextKeys[clause] ?? false;
  });
}

function commandsFor(viewItem: string, group?: 'inline'): string[] {
  return [
    ...new Set(
      itemMenus
        .filter((e) => e.command.startsWith('cenFlowLogs.') && (group ? e.group?.startsWith('inline') : !e.group?.startsWith('inline')))
        .filter((e) => enabled(e, viewItem, { 'cenFlowLogs.openQueryAvailable': true }))
        .map((e) => e.command),
    ),
  ].sort();
}

const ctx = (c: NodeContext): string => contextValue(c);

describe('command enablement: package.json menus vs contextValues', () => {
  it('every item-menu `when` is scoped to our view and matches viewItem with an anchored regex', () => {
    for (const e of itemMenus.filter((m) => m.when?.includes('cenFlowLogs.explorer'))) {
      assert.match(e.when ?? '', /viewItem =~ \/\^/, e.command);
    }
  });

  it('Start only on Inactive, Stop only on Active, Modify/Delete only when stable, nothing mutating while transitional', () => {
    const lifecycle = ['cenFlowLogs.flowLog.start', 'cenFlowLogs.flowLog.stop', 'cenFlowLogs.flowLog.modify', 'cenFlowLogs.flowLog.delete'];
    const onlyLifecycle = (viewItem: string): string[] => commandsFor(viewItem).filter((c) => lifecycle.includes(c));
    assert.deepEqual(onlyLifecycle(ctx({ kind: 'flowLog', status: 'Active' })), [
      'cenFlowLogs.flowLog.delete',
      'cenFlowLogs.flowLog.modify',
      'cenFlowLogs.flowLog.stop',
    ]);
    assert.deepEqual(onlyLifecycle(ctx({ kind: 'flowLog', status: 'Inactive' })), [
      'cenFlowLogs.flowLog.delete',
      'cenFlowLogs.flowLog.modify',
      'cenFlowLogs.flowLog.start',
    ]);
    for (const status of ['Creating', 'Modifying', 'Deleting', 'Unknown'] as const) {
      assert.deepEqual(onlyLifecycle(ctx({ kind: 'flowLog', status })), [], status);
    }
  });

  it('View, Copy ID and Open in Console are offered on a flow log in any status', () => {
    for (const status of FLOW_LOG_STATUSES) {
      const cmds = commandsFor(ctx({ kind: 'flowLog', status }));
      for (const c of ['cenFlowLogs.flowLog.view', 'cenFlowLogs.flowLog.copyId', 'cenFlowLogs.flowLog.openConsole']) {
        assert.ok(cmds.includes(c), `${c} on ${status}`);
      }
    }
  });

  it('inline icons: Stop on Active, Start on Inactive, Create on a CEN without a flow log, Retry on an error row', () => {
    assert.ok(commandsFor(ctx({ kind: 'flowLog', status: 'Active' }), 'inline').includes('cenFlowLogs.flowLog.stop'));
    assert.ok(!commandsFor(ctx({ kind: 'flowLog', status: 'Active' }), 'inline').includes('cenFlowLogs.flowLog.start'));
    assert.ok(commandsFor(ctx({ kind: 'flowLog', status: 'Inactive' }), 'inline').includes('cenFlowLogs.flowLog.start'));
    assert.deepEqual(commandsFor(ctx({ kind: 'cen', flowLogs: 'noFlowLog' }), 'inline'), ['cenFlowLogs.flowLog.create']);
    assert.deepEqual(commandsFor(ctx({ kind: 'cen', flowLogs: 'hasFlowLog' }), 'inline'), []);
    assert.deepEqual(commandsFor(ctx({ kind: 'error' }), 'inline'), ['cenFlowLogs.explorer.retry']);
  });

  // Was "never on one that has one": a CEN has several flow logs today; the service decides (issue 18).
  it('Create is offered on every CEN and every Enterprise router, never on a Basic one; inline only where there is none yet', () => {
    for (const flowLogs of ['noFlowLog', 'hasFlowLog', 'unknown'] as const) {
      assert.ok(commandsFor(ctx({ kind: 'cen', flowLogs })).includes('cenFlowLogs.flowLog.create'), flowLogs);
      assert.ok(commandsFor(ctx({ kind: 'transitRouter', edition: 'Enterprise', flowLogs })).includes('cenFlowLogs.flowLog.create'), flowLogs);
      assert.ok(!commandsFor(ctx({ kind: 'transitRouter', edition: 'Basic', flowLogs })).includes('cenFlowLogs.flowLog.create'), flowLogs);
    }
    assert.deepEqual(commandsFor(ctx({ kind: 'transitRouter', edition: 'Enterprise', flowLogs: 'noFlowLog' }), 'inline'), ['cenFlowLogs.flowLog.create']);
    assert.deepEqual(commandsFor(ctx({ kind: 'transitRouter', edition: 'Enterprise', flowLogs: 'hasFlowLog' }), 'inline'), []);
  });

  it('coverage: a direction not logged offers Create (inline too), a logged or impossible one nothing; the map from CEN, flow log and Coverage rows', () => {
    assert.deepEqual(commandsFor(ctx({ kind: 'coverageDirection', state: 'notLogged' }), 'inline'), ['cenFlowLogs.flowLog.create']);
    assert.ok(commandsFor(ctx({ kind: 'coverageDirection', state: 'notLogged' })).includes('cenFlowLogs.flowLog.create'));
    for (const state of ['logged', 'cannotLog'] as const) {
      assert.deepEqual(commandsFor(ctx({ kind: 'coverageDirection', state })), [], state);
      assert.deepEqual(commandsFor(ctx({ kind: 'coverageDirection', state }), 'inline'), [], state);
    }
    for (const c of [ctx({ kind: 'cen', flowLogs: 'hasFlowLog' }), ctx({ kind: 'flowLog', status: 'Inactive' }), ctx({ kind: 'coverage' })]) {
      assert.ok(commandsFor(c).includes('cenFlowLogs.regionMap.show'), c);
    }
    assert.ok(!commandsFor(ctx({ kind: 'transitRouter', edition: 'Enterprise', flowLogs: 'hasFlowLog' })).includes('cenFlowLogs.regionMap.show'));
  });

  it('rows that only inform have no lifecycle actions', () => {
    for (const c of [ctx({ kind: 'message' }), ctx({ kind: 'transitRouter', edition: 'Basic', flowLogs: 'noFlowLog' }), ctx({ kind: 'loadMore' }), ctx({ kind: 'createFlowLog' })]) {
      assert.deepEqual(commandsFor(c).filter((x) => x.startsWith('cenFlowLogs.flowLog.')), [], c);
    }
  });

  const englishNls = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;

  it('every command in a menu is declared with the "CEN Flow Logs" category and an icon, and named cenFlowLogs.<noun>.<verb>', () => {
    const declared = new Map(manifest.contributes.commands.map((c) => [c.command, c]));
    for (const e of itemMenus.filter((m) => m.command.startsWith('cenFlowLogs.'))) {
      const c = declared.get(e.command);
      assert.ok(c, `${e.command} is declared`);
      // The manifest's strings live in package.nls.json (issue 22): "%key%" is resolved as VS Code does.
      const category = /^%(.+)%$/.exec(c.category ?? '')?.[1];
      assert.equal(category ? englishNls[category] : c.category, 'CEN Flow Logs', e.command);
      assert.ok(c.icon?.startsWith('$('), `${e.command} has a codicon`);
    }
    for (const c of manifest.contributes.commands) assert.match(c.command, /^cenFlowLogs\.[a-zA-Z]+\.[a-zA-Z]+$/);
  });
});

/**
 * Activation registers every contributed command lazily from one declared list: package.json and
 * that registration must agree both ways, and a lazy command must reach its real handler.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CommandTable } from '../../../src/activation/commandTable';
import { COMPARE_VIEW_TYPE, CONTRIBUTED_COMMANDS, EXPLORER_VIEW_ID, REGION_MAP_VIEW_TYPE, SHOW_LOG_COMMAND, WORKBENCH_VIEW_TYPE, type ContributedCommand } from '../../../src/activation/contributions';
import { registerContributedCommands, type CommandRegistry } from '../../../src/activation/lazyCommands';
import type { CommandHandler } from '../../../src/views/commands/commandRegistrar';

interface Manifest {
  activationEvents?: string[];
  contributes: { commands: { command: string }[]; views: Record<string, { id: string }[]> };
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
const manifestCommands = manifest.contributes.commands.map((c) => c.command);

/** Records what is registered, as VS Code's command registry would hold it. */
function recordingRegistry(): CommandRegistry & { readonly handlers: Map<string, CommandHandler>; readonly ids: string[] } {
  const handlers = new Map<string, CommandHandler>();
  const ids: string[] = [];
  return {
    handlers,
    ids,
    registerCommand(id, handler) {
      ids.push(id);
      handlers.set(id, handler);
      return { dispose: () => handlers.delete(id) };
    },
  };
}

describe('contributed commands at activation', () => {
  it('registers every command package.json contributes, and nothing else, each once', () => {
    const registry = recordingRegistry();
    const disposables = registerContributedCommands(registry, {}, async () => undefined);
    const notRegistered = manifestCommands.filter((id) => !registry.ids.includes(id));
    const notContributed = registry.ids.filter((id) => !manifestCommands.includes(id));
    assert.deepEqual(notRegistered, [], 'contributed in package.json but not registered at activation');
    assert.deepEqual(notContributed, [], 'registered at activation but not contributed in package.json');
    assert.equal(new Set(registry.ids).size, registry.ids.length, 'no command registered twice');
    assert.equal(new Set(manifestCommands).size, manifestCommands.length, 'no command contributed twice');
    assert.equal(disposables.length, registry.ids.length, 'every registration can be disposed');
  });

  it('a lazy command hands its id and arguments to the dispatcher; one the entry answers itself does not', async () => {
    const registry = recordingRegistry();
    const dispatched: { id: ContributedCommand; args: unknown[] }[] = [];
    let shown = 0;
    registerContributedCommands(registry, { [SHOW_LOG_COMMAND]: () => (shown += 1) }, async (id, args) => {
      dispatched.push({ id, args });
      return `ran ${id}`;
    });
    const node = { flowLog: { flowLogId: 'flowlog-1' } };
    assert.equal(await registry.handlers.get('cenFlowLogs.flowLog.stop')?.(node, [node]), 'ran cenFlowLogs.flowLog.stop');
    assert.deepEqual(dispatched, [{ id: 'cenFlowLogs.flowLog.stop', args: [node, [node]] }]);
    await registry.handlers.get(SHOW_LOG_COMMAND)?.();
    assert.equal(shown, 1);
    assert.equal(dispatched.length, 1, 'Show Log did not go through the dispatcher');
  });

  it('the command table runs the registered handler, and names a contributed command that has none', () => {
    const table = new CommandTable();
    table.registerCommand('cenFlowLogs.explorer.refresh', (...args) => args.length);
    assert.equal(table.run('cenFlowLogs.explorer.refresh', [1, 2]), 2);
    assert.throws(() => table.run('cenFlowLogs.explorer.filter', []), /cenFlowLogs\.explorer\.filter is contributed but has no handler/);
    assert.deepEqual(table.missing(['cenFlowLogs.explorer.refresh', 'cenFlowLogs.explorer.filter']), ['cenFlowLogs.explorer.filter']);
    assert.throws(() => table.registerCommand('cenFlowLogs.explorer.refresh', () => undefined), /two handlers/);
  });

  it('the tree view and webview type registered at activation are the ones package.json declares', () => {
    const views = Object.values(manifest.contributes.views).flat().map((v) => v.id);
    assert.ok(views.includes(EXPLORER_VIEW_ID), `${EXPLORER_VIEW_ID} is a contributed view`);
    for (const viewType of [WORKBENCH_VIEW_TYPE, REGION_MAP_VIEW_TYPE, COMPARE_VIEW_TYPE]) {
      assert.ok(manifest.activationEvents?.includes(`onWebviewPanel:${viewType}`), `restoring a ${viewType} panel activates the extension`);
    }
    assert.equal(CONTRIBUTED_COMMANDS.length, manifestCommands.length);
  });
});

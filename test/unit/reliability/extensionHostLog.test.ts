/**
 * The e2e harness's check of the extension host log. The log text below was captured from a real
 * code-server 4.100.3 session (remoteexthost.log) in which a probe build of the extension threw
 * from a timer and left a rejected promise in a command handler; the console lines are what the
 * same window printed. Errors of VS Code itself and of other extensions must not count.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { logEntries, ourRuntimeErrorInConsole, scanExtensionHostLog } from '../../reliability/extensionHostLog';

const EXTHOST = 'file:///root/.cache/cen-flow-logs-e2e/code-server-4.100.3/node_modules/code-server/lib/vscode/out/vs/workbench/api/node/extensionHostProcess.js';
const CAPTURED = [
  "2026-11-26 07:15:56.436 [info] ExtensionService#_doActivateExtension vscode.merge-conflict, startup: false, activationEvent: 'onStartupFinished'",
  '2026-11-26 07:16:00.977 [info] Eager extensions activated',
  '2026-11-26 07:16:02.612 [error] Error: probe uncaught error',
  '\tat Timeout._onTimeout (/tmp/cen-e2e-activation-Hd7i2e/extensions/cenflowlogs.cen-flow-logs-0.1.0/dist/extension.js:82:12836)',
  '\tat listOnTimeout (node:internal/timers:581:17)',
  '\tat process.processTimers (node:internal/timers:519:7)',
  '2026-11-26 07:16:04.012 [error] Error: probe unhandled rejection',
  '\tat /tmp/cen-e2e-activation-Hd7i2e/extensions/cenflowlogs.cen-flow-logs-0.1.0/dist/extension.js:82:12774',
  `\tat Wb.h (${EXTHOST}:119:41524)`,
  `\tat Wb.$executeContributedCommand (${EXTHOST}:119:42369)`,
  '',
].join('\n');
/** Real error lines from other sessions' logs that are not ours, and an info line naming our extension. */
const NOT_OURS = [
  "2026-11-26 06:03:43.269 [error] No tree item with id '1/cen/cen-neolxstc34jfk6kfxt' found.",
  '2026-11-26 06:57:44.632 [error] Error: read ECONNRESET',
  "2026-11-26 06:58:01.100 [info] ExtensionService#_doActivateExtension cenflowlogs.cen-flow-logs, startup: false, activationEvent: 'onView:cenFlowLogs.explorer'",
  '',
].join('\n');

describe('scanExtensionHostLog', () => {
  it('finds both the uncaught error and the unhandled rejection of our extension in a captured log', () => {
    const found = scanExtensionHostLog(CAPTURED);
    assert.equal(found.length, 2);
    assert.match(found[0].entry, /^2026-11-26 07:16:02\.612 \[error\] Error: probe uncaught error\n\tat Timeout\._onTimeout/);
    assert.match(found[1].entry, /probe unhandled rejection\n.*cenflowlogs\.cen-flow-logs-0\.1\.0\/dist\/extension\.js/);
    assert.ok(found.every((f) => f.source === 'extensionHostLog'));
  });

  it('ignores errors that are not ours and info lines that merely name our extension', () => {
    assert.deepEqual(scanExtensionHostLog(NOT_OURS), []);
    assert.equal(scanExtensionHostLog(NOT_OURS + CAPTURED).length, 2);
  });

  it('keeps stack lines with their entry', () => {
    const entries = logEntries(CAPTURED);
    assert.equal(entries.length, 4);
    assert.equal(entries[2].text.split('\n').length, 4);
    assert.equal(entries[3].level, 'error');
  });
});

describe('ourRuntimeErrorInConsole', () => {
  it("takes VS Code's report of our extension's runtime error from the window console", () => {
    const found = ourRuntimeErrorInConsole('error', '[cenflowlogs.cen-flow-logs]probe unhandled rejection');
    assert.deepEqual(found, { entry: '[cenflowlogs.cen-flow-logs]probe unhandled rejection', source: 'windowConsole' });
    assert.equal(ourRuntimeErrorInConsole('error', '[vscode.git]Git not found'), undefined);
    assert.equal(ourRuntimeErrorInConsole('warning', '[cenflowlogs.cen-flow-logs]something'), undefined);
  });
});

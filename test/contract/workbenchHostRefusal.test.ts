/**
 * The host's last guard before Log Service (issue #9: "none is sent to the API when it can be
 * refused locally"): a runQuery message whose query the local checks flag as wrong — as a webview
 * that skipped its own check would send it — is answered with queryRefused and no query request
 * reaches the emulator; the same query with runAnyway is sent. Real WorkbenchPanel, real SLS client,
 * real emulator; only VS Code is the activation benchmark's stand-in (unit tests have no VS Code) and
 * the webview is a recording one.
 */
import '../support/localhost-resolver.cjs';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { createSlsClient } from '../../src/cloud/slsClient';
import type { HostMessage } from '../../src/protocol/messages';
import type * as PanelModule from '../../src/views/workbench/workbenchPanel';
import type * as TargetModule from '../../src/views/workbench/workbenchTarget';
import type * as HistoryModule from '../../src/views/workbench/queryHistory';
import type * as LanguageModule from '../../src/views/workbench/workbenchLanguage';
import { recordQueryRequests } from '../e2e/harness/queryRequests';
import { ownerCredentials, startTestEmulator, type TestEmulator } from '../support/emulator';
import { installVscodeStandIn } from '../support/vscodeStandIn';

const localRequire = createRequire(__filename);
const vscodeStandIn = installVscodeStandIn();

/** A webview panel that records what the host posts and lets the test post as the webview. */
function recordingPanel(): { panel: import('vscode').WebviewPanel; posted: HostMessage[]; send(message: unknown): void } {
  const posted: HostMessage[] = [];
  let receive: (message: unknown) => void = () => undefined;
  const webview = {
    options: {},
    html: '',
    cspSource: 'vscode-webview:',
    asWebviewUri: (u: unknown) => u,
    onDidReceiveMessage: (handler: (message: unknown) => void) => {
      receive = handler;
      return { dispose() {} };
    },
    postMessage: async (message: HostMessage) => {
      posted.push(message);
      return true;
    },
  };
  const panel = { webview, title: '', iconPath: undefined, visible: true, reveal() {}, onDidDispose: () => ({ dispose() {} }), onDidChangeViewState: () => ({ dispose() {} }), dispose() {} };
  return { panel: panel as unknown as import('vscode').WebviewPanel, posted, send: (m) => receive(m) };
}

/** Waits for a posted message; gives up after 30 s so a missing answer fails the test instead of hanging it. */
async function until<T>(what: string, find: () => T | undefined): Promise<T> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`the host never posted ${what}`);
}

describe('the workbench host refuses locally wrong queries before Log Service', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator({ historyDays: 0.05 });
  });
  after(() => emu.close());

  it('answers queryRefused without a request, and sends the same query on "Run anyway"', { timeout: 60_000 }, async () => {
    const { WorkbenchPanel } = localRequire('../../src/views/workbench/workbenchPanel') as typeof PanelModule;
    const { buildTarget, schemaFields, targetSchema } = localRequire('../../src/views/workbench/workbenchTarget') as typeof TargetModule;
    const { QueryHistoryStore } = localRequire('../../src/views/workbench/queryHistory') as typeof HistoryModule;
    const { workbenchLanguage } = localRequire('../../src/views/workbench/workbenchLanguage') as typeof LanguageModule;
    const sls = createSlsClient({ endpoint: emu.slsEndpoint, protocol: 'http', credentials: ownerCredentials, retry: { maxAttempts: 1 } });
    const flowLog = emu.context.cen.listFlowLogs().find((f) => f.status === 'Active') ?? assert.fail('the demo has an Active flow log');
    const values = new Map<string, unknown>();
    const history = new QueryHistoryStore({ get: <T>(k: string) => values.get(k) as T | undefined, update: async (k: string, v: unknown) => void values.set(k, v) });
    const { panel, posted, send } = recordingPanel();
    const target = buildTarget({ regionId: flowLog.regionId, projectName: flowLog.projectName, logStoreName: flowLog.logStoreName }, schemaFields(targetSchema({}, 'unknown')));
    const log = vscodeStandIn.window.createOutputChannel('CEN Flow Logs', { log: true });
    const host = new WorkbenchPanel(panel, target, { extensionUri: vscodeStandIn.Uri.file(process.cwd()), sls: async () => sls, history, language: workbenchLanguage, log });
    const requests = recordQueryRequests(Number(emu.slsEndpoint.split(':').pop()));
    try {
      const bad = '* | select count(*) as n from log where "srcaddr = \'10.0.0.1\'';
      send({ type: 'runQuery', requestId: 'r1', query: bad, range: { kind: 'quick', minutes: 60 } });
      const refused = await until('queryRefused', () => posted.find((m) => m.type === 'queryRefused'));
      assert.equal(refused.type === 'queryRefused' && refused.requestId, 'r1');
      assert.ok(refused.type === 'queryRefused' && refused.problems.length > 0 && refused.problems[0].line === 1);
      assert.equal(requests.count, 0, `no query request for a refused query, saw ${JSON.stringify(requests.seen)}`);

      send({ type: 'runQuery', requestId: 'r2', query: bad, range: { kind: 'quick', minutes: 60 }, runAnyway: true });
      await until('the end of r2', () => posted.find((m) => 'requestId' in m && m.requestId === 'r2' && (m.type === 'queryDone' || m.type === 'queryError')));
      assert.ok(requests.count > 0, `"Run anyway" sends the query to Log Service; host posted ${JSON.stringify(posted.filter((m) => 'requestId' in m && m.requestId === 'r2'))} endpoint ${emu.slsEndpoint}`);
      assert.ok(!posted.some((m) => m.type === 'queryRefused' && m.requestId === 'r2'));
    } finally {
      requests.stop();
      host.dispose();
    }
  });
});

/**
 * Read-only details of a flow log: a virtual markdown document (native UI, no webview) rendered from
 * the latest state, with links to the SLS logstore and the CEN console. The editor title offers
 * "Open Query" when the query workbench is installed.
 */
import * as vscode from 'vscode';
import type { FlowLog } from '../cloud/cenApi';
import { regionName } from '../flowlogs/catalog';
import { flowLogConsoleUrl, logstoreConsoleUrl } from '../flowlogs/consoleUrls';
import type { ExplorerModel } from './explorer/explorerModel';
import { statusText } from './explorer/nodes/flowLogNode';

export const DETAILS_SCHEME = 'cenflowlogs-details';

export class FlowLogDetails implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration: vscode.Disposable;
  private readonly modelSubscription: { dispose(): void };
  private readonly openUris = new Set<string>();

  constructor(private readonly model: ExplorerModel) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, this);
    // Keep open details current while statuses change.
    this.modelSubscription = model.onDidChange(() => {
      for (const uri of this.openUris) this.changed.fire(vscode.Uri.parse(uri));
    });
  }

  async open(flowLog: FlowLog): Promise<void> {
    const uri = detailsUri(flowLog);
    this.openUris.add(uri.toString());
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    await vscode.window.showTextDocument(doc, { preview: true });
  }

  /** The flow log a details document shows (for "Open Query" from its title bar). */
  async flowLogFor(uri: vscode.Uri): Promise<FlowLog | undefined> {
    return this.model.currentFlowLog(flowLogIdOf(uri));
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const id = flowLogIdOf(uri);
    const f = await this.model.currentFlowLog(id);
    return f ? renderFlowLogDetails(f) : `# Flow log ${id}\n\nThis flow log no longer exists (it was deleted or the account changed).\n`;
  }

  dispose(): void {
    this.registration.dispose();
    this.modelSubscription.dispose();
    this.changed.dispose();
  }
}

export function detailsUri(f: FlowLog): vscode.Uri {
  return vscode.Uri.from({ scheme: DETAILS_SCHEME, path: `/${f.flowLogId}.md` });
}

function flowLogIdOf(uri: vscode.Uri): string {
  return uri.path.replace(/^\//, '').replace(/\.md$/, '');
}

/** Markdown for one flow log; every attribute, as the API reports it. */
export function renderFlowLogDetails(f: FlowLog): string {
  const row = (k: string, v: string): string => `| ${k} | ${v.replace(/\|/g, '\\|')} |`;
  return [
    `# ${f.name || f.flowLogId}`,
    '',
    '| Attribute | Value |',
    '|---|---|',
    row('Flow log ID', `\`${f.flowLogId}\``),
    row('Name', f.name || '—'),
    row('Description', f.description || '—'),
    row('Status', statusText(f)),
    row('CEN instance', `\`${f.cenId}\``),
    row('Region', `${regionName(f.regionId)} (\`${f.regionId}\`)`),
    row('Log Service project', `\`${f.projectName}\``),
    row('Logstore', `\`${f.logStoreName}\``),
    row('Capture window', `${f.interval === 60 ? '1 minute' : '10 minutes'} (${f.interval} s)`),
    row('Transit router', f.transitRouterId ? `\`${f.transitRouterId}\`` : '— (per-CEN flow log of the older form)'),
    row('Transit router attachment', f.transitRouterAttachmentId ? `\`${f.transitRouterAttachmentId}\`` : '— (the whole router)'),
    row('Log format', f.logFormatString ? `\`${f.logFormatString}\`` : 'every field (default)'),
    row('Flow log version', f.flowLogVersion ?? '—'),
    row('Tags', f.tags.length > 0 ? f.tags.map((t) => `${t.key}=${t.value}`).join(', ') : '—'),
    row('Created', f.creationTime),
    '',
    `- [Open the logstore in the Log Service console](${logstoreConsoleUrl(f)})`,
    `- [Open the flow log in the CEN console](${flowLogConsoleUrl(f)})`,
    '',
  ].join('\n');
}

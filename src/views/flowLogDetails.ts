/**
 * Read-only details of a flow log: a virtual markdown document (native UI, no webview) rendered from
 * the latest state, with links to the SLS logstore and the CEN console. The editor title offers
 * "Open Query" when the query workbench is installed.
 */
import * as vscode from 'vscode';
import type { FlowLog } from '../cloud/cenApi';
import { regionName } from '../flowlogs/catalog';
import { DEFAULT_CONSOLE_SITE, flowLogConsoleUrl, logstoreConsoleUrl, type ConsoleSite } from '../flowlogs/consoleUrls';
import { consoleSite } from './consoleSite';
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
    return f ? renderFlowLogDetails(f, consoleSite()) : `# ${vscode.l10n.t('Flow log {0}', id)}\n\n${vscode.l10n.t('This flow log no longer exists (it was deleted or the account changed).')}\n`;
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
export function renderFlowLogDetails(f: FlowLog, site: ConsoleSite = DEFAULT_CONSOLE_SITE): string {
  const row = (k: string, v: string): string => `| ${k} | ${v.replace(/\|/g, '\\|')} |`;
  return [
    `# ${f.name || f.flowLogId}`,
    '',
    `| ${vscode.l10n.t('Attribute')} | ${vscode.l10n.t('Value')} |`,
    '|---|---|',
    row(vscode.l10n.t('Flow log ID'), `\`${f.flowLogId}\``),
    row(vscode.l10n.t('Name'), f.name || '—'),
    row(vscode.l10n.t('Description'), f.description || '—'),
    row(vscode.l10n.t('Status'), statusText(f)),
    row(vscode.l10n.t('CEN instance'), `\`${f.cenId}\``),
    row(vscode.l10n.t('Region'), `${regionName(f.regionId)} (\`${f.regionId}\`)`),
    row(vscode.l10n.t('Log Service project'), `\`${f.projectName}\``),
    row(vscode.l10n.t('Logstore'), `\`${f.logStoreName}\``),
    row(vscode.l10n.t('Capture window'), vscode.l10n.t('{0} ({1} s)', f.interval === 60 ? vscode.l10n.t('1 minute') : vscode.l10n.t('10 minutes'), f.interval)),
    row(vscode.l10n.t('Transit router'), f.transitRouterId ? `\`${f.transitRouterId}\`` : vscode.l10n.t('— (per-CEN flow log of the older form)')),
    row(vscode.l10n.t('Transit router attachment'), f.transitRouterAttachmentId ? `\`${f.transitRouterAttachmentId}\`` : vscode.l10n.t('— (the whole router)')),
    row(vscode.l10n.t('Log format'), f.logFormatString ? `\`${f.logFormatString}\`` : vscode.l10n.t('every field (default)')),
    row(vscode.l10n.t('Flow log version'), f.flowLogVersion ?? '—'),
    row(vscode.l10n.t('Tags'), f.tags.length > 0 ? f.tags.map((t) => `${t.key}=${t.value}`).join(', ') : '—'),
    row(vscode.l10n.t('Created'), f.creationTime),
    '',
    `- [${vscode.l10n.t('Open the logstore in the Log Service console')}](${logstoreConsoleUrl(f, site)})`,
    `- [${vscode.l10n.t('Open the flow log in the CEN console')}](${flowLogConsoleUrl(f, site)})`,
    '',
  ].join('\n');
}

/**
 * One panel's export: asks for the file, streams the whole result into it with progress and
 * cancel, and reports its state to the page. At most one at a time per panel.
 */
import * as vscode from 'vscode';
import { errorText } from '../../errorText';
import { homedir } from 'node:os';
import type { SlsApi } from '../../cloud/slsApi';
import { isCloudError } from '../../cloud/cloudError';
import type { HostMessage, TimeRangeSpec, WorkbenchTarget } from '../../protocol/messages';
import { targetQueries } from './targetQueries';
import type { ExportTarget } from './exportFormat';
import type { RangeResolver } from './queryRunner';
import { ExportCancelled, exportQueryResult } from './resultExport';
import type { ExportFormat } from './exportFormat';
import { createDisplayFormat } from '../../l10n/displayFormat';

export interface ExportControllerDeps {
  readonly target: WorkbenchTarget;
  readonly sls: () => Promise<SlsApi>;
  readonly resolveRange: RangeResolver;
  readonly post: (message: HostMessage) => Promise<boolean>;
  readonly log: vscode.LogOutputChannel;
}

export class ExportController {
  /** The export under way, if any. */
  private running: AbortController | undefined;

  constructor(private readonly deps: ExportControllerDeps) {}

  cancel(): void {
    this.running?.abort();
  }

  async start(format: ExportFormat, query: string, spec: TimeRangeSpec): Promise<void> {
    if (this.running) {
      void vscode.window.showInformationMessage(vscode.l10n.t('An export is already running for this panel.'));
      return;
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
    const t = this.deps.target;
    const defaultName = `${t.kind === 'logstore' ? t.logStoreName : t.title}-${stamp}.${format}`.replace(/[\\/:*?"<>|]+/g, '-');
    const uri = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export result as {0}', format.toUpperCase()),
      defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(homedir()), defaultName),
      filters: format === 'csv' ? { [vscode.l10n.t('CSV')]: ['csv'] } : { [vscode.l10n.t('JSON')]: ['json'] },
    });
    if (!uri) return;
    if (uri.scheme !== 'file') {
      void vscode.window.showErrorMessage(vscode.l10n.t('Export writes to local files only; choose a file on this machine.'));
      return;
    }
    const controller = new AbortController();
    const display = createDisplayFormat(vscode.env.language);
    this.running = controller;
    let range;
    try {
      range = this.deps.resolveRange(spec, this.deps.target.interval, new Date());
    } catch (e) {
      this.running = undefined;
      void vscode.window.showErrorMessage(vscode.l10n.t('Export: {0}', errorText(e)));
      return;
    }
    await this.deps.post({ type: 'exportState', state: 'started', rows: 0, file: uri.fsPath });
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting {0}', format.toUpperCase()), cancellable: true },
      async (progress, token) => {
        token.onCancellationRequested(() => controller.abort());
        let lastReport = 0;
        try {
          // Its own queries: a CEN's merge of raw pages must not share the panel's place.
          const outcome = await exportQueryResult(
            targetQueries(this.deps.sls, t),
            { query, from: range.from, to: range.to },
            uri.fsPath,
            format,
            {
              query,
              from: range.from,
              to: range.to,
              rangeLabel: range.label,
              target: exportTarget(t),
              exportedAt: new Date(),
            },
            {
              signal: controller.signal,
              onRows: (rows) => {
                progress.report({ message: vscode.l10n.t('{0} rows', display.count(rows)) });
                // Throttled: one message per 5,000 rows is plenty for a counter.
                if (rows - lastReport >= 5_000) {
                  lastReport = rows;
                  void this.deps.post({ type: 'exportState', state: 'progress', rows });
                }
              },
            },
          );
          await this.deps.post({ type: 'exportState', state: 'done', rows: outcome.rows, file: uri.fsPath });
          const note = outcome.complete ? '' : ` ${vscode.l10n.t('The service reported the result as Incomplete.')}`;
          const openFile = vscode.l10n.t('Open File');
          void vscode.window
            .showInformationMessage(vscode.l10n.t('Exported {0} rows to {1}.', display.count(outcome.rows), uri.fsPath) + note, openFile)
            .then((choice) => (choice === openFile ? vscode.commands.executeCommand('vscode.open', uri) : undefined));
        } catch (e) {
          if (e instanceof ExportCancelled || controller.signal.aborted || (isCloudError(e) && e.kind === 'cancelled')) {
            await this.deps.post({ type: 'exportState', state: 'cancelled', rows: 0 });
            return;
          }
          const message = isCloudError(e) ? e.userMessage : errorText(e);
          this.deps.log.error(`export failed: ${message}`);
          await this.deps.post({ type: 'exportState', state: 'failed', rows: 0, message });
          void vscode.window.showErrorMessage(vscode.l10n.t('Export failed: {0}', message));
        } finally {
          this.running = undefined;
        }
      },
    );
  }
}

function exportTarget(t: WorkbenchTarget): ExportTarget {
  switch (t.kind) {
    case 'logstore':
      return { regionId: t.regionId, projectName: t.projectName, logStoreName: t.logStoreName, flowLogId: t.flowLogId };
    case 'cen':
      return { cenId: t.cenId, flowLogs: t.members.map((m) => m.flowLogId) };
  }
}

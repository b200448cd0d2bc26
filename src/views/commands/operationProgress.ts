/** Cancellable progress for a long flow-log operation, showing each status seen on the way. */
import * as vscode from 'vscode';
import type { FlowLogStatus } from '../../flowlogs/catalog';
import { statusText } from '../explorer/nodes/flowLogNode';

export function withOperationProgress<T>(
  title: string,
  run: (signal: AbortSignal, onStatus: (status: FlowLogStatus) => void) => Promise<T>,
): Thenable<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        return await run(abort.signal, (status) => progress.report({ message: statusText({ status, rawStatus: status }) }));
      } finally {
        sub.dispose();
      }
    },
  );
}

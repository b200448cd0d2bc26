/**
 * Hand-off to the Log Service console: a workbench's query and time range as a link to the
 * logstore's search page (parameters and what of them is documented: src/flowlogs/consoleUrls.ts
 * and the README). The range is resolved now and snapped as a run would be, so the console shows
 * the same windows.
 */
import * as l10n from '@vscode/l10n';
import { logstoreConsoleUrl, type ConsoleSite } from '../../flowlogs/consoleUrls';
import type { ResolvedRange, TimeRangeSpec, WorkbenchTarget, WorkbenchViewState } from '../../protocol/messages';

export interface ConsoleHandOffSource {
  readonly target: WorkbenchTarget;
  readonly currentViewState: WorkbenchViewState | undefined;
}

/** Resolves a range as a run does (workbenchLanguage.resolveWorkbenchRange; passed in, no import circle). */
export type HandOffRangeResolver = (spec: TimeRangeSpec, intervalSeconds: number, now: Date) => ResolvedRange;

/** The workbench's query and range as a Log Service console link (the bare search page without a query). */
export function workbenchConsoleUrl(panel: ConsoleHandOffSource, site: ConsoleSite, now: Date, resolveRange: HandOffRangeResolver): string {
  const view = panel.currentViewState;
  const target = panel.target;
  // The console queries one logstore at a time: a CEN panel opens its first flow log's.
  const t = target.kind === 'logstore' ? target : target.members[0];
  if (!t) throw new Error(l10n.t('This CEN has no flow log to open in the Log Service console.'));
  if (!view || view.query.trim() === '') return logstoreConsoleUrl(t, site);
  const range = resolveRange(view.range, target.interval, now);
  return logstoreConsoleUrl(t, site, { query: view.query, from: range.from, to: range.to });
}

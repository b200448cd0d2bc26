/**
 * Texts of query files: a new file (the headers, then one statement per preset that needs no
 * address — top talkers, top ports, protocol mix… — each under its title as a comment) and a
 * workbench query saved as a file with the headers that reopen it on the same flow log and range.
 * Pure.
 */
import { t } from '@vscode/l10n';
import type { TimeRangeSpec as WorkbenchRange } from '../protocol/messages';
import { QUERY_PRESETS, renderPreset } from '../query/presets';
import type { RelativeUnit } from '../query/timeRange';

export function queryFileTemplate(flowLog: string, interval: number): string {
  const statements = QUERY_PRESETS.filter((p) => p.parameters.every((q) => q.kind !== 'address')).flatMap((p) => {
    const rendered = renderPreset(p, { window: String(interval) });
    return rendered.ok ? [`-- ${p.title}: ${p.description}\n${rendered.query}`] : [];
  });
  return [`-- flowlog: ${flowLog}`, '-- range: last 24h', '', ...statements.flatMap((s) => [s, ''])].join('\n');
}

/** A workbench range as a `-- range:` value that parses back to the same range. */
export function rangeHeaderValue(range: WorkbenchRange): string {
  switch (range.kind) {
    case 'quick':
      return relativeValue(range.minutes, 'minutes');
    case 'relative':
      return relativeValue(range.amount, range.unit);
    case 'absolute':
      return `${isoMinute(range.from)}..${isoMinute(range.to)}`;
  }
}

function relativeValue(amount: number, unit: RelativeUnit): string {
  const minutes = amount * { minutes: 1, hours: 60, days: 1440 }[unit];
  if (Number.isInteger(minutes / 1440) && minutes >= 1440) return `last ${minutes / 1440}d`;
  if (Number.isInteger(minutes / 60) && minutes >= 60) return `last ${minutes / 60}h`;
  return `last ${amount}${unit === 'minutes' ? 'm' : unit === 'hours' ? 'h' : 'd'}`;
}

function isoMinute(seconds: number): string {
  const iso = new Date(seconds * 1000).toISOString();
  return iso.endsWith(':00.000Z') ? `${iso.slice(0, 16)}Z` : iso.replace('.000Z', 'Z');
}

/**
 * A query file holding one query: the headers, then the query. Blank lines and `;` outside strings
 * would end the statement, so blank lines are dropped and a trailing `;` removed.
 */
export function singleQueryFile(query: string, header: { readonly flowLog?: string; readonly range?: WorkbenchRange; readonly title?: string }): string {
  const body = query
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .join('\n')
    .replace(/;\s*$/, '');
  const lines = [
    // Prefixed, so a title such as "range: …" is never read as a header.
    ...(header.title ? [`-- ${t('Saved query: {0}', header.title.replace(/\r?\n/g, ' '))}`] : []),
    `-- flowlog: ${header.flowLog ? header.flowLog : t('<name or id of the flow log>')}`,
    ...(header.range ? [`-- range: ${rangeHeaderValue(header.range)}`] : []),
    '',
    body,
    '',
  ];
  return lines.join('\n');
}

/**
 * How exported results are written: CSV cells (RFC 4180 quoting plus spreadsheet formula-injection
 * neutralisation), the leading comment lines that record query and time range, and the JSON
 * header. Pure, so every escaping rule is unit-tested.
 */

import * as l10n from '@vscode/l10n';

export type ExportFormat = 'csv' | 'json';

export interface ExportProvenance {
  readonly query: string;
  /** UNIX seconds, [from, to). */
  readonly from: number;
  readonly to: number;
  /** The snapped range as the workbench showed it. */
  readonly rangeLabel: string;
  readonly target: ExportTarget;
  readonly exportedAt: Date;
}

/** Where the rows came from: one logstore, or a CEN's flow logs. */
export type ExportTarget =
  | { readonly regionId: string; readonly projectName: string; readonly logStoreName: string; readonly flowLogId?: string }
  | { readonly cenId: string; readonly flowLogs: readonly string[] };

function describeTarget(t: ExportTarget): string {
  if ('cenId' in t) return l10n.t('CEN: {0}  flow logs: {1}', t.cenId, t.flowLogs.join(', '));
  return l10n.t('project: {0}  logstore: {1}  region: {2}', t.projectName, t.logStoreName, t.regionId) + (t.flowLogId ? `  ${l10n.t('flow log: {0}', t.flowLogId)}` : '');
}

const CSV_EOL = '\r\n';

// A cell a spreadsheet would evaluate: leading = + - @ (and tab / CR, which some spreadsheets strip
// before looking for those). Plain numbers stay untouched so "-1" is still a number.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

export function csvCell(value: string): string {
  const safe = neutraliseFormula(value);
  // A leading # is quoted so a data line never looks like one of the preamble's comment lines.
  return /[",\r\n]/.test(safe) || /^\s|\s$|^#/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: readonly string[]): string {
  return values.map(csvCell).join(',') + CSV_EOL;
}

function isoSeconds(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString();
}

/** Comment lines before the header row; each line of a multi-line query gets its own `#`. */
export function csvPreamble(p: ExportProvenance): string {
  const lines = [
    `# ${l10n.t('CEN Flow Logs export')}`,
    `# ${describeTarget(p.target)}`,
    `# ${l10n.t('time range: {0} to {1} [from, to) ({2}–{3}) {4}', isoSeconds(p.from), isoSeconds(p.to), p.from, p.to, p.rangeLabel)}`,
    ...p.query.split(/\r\n|\r|\n/).map((l, i) => (i === 0 ? `# ${l10n.t('query: {0}', l)}` : `#        ${l}`)),
    `# ${l10n.t('exported at: {0}', p.exportedAt.toISOString())}`,
  ];
  return lines.map((l) => l + CSV_EOL).join('');
}

/** Appended after the rows when raw logs had fields the header row could not include. */
export function csvDroppedColumnsNote(dropped: ReadonlyMap<string, number>): string {
  if (dropped.size === 0) return '';
  const list = [...dropped].map(([name, n]) => `${name} (${n})`).join(', ');
  return `# ${l10n.t('note: values of fields that appeared after the header was written were left out: {0}', list)}${CSV_EOL}`;
}

/** Opening of the JSON document up to the start of the rows array. */
export function jsonPreamble(p: ExportProvenance, columns: readonly string[]): string {
  const header = {
    exportedBy: l10n.t('CEN Flow Logs'),
    exportedAt: p.exportedAt.toISOString(),
    query: p.query,
    timeRange: { from: p.from, to: p.to, fromIso: isoSeconds(p.from), toIso: isoSeconds(p.to), label: p.rangeLabel },
    target: p.target,
    columns,
  };
  const text = JSON.stringify(header, null, 2);
  // Re-open the header object and continue with the rows array.
  return text.slice(0, text.lastIndexOf('}')).trimEnd() + ',\n  "rows": [';
}

export function jsonRow(row: Readonly<Record<string, string>>, first: boolean): string {
  return (first ? '\n    ' : ',\n    ') + JSON.stringify(row);
}

export function jsonEpilogue(rowCount: number, complete: boolean): string {
  return `\n  ],\n  "rowCount": ${rowCount},\n  "complete": ${complete}\n}\n`;
}

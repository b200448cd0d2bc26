/**
 * Copy as TSV (what spreadsheets and editors paste): tabs between cells, newlines between rows.
 * Tabs and newlines inside values would break the shape, so they become spaces.
 */

export function tsvCell(value: string): string {
  return value.replace(/[\t\r\n]+/g, ' ');
}

export function tsvRow(values: readonly string[]): string {
  return values.map(tsvCell).join('\t');
}

/** Header line (optional) plus one line per row, rows joined with '\n'. */
export function toTsv(columns: readonly string[] | undefined, rows: Iterable<readonly string[]>): string {
  const lines: string[] = [];
  if (columns) lines.push(tsvRow(columns));
  for (const r of rows) lines.push(tsvRow(r));
  return lines.join('\n');
}

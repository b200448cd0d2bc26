/**
 * The columns of the `log` table for one logstore: the index keys with their SLS types plus the
 * reserved fields. Long/double columns compare numerically; text columns match as tokens.
 */
import { FLOW_LOG_FIELDS } from '../../src/flowlogs/catalog';

export type ColumnType = 'text' | 'long' | 'double';

export interface LogColumn {
  readonly name: string;
  readonly type: ColumnType;
}

export const RESERVED_COLUMNS: readonly LogColumn[] = [
  { name: '__time__', type: 'long' },
  { name: '__source__', type: 'text' },
  { name: '__topic__', type: 'text' },
];

/** The flow-log columns every emulator logstore table holds (the catalog, typed as its index). */
export const FLOW_LOG_COLUMNS: readonly LogColumn[] = [
  ...RESERVED_COLUMNS,
  ...FLOW_LOG_FIELDS.map((f) => ({ name: f.name, type: f.type })),
];

export function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

export function sqlString(value: string): string {
  return "'" + value.replace(/'/g, "''") + "'";
}

export function duckType(type: ColumnType): string {
  switch (type) {
    case 'text':
      return 'VARCHAR';
    case 'long':
      return 'BIGINT';
    case 'double':
      return 'DOUBLE';
  }
}

export class LogSchema {
  private readonly byName: Map<string, LogColumn>;
  constructor(readonly columns: readonly LogColumn[]) {
    this.byName = new Map(columns.map((c) => [c.name.toLowerCase(), c]));
  }
  column(name: string): LogColumn | undefined {
    return this.byName.get(name.toLowerCase());
  }
}

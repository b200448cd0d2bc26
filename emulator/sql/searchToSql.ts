/**
 * A parsed search statement as a DuckDB boolean expression over the logstore's columns.
 * Text matching is case-insensitive and whole-value (flow-log values are single tokens under
 * SLS's default delimiters); `*`/`?` become LIKE patterns; numeric forms need a long/double column.
 */
import { QueryError } from './queryError';
import { LogSchema, quoteIdent, sqlString, type LogColumn } from './logSchema';
import type { SearchNode } from './searchParser';

function likePattern(value: string): string {
  return value.replace(/[\\%_]/g, (m) => '\\' + m).replace(/\*/g, '%').replace(/\?/g, '_');
}

function hasWildcard(value: string, quoted: boolean): boolean {
  return !quoted && /[*?]/.test(value);
}

function textMatch(column: LogColumn, value: string, quoted: boolean): string {
  const col = quoteIdent(column.name);
  if (column.type !== 'text') {
    // A number typed as text still matches a long field by value ("dstport:443").
    if (/^-?\d+(\.\d+)?$/.test(value)) return `${col} = ${value}`;
    if (hasWildcard(value, quoted)) return `CAST(${col} AS VARCHAR) LIKE ${sqlString(likePattern(value))} ESCAPE '\\'`;
    return 'FALSE';
  }
  if (hasWildcard(value, quoted)) return `lower(${col}) LIKE ${sqlString(likePattern(value.toLowerCase()))} ESCAPE '\\'`;
  return `lower(${col}) = ${sqlString(value.toLowerCase())}`;
}

/** Log Service's own words for a search on a key the index lacks (api-current.md §4.2). */
function notIndexed(field: string): string {
  return `key (${field}) is not config as key value config,if symbol : is in your log,please wrap : with quotation mark "`;
}

export function searchToSql(node: SearchNode, schema: LogSchema, full: string): string {
  const numericColumn = (field: string, offset: number): LogColumn => {
    const column = schema.column(field);
    if (!column) throw QueryError.at(full, offset, notIndexed(field));
    if (column.type === 'text') {
      throw QueryError.at(full, offset, `key (${field}) is indexed as text; numeric comparisons need a long or double index`);
    }
    return column;
  };
  const walk = (n: SearchNode): string => {
    switch (n.type) {
      case 'all':
        return 'TRUE';
      case 'and':
        return `(${walk(n.left)} AND ${walk(n.right)})`;
      case 'or':
        return `(${walk(n.left)} OR ${walk(n.right)})`;
      case 'not':
        return `(NOT coalesce(${walk(n.operand)}, FALSE))`;
      case 'text': {
        const parts = schema.columns
          .filter((c) => c.name !== '__time__')
          .map((c) => textMatch(c, n.value, n.quoted))
          .filter((p) => p !== 'FALSE');
        return parts.length ? `coalesce(${parts.join(' OR ')}, FALSE)` : 'FALSE';
      }
      case 'field': {
        const column = schema.column(n.field);
        if (!column) throw QueryError.at(full, n.offset, notIndexed(n.field));
        if (n.value === '*' && !n.quoted) return `(${quoteIdent(column.name)} IS NOT NULL)`;
        return `coalesce(${textMatch(column, n.value, n.quoted)}, FALSE)`;
      }
      case 'compare': {
        const col = quoteIdent(numericColumn(n.field, n.offset).name);
        return `coalesce(${col} ${n.op} ${n.value}, FALSE)`;
      }
      case 'range': {
        const col = quoteIdent(numericColumn(n.field, n.offset).name);
        return `coalesce(${col} ${n.lowInclusive ? '>=' : '>'} ${n.low} AND ${col} ${n.highInclusive ? '<=' : '<'} ${n.high}, FALSE)`;
      }
    }
  };
  return walk(node);
}

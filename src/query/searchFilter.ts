/**
 * Narrowing a query by one field's value, in or out: `field:value` or `not field:value` is and-ed
 * to the search part (never the SQL part) of a `search | SQL` query. The grid's "filter by this
 * value" and the facets' + / − both come here. Pure.
 */
import { searchFieldName, searchValueLiteral } from './searchLiteral';
import { splitQuery, tokenizeSearch } from './tokenizer';

export type FilterMode = 'include' | 'exclude';

/** `field:value` as a search term: hyphenated names stay bare, values SLS would split are quoted. */
export function searchClause(field: string, value: string, numeric = false): string {
  const literal = numeric && /^\d+(\.\d+)?$/.test(value) ? value : searchValueLiteral(value);
  return `${searchFieldName(field)}:${literal}`;
}

/**
 * Adds `and field:value` (include) or `and not field:value` (exclude) to the search part of
 * `query`, keeping its SQL part; an `or` search is parenthesised first so the new term narrows all
 * of it. A term already present is not repeated; its opposite at the top level is replaced.
 */
export function applyFilter(query: string, field: string, value: string, mode: FilterMode, numeric = false): string {
  const clause = searchClause(field, value, numeric);
  const term = mode === 'include' ? clause : `not ${clause}`;
  const opposite = mode === 'include' ? `not ${clause}` : clause;
  const parts = splitQuery(query);
  const search = parts.search.text.trim();
  const sqlTail = parts.sql ? ` |${parts.sql.text}` : '';
  if (search === '' || search === '*') return `${term}${sqlTail}`;
  if (hasTopLevelOr(search)) return `(${search}) and ${term}${sqlTail}`;
  const terms = andTerms(search);
  if (terms.some((t) => sameTerm(t, term))) return query;
  const kept = terms.filter((t) => !sameTerm(t, opposite));
  // Nothing replaced: the search stays as typed, the term goes after it.
  if (kept.length === terms.length) return `${search} and ${term}${sqlTail}`;
  if (kept.length === 0) return `${term}${sqlTail}`;
  return `${[...kept, term].join(' and ')}${sqlTail}`;
}

function sameTerm(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').toLowerCase() === b.toLowerCase();
}

/** The top-level and-ed terms of a search without a top-level `or` (`and` in any case). */
function andTerms(search: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (const t of tokenizeSearch(search)) {
    if (t.kind === 'lparen' || t.kind === 'lbracket') depth++;
    else if (t.kind === 'rparen' || t.kind === 'rbracket') depth = Math.max(0, depth - 1);
    else if (depth === 0 && t.kind === 'operator' && t.text.toLowerCase() === 'and') {
      out.push(search.slice(start, t.from).trim());
      start = t.to;
    }
  }
  out.push(search.slice(start).trim());
  return out.filter((t) => t !== '');
}

export function hasTopLevelOr(search: string): boolean {
  let depth = 0;
  for (const t of tokenizeSearch(search)) {
    if (t.kind === 'lparen') depth++;
    else if (t.kind === 'rparen') depth = Math.max(0, depth - 1);
    else if (depth === 0 && t.kind === 'operator' && t.text.toLowerCase() === 'or') return true;
  }
  return false;
}

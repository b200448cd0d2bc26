/**
 * Adds `field:value` to the search part of a query when a grid value is clicked, keeping the SQL
 * part. Used until src/query/addressFilter.ts provides the shared appendFilter. Pure.
 */
import { splitQuery } from '../../src/query/tokenizer';
import { searchFieldName, searchValueLiteral } from '../../src/query/searchLiteral';

export function appendSearchFilter(query: string, field: string, value: string): string {
  const parts = splitQuery(query);
  const term = `${searchFieldName(field)}:${searchValueLiteral(value)}`;
  const search = parts.search.text.trim();
  let next: string;
  if (search === '' || search === '*') next = term;
  else if (/\bor\b/i.test(search)) next = `(${search}) and ${term}`; // keep the user's `or` grouped
  else next = `${search} and ${term}`;
  return parts.sql !== undefined ? `${next} | ${parts.sql.text.trim()}` : next;
}

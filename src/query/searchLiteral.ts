/**
 * How values and names are written in an SLS search statement: bare when they are plain words,
 * double-quoted (with \" and \\ escaped) when they hold anything SLS might split on.
 */

function isPlainChar(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '.' || c === '_';
}

/** True when `text` can stand bare in a search (letters, digits, `.` and `_` only). */
export function isPlainSearchWord(text: string): boolean {
  if (text === '') return false;
  for (const c of text) if (!isPlainChar(c)) return false;
  const lower = text.toLowerCase();
  return lower !== 'and' && lower !== 'or' && lower !== 'not' && lower !== 'in';
}

/** A value as a search literal: `443`, `out`, `"fe80::1"`, `"cn-hangzhou"`. */
export function searchValueLiteral(value: string): string {
  return isPlainSearchWord(value) ? value : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A field name before `:` — hyphens are fine bare (`log-status:OK`); anything stranger is quoted. */
export function searchFieldName(name: string): string {
  for (const c of name) if (!isPlainChar(c) && c !== '-') return `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return name;
}

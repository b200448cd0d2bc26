/**
 * What hovering a word in a query says: a field's meaning and type (from the target's index, the
 * flow-log catalog, SLS's reserved fields) or a function's signature. Uses the shared tokenizer to
 * know what the word is. Pure; the result is markdown.
 */
import { t } from '@vscode/l10n';
import { FLOW_LOG_FIELDS, RESERVED_FIELDS } from '../flowlogs/catalog';
import type { FieldInfo } from '../protocol/messages';
import { SQL_FUNCTIONS } from '../query/sqlVocabulary';
import { tokenizeQuery } from '../query/tokenizer';

export interface QueryHover {
  /** The hovered word, as offsets in the query. */
  readonly from: number;
  readonly to: number;
  readonly markdown: string;
}

/** The hover at `offset` of `query`; `fields` are the target's index fields (undefined: the catalog). */
export function hoverAt(query: string, offset: number, fields?: readonly FieldInfo[]): QueryHover | undefined {
  const { search, sql } = tokenizeQuery(query);
  const inside = (t: { from: number; to: number }): boolean => offset >= t.from && offset < t.to;
  const s = search.find(inside);
  if (s?.kind === 'field') return fieldHover(unquote(s.text), s, fields);
  const i = sql.findIndex(inside);
  if (i < 0) return undefined;
  const t = sql[i];
  if (t.kind === 'quotedIdentifier') return fieldHover(unquote(t.text), t, fields);
  if (t.kind !== 'identifier') return undefined;
  if (sql[i + 1]?.text === '(') {
    const fn = SQL_FUNCTIONS.find((f) => f.name === t.text.toLowerCase());
    if (fn) return { from: t.from, to: t.to, markdown: `\`\`\`\n${fn.signature}\n\`\`\`\n${fn.description}` };
  }
  return fieldHover(t.text, t, fields, true);
}

function unquote(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1).replace(/""/g, '"') : text;
}

function fieldHover(name: string, at: { from: number; to: number }, fields: readonly FieldInfo[] | undefined, ignoreCase = false): QueryHover | undefined {
  const same = (n: string): boolean => (ignoreCase ? n.toLowerCase() === name.toLowerCase() : n === name);
  const reserved = RESERVED_FIELDS.find((r) => same(r.name));
  if (reserved) return { from: at.from, to: at.to, markdown: `**${reserved.name}** — ${t('SLS reserved field')}\n\n${reserved.description}` };
  const fromIndex = fields?.find((f) => same(f.name));
  const catalog = FLOW_LOG_FIELDS.find((f) => same(f.name));
  if (fields && !fromIndex) {
    return catalog ? { from: at.from, to: at.to, markdown: `**${catalog.name}** — ${t("not in this flow log's index")}\n\n${catalog.description}` } : undefined;
  }
  const type = fromIndex?.type ?? catalog?.type;
  const description = fromIndex?.description ?? catalog?.description;
  if (!type) return undefined;
  const shownName = fromIndex?.name ?? catalog?.name ?? name;
  return { from: at.from, to: at.to, markdown: `**${shownName}** \`${type}\` — ${t('flow-log field')}${description ? `\n\n${description}` : ''}` };
}

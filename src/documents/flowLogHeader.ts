/**
 * What a `-- flowlog:` header offers and suggests: the flow logs to complete it with (name, id,
 * CEN and region) and, when it names none, the close matches a quick fix offers. Pure.
 */
import { t } from '@vscode/l10n';
import type { CenInstance, FlowLog } from '../cloud/cenApi';
import { regionLabel } from '../flowlogs/regions';
import { editDistance } from '../query/knownFields';

/** Where the value of a `-- flowlog:` header is on its line, when `character` is in it. */
export function flowLogHeaderValueAt(lineText: string, character: number): { readonly from: number; readonly to: number } | undefined {
  return headerValueAt(lineText, character, 'flowlog');
}

/** Where the value of a `-- cen:` header is on its line, when `character` is in it. */
export function cenHeaderValueAt(lineText: string, character: number): { readonly from: number; readonly to: number } | undefined {
  return headerValueAt(lineText, character, 'cen');
}

function headerValueAt(lineText: string, character: number, key: 'flowlog' | 'cen'): { readonly from: number; readonly to: number } | undefined {
  const m = new RegExp(`^(\\s*--\\s*${key}\\s*:\\s*)(.*?)\\s*$`, 'i').exec(lineText);
  if (!m) return undefined;
  const from = m[1].length;
  const to = from + m[2].length;
  return character >= from && character <= Math.max(to, lineText.length) ? { from, to: Math.max(to, Math.min(character, lineText.length)) } : undefined;
}

/** One flow log as a completion of the header. */
export interface FlowLogChoice {
  readonly label: string;
  /** What the header gets: the name, or the id when the name is empty or shared by another flow log. */
  readonly insert: string;
  /** The id (or the name, when the id is inserted). */
  readonly description: string;
  /** CEN and region. */
  readonly detail: string;
  /** Matched against what is typed: the name and the id. */
  readonly filterText: string;
}

export function flowLogChoices(flowLogs: readonly FlowLog[]): FlowLogChoice[] {
  const names = new Map<string, number>();
  for (const f of flowLogs) if (f.name) names.set(f.name, (names.get(f.name) ?? 0) + 1);
  return flowLogs.map((f) => {
    const byName = f.name !== '' && names.get(f.name) === 1;
    const insert = byName ? f.name : f.flowLogId;
    return {
      label: insert,
      insert,
      description: byName ? f.flowLogId : f.name ? t('{0} (a name shared by another flow log)', f.name) : t('unnamed'),
      detail: `${f.cenId} · ${regionLabel(f.regionId)}`,
      filterText: `${f.name} ${f.flowLogId}`,
    };
  });
}

/** Most matches a quick fix offers. */
const MAX_MATCHES = 3;

/**
 * Names (or ids) of flow logs close to what a header says: the same ignoring case, one containing
 * the other, or a few edits away (typos); nearest first.
 */
export function closeFlowLogMatches(written: string, flowLogs: readonly FlowLog[]): string[] {
  return closeMatches(written, flowLogs.map((f) => [f.name, f.flowLogId]));
}

/** Names (or ids) of CENs close to what a `-- cen:` header says, nearest first. */
export function closeCenMatches(written: string, cens: readonly CenInstance[]): string[] {
  return closeMatches(written, cens.map((c) => [c.name, c.cenId]));
}

/** One CEN as a completion of a `-- cen:` header. */
export function cenChoices(cens: readonly CenInstance[], flowLogs: readonly FlowLog[]): FlowLogChoice[] {
  const names = new Map<string, number>();
  for (const c of cens) if (c.name) names.set(c.name, (names.get(c.name) ?? 0) + 1);
  return cens.map((c) => {
    const byName = c.name !== '' && names.get(c.name) === 1;
    const insert = byName ? c.name : c.cenId;
    const count = flowLogs.filter((f) => f.cenId === c.cenId).length;
    return {
      label: insert,
      insert,
      description: byName ? c.cenId : c.name ? t('{0} (a name shared by another CEN)', c.name) : t('unnamed'),
      detail: count === 1 ? t('1 flow log') : t('{0} flow logs', count),
      filterText: `${c.name} ${c.cenId}`,
    };
  });
}

/** Each thing's names (name and id), scored against what is typed; one best name per thing. */
function closeMatches(written: string, things: readonly (readonly string[])[]): string[] {
  const typed = written.trim().toLowerCase();
  if (typed === '') return [];
  const scored: { readonly name: string; readonly score: number }[] = [];
  for (const names of things) {
    let best: { name: string; score: number } | undefined;
    for (const candidate of names) {
      if (!candidate) continue;
      const lower = candidate.toLowerCase();
      const contains = Math.min(lower.length, typed.length) >= 3 && (lower.includes(typed) || typed.includes(lower));
      const d = lower === typed ? 0 : contains ? 1 + Math.abs(lower.length - typed.length) / 100 : editDistance(typed, lower);
      const allowed = Math.max(1, Math.floor(typed.length / 4));
      if (d <= allowed && (!best || d < best.score)) best = { name: candidate, score: d };
    }
    if (best) scored.push(best);
  }
  return [...new Set(scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name)).map((s) => s.name))].slice(0, MAX_MATCHES);
}

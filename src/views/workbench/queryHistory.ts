/**
 * Query history per flow log (most recent first, at most 50, no duplicates) and named saved
 * queries, kept in the extension's globalState. The storage is the small Memento surface so the
 * rules are testable without VS Code.
 */
import type { WorkbenchTarget } from '../../protocol/messages';
import type { LogstoreTargetInput } from './workbenchTarget';
import type { ChartAxes, ChartKind } from '../../protocol/messages';

export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

export const HISTORY_LIMIT = 50;
const HISTORY_KEY = 'cenFlowLogs.queryHistory.v1';
const SAVED_KEY = 'cenFlowLogs.savedQueries.v1';

export interface SavedQuery {
  readonly name: string;
  readonly query: string;
  /** The history key of the flow log or logstore it was saved from. */
  readonly targetKey: string;
  readonly savedAt: number;
  /** Where to reopen it from the palette. */
  readonly target?: LogstoreTargetInput;
  /** The chart shown with it and its axes, restored when it is opened. */
  readonly chart?: ChartKind;
  readonly chartAxes?: ChartAxes;
  /** Saved on a CEN panel: reopened on that CEN's flow logs. */
  readonly cen?: { readonly cenId: string; readonly title: string };
}

/** The key a target's history lives under: its flow log id, else project/logstore. */
export function historyKey(t: { readonly flowLogId?: string; readonly regionId: string; readonly projectName: string; readonly logStoreName: string }): string {
  return t.flowLogId ? `flowLog:${t.flowLogId}` : `logstore:${t.regionId}/${t.projectName}/${t.logStoreName}`;
}

/** The key a panel's history, saved queries and open-panel record live under. */
export function targetKey(t: WorkbenchTarget): string {
  switch (t.kind) {
    case 'logstore':
      return historyKey(t);
    case 'cen':
      return `cen:${t.cenId}`;
  }
}

/** The new list with `query` first; blank queries are not remembered. */
export function withQuery(history: readonly string[], query: string, limit = HISTORY_LIMIT): string[] {
  const q = query.trim();
  if (!q) return [...history].slice(0, limit);
  return [q, ...history.filter((h) => h !== q)].slice(0, limit);
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function isSavedQuery(v: unknown): v is SavedQuery {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.name === 'string' &&
    typeof o.query === 'string' &&
    typeof o.targetKey === 'string' &&
    typeof o.savedAt === 'number' &&
    (o.target === undefined || isTargetInput(o.target)) &&
    (o.cen === undefined || isCenRef(o.cen))
  );
}

function isCenRef(v: unknown): v is { cenId: string; title: string } {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.cenId === 'string' && typeof o.title === 'string';
}

function isTargetInput(v: unknown): v is LogstoreTargetInput {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.regionId === 'string' && typeof o.projectName === 'string' && typeof o.logStoreName === 'string';
}

export class QueryHistoryStore {
  constructor(private readonly store: KeyValueStore) {}

  history(key: string): readonly string[] {
    const all = this.store.get<Record<string, unknown>>(HISTORY_KEY) ?? {};
    const list = all[key];
    return isStringArray(list) ? list : [];
  }

  async remember(key: string, query: string): Promise<readonly string[]> {
    const all = { ...(this.store.get<Record<string, unknown>>(HISTORY_KEY) ?? {}) };
    const next = withQuery(this.history(key), query);
    all[key] = next;
    await this.store.update(HISTORY_KEY, all);
    return next;
  }

  /** Every target's history, newest entries of each first, for pickers without a target. */
  allHistory(): readonly { key: string; query: string }[] {
    const all = this.store.get<Record<string, unknown>>(HISTORY_KEY) ?? {};
    return Object.entries(all).flatMap(([key, list]) => (isStringArray(list) ? list.map((query) => ({ key, query })) : []));
  }

  saved(): readonly SavedQuery[] {
    const list = this.store.get<unknown[]>(SAVED_KEY);
    return Array.isArray(list) ? list.filter(isSavedQuery) : [];
  }

  /** Saving under an existing name replaces that entry. */
  async save(entry: SavedQuery): Promise<void> {
    const next = [entry, ...this.saved().filter((s) => s.name !== entry.name)];
    await this.store.update(SAVED_KEY, next);
  }

  async deleteSaved(name: string): Promise<void> {
    await this.store.update(SAVED_KEY, this.saved().filter((s) => s.name !== name));
  }
}

/**
 * Each flow log's column choice (hidden, order, pinned), kept on the host so it applies to every
 * panel of that flow log and survives window reloads. One entry per target key (the flow log id,
 * else project/logstore); the storage is the small Memento surface, testable without VS Code.
 */
import { parseColumnChoice, type ColumnChoice } from '../../results/columnChoice';
import type { KeyValueStore } from './queryHistory';

const KEY = 'cenFlowLogs.columnChoices.v1';
/** Flow logs remembered; the least recently changed are dropped beyond this. */
export const COLUMN_CHOICES_LIMIT = 200;

type Entries = Readonly<Record<string, { readonly choice: ColumnChoice; readonly at: number }>>;

export class ColumnChoiceStore {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => number = Date.now,
  ) {}

  get(targetKey: string): ColumnChoice | undefined {
    const entry = this.entries()[targetKey];
    return entry ? parseColumnChoice(entry.choice) : undefined;
  }

  async save(targetKey: string, choice: ColumnChoice): Promise<void> {
    const next = { ...this.entries(), [targetKey]: { choice, at: this.now() } };
    const kept = Object.entries(next).sort((a, b) => b[1].at - a[1].at).slice(0, COLUMN_CHOICES_LIMIT);
    await this.store.update(KEY, Object.fromEntries(kept));
  }

  private entries(): Entries {
    const v = this.store.get<unknown>(KEY);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return {};
    const out: Record<string, { choice: ColumnChoice; at: number }> = {};
    for (const [k, e] of Object.entries(v as Record<string, unknown>)) {
      if (typeof e !== 'object' || e === null) continue;
      const choice = parseColumnChoice((e as { choice?: unknown }).choice);
      const at = (e as { at?: unknown }).at;
      if (choice && typeof at === 'number') out[k] = { choice, at };
    }
    return out;
  }
}

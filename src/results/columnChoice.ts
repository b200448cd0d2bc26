/**
 * Which result columns a person shows, in which order, and which are pinned to the left — by
 * column name, so a choice made on one result applies to the next (and to columns that are not
 * there yet). Kept per flow log by the host, applied by the grid. Pure.
 */

export interface ColumnChoice {
  /** Names in the order chosen; columns not listed keep their arrival order after these. */
  readonly order: readonly string[];
  readonly hidden: readonly string[];
  /** Pinned columns stay at the left while the grid scrolls sideways (in `order`'s order). */
  readonly pinned: readonly string[];
}

export const NO_COLUMN_CHOICE: ColumnChoice = { order: [], hidden: [], pinned: [] };

/** A result's columns arranged: store indexes in display order (hidden ones left out), pinned first. */
export interface ColumnArrangement {
  readonly shown: readonly number[];
  /** How many of `shown` (from the left) are pinned. */
  readonly pinnedCount: number;
}

/** Display order of every column of `columns` (hidden included): chosen order first, then the rest as they came. */
export function displayOrder(columns: readonly string[], choice: ColumnChoice): string[] {
  const known = choice.order.filter((n) => columns.includes(n));
  const rest = columns.filter((n) => !known.includes(n));
  const all = [...known, ...rest];
  const pinned = all.filter((n) => choice.pinned.includes(n));
  return [...pinned, ...all.filter((n) => !choice.pinned.includes(n))];
}

export function arrangeColumns(columns: readonly string[], choice: ColumnChoice): ColumnArrangement {
  const visible = displayOrder(columns, choice).filter((n) => !choice.hidden.includes(n));
  // Every column hidden would leave an empty grid: show them all rather than nothing.
  const names = visible.length > 0 ? visible : displayOrder(columns, { ...choice, hidden: [] });
  return { shown: names.map((n) => columns.indexOf(n)), pinnedCount: names.filter((n) => choice.pinned.includes(n)).length };
}

export function setHidden(choice: ColumnChoice, name: string, hidden: boolean): ColumnChoice {
  const rest = choice.hidden.filter((n) => n !== name);
  return { ...choice, hidden: hidden ? [...rest, name] : rest };
}

export function setPinned(choice: ColumnChoice, name: string, pinned: boolean): ColumnChoice {
  const rest = choice.pinned.filter((n) => n !== name);
  return { ...choice, pinned: pinned ? [...rest, name] : rest };
}

/**
 * Moves `name` one place left (-1) or right (+1) among the columns of `columns` as displayed; a
 * pinned column moves among the pinned ones, an unpinned one among the unpinned ones.
 */
export function moveColumn(choice: ColumnChoice, columns: readonly string[], name: string, delta: -1 | 1): ColumnChoice {
  const order = displayOrder(columns, choice);
  const from = order.indexOf(name);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= order.length) return choice;
  if (choice.pinned.includes(order[from]) !== choice.pinned.includes(order[to])) return choice;
  const next = [...order];
  [next[from], next[to]] = [next[to], next[from]];
  // Names of other results the choice knew keep their places: this result's columns are
  // rewritten into the slots they held in the whole order.
  const full = [...choice.order, ...columns.filter((n) => !choice.order.includes(n))];
  const slots = full.flatMap((n, i) => (columns.includes(n) ? [i] : []));
  slots.forEach((slot, k) => (full[slot] = next[k]));
  return { ...choice, order: full };
}

const MAX_NAMES = 500;
const MAX_NAME_LENGTH = 1_000;

function names(v: unknown): string[] | undefined {
  if (!Array.isArray(v) || v.length > MAX_NAMES) return undefined;
  if (!v.every((n): n is string => typeof n === 'string' && n.length > 0 && n.length <= MAX_NAME_LENGTH)) return undefined;
  return [...new Set(v)];
}

/** A choice from storage or the webview, or undefined when it is not one. */
export function parseColumnChoice(v: unknown): ColumnChoice | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const r = v as Record<string, unknown>;
  const order = names(r.order);
  const hidden = names(r.hidden);
  const pinned = names(r.pinned);
  return order && hidden && pinned ? { order, hidden, pinned } : undefined;
}

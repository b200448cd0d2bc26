/**
 * Merges the answers each logstore gave to a CEN plan (cenMerge.ts) into the answer of the
 * statement over all their records. Pure. Its own module: only the CEN query engine runs it (in the
 * lazy UI chunk), while the plan's refusals are checked wherever a CEN query is typed.
 */
import { evaluateCenExpression, keyValue, renderSqlValue, slsValue } from './cenExpressionValue';
import type { CenSqlPlan, MergedColumn, OrderKey } from './cenMerge';
import type { TrailingLimit } from './queryShape';

/** One logstore's answer: its columns and rows (all strings, as SLS returns them). */
export interface PartialAnswer {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface MergedAnswer {
  readonly columns: readonly string[];
  readonly rows: readonly string[][];
}

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^-?\d+$/;

function isNull(v: string | undefined): v is undefined {
  return v === undefined || v === 'null' || v === '';
}

/** SQL order of two values as SLS returns them: numbers by value, text by code unit; NULLs last. */
export function compareValues(a: string | undefined, b: string | undefined): number {
  const an = isNull(a);
  const bn = isNull(b);
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  if (INTEGER.test(a) && INTEGER.test(b)) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (NUMBER.test(a) && NUMBER.test(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Adds values exactly when they are all integers, as doubles otherwise; NULL when none. */
class Sum {
  private integer = 0n;
  private real = 0;
  private fractional = false;
  private seen = false;

  add(v: string | undefined): void {
    if (isNull(v)) return;
    this.seen = true;
    if (!this.fractional && INTEGER.test(v)) this.integer += BigInt(v);
    else {
      if (!this.fractional) this.real = Number(this.integer);
      this.fractional = true;
      this.real += Number(v);
    }
  }

  get empty(): boolean {
    return !this.seen;
  }

  get value(): number {
    return this.fractional ? this.real : Number(this.integer);
  }

  text(): string {
    if (!this.seen) return 'null';
    return this.fractional ? String(this.real) : this.integer.toString();
  }
}

type Accumulator = { readonly add: (row: readonly string[]) => void; readonly text: () => string };

function accumulator(col: MergedColumn): Accumulator {
  switch (col.kind) {
    case 'key': {
      let value = '';
      let set = false;
      return { add: (row) => { if (!set) { value = row[col.at] ?? ''; set = true; } }, text: () => value };
    }
    case 'aggregate': {
      if (col.op === 'count' || col.op === 'sum') {
        const sum = new Sum();
        return { add: (row) => sum.add(row[col.at]), text: () => (col.op === 'count' && sum.empty ? '0' : sum.text()) };
      }
      let best: string | undefined;
      const sign = col.op === 'min' ? -1 : 1;
      return {
        add: (row) => {
          const v = row[col.at];
          if (isNull(v)) return;
          if (best === undefined || sign * compareValues(v, best) > 0) best = v;
        },
        text: () => best ?? 'null',
      };
    }
    case 'average': {
      const sum = new Sum();
      const count = new Sum();
      return {
        add: (row) => {
          sum.add(row[col.sumAt]);
          count.add(row[col.countAt]);
        },
        text: () => (sum.empty || count.value === 0 ? 'null' : String(sum.value / count.value)),
      };
    }
    case 'computed': {
      const partials = col.partials.map((p) => accumulator({ kind: 'aggregate', op: p.op, at: p.at }));
      // Keys are the same in every row of a group: the first row's serve.
      let keys: readonly string[] | undefined;
      return {
        add: (row) => {
          keys ??= row;
          for (const p of partials) p.add(row);
        },
        text: () => renderSqlValue(evaluateCenExpression(col.expression, { partial: (i) => slsValue(partials[i]?.text()), key: (at) => keyValue(keys?.[at]) })),
      };
    }
  }
}

function sortRows(rows: string[][], order: readonly OrderKey[], columns: readonly string[]): void {
  if (order.length === 0) return;
  const at = order.map((k) => (typeof k.column === 'number' ? k.column : columns.indexOf(k.column)));
  rows.sort((a, b) => {
    for (let i = 0; i < order.length; i++) {
      const c = at[i];
      if (c < 0) continue;
      const x = a[c];
      const y = b[c];
      // NULLs last in both directions, as SLS (Presto) sorts them.
      if (isNull(x) || isNull(y)) {
        const n = compareValues(x, y);
        if (n !== 0) return n;
        continue;
      }
      const d = compareValues(x, y);
      if (d !== 0) return order[i].descending ? -d : d;
    }
    return 0;
  });
}

/** The merged answer of a grouped plan: partials added up per group, then ordered and limited. */
function mergeGrouped(plan: Extract<CenSqlPlan, { kind: 'grouped' }>, answers: readonly PartialAnswer[]): MergedAnswer {
  const groups = new Map<string, Accumulator[]>();
  for (const answer of answers) {
    for (const row of answer.rows) {
      const key = JSON.stringify(plan.keyPositions.map((p) => row[p] ?? ''));
      let acc = groups.get(key);
      if (!acc) groups.set(key, (acc = plan.columns.map(accumulator)));
      for (const a of acc) a.add(row);
    }
  }
  // Aggregates without GROUP BY answer one row even over no records.
  if (groups.size === 0 && plan.keyPositions.length === 0) groups.set('[]', plan.columns.map(accumulator));
  const columns = mergedColumnNames(plan.columns.length, answers);
  const rows = [...groups.values()].map((acc) => acc.map((a) => a.text()));
  sortRows(rows, plan.order, columns);
  return { columns, rows: limitRows(rows, plan.limit) };
}

function mergedColumnNames(width: number, answers: readonly PartialAnswer[]): string[] {
  const named = answers.find((a) => a.columns.length >= width);
  return Array.from({ length: width }, (_, i) => named?.columns[i] ?? `_col${i}`);
}

function limitRows(rows: string[][], limit: TrailingLimit | undefined): string[][] {
  return limit ? rows.slice(limit.offset, limit.offset + limit.count) : rows;
}

/**
 * Merges per-logstore answers into the answer of the statement over all their records. Row
 * selections get a leading column per `extra` (the flow log a row came from, its region).
 */
export function mergeAnswers(plan: CenSqlPlan, answers: readonly PartialAnswer[], extra?: { readonly names: readonly string[]; readonly values: readonly (readonly string[])[] }): MergedAnswer {
  switch (plan.kind) {
    case 'grouped':
      return mergeGrouped(plan, answers);
    case 'rows': {
      const own: string[] = [];
      for (const a of answers) for (const c of a.columns) if (!own.includes(c)) own.push(c);
      const names = extra?.names ?? [];
      const rows: string[][] = [];
      answers.forEach((a, n) => {
        const at = own.map((c) => a.columns.indexOf(c));
        for (const row of a.rows) rows.push([...(extra?.values[n] ?? []), ...at.map((i) => (i >= 0 ? row[i] ?? '' : ''))]);
      });
      const columns = [...names, ...own];
      const shifted = plan.order.map((k) => (typeof k.column === 'number' ? { ...k, column: k.column + names.length } : k));
      // Stable: equal keys keep the flow logs' order, as a merge of sorted runs would.
      sortRows(rows, shifted, columns);
      return { columns, rows: limitRows(rows, plan.limit) };
    }
  }
}

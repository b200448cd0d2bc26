/**
 * Reading RPC parameters: required/optional strings, bounded integers, enums and the 1-based
 * flattened lists (`Tag.N.Key`, `Filter.N.Value.M`), each failure naming the parameter.
 */
import { invalidParameter, missingParameter } from './apiError';

export class RpcParams {
  constructor(readonly raw: ReadonlyMap<string, string>) {}

  optional(name: string): string | undefined {
    const v = this.raw.get(name);
    return v === undefined || v === '' ? undefined : v;
  }

  required(name: string): string {
    const v = this.optional(name);
    if (v === undefined) throw missingParameter(name);
    return v;
  }

  int(name: string, opts: { min: number; max: number; default: number }): number {
    const v = this.optional(name);
    if (v === undefined) return opts.default;
    if (!/^-?\d+$/.test(v)) throw invalidParameter(name, `expected an integer, got "${v}".`);
    const n = Number(v);
    if (n < opts.min || n > opts.max) throw invalidParameter(name, `must be from ${opts.min} to ${opts.max}, got ${n}.`);
    return n;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const v = this.optional(name);
    if (v === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(v)) throw invalidParameter(name, `must be one of ${allowed.join(', ')}, got "${v}".`);
    return v as T;
  }

  /** `Prefix.1.Key/Value`, `Prefix.2.Key/Value`… in index order. */
  keyValueList(prefix: string): { key: string; value: string }[] {
    const out: { key: string; value: string }[] = [];
    for (const n of this.indexes(prefix)) {
      const key = this.optional(`${prefix}.${n}.Key`);
      if (key === undefined) throw missingParameter(`${prefix}.${n}.Key`);
      out.push({ key, value: this.raw.get(`${prefix}.${n}.Value`) ?? '' });
    }
    return out;
  }

  /** `Filter.N.Key` with `Filter.N.Value.M` values. */
  filterList(prefix: string): { key: string; values: string[] }[] {
    const out: { key: string; values: string[] }[] = [];
    for (const n of this.indexes(prefix)) {
      const key = this.optional(`${prefix}.${n}.Key`);
      if (key === undefined) throw missingParameter(`${prefix}.${n}.Key`);
      const values: string[] = [];
      for (const m of this.indexes(`${prefix}.${n}.Value`)) {
        const v = this.raw.get(`${prefix}.${n}.Value.${m}`);
        if (v !== undefined) values.push(v);
      }
      out.push({ key, values });
    }
    return out;
  }

  /** The distinct N of parameters named `prefix.N` or `prefix.N.…`, ascending. */
  private indexes(prefix: string): number[] {
    const found = new Set<number>();
    const re = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)(?:\\.|$)`);
    for (const name of this.raw.keys()) {
      const m = re.exec(name);
      if (m) found.add(Number(m[1]));
    }
    return [...found].sort((a, b) => a - b);
  }
}

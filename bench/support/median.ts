/** The middle item by `key` (the upper middle of an even count), as every figure's "median of N" is taken. */
export function medianBy<T>(items: readonly T[], key: (item: T) => number): T {
  return [...items].sort((a, b) => key(a) - key(b))[Math.floor(items.length / 2)];
}

/** The median of numbers, by the same rule. */
export const median = (values: readonly number[]): number => medianBy(values, (v) => v);

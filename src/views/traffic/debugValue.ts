/**
 * The text of what a debugger menu was opened on. VS Code passes `{ sessionId, container, variable }`
 * for a variable (the Debug Adapter Protocol's Variable). A bare `{ name, value }` (or the watch
 * model's `_value`) is read too, for callers passing a watch row. No `vscode` import (unit-tested).
 */

export interface DebugValueText {
  /** What the row is called (variable name or watch expression), for the pick's title. */
  readonly name?: string;
  readonly value: string;
}

function stringField(o: unknown, key: string): string | undefined {
  if (typeof o !== 'object' || o === null || !(key in o)) return undefined;
  const v: unknown = (o as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : undefined;
}

export function debugValueText(arg: unknown): DebugValueText | undefined {
  const variable: unknown = typeof arg === 'object' && arg !== null && 'variable' in arg ? arg.variable : undefined;
  const holder = variable ?? arg;
  // `_value` is the watch model's field behind its `value` getter (VS Code 1.100).
  const value = stringField(holder, 'value') ?? stringField(holder, '_value') ?? stringField(holder, 'result');
  if (value === undefined) return undefined;
  const name = stringField(holder, 'evaluateName') ?? stringField(holder, 'name') ?? stringField(holder, 'expression');
  return name === undefined ? { value } : { name, value };
}

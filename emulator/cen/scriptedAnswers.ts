/**
 * Error answers a test scripts for the next calls of one action, so every code of api-current.md
 * §4.1 — including those the emulator's own state never produces (Rejected.Throttling, LOCK_ERROR,
 * Operation.Blocking, SourceProjectNotExist, an expired STS token…) — reaches the client through
 * the real SDK and HTTP exactly as the service would send it.
 */
import { CenApiError } from './apiError';

export interface ScriptedError {
  readonly action: string;
  readonly code: string;
  readonly message: string;
  readonly status: number;
  /** How many calls in a row get it (default 1). */
  readonly times?: number;
}

export class ScriptedAnswers {
  private readonly queue: { error: ScriptedError; left: number }[] = [];

  add(error: ScriptedError): void {
    this.queue.push({ error, left: error.times ?? 1 });
  }

  clear(): void {
    this.queue.length = 0;
  }

  /** Throws the next scripted error for the action, if any. */
  apply(action: string): void {
    const i = this.queue.findIndex((q) => q.error.action === action);
    if (i < 0) return;
    const q = this.queue[i];
    if (--q.left <= 0) this.queue.splice(i, 1);
    throw new CenApiError(q.error.status, q.error.code, q.error.message);
  }
}

export function parseScriptedError(v: unknown): ScriptedError {
  const o = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  const { action, code, message, status, times } = o;
  if (typeof action !== 'string' || typeof code !== 'string' || typeof message !== 'string') {
    throw new Error('cen-errors: {action, code, message} are required strings');
  }
  if (status !== undefined && (typeof status !== 'number' || !Number.isInteger(status))) throw new Error('cen-errors: status must be an integer');
  if (times !== undefined && (typeof times !== 'number' || !Number.isInteger(times) || times < 1)) throw new Error('cen-errors: times must be a positive integer');
  return { action, code, message, status: typeof status === 'number' ? status : 400, times: typeof times === 'number' ? times : undefined };
}

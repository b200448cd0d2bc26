/**
 * A key-value store in one JSON file, written synchronously on every update. For state that must
 * survive a window reload that comes right after a change: VS Code's own storage is flushed on a
 * timer (every 5 s in a browser window, where a reload can drop what was not flushed yet), while a
 * file written by the extension host is on disk before the next message is handled.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { errorText } from '../../errorText';
import { dirname } from 'node:path';
import type { KeyValueStore } from './queryHistory';

/** What went wrong with the file, for the log (it stays English there); the store carries on from memory. */
export type StoreProblem =
  | { readonly kind: 'unwritable'; readonly file: string; readonly reason: string }
  | { readonly kind: 'notAnObject'; readonly file: string };

export class FileKeyValueStore implements KeyValueStore {
  private values: Record<string, unknown>;

  constructor(
    private readonly file: string,
    private readonly onError: (problem: StoreProblem) => void,
  ) {
    this.values = readValues(file, onError);
  }

  get<T>(key: string): T | undefined {
    return this.values[key] as T | undefined;
  }

  update(key: string, value: unknown): Thenable<void> {
    // A JSON copy, like a Memento: later changes to the caller's object do not leak in.
    this.values = { ...this.values, [key]: value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown) };
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      // Written beside and renamed over: a crash mid-write leaves the previous file, never half of one.
      const temp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(this.values));
      renameSync(temp, this.file);
    } catch (e) {
      this.onError({ kind: 'unwritable', file: this.file, reason: errorText(e) });
    }
    return Promise.resolve();
  }
}

function readValues(file: string, onError: (problem: StoreProblem) => void): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {}; // not written yet
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // damaged: start over, said below
  }
  onError({ kind: 'notAnObject', file });
  return {};
}

/**
 * Finds the unhandled promise rejections and uncaught errors of our extension in what VS Code
 * logs about its extension host. Two places say it:
 *  - the extension host's log file (`<user-data>/logs/<session>/exthostN/remoteexthost.log` under
 *    code-server, `exthost.log` on the desktop): VS Code's unexpected-error handler, which both
 *    `unhandledRejection` (after one second) and `uncaughtException` feed, writes an `[error]`
 *    entry with the stack — the two look alike there;
 *  - the window's console, where VS Code names the extension an error came from:
 *    `[cenflowlogs.cen-flow-logs]<message>`.
 * An entry is ours when it names our extension id or its install folder (stack frames run through
 * `…/cenflowlogs.cen-flow-logs-<version>/dist/extension.js`). Errors of VS Code or of other
 * extensions are not ours to fail on.
 */

export const EXTENSION_ID = 'cenflowlogs.cen-flow-logs';

export interface HostLogFinding {
  /** The entry's first line (timestamp and level included), then its stack if any. */
  readonly entry: string;
  readonly source: 'extensionHostLog' | 'windowConsole';
}

/** `2026-11-26 06:03:43.269 [error] …`: the start of a log entry; other lines continue the previous one. */
const ENTRY_START = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \[(\w+)\] /;
/** Logged as a warning beside the `[error]` entry by some VS Code versions. */
const LATE_REJECTION = /rejected promise not handled within/;

function mentionsUs(text: string): boolean {
  return text.toLowerCase().includes(EXTENSION_ID);
}

/** Splits a log text into entries: a timestamped line plus the untimestamped lines after it. */
export function logEntries(text: string): { level: string; text: string }[] {
  const entries: { level: string; text: string }[] = [];
  for (const line of text.split(/\r?\n/)) {
    const start = ENTRY_START.exec(line);
    if (start) entries.push({ level: start[1].toLowerCase(), text: line });
    else if (entries.length > 0 && line.length > 0) entries[entries.length - 1].text += `\n${line}`;
  }
  return entries;
}

/** Our extension's unhandled rejections and uncaught errors in an extension-host log text. */
export function scanExtensionHostLog(text: string): HostLogFinding[] {
  return logEntries(text)
    .filter((e) => mentionsUs(e.text) && (e.level === 'error' || (e.level === 'warning' && LATE_REJECTION.test(e.text))))
    .map((e) => ({ entry: e.text, source: 'extensionHostLog' }));
}

/**
 * The window console's report of an extension runtime error (VS Code's main-thread extension
 * service prints `[<extension id>]<message>`); undefined when the message is not one of ours.
 */
export function ourRuntimeErrorInConsole(type: string, text: string): HostLogFinding | undefined {
  if (type !== 'error' || !text.startsWith(`[${EXTENSION_ID}]`)) return undefined;
  return { entry: text, source: 'windowConsole' };
}

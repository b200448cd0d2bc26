/**
 * What a part of the extension that cannot call `vscode.l10n` (the webview, pure modules) needs to
 * speak the display language: the language id and the contents of our `l10n/bundle.l10n.<lang>.json`
 * (absent for English, whose keys are the English text). The host reads both from VS Code and hands
 * them over; nothing is ever loaded from the network.
 */

export interface L10nSetup {
  /** VS Code's display language id, e.g. "en", "zh-cn". */
  readonly language: string;
  /** Key (the English text) → translation. */
  readonly bundle?: Readonly<Record<string, string>>;
}

/** Validates a setup that crossed a boundary (the webview's boot data); anything malformed → undefined. */
export function parseL10nSetup(v: unknown): L10nSetup | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const { language, bundle } = v as { language?: unknown; bundle?: unknown };
  if (typeof language !== 'string' || language.length === 0 || language.length > 35) return undefined;
  if (bundle === undefined) return { language };
  if (typeof bundle !== 'object' || bundle === null || Array.isArray(bundle)) return undefined;
  const entries = Object.entries(bundle as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string');
  return { language, bundle: Object.fromEntries(entries) };
}

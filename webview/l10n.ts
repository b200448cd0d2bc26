/**
 * The webview's strings and number formats in VS Code's display language. The host puts the
 * language and its bundle in the page's boot data (src/l10n/l10nSetup.ts); `t` from
 * `@vscode/l10n` then translates, falling back to the English key. Configured once, before the app starts.
 */
import * as l10n from '@vscode/l10n';
import { createDisplayFormat, type DisplayFormat } from '../src/l10n/displayFormat';
import type { L10nSetup } from '../src/l10n/l10nSetup';

let current: DisplayFormat = createDisplayFormat('en');

export function configureWebviewL10n(setup: L10nSetup | undefined): void {
  l10n.config({ contents: setup?.bundle ?? {} });
  current = createDisplayFormat(setup?.language);
}

/** Numbers, bytes and dates in the display language. */
export function displayFormat(): DisplayFormat {
  return current;
}

export const t = l10n.t;

/**
 * The webview's strings and number formats in VS Code's display language. The host puts the
 * language and its bundle in the page's boot data (src/l10n/l10nSetup.ts); `t` from
 * `@vscode/l10n` then translates, falling back to the English key. Configured once, before the app starts.
 */
import * as l10n from '@vscode/l10n';
import { createDisplayFormat, type DisplayFormat } from '../src/l10n/displayFormat';
import { parseL10nSetup, type L10nSetup } from '../src/l10n/l10nSetup';
import { setRegionDisplayLanguage } from '../src/flowlogs/regions';

let current: DisplayFormat = createDisplayFormat('en');

export function configureWebviewL10n(setup: L10nSetup | undefined): void {
  l10n.config({ contents: setup?.bundle ?? {} });
  current = createDisplayFormat(setup?.language);
  // Region names follow the display language in the page as on the host (hostL10n.ts).
  setRegionDisplayLanguage(setup?.language ?? 'en');
  // Screen readers pronounce every page in its language (the host's HTML says en). No document in unit tests.
  const page = (globalThis as { document?: { documentElement: { lang: string } } }).document;
  if (page) page.documentElement.lang = current.locale;
}

/** The `l10n` field of the boot data the host rendered into the page (`data-boot`), validated; undefined when absent or malformed. */
export function bootL10nSetup(bootJson: string | undefined): L10nSetup | undefined {
  try {
    const boot: unknown = bootJson ? JSON.parse(bootJson) : undefined;
    return typeof boot === 'object' && boot !== null ? parseL10nSetup((boot as Record<string, unknown>).l10n) : undefined;
  } catch {
    return undefined;
  }
}

/** Numbers, bytes and dates in the display language. */
export function displayFormat(): DisplayFormat {
  return current;
}

export const t = l10n.t;

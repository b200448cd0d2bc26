/**
 * The host's side of the l10n seam (issue 22). Host code calls `vscode.l10n.t`; code that must not
 * import `vscode` (src/query, src/flowlogs, src/credentials' pure checks) calls `t` of
 * `@vscode/l10n`, configured here once with the same bundle VS Code loaded for the display
 * language; the webview gets that bundle in its boot data (hostL10nSetup).
 */
import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';
import type { L10nSetup } from '../l10n/l10nSetup';
import { setRegionDisplayLanguage } from '../flowlogs/regions';

/** The display language and the bundle VS Code loaded for it (none for English). */
export function hostL10nSetup(): L10nSetup {
  const bundle = vscode.l10n.bundle;
  return { language: vscode.env.language, ...(bundle ? { bundle } : {}) };
}

/** Points `@vscode/l10n`'s `t` (used by pure modules in this bundle) at the display language's strings. */
export function configurePureModuleL10n(): void {
  l10n.config({ contents: vscode.l10n.bundle ?? {} });
  setRegionDisplayLanguage(vscode.env.language);
}

/**
 * Which kind of file a document is for address hovers, and whether the setting turns hovers on for
 * it: log files on by default, configuration and code off (a hover there would spend Log Service
 * requests on every IP literal). No `vscode` import: the activation entry checks this before
 * loading anything.
 */

/** `code` is everything that is neither a log nor a configuration file. */
export type HoverFileKind = 'log' | 'config' | 'code';

export const ADDRESS_HOVER_SETTING = 'addressHover.enabled';

/** The setting's value: one switch per file kind. */
export type AddressHoverSetting = Readonly<Partial<Record<HoverFileKind, boolean>>>;

export const ADDRESS_HOVER_DEFAULTS: Readonly<Record<HoverFileKind, boolean>> = { log: true, config: false, code: false };

const LOG_LANGUAGES = new Set(['log']);
const CONFIG_LANGUAGES = new Set(['json', 'jsonc', 'yaml', 'ini', 'properties', 'toml', 'xml', 'dotenv', 'env', 'nginx', 'dockercompose', 'hosts']);
const LOG_EXTENSIONS = /\.(log|out|err)(\.\d+)?$/i;
const CONFIG_EXTENSIONS = /\.(json|jsonc|ya?ml|ini|conf|cfg|properties|toml|env|xml|tfvars)$|(^|[\\/])(hosts|\.env[^\\/]*)$/i;

export function hoverFileKind(languageId: string, fileName: string): HoverFileKind {
  if (LOG_LANGUAGES.has(languageId) || LOG_EXTENSIONS.test(fileName)) return 'log';
  if (CONFIG_LANGUAGES.has(languageId) || CONFIG_EXTENSIONS.test(fileName)) return 'config';
  return 'code';
}

/** Whether hovers are on for the kind; a malformed setting falls back to the defaults. */
export function hoverEnabled(kind: HoverFileKind, setting: unknown): boolean {
  if (typeof setting === 'object' && setting !== null && kind in setting) {
    const value: unknown = (setting as Record<string, unknown>)[kind];
    if (typeof value === 'boolean') return value;
  }
  return ADDRESS_HOVER_DEFAULTS[kind];
}

/**
 * Loads a panel's exporter on its first export. In the bundle, `./exportController` is part of the
 * lazy UI chunk (dist/ui-lazy.js, see scripts/build.mjs): the UI chunk stays within its size budget.
 */
import type * as ExportControllerModule from './exportController';

let cached: typeof ExportControllerModule | undefined;

export function loadExportControllerModule(): typeof ExportControllerModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cached ??= require('./exportController') as typeof ExportControllerModule;
  return cached;
}

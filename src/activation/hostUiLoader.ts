/**
 * Loads the extension's UI module on first need. In the bundle, `./hostUi` is a separate chunk
 * (dist/host-ui.js, see scripts/build.mjs), so activation never parses it.
 */
import type * as HostUiModule from './hostUi';

let cached: typeof HostUiModule | undefined;

export function loadHostUiModule(): typeof HostUiModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cached ??= require('./hostUi') as typeof HostUiModule;
  return cached;
}

/**
 * Loads the region map's panel module on first use. In the bundle, `./regionMapPanel` is part of the
 * lazy UI chunk (dist/ui-lazy.js, see scripts/build.mjs): the extension's UI chunk stays within its size
 * budget and never parses the map until a map is opened.
 */
import type * as RegionMapModule from './regionMapPanel';

let cached: typeof RegionMapModule | undefined;

export function loadRegionMapModule(): typeof RegionMapModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cached ??= require('./regionMapPanel') as typeof RegionMapModule;
  return cached;
}

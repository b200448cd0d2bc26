/**
 * Loads the compare view's panel module on first use. In the bundle, `./comparePanel` is part of the
 * lazy UI chunk (dist/ui-lazy.js, see scripts/build.mjs): the UI chunk stays within its size budget and
 * never parses the compare view until a comparison is opened.
 */
import type * as ComparePanelModule from './comparePanel';

let cached: typeof ComparePanelModule | undefined;

export function loadComparePanelModule(): typeof ComparePanelModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cached ??= require('./comparePanel') as typeof ComparePanelModule;
  return cached;
}

/**
 * Loads the CEN query engine when a CEN's panel first queries. In the bundle, `./cenQueries` is part
 * of the lazy UI chunk (dist/ui-lazy.js, see scripts/build.mjs): the UI chunk stays within its size budget.
 */
import type * as CenQueriesModule from './cenQueries';

let cached: typeof CenQueriesModule | undefined;

export function loadCenQueriesModule(): typeof CenQueriesModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cached ??= require('./cenQueries') as typeof CenQueriesModule;
  return cached;
}

/**
 * Loads the query documents' module on first use. In the bundle, `./registerQueryDocuments` is a
 * part of the lazy UI chunk (dist/ui-lazy.js, see scripts/build.mjs): the UI chunk stays within its
 * size budget and parses the `.slsql` language only once a query file opens or its command runs.
 */
import type * as QueryDocumentsModule from './registerQueryDocuments';

let cached: typeof QueryDocumentsModule | undefined;

export function loadQueryDocumentsModule(): typeof QueryDocumentsModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cached ??= require('./registerQueryDocuments') as typeof QueryDocumentsModule;
  return cached;
}

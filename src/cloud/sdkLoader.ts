/**
 * Loads the Alibaba Cloud SDKs on first use. In the bundle, `./sdk` is a separate chunk
 * (dist/cloud-sdk.js, see scripts/build.mjs), so activation never parses the SDKs.
 */
import type * as Sdk from './sdk';

let cached: typeof Sdk | undefined;

export function loadSdk(): typeof Sdk {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cached ??= require('./sdk') as typeof Sdk;
  return cached;
}

/**
 * Loads the debugging bridges' implementation on first use (a hover, a terminal link, a command). In
 * the bundle, `./trafficBridgeParts` is part of the lazy UI chunk (dist/ui-lazy.js, see
 * scripts/build.mjs): the UI chunk stays within its size budget and only registers the bridges.
 */
import type * as TrafficBridgePartsModule from './trafficBridgeParts';

let cached: typeof TrafficBridgePartsModule | undefined;

export function loadTrafficBridgeParts(): typeof TrafficBridgePartsModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cached ??= require('./trafficBridgeParts') as typeof TrafficBridgePartsModule;
  return cached;
}

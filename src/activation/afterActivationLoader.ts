/**
 * Loads what activation starts right after it returns. In the bundle, `./afterActivation` is a separate
 * chunk (dist/after-activation.js, see scripts/build.mjs), so VS Code does not wait on its parsing.
 */
import type * as AfterActivationModule from './afterActivation';

export function loadAfterActivation(): typeof AfterActivationModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./afterActivation') as typeof AfterActivationModule;
}

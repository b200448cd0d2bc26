/**
 * How a VS Code is pointed at the local emulator: endpoints in user settings, the owner's keys in
 * the environment (the extension reads the @alicloud/credentials chain; keys never go into
 * settings), and a resolver hook so `<project>.localhost` resolves in the extension host.
 * Shared by `npm start` and the e2e harness.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { UserSettings } from './codeServer';

export const PROJECT_ROOT = join(__dirname, '..');

/** The emulator's built-in owner account (whitelisted for flow logs; owns the demo state). */
export const OWNER_CREDENTIALS: Readonly<Record<string, string>> = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIemulatorOwner',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'emulator-owner-secret',
};

export interface EmulatorEndpoints {
  /** e.g. http://127.0.0.1:PORT */
  readonly cenUrl: string;
  /** e.g. localhost:PORT (the SDK prepends the project) */
  readonly slsEndpoint: string;
}

export function emulatorSettings(endpoints: EmulatorEndpoints): UserSettings {
  return {
    'cenFlowLogs.cenEndpoint': endpoints.cenUrl,
    'cenFlowLogs.slsEndpoint': endpoints.slsEndpoint,
    'cenFlowLogs.slsProtocol': 'http',
  };
}

const RESOLVER = join(PROJECT_ROOT, 'test', 'support', 'localhost-resolver.cjs');

/**
 * NODE_OPTIONS that load the `*.localhost` resolver into code-server and its extension hosts
 * (glibc does not resolve `<project>.localhost`). Empty when the hook file is absent.
 */
export function localhostResolverEnv(): Record<string, string> {
  return existsSync(RESOLVER) ? { NODE_OPTIONS: `--require ${RESOLVER}` } : {};
}

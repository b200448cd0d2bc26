// @vscode/test-cli configuration for `npm run test:electron`: the integration suite in a desktop
// VS Code that @vscode/test-electron downloads. Not runnable offline (the download fails with
// ENOTFOUND); on such machines the real-browser suite (`npm run test:e2e`, code-server + Chromium)
// is the one that runs. Pinned to the oldest VS Code our engines.vscode accepts.
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  label: 'electron',
  files: 'out/test/electron/**/*.test.js',
  version: '1.100.0',
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  env: {
    ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIemulatorOwner',
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'emulator-owner-secret',
  },
  mocha: { ui: 'tdd', timeout: 20_000 },
});

/**
 * Real-VS-Code end-to-end harness: code-server (the real workbench, VS Code 1.100) + Debian Chromium
 * driven by playwright-core, the extension installed from the VSIX `npm run package` builds, and a
 * fresh emulator per test. Install once with `bash scripts/e2e-setup.sh` (npm test does it).
 *
 *   import { describe, it } from 'node:test';
 *   import assert from 'node:assert/strict';
 *   import { E2E_TEST_TIMEOUT_MS, useVsCode } from './harness';
 *
 *   describe('Explorer', () => {
 *     const vs = useVsCode();                       // one code-server per describe; hooks registered
 *     it('lists regions', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {   // timeouts per test, not per describe
 *       await vs.openViewContainer('CEN Flow Logs');
 *       await vs.expandTreeItem('cn-hangzhou');
 *       await vs.contextMenu('flowlog-1', 'Stop Flow Log');
 *       await vs.answerDialog('Stop');
 *       await vs.notification(/stopped/i);
 *       assert.equal(vs.emulator.context.cen…, …); // the emulator of this test, in-process
 *     });
 *   });
 *
 * useVsCode(options?)            options.env: code-server/extension-host env for the file (default
 *                                OWNER_CREDENTIALS; `{}` = none); options.settings: extra user settings;
 *                                options.emulator: EmulatorOptions (faults, seed, demo, transitionMs…).
 * Per test (automatic): a fresh emulator (vs.emulator), settings pointing at it, a fresh workspace
 * folder (vs.workspaceFolder) and browser context (vs.page). vs.reopen({settings, emulator}) starts
 * the current test over with other settings/emulator options.
 * UI helpers (all wait up to UI_TIMEOUT_MS and name what they missed):
 *   openViewContainer(title) · viewPane(name) · treeItem(label) → row · treeRow(label) (no wait) ·
 *   treeLabels() · expandTreeItem(label) · contextMenu(label, commandTitle) · runCommand('Cat: Title') ·
 *   answerQuickPick(label | labels[]) · answerInputBox(text) · inputBoxMessage() · dismissQuickInput() ·
 *   notification(textOrRegex) · clickNotificationButton(text, button) · answerDialog(button) ·
 *   webviewFrame(tabTitle?) → FrameLocator · screenshot(name) → path.
 * Labels are matched exactly when given as strings; pass a RegExp for partial matches.
 * A failing test leaves test-results/e2e/FAILED-<file>--<test>.png plus VS Code's logs; code-server
 * and emulator output of each file go to test-results/e2e/<file>.log.
 */
export { useVsCode, VsCodeSession, E2E_TEST_TIMEOUT_MS, OWNER_CREDENTIALS, TEST_EMULATOR_OPTIONS, emulatorSettings, type VsCodeOptions, type ReopenOptions } from './session';
export { Workbench, UI_TIMEOUT_MS, ARTIFACTS_DIR, type TextMatch } from './workbench';
export { PROJECT_ROOT, VSIX_PATH } from './vsix';

/**
 * Nothing leaks the AccessKey secret: a full session in a real VS Code (sign in with an AccessKey
 * through the UI, open the tree, run a query in the workbench, a failing query, export CSV and
 * JSON, show the output channel), then everything the extension could have written is scanned for
 * the secret — the code-server profile (user data: settings, globalState/state.vscdb, logs incl. our
 * output channel, extension storage), the workspace and exported files — plus the notification
 * texts, the whole workbench DOM and the webview's DOM and HTML. Also the webview's CSP as rendered.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UI_TIMEOUT_MS, useVsCode, type VsCodeSession } from './harness';
import { signInWithAccessKey, STEP_TIMEOUT_MS, waitForTreeRow } from './harness/explorerSteps';
import { scanForSecret } from '../reliability/secretScan';

const SECRET = 'emulator-owner-secret';
const FLOW_LOG = 'prod-backbone-flowlog';
const TAB = `Query: ${FLOW_LOG}`;
/** Picks a quick-pick row by typing its label and pressing Enter. */
async function pick(vs: VsCodeSession, label: string): Promise<void> {
  await vs.page.mouse.move(1, 1);
  const widget = vs.page.locator('.quick-input-widget');
  await widget.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  await widget.locator('.quick-input-box input').fill(label);
  await widget.locator('.quick-input-list .monaco-list-row.focused', { hasText: label }).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await widget.locator('.quick-input-box input').press('Enter');
}

describe('secrets', { timeout: 900_000 }, () => {
  const vs = useVsCode({ env: {} });

  it('a full session writes the AccessKey secret nowhere, and the webview CSP is strict', { timeout: 600_000 }, async () => {
    const texts: Record<string, string> = {};
    const notifications = async (label: string): Promise<void> => {
      texts[`notifications ${label}`] = (await vs.page.locator('.notifications-toasts, .notifications-center').allTextContents()).join('\n');
    };

    // Sign in through the UI: the secret is typed, so it is only ever in SecretStorage.
    await signInWithAccessKey(vs, 'LTAIemulatorOwner', SECRET);
    await waitForTreeRow(vs, 'prod-backbone');
    await notifications('after sign-in');

    // A query, then one the service refuses (its error travels to the webview and the log).
    await vs.runCommand('CEN Flow Logs: Query Flow Log…');
    await pick(vs, FLOW_LOG);
    await vs.answerInputBox('* | select srcaddr, count(*) as n group by srcaddr order by n desc limit 20');
    const frame = await vs.webviewFrame(TAB);
    await frame.locator('[data-testid=status-progress]').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    const content = frame.locator('[data-testid=query-editor] .cm-content');
    await content.click();
    await vs.page.keyboard.press('Control+A');
    await vs.page.keyboard.press('Delete');
    await content.pressSequentially('* | select nosuchfunc(bytes)', { delay: 5 });
    await vs.page.keyboard.press('Control+Enter');
    await frame.locator('[data-testid=query-error]').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    texts['webview DOM text'] = (await frame.locator('html').textContent()) ?? '';
    texts['webview DOM html'] = await frame.locator('html').evaluate((el) => el.outerHTML);

    // Exports, as CSV and JSON.
    await content.click();
    await vs.page.keyboard.press('Control+A');
    await vs.page.keyboard.press('Delete');
    await content.pressSequentially('dstport:443', { delay: 5 });
    await vs.page.keyboard.press('Control+Enter');
    await frame.locator('[data-testid=status-progress]').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    for (const [format, name] of [['csv', 'secrets.csv'], ['json', 'secrets.json']] as const) {
      await frame.locator(`[data-testid=export-${format}]`).click();
      await vs.answerInputBox(join(vs.workspaceFolder, name));
      // Poll for the file: the previous export's "Exported" toast may still be showing.
      const deadline = Date.now() + STEP_TIMEOUT_MS;
      while (!existsSync(join(vs.workspaceFolder, name)) && Date.now() < deadline) await vs.page.waitForTimeout(250);
      assert.ok(existsSync(join(vs.workspaceFolder, name)), `${name} was written`);
    }
    await notifications('after export');

    // The output channel, shown so its text is in the DOM as well as in its log file.
    await vs.runCommand('CEN Flow Logs: Show Log');
    await vs.page.waitForTimeout(1_000);
    texts['workbench DOM'] = await vs.page.content();
    // Browser-side storage, except the secret-storage entries where the key belongs.
    texts['browser localStorage (non-secret keys)'] = await vs.page.evaluate<string>(
      "Object.keys(localStorage).filter((k) => !/secret/i.test(k)).map((k) => k + '=' + localStorage.getItem(k)).join('\\n')",
    );

    // The CSP the host rendered into the webview document.
    const csp = texts['webview DOM html'].match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1]?.replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    assert.ok(csp, 'the webview document carries a CSP');
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
    assert.match(scriptSrc, /'nonce-[A-Za-z0-9+/=]{16,}'/);
    assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline/);
    assert.match(csp, /default-src 'none'/);

    // Give buffered logs a moment to reach disk, then scan.
    await vs.page.waitForTimeout(1_500);
    const userData = vs.server.userDataDir;
    const logs = join(userData, 'logs');
    const ourLog = existsSync(logs) ? readdirRecursive(logs).some((f) => /CEN Flow Logs/i.test(f) || /cenflowlogs/i.test(f)) : false;
    const result = scanForSecret(SECRET, [vs.server.profileDir, vs.workspaceFolder], texts, (p) => p.includes(`${join('extensions', 'cenflowlogs')}`) || p.includes('node_modules'));
    process.stderr.write(`[secrets] scanned ${result.filesScanned} files (${result.bytesScanned} bytes) and ${result.textsScanned} texts; findings: ${result.findings.length}\n`);
    assert.ok(result.filesScanned > 10, `the profile was scanned (${result.filesScanned} files)`);
    assert.ok(ourLog, 'the output channel log file exists, so it was scanned');
    assert.ok(readFileSync(join(vs.workspaceFolder, 'secrets.json'), 'utf8').includes('"rows"'), 'the export was scanned');
    assert.deepEqual(result.findings, [], 'the secret appears nowhere');
  });
});

function readdirRecursive(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String);
}

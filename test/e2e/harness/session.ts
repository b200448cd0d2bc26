/**
 * One real VS Code per test file (code-server + Chromium), a clean slate per test: each test gets
 * its own emulator (own port, fresh demo state), a fresh workspace folder and a fresh browser
 * context (VS Code web keeps its global/workspace state in the browser, so that state is new too),
 * with user settings rewritten to point at that emulator. After each test the extension host's log
 * and the window console are read, and the test fails on an unhandled promise rejection or
 * uncaught error of our extension.
 */
import { after, afterEach, before, beforeEach } from 'node:test';
import { closeSync, cpSync, createWriteStream, existsSync, fstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import type { EmulatorOptions } from '../../../emulator/context';
import { killAllCodeServersSync, removeProfile, startCodeServer, type RunningCodeServer, type UserSettings } from '../../../scripts/codeServer';
import { emulatorSettings, localhostResolverEnv, OWNER_CREDENTIALS } from '../../../scripts/emulatorProfile';
import { ourRuntimeErrorInConsole, scanExtensionHostLog, type HostLogFinding } from '../../reliability/extensionHostLog';
import { ensureVsix } from './vsix';
import { ensureLanguagePackVsix } from './languagePack';
import { ARTIFACTS_DIR, UI_TIMEOUT_MS, Workbench } from './workbench';

export const CHROMIUM_PATH = process.env.CEN_FLOW_LOGS_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', // root in CI containers
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking', // no internet here: no component/update/safe-browsing fetches
  '--disable-component-update',
  '--disable-crash-reporter',
];

export { OWNER_CREDENTIALS, emulatorSettings };

const STARTUP_TIMEOUT_MS = 90_000;

/**
 * Per-test timeout to pass as `it(name, { timeout: E2E_TEST_TIMEOUT_MS }, fn)`. Put timeouts on the
 * tests, not on describe(): a describe() timeout bounds the whole block, so on a slow machine it
 * cancels the later tests.
 */
export const E2E_TEST_TIMEOUT_MS = 180_000;

/** Title of our activity-bar container (package.json contributes.viewsContainers). */
export const CONTAINER_TITLE = 'CEN Flow Logs';

/** Emulator defaults for tests: short transitions, six hours of records (seeds in well under a second); override per file or test. */
export const TEST_EMULATOR_OPTIONS: EmulatorOptions = { transitionMs: 200, historyDays: 0.25 };

export interface VsCodeOptions {
  /**
   * Environment of code-server and so of the extension host, fixed for the file. Default: the owner
   * credentials. Pass `{}` for no credentials, or other keys (e.g. LTAIemulatorNoFlowLog). For a
   * different env in one test, put that test in its own describe() with its own useVsCode().
   */
  readonly env?: Readonly<Record<string, string>>;
  /** Extra user settings for every test (merged over the emulator endpoints). */
  readonly settings?: UserSettings;
  /** Emulator options for every test (merged over TEST_EMULATOR_OPTIONS), e.g. faults, seed, demo. */
  readonly emulator?: EmulatorOptions;
  /** Display language of the file's VS Code ("zh-cn"), with the test language pack (harness/languagePack.ts). */
  readonly locale?: 'zh-cn';
  /** Our activity-bar title in that language, awaited at start-up (default CONTAINER_TITLE). */
  readonly containerTitle?: string;
}

export interface ReopenOptions {
  readonly settings?: UserSettings;
  readonly emulator?: EmulatorOptions;
}

/** What afterEach's context tells about the test that just ran (`passed` exists since node 20.12). */
interface FinishedTest {
  readonly name: string;
  readonly passed?: boolean;
}

/** Extension-host log files under a user-data dir: `logs/<session>/exthostN/remoteexthost.log` (code-server) or `exthost.log`. */
function extensionHostLogs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /^(remote)?exthost\.log$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** What a file holds from byte `offset` on, and the new end. */
function readFrom(file: string, offset: number): { text: string; end: number } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size <= offset) return { text: '', end: offset };
    const buf = Buffer.alloc(size - offset);
    readSync(fd, buf, 0, buf.length, offset);
    return { text: buf.toString('utf8'), end: size };
  } finally {
    closeSync(fd);
  }
}

function slug(s: string): string {
  return s.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 120);
}

export class VsCodeSession extends Workbench {
  private codeServer: RunningCodeServer | undefined;
  private browser: Browser | undefined;
  private context: BrowserContext | undefined;
  private currentPage: Page | undefined;
  private currentEmulator: RunningEmulator | undefined;
  private readonly fileSlug: string;
  private readonly logs: WriteStream;
  private profileDir = '';
  private workspaceDir = '';
  /** How far each extension-host log has been scanned, and our runtime errors the window console showed. */
  private readonly hostLogScanned = new Map<string, number>();
  private consoleFindings: HostLogFinding[] = [];

  constructor(
    private readonly options: VsCodeOptions,
    testFile: string,
  ) {
    super();
    this.fileSlug = slug(basename(testFile).replace(/\.e2e\.ts$/, ''));
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    this.logs = createWriteStream(join(ARTIFACTS_DIR, `${this.fileSlug}.log`));
  }

  override get page(): Page {
    if (!this.currentPage) throw new Error('no VS Code page: use the session inside a test (useVsCode registers the hooks)');
    return this.currentPage;
  }

  /** The emulator of the current test (inspect or change its state: `vs.emulator.context.cen`, `.faults`). */
  get emulator(): RunningEmulator {
    if (!this.currentEmulator) throw new Error('no emulator: use the session inside a test');
    return this.currentEmulator;
  }

  /** The code-server of this file (its user-data dir, URL). */
  get server(): RunningCodeServer {
    if (!this.codeServer) throw new Error('code-server is not running');
    return this.codeServer;
  }

  /** The workspace folder the window has open (fresh per test). */
  get workspaceFolder(): string {
    return this.workspaceDir;
  }

  log(line: string): void {
    this.logs.write(`${new Date().toISOString()} ${line}\n`);
  }

  async startFile(): Promise<void> {
    const vsix = ensureVsix();
    this.profileDir = mkdtempSync(join(tmpdir(), `cen-e2e-${this.fileSlug}-`));
    liveProfiles.add(this.profileDir);
    this.codeServer = await startCodeServer({
      profileDir: this.profileDir,
      vsixFiles: this.options.locale ? [ensureLanguagePackVsix(), vsix] : [vsix],
      ...(this.options.locale ? { locale: this.options.locale } : {}),
      env: { ...localhostResolverEnv(), ...(this.options.env ?? OWNER_CREDENTIALS) },
      log: (line) => this.log(`[code-server] ${line}`),
    });
    // Chromium's own HOME too: its crash-report database and config would otherwise go to ~/.config/chromium.
    const browserHome = join(this.profileDir, 'browser-home');
    mkdirSync(browserHome, { recursive: true });
    this.browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      env: { ...process.env, HOME: browserHome, XDG_CONFIG_HOME: join(browserHome, '.config'), XDG_CACHE_HOME: join(browserHome, '.cache') },
    });
  }

  /** Fresh emulator, settings, workspace folder and browser context; waits for the workbench. */
  async open(overrides: ReopenOptions = {}): Promise<void> {
    const server = this.server;
    if (!this.browser) throw new Error('browser is not running');
    const started = Date.now();
    const mark = (what: string): void => this.log(`[harness] ${what} after ${Date.now() - started} ms`);
    this.currentEmulator = await startEmulator({
      ...TEST_EMULATOR_OPTIONS,
      ...this.options.emulator,
      ...overrides.emulator,
      log: (line) => this.log(`[emulator] ${line}`),
    });
    mark(`emulator on port ${this.currentEmulator.port}`);
    server.writeSettings({ ...emulatorSettings(this.currentEmulator), ...this.options.settings, ...overrides.settings });
    this.workspaceDir = mkdtempSync(join(this.profileDir, 'workspace-'));
    this.context = await this.browser.newContext({ viewport: { width: 1280, height: 800 } });
    this.currentPage = await this.context.newPage();
    this.currentPage.on('pageerror', (err) => this.log(`[page error] ${err.message}`));
    this.currentPage.on('console', (message) => {
      const finding = ourRuntimeErrorInConsole(message.type(), message.text());
      if (finding) this.consoleFindings.push(finding);
    });
    // Generous start-up limits: on a loaded 2-core machine a cold workbench can take most of a minute.
    await this.currentPage.goto(server.workbenchUrl(this.workspaceDir), { waitUntil: 'domcontentloaded', timeout: STARTUP_TIMEOUT_MS });
    mark('page loaded');
    await this.currentPage.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: STARTUP_TIMEOUT_MS });
    mark('workbench visible');
    // Our activity-bar entry shows once the extension host has registered the installed extensions,
    // so contributed commands and views exist from here on.
    await this.currentPage
      .locator(`.part.activitybar a.action-label[aria-label^="${this.options.containerTitle ?? CONTAINER_TITLE}"]`)
      .waitFor({ state: 'visible', timeout: STARTUP_TIMEOUT_MS });
    mark('extension contributions registered');
  }

  /**
   * Closes the browser tab of the window and opens the same workspace in a new tab of the same
   * browser profile, as a person does who closed VS Code and came back; the emulator stays.
   */
  /**
   * "Developer: Reload Window", as a person runs it, and waits for the new page's workbench: the
   * navigation first, so the old page's workbench, still visible for a moment, does not answer the wait.
   */
  async reloadWindow(timeoutMs: number): Promise<void> {
    const reloaded = this.page.waitForEvent('framenavigated', { predicate: (f) => f === this.page.mainFrame(), timeout: timeoutMs });
    await this.runCommand('Developer: Reload Window');
    await reloaded;
    await this.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
  }

  async reopenWindow(): Promise<void> {
    if (!this.context || !this.currentPage) throw new Error('no VS Code window to reopen');
    await this.currentPage.close({ runBeforeUnload: true });
    this.currentPage = await this.context.newPage();
    this.currentPage.on('pageerror', (err) => this.log(`[page error] ${err.message}`));
    await this.currentPage.goto(this.server.workbenchUrl(this.workspaceDir), { waitUntil: 'domcontentloaded', timeout: STARTUP_TIMEOUT_MS });
    await this.currentPage.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: STARTUP_TIMEOUT_MS });
    this.log('[harness] window reopened in a new tab');
  }

  /**
   * Kills this window's extension host as a crash would (SIGKILL) and waits until code-server has
   * launched the next one. Only processes of this file's code-server are touched (found by the HOME
   * it gives them).
   */
  async crashExtensionHost(timeoutMs: number): Promise<void> {
    const launched = (): number => this.serverLogLines('remoteagent.log', 'Launched Extension Host Process');
    const before = launched();
    const home = `HOME=${this.server.homeDir}`;
    let killed = 0;
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=extensionHost')) continue;
        if (!readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(home)) continue;
        process.kill(Number(pid), 'SIGKILL');
        killed++;
      } catch {
        // gone meanwhile, or not ours to read
      }
    }
    if (killed === 0) throw new Error('no extension host of this window to crash');
    const deadline = Date.now() + timeoutMs;
    while (launched() <= before) {
      if (Date.now() > deadline) throw new Error(`code-server launched no new extension host within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
    this.log(`[harness] killed ${killed} extension host process(es); a new one was launched`);
  }

  /** How many lines of code-server's logs of this name contain the text (every session's folder). */
  private serverLogLines(file: string, text: string): number {
    const logsDir = join(this.server.userDataDir, 'logs');
    if (!existsSync(logsDir)) return 0;
    let n = 0;
    for (const session of readdirSync(logsDir)) {
      const path = join(logsDir, session, file);
      if (existsSync(path)) n += readFileSync(path, 'utf8').split('\n').filter((l) => l.includes(text)).length;
    }
    return n;
  }

  /** Closes the window and emulator of the current test; screenshots and logs are kept on failure. */
  async closeTest(t: FinishedTest | undefined): Promise<void> {
    const failed = t?.passed === false;
    if (failed && this.currentPage && t) {
      const name = `${this.fileSlug}--${slug(t.name)}`;
      try {
        const file = await this.screenshot(`FAILED-${name}`);
        process.stderr.write(`[e2e] failure screenshot: ${file}\n`);
      } catch (err) {
        this.log(`[harness] screenshot failed: ${String(err)}`);
      }
      // VS Code's own logs (extension host, our output channel) next to the screenshot.
      const logsDir = join(this.server.userDataDir, 'logs');
      if (existsSync(logsDir)) cpSync(logsDir, join(ARTIFACTS_DIR, `FAILED-${name}-vscode-logs`), { recursive: true });
    }
    const started = Date.now();
    await this.context?.close().catch(() => undefined);
    this.context = undefined;
    this.currentPage = undefined;
    await this.currentEmulator?.close().catch(() => undefined);
    this.currentEmulator = undefined;
    if (t) this.log(`[harness] test ${JSON.stringify(t.name)} ${failed ? 'FAILED' : 'done'}; closed in ${Date.now() - started} ms`);
    this.failOnExtensionHostErrors(t?.name);
  }

  /**
   * Fails the test (or the file, from `after`) when our extension left an unhandled rejection or an
   * uncaught error in the extension host since the last check. A rejection is reported by VS Code
   * one second after it happens, so one at the very end of a test may be charged to the next.
   */
  private failOnExtensionHostErrors(testName: string | undefined): void {
    if (!this.codeServer) return;
    const findings = this.consoleFindings.splice(0);
    for (const file of extensionHostLogs(join(this.codeServer.userDataDir, 'logs'))) {
      const { text, end } = readFrom(file, this.hostLogScanned.get(file) ?? 0);
      this.hostLogScanned.set(file, end);
      findings.push(...scanExtensionHostLog(text));
    }
    if (findings.length === 0) return;
    const where = testName ? `during ${JSON.stringify(testName)}` : 'at the end of the file';
    const report = findings.map((f) => `${f.source}: ${f.entry}`).join('\n');
    this.log(`[harness] extension host errors ${where}:\n${report}`);
    const logsDir = join(this.codeServer.userDataDir, 'logs');
    cpSync(logsDir, join(ARTIFACTS_DIR, `HOST-ERRORS-${this.fileSlug}--${slug(testName ?? 'file')}-vscode-logs`), { recursive: true });
    throw new Error(`our extension left ${findings.length} unhandled rejection(s) / uncaught error(s) in the extension host ${where}:\n${report}`);
  }

  /** Starts the current test over with different settings or emulator options. */
  async reopen(overrides: ReopenOptions): Promise<void> {
    await this.closeTest(undefined);
    await this.open(overrides);
  }

  async stopFile(): Promise<void> {
    try {
      await this.closeTest(undefined);
    } finally {
      await this.browser?.close().catch(() => undefined);
      await this.codeServer?.close();
      this.logs.end();
      if (this.profileDir) removeProfile(this.profileDir);
      liveProfiles.delete(this.profileDir);
    }
  }
}

let signalHandlersInstalled = false;
const liveProfiles = new Set<string>();

/** A test run interrupted by Ctrl+C or killed by CI must not leave code-servers (own sessions) behind. */
function stopCodeServersOnSignals(): void {
  if (signalHandlersInstalled) return;
  signalHandlersInstalled = true;
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(sig, () => {
      killAllCodeServersSync();
      for (const dir of liveProfiles) removeProfile(dir);
      process.exit(code);
    });
  }
}

/**
 * Registers the hooks for a test file (or describe block): one code-server + browser for all its
 * tests, and before each test a fresh emulator, settings and window. Call it at the top of a
 * describe() and use the returned session inside the tests.
 */
export function useVsCode(options: VsCodeOptions = {}): VsCodeSession {
  stopCodeServersOnSignals();
  const testFile = process.argv.find((a) => a.endsWith('.e2e.ts')) ?? 'e2e';
  const session = new VsCodeSession(options, testFile);
  before(() => session.startFile(), { timeout: 180_000 });
  beforeEach(() => session.open(), { timeout: 3 * STARTUP_TIMEOUT_MS });
  afterEach((t) => session.closeTest(t), { timeout: 30_000 });
  after(() => session.stopFile(), { timeout: 30_000 });
  return session;
}

export { UI_TIMEOUT_MS };

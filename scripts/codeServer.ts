/**
 * Starts the real VS Code workbench (code-server, installed by scripts/e2e-setup.sh) with an
 * isolated profile: its own HOME, user-data and extensions folders, so nothing reads or writes the
 * user's own VS Code or home configuration. Shared by `npm start` (scripts/start.ts) and the
 * end-to-end harness (test/e2e/harness).
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** Pinned in scripts/e2e-setup.sh too: bundles VS Code 1.100, the floor of our engines.vscode. */
export const CODE_SERVER_VERSION = '4.100.3';

export function e2eCacheDir(): string {
  return process.env.CEN_FLOW_LOGS_CACHE ?? join(homedir(), '.cache', 'cen-flow-logs-e2e');
}

export function codeServerBinary(): string {
  const root = join(e2eCacheDir(), `code-server-${CODE_SERVER_VERSION}`);
  if (!existsSync(join(root, '.installed'))) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} is not installed in ${root}; run: bash scripts/e2e-setup.sh`);
  }
  return join(root, 'node_modules', '.bin', 'code-server');
}

export type UserSettings = Readonly<Record<string, unknown>>;

/** Settings that keep start-up quiet and deterministic (no welcome page, trust prompt, tips, updates). */
export const QUIET_SETTINGS: UserSettings = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'window.commandCenter': false,
};

export interface CodeServerOptions {
  /** Folder holding home/, user-data/ and extensions/; created when missing. */
  readonly profileDir: string;
  /** VSIX files to install before starting (the extension under test). */
  readonly vsixFiles: readonly string[];
  /** User settings (merged over QUIET_SETTINGS). */
  readonly settings?: UserSettings;
  /** Extra environment for code-server and so for the extension host (credentials, NODE_OPTIONS…). */
  readonly env?: Readonly<Record<string, string>>;
  /** Port on 127.0.0.1; 0 or absent picks a free one. */
  readonly port?: number;
  /** Receives code-server's own output lines (default: dropped). */
  readonly log?: (line: string) => void;
  /**
   * Display language (e.g. "zh-cn"), written as `locale` into the user-data dir's User/argv.json, as
   * *Configure Display Language* does. VS Code resolves it only when a language pack for it is
   * installed (pass one in vsixFiles), else it stays English.
   */
  readonly locale?: string;
}

export interface RunningCodeServer {
  /** e.g. http://127.0.0.1:PORT */
  readonly url: string;
  readonly port: number;
  readonly profileDir: string;
  readonly userDataDir: string;
  /** The HOME code-server and its extension hosts see (tests put e.g. ~/.aliyun/config.json there). */
  readonly homeDir: string;
  /** URL that opens the workbench on a folder. */
  workbenchUrl(folder: string): string;
  /** Rewrites the user settings.json (QUIET_SETTINGS + these); a page opened afterwards sees them. */
  writeSettings(settings: UserSettings): void;
  /** Stops code-server and everything it started (its whole process group). */
  close(): Promise<void>;
}

// Variables that must not leak from the caller into the isolated VS Code: the developer's own cloud
// credentials, node test-runner/loader state, and a parent VS Code's IPC hooks.
const INHERITED_ENV_DENYLIST = [/^ALIBABA_CLOUD_/, /^ALICLOUD_/, /^NODE_OPTIONS$/, /^NODE_TEST_CONTEXT$/, /^VSCODE_/, /^ELECTRON_/];

function isolatedEnv(home: string, extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!INHERITED_ENV_DENYLIST.some((re) => re.test(k))) env[k] = v;
  }
  Object.assign(env, {
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
  });
  return { ...env, ...extra };
}

// Process groups of the code-servers this process started and has not stopped yet. They run in
// their own session (setsid), so a Ctrl+C on the terminal does not reach them: whatever way this
// process ends, it takes them down with it.
const liveGroups = new Set<number>();
let exitHookInstalled = false;

/** Kills every code-server this process started (synchronous: usable in 'exit' and signal handlers). */
export function killAllCodeServersSync(): void {
  for (const pgid of liveGroups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  liveGroups.clear();
}

function trackGroup(pgid: number): void {
  liveGroups.add(pgid);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', killAllCodeServersSync);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealthz(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited during start-up (code ${child.exitCode ?? child.signalCode})`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms`);
}

export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  const bin = codeServerBinary();
  const home = join(options.profileDir, 'home');
  const userDataDir = join(options.profileDir, 'user-data');
  const extensionsDir = join(options.profileDir, 'extensions');
  const configFile = join(options.profileDir, 'config.yaml');
  for (const d of [home, join(userDataDir, 'User'), extensionsDir]) mkdirSync(d, { recursive: true });
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  const writeSettings = (settings: UserSettings): void =>
    writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  writeSettings(options.settings ?? {});
  if (options.locale) writeFileSync(join(userDataDir, 'User', 'argv.json'), JSON.stringify({ locale: options.locale }, null, 2));

  const env = isolatedEnv(home, options.env ?? {});
  const dirs = ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--config', configFile];
  for (const vsix of options.vsixFiles) {
    // The CLI's own NODE_OPTIONS is irrelevant here, and a --require hook has no business in an installer.
    const { NODE_OPTIONS: _unused, ...installEnv } = env;
    await promisify(execFile)(bin, [...dirs, '--install-extension', vsix, '--force'], { env: installEnv });
  }

  if (options.locale) registerLanguagePacks(userDataDir, extensionsDir);

  const port = options.port || (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const args = [
    ...dirs,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  // detached = setsid: code-server, its file watcher and every extension host share one process
  // group, so close() can stop them all; killing only the wrapper can orphan an extension host.
  const child = spawn(bin, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = options.log ?? (() => undefined);
  for (const stream of [child.stdout, child.stderr]) {
    let buf = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buf += chunk;
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const line of lines) log(line);
    });
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.pid !== undefined) trackGroup(child.pid);

  const close = async (): Promise<void> => {
    if (child.pid === undefined) return;
    const signalGroup = (sig: NodeJS.Signals): void => {
      try {
        process.kill(-child.pid!, sig);
      } catch {
        // group already gone
      }
    };
    signalGroup('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    // The wrapper may be gone while a straggler (an extension host) still runs: always sweep the group.
    signalGroup('SIGKILL');
    liveGroups.delete(child.pid);
  };

  try {
    await waitForHealthz(url, child, 30_000);
  } catch (err) {
    await close();
    throw err;
  }
  return {
    url,
    port,
    profileDir: options.profileDir,
    userDataDir,
    homeDir: home,
    workbenchUrl: (folder: string) => `${url}/?folder=${encodeURIComponent(folder)}`,
    writeSettings,
    close,
  };
}

/**
 * Writes user-data/languagepacks.json for the language packs installed in the extensions dir, as
 * VS Code's language-pack service does when asked for the available languages. The server resolves
 * the display language from this file when the page loads; code-server's command-line install does
 * not write it, and nothing asks the service before the first page.
 */
function registerLanguagePacks(userDataDir: string, extensionsDir: string): void {
  const packs: Record<string, unknown> = {};
  for (const dir of readdirSync(extensionsDir, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const root = join(extensionsDir, dir.name);
    const manifestFile = join(root, 'package.json');
    if (!existsSync(manifestFile)) continue;
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
      name: string;
      publisher: string;
      version: string;
      contributes?: { localizations?: { languageId: string; localizedLanguageName?: string; translations: { id: string; path: string }[] }[] };
    };
    for (const loc of manifest.contributes?.localizations ?? []) {
      const translations = Object.fromEntries(loc.translations.map((tr) => [tr.id, join(root, tr.path)]));
      const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
      packs[loc.languageId.toLowerCase()] = {
        hash: createHash('md5').update(`${id}@${manifest.version}`).digest('hex'),
        extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
        translations,
        label: loc.localizedLanguageName ?? loc.languageId,
      };
    }
  }
  writeFileSync(join(userDataDir, 'languagepacks.json'), JSON.stringify(packs, null, 2));
}

/** Removes a profile folder (best effort: the processes may take a moment to let go of files). */
export function removeProfile(profileDir: string): void {
  rmSync(profileDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
}

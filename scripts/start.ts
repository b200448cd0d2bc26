/**
 * `npm start` (after scripts/start.sh has built the VSIX and installed code-server): starts the
 * emulator with demo data, then the real VS Code (code-server) in an isolated profile with the
 * extension installed and pointed at the emulator, prints the URL and opens it when a desktop
 * browser is available. Ctrl+C (or SIGTERM/SIGHUP) stops everything it started.
 * Options: --port <n> for VS Code (default: a free port), --no-open.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { removeProfile, startCodeServer, type RunningCodeServer } from './codeServer';
import { emulatorSettings, localhostResolverEnv, OWNER_CREDENTIALS, PROJECT_ROOT, type EmulatorEndpoints } from './emulatorProfile';

const VSIX = join(PROJECT_ROOT, 'dist', 'cen-flow-logs.vsix');

interface EmulatorLine {
  readonly cen: string;
  readonly sls: string;
  readonly port: number;
}

function isEmulatorLine(v: unknown): v is EmulatorLine {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.cen === 'string' && typeof o.sls === 'string' && typeof o.port === 'number';
}

/** Starts `emulator/main.ts` in its own process group and resolves with its endpoints line. */
function startEmulatorProcess(): Promise<{ child: ChildProcess; endpoints: EmulatorEndpoints }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'emulator', 'main.ts'), '--port', '0'], {
    cwd: PROJECT_ROOT,
    detached: true, // own group: the terminal's Ctrl+C reaches us first, and we stop it in order
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    let found = false;
    lines.on('line', (line) => {
      if (found) {
        process.stdout.write(`[emulator] ${line}\n`);
        return;
      }
      try {
        const parsed: unknown = JSON.parse(line);
        if (isEmulatorLine(parsed)) {
          found = true;
          resolve({ child, endpoints: { cenUrl: parsed.cen, slsEndpoint: parsed.sls } });
          return;
        }
      } catch {
        // not the JSON line: ordinary output
      }
      process.stdout.write(`[emulator] ${line}\n`);
    });
    child.once('exit', (code) => {
      if (!found) reject(new Error(`the emulator exited before printing its endpoints (code ${code})`));
    });
  });
}

function killGroup(child: ChildProcess | undefined, signal: NodeJS.Signals): void {
  if (child?.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function openInBrowser(url: string): void {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  const opener = spawn('xdg-open', [url], { detached: true, stdio: 'ignore' });
  opener.on('error', () => undefined); // no xdg-open: the printed URL is enough
  opener.unref();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const portIdx = args.indexOf('--port');
  const port = portIdx >= 0 ? Number(args[portIdx + 1]) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: expected a port number, got ${args[portIdx + 1]}`);

  const profileDir = mkdtempSync(join(tmpdir(), 'cen-flow-logs-start-'));
  const workspace = join(profileDir, 'workspace');
  mkdirSync(workspace);
  let emulator: ChildProcess | undefined;
  let codeServer: RunningCodeServer | undefined;
  let stopping = false;
  const stop = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      process.stdout.write('\nstopping VS Code and the emulator…\n');
      await codeServer?.close();
      killGroup(emulator, 'SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      killGroup(emulator, 'SIGKILL');
      removeProfile(profileDir);
    }
    process.exit(code);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => void stop(0));

  try {
    const started = await startEmulatorProcess();
    emulator = started.child;
    emulator.once('exit', (code) => {
      if (!stopping) {
        process.stderr.write(`the emulator stopped unexpectedly (code ${code})\n`);
        void stop(1);
      }
    });
    process.stdout.write(`emulator: CEN ${started.endpoints.cenUrl}, SLS ${started.endpoints.slsEndpoint}\n`);
    codeServer = await startCodeServer({
      profileDir: join(profileDir, 'vscode'),
      vsixFiles: [VSIX],
      settings: emulatorSettings(started.endpoints),
      env: { ...localhostResolverEnv(), ...OWNER_CREDENTIALS },
      port,
      log: (line) => {
        if (/\b(error|warn)\b/i.test(line)) process.stdout.write(`[code-server] ${line}\n`);
      },
    });
  } catch (err) {
    process.stderr.write(`npm start failed: ${err instanceof Error ? err.message : String(err)}\n`);
    await stop(1);
    return;
  }
  const url = codeServer.workbenchUrl(workspace);
  process.stdout.write(
    `\nVS Code with CEN Flow Logs on the emulator (signed in as the emulator's owner account):\n\n  ${url}\n\n` +
      'Open the "CEN Flow Logs" entry in the activity bar. Press Ctrl+C to stop everything.\n',
  );
  if (!args.includes('--no-open')) openInBrowser(url);
}

void main();

/**
 * `npm run emulator -- --port <n> [flags]`: starts the emulator, prints ONE JSON line
 * {"cen":"http://127.0.0.1:P","sls":"localhost:P","port":P} on stdout (scripts parse it), and runs
 * until SIGINT/SIGTERM. Diagnostics go to stderr.
 */
import { parseEmulatorArgs } from './cliOptions';
import { errorText } from '../src/errorText';

async function main(): Promise<void> {
  let options;
  try {
    options = parseEmulatorArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${errorText(e)}\n`);
    process.exit(2);
  }
  // Loaded after the flags are checked, so a usage error answers at once.
  const { startEmulator } = await import('./server.js');
  const emu = await startEmulator(options);
  process.stdout.write(JSON.stringify({ cen: emu.cenUrl, sls: emu.slsEndpoint, port: emu.port }) + '\n');
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void emu.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`emulator failed to start: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});

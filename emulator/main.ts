/** `npm run emulator -- --port <n>`: starts the emulator and prints one JSON line. STUB — to be completed. */
import { startEmulator } from './server';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const portArg = args.indexOf('--port');
  const port = portArg >= 0 ? Number(args[portArg + 1]) : 0;
  const emu = await startEmulator({ port });
  process.stdout.write(JSON.stringify({ cen: emu.cenUrl, sls: emu.slsEndpoint, port: emu.port }) + '\n');
  const stop = (): void => void emu.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();

/** `npm run emulator` as scripts use it: one JSON line on stdout, demo data served, clean stop on SIGTERM. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

describe('emulator/main.ts', () => {
  it('prints {"cen","sls","port"} once, serves the demo state and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/main.ts', '--port', '0', '--history-days', '0', '--seed', '3'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const lines = createInterface({ input: child.stdout });
      const [first] = (await Promise.race([
        once(lines, 'line'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('no start line within 60 s')), 60_000)),
      ])) as [string];
      const info = JSON.parse(first) as { cen: string; sls: string; port: number };
      assert.ok(info.port > 0);
      assert.equal(info.cen, `http://127.0.0.1:${info.port}`);
      assert.equal(info.sls, `localhost:${info.port}`);
      const state = (await (await fetch(`${info.cen}/__emulator/state`)).json()) as { cen: { cens: unknown[]; flowLogs: unknown[] } };
      assert.ok(state.cen.cens.length >= 5);
      assert.ok(state.cen.flowLogs.length >= 2);
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      assert.equal(code, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('refuses an unknown flag with exit code 2 and the usage', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/main.ts', '--bogus'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 2);
    assert.match(stderr, /unknown flag "--bogus"/);
    assert.match(stderr, /usage: npm run emulator/);
  });
});

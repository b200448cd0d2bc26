/**
 * Runs in its own process (Log Service does not share the client's CPU, so the emulator should
 * not either): an emulator whose demo CEN prod-backbone gets `--flow-logs` more flow logs (half of
 * 10-minute, half of 1-minute windows, on its Enterprise routers), created on a clock set
 * `--hours` back, which then returns to the present (requests are signed with the real time), so
 * each logstore holds that many hours of generated records. Prints one JSON line
 * `{ "port", "members", "from", "to", "records" }` when ready; the parent stops it with SIGTERM.
 *
 * `--cached-answers 1`: each distinct query (logstore, range, statement) is evaluated once and its
 * answer kept, so after a warm-up a request costs the injected latency plus the HTTP and JSON work
 * only. On this 2-core machine DuckDB's evaluation of 8 requests at once shares the same 2 cores
 * (one query alone already uses both), which Log Service — each logstore on its own shards and
 * servers — does not: with cached answers the fan-out and the single query pay the same service
 * time, and what differs is the client's own work.
 */
import { OWNER_ACCOUNT } from '../../emulator/accounts';
import { startEmulator } from '../../emulator/server';
import type { CenMember } from '../../src/protocol/messages';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

async function main(): Promise<void> {
  const flowLogs = option('--flow-logs', 8);
  const hours = option('--hours', 4);
  let clockMs: number | undefined = (Math.floor(Date.now() / 600_000) * 600 - hours * 3600 + 5) * 1000;
  const emu = await startEmulator({ port: 0, seed: 7, historyDays: 0, transitionMs: 200, faults: { latencyMs: option('--latency-ms', 0) }, now: () => clockMs ?? Date.now(), log: () => undefined });
  const cen = emu.context.cen.censOf(OWNER_ACCOUNT.accountId).find((c) => c.name === 'prod-backbone');
  if (!cen) throw new Error('the demo has no CEN prod-backbone');
  const regions = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'];
  const members: CenMember[] = Array.from({ length: flowLogs }, (_, i) => {
    const regionId = regions[i % regions.length];
    const interval = i % 2 === 0 ? 600 : 60;
    const ref = { regionId, projectName: `bench-cen-${i}`, logStoreName: `flowlog-${i}` };
    const f = emu.context.cen.createFlowLog(OWNER_ACCOUNT, { ...ref, cenId: cen.cenId, interval });
    return { flowLogId: f.flowLogId, title: `bench-flowlog-${i}`, ...ref, interval };
  });
  const from = Math.floor(clockMs / 1000) - 5;
  clockMs += 1_000; // past the transition: Active
  emu.context.cen.listFlowLogs();
  clockMs = undefined; // the present again
  if (option('--cached-answers', 0) === 1) {
    // The range is in the past, so an answer never changes; a failed evaluation is not kept.
    const store = emu.context.sls;
    const evaluate = store.query.bind(store);
    const answers = new Map<string, ReturnType<typeof evaluate>>();
    store.query = (ls, input) => {
      const key = JSON.stringify([ls.table, input.from, input.to, input.query, input.line ?? null, input.offset ?? null, input.reverse ?? null]);
      let answer = answers.get(key);
      if (!answer) {
        answer = evaluate(ls, input);
        answers.set(key, answer);
        answer.catch(() => answers.delete(key));
      }
      return answer;
    };
  }
  const to = Math.floor(Date.now() / 1000 / 600) * 600;
  await emu.context.sls.refresh();
  const records = members.reduce((n, m) => n + emu.context.sls.generatedRows(m.flowLogId, from, to).length, 0);
  process.stdout.write(JSON.stringify({ port: emu.port, members, from, to, records }) + '\n');
  const stop = (): void => void emu.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FaultInjector, parseFaultSettings, type FaultDecision } from '../../../emulator/faults';
import { parseEmulatorArgs } from '../../../emulator/cliOptions';

const decisions = (f: FaultInjector, n: number): FaultDecision['type'][] => Array.from({ length: n }, () => f.decide('cen').type);

describe('FaultInjector', () => {
  it('injects nothing by default', () => {
    assert.ok(decisions(new FaultInjector({}, 1), 200).every((d) => d === 'none'));
  });

  it('is deterministic for a seed and follows the configured rates', () => {
    const settings = { throttleRate: 0.3, serverErrorRate: 0.1, dropRate: 0.05 };
    const a = decisions(new FaultInjector(settings, 42), 4000);
    assert.deepEqual(decisions(new FaultInjector(settings, 42), 4000), a);
    assert.notDeepEqual(decisions(new FaultInjector(settings, 43), 4000), a);
    const rate = (t: string): number => a.filter((d) => d === t).length / a.length;
    assert.ok(Math.abs(rate('throttle') - 0.3) < 0.03, `throttle ${rate('throttle')}`);
    assert.ok(Math.abs(rate('serverError') - 0.1) < 0.02, `serverError ${rate('serverError')}`);
    assert.ok(Math.abs(rate('drop') - 0.05) < 0.015, `drop ${rate('drop')}`);
  });

  it('server errors are 500 or 503, and the counters add up', () => {
    const f = new FaultInjector({ serverErrorRate: 1 }, 3);
    const statuses = new Set<number>();
    for (let i = 0; i < 50; i++) {
      const d = f.decide('sls');
      assert.equal(d.type, 'serverError');
      if (d.type === 'serverError') statuses.add(d.status);
    }
    assert.deepEqual([...statuses].sort(), [500, 503]);
    assert.equal(f.injected.serverError, 50);
  });

  it('updates at run time and resets to no faults', () => {
    const f = new FaultInjector({}, 1);
    f.update({ throttleRate: 1, latencyMs: 20 });
    assert.equal(f.decide('cen').type, 'throttle');
    assert.equal(f.latencyMs, 20);
    f.reset();
    assert.equal(f.decide('cen').type, 'none');
    assert.equal(f.injected.throttle, 0);
  });

  it('validates settings, naming the bad key', () => {
    assert.deepEqual(parseFaultSettings({ dropRate: 0.5, latencyMs: 10 }), { dropRate: 0.5, latencyMs: 10 });
    assert.throws(() => parseFaultSettings({ dropRate: 2 }), /dropRate must be a number from 0 to 1/);
    assert.throws(() => parseFaultSettings({ latencyMs: -1 }), /latencyMs must be a non-negative integer/);
    assert.throws(() => parseFaultSettings({ throtleRate: 0.1 }), /unknown key "throtleRate"/);
    assert.throws(() => parseFaultSettings([1]), /JSON object/);
  });
});

describe('emulator command line', () => {
  it('parses every flag', () => {
    const o = parseEmulatorArgs(
      '--port 0 --seed 9 --transition-ms 300 --history-days 2 --extra-cens 500 --no-demo --throttle-rate 0.3 --error-rate 0.1 --drop-rate 0.05 --latency-ms 2000 --incomplete-polls 5 --accounts a.json'.split(' '),
    );
    assert.deepEqual(o, {
      port: 0,
      seed: 9,
      transitionMs: 300,
      historyDays: 2,
      extraCens: 500,
      demo: false,
      accountsFile: 'a.json',
      faults: { throttleRate: 0.3, serverErrorRate: 0.1, dropRate: 0.05, latencyMs: 2000, incompletePolls: 5 },
    });
  });

  it('explains unknown flags, missing values and bad numbers', () => {
    assert.throws(() => parseEmulatorArgs(['--prot', '1']), /unknown flag "--prot"/);
    assert.throws(() => parseEmulatorArgs(['--port']), /--port needs a value/);
    assert.throws(() => parseEmulatorArgs(['--port', 'x']), /--port: expected a non-negative integer/);
    assert.throws(() => parseEmulatorArgs(['--throttle-rate', '3']), /throttleRate must be a number from 0 to 1/);
  });
});

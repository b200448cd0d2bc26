/**
 * Command-line flags of `npm run emulator`, parsed into EmulatorOptions with a clear message for
 * anything unknown or malformed.
 */
import type { EmulatorOptions } from './context';
import { parseFaultSettings, type FaultSettings } from './faults';

export const USAGE = `usage: npm run emulator -- [--port n] [--host h] [--seed n] [--accounts file.json]
  [--transition-ms n] [--history-days n] [--extra-cens n] [--no-demo]
  [--throttle-rate 0..1] [--error-rate 0..1] [--drop-rate 0..1] [--latency-ms n] [--incomplete-polls n]`;

const INT_FLAGS = {
  '--port': 'port',
  '--seed': 'seed',
  '--transition-ms': 'transitionMs',
  '--history-days': 'historyDays',
  '--extra-cens': 'extraCens',
} as const satisfies Record<string, keyof EmulatorOptions>;

const FAULT_FLAGS = {
  '--throttle-rate': 'throttleRate',
  '--error-rate': 'serverErrorRate',
  '--drop-rate': 'dropRate',
  '--latency-ms': 'latencyMs',
  '--incomplete-polls': 'incompletePolls',
} as const satisfies Record<string, keyof FaultSettings>;

export function parseEmulatorArgs(args: readonly string[]): EmulatorOptions {
  const options: EmulatorOptions = {};
  const faults: Record<string, number> = {};
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!;
    if (flag === '--no-demo') {
      options.demo = false;
      continue;
    }
    const value = args[i + 1];
    const need = (): string => {
      if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
      i++;
      return value;
    };
    if (flag in INT_FLAGS) {
      const v = need();
      if (!/^\d+$/.test(v)) throw new Error(`${flag}: expected a non-negative integer, got "${v}"`);
      options[INT_FLAGS[flag as keyof typeof INT_FLAGS]] = Number(v);
    } else if (flag in FAULT_FLAGS) {
      const v = need();
      const n = Number(v);
      if (v.trim() === '' || Number.isNaN(n)) throw new Error(`${flag}: expected a number, got "${v}"`);
      faults[FAULT_FLAGS[flag as keyof typeof FAULT_FLAGS]] = n;
    } else if (flag === '--host') {
      options.host = need();
    } else if (flag === '--accounts') {
      options.accountsFile = need();
    } else {
      throw new Error(`unknown flag "${flag}"\n${USAGE}`);
    }
  }
  options.faults = parseFaultSettings(faults);
  return options;
}

/**
 * Starts an emulator in-process on a free port for one test file (or one test), quiet by default,
 * with short transitions so lifecycle tests stay fast. Close it in `after`.
 */
import assert from 'node:assert/strict';
import { NOT_WHITELISTED_ACCOUNT, OWNER_ACCOUNT, type EmulatorAccount } from '../../emulator/accounts';
import type { EmulatorOptions } from '../../emulator/context';
import type { FaultSettings } from '../../emulator/faults';
import type { ScriptedError } from '../../emulator/cen/scriptedAnswers';
import type { FlowLogView } from '../../emulator/cen/store';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import type { CredentialSource } from '../../src/cloud/credentialTypes';

export interface TestEmulator extends RunningEmulator {
  /** Emulator diagnostics collected instead of printed. */
  readonly logLines: string[];
  /** Sets faults at run time through the admin endpoint, as a test script would. */
  setFaults(settings: Partial<FaultSettings>): Promise<void>;
  /** The next call(s) of a CEN action answer this service error (admin endpoint cen-errors). */
  scriptCenError(error: ScriptedError): Promise<void>;
}

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const logLines: string[] = [];
  const emu = await startEmulator({
    port: 0,
    seed: 7,
    transitionMs: 200,
    // No flow-log record history: CEN tests do not need it and generating it takes seconds.
    historyDays: 0,
    log: (line) => void logLines.push(line),
    ...options,
  });
  return {
    ...emu,
    close: () => emu.close(),
    logLines,
    setFaults: async (settings) => {
      const res = await fetch(`${emu.cenUrl}/__emulator/faults`, { method: 'POST', body: JSON.stringify(settings) });
      if (!res.ok) throw new Error(`setting faults failed: ${res.status} ${await res.text()}`);
    },
    scriptCenError: async (error) => {
      const res = await fetch(`${emu.cenUrl}/__emulator/cen-errors`, { method: 'POST', body: JSON.stringify(error) });
      if (!res.ok) throw new Error(`scripting a CEN error failed: ${res.status} ${await res.text()}`);
    },
  };
}

export function credentialsOf(account: EmulatorAccount): CredentialSource {
  return {
    label: `emulator ${account.label}`,
    getCredentials: async () => ({ accessKeyId: account.accessKeyId, accessKeySecret: account.accessKeySecret }),
  };
}

export const ownerCredentials = credentialsOf(OWNER_ACCOUNT);
export const notWhitelistedCredentials = credentialsOf(NOT_WHITELISTED_ACCOUNT);

/** The demo's first Active flow log of today's form, and the last `hours` before now, window-aligned. */
export function activeFlowLogAndRange(emu: TestEmulator, hours: number): { flowLog: FlowLogView; from: number; to: number } {
  const flowLog = emu.context.cen.listFlowLogs().find((f) => f.status === 'Active' && !f.olderForm);
  assert.ok(flowLog, 'the demo has an Active flow log of today\'s form');
  let to = Math.floor(Date.now() / 1000);
  to -= to % flowLog.interval;
  return { flowLog, from: to - hours * 3600, to };
}

/**
 * Drives flow logs through their whole lifecycle (create → stop → modify → start → delete, waiting
 * for a stable status after each) through the real CEN client, recording for each step whether it
 * completed or failed with one CloudError, and how long it took. Shared by the fault suite and the
 * soak run.
 */
import type { CenApi, FlowLogRef } from '../../src/cloud/cenApi';
import { CloudError } from '../../src/cloud/cloudError';

export interface StepOutcome {
  readonly step: string;
  readonly ok: boolean;
  readonly ms: number;
  readonly error?: CloudError;
  /** Anything thrown that is not a CloudError: always a bug. */
  readonly foreign?: unknown;
}

export interface LifecycleTarget {
  readonly cenId: string;
  readonly regionId: string;
  readonly transitRouterId: string;
  readonly projectName: string;
  readonly logStoreName: string;
}

export const MODIFIED = { name: 'renamed under faults', description: 'modified under faults', interval: 60 } as const;

async function step(outcomes: StepOutcome[], name: string, op: () => Promise<unknown>): Promise<boolean> {
  const started = Date.now();
  try {
    await op();
    outcomes.push({ step: name, ok: true, ms: Date.now() - started });
    return true;
  } catch (e) {
    outcomes.push(e instanceof CloudError ? { step: name, ok: false, ms: Date.now() - started, error: e } : { step: name, ok: false, ms: Date.now() - started, foreign: e });
    return false;
  }
}

/** Runs the lifecycle for one CEN; stops at the first failed step (the user would retry by hand). */
export async function runLifecycle(cen: CenApi, t: LifecycleTarget, clientToken: string, waitMs: number): Promise<StepOutcome[]> {
  const out: StepOutcome[] = [];
  let id = '';
  const ref = (): FlowLogRef => ({ flowLogId: id, regionId: t.regionId, cenId: t.cenId });
  const wait = (): Promise<unknown> => cen.waitForStable(ref(), { timeoutMs: waitMs });
  if (!(await step(out, 'create', async () => (id = await cen.createFlowLog({ ...t, name: 'under faults', description: 'created under faults', clientToken }))))) return out;
  if (!(await step(out, 'wait after create', wait))) return out;
  if (!(await step(out, 'stop', () => cen.stopFlowLog(ref())))) return out;
  if (!(await step(out, 'wait after stop', wait))) return out;
  if (!(await step(out, 'modify', () => cen.modifyFlowLog(ref(), MODIFIED)))) return out;
  if (!(await step(out, 'wait after modify', wait))) return out;
  if (!(await step(out, 'start', () => cen.startFlowLog(ref())))) return out;
  if (!(await step(out, 'wait after start', wait))) return out;
  if (!(await step(out, 'delete', () => cen.deleteFlowLog(ref())))) return out;
  await step(out, 'wait after delete', wait);
  return out;
}

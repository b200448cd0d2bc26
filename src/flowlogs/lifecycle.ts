/**
 * Runs one flow-log operation and waits for the stable state it leads to, with the domain's
 * preconditions checked before any call: the API's field rules and start/stop only from the
 * matching state. How many flow logs a CEN, router or attachment may have is the service's call
 * (api-current.md §1.2): its refusal is shown with its own message.
 */
import { t } from '@vscode/l10n';
import type { CenApi, CreateFlowLogInput, FlowLog, FlowLogRef, ModifyFlowLogInput } from '../cloud/cenApi';
import { CloudError } from '../cloud/cloudError';
import type { FlowLogStatus } from './catalog';
import { validateCreateInput, validateModifyInput, type ValidationIssue } from './validation';

export interface OperationOptions {
  readonly signal?: AbortSignal;
  /** Each status seen while waiting (Creating, Modifying, Deleting…), for progress display. */
  readonly onStatus?: (status: FlowLogStatus) => void;
}

export interface CreateOptions extends OperationOptions {
  /** Called as soon as the service accepted the request (the flow log exists, still Creating). */
  readonly onCreated?: (ref: FlowLogRef) => void;
}

export class FlowLogLifecycle {
  constructor(
    /** The current client; a function because credentials and endpoints can change between calls. */
    private readonly cen: () => CenApi,
    private readonly waitTimeoutMs = 5 * 60_000,
  ) {}

  async create(input: CreateFlowLogInput, opts: CreateOptions = {}): Promise<FlowLog> {
    throwIfInvalid(validateCreateInput(input));
    const api = this.cen();
    // One token for the whole operation, so a retried request (throttling, dropped connection) creates once.
    const clientToken = input.clientToken ?? newClientToken();
    const flowLogId = await api.createFlowLog({ ...input, clientToken }, { signal: opts.signal });
    const ref = { flowLogId, regionId: input.regionId, cenId: input.cenId };
    opts.onCreated?.(ref);
    const settled = await this.settle(api, ref, opts);
    if (!settled) {
      throw new CloudError({ kind: 'unexpectedResponse', message: t('Flow log {0} disappeared while it was being created.', flowLogId) });
    }
    return settled;
  }

  async start(flowLog: FlowLog, opts: OperationOptions = {}): Promise<FlowLog> {
    requireStatus(flowLog, 'Inactive', 'start');
    const api = this.cen();
    await api.startFlowLog(refOf(flowLog), { signal: opts.signal });
    return this.requireSettled(api, flowLog, opts);
  }

  async stop(flowLog: FlowLog, opts: OperationOptions = {}): Promise<FlowLog> {
    requireStatus(flowLog, 'Active', 'stop');
    const api = this.cen();
    await api.stopFlowLog(refOf(flowLog), { signal: opts.signal });
    return this.requireSettled(api, flowLog, opts);
  }

  /** Sends only what changed; nothing changed means no call at all. */
  async modify(flowLog: FlowLog, changes: ModifyFlowLogInput, opts: OperationOptions = {}): Promise<FlowLog> {
    throwIfInvalid(validateModifyInput(changes));
    const diff = changedFields(flowLog, changes);
    if (Object.keys(diff).length === 0) return flowLog;
    const api = this.cen();
    await api.modifyFlowLog(refOf(flowLog), diff, { signal: opts.signal });
    return this.requireSettled(api, flowLog, opts);
  }

  /** Resolves once the flow log is gone. The SLS project and logstore (and their data) are kept. */
  async delete(flowLog: FlowLog, opts: OperationOptions = {}): Promise<void> {
    const api = this.cen();
    await api.deleteFlowLog(refOf(flowLog), { signal: opts.signal });
    await this.settle(api, refOf(flowLog), opts);
  }

  private async requireSettled(api: CenApi, flowLog: FlowLog, opts: OperationOptions): Promise<FlowLog> {
    const settled = await this.settle(api, refOf(flowLog), opts);
    if (!settled) throw new CloudError({ kind: 'notFound', message: t('Flow log {0} no longer exists.', flowLog.flowLogId) });
    return settled;
  }

  private settle(api: CenApi, ref: FlowLogRef, opts: OperationOptions): Promise<FlowLog | undefined> {
    return api.waitForStable(ref, { signal: opts.signal, onStatus: opts.onStatus, timeoutMs: this.waitTimeoutMs });
  }
}

export function refOf(flowLog: FlowLog): FlowLogRef {
  return { flowLogId: flowLog.flowLogId, regionId: flowLog.regionId, cenId: flowLog.cenId };
}

export function changedFields(flowLog: FlowLog, changes: ModifyFlowLogInput): ModifyFlowLogInput {
  return {
    ...(changes.name !== undefined && changes.name !== flowLog.name ? { name: changes.name } : {}),
    ...(changes.description !== undefined && changes.description !== flowLog.description
      ? { description: changes.description }
      : {}),
    ...(changes.interval !== undefined && changes.interval !== flowLog.interval ? { interval: changes.interval } : {}),
  };
}

function requireStatus(flowLog: FlowLog, expected: FlowLogStatus, verb: 'start' | 'stop'): void {
  if (flowLog.status !== expected) {
    throw new CloudError({
      kind: 'incorrectStatus',
      message:
        verb === 'stop'
          ? t('Cannot stop flow log {0}: it is {1}, and only a flow log that is {2} can be stopped.', flowLog.flowLogId, flowLog.rawStatus || flowLog.status, expected)
          : t('Cannot start flow log {0}: it is {1}, and only a flow log that is {2} can be started.', flowLog.flowLogId, flowLog.rawStatus || flowLog.status, expected),
      nextStep: t('Refresh the explorer to see its current status.'),
    });
  }
}

function throwIfInvalid(issues: readonly ValidationIssue[]): void {
  if (issues.length > 0) {
    throw new CloudError({ kind: 'invalidInput', message: issues.map((i) => i.message).join(' ') });
  }
}

function newClientToken(): string {
  return `cenfl-${globalThis.crypto.randomUUID()}`;
}

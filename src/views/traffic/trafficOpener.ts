/**
 * Opens the traffic of one address in the query workbench, as the debugger menus, terminal links
 * and hovers do: in the flow log last used (else the flow-log pick, remembered), over the range
 * around now or the log line's time, with the editable "everything about this address" query.
 */
import * as vscode from 'vscode';
import type { CenApi, FlowLog } from '../../cloud/cenApi';
import { addressQuery, type ExtractedAddress } from '../../query/addressFilter';
import { formatAddress } from '../../query/addressList';
import { aroundRange, type RangeCentre } from '../../query/aroundNow';
import { describeRange } from '../../query/timeRange';
import { pickFlowLog } from '../workbench/commands';
import type { WorkbenchPanels } from '../workbench/workbenchPanels';
import { captureInterval } from '../workbench/workbenchLanguage';
import { flowLogTargetInput } from '../workbench/workbenchTarget';
import type { LastFlowLog } from './lastFlowLog';

export type AddressTarget = Pick<ExtractedAddress, 'address' | 'version' | 'port'>;

export interface TrafficOpenerDeps {
  readonly panels: WorkbenchPanels;
  readonly cen: () => Promise<CenApi>;
  readonly lastFlowLog: LastFlowLog;
  readonly log: vscode.LogOutputChannel;
  /** UNIX seconds; injected so the range is computed against the same clock tests use. */
  readonly now?: () => number;
}

export class TrafficOpener {
  constructor(private readonly deps: TrafficOpenerDeps) {}

  /** The flow log to look in: the remembered one, else asked for (and remembered). */
  async flowLog(forWhat: string): Promise<FlowLog | undefined> {
    return this.deps.lastFlowLog.get() ?? this.choose(forWhat);
  }

  /** Asks with the flow-log pick and remembers the answer. */
  async choose(forWhat: string): Promise<FlowLog | undefined> {
    const chosen = await pickFlowLog(this.deps.cen, `Show traffic for ${forWhat} on which flow log? (remembered for the next address)`);
    if (chosen) await this.deps.lastFlowLog.remember(chosen);
    return chosen;
  }

  async open(target: AddressTarget, centre: RangeCentre): Promise<void> {
    const shown = formatAddress(target);
    const flowLog = await this.flowLog(shown);
    if (!flowLog) return;
    const nowSeconds = Math.floor((this.deps.now?.() ?? Date.now() / 1000));
    const range = aroundRange(centre, nowSeconds, captureInterval(flowLog.interval));
    const around = centre.kind === 'now' ? 'now' : 'the log line';
    this.deps.log.info(`traffic for ${shown} in ${flowLog.flowLogId} around ${around}: ${describeRange(range)}`);
    await this.deps.panels.open(flowLogTargetInput(flowLog), { query: addressQuery(target), range: { kind: 'absolute', from: range.from, to: range.to }, run: true });
    if (range.pendingNote) vscode.window.setStatusBarMessage(`$(watch) ${shown}: ${range.pendingNote}`, 15_000);
  }
}

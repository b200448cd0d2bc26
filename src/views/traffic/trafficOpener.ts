/**
 * Opens the traffic of one address in the query workbench, as the debugger menus, terminal links
 * and hovers do: in the flow log or CEN last chosen (else the pick, remembered), over the range
 * around now or the log line's time, with the editable "everything about this address" query.
 */
import * as vscode from 'vscode';
import type { CenApi, CenInstance } from '../../cloud/cenApi';
import { listAccountFlowLogs, listCenFlowLogs, routerRegions } from '../../flowlogs/flowLogListing';
import { addressQuery, type ExtractedAddress } from '../../query/addressFilter';
import { formatAddress } from '../../query/addressList';
import { aroundRange, type RangeCentre } from '../../query/aroundNow';
import { describeRange } from '../../query/timeRange';
import type { QueryIntent } from '../workbench/panelViewState';
import type { WorkbenchPanels } from '../workbench/workbenchPanels';
import { flowLogTargetInput } from '../workbench/workbenchTarget';
import type { LastFlowLog } from './lastFlowLog';
import { targetPickItems, targetWindow, trafficTargetTitle, type TrafficTarget } from './trafficTarget';

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

  /** Where to look: the remembered target, else asked for (and remembered). */
  async target(forWhat: string): Promise<TrafficTarget | undefined> {
    return this.deps.lastFlowLog.get() ?? this.choose(forWhat);
  }

  /** Asks with a pick of every flow log and "all flow logs of" each CEN, and remembers the answer. */
  async choose(forWhat: string): Promise<TrafficTarget | undefined> {
    const items = this.deps.cen().then(async (api) => {
      const cens: CenInstance[] = [];
      const [flowLogs] = await Promise.all([
        listAccountFlowLogs(api),
        (async () => {
          for await (const page of api.listCens()) cens.push(...page);
        })(),
      ]);
      if (flowLogs.length === 0) throw new Error('No flow logs found for this account. Create one from the CEN Flow Logs view first.');
      return targetPickItems(cens, flowLogs);
    });
    const chosen = await vscode.window.showQuickPick(items, {
      placeHolder: `Show traffic for ${forWhat} on which flow log, or across which CEN? (remembered for the next address)`,
      matchOnDescription: true,
      matchOnDetail: true,
      ignoreFocusOut: true,
    });
    if (chosen) await this.deps.lastFlowLog.remember(chosen.target);
    return chosen?.target;
  }

  async open(address: AddressTarget, centre: RangeCentre): Promise<void> {
    const shown = formatAddress(address);
    const remembered = await this.target(shown);
    if (!remembered) return;
    const target = await this.current(remembered);
    const nowSeconds = Math.floor(this.deps.now?.() ?? Date.now() / 1000);
    const range = aroundRange(centre, nowSeconds, targetWindow(target));
    const around = centre.kind === 'now' ? 'now' : 'the log line';
    this.deps.log.info(`traffic for ${shown} in ${trafficTargetTitle(target)} around ${around}: ${describeRange(range)}`);
    const intent: QueryIntent = { query: addressQuery(address), range: { kind: 'absolute', from: range.from, to: range.to }, run: true };
    switch (target.kind) {
      case 'flowLog':
        await this.deps.panels.open(flowLogTargetInput(target.flowLog), intent);
        break;
      case 'cen':
        await this.deps.panels.openCen({ cenId: target.cenId, title: target.title, flowLogs: target.flowLogs }, intent);
        break;
    }
    if (range.pendingNote) vscode.window.setStatusBarMessage(`$(watch) ${shown}: ${range.pendingNote}`, 15_000);
  }

  /** A CEN's flow logs listed afresh, as the explorer lists them (one may have been added since it was chosen). */
  private async current(target: TrafficTarget): Promise<TrafficTarget> {
    switch (target.kind) {
      case 'flowLog':
        return target;
      case 'cen': {
        const flowLogs = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Listing the flow logs of ${target.title}…` }, async () => {
          const api = await this.deps.cen();
          return listCenFlowLogs(api, target.cenId, routerRegions(await api.listTransitRouters(target.cenId)));
        });
        if (flowLogs.length === 0) return target;
        const fresh: TrafficTarget = { ...target, flowLogs };
        await this.deps.lastFlowLog.remember(fresh);
        return fresh;
      }
    }
  }
}

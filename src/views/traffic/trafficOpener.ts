/**
 * Opens the traffic of one address in the query workbench, as editor and terminal selections,
 * debugger menus, terminal links and hovers do: in the flow log or CEN last chosen (else the pick,
 * remembered), over the range around now or the log line's time (the panel's range note names the
 * capture windows not delivered yet), with the editable "everything about this address" query.
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
import { targetWindow, trafficTargetTitle, type TrafficTarget } from './trafficTarget';
import { TrafficTargetChoice } from './trafficTargetChoice';

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
  /** Where addresses are looked up: remembered, asked for once, changed on request. */
  readonly choice: TrafficTargetChoice;

  constructor(private readonly deps: TrafficOpenerDeps) {
    this.choice = new TrafficTargetChoice(deps.lastFlowLog, {
      list: async () => {
        const api = await deps.cen();
        const cens: CenInstance[] = [];
        const [flowLogs] = await Promise.all([
          listAccountFlowLogs(api),
          (async () => {
            for await (const page of api.listCens()) cens.push(...page);
          })(),
        ]);
        return { cens, flowLogs };
      },
      ask: (items, placeHolder) => vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true }),
    });
  }

  async open(address: AddressTarget, centre: RangeCentre): Promise<void> {
    const shown = formatAddress(address);
    const remembered = await this.choice.target(shown);
    if (!remembered) return;
    const target = await this.current(remembered);
    const nowSeconds = Math.floor(this.deps.now?.() ?? Date.now() / 1000);
    const range = aroundRange(centre, nowSeconds, targetWindow(target));
    this.deps.log.info(`traffic for ${shown} in ${trafficTargetTitle(target)} around ${centre.kind === 'now' ? 'now' : 'the log line'}: ${describeRange(range)}`);
    const intent: QueryIntent = { query: addressQuery(address), range: { kind: 'absolute', from: range.from, to: range.to }, run: true };
    switch (target.kind) {
      case 'flowLog':
        await this.deps.panels.open(flowLogTargetInput(target.flowLog), intent);
        break;
      case 'cen':
        await this.deps.panels.openCen({ cenId: target.cenId, title: target.title, flowLogs: target.flowLogs }, intent);
        break;
    }
  }

  /** A CEN's flow logs listed afresh, as the explorer lists them (one may have been added since it was chosen). */
  private async current(target: TrafficTarget): Promise<TrafficTarget> {
    switch (target.kind) {
      case 'flowLog':
        return target;
      case 'cen': {
        const flowLogs = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Listing the flow logs of {0}…', target.title) }, async () => {
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

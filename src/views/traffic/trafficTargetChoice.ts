/**
 * Which flow log or CEN an address's traffic is looked up in, for every way of asking (an editor or
 * terminal selection, a debugger variable, a terminal link, a hover link): the remembered one
 * without asking; else asked once and remembered. Changing it always asks, the one in use marked.
 * Free of `vscode`: listing and asking are passed in.
 */
import { t } from '@vscode/l10n';
import type { CenInstance, FlowLog } from '../../cloud/cenApi';
import type { LastFlowLog } from './lastFlowLog';
import { targetPickItems, trafficTargetTitle, type TargetPickItem, type TrafficTarget } from './trafficTarget';

export interface TargetChoiceSource {
  /** The account's CENs and flow logs, listed when the chooser opens. */
  list(): Promise<{ readonly cens: readonly Pick<CenInstance, 'cenId' | 'name'>[]; readonly flowLogs: readonly FlowLog[] }>;
  /** Shows the entries (busy while they load); undefined when dismissed. */
  ask(items: Promise<TargetPickItem[]>, placeHolder: string): PromiseLike<TargetPickItem | undefined>;
}

/** Said when the account has no flow log to choose (the chooser cannot open empty). */
export function noFlowLogs(): string {
  return t('No flow logs found for this account. Create one from the CEN Flow Logs view first.');
}

export class TrafficTargetChoice {
  constructor(
    private readonly last: Pick<LastFlowLog, 'get' | 'remember'>,
    private readonly source: TargetChoiceSource,
  ) {}

  /** The remembered target, else the one picked now (then remembered). */
  async target(forWhat: string): Promise<TrafficTarget | undefined> {
    return this.last.get() ?? this.change(forWhat);
  }

  /** Asks, with the target in use first and marked; the answer is remembered, a dismissal changes nothing. */
  async change(forWhat: string): Promise<TrafficTarget | undefined> {
    const current = this.last.get();
    const items = this.source.list().then(({ cens, flowLogs }) => {
      if (flowLogs.length === 0) throw new Error(noFlowLogs());
      return targetPickItems(cens, flowLogs, current);
    });
    const chosen = await this.source.ask(items, choicePrompt(forWhat, current));
    if (chosen) await this.last.remember(chosen.target);
    return chosen?.target;
  }
}

export function choicePrompt(forWhat: string, current: TrafficTarget | undefined): string {
  return current === undefined
    ? t('Show traffic for {0} in which flow log, or across which CEN? Remembered for the next address.', forWhat)
    : t('Show traffic for {0} in which flow log, or across which CEN? Now: {1}. Remembered for the next address.', forWhat, trafficTargetTitle(current));
}

/**
 * Hovering an address in an editor shows what the flow logs saw for it over the last hour of
 * delivered capture windows — bytes in and out, top peers and ports — with links to the full
 * query. One Log Service request per address per capture window and flow log (WindowedRequestCache;
 * a CEN's merged query asks each flow log once, cached per the CEN's coarsest window); the
 * request is aborted when the hover goes away. File kinds are switched by a setting (checked by
 * the activation entry before this is loaded).
 */
import * as vscode from 'vscode';
import type { SlsApi } from '../../cloud/slsApi';
import type { ExtractedAddress } from '../../query/addressFilter';
import { addressAt, addressKey, formatAddress } from '../../query/addressList';
import { addressSummaryQuery, readAddressSummary, summaryRange, type AddressSummary } from '../../query/addressSummary';
import { leadingTimestamp } from '../../query/logLineTimestamp';
import { describeRange, formatUtc, type ResolvedRange } from '../../query/timeRange';
import type { WindowedLookup } from '../../query/windowedRequestCache';
import { WindowedRequestCache } from '../../query/windowedRequestCache';
import { presentError } from '../commands/errorPresentation';
import { createDisplayFormat } from '../../l10n/displayFormat';
import { targetQueries } from '../workbench/targetQueries';
import { buildCenTarget, cenMember } from '../workbench/workbenchTarget';
import type { LastFlowLog } from './lastFlowLog';
import { targetKey, targetWindow, trafficTargetTitle, type TrafficTarget } from './trafficTarget';
import { TRAFFIC_COMMANDS, type AddressCommandArgs } from './trafficCommands';

export interface AddressHoverDeps {
  /** The shared Log Service client; undefined while not signed in. */
  readonly sls: () => SlsApi | undefined;
  readonly lastFlowLog: LastFlowLog;
  readonly log: vscode.LogOutputChannel;
  /** UNIX seconds (a fake clock in tests). */
  readonly now?: () => number;
}

interface HoverSummary {
  readonly summary: AddressSummary;
  readonly range: ResolvedRange;
}

const SIGN_IN_COMMAND = 'cenFlowLogs.credentials.switch';

export class AddressHoverProvider implements vscode.HoverProvider {
  private readonly cache: WindowedRequestCache<HoverSummary>;

  constructor(private readonly deps: AddressHoverDeps) {
    this.cache = new WindowedRequestCache({ now: () => this.nowSeconds() });
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const line = document.lineAt(position.line).text;
    const found = addressAt(line, position.character);
    if (!found) return undefined;
    const range = new vscode.Range(position.line, found.from, position.line, found.to);
    const lineTime = leadingTimestamp(line, { nowSeconds: this.nowSeconds(), localOffsetMinutes: -new Date().getTimezoneOffset() });
    const target = this.deps.lastFlowLog.get();
    const sls = this.deps.sls();
    if (!target || !sls) return new vscode.Hover(notReady(found, lineTime, target === undefined ? 'noFlowLog' : 'signedOut'), range);
    const abort = new AbortController();
    const listener = token.onCancellationRequested(() => abort.abort(new vscode.CancellationError()));
    try {
      const lookup = await this.cache.lookup(`${targetKey(target)}|${addressKey(found)}`, targetWindow(target), (signal) => this.fetch(sls, target, found, signal), abort.signal);
      return new vscode.Hover(rendered(found, target, lookup, lineTime), range);
    } catch (e) {
      if (token.isCancellationRequested) return undefined;
      throw e;
    } finally {
      listener.dispose();
    }
  }

  private async fetch(sls: SlsApi, where: TrafficTarget, target: ExtractedAddress, signal: AbortSignal): Promise<HoverSummary> {
    const range = summaryRange(this.nowSeconds(), targetWindow(where));
    this.deps.log.info(`hover summary of ${formatAddress(target)} in ${trafficTargetTitle(where)}, ${describeRange(range)}`);
    const request = { query: addressSummaryQuery(target), from: range.from, to: range.to };
    switch (where.kind) {
      case 'flowLog': {
        const f = where.flowLog;
        const result = await sls.query({ regionId: f.regionId, projectName: f.projectName, logStoreName: f.logStoreName, ...request }, { signal });
        return { summary: readAddressSummary(result.columns, result.rows), range };
      }
      case 'cen': {
        // The CEN's merged queries, as its panel runs them: one request per flow log, groups merged.
        const cenTarget = buildCenTarget(where.cenId, where.title, where.flowLogs.map(cenMember), []);
        const result = await targetQueries(() => Promise.resolve(sls), cenTarget).query(request, { signal });
        return { summary: readAddressSummary(result.columns, result.rows), range };
      }
    }
  }

  private nowSeconds(): number {
    return Math.floor(this.deps.now?.() ?? Date.now() / 1000);
  }
}

function commandLink(text: string, args: AddressCommandArgs): string {
  return `[${text}](command:${TRAFFIC_COMMANDS.showForAddress}?${encodeURIComponent(JSON.stringify([args]))})`;
}

function argsOf(a: ExtractedAddress, centre?: number): AddressCommandArgs {
  return { address: a.address, ...(a.port === undefined ? {} : { port: a.port }), ...(centre === undefined ? {} : { centre }) };
}

function markdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.isTrusted = { enabledCommands: [TRAFFIC_COMMANDS.showForAddress, TRAFFIC_COMMANDS.chooseFlowLog, SIGN_IN_COMMAND] };
  return md;
}

/** The links under every hover: the full query around the line's time (when it has one) and around now. */
function openLinks(md: vscode.MarkdownString, a: ExtractedAddress, lineTime: number | undefined): void {
  const links = [commandLink(vscode.l10n.t('$(search) Open the full query around now'), argsOf(a))];
  if (lineTime !== undefined) links.unshift(commandLink(vscode.l10n.t("$(history) Open the full query around {0} UTC (the line's time)", formatUtc(lineTime)), argsOf(a, lineTime)));
  md.appendMarkdown(`\n\n${links.join(' · ')}`);
}

function notReady(a: ExtractedAddress, lineTime: number | undefined, why: 'noFlowLog' | 'signedOut'): vscode.MarkdownString {
  const md = markdown();
  md.appendMarkdown('**');
  md.appendText(formatAddress(a));
  md.appendMarkdown('** — ');
  switch (why) {
    case 'noFlowLog':
      md.appendMarkdown(
        `${vscode.l10n.t('no flow log or CEN chosen for address summaries yet.')} [${vscode.l10n.t('$(list-selection) Choose a flow log or CEN')}](command:${TRAFFIC_COMMANDS.chooseFlowLog})`,
      );
      break;
    case 'signedOut':
      md.appendMarkdown(`${vscode.l10n.t('not signed in to Alibaba Cloud.')} [${vscode.l10n.t('$(key) Sign in')}](command:${SIGN_IN_COMMAND})`);
      break;
  }
  openLinks(md, a, lineTime);
  return md;
}

function rendered(a: ExtractedAddress, where: TrafficTarget, lookup: WindowedLookup<HoverSummary>, lineTime: number | undefined): vscode.MarkdownString {
  const md = markdown();
  md.appendMarkdown('$(pulse) **');
  md.appendText(formatAddress(a));
  md.appendMarkdown('** ');
  md.appendText(vscode.l10n.t('in {0}', trafficTargetTitle(where)));
  md.appendMarkdown(` · [${vscode.l10n.t('Change…')}](command:${TRAFFIC_COMMANDS.chooseFlowLog} "${vscode.l10n.t('Choose the flow log or CEN addresses are looked up in')}")`);
  switch (lookup.kind) {
    case 'value': {
      const { summary: s, range } = lookup.value;
      const display = createDisplayFormat(vscode.env.language);
      const bytes = (n: number): string => display.bytes(Math.max(0, n));
      const amount = (n: number): string => (s.truncated ? vscode.l10n.t('at least {0}', bytes(n)) : bytes(n));
      md.appendMarkdown(`\n\n`);
      md.appendText(vscode.l10n.t('{0}, the last hour of delivered capture windows', describeRange(range)));
      if (s.bytesIn + s.bytesOut === 0 && s.topPeers.length === 0) {
        md.appendMarkdown(`\n\n${vscode.l10n.t('No traffic recorded for this address in that hour.')}`);
        break;
      }
      md.appendMarkdown(`\n\n$(arrow-down) ${vscode.l10n.t('In:')} **${amount(s.bytesIn)}** · $(arrow-up) ${vscode.l10n.t('Out:')} **${amount(s.bytesOut)}**`);
      md.appendMarkdown(`\n\n${vscode.l10n.t('Top peers:')} `);
      md.appendText(s.topPeers.map((p) => `${p.key} (${bytes(p.bytes)})`).join(', ') || vscode.l10n.t('none'));
      md.appendMarkdown(`\n\n${vscode.l10n.t('Top ports:')} `);
      md.appendText(s.topPorts.map((p) => `${p.key} (${bytes(p.bytes)})`).join(', ') || vscode.l10n.t('none'));
      break;
    }
    case 'failed':
      md.appendMarkdown('\n\n$(error) ');
      md.appendText(vscode.l10n.t('{0} It is asked for again after {1} UTC.', presentError(lookup.error, vscode.l10n.t('The traffic summary')).message, formatUtc(lookup.retryAt).slice(11)));
      break;
    case 'spent':
      md.appendMarkdown('\n\n');
      md.appendText(
        vscode.l10n.t(
          'The summary was not loaded: the hover closed before Log Service answered. To keep to one request per address per capture window, it is asked for again after {0} UTC.',
          formatUtc(lookup.retryAt).slice(11),
        ),
      );
      break;
  }
  openLinks(md, a, lineTime);
  return md;
}

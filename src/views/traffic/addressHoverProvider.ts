/**
 * Hovering an address in an editor shows what the flow logs saw for it over the last hour of
 * delivered capture windows — bytes in and out, top peers and ports — with links to the full
 * query. One Log Service request per address per capture window (WindowedRequestCache); the
 * request is aborted when the hover goes away. File kinds are switched by a setting (checked by
 * the activation entry before this is loaded).
 */
import * as vscode from 'vscode';
import type { FlowLog } from '../../cloud/cenApi';
import type { SlsApi } from '../../cloud/slsApi';
import type { ExtractedAddress } from '../../query/addressFilter';
import { addressAt, addressKey, formatAddress } from '../../query/addressList';
import { addressSummaryQuery, formatByteCount, readAddressSummary, summaryRange, type AddressSummary } from '../../query/addressSummary';
import { leadingTimestamp } from '../../query/logLineTimestamp';
import { describeRange, formatUtc, type ResolvedRange } from '../../query/timeRange';
import type { WindowedLookup } from '../../query/windowedRequestCache';
import { WindowedRequestCache } from '../../query/windowedRequestCache';
import { presentError } from '../commands/errorPresentation';
import { captureInterval } from '../workbench/workbenchLanguage';
import type { LastFlowLog } from './lastFlowLog';
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
    const flowLog = this.deps.lastFlowLog.get();
    const sls = this.deps.sls();
    if (!flowLog || !sls) return new vscode.Hover(notReady(found, lineTime, flowLog === undefined ? 'noFlowLog' : 'signedOut'), range);
    const abort = new AbortController();
    const listener = token.onCancellationRequested(() => abort.abort(new vscode.CancellationError()));
    try {
      const lookup = await this.cache.lookup(`${flowLog.flowLogId}|${addressKey(found)}`, captureInterval(flowLog.interval), (signal) => this.fetch(sls, flowLog, found, signal), abort.signal);
      return new vscode.Hover(rendered(found, flowLog, lookup, lineTime), range);
    } catch (e) {
      if (token.isCancellationRequested) return undefined;
      throw e;
    } finally {
      listener.dispose();
    }
  }

  private async fetch(sls: SlsApi, flowLog: FlowLog, target: ExtractedAddress, signal: AbortSignal): Promise<HoverSummary> {
    const range = summaryRange(this.nowSeconds(), captureInterval(flowLog.interval));
    this.deps.log.info(`hover summary of ${formatAddress(target)} in ${flowLog.flowLogId}, ${describeRange(range)}`);
    const result = await sls.query(
      { regionId: flowLog.regionId, projectName: flowLog.projectName, logStoreName: flowLog.logStoreName, query: addressSummaryQuery(target), from: range.from, to: range.to },
      { signal },
    );
    return { summary: readAddressSummary(result.columns, result.rows), range };
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
  const links = [commandLink('$(search) Open the full query around now', argsOf(a))];
  if (lineTime !== undefined) links.unshift(commandLink(`$(history) Open the full query around ${formatUtc(lineTime)} UTC (the line's time)`, argsOf(a, lineTime)));
  md.appendMarkdown(`\n\n${links.join(' · ')}`);
}

function notReady(a: ExtractedAddress, lineTime: number | undefined, why: 'noFlowLog' | 'signedOut'): vscode.MarkdownString {
  const md = markdown();
  md.appendMarkdown('**');
  md.appendText(formatAddress(a));
  md.appendMarkdown('** — ');
  switch (why) {
    case 'noFlowLog':
      md.appendMarkdown(`no flow log chosen for address summaries yet. [$(list-selection) Choose a flow log](command:${TRAFFIC_COMMANDS.chooseFlowLog})`);
      break;
    case 'signedOut':
      md.appendMarkdown(`not signed in to Alibaba Cloud. [$(key) Sign in](command:${SIGN_IN_COMMAND})`);
      break;
  }
  openLinks(md, a, lineTime);
  return md;
}

function rendered(a: ExtractedAddress, flowLog: FlowLog, lookup: WindowedLookup<HoverSummary>, lineTime: number | undefined): vscode.MarkdownString {
  const md = markdown();
  md.appendMarkdown('$(pulse) **');
  md.appendText(formatAddress(a));
  md.appendMarkdown('** in ');
  md.appendText(flowLog.name || flowLog.flowLogId);
  switch (lookup.kind) {
    case 'value': {
      const { summary: s, range } = lookup.value;
      const atLeast = s.truncated ? 'at least ' : '';
      md.appendMarkdown(`\n\n`);
      md.appendText(`${describeRange(range)}, the last hour of delivered capture windows`);
      if (s.bytesIn + s.bytesOut === 0 && s.topPeers.length === 0) {
        md.appendMarkdown('\n\nNo traffic recorded for this address in that hour.');
        break;
      }
      md.appendMarkdown(`\n\n$(arrow-down) In: **${atLeast}${formatByteCount(s.bytesIn)}** · $(arrow-up) Out: **${atLeast}${formatByteCount(s.bytesOut)}**`);
      md.appendMarkdown('\n\nTop peers: ');
      md.appendText(s.topPeers.map((p) => `${p.key} (${formatByteCount(p.bytes)})`).join(', ') || 'none');
      md.appendMarkdown('\n\nTop ports: ');
      md.appendText(s.topPorts.map((p) => `${p.key} (${formatByteCount(p.bytes)})`).join(', ') || 'none');
      break;
    }
    case 'failed':
      md.appendMarkdown('\n\n$(error) ');
      md.appendText(`${presentError(lookup.error, 'The traffic summary').message} It is asked for again after ${formatUtc(lookup.retryAt).slice(11)} UTC.`);
      break;
    case 'spent':
      md.appendMarkdown('\n\n');
      md.appendText(`The summary was not loaded: the hover closed before Log Service answered. To keep to one request per address per capture window, it is asked for again after ${formatUtc(lookup.retryAt).slice(11)} UTC.`);
      break;
  }
  openLinks(md, a, lineTime);
  return md;
}

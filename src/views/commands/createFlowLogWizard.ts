/**
 * "Create Flow Log" as the service models it today (api-current.md §1-§2): a multi-step input
 * (Back/forward) collecting CEN → transit router (ListTransitRouters; Enterprise only, Basic shown
 * with why) → the whole router or one connection (the per-type attachment lists, paged by
 * NextToken) → SLS project and logstore (pick or create) → name, description, interval, the
 * fields to write (a checkbox list; the log format) and tags, each checked with the API's rules as
 * typed. Then creates (always with TransitRouterId) and follows Creating → Active. How many flow logs a CEN may have is the
 * service's call. For an inter-region connection it explains that only outbound traffic is
 * captured and offers the peer router's side.
 */
import * as vscode from 'vscode';
import {
  ATTACHMENT_KINDS,
  type CenApi,
  type CenInstance,
  type FlowLog,
  type TransitRouter,
  type TransitRouterAttachment,
} from '../../cloud/cenApi';
import { attachmentLabel, capturesOutboundOnly } from '../../flowlogs/attachmentLabel';
import { DEFAULT_INTERVAL, FLOW_LOG_INTERVALS, type FlowLogInterval } from '../../flowlogs/catalog';
import { LOG_FORMAT_REQUIRED_FIELDS, logFormatChoices, logFormatOf, logFormatSelectionProblem, selectedFieldsOf, type LogFormatChoice } from '../../flowlogs/fieldSchema';
import type { FlowLogLifecycle } from '../../flowlogs/lifecycle';
import { checkDescription, checkFlowLogName, checkLogFormatString, checkLogStoreName, checkProjectName } from '../../flowlogs/validation';
import type { SlsApi } from '../../cloud/slsApi';
import type { ExplorerModel } from '../explorer/explorerModel';
import { basicEditionWhy } from '../explorer/nodes/transitRouterNode';
import { parseTags, routerChoices, scopeChoices, type Choice, type ScopePages } from './createFlowLogChoices';
import { intervalLabel } from './flowLogCommands';
import { MultiStepInput, type InputStep } from './multiStepInput';
import { withOperationProgress } from './operationProgress';
import { cenOf } from './targetPicker';

export interface CreateWizardDeps {
  readonly model: ExplorerModel;
  readonly lifecycle: FlowLogLifecycle;
  readonly cen: () => CenApi | undefined;
  readonly sls: () => SlsApi | undefined;
}

export interface CreateState {
  cen?: CenInstance;
  router?: TransitRouter;
  /** undefined = the whole router. */
  attachment?: TransitRouterAttachment;
  /** True once the scope step was answered (the whole router is a valid answer). */
  scopeChosen?: boolean;
  projectName?: string;
  projectIsNew?: boolean;
  logStoreName?: string;
  name: string;
  description: string;
  interval: FlowLogInterval;
  logFormatString: string;
  tagsText: string;
}

const title = (): string => vscode.l10n.t('Create Flow Log');
const TOTAL = 10;
const NEW = '__new__';

type ValueItem = vscode.QuickPickItem & { value: string };

/** *Create Flow Log…* on what it was run on (a tree item, a coverage row, nothing); registered by createWizardLoader.ts. */
export async function createFlowLog(deps: CreateWizardDeps, node: unknown): Promise<void> {
  await runCreateWizard(deps, prefillOf(node) ?? { cen: cenOf(node), router: routerOf(node), attachment: undefined });
}

/**
 * What a caller already knows, e.g. coverage's missing side (its router and inter-region
 * connection): the wizard starts at the first step not answered, and the name is suggested.
 */
export interface CreatePrefill {
  readonly cen?: CenInstance;
  readonly router?: TransitRouter;
  readonly attachment?: TransitRouterAttachment;
  readonly name?: string;
}

/** The `prefill` an argument carries (a coverage row, the region map's "create the missing side"). */
export function prefillOf(value: unknown): CreatePrefill | undefined {
  if (typeof value !== 'object' || value === null || !('prefill' in value)) return undefined;
  const p: unknown = value.prefill;
  if (typeof p !== 'object' || p === null) return undefined;
  const o = p as Record<string, unknown>;
  const cen = cenOf({ cen: o.cen });
  const router = routerOf({ router: o.router });
  const a = o.attachment;
  const attachment = typeof a === 'object' && a !== null && 'attachmentId' in a ? (a as TransitRouterAttachment) : undefined;
  return { cen, router, attachment: router ? attachment : undefined, name: typeof o.name === 'string' ? o.name : undefined };
}

/** Runs the wizard from what is already known (a CEN, a router, a connection) and creates the flow log. */
export async function runCreateWizard(deps: CreateWizardDeps, start: CreatePrefill): Promise<FlowLog | undefined> {
  const state: CreateState = {
    cen: start.cen,
    router: start.router,
    attachment: start.attachment,
    scopeChosen: start.attachment !== undefined,
    name: start.name ?? '',
    description: '',
    interval: DEFAULT_INTERVAL,
    logFormatString: '',
    tagsText: '',
  };
  const first = !state.cen ? pickCen(deps) : !state.router ? pickRouter(deps) : !state.scopeChosen ? pickScope(deps) : pickProject(deps);
  const completed = await MultiStepInput.run(first, state);
  if (!completed || !state.cen || !state.router || !state.projectName || !state.logStoreName) return undefined;
  const router = state.router;
  const input = {
    cenId: state.cen.cenId,
    regionId: router.regionId,
    transitRouterId: router.transitRouterId,
    transitRouterAttachmentId: state.attachment?.attachmentId,
    projectName: state.projectName,
    logStoreName: state.logStoreName,
    name: state.name || undefined,
    description: state.description || undefined,
    interval: state.interval,
    logFormatString: state.logFormatString || undefined,
    tags: parseTags(state.tagsText).tags,
  };
  const where = state.attachment ? attachmentLabel(state.attachment) : vscode.l10n.t('transit router {0}', router.transitRouterId);
  const flowLog = await withOperationProgress(vscode.l10n.t('Creating flow log on {0}', where), async (signal, onStatus) => {
    const sls = deps.sls();
    if (sls) {
      onStatus('Creating');
      await sls.ensureFlowLogStore(
        { regionId: input.regionId, projectName: input.projectName, logStoreName: input.logStoreName },
        { signal, projectDescription: vscode.l10n.t('CEN flow logs of {0}', input.cenId) },
      );
    }
    return deps.lifecycle.create(input, { signal, onStatus, onCreated: () => deps.model.reloadCen(input.cenId) });
  });
  deps.model.applyFlowLog(flowLog);
  const done = vscode.l10n.t('Flow log {0} is {1}.', flowLog.name || flowLog.flowLogId, flowLog.status);
  if (state.attachment && capturesOutboundOnly(state.attachment)) {
    void offerPeerSide(deps, state.cen, router, state.attachment, done);
  } else {
    void vscode.window.showInformationMessage(done);
  }
  return flowLog;
}

export const peerSideAction = (): string => vscode.l10n.t('Create on the Peer Router…');

/** An inter-region connection captures only this router's outbound traffic: offer the other direction (api-current.md §1.3). */
async function offerPeerSide(deps: CreateWizardDeps, cen: CenInstance, router: TransitRouter, attachment: TransitRouterAttachment, done: string): Promise<void> {
  const peerRegion = attachment.resourceRegionId;
  const action = peerSideAction();
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t(
      "{0} It captures only traffic leaving {1} on this inter-region connection. To see the traffic from {2} too, create a flow log on the peer router's side of the connection.",
      done,
      router.regionId,
      peerRegion,
    ),
    action,
  );
  if (choice !== action) return;
  const routers = await deps.model.routersOf(cen);
  const peer = routers.find((r) => r.transitRouterId === attachment.resourceId);
  if (!peer) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('The peer transit router {0} is not in CEN {1} (it may belong to another account); create its flow log there.', attachment.resourceId, cen.cenId),
    );
    return;
  }
  const api = deps.cen();
  const back = api ? (await api.listAttachments('TR', routerRef(peer))).find((a) => a.resourceId === router.transitRouterId) : undefined;
  await runCreateWizard(deps, { cen, router: peer, attachment: back });
}

function routerRef(r: TransitRouter): { cenId: string; regionId: string; transitRouterId: string } {
  return { cenId: r.cenId, regionId: r.regionId, transitRouterId: r.transitRouterId };
}

/** The transit router carried by a tree node (router row or its "create one" row), if any. */
function routerOf(value: unknown): TransitRouter | undefined {
  if (typeof value !== 'object' || value === null || !('router' in value)) return undefined;
  const r = (value as { router: unknown }).router;
  return typeof r === 'object' && r !== null && 'transitRouterId' in r ? (r as TransitRouter) : undefined;
}

function pickCen(deps: CreateWizardDeps): InputStep<CreateState> {
  return async (input, state) => {
    const cens = await deps.model.allCens();
    const items = cens.map((c) => ({ label: c.name || c.cenId, description: c.name ? c.cenId : undefined, cen: c }));
    const chosen = await input.pick({
      title: title(),
      step: 1,
      totalSteps: TOTAL,
      items,
      placeholder: vscode.l10n.t('CEN instance whose traffic to capture'),
      activeItem: items.find((i) => i.cen.cenId === state.cen?.cenId),
    });
    if (chosen.cen.cenId !== state.cen?.cenId) {
      state.router = undefined;
      state.attachment = undefined;
      state.scopeChosen = false;
    }
    state.cen = chosen.cen;
    return pickRouter(deps);
  };
}

type PickItem<T> = vscode.QuickPickItem & { value?: T };

/** Plain choices to quick-pick items (headings become separators). */
function pickItems<T>(choices: readonly Choice<T>[]): PickItem<T>[] {
  return choices.map((c) => (c.separator ? { label: c.label, kind: vscode.QuickPickItemKind.Separator } : { label: c.label, description: c.description, detail: c.detail, value: c.value }));
}

function pickRouter(deps: CreateWizardDeps): InputStep<CreateState> {
  return async (input, state) => {
    const cen = state.cen!;
    const routers = await deps.model.routersOf(cen);
    if (routers.length === 0) {
      throw new Error(
        vscode.l10n.t('CEN {0} has no transit router. Attach a network instance to it in the CEN console (that creates the transit router), then create the flow log.', cen.name || cen.cenId),
      );
    }
    const items = pickItems(routerChoices(routers, await deps.model.serviceRegionNamesOf(cen)));
    const chosen = await input.pick({
      title: `${title()}: ${cen.name || cen.cenId}`,
      step: 2,
      totalSteps: TOTAL,
      items,
      placeholder: vscode.l10n.t('Transit router (flow logs belong to Enterprise Edition transit routers)'),
      activeItem: items.find((i) => i.value?.transitRouterId === state.router?.transitRouterId),
      validate: (i) => (!i.value ? vscode.l10n.t('Pick a transit router.') : i.value.edition === 'Enterprise' ? undefined : basicEditionWhy()),
    });
    if (chosen.value?.transitRouterId !== state.router?.transitRouterId) {
      state.attachment = undefined;
      state.scopeChosen = false;
      state.projectName = undefined;
      state.logStoreName = undefined;
    }
    state.router = chosen.value;
    return pickScope(deps);
  };
}

function pickScope(deps: CreateWizardDeps, loaded?: ScopePages): InputStep<CreateState> {
  return async (input, state) => {
    const router = state.router!;
    const api = deps.cen();
    let pages = loaded;
    if (!pages) {
      pages = new Map();
      if (api) {
        const firsts = await Promise.all(ATTACHMENT_KINDS.map((k) => api.listAttachmentsPage(k, routerRef(router))));
        ATTACHMENT_KINDS.forEach((k, i) => pages!.set(k, { items: [...firsts[i].items], nextToken: firsts[i].nextToken }));
      }
    }
    const items = pickItems(scopeChoices(pages));
    const chosen = await input.pick({
      title: vscode.l10n.t('{0}: what to capture on {1} ({2})', title(), router.transitRouterId, router.regionId),
      step: 3,
      totalSteps: TOTAL,
      items,
      placeholder: vscode.l10n.t('The whole transit router, or one of its connections'),
      activeItem: items.find((i) =>
        i.value?.kind === 'attachment' ? i.value.attachment.attachmentId === state.attachment?.attachmentId : i.value?.kind === 'whole' && state.scopeChosen && !state.attachment,
      ),
      validate: (i) => (i.value ? undefined : vscode.l10n.t('Pick the whole router or one connection.')),
    });
    const value = chosen.value!;
    switch (value.kind) {
      case 'more': {
        const page = pages.get(value.list)!;
        const next = api ? await api.listAttachmentsPage(value.list, routerRef(router), page.nextToken) : { items: [], nextToken: undefined };
        page.items.push(...next.items);
        page.nextToken = next.nextToken;
        // Shown again with the next page; this step is not pushed twice on Back.
        return pickScope(deps, pages)(input, state);
      }
      case 'whole':
        state.attachment = undefined;
        break;
      case 'attachment':
        state.attachment = value.attachment;
        break;
    }
    state.scopeChosen = true;
    return pickProject(deps);
  };
}

function pickProject(deps: CreateWizardDeps): InputStep<CreateState> {
  return async (input, state) => {
    const regionId = state.router!.regionId;
    const sls = deps.sls();
    const projects = sls ? await listOrEmpty(() => sls.listProjects(regionId)) : [];
    if (projects.length > 0) {
      const items: ValueItem[] = [
        { label: `$(add) ${vscode.l10n.t('Create a new project…')}`, value: NEW },
        ...projects.map((p) => ({ label: p.projectName, description: p.description, value: p.projectName })),
      ];
      const chosen = await input.pick({
        title: vscode.l10n.t('{0}: Log Service project in {1}', title(), regionId),
        step: 4,
        totalSteps: TOTAL,
        items,
        placeholder: vscode.l10n.t('Log Service project that receives the records (in the transit router’s region)'),
        activeItem: items.find((i) => i.value === state.projectName),
      });
      if (chosen.value !== NEW) {
        state.projectName = chosen.value;
        state.projectIsNew = false;
        return pickLogStore(deps);
      }
    }
    state.projectName = await input.inputBox({
      title: vscode.l10n.t('{0}: new Log Service project in {1}', title(), regionId),
      step: 4,
      totalSteps: TOTAL,
      value: state.projectIsNew && state.projectName ? state.projectName : `cen-flow-logs-${regionId}`,
      prompt: vscode.l10n.t('Project name: 3–63 lower-case letters, digits and hyphens; created if it does not exist'),
      validate: checkProjectName,
    });
    state.projectIsNew = true;
    return pickLogStore(deps);
  };
}

function pickLogStore(deps: CreateWizardDeps): InputStep<CreateState> {
  return async (input, state) => {
    const sls = deps.sls();
    const regionId = state.router!.regionId;
    const stores = sls && !state.projectIsNew ? await listOrEmpty(() => sls.listLogStores(regionId, state.projectName!)) : [];
    if (stores.length > 0) {
      const items: ValueItem[] = [{ label: `$(add) ${vscode.l10n.t('Create a new logstore…')}`, value: NEW }, ...stores.map((s) => ({ label: s, value: s }))];
      const chosen = await input.pick({
        title: vscode.l10n.t('{0}: logstore in {1}', title(), state.projectName ?? ''),
        step: 5,
        totalSteps: TOTAL,
        items,
        placeholder: vscode.l10n.t('Logstore for the flow-log records (the flow-log index is added if missing)'),
        activeItem: items.find((i) => i.value === state.logStoreName),
      });
      if (chosen.value !== NEW) {
        state.logStoreName = chosen.value;
        return askName;
      }
    }
    state.logStoreName = await input.inputBox({
      title: vscode.l10n.t('{0}: new logstore in {1}', title(), state.projectName ?? ''),
      step: 5,
      totalSteps: TOTAL,
      value: state.logStoreName ?? 'cen-flow-log',
      prompt: vscode.l10n.t('Logstore name: 3–63 lower-case letters, digits, hyphens and underscores; created with the flow-log index'),
      validate: checkLogStoreName,
    });
    return askName;
  };
}

type TextField = 'name' | 'description' | 'tagsText';

/** A free-text step: the optional fields differ only in field, position, prompt, rule and what follows. */
function textStep(
  field: TextField,
  step: number,
  prompt: () => string,
  validate: (value: string) => string | undefined,
  next: () => InputStep<CreateState> | undefined,
): InputStep<CreateState> {
  return async (input, state) => {
    state[field] = await input.inputBox({ title: title(), step, totalSteps: TOTAL, value: state[field], prompt: prompt(), validate });
    return next();
  };
}

const askTags = textStep(
  'tagsText',
  10,
  () => vscode.l10n.t('Tags (optional): key=value pairs separated by commas, at most 20'),
  (v) => parseTags(v).problem,
  () => undefined,
);

type FieldItem = vscode.QuickPickItem & { field: LogFormatChoice };

/**
 * The log format as a choice of today's fields (checkboxes), the three the service requires
 * checked and kept; the result is the LogFormatString `${a}${b}…`, or the default when every field
 * is checked. No free text: the API takes nothing a selection cannot say (only today's fields,
 * the required three first; the order of the others changes nothing the records carry).
 */
const pickLogFormat: InputStep<CreateState> = async (input, state) => {
  const items: FieldItem[] = logFormatChoices().map((c) => ({
    label: c.name,
    description: c.required ? vscode.l10n.t('required — always written · {0}', c.description) : c.description,
    field: c,
  }));
  const selected = selectedFieldsOf(state.logFormatString);
  const chosen = await input.pickMany({
    title: vscode.l10n.t('{0}: fields each record carries ({1} required)', title(), LOG_FORMAT_REQUIRED_FIELDS.join(', ')),
    step: 9,
    totalSteps: TOTAL,
    items,
    selected: items.filter((i) => selected.includes(i.field.name)),
    placeholder: vscode.l10n.t('Log format: uncheck the fields you do not need (all checked = every field, the default); it cannot be changed later'),
    locked: (i) => i.field.required,
    lockedMessage: requiredFieldsText(),
    validate: (picked) => {
      const names = picked.map((i) => i.field.name);
      return logFormatSelectionProblem(names) ?? checkLogFormatString(logFormatOf(names));
    },
  });
  state.logFormatString = logFormatOf(chosen.map((i) => i.field.name));
  return askTags;
};

const requiredFieldsText = (): string => vscode.l10n.t('{0} are required by the service and stay checked.', LOG_FORMAT_REQUIRED_FIELDS.join(', '));

const pickInterval: InputStep<CreateState> = async (input, state) => {
  const items = FLOW_LOG_INTERVALS.map((i) => ({ label: intervalLabel(i), interval: i }));
  const chosen = await input.pick({
    title: title(),
    step: 8,
    totalSteps: TOTAL,
    items,
    activeItem: items.find((i) => i.interval === state.interval),
    placeholder: vscode.l10n.t('Capture window: records are aggregated and written once per window'),
  });
  state.interval = chosen.interval;
  return pickLogFormat;
};

const askDescription = textStep(
  'description',
  7,
  () => vscode.l10n.t('Description (optional; 1–256 characters, not starting with http:// or https://)'),
  checkDescription,
  () => pickInterval,
);

const askName = textStep(
  'name',
  6,
  () => vscode.l10n.t('Flow log name (optional; 1–128 characters, not starting with http:// or https://)'),
  checkFlowLogName,
  () => askDescription,
);

/** Listing is a convenience: if it fails (no permission, Log Service not activated) the user can still type a name. */
async function listOrEmpty<T>(list: () => Promise<readonly T[]>): Promise<readonly T[]> {
  try {
    return await list();
  } catch {
    return [];
  }
}

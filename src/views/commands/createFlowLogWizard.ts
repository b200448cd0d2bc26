/**
 * "Create Flow Log": a multi-step input (Back/forward) collecting CEN, region (only the 16; the CEN's
 * own regions first, its unsupported ones shown and refused), SLS project and logstore (pick or
 * create; created with the flow-log index), name, description, interval and optional transit router,
 * each checked with the API's rules as typed. Then creates and follows Creating → Active.
 */
import * as vscode from 'vscode';
import type { CenApi, CenInstance } from '../../cloud/cenApi';
import type { SlsApi } from '../../cloud/slsApi';
import { DEFAULT_INTERVAL, FLOW_LOG_INTERVALS, SUPPORTED_REGIONS, isSupportedRegion, regionName, type FlowLogInterval } from '../../flowlogs/catalog';
import { oneFlowLogPerCen, type FlowLogLifecycle } from '../../flowlogs/lifecycle';
import {
  checkDescription,
  checkFlowLogName,
  checkLogStoreName,
  checkProjectName,
  checkRegion,
  checkTransitRouterId,
} from '../../flowlogs/validation';
import type { ExplorerModel } from '../explorer/explorerModel';
import type { CommandRegistrar } from './commandRegistrar';
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

interface CreateState {
  cen?: CenInstance;
  cenRegions?: readonly string[];
  regionId?: string;
  projectName?: string;
  projectIsNew?: boolean;
  logStoreName?: string;
  name: string;
  description: string;
  interval: FlowLogInterval;
  transitRouterId: string;
}

const TITLE = 'Create Flow Log';
const TOTAL = 8;
const NEW = '__new__';

type ValueItem = vscode.QuickPickItem & { value: string };

export function registerCreateFlowLogCommand(r: CommandRegistrar, deps: CreateWizardDeps): void {
  r.register('cenFlowLogs.flowLog.create', 'Create flow log', async (node) => {
    const state: CreateState = { cen: cenOf(node), name: '', description: '', interval: DEFAULT_INTERVAL, transitRouterId: '' };
    if (state.cen) await refuseSecondFlowLog(deps, state.cen.cenId);
    const completed = await MultiStepInput.run(state.cen ? pickRegion(deps) : pickCen(deps), state);
    if (!completed || !state.cen || !state.regionId || !state.projectName || !state.logStoreName) return;
    const input = {
      cenId: state.cen.cenId,
      regionId: state.regionId,
      projectName: state.projectName,
      logStoreName: state.logStoreName,
      name: state.name || undefined,
      description: state.description || undefined,
      interval: state.interval,
      transitRouterId: state.transitRouterId || undefined,
    };
    const flowLog = await withOperationProgress(`Creating flow log for ${state.cen.cenId}`, async (signal, onStatus) => {
      const sls = deps.sls();
      if (sls) {
        onStatus('Creating');
        await sls.ensureFlowLogStore(
          { regionId: input.regionId, projectName: input.projectName, logStoreName: input.logStoreName },
          { signal, projectDescription: `CEN flow logs of ${input.cenId}` },
        );
      }
      return deps.lifecycle.create(input, { signal, onStatus, onCreated: () => deps.model.reloadFlowLogs() });
    });
    deps.model.applyFlowLog(flowLog);
    void vscode.window.showInformationMessage(`Flow log ${flowLog.name || flowLog.flowLogId} is ${flowLog.status}.`);
  });
}

async function refuseSecondFlowLog(deps: CreateWizardDeps, cenId: string): Promise<void> {
  const existing = (await deps.model.allFlowLogs()).find((f) => f.cenId === cenId);
  if (existing) throw oneFlowLogPerCen(cenId, existing);
}

function pickCen(deps: CreateWizardDeps): InputStep<CreateState> {
  return async (input, state) => {
    const [cens, flowLogs] = await Promise.all([deps.model.allCens(), deps.model.allFlowLogs()]);
    const withFlowLog = new Set(flowLogs.map((f) => f.cenId));
    const items = cens.map((c) => ({
      label: c.name || c.cenId,
      description: c.name ? c.cenId : undefined,
      detail: withFlowLog.has(c.cenId) ? 'already has a flow log (one per CEN instance)' : undefined,
      cen: c,
    }));
    const chosen = await input.pick({
      title: TITLE,
      step: 1,
      totalSteps: TOTAL,
      items,
      placeholder: 'CEN instance whose cross-region traffic to capture',
      activeItem: items.find((i) => i.cen.cenId === state.cen?.cenId),
      validate: (i) => {
        const existing = flowLogs.find((f) => f.cenId === i.cen.cenId);
        return existing ? oneFlowLogPerCen(i.cen.cenId, existing).userMessage : undefined;
      },
    });
    if (chosen.cen.cenId !== state.cen?.cenId) state.cenRegions = undefined;
    state.cen = chosen.cen;
    return pickRegion(deps);
  };
}

function pickRegion(deps: CreateWizardDeps): InputStep<CreateState> {
  return async (input, state) => {
    const cen = state.cen!;
    if (!state.cenRegions) {
      const api = deps.cen();
      const children = api ? await api.listChildInstances(cen.cenId) : [];
      state.cenRegions = [...new Set(children.map((c) => c.childInstanceRegionId))].sort();
    }
    const items = regionItems(state.cenRegions);
    const chosen = await input.pick({
      title: `${TITLE}: ${cen.name || cen.cenId}`,
      step: 2,
      totalSteps: TOTAL,
      items,
      placeholder: 'Region of the flow log (flow logs exist in 16 regions)',
      activeItem: items.find((i) => i.value === state.regionId),
      validate: (i) => checkRegion(i.value),
    });
    if (chosen.value !== state.regionId) {
      state.projectName = undefined;
      state.logStoreName = undefined;
    }
    state.regionId = chosen.value;
    return pickProject(deps);
  };
}

/** The CEN's supported regions first, then the other supported ones, then the CEN's unsupported ones (refused when picked). */
export function regionItems(cenRegions: readonly string[]): ValueItem[] {
  const own = new Set(cenRegions);
  const first = SUPPORTED_REGIONS.filter((r) => own.has(r.id));
  const rest = SUPPORTED_REGIONS.filter((r) => !own.has(r.id));
  const unsupported = cenRegions.filter((id) => !isSupportedRegion(id));
  const items: ValueItem[] = [];
  const sep = (label: string): ValueItem => ({ label, kind: vscode.QuickPickItemKind.Separator, value: '' });
  if (first.length) items.push(sep('Regions of this CEN instance'), ...first.map((r) => ({ label: r.id, description: r.name, value: r.id })));
  items.push(sep('Other supported regions'), ...rest.map((r) => ({ label: r.id, description: r.name, value: r.id })));
  if (unsupported.length) {
    items.push(
      sep('Not supported for flow logs'),
      ...unsupported.map((id) => ({ label: `$(circle-slash) ${id}`, description: `${regionName(id)} — flow logs not supported`, value: id })),
    );
  }
  return items;
}

function pickProject(deps: CreateWizardDeps): InputStep<CreateState> {
  return async (input, state) => {
    const regionId = state.regionId!;
    const sls = deps.sls();
    const projects = sls ? await listOrEmpty(() => sls.listProjects(regionId)) : [];
    if (projects.length > 0) {
      const items: ValueItem[] = [
        { label: '$(add) Create a new project…', value: NEW },
        ...projects.map((p) => ({ label: p.projectName, description: p.description, value: p.projectName })),
      ];
      const chosen = await input.pick({
        title: `${TITLE}: Log Service project in ${regionId}`,
        step: 3,
        totalSteps: TOTAL,
        items,
        placeholder: 'Log Service project that receives the records',
        activeItem: items.find((i) => i.value === state.projectName),
      });
      if (chosen.value !== NEW) {
        state.projectName = chosen.value;
        state.projectIsNew = false;
        return pickLogStore(deps);
      }
    }
    state.projectName = await input.inputBox({
      title: `${TITLE}: new Log Service project in ${regionId}`,
      step: 3,
      totalSteps: TOTAL,
      value: state.projectIsNew && state.projectName ? state.projectName : `cen-flow-logs-${regionId}`,
      prompt: 'Project name: 3–63 lower-case letters, digits and hyphens; created if it does not exist',
      validate: checkProjectName,
    });
    state.projectIsNew = true;
    return pickLogStore(deps);
  };
}

function pickLogStore(deps: CreateWizardDeps): InputStep<CreateState> {
  return async (input, state) => {
    const sls = deps.sls();
    const stores =
      sls && !state.projectIsNew ? await listOrEmpty(() => sls.listLogStores(state.regionId!, state.projectName!)) : [];
    if (stores.length > 0) {
      const items: ValueItem[] = [
        { label: '$(add) Create a new logstore…', value: NEW },
        ...stores.map((s) => ({ label: s, value: s })),
      ];
      const chosen = await input.pick({
        title: `${TITLE}: logstore in ${state.projectName}`,
        step: 4,
        totalSteps: TOTAL,
        items,
        placeholder: 'Logstore for the flow-log records (the flow-log index is added if missing)',
        activeItem: items.find((i) => i.value === state.logStoreName),
      });
      if (chosen.value !== NEW) {
        state.logStoreName = chosen.value;
        return askName;
      }
    }
    state.logStoreName = await input.inputBox({
      title: `${TITLE}: new logstore in ${state.projectName}`,
      step: 4,
      totalSteps: TOTAL,
      value: state.logStoreName ?? 'cen-flow-log',
      prompt: 'Logstore name: 3–63 lower-case letters, digits, hyphens and underscores; created with the flow-log index',
      validate: checkLogStoreName,
    });
    return askName;
  };
}

type TextField = 'name' | 'description' | 'transitRouterId';

/** A free-text step: the optional fields differ only in field, position, prompt, rule and what follows. */
function textStep(
  field: TextField,
  step: number,
  prompt: string,
  validate: (value: string) => string | undefined,
  next: () => InputStep<CreateState> | undefined,
): InputStep<CreateState> {
  return async (input, state) => {
    state[field] = await input.inputBox({ title: TITLE, step, totalSteps: TOTAL, value: state[field], prompt, validate });
    return next();
  };
}

const askTransitRouter = textStep(
  'transitRouterId',
  8,
  'Transit router ID (optional, tr-…); leave empty to capture the whole CEN instance',
  checkTransitRouterId,
  () => undefined,
);

const pickInterval: InputStep<CreateState> = async (input, state) => {
  const items = FLOW_LOG_INTERVALS.map((i) => ({ label: intervalLabel(i), interval: i }));
  const chosen = await input.pick({
    title: TITLE,
    step: 7,
    totalSteps: TOTAL,
    items,
    activeItem: items.find((i) => i.interval === state.interval),
    placeholder: 'Capture window: records are aggregated and written once per window',
  });
  state.interval = chosen.interval;
  return askTransitRouter;
};

const askDescription = textStep(
  'description',
  6,
  'Description (optional; 1–256 characters, not starting with http:// or https://)',
  checkDescription,
  () => pickInterval,
);

const askName = textStep(
  'name',
  5,
  'Flow log name (optional; 1–128 characters, not starting with http:// or https://)',
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

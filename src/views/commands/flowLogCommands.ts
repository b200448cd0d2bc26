/**
 * Start, stop, modify, delete, view, copy id and open-in-console. Each takes a tree node, a
 * multi-selection or nothing (then a quick pick of the flow logs it applies to).
 */
import * as vscode from 'vscode';
import type { FlowLog } from '../../cloud/cenApi';
import { FLOW_LOG_INTERVALS, type FlowLogInterval, type FlowLogStatus } from '../../flowlogs/catalog';
import { flowLogConsoleUrl, type ConsoleSite } from '../../flowlogs/consoleUrls';
import type { FlowLogLifecycle } from '../../flowlogs/lifecycle';
import { checkDescription, checkFlowLogName } from '../../flowlogs/validation';
import type { ExplorerModel } from '../explorer/explorerModel';
import type { FlowLogDetails } from '../flowLogDetails';
import type { CommandRegistrar } from './commandRegistrar';
import { MultiStepInput } from './multiStepInput';
import { withOperationProgress } from './operationProgress';
import { resolveFlowLogs } from './targetPicker';

export interface FlowLogCommandDeps {
  readonly model: ExplorerModel;
  readonly lifecycle: FlowLogLifecycle;
  readonly details: FlowLogDetails;
}

const label = (f: FlowLog): string => (f.name ? `"${f.name}" (${f.flowLogId})` : f.flowLogId);
const any = (): boolean => true;

export function registerFlowLogCommands(r: CommandRegistrar, deps: FlowLogCommandDeps): void {
  const { model, lifecycle } = deps;

  /** Shows each status on the row while the operation runs; on failure reloads the truth. */
  const track = (f: FlowLog) => (status: FlowLogStatus) => model.applyFlowLog({ ...f, status });
  const runTracked = async <T>(f: FlowLog, op: () => Promise<T>): Promise<T> => {
    try {
      return await op();
    } catch (e) {
      model.reloadFlowLogs();
      throw e;
    }
  };

  r.register('cenFlowLogs.flowLog.start', 'Start flow log', async (...args) => {
    const targets = await resolveFlowLogs(model, args, {
      placeholder: 'Start which flow log?',
      eligible: (f) => f.status === 'Inactive',
      noneMessage: 'No flow log is Inactive, so there is none to start.',
    });
    for (const f of targets) {
      const done = await withOperationProgress(`Starting flow log ${label(f)}`, (signal, onStatus) =>
        runTracked(f, () => lifecycle.start(f, { signal, onStatus: (s) => (onStatus(s), track(f)(s)) })),
      );
      model.applyFlowLog(done);
    }
  });

  r.register('cenFlowLogs.flowLog.stop', 'Stop flow log', async (...args) => {
    const targets = await resolveFlowLogs(model, args, {
      placeholder: 'Stop which flow log?',
      eligible: (f) => f.status === 'Active',
      noneMessage: 'No flow log is Active, so there is none to stop.',
    });
    for (const f of targets) {
      const done = await withOperationProgress(`Stopping flow log ${label(f)}`, (signal, onStatus) =>
        runTracked(f, () => lifecycle.stop(f, { signal, onStatus: (s) => (onStatus(s), track(f)(s)) })),
      );
      model.applyFlowLog(done);
    }
  });

  r.register('cenFlowLogs.flowLog.modify', 'Modify flow log', async (...args) => {
    const [f] = await resolveFlowLogs(model, args, {
      placeholder: 'Modify which flow log?',
      eligible: (x) => x.status === 'Active' || x.status === 'Inactive',
      noneMessage: 'No flow log can be modified right now.',
    });
    if (!f) return;
    const state = { name: f.name, description: f.description, interval: f.interval };
    const title = `Modify flow log ${f.flowLogId}`;
    const completed = await MultiStepInput.run<typeof state>(
      async (input, s) => {
        s.name = await input.inputBox({
          title, step: 1, totalSteps: 3, value: s.name,
          prompt: 'Name (1–128 characters, not starting with http:// or https://)',
          validate: checkFlowLogName,
        });
        return async (input2, s2) => {
          s2.description = await input2.inputBox({
            title, step: 2, totalSteps: 3, value: s2.description,
            prompt: 'Description (1–256 characters, not starting with http:// or https://)',
            validate: checkDescription,
          });
          return async (input3, s3) => {
            const items = FLOW_LOG_INTERVALS.map((i) => ({ label: intervalLabel(i), interval: i }));
            const chosen = await input3.pick({
              title, step: 3, totalSteps: 3, items,
              activeItem: items.find((i) => i.interval === s3.interval),
              placeholder: 'Capture window',
            });
            s3.interval = chosen.interval;
          };
        };
      },
      state,
    );
    if (!completed) return;
    const done = await withOperationProgress(`Modifying flow log ${label(f)}`, (signal, onStatus) =>
      runTracked(f, () =>
        lifecycle.modify(f, state, { signal, onStatus: (s) => (onStatus(s), track(f)(s)) }),
      ),
    );
    model.applyFlowLog(done);
  });

  r.register('cenFlowLogs.flowLog.delete', 'Delete flow log', async (...args) => {
    const targets = await resolveFlowLogs(model, args, {
      placeholder: 'Delete which flow log?',
      eligible: (f) => f.status === 'Active' || f.status === 'Inactive',
      noneMessage: 'No flow log can be deleted right now.',
    });
    if (targets.length === 0) return;
    const stores = [...new Set(targets.map((f) => `project "${f.projectName}", logstore "${f.logStoreName}"`))].join('; ');
    const answer = await vscode.window.showWarningMessage(
      targets.length === 1 ? `Delete flow log ${label(targets[0])}?` : `Delete ${targets.length} flow logs?`,
      {
        modal: true,
        detail:
          `Traffic of ${targets.map((f) => f.cenId).join(', ')} will no longer be captured. ` +
          `The records already written stay in Log Service (${stores}); delete them there if you no longer need them.`,
      },
      'Delete',
    );
    if (answer !== 'Delete') return;
    for (const f of targets) {
      await withOperationProgress(`Deleting flow log ${label(f)}`, (signal, onStatus) =>
        runTracked(f, () => lifecycle.delete(f, { signal, onStatus: (s) => (onStatus(s), track(f)(s)) })),
      );
      model.removeFlowLog(f);
    }
  });

  r.register('cenFlowLogs.flowLog.view', 'View flow log', async (...args) => {
    const [f] = await resolveFlowLogs(model, args, {
      placeholder: 'View which flow log?', eligible: any, noneMessage: 'There is no flow log yet.',
    });
    if (f) await deps.details.open(f);
  });

  r.register('cenFlowLogs.flowLog.copyId', 'Copy flow log ID', async (...args) => {
    const targets = await resolveFlowLogs(model, args, {
      placeholder: 'Copy the ID of which flow log?', eligible: any, noneMessage: 'There is no flow log yet.',
    });
    if (targets.length === 0) return;
    await vscode.env.clipboard.writeText(targets.map((f) => f.flowLogId).join('\n'));
    void vscode.window.setStatusBarMessage(`Copied ${targets.map((f) => f.flowLogId).join(', ')}`, 3000);
  });

  r.register('cenFlowLogs.flowLog.openConsole', 'Open in console', async (...args) => {
    const [f] = await resolveFlowLogs(model, args, {
      placeholder: 'Open which flow log in the Alibaba Cloud console?', eligible: any, noneMessage: 'There is no flow log yet.',
    });
    if (f) await vscode.env.openExternal(vscode.Uri.parse(flowLogConsoleUrl(f, consoleSite())));
  });
}

/** The console site the user's account lives on (the cenFlowLogs.consoleSite setting). */
export function consoleSite(): ConsoleSite {
  return vscode.workspace.getConfiguration('cenFlowLogs').get<string>('consoleSite') === 'international' ? 'international' : 'china';
}

export function intervalLabel(interval: FlowLogInterval): string {
  return interval === 600 ? '10 minutes (600 s, default)' : '1 minute (60 s)';
}

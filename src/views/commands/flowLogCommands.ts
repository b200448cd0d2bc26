/**
 * Start, stop, modify, delete, view, copy id and open-in-console. Each takes a tree node, a
 * multi-selection or nothing (then a quick pick of the flow logs it applies to). Part of the lazy UI
 * chunk (dist/ui-lazy.js), loaded by flowLogCommandsLoader.ts on the first run of one of them.
 */
import * as vscode from 'vscode';
import type { CenApi, FlowLog } from '../../cloud/cenApi';
import { FLOW_LOG_INTERVALS, type FlowLogInterval, type FlowLogStatus } from '../../flowlogs/catalog';
import { flowLogConsoleUrl } from '../../flowlogs/consoleUrls';
import { consoleSite } from '../consoleSite';
import { FlowLogLifecycle, type OperationOptions } from '../../flowlogs/lifecycle';
import { checkDescription, checkFlowLogName } from '../../flowlogs/validation';
import type { ExplorerModel } from '../explorer/explorerModel';
import type { FlowLogDetails } from '../flowLogDetails';
import type { CommandHandler } from './commandRegistrar';
import type { FlowLogCommand } from './flowLogCommandIds';
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

/** The commands' handlers (registered by flowLogCommandsLoader.ts, which loads this module on their first run). */
export function flowLogCommandHandlers(deps: FlowLogCommandDeps): Record<FlowLogCommand, CommandHandler> {
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

  /** Starts or stops each chosen flow log in turn, its progress and row status shown as it goes. */
  type Switch = (f: FlowLog, options: OperationOptions) => Promise<FlowLog>;
  const switchEach = async (targets: readonly FlowLog[], title: (f: FlowLog) => string, op: Switch): Promise<void> => {
    for (const f of targets) {
      const done = await withOperationProgress(title(f), (signal, onStatus) =>
        runTracked(f, () => op(f, { signal, onStatus: (s) => (onStatus(s), track(f)(s)) })),
      );
      model.applyFlowLog(done);
    }
  };

  return {
    'cenFlowLogs.flowLog.start': async (...args) =>
      switchEach(
        await resolveFlowLogs(model, args, {
          placeholder: vscode.l10n.t('Start which flow log?'),
          eligible: (f) => f.status === 'Inactive',
          noneMessage: vscode.l10n.t('No flow log is Inactive, so there is none to start.'),
        }),
        (f) => vscode.l10n.t('Starting flow log {0}', label(f)),
        (f, options) => lifecycle.start(f, options),
      ),

    'cenFlowLogs.flowLog.stop': async (...args) =>
      switchEach(
        await resolveFlowLogs(model, args, {
          placeholder: vscode.l10n.t('Stop which flow log?'),
          eligible: (f) => f.status === 'Active',
          noneMessage: vscode.l10n.t('No flow log is Active, so there is none to stop.'),
        }),
        (f) => vscode.l10n.t('Stopping flow log {0}', label(f)),
        (f, options) => lifecycle.stop(f, options),
      ),

    'cenFlowLogs.flowLog.modify': async (...args) => {
      const [f] = await resolveFlowLogs(model, args, {
        placeholder: vscode.l10n.t('Modify which flow log?'),
        eligible: (x) => x.status === 'Active' || x.status === 'Inactive',
        noneMessage: vscode.l10n.t('No flow log can be modified right now.'),
      });
      if (!f) return;
      const state = { name: f.name, description: f.description, interval: f.interval };
      const title = vscode.l10n.t('Modify flow log {0}', f.flowLogId);
      const completed = await MultiStepInput.run<typeof state>(
        async (input, s) => {
          s.name = await input.inputBox({
            title, step: 1, totalSteps: 3, value: s.name,
            prompt: vscode.l10n.t('Name (1–128 characters, not starting with http:// or https://)'),
            validate: checkFlowLogName,
          });
          return async (input2, s2) => {
            s2.description = await input2.inputBox({
              title, step: 2, totalSteps: 3, value: s2.description,
              prompt: vscode.l10n.t('Description (1–256 characters, not starting with http:// or https://)'),
              validate: checkDescription,
            });
            return async (input3, s3) => {
              const items = FLOW_LOG_INTERVALS.map((i) => ({ label: intervalLabel(i), interval: i }));
              const chosen = await input3.pick({
                title, step: 3, totalSteps: 3, items,
                activeItem: items.find((i) => i.interval === s3.interval),
                placeholder: vscode.l10n.t('Capture window'),
              });
              s3.interval = chosen.interval;
            };
          };
        },
        state,
      );
      if (!completed) return;
      const done = await withOperationProgress(vscode.l10n.t('Modifying flow log {0}', label(f)), (signal, onStatus) =>
        runTracked(f, () =>
          lifecycle.modify(f, state, { signal, onStatus: (s) => (onStatus(s), track(f)(s)) }),
        ),
      );
      model.applyFlowLog(done);
    },

    'cenFlowLogs.flowLog.delete': async (...args) => {
      const targets = await resolveFlowLogs(model, args, {
        placeholder: vscode.l10n.t('Delete which flow log?'),
        eligible: (f) => f.status === 'Active' || f.status === 'Inactive',
        noneMessage: vscode.l10n.t('No flow log can be deleted right now.'),
      });
      if (targets.length === 0) return;
      const stores = [...new Set(targets.map((f) => vscode.l10n.t('project "{0}", logstore "{1}"', f.projectName, f.logStoreName)))].join('; ');
      const deleteAction = vscode.l10n.t('Delete');
      const answer = await vscode.window.showWarningMessage(
        targets.length === 1 ? vscode.l10n.t('Delete flow log {0}?', label(targets[0])) : vscode.l10n.t('Delete {0} flow logs?', targets.length),
        {
          modal: true,
          detail: vscode.l10n.t(
            'Traffic of {0} will no longer be captured. The records already written stay in Log Service ({1}); delete them there if you no longer need them.',
            targets.map((f) => f.cenId).join(', '),
            stores,
          ),
        },
        deleteAction,
      );
      if (answer !== deleteAction) return;
      for (const f of targets) {
        await withOperationProgress(vscode.l10n.t('Deleting flow log {0}', label(f)), (signal, onStatus) =>
          runTracked(f, () => lifecycle.delete(f, { signal, onStatus: (s) => (onStatus(s), track(f)(s)) })),
        );
        model.removeFlowLog(f);
      }
    },

    'cenFlowLogs.flowLog.view': async (...args) => {
      const [f] = await resolveFlowLogs(model, args, {
        placeholder: vscode.l10n.t('View which flow log?'), eligible: any, noneMessage: vscode.l10n.t('There is no flow log yet.'),
      });
      if (f) await deps.details.open(f);
    },

    'cenFlowLogs.flowLog.copyId': async (...args) => {
      const targets = await resolveFlowLogs(model, args, {
        placeholder: vscode.l10n.t('Copy the ID of which flow log?'), eligible: any, noneMessage: vscode.l10n.t('There is no flow log yet.'),
      });
      if (targets.length === 0) return;
      await vscode.env.clipboard.writeText(targets.map((f) => f.flowLogId).join('\n'));
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', targets.map((f) => f.flowLogId).join(', ')), 3000);
    },

    'cenFlowLogs.flowLog.openConsole': async (...args) => {
      const [f] = await resolveFlowLogs(model, args, {
        placeholder: vscode.l10n.t('Open which flow log in the Alibaba Cloud console?'), eligible: any, noneMessage: vscode.l10n.t('There is no flow log yet.'),
      });
      if (f) await vscode.env.openExternal(vscode.Uri.parse(flowLogConsoleUrl(f, consoleSite())));
    },
  };
}


export function intervalLabel(interval: FlowLogInterval): string {
  return interval === 600 ? vscode.l10n.t('10 minutes (600 s, default)') : vscode.l10n.t('1 minute (60 s)');
}

/** The one lifecycle of the lifecycle commands and the create wizard, built with this module. */
export function newFlowLogLifecycle(cen: () => CenApi): FlowLogLifecycle {
  return new FlowLogLifecycle(cen);
}

/**
 * *Create Flow Log…* is registered with the UI; the wizard's module loads on its first run. In the
 * bundle, `./createFlowLogWizard` is part of the lazy UI chunk (dist/ui-lazy.js, see scripts/build.mjs).
 */
import * as vscode from 'vscode';
import type { FlowLogLifecycle } from '../../flowlogs/lifecycle';
import type { CommandRegistrar } from './commandRegistrar';
import type * as CreateWizardModule from './createFlowLogWizard';

let cached: typeof CreateWizardModule | undefined;

function loadCreateWizardModule(): typeof CreateWizardModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cached ??= require('./createFlowLogWizard') as typeof CreateWizardModule;
  return cached;
}

/** `lifecycle`: the one lifecycle, built on first use (flowLogCommandsLoader.ts). */
export function registerCreateFlowLogCommand(r: CommandRegistrar, deps: Omit<CreateWizardModule.CreateWizardDeps, 'lifecycle'> & { readonly lifecycle: () => FlowLogLifecycle }): void {
  r.register('cenFlowLogs.flowLog.create', vscode.l10n.t('Create flow log'), (node) => loadCreateWizardModule().createFlowLog({ ...deps, lifecycle: deps.lifecycle() }, node));
}

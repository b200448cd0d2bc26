/**
 * The lifecycle commands (start, stop, modify, delete, view, copy id, open in console) are registered
 * with the UI; their module and the flow-log lifecycle load on the first run of one of them (or of the
 * create wizard). In the bundle, `./flowLogCommands` is part of the lazy UI chunk (dist/ui-lazy.js,
 * see scripts/build.mjs): the explorer's first paint does not carry them.
 */
import type { CenApi } from '../../cloud/cenApi';
import type { FlowLogLifecycle } from '../../flowlogs/lifecycle';
import type { CommandHandler, CommandRegistrar } from './commandRegistrar';
import { FLOW_LOG_COMMANDS, flowLogCommandActions, type FlowLogCommand } from './flowLogCommandIds';
import type * as FlowLogCommandsModule from './flowLogCommands';

let cached: typeof FlowLogCommandsModule | undefined;

function loadFlowLogCommandsModule(): typeof FlowLogCommandsModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cached ??= require('./flowLogCommands') as typeof FlowLogCommandsModule;
  return cached;
}

export interface FlowLogCommandsDeps extends Omit<FlowLogCommandsModule.FlowLogCommandDeps, 'lifecycle'> {
  /** The current CEN client (throws when not signed in), for the lifecycle. */
  readonly cen: () => CenApi;
}

/** Registers the commands; returns the one lifecycle, built on first use, for the create wizard. */
export function registerFlowLogCommands(r: CommandRegistrar, deps: FlowLogCommandsDeps): () => FlowLogLifecycle {
  let lifecycle: FlowLogLifecycle | undefined;
  let handlers: Record<FlowLogCommand, CommandHandler> | undefined;
  const lifecycleOnce = (): FlowLogLifecycle => (lifecycle ??= loadFlowLogCommandsModule().newFlowLogLifecycle(deps.cen));
  const handlersOnce = (): Record<FlowLogCommand, CommandHandler> =>
    (handlers ??= loadFlowLogCommandsModule().flowLogCommandHandlers({ model: deps.model, details: deps.details, lifecycle: lifecycleOnce() }));
  const actions = flowLogCommandActions();
  for (const id of FLOW_LOG_COMMANDS) r.register(id, actions[id], (...args) => handlersOnce()[id](...args));
  return lifecycleOnce;
}

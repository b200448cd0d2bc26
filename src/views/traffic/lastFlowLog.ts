/**
 * The flow log whose traffic an address was last shown in: the next address (from the debugger, a
 * terminal link, a hover) is looked up there without asking again. Kept per workspace (a debugged
 * service usually talks through one CEN); read back through the same check commands use.
 */
import type * as vscode from 'vscode';
import type { FlowLog } from '../../cloud/cenApi';
import { flowLogArgument } from '../workbench/commands';

const KEY = 'cenFlowLogs.traffic.lastFlowLog';

export class LastFlowLog {
  constructor(private readonly state: vscode.Memento) {}

  get(): FlowLog | undefined {
    return flowLogArgument({ flowLog: this.state.get<unknown>(KEY) });
  }

  async remember(flowLog: FlowLog): Promise<void> {
    await this.state.update(KEY, flowLog);
  }
}

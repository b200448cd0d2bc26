/**
 * Where the next address (from an editor or terminal selection, the debugger, a terminal link, a
 * hover) is looked up without asking again: the flow log or CEN last chosen. Kept per workspace (a
 * debugged service usually talks through one CEN); the key is unchanged so a flow log remembered by
 * an older version still reads. Listeners hear of each change (the status-bar item shows it).
 */
import type * as vscode from 'vscode';
import { parseTrafficTarget, type TrafficTarget } from './trafficTarget';

const KEY = 'cenFlowLogs.traffic.lastFlowLog';

export class LastFlowLog {
  private readonly listeners = new Set<(target: TrafficTarget) => void>();

  constructor(private readonly state: vscode.Memento) {}

  get(): TrafficTarget | undefined {
    return parseTrafficTarget(this.state.get<unknown>(KEY));
  }

  async remember(target: TrafficTarget): Promise<void> {
    await this.state.update(KEY, target);
    for (const listener of this.listeners) listener(target);
  }

  onDidChange(listener: (target: TrafficTarget) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}

/**
 * What query documents need to know about the account, read once and kept: the flow logs (to
 * resolve `-- flowlog:` names and ids) and each one's index fields (to check and complete fields
 * the target really has). Loads happen in the background; `onChanged` listeners hear when one
 * completes, so diagnostics can be refreshed. No `vscode` import.
 */
import type { CenApi, FlowLog } from '../cloud/cenApi';
import type { SlsApi } from '../cloud/slsApi';
import { listAccountFlowLogs } from '../flowlogs/flowLogListing';
import { errorText } from '../errorText';
import { flowLogTargetInput, schemaFields, targetSchema } from '../views/workbench/workbenchTarget';
import type { FieldInfo } from '../protocol/messages';
import { closeFlowLogMatches } from './flowLogHeader';

export interface FlowLogDirectoryDeps {
  readonly cen: () => Promise<CenApi>;
  readonly sls: () => Promise<SlsApi>;
  readonly warn: (message: string) => void;
}

/** A flow log by id first (ids are unique), else by name. */
export function findFlowLog(list: readonly FlowLog[], nameOrId: string): FlowLog | undefined {
  return list.find((f) => f.flowLogId === nameOrId) ?? list.find((f) => f.name === nameOrId);
}

export class FlowLogDirectory {
  private flowLogs: readonly FlowLog[] | undefined;
  private listing: Promise<readonly FlowLog[]> | undefined;
  private readonly fields = new Map<string, readonly FieldInfo[] | 'loading' | 'none'>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: FlowLogDirectoryDeps) {}

  /** Hears when a background read added flow logs or fields. */
  onChanged(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  /** Whether a flow log by this name or id exists; undefined until the list is read (a read starts). */
  exists(nameOrId: string): boolean | undefined {
    if (!this.flowLogs) {
      void this.list().catch(() => undefined);
      return undefined;
    }
    return findFlowLog(this.flowLogs, nameOrId) !== undefined;
  }

  /** Every flow log of the account, reading the list when it is not known yet (header completion). */
  all(): Promise<readonly FlowLog[]> {
    return this.flowLogs ? Promise.resolve(this.flowLogs) : this.list();
  }

  /** Names or ids of known flow logs close to one a header names (none until the list is read). */
  closeMatches(nameOrId: string): readonly string[] {
    return this.flowLogs ? closeFlowLogMatches(nameOrId, this.flowLogs) : [];
  }

  /** The flow log a header names, when the list has been read. */
  known(nameOrId: string): FlowLog | undefined {
    return this.flowLogs ? findFlowLog(this.flowLogs, nameOrId) : undefined;
  }

  /** The flow log a header names, reading the list when it is not known yet. */
  async find(nameOrId: string): Promise<FlowLog | undefined> {
    const found = findFlowLog(await this.list(), nameOrId);
    // A flow log created since the list was read: read it again once.
    return found ?? findFlowLog(await this.list(true), nameOrId);
  }

  /** The index fields of the flow log a header names, when read; undefined (the catalog) otherwise. */
  fieldsOf(nameOrId: string): readonly FieldInfo[] | undefined {
    const flowLog = this.flowLogs ? findFlowLog(this.flowLogs, nameOrId) : undefined;
    if (!flowLog) return undefined;
    const known = this.fields.get(flowLog.flowLogId);
    if (known === undefined) void this.loadFields(flowLog);
    return Array.isArray(known) ? known : undefined;
  }

  /** Forget what was read (sign-in changed, or the user asked). */
  clear(): void {
    this.flowLogs = undefined;
    this.listing = undefined;
    this.fields.clear();
  }

  private list(again = false): Promise<readonly FlowLog[]> {
    if (this.listing && !again) return this.listing;
    const listing = this.deps
      .cen()
      .then((api) => listAccountFlowLogs(api))
      .then((list) => {
        this.flowLogs = list;
        this.changed();
        return list;
      });
    // A failed read (not signed in, offline) is tried again on the next need.
    listing.catch(() => {
      if (this.listing === listing) this.listing = undefined;
    });
    this.listing = listing;
    return listing;
  }

  private async loadFields(flowLog: FlowLog): Promise<void> {
    this.fields.set(flowLog.flowLogId, 'loading');
    try {
      const index = await (await this.deps.sls()).getIndex({ regionId: flowLog.regionId, projectName: flowLog.projectName, logStoreName: flowLog.logStoreName });
      // The flow log's own fields (its LogFormatString and form) as the index holds them.
      const fields = index ? schemaFields(targetSchema(flowLogTargetInput(flowLog), index)).filter((f) => f.name in index) : [];
      this.fields.set(flowLog.flowLogId, fields.length > 0 ? fields : 'none');
      if (fields.length > 0) this.changed();
    } catch (e) {
      this.fields.set(flowLog.flowLogId, 'none');
      this.deps.warn(`query file: could not read the index of ${flowLog.projectName}/${flowLog.logStoreName}; checking against the flow-log field catalog (${errorText(e)})`);
    }
  }
}

/**
 * What query documents need to know about the account, read once and kept: the flow logs (to
 * resolve `-- flowlog:` names and ids) and each one's index fields (to check and complete fields
 * the target really has). Loads happen in the background; `onChanged` listeners hear when one
 * completes, so diagnostics can be refreshed. No `vscode` import.
 */
import type { CenApi, CenInstance, FlowLog } from '../cloud/cenApi';
import type { SlsApi } from '../cloud/slsApi';
import { listCenFlowLogs, routerRegions } from '../flowlogs/flowLogListing';
import { errorText } from '../errorText';
import { commonFields, flowLogTargetInput, schemaFields, targetSchema } from '../views/workbench/workbenchTarget';
import type { FieldInfo } from '../protocol/messages';
import { closeCenMatches, closeFlowLogMatches } from './flowLogHeader';

export interface FlowLogDirectoryDeps {
  readonly cen: () => Promise<CenApi>;
  readonly sls: () => Promise<SlsApi>;
  /** The output channel: its lines stay English (they are read in bug reports). */
  readonly log: { warn(message: string): void };
}

/** A flow log by id first (ids are unique), else by name. */
export function findFlowLog(list: readonly FlowLog[], nameOrId: string): FlowLog | undefined {
  return list.find((f) => f.flowLogId === nameOrId) ?? list.find((f) => f.name === nameOrId);
}

/** A CEN by id first, else by name. */
export function findCen(list: readonly CenInstance[], nameOrId: string): CenInstance | undefined {
  return list.find((c) => c.cenId === nameOrId) ?? list.find((c) => c.name === nameOrId);
}

/** A CEN a `-- cen:` header names, with its flow logs: what a CEN panel opens on. */
export interface CenWithFlowLogs {
  readonly cen: CenInstance;
  readonly flowLogs: readonly FlowLog[];
}

export class FlowLogDirectory {
  private flowLogs: readonly FlowLog[] | undefined;
  private cens: readonly CenInstance[] | undefined;
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

  /** Whether a CEN by this name or id exists; undefined until the list is read (a read starts). */
  cenExists(nameOrId: string): boolean | undefined {
    if (!this.cens) {
      void this.list().catch(() => undefined);
      return undefined;
    }
    return findCen(this.cens, nameOrId) !== undefined;
  }

  /** Names or ids of known CENs close to one a header names (none until the list is read). */
  closeCenMatches(nameOrId: string): readonly string[] {
    return this.cens ? closeCenMatches(nameOrId, this.cens) : [];
  }

  /** Every CEN of the account with the account's flow logs, reading them when not known yet (header completion). */
  async allCens(): Promise<{ readonly cens: readonly CenInstance[]; readonly flowLogs: readonly FlowLog[] }> {
    const flowLogs = await this.all();
    return { cens: this.cens ?? [], flowLogs };
  }

  /** The CEN a header names with its flow logs, reading the list when it is not known yet. */
  async findCen(nameOrId: string): Promise<CenWithFlowLogs | undefined> {
    await this.list();
    let cen = this.cens ? findCen(this.cens, nameOrId) : undefined;
    // A CEN created since the list was read: read it again once.
    if (!cen) {
      await this.list(true);
      cen = this.cens ? findCen(this.cens, nameOrId) : undefined;
    }
    return cen ? { cen, flowLogs: (this.flowLogs ?? []).filter((f) => f.cenId === cen.cenId) } : undefined;
  }

  /**
   * The fields every flow log of the CEN a header names has (what a CEN panel queries), once each
   * one's index is read; undefined (the catalog) until then, or when the CEN has no flow log.
   */
  cenFieldsOf(nameOrId: string): readonly FieldInfo[] | undefined {
    const cen = this.cens ? findCen(this.cens, nameOrId) : undefined;
    if (!cen || !this.flowLogs) return undefined;
    const members = this.flowLogs.filter((f) => f.cenId === cen.cenId);
    if (members.length === 0) return undefined;
    const each = members.map((f) => this.fieldsOf(f.flowLogId));
    if (each.some((f) => f === undefined)) return undefined;
    return commonFields(each as readonly (readonly FieldInfo[])[]);
  }

  /** Forget what was read (sign-in changed, or the user asked). */
  clear(): void {
    this.flowLogs = undefined;
    this.cens = undefined;
    this.listing = undefined;
    this.fields.clear();
  }

  private list(again = false): Promise<readonly FlowLog[]> {
    if (this.listing && !again) return this.listing;
    const listing = this.deps
      .cen()
      .then((api) => listAccount(api))
      .then(({ cens, flowLogs: list }) => {
        this.cens = cens;
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
      this.deps.log.warn(`query file: could not read the index of ${flowLog.projectName}/${flowLog.logStoreName}; checking against the flow-log field catalog (${errorText(e)})`);
    }
  }
}

/** The account's CENs and every flow log of each (as listAccountFlowLogs, keeping the CENs for `-- cen:`). */
async function listAccount(api: CenApi): Promise<{ readonly cens: readonly CenInstance[]; readonly flowLogs: readonly FlowLog[] }> {
  const cens: CenInstance[] = [];
  const flowLogs: FlowLog[] = [];
  for await (const page of api.listCens()) {
    for (const cen of page) {
      cens.push(cen);
      flowLogs.push(...(await listCenFlowLogs(api, cen.cenId, routerRegions(await api.listTransitRouters(cen.cenId)))));
    }
  }
  return { cens, flowLogs };
}

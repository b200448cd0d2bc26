/**
 * The explorer's text filter: case-insensitive substring over a CEN's name, id and status and a
 * flow log's name, id, region (id and name) and status. A CEN stays visible when it matches itself
 * or any of its flow logs matches.
 */
import type { CenInstance, FlowLog } from '../../cloud/cenApi';
import { regionName } from '../../flowlogs/catalog';

export class ExplorerFilter {
  private readonly needle: string;

  constructor(text: string) {
    this.needle = text.trim().toLowerCase();
  }

  get text(): string {
    return this.needle;
  }

  get isEmpty(): boolean {
    return this.needle.length === 0;
  }

  matchesCen(cen: CenInstance): boolean {
    return this.hit([cen.name, cen.cenId, cen.status]);
  }

  matchesFlowLog(f: FlowLog): boolean {
    return this.hit([f.name, f.flowLogId, f.regionId, regionName(f.regionId), f.rawStatus || f.status, f.projectName, f.logStoreName, f.transitRouterId ?? '', f.transitRouterAttachmentId ?? '']);
  }

  private hit(values: readonly string[]): boolean {
    return this.isEmpty || values.some((v) => v.toLowerCase().includes(this.needle));
  }
}

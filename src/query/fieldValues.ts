/**
 * Values worth suggesting for a field, from the catalog: directions, log statuses, protocol
 * numbers, region ids (display names; records may name any region) and well-known ports.
 */
import { t } from '@vscode/l10n';
import { DIRECTIONS, LOG_STATUSES, logStatusMeaning, PROTOCOL_NAMES, REGION_NAMES, fieldSpec, isClosedRegion } from '../flowlogs/catalog';

/** A value with a short human explanation (TCP for 6). */
export interface SuggestedValue {
  readonly value: string;
  readonly detail: string;
}

const WELL_KNOWN_PORTS: readonly SuggestedValue[] = [
  { value: '443', detail: 'HTTPS' },
  { value: '80', detail: 'HTTP' },
  { value: '22', detail: 'SSH' },
  { value: '53', detail: 'DNS' },
  { value: '3306', detail: 'MySQL' },
  { value: '5432', detail: 'PostgreSQL' },
  { value: '6379', detail: 'Redis' },
  { value: '3389', detail: 'RDP' },
];

// Read when suggested, after the display language is configured.
const directionDetail = (d: string): string => (d === 'in' ? t('inbound') : d === 'out' ? t('outbound') : '');

/** Suggested values for `field`, or none when the field has no small closed set. */
export function valuesForField(field: string): readonly SuggestedValue[] {
  const spec = fieldSpec(field);
  if (!spec) return [];
  switch (spec.kind) {
    case 'direction':
      return DIRECTIONS.map((d) => ({ value: d, detail: directionDetail(d) }));
    case 'logStatus':
      return LOG_STATUSES.map((s) => ({ value: s, detail: logStatusMeaning(s) }));
    case 'protocol':
      return Object.entries(PROTOCOL_NAMES).map(([value, name]) => ({ value, detail: name }));
    case 'region':
      // Every region with a name, closed ones last: old records may still name them.
      return [...REGION_NAMES.filter((r) => !isClosedRegion(r.id)), ...REGION_NAMES.filter((r) => isClosedRegion(r.id))].map((r) => ({ value: r.id, detail: r.closed ? `${r.en} (closed ${r.closed.slice(0, 4)})` : r.en }));
    case 'port':
      return WELL_KNOWN_PORTS;
    case 'account':
    case 'cen':
    case 'ip':
    case 'count':
    case 'bytes':
    case 'rtt':
    case 'time':
    case 'attachment':
      return [];
  }
}

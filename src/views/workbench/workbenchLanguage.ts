/**
 * The host's use of the query-language library (src/query): resolving and snapping time ranges
 * for the protocol, presets as the webview lists them, and positions of server errors.
 */
import { t } from '@vscode/l10n';
import type { FlowLogInterval } from '../../flowlogs/catalog';
import type { PresetInfo, ResolvedRange, TimeRangeSpec, WorkbenchTarget } from '../../protocol/messages';
import { QUERY_PRESETS, presetAvailability, renderPreset, type QueryPreset } from '../../query/presets';
import { locateServerError } from '../../query/serverError';
import { cenRefusals } from '../../query/cenMerge';
import { describeRange, resolveTimeRange, snapToWindow, undeliveredNote, undeliveredWindows, validateTimeRange, type TimeRangeSpec as QueryRangeSpec } from '../../query/timeRange';
import type { WorkbenchLanguage } from './workbenchPanel';

export function captureInterval(seconds: number): FlowLogInterval {
  return seconds === 60 ? 60 : 600;
}

function toQuerySpec(spec: TimeRangeSpec): QueryRangeSpec {
  switch (spec.kind) {
    case 'quick':
      return { kind: 'relative', amount: spec.minutes, unit: 'minutes' };
    case 'relative':
    case 'absolute':
      return spec;
  }
}

/**
 * Resolves a spec at `now`, refuses impossible ranges with the library's plain message, and widens
 * it to whole capture windows (a half window would under-count traffic).
 */
export function resolveWorkbenchRange(spec: TimeRangeSpec, intervalSeconds: number, now: Date): ResolvedRange {
  const interval = captureInterval(intervalSeconds);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const raw = resolveTimeRange(toQuerySpec(spec), nowSeconds);
  const error = validateTimeRange(raw, nowSeconds).find((p) => p.severity === 'error');
  if (error) throw new RangeError(error.message);
  const snapped = snapToWindow(raw, interval);
  return {
    from: snapped.from,
    to: snapped.to,
    label: t('{0}, snapped to {1}-minute capture windows', describeRange(snapped), interval / 60),
    // Which windows of the range are not delivered yet (a range around now has several).
    delayNote: undeliveredNote(undeliveredWindows(snapped, nowSeconds, interval), nowSeconds, interval),
  };
}

/** A preset rendered for a target: its window size filled in, an address parameter shown by example. */
export function presetInfo(preset: QueryPreset, target: Pick<WorkbenchTarget, 'interval'>, values: Readonly<Record<string, string>> = {}): PresetInfo | undefined {
  const defaults: Record<string, string> = { window: String(captureInterval(target.interval)) };
  for (const p of preset.parameters) if (p.kind === 'address') defaults[p.name] = p.example;
  let rendered = renderPreset(preset, { ...defaults, ...values });
  // A price setting the preset cannot use: listed without prices, the description says why.
  let priceNote = '';
  const price = preset.parameters.find((p) => p.kind === 'priceTable');
  if (!rendered.ok && price) {
    priceNote = ` ${t('({0} Shown without prices.)', rendered.message)}`;
    rendered = renderPreset(preset, { ...defaults, ...values, [price.name]: '{}' });
  }
  if (!rendered.ok) return undefined;
  const needsAddress = preset.parameters.some((p) => p.kind === 'address' && values[p.name] === undefined);
  return {
    id: preset.id,
    title: preset.title,
    description: (needsAddress ? t('{0} (replace the example address)', preset.description) : preset.description) + priceNote,
    query: rendered.query,
    chart: preset.chart,
  };
}

/**
 * The presets the target's schema can answer; those needing a field it lacks are not listed, nor
 * (on a CEN) those whose statement cannot be merged exactly across its flow logs.
 */
export function targetPresets(target: Pick<WorkbenchTarget, 'interval' | 'fields'> & { readonly kind?: WorkbenchTarget['kind'] }, values: Readonly<Record<string, string>> = {}): PresetInfo[] {
  const fields = target.fields.length > 0 ? target.fields.map((f) => f.name) : undefined;
  return QUERY_PRESETS.filter((p) => presetAvailability(p, fields).available)
    .map((p) => presetInfo(p, target, values))
    .filter((p): p is PresetInfo => p !== undefined && (target.kind !== 'cen' || cenRefusals(p.query).length === 0));
}

export const workbenchLanguage: WorkbenchLanguage = {
  resolveRange: resolveWorkbenchRange,
  presets: (target) => targetPresets(target),
  locateServerError: (query, message) => {
    const at = locateServerError(message, query);
    return at ? { from: at.from, to: at.to } : undefined;
  },
};

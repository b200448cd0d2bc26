/**
 * DEV ONLY (never in the production bundle): stands in for the extension host so the workbench
 * can be looked at in a plain browser. Defines acquireVsCodeApi and answers the protocol with
 * generated flow-log rows (including an XSS payload that must render as text).
 * URL parameters: rows (raw row count), run=1, query, tab=chart, theme (handled by preview.html).
 */
import { packRows } from '../../src/results/packedRows';
import { queryShape } from '../../src/query/queryShape';
import type { HostMessage, WebviewMessage, PresetInfo, TimeRangeSpec } from '../../src/protocol/messages';
import { FLOW_LOG_FIELDS, SUPPORTED_REGIONS } from '../../src/flowlogs/catalog';
import { QUERY_PRESETS, renderPreset } from '../../src/query/presets';

const params = new URLSearchParams(location.search);
const RAW_ROWS = Number(params.get('rows') ?? '5000');
const PAGE = 5000;
let state: unknown = undefined;
const sent: unknown[] = [];
(window as unknown as { __sent: unknown[] }).__sent = sent;

function toWebview(m: HostMessage): void {
  window.postMessage(m, '*');
}

function rangeSeconds(spec: TimeRangeSpec, now: number): { from: number; to: number } {
  switch (spec.kind) {
    case 'quick': return { from: now - spec.minutes * 60, to: now };
    case 'relative': return { from: now - spec.amount * { minutes: 60, hours: 3600, days: 86400 }[spec.unit], to: now };
    case 'absolute': return { from: spec.from, to: spec.to };
  }
}

function rand(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Rows [first, end) of an n-row result, generated on demand so a million rows cost nothing here. */
function rawRows(n: number, from: number, to: number, first = 0, endIndex = n): string[][] {
  const regions = SUPPORTED_REGIONS.map((x) => x.id);
  const rows: string[][] = [];
  for (let i = first; i < endIndex; i++) {
    const r = rand(i + 1);
    const end = Math.floor(to - (i / Math.max(1, n)) * (to - from));
    const start = end - 600;
    const values: Record<string, string> = {
      'account-id': '1234567890123456',
      'cen-id': 'cen-7qthudw0ll6jmc****',
      srcaddr: `10.0.${Math.floor(r() * 4)}.${Math.floor(r() * 250)}`,
      srcport: String(1024 + Math.floor(r() * 60000)),
      dstaddr: `192.168.${Math.floor(r() * 3)}.${Math.floor(r() * 250)}`,
      dstport: String([443, 80, 22, 3306, 53][Math.floor(r() * 5)]),
      protocol: String([6, 6, 6, 17, 1][Math.floor(r() * 5)]),
      direction: r() < 0.5 ? 'in' : 'out',
      packets: String(1 + Math.floor(r() * 5000)),
      bytes: String(Math.floor(r() * 50_000_000)),
      rtt: String(Math.floor(r() * 300)),
      start: String(start),
      end: String(end),
      'log-status': r() < 0.95 ? 'OK' : 'NODATA',
      'attachment-id': `tr-attach-${Math.floor(r() * 9)}`,
      'src-region-id': regions[Math.floor(r() * 3)],
      'dst-region-id': regions[3 + Math.floor(r() * 3)],
    };
    if (i === 3) values['cen-id'] = '<img src=x onerror=alert(1)>';
    rows.push([String(end), ...FLOW_LOG_FIELDS.map((f) => values[f.name] ?? '')]);
  }
  return rows;
}

function sqlResult(sql: string, from: number, to: number): { columns: string[]; rows: string[][] } {
  const r = rand(7);
  const aliases = [...sql.matchAll(/\bAS\s+("?[\w-]+"?)/gi)].map((m) => m[1].replace(/"/g, ''));
  const groupBy = (/GROUP\s+BY\s+([^\n]+?)(\s+ORDER|\s+LIMIT|$)/i.exec(sql)?.[1] ?? '').split(',').map((s) => s.trim().replace(/"/g, '')).filter(Boolean);
  const timeAlias = aliases.find((a) => /window|time/.test(a));
  if (timeAlias) {
    const cols = [timeAlias, ...aliases.filter((a) => a !== timeAlias)];
    const rows: string[][] = [];
    for (let t = from - (from % 600); t < to; t += 600) rows.push([String(t), ...cols.slice(1).map((_, i) => String(Math.floor((0.5 + r()) * 1e6 * (i + 1))))]);
    return { columns: cols, rows };
  }
  const keys = groupBy.filter((g) => !aliases.includes(g));
  const columns = [...keys, ...aliases];
  const n = keys.includes('protocol') && keys.length === 1 ? 3 : 12;
  const rows = Array.from({ length: n }, (_, i) =>
    columns.map((c) =>
      c === 'protocol' ? ['6', '17', '1'][i % 3] : c.includes('addr') ? `10.0.0.${i + 1}` : c.includes('region') ? SUPPORTED_REGIONS[i % SUPPORTED_REGIONS.length].id : c === 'dstport' ? String([443, 80, 22, 53, 3306][i % 5]) : String(Math.floor((n - i) * 1e6 * (0.5 + r()))),
    ),
  );
  return { columns, rows };
}

let active: { id: string; total: number; from: number; to: number; columns: string[]; sent: number; started: number } | undefined;

function onRun(m: Extract<WebviewMessage, { type: 'runQuery' }>): void {
  const now = Math.floor(Date.now() / 1000);
  const { from, to } = rangeSeconds(m.range, now);
  const snappedFrom = from - (from % 600);
  const snappedTo = to - (to % 600);
  toWebview({ type: 'queryStarted', requestId: m.requestId, range: { from: snappedFrom, to: snappedTo, label: `${new Date(snappedFrom * 1000).toLocaleString()} – ${new Date(snappedTo * 1000).toLocaleTimeString()} (snapped to 10-minute windows)`, delayNote: 'The newest 10-minute window appears about 10 minutes after it closes.' } });
  if (m.query.includes('syntax error')) {
    const at = m.query.indexOf('syntax error');
    setTimeout(() => toWebview({ type: 'queryError', requestId: m.requestId, error: { message: `line 1:${at + 1}: mismatched input 'syntax'`, code: 'ParameterInvalid', slsRequestId: '5F1B2C3D4E5F', nextStep: 'Check the query near the marked position.', position: { from: at, to: at + 6 } } }), 150);
    return;
  }
  const { sql } = queryShape(m.query);
  const started = performance.now();
  const buckets = Array.from({ length: 48 }, (_, i) => ({ from: snappedFrom + (i * (snappedTo - snappedFrom)) / 48, to: snappedFrom + ((i + 1) * (snappedTo - snappedFrom)) / 48, count: Math.floor(200 + 150 * Math.sin(i / 5) + 80 * Math.random()) }));
  setTimeout(() => toWebview({ type: 'histogram', requestId: m.requestId, buckets }), 80);
  if (sql) {
    const res = sqlResult(sql.text, snappedFrom, snappedTo);
    setTimeout(() => {
      toWebview({ type: 'resultPage', requestId: m.requestId, pageIndex: 0, columns: res.columns, rows: packRows(res.rows, res.columns.length), last: true });
      toWebview({ type: 'queryDone', requestId: m.requestId, status: { rowCount: res.rows.length, elapsedMs: 240, progress: 'Complete', slsRequestId: '65A1B2C3D4E5F60718293A4B', hasSql: true, more: false } });
    }, 120);
    return;
  }
  const columns = ['__time__', ...FLOW_LOG_FIELDS.map((f) => f.name)];
  active = { id: m.requestId, total: RAW_ROWS, from: snappedFrom, to: snappedTo, columns, sent: 0, started };
  setTimeout(() => sendPages(m.requestId, Math.min(RAW_ROWS, 100), true), 100);
}

function sendPages(requestId: string, upTo: number, first: boolean): void {
  const a = active;
  if (!a || a.id !== requestId) return;
  const step = (): void => {
    if (active !== a) return; // cancelled or replaced
    if (a.sent < upTo) {
      const pageIndex = Math.ceil(a.sent / PAGE);
      const chunk = rawRows(a.total, a.from, a.to, a.sent, Math.min(upTo, a.sent + PAGE));
      a.sent += chunk.length;
      toWebview({ type: 'resultPage', requestId, pageIndex, columns: a.columns, rows: packRows(chunk, a.columns.length), last: a.sent >= upTo });
      toWebview({ type: 'queryProgress', requestId, incompleteAttempts: 0, rowsSoFar: a.sent });
      setTimeout(step, 0);
      return;
    }
    toWebview({ type: 'queryDone', requestId, status: { rowCount: a.sent, elapsedMs: Math.round(performance.now() - a.started), progress: first ? 'Incomplete' : 'Complete', slsRequestId: '65A1B2C3D4E5F60718293A4B', hasSql: false, more: a.sent < a.total } });
  };
  step();
}

function receive(m: WebviewMessage): void {
  sent.push(m);
  switch (m.type) {
    case 'ready': {
      const presets: PresetInfo[] = QUERY_PRESETS.flatMap((p) => {
        const r = renderPreset(p, p.parameters.some((x) => x.kind === 'address') ? { ip: '10.0.0.1' } : { window: '600' });
        return r.ok ? [{ id: p.id, title: p.title, description: p.description, query: r.query, chart: p.chart }] : [];
      });
      toWebview({
        type: 'init',
        target: { kind: 'logstore', title: 'flowlog-prod-hz', regionId: 'cn-hangzhou', projectName: 'cen-flowlog-prod', logStoreName: 'flowlog-prod-hz', flowLogId: 'flowlog-m5evbtbpt****', cenId: 'cen-7qthudw0ll6jmc****', interval: 600, fields: FLOW_LOG_FIELDS.map((f) => ({ name: f.name, type: f.type })) },
        presets,
        history: ['dstport:443 and direction:out', '* | SELECT protocol, count(*) AS n FROM log GROUP BY protocol'],
      });
      const q = params.get('query');
      if (q !== null || params.get('run')) setTimeout(() => toWebview({ type: 'setQuery', query: q ?? '*', run: params.get('run') === '1', chart: params.get('tab') === 'chart' ? undefined : undefined }), 50);
      return;
    }
    case 'runQuery': return onRun(m);
    case 'loadMore': {
      const a = active;
      if (a && a.id === m.requestId) setTimeout(() => sendPages(m.requestId, m.all ? a.total : Math.min(a.total, a.sent + 500), false), 50);
      return;
    }
    case 'cancel':
      if (active?.id === m.requestId) {
        active = undefined;
        toWebview({ type: 'queryCancelled', requestId: m.requestId });
      }
      return;
    case 'export':
      toWebview({ type: 'exportState', state: 'started', rows: 0 });
      setTimeout(() => toWebview({ type: 'exportState', state: 'progress', rows: 12000 }), 200);
      return;
    case 'cancelExport':
      toWebview({ type: 'exportState', state: 'cancelled', rows: 0 });
      return;
    case 'facet': {
      // A made-up facet: the real one is an SQL aggregation on Log Service (src/views/workbench/facetRunner.ts).
      const values = ['443', '22', '80', '3306', '8080'].map((value, i) => ({ value, count: 5000 >> i, bytes: (5000 >> i) * 1400 }));
      setTimeout(() => toWebview({ type: 'facetResult', requestId: m.requestId, field: m.field, values, stats: { min: 22, max: 8080, percentiles: [{ p: 0.5, value: 443 }, { p: 0.9, value: 3306 }, { p: 0.99, value: 8080 }] } }), 150);
      return;
    }
    case 'cancelFacets':
    case 'columnsChanged':
    case 'stateChanged':
    case 'saveQuery':
    case 'pickSavedQuery':
    case 'showError':
      return;
  }
}

(window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({
  postMessage: (m: WebviewMessage) => setTimeout(() => receive(m), 0),
  getState: () => state,
  setState: (s: unknown) => (state = s),
});

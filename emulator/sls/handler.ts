/**
 * The Log Service HTTP API of the emulator: project from the Host header, signature v1 checked
 * for every request, faults injected like the real service's throttling and 5xx, and the
 * JSON shapes @alicloud/sls20201230 reads (errors as {errorCode, errorMessage} + x-log-requestid).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from '../context';
import { regionName } from '../../src/flowlogs/catalog';
import { QueryError } from '../sql/queryError';
import { canonicalResource, sign, signatureMethodOf, stringToSign } from './signature';
import { parseQueryString, parseSlsHost } from './wireQuery';
import { encodeAnswer } from './answerEncoding';
import { DEFAULT_REGION, type IndexConfig, type IndexKeyConfig, type Logstore, type Project, type QueryAnswer, type SlsResult } from './store';

class SlsHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function fail<T>(r: SlsResult<T>): T {
  if (!r.ok) throw new SlsHttpError(r.status, r.code, r.message);
  return r.value;
}

/** A region the emulator knows by name (any region Alibaba Cloud has; the service decides the rest). */
function knownRegion(id: string): boolean {
  return regionName(id) !== id;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

interface SlsRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Map<string, string | undefined>;
  readonly body: Buffer;
  readonly project?: string;
  readonly region?: string;
  readonly accountId: string;
}

export async function handleSlsRequest(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = randomBytes(12).toString('hex').toUpperCase();
  const send = (status: number, body: unknown, headers: Record<string, string> = {}, compressible = false): void => {
    const text = body === undefined ? '' : JSON.stringify(body);
    const encoded = encodeAnswer(text, compressible ? req.headers['accept-encoding'] : undefined);
    res.writeHead(status, {
      'content-type': 'application/json',
      'x-log-requestid': requestId,
      'content-length': String(encoded.bytes.length),
      ...encoded.headers,
      ...headers,
    });
    res.end(encoded.bytes);
  };
  try {
    const [rawPath, rawQuery = ''] = (req.url ?? '/').split('?', 2);
    const body = await readBody(req);
    const decision = ctx.faults.decide('sls');
    if (ctx.faults.latencyMs > 0) await new Promise((r) => setTimeout(r, ctx.faults.latencyMs));
    switch (decision.type) {
      case 'drop':
        req.socket.destroy();
        return;
      case 'throttle':
        throw new SlsHttpError(403, 'QpsLimit', 'Qps limit for the project is exceeded, please retry later.');
      case 'serverError':
        throw decision.status === 503
          ? new SlsHttpError(503, 'ServerBusy', 'The server is busy, please try again later.')
          : new SlsHttpError(500, 'InternalServerError', 'Internal server error, please retry later.');
      case 'none':
        break;
    }
    const query = parseQueryString(rawQuery);
    const path = decodeURIComponent(rawPath);
    const accountId = authenticate(ctx, req, path, query, body);
    const { project, region } = parseSlsHost(String(req.headers.host ?? ''), knownRegion);
    const r: SlsRequest = { method: req.method ?? 'GET', path, query, body, project, region, accountId };
    const answer = await route(ctx, r);
    send(answer.status ?? 200, answer.body, answer.headers, answer.compressible === true);
  } catch (e) {
    if (e instanceof SlsHttpError) return send(e.status, { errorCode: e.code, errorMessage: e.message });
    if (e instanceof QueryError) {
      return send(400, { errorCode: e.code, errorMessage: e.message });
    }
    ctx.log(`sls: unexpected error: ${e instanceof Error ? e.stack : String(e)}`);
    send(500, { errorCode: 'InternalServerError', errorMessage: 'The emulator failed on this request.' });
  }
}

function authenticate(
  ctx: EmulatorContext,
  req: IncomingMessage,
  path: string,
  query: Map<string, string | undefined>,
  body: Buffer,
): string {
  const auth = String(req.headers.authorization ?? '');
  const m = /^LOG ([^:]+):(.+)$/.exec(auth);
  if (!m) throw new SlsHttpError(401, 'Unauthorized', 'The request is not signed: missing or malformed Authorization header.');
  const account = ctx.accounts.byAccessKeyId(m[1]);
  if (!account) throw new SlsHttpError(401, 'Unauthorized', `AccessKeyId not found: ${m[1]}`);
  const method = signatureMethodOf(req.headers);
  if (!method) throw new SlsHttpError(400, 'ParameterInvalid', 'x-log-signaturemethod must be hmac-sha1 or hmac-sha256');
  const expected = sign(method, account.accessKeySecret, stringToSign(req.method ?? 'GET', req.headers, canonicalResource(path, query)));
  if (expected !== m[2]) {
    throw new SlsHttpError(401, 'SignatureNotMatch', `signature ${m[2]} not match`);
  }
  checkRequestTime(String(req.headers.date ?? ''), ctx.now());
  checkSecurityToken(req.headers['x-acs-security-token']);
  const md5 = req.headers['content-md5'];
  if (body.length > 0 && typeof md5 === 'string' && md5 !== '' && createHash('md5').update(body).digest('hex').toUpperCase() !== md5) {
    throw new SlsHttpError(400, 'InvalidContentMD5', 'content-md5 does not match the body');
  }
  return account.accountId;
}

/** Log Service refuses a signed request whose Date is 15 minutes or more off its clock (api-current.md §4.2). */
const MAX_CLOCK_SKEW_MS = 15 * 60_000;

function checkRequestTime(date: string, nowMs: number): void {
  const sent = Date.parse(date);
  if (date === '' || Number.isNaN(sent)) return;
  if (Math.abs(sent - nowMs) > MAX_CLOCK_SKEW_MS) {
    throw new SlsHttpError(400, 'RequestTimeExpired', `Request time ${date} has been expired while server time is ${new Date(nowMs).toUTCString()}.`);
  }
}

/**
 * STS tokens are opaque to the emulator, which issues none: it takes any token, except those it is
 * told are expired (prefix `expired:`, the emulator's convention) — answered as Log Service does.
 */
function checkSecurityToken(token: string | string[] | undefined): void {
  const value = Array.isArray(token) ? token.join(',') : token;
  if (value?.startsWith('expired:')) throw new SlsHttpError(401, 'Unauthorized', 'The security token you provided has expired.');
}

interface Answer {
  readonly body: unknown;
  readonly status?: number;
  readonly headers?: Record<string, string>;
  /** Sent compressed when the request's Accept-Encoding asks (GetLogsV2, as Log Service does). */
  readonly compressible?: true;
}

function jsonBody(r: SlsRequest): Record<string, unknown> {
  if (r.body.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(r.body.toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new SlsHttpError(400, 'PostBodyInvalid', 'The request body is not a JSON object.');
}

function intParam(value: unknown, name: string, fallback?: number): number {
  if (value === undefined || value === null || value === '') {
    if (fallback === undefined) throw new SlsHttpError(400, 'ParameterInvalid', `${name} is required`);
    return fallback;
  }
  const n = Number(value);
  if (!Number.isInteger(n)) throw new SlsHttpError(400, 'ParameterInvalid', `${name} must be an integer, got ${String(value)}`);
  return n;
}

function boolParam(value: unknown): boolean {
  return value === true || value === 'true';
}

function projectJson(p: Project): Record<string, unknown> {
  return {
    projectName: p.name,
    description: p.description,
    region: p.region,
    owner: p.accountId,
    status: 'Normal',
    createTime: String(p.createTime),
    lastModifyTime: String(p.createTime),
    dataRedundancyType: 'LRS',
    resourceGroupId: 'rg-default',
  };
}

async function route(ctx: EmulatorContext, r: SlsRequest): Promise<Answer> {
  const store = ctx.sls;
  if (!r.project) {
    if (r.path !== '/') throw new SlsHttpError(404, 'ParameterInvalid', `no API at ${r.method} ${r.path} without a project in the host`);
    if (r.method === 'GET') {
      const offset = intParam(r.query.get('offset'), 'offset', 0);
      const size = Math.min(500, intParam(r.query.get('size'), 'size', 100));
      const filter = r.query.get('projectName') ?? '';
      const mine = [...store.projects.values()].filter(
        (p) => p.accountId === r.accountId && (!r.region || p.region === r.region) && p.name.includes(filter),
      );
      const page = mine.slice(offset, offset + size);
      return { body: { count: page.length, total: mine.length, projects: page.map(projectJson) } };
    }
    if (r.method === 'POST') {
      const b = jsonBody(r);
      const name = typeof b.projectName === 'string' ? b.projectName : '';
      fail(store.createProject(r.accountId, name, r.region ?? DEFAULT_REGION, typeof b.description === 'string' ? b.description : ''));
      return { body: undefined };
    }
    throw new SlsHttpError(400, 'ParameterInvalid', `unsupported method ${r.method} on /`);
  }

  const project = fail(store.projectOf(r.accountId, r.project));
  const parts = r.path.split('/').filter(Boolean);
  if (parts.length === 0 && r.method === 'GET') return { body: projectJson(project) };
  if (parts[0] !== 'logstores') throw new SlsHttpError(400, 'ParameterInvalid', `the emulator does not serve ${r.method} ${r.path}`);

  if (parts.length === 1) {
    if (r.method === 'GET') {
      const offset = intParam(r.query.get('offset'), 'offset', 0);
      const size = Math.min(500, intParam(r.query.get('size'), 'size', 200));
      const filter = r.query.get('logstoreName') ?? '';
      const names = [...project.logstores.keys()].filter((n) => n.includes(filter)).sort();
      const page = names.slice(offset, offset + size);
      return { body: { count: page.length, total: names.length, logstores: page } };
    }
    if (r.method === 'POST') {
      const b = jsonBody(r);
      fail(
        store.createLogstore(
          project,
          typeof b.logstoreName === 'string' ? b.logstoreName : '',
          intParam(b.ttl, 'ttl', 30),
          intParam(b.shardCount, 'shardCount', 2),
        ),
      );
      return { body: undefined };
    }
  }
  const ls = fail(store.logstoreOf(project, parts[1]));
  const type = r.query.get('type');
  if (parts.length === 2 && r.method === 'GET') {
    if (type === 'log') return getLogs(ctx, r, project, ls);
    return { body: logstoreJson(ls) };
  }
  if (parts.length === 3 && parts[2] === 'index') {
    if (r.method === 'GET' && type === 'histogram') return getHistograms(ctx, r, project, ls);
    if (r.method === 'GET') {
      if (!ls.index) throw new SlsHttpError(404, 'IndexConfigNotExist', 'index config doesn\'t exist');
      return { body: indexJson(ls.index, ls) };
    }
    if (r.method === 'POST' || r.method === 'PUT') {
      if (r.method === 'POST' && ls.index) throw new SlsHttpError(400, 'IndexAlreadyExist', 'log store index is already created');
      ls.index = parseIndex(jsonBody(r), ctx.now());
      return { body: undefined };
    }
  }
  if (parts.length === 3 && parts[2] === 'logs' && r.method === 'POST') return getLogsV2(ctx, r, project, ls);
  throw new SlsHttpError(400, 'ParameterInvalid', `the emulator does not serve ${r.method} ${r.path}`);
}

function logstoreJson(ls: Logstore): Record<string, unknown> {
  return {
    logstoreName: ls.name, ttl: ls.ttl, shardCount: ls.shardCount, createTime: ls.createTime, lastModifyTime: ls.createTime,
    autoSplit: true, maxSplitShard: 64, appendMeta: true, enable_tracking: false, telemetryType: '', mode: 'standard',
  };
}

function indexJson(index: IndexConfig, ls: Logstore): Record<string, unknown> {
  return { keys: index.keys, line: index.line, ttl: ls.ttl, lastModifyTime: index.lastModifyTime, storage: 'pg', index_mode: 'v2', max_text_len: 2048, log_reduce: false };
}

function parseIndex(b: Record<string, unknown>, now: number): IndexConfig {
  const keysIn = b.keys;
  if (keysIn !== undefined && (typeof keysIn !== 'object' || keysIn === null)) {
    throw new SlsHttpError(400, 'ParameterInvalid', 'index keys must be an object');
  }
  const keys: Record<string, IndexKeyConfig> = {};
  for (const [name, v] of Object.entries((keysIn ?? {}) as Record<string, unknown>)) {
    const type = typeof v === 'object' && v !== null ? (v as { type?: unknown }).type : undefined;
    if (type !== 'text' && type !== 'long' && type !== 'double' && type !== 'json') {
      throw new SlsHttpError(400, 'ParameterInvalid', `index key ${name}: type must be text, long, double or json`);
    }
    keys[name] = { ...(v as object), type } as IndexKeyConfig;
  }
  const line = typeof b.line === 'object' && b.line !== null ? (b.line as Record<string, unknown>) : undefined;
  return { keys, line, lastModifyTime: Math.floor(now / 1000) };
}

// ---- queries ------------------------------------------------------------------------------

interface QueryParams {
  from: number;
  to: number;
  query: string;
  line: number;
  offset: number;
  reverse: boolean;
}

function queryParams(get: (k: string) => unknown): QueryParams {
  const from = intParam(get('from'), 'from');
  const to = intParam(get('to'), 'to');
  if (from >= to) throw new SlsHttpError(400, 'ParameterInvalid', `from (${from}) must be earlier than to (${to})`);
  const line = intParam(get('line'), 'line', 100);
  if (line < 0 || line > 100) throw new SlsHttpError(400, 'ParameterInvalid', `line must be between 0 and 100, got ${line}`);
  const offset = intParam(get('offset'), 'offset', 0);
  if (offset < 0) throw new SlsHttpError(400, 'ParameterInvalid', `offset must not be negative, got ${offset}`);
  const q = get('query');
  // NUL ends the text inside the SQL engine; refuse it where it is, as a positioned error.
  const nul = typeof q === 'string' ? q.indexOf('\u0000') : -1;
  if (typeof q === 'string' && nul >= 0) throw QueryError.at(q, nul, 'the query contains a NUL character (U+0000)');
  return { from, to, query: typeof q === 'string' && q.trim() !== '' ? q : '*', line, offset, reverse: boolParam(get('reverse')) };
}

/** The fault "Incomplete for the first N calls of each distinct query". */
function incomplete(ctx: EmulatorContext, project: Project, ls: Logstore, kind: string, p: QueryParams): boolean {
  const n = ctx.faults.settings.incompletePolls;
  if (n <= 0) return false;
  let counts = pollCounts.get(ctx);
  if (!counts) pollCounts.set(ctx, (counts = new Map<string, number>()));
  const key = JSON.stringify([kind, project.name, ls.name, p]);
  const calls = (counts.get(key) ?? 0) + 1;
  counts.set(key, calls);
  return calls <= n;
}
/** Calls seen per distinct query, per emulator instance. */
const pollCounts = new WeakMap<EmulatorContext, Map<string, number>>();

function queryHeaders(a: QueryAnswer, progress: string, count: number): Record<string, string> {
  return {
    'x-log-progress': progress,
    'x-log-count': String(count),
    'x-log-processed-rows': String(a.processedRows),
    'x-log-elapsed-millisecond': String(a.elapsedMs),
    'x-log-has-sql': a.hasSql ? 'True' : 'False',
    // Header values must be printable Latin-1 on the wire: a multi-line or non-ASCII query is encoded.
    // Capped too: Node refuses an answer whose headers exceed 16 KB, which a huge query would cause.
    'x-log-agg-query': headerText(a.aggQuery),
    'x-log-where-query': headerText(a.whereQuery),
    'x-log-query-info': capped(asciiJson({ keys: a.columns }), asciiJson({ keys: [] })),
  };
}

const MAX_HEADER_TEXT = 2_048;

/** Percent-encoded (lone surrogates replaced first: encodeURIComponent throws on them) and capped. */
function headerText(text: string): string {
  const encoded = encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
  return encoded.length <= MAX_HEADER_TEXT ? encoded : encoded.slice(0, MAX_HEADER_TEXT).replace(/%[0-9A-F]?$/i, '');
}

function capped(value: string, fallback: string): string {
  return value.length <= MAX_HEADER_TEXT ? value : fallback;
}

/** JSON with every character outside printable ASCII escaped, so it is a valid header value. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

const EMPTY: QueryAnswer = { columns: [], columnTypes: [], rows: [], hasSql: false, processedRows: 0, elapsedMs: 0, whereQuery: '', aggQuery: '' };

async function getLogs(ctx: EmulatorContext, r: SlsRequest, project: Project, ls: Logstore): Promise<Answer> {
  const p = queryParams((k) => r.query.get(k));
  ctx.recordQuery({ api: 'GetLogs', project: project.name, logstore: ls.name, query: p.query, from: p.from, to: p.to });
  if (incomplete(ctx, project, ls, 'log', p)) return { body: [], headers: queryHeaders(EMPTY, 'Incomplete', 0) };
  const a = await ctx.sls.query(ls, p);
  return { body: a.rows, headers: queryHeaders(a, 'Complete', a.rows.length) };
}

async function getLogsV2(ctx: EmulatorContext, r: SlsRequest, project: Project, ls: Logstore): Promise<Answer> {
  const b = jsonBody(r);
  const p = queryParams((k) => b[k]);
  ctx.recordQuery({ api: 'GetLogsV2', project: project.name, logstore: ls.name, query: p.query, from: p.from, to: p.to });
  const a = incomplete(ctx, project, ls, 'log', p) ? undefined : await ctx.sls.query(ls, p);
  const answer = a ?? EMPTY;
  const progress = a ? 'Complete' : 'Incomplete';
  return {
    body: {
      meta: {
        progress,
        count: answer.rows.length,
        processedRows: answer.processedRows,
        elapsedMillisecond: answer.elapsedMs,
        hasSQL: answer.hasSql,
        whereQuery: answer.whereQuery,
        aggQuery: answer.aggQuery,
        keys: answer.columns,
        columnTypes: answer.columnTypes,
        isAccurate: true,
        limited: 0,
        cpuSec: 0,
        cpuCores: 0,
        mode: 0,
        telementryType: 'logging',
        terms: [],
        highlights: [],
      },
      data: answer.rows,
    },
    headers: queryHeaders(answer, progress, answer.rows.length),
    compressible: true,
  };
}

async function getHistograms(ctx: EmulatorContext, r: SlsRequest, project: Project, ls: Logstore): Promise<Answer> {
  const p = queryParams((k) => r.query.get(k));
  ctx.recordQuery({ api: 'GetHistograms', project: project.name, logstore: ls.name, query: p.query, from: p.from, to: p.to });
  const partial = incomplete(ctx, project, ls, 'histogram', p);
  const buckets = await ctx.sls.histogram(ls, p.from, p.to, p.query);
  const progress = partial ? 'Incomplete' : 'Complete';
  const body = buckets.map((b) => ({ from: b.from, to: b.to, count: partial ? 0 : b.count, progress }));
  const total = body.reduce((s, b) => s + b.count, 0);
  return { body, headers: { 'x-log-progress': progress, 'x-log-count': String(total) } };
}

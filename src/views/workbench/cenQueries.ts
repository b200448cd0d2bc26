/**
 * Queries over every flow log of a CEN. Search statements: each logstore's records newest first,
 * merged by __time__, each row naming its flow log and region. Analytic statements: planned by
 * src/query/cenMerge.ts, run on every logstore at once (the SLS client's shared limiter bounds the
 * requests in flight) and merged exactly. A logstore that fails or stays Incomplete is reported as
 * a shortfall and the others still answer. Free of `vscode`.
 */
import { t } from '@vscode/l10n';
import type { CallOptions } from '../../cloud/cenApi';
import { CloudError, isCloudError } from '../../cloud/cloudError';
import { raceAbort } from '../../cloud/retry';
import { packedQueryResult, recordsOf, type HistogramBucket, type QueryOptions, type QueryProgress, type SlsApi } from '../../cloud/slsApi';
import { errorText } from '../../errorText';
import { countedStatement } from '../../flowlogs/countedRecords';
import { FLOW_LOG_COLUMN, FLOW_LOG_REGION_COLUMN, type CenMember, type CountingNote, type FlowLogShortfall } from '../../protocol/messages';
import { mergeAnswers, type MergedAnswer, type PartialAnswer } from '../../query/cenAnswerMerge';
import { MAX_GROUPS_PER_LOGSTORE, SQL_DEFAULT_ROWS, planCenSql, type CenSqlPlan } from '../../query/cenMerge';
import { queryShape } from '../../query/queryShape';
import { packRows } from '../../results/packedRows';
import { cenCounting, everyCaptureNote, type CenCounting } from './cenCounting';
import { targetResult, type PagesOptions, type TargetQueries, type TargetRequest, type TargetResult } from './targetQuery';

/** Raw records per request (the service's maximum). */
const RAW_PAGE = 100;
/** SQL rows per page of one logstore's answer (LIMIT y, x takes x ≤ 10,000). */
const SQL_PAGE = 10_000;
/** How long a range's choice of counted records is reused (a compare or an export asks several times). */
const COUNTING_TTL_MS = 60_000;

function shortfallMessage(e: unknown): string {
  return isCloudError(e) ? e.userMessage : errorText(e);
}

function isCancel(e: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (isCloudError(e) && e.kind === 'cancelled');
}

function result(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  fields: { progress: QueryProgress; hasSql: boolean; shortfalls: readonly FlowLogShortfall[]; exhaustive?: boolean; counting: CountingNote },
): TargetResult {
  const base = packedQueryResult({ columns, packed: packRows(rows, columns.length), progress: fields.progress, count: rows.length, hasSql: fields.hasSql });
  return targetResult(base, fields.shortfalls, fields.exhaustive, fields.counting);
}

/** One member's records in the merge: a buffer refilled a page at a time. */
interface MemberStream {
  readonly member: CenMember;
  buffer: { time: number; record: Record<string, string> }[];
  offset: number;
  done: boolean;
}

/** The k-way merge of the members' raw pages, newest first (or oldest, as the request asks). */
class RawMerge {
  emitted = 0;
  readonly shortfalls = new Map<string, FlowLogShortfall>();
  private readonly streams: MemberStream[];

  constructor(
    private readonly sls: () => Promise<SlsApi>,
    members: readonly CenMember[],
    private readonly req: TargetRequest,
  ) {
    this.streams = members.map((member) => ({ member, buffer: [], offset: 0, done: false }));
  }

  private toSkip = 0;

  /** Starts `offset` records in (an export, or a panel whose merge was replaced). */
  skip(offset: number): void {
    this.toSkip = offset;
  }

  /** The next `n` merged records (fewer at the end). */
  async take(n: number, signal: AbortSignal | undefined): Promise<{ columns: string[]; rows: string[][]; exhausted: boolean }> {
    while (this.toSkip > 0) {
      const skipped = await this.takeNow(Math.min(RAW_PAGE, this.toSkip), signal);
      this.toSkip = skipped.exhausted || skipped.rows.length === 0 ? 0 : this.toSkip - skipped.rows.length;
    }
    return this.takeNow(n, signal);
  }

  private async takeNow(n: number, signal: AbortSignal | undefined): Promise<{ columns: string[]; rows: string[][]; exhausted: boolean }> {
    const picked: { stream: MemberStream; record: Record<string, string> }[] = [];
    const newestFirst = this.req.reverse !== false;
    while (picked.length < n) {
      await Promise.all(this.streams.filter((s) => s.buffer.length === 0 && !s.done).map((s) => this.refill(s, signal)));
      if (signal?.aborted) throw new CloudError({ kind: 'cancelled', message: t('Cancelled.') });
      let best: MemberStream | undefined;
      for (const s of this.streams) {
        const head = s.buffer[0];
        if (!head) continue;
        if (!best || (newestFirst ? head.time > best.buffer[0].time : head.time < best.buffer[0].time)) best = s;
      }
      if (!best) break;
      const next = best.buffer.shift();
      if (next) picked.push({ stream: best, record: next.record });
    }
    this.emitted += picked.length;
    const columns = [FLOW_LOG_COLUMN, FLOW_LOG_REGION_COLUMN];
    const seen = new Set(columns);
    for (const p of picked) {
      for (const k of Object.keys(p.record)) {
        if (seen.has(k)) continue;
        seen.add(k);
        columns.push(k);
      }
    }
    const rows = picked.map((p) => [p.stream.member.title, p.stream.member.regionId, ...columns.slice(2).map((c) => p.record[c] ?? '')]);
    return { columns, rows, exhausted: this.streams.every((s) => s.done && s.buffer.length === 0) };
  }

  private async refill(s: MemberStream, signal: AbortSignal | undefined): Promise<void> {
    const { member } = s;
    try {
      const sls = await this.sls();
      const page = await sls.query(
        { ...this.req, regionId: member.regionId, projectName: member.projectName, logStoreName: member.logStoreName, line: RAW_PAGE, offset: s.offset },
        { signal },
      );
      if (page.progress === 'Incomplete') this.shortfalls.set(member.flowLogId, { flowLog: member.title, kind: 'incomplete' });
      const records = recordsOf(page);
      s.offset += records.length;
      s.done = records.length < RAW_PAGE;
      s.buffer.push(...records.map((record) => ({ time: Number(record.__time__ ?? 0), record })));
    } catch (e) {
      if (isCancel(e, signal)) throw e;
      s.done = true;
      this.shortfalls.set(member.flowLogId, { flowLog: member.title, kind: 'failed', message: shortfallMessage(e) });
    }
  }
}

interface MergedSql {
  readonly answer: MergedAnswer;
  readonly shortfalls: readonly FlowLogShortfall[];
  readonly plan: CenSqlPlan;
  readonly counting: CountingNote;
}

export class CenQueries implements TargetQueries {
  private raw: { key: string; merge: RawMerge } | undefined;
  private sql: { key: string; merged: Promise<MergedSql> } | undefined;
  private counting: { key: string; at: number; value: Promise<CenCounting> } | undefined;

  constructor(
    private readonly sls: () => Promise<SlsApi>,
    readonly members: readonly CenMember[],
  ) {}

  /** A run's first page: always asked afresh (records may have arrived); load more and export continue from it. */
  async query(req: TargetRequest, opts?: QueryOptions): Promise<TargetResult> {
    this.raw = undefined;
    this.sql = undefined;
    if (queryShape(req.query).sql === undefined) {
      const merge = this.rawMerge(req, req.offset ?? 0);
      const page = await merge.take(Math.min(req.line ?? RAW_PAGE, RAW_PAGE), opts?.signal);
      return this.rawResult(merge, page);
    }
    const merged = await this.merged(req, opts?.signal);
    const { plan, answer } = merged;
    // Without LIMIT, SLS answers 100 rows; the merged groups beyond them come by "load more".
    const shown = plan.kind === 'grouped' && !plan.limit ? answer.rows.slice(0, SQL_DEFAULT_ROWS) : answer.rows;
    return result(answer.columns, shown, { progress: progressOf(merged.shortfalls), hasSql: true, shortfalls: merged.shortfalls, exhaustive: plan.kind === 'rows', counting: merged.counting });
  }

  async *queryPages(req: TargetRequest, opts?: PagesOptions): AsyncIterable<TargetResult> {
    const maxRows = opts?.maxRows ?? Number.POSITIVE_INFINITY;
    if (queryShape(req.query).sql === undefined) {
      const pageSize = Math.max(1, Math.min(RAW_PAGE, opts?.pageSize ?? RAW_PAGE));
      const merge = this.rawMerge(req, req.offset ?? 0);
      let sent = 0;
      while (sent < maxRows) {
        const page = await merge.take(Math.min(pageSize, maxRows - sent), opts?.signal);
        sent += page.rows.length;
        if (page.rows.length > 0) yield this.rawResult(merge, page);
        if (page.exhausted || page.rows.length === 0) return;
      }
      return;
    }
    const merged = await this.merged(req, opts?.signal);
    const rows = merged.answer.rows;
    const pageSize = Math.max(1, opts?.pageSize ?? SQL_PAGE);
    const end = Math.min(rows.length, maxRows);
    for (let at = 0; at < end; at += pageSize) {
      yield result(merged.answer.columns, rows.slice(at, Math.min(end, at + pageSize)), { progress: progressOf(merged.shortfalls), hasSql: true, shortfalls: merged.shortfalls, counting: merged.counting });
    }
  }

  /** Each flow log's histogram, added up per bucket (those that fail are left out: decoration). */
  async histogram(req: Omit<TargetRequest, 'line' | 'offset' | 'reverse'>, opts?: CallOptions): Promise<readonly HistogramBucket[]> {
    const sls = await this.sls();
    const answers = await Promise.allSettled(this.members.map((m) => sls.histogram({ ...req, regionId: m.regionId, projectName: m.projectName, logStoreName: m.logStoreName }, opts)));
    const byFrom = new Map<number, { from: number; to: number; count: number; progress: QueryProgress }>();
    for (const a of answers) {
      if (a.status !== 'fulfilled') continue;
      for (const b of a.value) {
        const sum = byFrom.get(b.from);
        if (sum) byFrom.set(b.from, { ...sum, count: sum.count + b.count, progress: sum.progress === 'Incomplete' ? 'Incomplete' : b.progress });
        else byFrom.set(b.from, { ...b });
      }
    }
    return [...byFrom.values()].sort((a, b) => a.from - b.from);
  }

  /** Decides now which records each member counts over `range`, so the Run pays one round trip instead of two. */
  async prepare(range: { readonly from: number; readonly to: number }): Promise<void> {
    // A failure is not kept (countingFor forgets it): the Run asks again and shows the error.
    await this.countingFor(range).catch(() => undefined);
  }

  /** The merge a request continues (same query and range, at the offset it reached), else a new one skipped to `offset`. */
  private rawMerge(req: TargetRequest, offset: number): RawMerge {
    const key = JSON.stringify([req.query, req.from, req.to, req.reverse !== false]);
    if (this.raw && this.raw.key === key && this.raw.merge.emitted === offset) return this.raw.merge;
    const merge = new RawMerge(this.sls, this.members, { query: req.query, from: req.from, to: req.to, reverse: req.reverse });
    this.raw = { key, merge };
    merge.skip(offset);
    return merge;
  }

  private rawResult(merge: RawMerge, page: { columns: string[]; rows: string[][] }): TargetResult {
    const shortfalls = [...merge.shortfalls.values()];
    return result(page.columns, page.rows, { progress: progressOf(shortfalls), hasSql: false, shortfalls, counting: everyCaptureNote() });
  }

  /** The merged answer of an analytic statement, computed once per query and range. */
  private merged(req: TargetRequest, signal: AbortSignal | undefined): Promise<MergedSql> {
    const key = JSON.stringify([req.query, req.from, req.to]);
    if (this.sql && this.sql.key === key) return this.sql.merged;
    const merged = this.runMerged(req, signal);
    this.sql = { key, merged };
    // A failed or cancelled run is not kept: the next asks again.
    merged.catch(() => {
      if (this.sql?.merged === merged) this.sql = undefined;
    });
    return merged;
  }

  private async runMerged(req: TargetRequest, signal: AbortSignal | undefined): Promise<MergedSql> {
    const analysis = planCenSql(req.query);
    if (!analysis) throw new Error(t('Not an analytic statement.'));
    if (!analysis.ok) {
      const first = analysis.problems[0];
      throw new CloudError({ kind: 'invalidInput', message: first?.message ?? t("This statement cannot be merged across the CEN's flow logs."), position: first ? { offset: first.from, length: first.to - first.from } : undefined });
    }
    const { plan } = analysis;
    const { search } = queryShape(req.query);
    // Each flow once, as the region map counts it: every member runs only on the records it is counted for.
    const counting = await raceAbort(this.countingFor(req), signal);
    const sls = await this.sls();
    const { filters } = counting;
    const runs = filters ? this.members.filter((m) => filters.has(m.flowLogId)) : this.members;
    const statementOf = (m: CenMember): string => {
      const filter = filters?.get(m.flowLogId);
      return filter === undefined ? `${search}| ${plan.statement}` : countedStatement(search, filter, plan.statement);
    };
    const settled = await Promise.allSettled(runs.map((m) => this.partial(sls, m, statementOf(m), req, signal)));
    if (signal?.aborted) throw new CloudError({ kind: 'cancelled', message: t('Cancelled.') });
    const answers: PartialAnswer[] = [];
    const shortfalls: FlowLogShortfall[] = [...counting.shortfalls];
    let firstError: unknown;
    settled.forEach((s, i) => {
      const member = runs[i];
      if (s.status === 'fulfilled') {
        answers.push(s.value);
        if (s.value.progress === 'Incomplete') shortfalls.push({ flowLog: member.title, kind: 'incomplete' });
      } else {
        if (isCancel(s.reason, signal)) throw s.reason;
        firstError ??= s.reason;
        shortfalls.push({ flowLog: member.title, kind: 'failed', message: shortfallMessage(s.reason) });
      }
    });
    // Nothing answered: the error itself says more than an empty grid.
    if (answers.length === 0 && firstError !== undefined) throw firstError;
    const answered = runs.filter((_, i) => settled[i].status === 'fulfilled');
    const extra = { names: [FLOW_LOG_COLUMN, FLOW_LOG_REGION_COLUMN], values: answered.map((m) => [m.title, m.regionId]) };
    return { plan, answer: mergeAnswers(plan, answers, extra), shortfalls, counting: counting.note };
  }

  /**
   * Which records each member contributes over the range; reused for a minute (a compare asks per
   * statement, the Run after `prepare`). Not cancelled with a run: the next run on the range wants it.
   */
  private countingFor(range: { readonly from: number; readonly to: number }): Promise<CenCounting> {
    const key = JSON.stringify([range.from, range.to]);
    if (this.counting && this.counting.key === key && Date.now() - this.counting.at < COUNTING_TTL_MS) return this.counting.value;
    const value = this.sls().then((sls) => cenCounting(sls, this.members, { from: range.from, to: range.to }));
    const entry = { key, at: Date.now(), value };
    this.counting = entry;
    // A failure is not kept: the next asks again.
    value.catch(() => {
      if (this.counting === entry) this.counting = undefined;
    });
    return value;
  }

  /** One logstore's whole answer to its part of the plan. */
  private async partial(sls: SlsApi, m: CenMember, statement: string, req: TargetRequest, signal: AbortSignal | undefined): Promise<PartialAnswer & { progress: QueryProgress }> {
    const rows: (readonly string[])[] = [];
    let columns: readonly string[] = [];
    let progress: QueryProgress = 'Complete';
    const ref = { regionId: m.regionId, projectName: m.projectName, logStoreName: m.logStoreName };
    for await (const page of sls.queryPages({ ...ref, query: statement, from: req.from, to: req.to }, { signal, pageSize: SQL_PAGE, maxRows: MAX_GROUPS_PER_LOGSTORE, concurrency: 1 })) {
      if (columns.length === 0) columns = page.columns;
      if (page.progress === 'Incomplete') progress = 'Incomplete';
      rows.push(...page.rows);
    }
    return { columns, rows, progress };
  }
}

function progressOf(shortfalls: readonly FlowLogShortfall[]): QueryProgress {
  return shortfalls.some((s) => s.kind === 'incomplete') ? 'Incomplete' : 'Complete';
}

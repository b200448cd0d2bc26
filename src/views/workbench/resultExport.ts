/**
 * Exports the whole result of a query (not only the rows the grid holds) by streaming pages from
 * Log Service into an ExportFileWriter. Free of `vscode`: the panel adds the save dialog and the
 * progress notification.
 */
import { t } from '@vscode/l10n';
import type { QueryResult } from '../../cloud/slsApi';
import type { PagesOptions } from './targetQuery';
import { queryShape } from '../../query/queryShape';
import { ExportFileWriter } from './exportFile';
import type { ExportFormat, ExportProvenance } from './exportFormat';
import { MAX_RESULT_ROWS, RAW_LINE, SQL_PAGE_ROWS } from './queryRunner';

export interface ExportOutcome {
  readonly rows: number;
  readonly complete: boolean;
}

/** Whatever pages a query's result: the SLS client for one logstore, or a target's queries (a CEN's). */
export interface PagedSource<R> {
  queryPages(req: R, opts?: PagesOptions): AsyncIterable<Pick<QueryResult, 'columns' | 'packed' | 'asciiText' | 'progress'>>;
}

export async function exportQueryResult<R extends { readonly query: string; readonly line?: number; readonly offset?: number }>(
  sls: PagedSource<R>,
  req: R,
  file: string,
  format: ExportFormat,
  provenance: ExportProvenance,
  opts: { signal: AbortSignal; onRows?: (rows: number) => void; maxRows?: number },
): Promise<ExportOutcome> {
  const writer = await ExportFileWriter.open(file, format, provenance);
  try {
    const hasSql = queryShape(req.query).sql !== undefined;
    let complete = true;
    const pages = sls.queryPages(
      hasSql ? { ...req, line: undefined, offset: undefined } : { ...req, line: RAW_LINE, offset: 0 },
      { signal: opts.signal, pageSize: hasSql ? SQL_PAGE_ROWS : RAW_LINE, maxRows: opts.maxRows ?? MAX_RESULT_ROWS, concurrency: hasSql ? 2 : 4 },
    );
    for await (const page of pages) {
      if (opts.signal.aborted) break;
      if (page.progress === 'Incomplete') complete = false;
      await writer.writePacked(page.columns, page);
      opts.onRows?.(writer.rowCount);
    }
    if (opts.signal.aborted) throw new ExportCancelled();
    await writer.commit(complete);
    return { rows: writer.rowCount, complete };
  } catch (e) {
    await writer.abort();
    throw e;
  }
}

export class ExportCancelled extends Error {
  constructor() {
    super(t('Export cancelled'));
    this.name = 'ExportCancelled';
  }
}

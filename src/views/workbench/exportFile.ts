/**
 * Streams an export to disk: rows go to a temporary file beside the target (same filesystem, so
 * the final rename is atomic) and only a completed export replaces the chosen file. A cancelled or
 * failed export leaves the target untouched and removes the temporary file.
 */
import { t } from '@vscode/l10n';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  csvDroppedColumnsNote,
  csvLine,
  csvPreamble,
  jsonEpilogue,
  jsonPreamble,
  jsonRow,
  type ExportFormat,
  type ExportProvenance,
} from './exportFormat';
import { csvBytes, exportScratch, fitsFastPath, jsonBytes } from './exportPacked';
import { recordsOf } from '../../cloud/slsApi';
import { unpackRows, type PackedBatch } from '../../results/packedRows';

export class ExportFileWriter {
  private rows = 0;
  private columns: readonly string[] | undefined;
  private readonly dropped = new Map<string, number>();
  private closed = false;
  private readonly scratch = exportScratch();

  private constructor(
    private readonly stream: WriteStream,
    private readonly tempPath: string,
    readonly finalPath: string,
    private readonly format: ExportFormat,
    private readonly provenance: ExportProvenance,
  ) {}

  static async open(finalPath: string, format: ExportFormat, provenance: ExportProvenance): Promise<ExportFileWriter> {
    const tempPath = join(dirname(finalPath), `.${basename(finalPath)}.${randomBytes(4).toString('hex')}.part`);
    const stream = createWriteStream(tempPath, { flags: 'wx', encoding: 'utf8' });
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
    return new ExportFileWriter(stream, tempPath, finalPath, format, provenance);
  }

  get rowCount(): number {
    return this.rows;
  }

  /**
   * Appends a batch. The first batch fixes the column set (`columns` plus any key of its rows);
   * CSV cannot widen its header later, so values of later-appearing fields are counted and named
   * in a closing note instead. JSON keeps every field of every row.
   */
  async writeRows(columns: readonly string[], rows: readonly Readonly<Record<string, string>>[]): Promise<void> {
    if (this.closed) throw new Error(t('export already finished'));
    let cols = this.columns;
    if (!cols) {
      const set = new Set(columns);
      for (const r of rows) for (const k of Object.keys(r)) set.add(k);
      cols = await this.start([...set]);
    }
    let chunk = '';
    for (const row of rows) {
      switch (this.format) {
        case 'csv':
          chunk += csvLine(cols.map((c) => row[c] ?? ''));
          for (const k of Object.keys(row)) if (!cols.includes(k)) this.dropped.set(k, (this.dropped.get(k) ?? 0) + 1);
          break;
        case 'json':
          chunk += jsonRow(row, this.rows === 0);
          break;
      }
      this.rows++;
      // Flush in bounded chunks so memory stays flat however large the export is.
      if (chunk.length > 1 << 20) {
        await this.write(chunk);
        chunk = '';
      }
    }
    if (chunk) await this.write(chunk);
  }

  /**
   * Appends a page of packed rows (what the SLS client reads): written from the page's text as
   * bytes when it is ASCII (exportPacked.ts), else through writeRows — the same bytes either way.
   */
  async writePacked(columns: readonly string[], batch: PackedBatch): Promise<void> {
    if (this.closed) throw new Error(t('export already finished'));
    const { packed } = batch;
    if (!fitsFastPath(columns, batch)) return this.writeRows(columns, recordsOf({ columns, rows: unpackRows(packed) }));
    const header = this.columns ?? (await this.start([...columns]));
    if (packed.rowCount === 0) return;
    let bytes: Buffer;
    switch (this.format) {
      case 'csv':
        bytes = csvBytes(header, columns, batch, this.dropped, this.scratch);
        break;
      case 'json':
        bytes = jsonBytes(columns, batch, this.rows === 0, this.scratch);
        break;
    }
    this.rows += packed.rowCount;
    // The bytes live in a buffer the next page reuses: wait until this write has been handed on.
    await this.write(bytes);
  }

  /** Fixes the export's columns (the first batch's) and writes what comes before the rows. */
  private async start(columns: readonly string[]): Promise<readonly string[]> {
    this.columns = columns;
    await this.write(this.format === 'csv' ? csvPreamble(this.provenance) + csvLine(columns) : jsonPreamble(this.provenance, columns));
    return columns;
  }

  /** Finishes the file and moves it over the chosen path. */
  async commit(complete: boolean): Promise<void> {
    if (this.closed) throw new Error(t('export already finished'));
    if (!this.columns) await this.writeRows([], []);
    await this.write(this.format === 'csv' ? csvDroppedColumnsNote(this.dropped) : jsonEpilogue(this.rows, complete));
    this.closed = true;
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
    await rename(this.tempPath, this.finalPath);
  }

  /** Drops the partial file; the chosen path is left as it was. Safe to call more than once. */
  async abort(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      if (!this.stream.closed) {
        await new Promise<void>((resolve) => {
          this.stream.once('close', () => resolve());
          this.stream.destroy();
        });
      }
    }
    await unlink(this.tempPath).catch(() => undefined);
  }

  private write(text: string | Buffer): Promise<void> {
    if (text.length === 0) return Promise.resolve();
    // The callback fires once this chunk is handed to the OS: natural backpressure.
    return new Promise<void>((resolve, reject) => this.stream.write(text, (err) => (err ? reject(err) : resolve())));
  }
}

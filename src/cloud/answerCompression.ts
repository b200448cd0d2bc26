/**
 * GetLogsV2 answers arrive compressed: the SDK asks for lz4 (`Accept-Encoding`) and Log Service
 * answers with `x-log-compresstype` and the size before compression in `x-log-bodyrawsize`. The
 * SDK's gateway would inflate the answer on the extension host's thread into a new buffer; the
 * client keeps it compressed (sdk.ts) and the decoder inflates it here, on its worker thread for
 * large answers, into a buffer it reuses.
 */
import { t } from '@vscode/l10n';
import { unzipSync } from 'node:zlib';
import { uncompressBlockInto } from './lz4Block';
import { unexpected } from './slsWire';
import { errorText } from '../errorText';

export type CompressionType = 'lz4' | 'deflate' | 'gzip';

export interface AnswerCompression {
  readonly type: CompressionType;
  /** Bytes after inflating (x-log-bodyrawsize). */
  readonly rawSize: number;
}

const TYPES: readonly string[] = ['lz4', 'deflate', 'gzip'] satisfies CompressionType[];

/** The compression an answer's headers announce; undefined when it is sent as is. */
export function compressionOf(headers: Readonly<Record<string, unknown>> | undefined): AnswerCompression | undefined {
  const type = headers?.['x-log-compresstype'];
  const raw = headers?.['x-log-bodyrawsize'];
  if (typeof type !== 'string' || type === '' || raw === undefined) return undefined;
  const rawSize = Number(raw);
  if (!TYPES.includes(type)) throw unexpected(t('the answer is compressed as "{0}", which this extension cannot read', type));
  if (!Number.isSafeInteger(rawSize) || rawSize < 0) throw unexpected(`x-log-bodyrawsize is "${String(raw)}"`);
  return { type: type as CompressionType, rawSize };
}

let scratch = Buffer.allocUnsafe(0);

/**
 * The answer's bytes as sent before compression. The result of an lz4 answer lives in a buffer
 * the next call on this thread reuses: read it before inflating another.
 */
export function inflateAnswer(bytes: Buffer, compression: AnswerCompression | undefined): Buffer {
  if (!compression) return bytes;
  const { type, rawSize } = compression;
  let out: Buffer;
  try {
    switch (type) {
      case 'lz4':
        if (scratch.length < rawSize) scratch = Buffer.allocUnsafe(Math.max(rawSize, Math.ceil(scratch.length * 1.5)));
        out = scratch.subarray(0, rawSize);
        uncompressBlockInto(bytes, out);
        break;
      case 'deflate':
      case 'gzip':
        // As the SDK's gateway does for both (zlib's inflate); unzip also reads a gzip header.
        out = unzipSync(bytes);
        break;
    }
  } catch (e) {
    throw unexpected(t('the {0} answer could not be decompressed ({1})', type, errorText(e)));
  }
  if (out.length !== rawSize) throw unexpected(t('the {0} answer inflated to {1} bytes, x-log-bodyrawsize says {2}', type, out.length, rawSize));
  return out;
}


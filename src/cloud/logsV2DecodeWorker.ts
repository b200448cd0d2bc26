/**
 * Worker thread entry (bundled as dist/logsV2DecodeWorker.js): reads GetLogsV2 answers into packed
 * rows with the same reader the client uses inline, from bytes the client shares with it (inflated
 * first when the answer came compressed).
 */
import { parentPort } from 'node:worker_threads';
import { inflateAnswer } from './answerCompression';
import { readLogsV2BytesForTransfer } from './slsWireBytes';
import type { DecodeReply, DecodeRequest } from './logsV2Decoding';
import { errorText } from '../errorText';

parentPort?.on('message', (m: DecodeRequest) => {
  let reply: DecodeReply;
  try {
    const answer = readLogsV2BytesForTransfer(inflateAnswer(Buffer.from(m.bytes, m.offset, m.length), m.compression)) ?? null;
    reply = { id: m.id, answer };
  } catch (e) {
    reply = { id: m.id, answer: null, failed: errorText(e) };
  }
  // The lengths and text bytes are the reader's own new arrays: moved, not copied.
  const moved = reply.answer ? [reply.answer.packed.lengths.buffer, reply.answer.asciiText?.buffer].filter((x): x is ArrayBuffer => x instanceof ArrayBuffer) : [];
  parentPort?.postMessage(reply, moved);
});

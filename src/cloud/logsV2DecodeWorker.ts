/**
 * Worker thread entry (bundled as dist/logsV2DecodeWorker.js): reads GetLogsV2 answers into packed
 * rows with the same reader the client uses inline, from bytes the client shares with it.
 */
import { parentPort } from 'node:worker_threads';
import { readLogsV2Bytes } from './slsWireBytes';
import type { DecodeReply, DecodeRequest } from './logsV2Decoding';

parentPort?.on('message', (m: DecodeRequest) => {
  let reply: DecodeReply;
  try {
    const answer = readLogsV2Bytes(Buffer.from(m.bytes, 0, m.length)) ?? null;
    reply = { id: m.id, answer };
  } catch (e) {
    reply = { id: m.id, answer: null, failed: e instanceof Error ? e.message : String(e) };
  }
  // The lengths' buffer is the reader's own new array: moved, not copied.
  parentPort?.postMessage(reply, reply.answer ? [reply.answer.packed.lengths.buffer as ArrayBuffer] : []);
});

/**
 * The emulator's SLS gateway checked with hand-signed requests: hmac-sha1 (as @alicloud/log
 * signs) and hmac-sha256, the resource with sorted un-encoded query values, and the refusals a
 * real project gives (unsigned, unknown key, wrong signature, another account's project).
 */
import '../support/localhost-resolver.cjs';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { request } from 'node:http';
import { inflateSync } from 'node:zlib';
import { uncompressSync } from 'lz4-napi';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { NOT_WHITELISTED_ACCOUNT, OWNER_ACCOUNT, type EmulatorAccount } from '../../emulator/accounts';

let emu: TestEmulator;
let project: string;
before(async () => {
  emu = await startTestEmulator({ historyDays: 0 });
  project = emu.context.cen.listFlowLogs()[0].projectName;
});
after(() => emu.close());

interface Signed {
  method: 'GET' | 'POST';
  host: string;
  path: string;
  query?: Record<string, string>;
  body?: string;
  account?: EmulatorAccount;
  algorithm?: 'sha1' | 'sha256';
  tamper?: boolean;
  unsigned?: boolean;
  acceptEncoding?: string;
}

/** Signs exactly as api.md §2 describes, independently of the SDK's code. */
function send(s: Signed): Promise<{ status: number; body: Record<string, unknown>; headers: Record<string, unknown>; raw: Buffer }> {
  const account = s.account ?? OWNER_ACCOUNT;
  const headers: Record<string, string> = {
    date: new Date().toUTCString(),
    'x-log-apiversion': '0.6.0',
    'x-log-signaturemethod': s.algorithm === 'sha256' ? 'hmac-sha256' : 'hmac-sha1',
    'x-log-bodyrawsize': String(Buffer.byteLength(s.body ?? '')),
    host: s.host,
  };
  if (s.acceptEncoding) headers['accept-encoding'] = s.acceptEncoding;
  if (s.body) {
    headers['content-type'] = 'application/json';
    headers['content-md5'] = createHash('md5').update(s.body).digest('hex').toUpperCase();
  }
  const query = s.query ?? {};
  const keys = Object.keys(query).sort();
  const resource = s.path + (keys.length ? '?' + keys.map((k) => `${k}=${query[k]}`).join('&') : '');
  const logHeaders = Object.keys(headers).filter((k) => k.startsWith('x-log-') || k.startsWith('x-acs-')).sort().map((k) => `${k}:${headers[k]}\n`).join('');
  const text = `${s.method}\n${headers['content-md5'] ?? ''}\n${headers['content-type'] ?? ''}\n${headers.date}\n${logHeaders}${resource}`;
  const signature = createHmac(s.algorithm ?? 'sha1', account.accessKeySecret).update(text).digest('base64');
  // Tampered: the first character changed (one in 64 signatures starts with 'x', so not always to 'x').
  const tampered = (signature[0] === 'x' ? 'y' : 'x') + signature.slice(1);
  if (!s.unsigned) headers.authorization = `LOG ${account.accessKeyId}:${s.tamper ? tampered : signature}`;
  const qs = keys.map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(query[k])}`).join('&');
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: emu.port, method: s.method, path: s.path + (qs ? '?' + qs : ''), headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        // A compressed answer is left to the test to inflate.
        const body = raw.length && !res.headers['x-log-compresstype'] ? (JSON.parse(raw.toString()) as Record<string, unknown>) : {};
        resolve({ status: res.statusCode ?? 0, body, headers: res.headers, raw });
      });
    });
    req.on('error', reject);
    req.end(s.body);
  });
}

const host = (p?: string): string => (p ? `${p}.localhost:${emu.port}` : `localhost:${emu.port}`);

test('hmac-sha1 and hmac-sha256 signatures are both accepted', async () => {
  for (const algorithm of ['sha1', 'sha256'] as const) {
    const r = await send({ method: 'GET', host: host(project), path: '/', algorithm });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.projectName, project);
  }
});

test('query values are signed un-encoded and sorted', async () => {
  const now = Math.floor(Date.now() / 1000);
  const ls = emu.context.cen.listFlowLogs()[0].logStoreName;
  const r = await send({
    method: 'GET', host: host(project), path: `/logstores/${ls}`,
    query: { type: 'log', from: String(now - 600), to: String(now), query: 'dstport:443 and "src-region-id":cn* | select count(*) as n', line: '100', offset: '0' },
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.headers['x-log-progress'], 'Complete');
  assert.ok(Array.isArray(r.body));
});

test('GetLogsV2 answers are compressed as Accept-Encoding asks (lz4, deflate), and sent as they are otherwise', async () => {
  const now = Math.floor(Date.now() / 1000);
  const ls = emu.context.cen.listFlowLogs()[0].logStoreName;
  const body = JSON.stringify({ from: now - 3600, to: now, query: '* | select srcaddr, dstaddr, bytes limit 50', line: 50, offset: 0, reverse: false });
  const ask = (acceptEncoding?: string) => send({ method: 'POST', host: host(project), path: `/logstores/${ls}/logs`, body, acceptEncoding });
  const plain = await ask();
  assert.equal(plain.status, 200, plain.raw.toString());
  assert.equal(plain.headers['x-log-compresstype'], undefined);
  assert.equal((plain.body.meta as { progress: string }).progress, 'Complete');
  assert.ok(Array.isArray(plain.body.data));
  // The same answer (elapsedMillisecond aside, which differs from call to call).
  const same = (text: string): void => {
    const { meta, data } = JSON.parse(text) as { meta: Record<string, unknown>; data: unknown };
    assert.deepEqual({ ...meta, elapsedMillisecond: 0, data }, { ...(plain.body.meta as Record<string, unknown>), elapsedMillisecond: 0, data: plain.body.data });
  };

  const lz4 = await ask('lz4');
  assert.equal(lz4.headers['x-log-compresstype'], 'lz4');
  const rawSize = Number(lz4.headers['x-log-bodyrawsize']);
  // The wire carries a bare LZ4 block: lz4-napi wants the size in front.
  const sized = Buffer.concat([Buffer.alloc(4), lz4.raw]);
  sized.writeUInt32LE(rawSize, 0);
  const inflated = uncompressSync(sized);
  assert.equal(inflated.length, rawSize);
  same(inflated.toString());

  const deflated = await ask('zstd, deflate');
  assert.equal(deflated.headers['x-log-compresstype'], 'deflate');
  assert.equal(deflated.headers['x-log-bodyrawsize'], String(inflateSync(deflated.raw).length));
  same(inflateSync(deflated.raw).toString());
});

test('a POST body is covered by content-md5', async () => {
  const r = await send({ method: 'POST', host: host(), path: '/', body: JSON.stringify({ projectName: 'signed-by-hand', description: 'x' }) });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.ok(emu.context.sls.projects.has('signed-by-hand'));
});

test('refusals: unsigned, unknown key, wrong signature, another account\'s project', async () => {
  const unsigned = await send({ method: 'GET', host: host(project), path: '/', unsigned: true });
  assert.equal(unsigned.status, 401);
  assert.equal(unsigned.body.errorCode, 'Unauthorized');
  assert.ok(unsigned.headers['x-log-requestid']);

  const unknown = await send({ method: 'GET', host: host(project), path: '/', account: { ...OWNER_ACCOUNT, accessKeyId: 'LTAInobody' } });
  assert.equal(unknown.body.errorCode, 'Unauthorized');

  const wrong = await send({ method: 'GET', host: host(project), path: '/', tamper: true });
  assert.equal(wrong.status, 401);
  assert.equal(wrong.body.errorCode, 'SignatureNotMatch');
  assert.ok(!JSON.stringify(wrong.body).includes(OWNER_ACCOUNT.accessKeySecret));

  const foreign = await send({ method: 'GET', host: host(project), path: '/', account: NOT_WHITELISTED_ACCOUNT });
  assert.equal(foreign.status, 401);
  assert.equal(foreign.body.errorCode, 'Unauthorized');

  const missing = await send({ method: 'GET', host: host('no-such-project'), path: '/' });
  assert.equal(missing.status, 404);
  assert.equal(missing.body.errorCode, 'ProjectNotExist');
});

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
}

/** Signs exactly as api.md §2 describes, independently of the SDK's code. */
function send(s: Signed): Promise<{ status: number; body: Record<string, unknown>; headers: Record<string, unknown> }> {
  const account = s.account ?? OWNER_ACCOUNT;
  const headers: Record<string, string> = {
    date: new Date().toUTCString(),
    'x-log-apiversion': '0.6.0',
    'x-log-signaturemethod': s.algorithm === 'sha256' ? 'hmac-sha256' : 'hmac-sha1',
    'x-log-bodyrawsize': String(Buffer.byteLength(s.body ?? '')),
    host: s.host,
  };
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
      let data = '';
      res.on('data', (c: Buffer) => (data += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data ? (JSON.parse(data) as Record<string, unknown>) : {}, headers: res.headers }));
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
    query: { type: 'log', from: String(now - 600), to: String(now), query: 'dstport:443 and "log-status":OK | select count(*) as n', line: '100', offset: '0' },
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.headers['x-log-progress'], 'Complete');
  assert.ok(Array.isArray(r.body));
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

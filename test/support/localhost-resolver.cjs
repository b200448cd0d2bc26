// Makes `<anything>.localhost` resolve to 127.0.0.1 inside this Node process.
//
// Why: the Log Service SDKs always put the project in the host name (`<project>.<endpoint>`), so
// a client of the local emulator connects to e.g. `flowlog-demo.localhost:PORT`. RFC 6761 says
// every `*.localhost` name is loopback, but glibc's resolver (used by Node's dns.lookup) does not
// implement that and answers ENOTFOUND. This hook patches dns.lookup / dns.promises.lookup for
// `*.localhost` only; every other name goes to the original resolver.
//
// Load it before anything connects:   node --require ./test/support/localhost-resolver.cjs …
// or NODE_OPTIONS="--require /abs/path/localhost-resolver.cjs" (the e2e harness and `npm start`
// do this for code-server), or `import '../support/localhost-resolver.cjs'` at the top of a test.
// Plain CommonJS with no dependencies on purpose: it must load in any Node process as is.
'use strict';

const dns = require('node:dns');

const PATCHED = Symbol.for('cen-flow-logs.localhost-resolver');

function isLocalhostSubdomain(hostname) {
  return typeof hostname === 'string' && /\.localhost\.?$/i.test(hostname);
}

function loopbackAnswer(options) {
  const opts = typeof options === 'number' ? { family: options } : options || {};
  const v6 = opts.family === 6 || opts.family === 'IPv6';
  const entry = v6 ? { address: '::1', family: 6 } : { address: '127.0.0.1', family: 4 };
  return { all: Boolean(opts.all), entry };
}

if (!dns[PATCHED]) {
  const originalLookup = dns.lookup;
  const patchedLookup = function lookup(hostname, options, callback) {
    if (!isLocalhostSubdomain(hostname)) return originalLookup.apply(this, arguments);
    const cb = typeof options === 'function' ? options : callback;
    const { all, entry } = loopbackAnswer(typeof options === 'function' ? undefined : options);
    process.nextTick(() => (all ? cb(null, [entry]) : cb(null, entry.address, entry.family)));
    return {};
  };
  dns.lookup = patchedLookup;

  const originalPromisesLookup = dns.promises.lookup;
  dns.promises.lookup = function lookup(hostname, options) {
    if (!isLocalhostSubdomain(hostname)) return originalPromisesLookup.apply(this, arguments);
    const { all, entry } = loopbackAnswer(options);
    return Promise.resolve(all ? [entry] : entry);
  };
  Object.defineProperty(dns, PATCHED, { value: true });
}

module.exports = { isLocalhostSubdomain };

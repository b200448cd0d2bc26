/**
 * Terminal links and the arguments of command links, as the extension host computes them (the
 * `vscode` stand-in only satisfies the module's import; nothing here calls VS Code).
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { installVscodeStandIn } from '../../support/vscodeStandIn';
import type * as LinksModule from '../../../src/views/traffic/terminalAddressLinks';
import type * as CommandsModule from '../../../src/views/traffic/trafficCommands';

installVscodeStandIn();
const localRequire = createRequire(__filename);
const { terminalLinksOf } = localRequire('../../../src/views/traffic/terminalAddressLinks') as typeof LinksModule;
const { parseAddressArgs } = localRequire('../../../src/views/traffic/trafficCommands') as typeof CommandsModule;

const NOW = Date.UTC(2026, 11, 6, 5, 0) / 1000;

describe('terminal address links', () => {
  it('links each address with its port, around now when the line has no time', () => {
    const line = 'tcp ESTAB 0 0 10.0.1.5:43122 [2001:db8::9]:443';
    const links = terminalLinksOf(line, NOW);
    assert.deepEqual(links.map((l) => line.substr(l.startIndex, l.length)), ['10.0.1.5:43122', '[2001:db8::9]:443']);
    assert.deepEqual(links.map((l) => l.target), [{ address: '10.0.1.5', version: 4, port: 43122 }, { address: '2001:db8::9', version: 6, port: 443 }]);
    assert.ok(links.every((l) => l.lineTime === undefined && /around now/.test(l.tooltip ?? '')));
  });

  it("carries a log line's leading time, to centre the range on it", () => {
    const [link] = terminalLinksOf('2026-12-06T04:10:00Z ERROR connect ETIMEDOUT 47.88.1.2:443', NOW);
    assert.equal(link.lineTime, Date.UTC(2026, 11, 6, 4, 10) / 1000);
    assert.match(link.tooltip ?? '', /around the line's time/);
  });

  it('links nothing in lines without addresses, or in huge dumps', () => {
    assert.deepEqual(terminalLinksOf('npm run build && echo v1.2.3', NOW), []);
    assert.deepEqual(terminalLinksOf(`${'x'.repeat(5000)} 10.0.0.1`, NOW), []);
  });
});

describe('command link arguments', () => {
  it('accepts an address, a port and a centre', () => {
    assert.deepEqual(parseAddressArgs({ address: '10.0.0.1' }), { target: { address: '10.0.0.1', version: 4 }, centre: { kind: 'now' } });
    assert.deepEqual(parseAddressArgs({ address: 'fe80::1', port: 443, centre: 1_800_000_000 }), {
      target: { address: 'fe80::1', version: 6, port: 443 },
      centre: { kind: 'logLine', seconds: 1_800_000_000 },
    });
  });

  it('refuses what is not an address, or a bad port', () => {
    for (const arg of [undefined, 'x', { address: 'example.com' }, { address: '10.0.0.1', port: 70000 }, { address: '10.0.0.1', port: '443' }]) {
      assert.equal(parseAddressArgs(arg), undefined, JSON.stringify(arg));
    }
  });
});

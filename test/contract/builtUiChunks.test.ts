/**
 * The BUILT UI chunks (scripts/build.mjs): what is loaded after the first use is one lazy chunk,
 * dist/ui-lazy.js, which takes the modules it shares with dist/host-ui.js from host-ui at runtime
 * instead of carrying copies — so an error the lazy code throws is host-ui's CloudError.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { installVscodeStandIn } from '../support/vscodeStandIn';

const HOST_UI = resolve('dist/host-ui.js');
const UI_LAZY = resolve('dist/ui-lazy.js');
const load = createRequire(__filename);

type Shared = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

before(() => {
  execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { stdio: 'ignore' });
  installVscodeStandIn();
});

describe('the built UI chunks', () => {
  it('host-ui exports every shared name the lazy chunk asks for; the lazy chunk holds every part its loaders require', () => {
    const ui = load(HOST_UI) as { sharedModules: Shared };
    const asked = [...readFileSync(UI_LAZY, 'utf8').matchAll(/require\("\.\/host-ui\.js"\)\.sharedModules\.(m\d+)/g)].map((m) => m[1]);
    assert.ok(asked.length > 0, 'the lazy chunk takes modules from host-ui');
    for (const key of asked) {
      const mod = ui.sharedModules[key];
      assert.ok(mod, `sharedModules.${key}`);
      for (const [name, value] of Object.entries(mod)) assert.notEqual(value, undefined, `sharedModules.${key}.${name}`);
    }
    const lazy = load(UI_LAZY) as Record<string, Record<string, unknown>>;
    assert.equal(typeof lazy.queryDocuments?.registerQueryDocuments, 'function');
    assert.equal(typeof lazy.comparePanel?.ComparePanels, 'function');
    assert.equal(typeof lazy.regionMap?.RegionMapPanel, 'function');
    assert.equal(typeof lazy.createWizard?.createFlowLog, 'function');
    assert.equal(typeof lazy.exportController?.ExportController, 'function');
    assert.equal(typeof lazy.cenQueries?.CenQueries, 'function');
    assert.equal(typeof lazy.trafficBridges?.createTrafficBridgeParts, 'function');
    assert.equal(typeof lazy.flowLogCommands?.flowLogCommandHandlers, 'function');
    assert.equal(typeof lazy.flowLogCommands?.newFlowLogLifecycle, 'function');
  });

  it('one CloudError class: the lazy CEN engine refuses a statement with host-ui’s CloudError', async () => {
    assert.doesNotMatch(readFileSync(UI_LAZY, 'utf8'), /"CloudError"/, 'the lazy chunk has no CloudError class of its own');
    const ui = load(HOST_UI) as { sharedModules: Shared };
    const CloudError = Object.values(ui.sharedModules).find((m) => typeof m.CloudError === 'function')?.CloudError as (abstract new (...args: never[]) => Error) | undefined;
    assert.ok(CloudError, 'host-ui shares its CloudError');
    const { CenQueries } = (load(UI_LAZY) as { cenQueries: { CenQueries: new (sls: () => Promise<never>, members: readonly unknown[]) => { query(req: unknown): Promise<unknown> } } }).cenQueries;
    const queries = new CenQueries(() => Promise.reject(new Error('not asked: the statement is refused before any request')), []);
    // count(distinct …) cannot be merged across flow logs (src/query/cenMerge.ts).
    const refused = await queries.query({ query: '* | select srcaddr, count(distinct dstaddr) as peers group by srcaddr', from: 0, to: 60 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(refused instanceof CloudError, `refused with host-ui's CloudError: ${String(refused)}`);
    assert.equal((refused as { kind?: string }).kind, 'invalidInput');
  });
});

/**
 * Which flow log or CEN an address is looked up in, whatever asked (issue 23: the editor-selection
 * command shares the remembered target with the debugger menus, terminal links and hovers): asked
 * once and remembered; the next address is not asked about; "change" asks with the one in use
 * first and marked; a dismissed chooser changes nothing. Also the selected address and its centre.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import type { FlowLog } from '../../../src/cloud/cenApi';
import { installVscodeStandIn } from '../../support/vscodeStandIn';
import type * as ChoiceModule from '../../../src/views/traffic/trafficTargetChoice';
import type * as LastModule from '../../../src/views/traffic/lastFlowLog';
import type * as TargetModule from '../../../src/views/traffic/trafficTarget';
import type { TargetPickItem, TrafficTarget } from '../../../src/views/traffic/trafficTarget';
import { lineInText, selectionAddress } from '../../../src/views/traffic/selectionAddress';
import { JsonMemento } from './jsonMemento';

installVscodeStandIn();
const localRequire = createRequire(__filename);
const { TrafficTargetChoice, noFlowLogs, choicePrompt } = localRequire('../../../src/views/traffic/trafficTargetChoice') as typeof ChoiceModule;
const { LastFlowLog } = localRequire('../../../src/views/traffic/lastFlowLog') as typeof LastModule;
const { targetPickItems } = localRequire('../../../src/views/traffic/trafficTarget') as typeof TargetModule;

function flowLog(flowLogId: string, cenId: string, name: string): FlowLog {
  return { flowLogId, name, description: '', cenId, regionId: 'cn-hangzhou', status: 'Active', rawStatus: 'Active', creationTime: '2026-01-01T00:00:00Z', projectName: `p-${flowLogId}`, logStoreName: `ls-${flowLogId}`, interval: 600, tags: [] };
}
const HZ = flowLog('flowlog-hz', 'cen-1', 'prod-backbone-flowlog');
const BJ = flowLog('flowlog-bj', 'cen-1', 'beijing-router');
const HK = flowLog('flowlog-hk', 'cen-2', 'hk-router');
const CENS = [{ cenId: 'cen-1', name: 'prod-backbone' }, { cenId: 'cen-2', name: 'global-transit' }];

/** A chooser that answers with the entry labelled `answer` (undefined: dismissed) and records what it was shown. */
class ScriptedChooser {
  readonly shown: { items: TargetPickItem[]; placeHolder: string }[] = [];
  answers: (string | undefined)[] = [];
  flowLogs: FlowLog[] = [HZ, BJ, HK];
  list(): Promise<{ cens: typeof CENS; flowLogs: FlowLog[] }> {
    return Promise.resolve({ cens: CENS, flowLogs: this.flowLogs });
  }
  async ask(items: Promise<TargetPickItem[]>, placeHolder: string): Promise<TargetPickItem | undefined> {
    const list = await items;
    this.shown.push({ items: list, placeHolder });
    if (this.answers.length === 0) throw new Error(`asked unexpectedly: ${placeHolder}`);
    const answer = this.answers.shift();
    if (answer === undefined) return undefined;
    const item = list.find((i) => i.label.replace(/^\$\([a-z-]+\) /, '') === answer);
    assert.ok(item, `an entry "${answer}" in ${list.map((i) => i.label).join(' | ')}`);
    return item;
  }
}

function setUp(): { chooser: ScriptedChooser; last: InstanceType<typeof LastFlowLog>; choice: InstanceType<typeof TrafficTargetChoice>; changes: TrafficTarget[] } {
  const chooser = new ScriptedChooser();
  const last = new LastFlowLog(new JsonMemento());
  const changes: TrafficTarget[] = [];
  last.onDidChange((t) => changes.push(t));
  return { chooser, last, changes, choice: new TrafficTargetChoice(last, chooser) };
}

describe('the target addresses are looked up in', () => {
  it('is asked for on first use, remembered, and not asked for again', async () => {
    const { chooser, choice, last, changes } = setUp();
    chooser.answers = ['prod-backbone-flowlog'];
    assert.deepEqual(await choice.target('10.1.2.3'), { kind: 'flowLog', flowLog: HZ });
    assert.equal(chooser.shown.length, 1);
    assert.match(chooser.shown[0].placeHolder, /^Show traffic for 10\.1\.2\.3 in which flow log, or across which CEN\? Remembered/);
    // The second address (another selection, a terminal link…): no chooser (ScriptedChooser throws if asked).
    assert.deepEqual(await choice.target('10.9.9.9:443'), { kind: 'flowLog', flowLog: HZ });
    assert.equal(chooser.shown.length, 1);
    assert.deepEqual(last.get(), { kind: 'flowLog', flowLog: HZ });
    assert.equal(changes.length, 1, 'the status bar hears of the choice once');
  });

  it('a dismissed first chooser leaves nothing remembered, so the next address asks again', async () => {
    const { chooser, choice, last } = setUp();
    chooser.answers = [undefined, 'beijing-router'];
    assert.equal(await choice.target('10.1.2.3'), undefined);
    assert.equal(last.get(), undefined);
    assert.deepEqual(await choice.target('10.1.2.3'), { kind: 'flowLog', flowLog: BJ });
    assert.equal(chooser.shown.length, 2);
  });

  it('changing asks with the one in use first and marked; the new choice is used from then on', async () => {
    const { chooser, choice, changes } = setUp();
    chooser.answers = ['beijing-router', 'All flow logs of prod-backbone'];
    await choice.target('10.1.2.3');
    const changed = await choice.change('addresses');
    const shown = chooser.shown[1];
    assert.equal(shown.items[0].label, '$(check) beijing-router');
    assert.match(shown.items[0].description, /^in use · /);
    assert.equal(shown.items[0].current, true);
    assert.equal(shown.items.filter((i) => i.target.kind === 'flowLog' && i.target.flowLog.flowLogId === BJ.flowLogId).length, 1, 'listed once');
    assert.match(shown.placeHolder, /Now: beijing-router\./);
    assert.equal(changed?.kind, 'cen');
    assert.deepEqual(await choice.target('10.1.2.3'), changed);
    assert.equal(chooser.shown.length, 2, 'the address after the change is not asked about');
    assert.deepEqual(changes.map((t) => t.kind), ['flowLog', 'cen']);
  });

  it('a dismissed change keeps the target in use', async () => {
    const { chooser, choice, last } = setUp();
    chooser.answers = ['hk-router', undefined];
    await choice.target('10.1.2.3');
    assert.equal(await choice.change('addresses'), undefined);
    assert.deepEqual(last.get(), { kind: 'flowLog', flowLog: HK });
  });

  it('an account without flow logs gets the reason, not an empty list', async () => {
    const { chooser, choice } = setUp();
    chooser.flowLogs = [];
    chooser.answers = ['x'];
    await assert.rejects(choice.target('10.1.2.3'), new RegExp(noFlowLogs().slice(0, 30)));
  });

  it('the CEN in use is marked even when its flow logs changed since it was chosen', () => {
    const items = targetPickItems(CENS, [HZ, BJ, HK], { kind: 'cen', cenId: 'cen-1', title: 'prod-backbone', flowLogs: [HZ] });
    assert.equal(items[0].label, '$(check) All flow logs of prod-backbone');
    assert.equal(items[0].target.kind === 'cen' ? items[0].target.flowLogs.length : 0, 2, 'the entry as listed now');
    assert.equal(items.length, targetPickItems(CENS, [HZ, BJ, HK]).length);
    assert.equal(choicePrompt('x', undefined), 'Show traffic for x in which flow log, or across which CEN? Remembered for the next address.');
  });
});

describe('the address of a selection', () => {
  const ctx = { nowSeconds: Date.parse('2026-12-06T11:00:00Z') / 1000, localOffsetMinutes: 0 };

  it('the first address selected; centred on the time its log line starts with', () => {
    const doc = 'noise\n2026-12-06T10:15:00Z ERROR upstream 10.61.0.81:443 reset\nmore';
    const selected = 'upstream 10.61.0.81:443 reset';
    const start = doc.indexOf(selected);
    const found = selectionAddress(selected, (offset) => lineInText(doc, start + offset), ctx);
    assert.deepEqual(found && { address: found.address.address, port: found.address.port, centre: found.centre }, {
      address: '10.61.0.81',
      port: 443,
      centre: { kind: 'logLine', seconds: Date.parse('2026-12-06T10:15:00Z') / 1000 },
    });
  });

  it('a line without a timestamp (code, a config file, a terminal peer list) is centred on now', () => {
    const found = selectionAddress('peer = "[2001:db8::1]:53"', (o) => lineInText('peer = "[2001:db8::1]:53"', o), ctx);
    assert.deepEqual(found && { address: found.address.address, version: found.address.version, port: found.address.port, centre: found.centre }, { address: '2001:db8::1', version: 6, port: 53, centre: { kind: 'now' } });
  });

  it('in a selection of several lines, the line holding the address gives the time', () => {
    const text = 'first line, no address\r\n[06/Dec/2026:10:30:00 +0000] GET from 10.0.0.7\nlast';
    const found = selectionAddress(text, (o) => lineInText(text, o), ctx);
    assert.equal(found?.address.address, '10.0.0.7');
    assert.deepEqual(found?.centre, { kind: 'logLine', seconds: Date.parse('2026-12-06T10:30:00Z') / 1000 });
    assert.equal(lineInText(text, 0), 'first line, no address');
    assert.equal(lineInText(text, text.length), 'last');
  });

  it('no address selected: nothing to look up', () => {
    assert.equal(selectionAddress('connection reset by peer', (o) => lineInText('connection reset by peer', o), ctx), undefined);
  });
});

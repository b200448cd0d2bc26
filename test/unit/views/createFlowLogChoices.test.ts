/** The create wizard's router and scope steps and its tags field, as the user sees the choices. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TransitRouter, TransitRouterAttachment } from '../../../src/cloud/cenApi';
import { parseTags, routerChoices, scopeChoices, wholeRouterLabel, type ScopePages } from '../../../src/views/commands/createFlowLogChoices';

function router(regionId: string, edition: TransitRouter['edition'], rawType: string = edition): TransitRouter {
  return { transitRouterId: `tr-${regionId}`, name: '', description: '', cenId: 'cen-1', regionId, edition, rawType, status: 'Active' };
}

function attachment(kind: TransitRouterAttachment['kind'], resourceId: string, resourceRegionId: string): TransitRouterAttachment {
  return { attachmentId: `tr-attach-${resourceId}`, name: '', description: '', cenId: 'cen-1', transitRouterId: 'tr-1', kind, resourceType: kind, status: 'Attached', resourceId, resourceRegionId };
}

describe('create wizard: transit router step', () => {
  it('offers Enterprise routers by region; Basic and unknown editions come after a heading, with why', () => {
    const choices = routerChoices([router('cn-qingdao', 'Basic'), router('cn-hangzhou', 'Enterprise'), router('cn-beijing', 'Unknown', 'Premium')]);
    assert.deepEqual(
      choices.map((c) => (c.separator ? `-- ${c.label}` : c.label)),
      ['China (Hangzhou) (cn-hangzhou)', '-- Cannot have flow logs', '$(circle-slash) China (Qingdao) (cn-qingdao)', '$(circle-slash) China (Beijing) (cn-beijing)'],
    );
    assert.match(choices[2].detail ?? '', /Basic Edition: upgrade/);
    assert.match(choices[3].detail ?? '', /"Premium"/);
  });

  it('a router in a region we have no name for is labelled with the service’s name of it', () => {
    const names = new Map([['ap-southeast-8', 'Malaysia (Johor)']]);
    assert.deepEqual(routerChoices([router('ap-southeast-8', 'Enterprise'), router('xx-new-1', 'Basic')], names).map((c) => c.label), [
      'Malaysia (Johor) (ap-southeast-8)',
      'Cannot have flow logs',
      '$(circle-slash) xx-new-1',
    ]);
  });
});

describe('create wizard: scope step', () => {
  it('the whole router first, then each attachment list under its heading, named by type and peer', () => {
    const pages: ScopePages = new Map([
      ['VPC', { items: [attachment('VPC', 'vpc-1', 'cn-hangzhou')] }],
      ['VPN', { items: [] }],
      ['TR', { items: [attachment('TR', 'tr-peer', 'cn-beijing')] }],
    ]);
    const choices = scopeChoices(pages);
    assert.deepEqual(
      choices.map((c) => (c.separator ? `-- ${c.label}` : c.label)),
      [wholeRouterLabel(), '-- VPC connections', 'VPC vpc-1 (cn-hangzhou)', '-- Inter-region connections', 'inter-region → cn-beijing'],
    );
    assert.deepEqual(choices[0].value, { kind: 'whole' });
    assert.match(choices[4].detail ?? '', /Only traffic leaving this router toward cn-beijing/);
  });

  it('a list with more pages ends in a "More …" row that asks for its next page', () => {
    const pages: ScopePages = new Map([['VBR', { items: [attachment('VBR', 'vbr-1', 'cn-hangzhou')], nextToken: 'next' }]]);
    const more = scopeChoices(pages).at(-1);
    assert.equal(more?.label, '$(more) More VBR connections…');
    assert.deepEqual(more?.value, { kind: 'more', list: 'VBR' });
  });
});

describe('create wizard: tags', () => {
  it('reads key=value pairs, allows an empty value, refuses a missing key and more than 20', () => {
    assert.deepEqual(parseTags(''), { tags: [] });
    assert.deepEqual(parseTags(' team = network , empty= ,solo'), { tags: [{ key: 'team', value: 'network' }, { key: 'empty', value: '' }, { key: 'solo', value: '' }] });
    assert.match(parseTags('=x').problem ?? '', /no key/);
    assert.match(parseTags(Array.from({ length: 21 }, (_, i) => `k${i}=v`).join(',')).problem ?? '', /At most 20/);
  });
});

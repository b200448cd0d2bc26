import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { REGION_NAMES, isClosedRegion, offerableRegions, regionName } from '../../../src/flowlogs/catalog';
import { regionLabel, serviceNamesFor } from '../../../src/flowlogs/regions';

/** The 16 region ids of the 2019 flow-log description (shared/spec/flow-logs.md), typed out. */
const REGIONS_2019 = [
  'cn-hangzhou', 'cn-shanghai', 'cn-zhangjiakou', 'cn-shenzhen', 'cn-beijing', 'cn-huhehaote', 'cn-hongkong', 'eu-west-1',
  'us-west-1', 'us-east-1', 'eu-central-1', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-5', 'ap-southeast-2', 'ap-southeast-3',
];

describe('region display names', () => {
  it('every 2019 region keeps an English and a console Chinese name', () => {
    for (const id of REGIONS_2019) {
      assert.notEqual(regionName(id), id, id);
      assert.match(regionName(id, 'zh'), /[\u4e00-\u9fff]/, id);
    }
    assert.equal(regionName('cn-hangzhou'), 'China (Hangzhou)');
    assert.equal(regionName('cn-hangzhou', 'zh'), '华东1（杭州）');
    assert.equal(regionName('ap-southeast-1', 'zh'), '新加坡');
  });

  it('regions the API returns today beyond the 2019 list have names too', () => {
    assert.equal(regionName('cn-wulanchabu'), 'China (Ulanqab)');
    assert.equal(regionName('cn-wulanchabu', 'zh'), '华北6（乌兰察布）');
    assert.equal(regionName('ap-northeast-1', 'zh'), '日本（东京）');
    assert.equal(regionName('me-central-1'), 'Saudi Arabia (Riyadh)');
    assert.equal(new Set(REGION_NAMES.map((r) => r.id)).size, REGION_NAMES.length, 'no id twice');
  });

  it('an unknown id is shown raw, in both languages', () => {
    assert.equal(regionName('xx-new-9'), 'xx-new-9');
    assert.equal(regionName('xx-new-9', 'zh'), 'xx-new-9');
  });

  it('an id we have no name for takes the service’s name (DescribeChildInstanceRegions); ours wins for ids we know', () => {
    assert.equal(regionLabel('ap-southeast-8', 'Malaysia (Johor)'), 'Malaysia (Johor) (ap-southeast-8)');
    assert.equal(regionLabel('ap-southeast-8'), 'ap-southeast-8');
    assert.equal(regionLabel('ap-southeast-8', '  '), 'ap-southeast-8');
    assert.equal(regionLabel('cn-hangzhou', 'Hangzhou, as some service names it'), 'China (Hangzhou) (cn-hangzhou)');
    const service = [
      { regionId: 'cn-hangzhou', localName: 'China (Hangzhou)' },
      { regionId: 'ap-southeast-8', localName: 'Malaysia (Johor)' },
      { regionId: 'xx-empty-1', localName: '' },
      { regionId: 'xx-not-asked-1', localName: 'Elsewhere' },
    ];
    assert.deepEqual([...serviceNamesFor(['cn-hangzhou', 'ap-southeast-8', 'xx-empty-1', 'xx-gone-1'], service)], [['ap-southeast-8', 'Malaysia (Johor)']]);
  });

  it('India (Mumbai) and Australia (Sydney) are closed (2024): named, but never offered as choices', () => {
    assert.ok(isClosedRegion('ap-south-1') && isClosedRegion('ap-southeast-2'));
    assert.equal(regionName('ap-south-1'), 'India (Mumbai)');
    assert.deepEqual(offerableRegions(['cn-hangzhou', 'ap-south-1', 'xx-new-9', 'ap-southeast-2', 'cn-hangzhou']), ['cn-hangzhou', 'xx-new-9']);
  });
});

/** The cost lens's arithmetic: binary GB, the most specific price, unpriced pairs left out, the setting's problems named. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BYTES_PER_GB, estimateCost, formatCost, parsePriceTable, priceCaseSql, pricePerGb } from '../../../src/flowlogs/cost';

const GiB = 1024 * 1024 * 1024;

describe('cost lens', () => {
  it('counts binary GB', () => {
    assert.equal(BYTES_PER_GB, GiB);
  });

  it('prices each pair with the most specific key: pair, source>*, *>destination, *', () => {
    const { table, problems } = parsePriceTable({ 'cn-hangzhou>cn-shanghai': 0.05, 'cn-hangzhou>*': 0.07, '*>eu-central-1': 0.2, '*': 0.09 });
    assert.deepEqual(problems, []);
    assert.equal(pricePerGb(table, 'cn-hangzhou', 'cn-shanghai'), 0.05);
    assert.equal(pricePerGb(table, 'cn-hangzhou', 'cn-beijing'), 0.07);
    assert.equal(pricePerGb(table, 'cn-beijing', 'eu-central-1'), 0.2);
    assert.equal(pricePerGb(table, 'cn-beijing', 'cn-shanghai'), 0.09);
  });

  it('estimates bytes / 1024³ × price per pair, folds attachments together, totals the priced pairs only', () => {
    const { table } = parsePriceTable({ 'cn-hangzhou>cn-shanghai': 0.05, 'cn-shanghai>cn-hangzhou': 0.04 });
    const est = estimateCost(
      [
        { src: 'cn-hangzhou', dst: 'cn-shanghai', attachmentId: 'a', bytes: 3 * GiB, packets: 1 },
        { src: 'cn-hangzhou', dst: 'cn-shanghai', attachmentId: 'b', bytes: 1 * GiB, packets: 1 },
        { src: 'cn-shanghai', dst: 'cn-hangzhou', bytes: GiB / 2, packets: 1 },
        { src: 'cn-beijing', dst: 'cn-hangzhou', bytes: 10 * GiB, packets: 1 },
      ],
      table,
    );
    const hzSh = est.pairs.find((p) => p.src === 'cn-hangzhou' && p.dst === 'cn-shanghai')!;
    assert.equal(hzSh.gb, 4);
    assert.ok(Math.abs(hzSh.cost! - 0.2) < 1e-12);
    const shHz = est.pairs.find((p) => p.src === 'cn-shanghai')!;
    assert.ok(Math.abs(shHz.cost! - 0.02) < 1e-12);
    const bj = est.pairs.find((p) => p.src === 'cn-beijing')!;
    assert.equal(bj.cost, undefined);
    assert.equal(est.unpriced, 1);
    assert.ok(Math.abs(est.total - 0.22) < 1e-12);
  });

  it('an empty setting prices nothing; bad keys and prices are named, good ones kept', () => {
    assert.equal(parsePriceTable(undefined).table.prices.size, 0);
    assert.equal(parsePriceTable({}).table.prices.size, 0);
    const { table, problems } = parsePriceTable({ 'cn-hangzhou-cn-shanghai': 0.1, 'cn-hangzhou>cn-beijing': -1, 'cn-beijing>cn-hangzhou': '0.2', 'cn-shanghai>cn-hangzhou': 0.03 });
    assert.deepEqual([...table.prices.keys()], ['cn-shanghai>cn-hangzhou']);
    assert.deepEqual(problems.map((p) => p.key), ['cn-hangzhou-cn-shanghai', 'cn-hangzhou>cn-beijing', 'cn-beijing>cn-hangzhou']);
    assert.match(problems[0].message, /source>destination/);
    assert.match(problems[1].message, /number ≥ 0/);
    assert.match(parsePriceTable([1]).problems[0].message, /must be an object/);
  });

  it('formats amounts with the currency label', () => {
    assert.equal(formatCost(1234.5, 'USD'), '1,234.50 USD');
    assert.equal(formatCost(0.0042, 'CNY'), '0.0042 CNY');
    assert.equal(formatCost(0, ''), '0.00');
  });

  it('writes the price table as SQL: most specific first, NULL where nothing applies', () => {
    assert.equal(priceCaseSql(parsePriceTable({}).table), 'CAST(NULL AS double)');
    assert.equal(priceCaseSql(parsePriceTable({ '*': 0.08 }).table), '0.08');
    assert.equal(
      priceCaseSql(parsePriceTable({ '*': 0.08, 'cn-hangzhou>*': 0.07, 'cn-hangzhou>cn-shanghai': 0.05 }).table),
      `CASE WHEN "src-region-id" = 'cn-hangzhou' AND "dst-region-id" = 'cn-shanghai' THEN 0.05 WHEN "src-region-id" = 'cn-hangzhou' THEN 0.07 ELSE 0.08 END`,
    );
  });
});

/**
 * Closing the emulator's DuckDB tables while requests are still arriving: the process lives on.
 * A DuckDB connection opened on a closed instance crashes the whole process (SIGSEGV in
 * duckdb::Connection::Connection, no message); that is how `reliabilityFaults` failed in a
 * clean-clone run on a loaded machine (its export test closes the emulator mid-export, and the
 * export's next page request connected after the close).
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { LogTables } from '../../emulator/sls/logTables';

const QUERY = 'SELECT count(*) AS n FROM range(100000000) a WHERE a % 7 = 3';

it('a query that arrives after the close is refused, not a crash', async () => {
  const tables = await LogTables.open();
  await tables.close();
  await assert.rejects(tables.query(QUERY), /shutting down/);
});

it('queries connecting or running when the close comes are finished or interrupted first', { timeout: 120_000 }, async () => {
  for (let round = 0; round < 10; round++) {
    const tables = await LogTables.open();
    const outcomes = Array.from({ length: 4 }, () =>
      tables.query(QUERY).then(
        () => 'answered',
        () => 'interrupted',
      ),
    );
    // Round 0 closes while the connections are still being opened, later rounds while the queries run.
    if (round > 0) await new Promise((r) => setTimeout(r, round * 5));
    await tables.close();
    for (const o of await Promise.all(outcomes)) assert.ok(o === 'answered' || o === 'interrupted');
  }
});

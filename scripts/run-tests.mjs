// Runs test suites with node's test runner (TypeScript through tsx), one suite after another,
// and prints one closing line over all of them: "total: N passed, N failed".
// Usage: node scripts/run-tests.mjs unit contract e2e   [--only <substring>]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const onlyIdx = args.indexOf('--only');
const only = onlyIdx >= 0 ? args[onlyIdx + 1] : undefined;
const suites = args.filter((a, i) => !a.startsWith('--') && (onlyIdx < 0 || i !== onlyIdx + 1));

const SUFFIX = { unit: '.test.ts', contract: '.test.ts', e2e: '.e2e.ts' };
const CONCURRENCY = { unit: 2, contract: 1, e2e: 1 };

function findFiles(dir, suffix) {
  let out = [];
  let entries = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries.sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(findFiles(p, suffix));
    else if (name.endsWith(suffix)) out.push(p);
  }
  return out;
}

mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;
for (const suite of suites) {
  const suffix = SUFFIX[suite];
  if (!suffix) {
    console.error(`unknown suite ${suite}`);
    process.exit(2);
  }
  const files = findFiles(join('test', suite), suffix).filter((f) => !only || f.includes(only));
  if (files.length === 0) {
    console.log(`\n== ${suite}: no test files`);
    continue;
  }
  console.log(`\n== ${suite}: ${files.length} files`);
  const tap = join('test-results', `${suite}-${process.pid}.tap`);
  const r = spawnSync(
    process.execPath,
    [
      '--import', 'tsx',
      '--test',
      `--test-concurrency=${CONCURRENCY[suite]}`,
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', `--test-reporter-destination=${tap}`,
      ...files,
    ],
    { stdio: 'inherit', env: { ...process.env, CEN_FLOW_LOGS_TEST_SUITE: suite } },
  );
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  rmSync(tap, { force: true });
  const count = (k) => Number((text.match(new RegExp(`^# ${k} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
  passed += count('pass');
  failed += count('fail') + count('cancelled');
  skipped += count('skipped') + count('todo');
  if (r.status !== 0 && count('fail') + count('cancelled') === 0) failed += 1; // runner itself failed
}
console.log(`\ntotal: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

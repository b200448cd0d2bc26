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
const retried = [];

function add(r) {
  passed += r.passed;
  failed += r.failed;
  skipped += r.skipped;
}

function runFiles(suite, files) {
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
  const result = { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo') };
  if (r.status !== 0 && result.failed === 0) result.failed = 1; // the runner itself failed
  return result;
}
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
  if (suite === 'e2e') {
    // One file per run, so a file that fails can be rerun once on its own: a real VS Code driven
    // through a browser on a 2-core machine has timing flakes. Every retry is printed and counted.
    for (const file of files) {
      let result = runFiles(suite, [file]);
      if (result.failed > 0) {
        console.log(`\n== e2e: ${file} failed (${result.failed}); retrying it once`);
        retried.push(file);
        result = runFiles(suite, [file]);
      }
      add(result);
    }
  } else {
    add(runFiles(suite, files));
  }
}
if (retried.length) console.log(`\nretried once after a failure: ${retried.join(', ')}`);
console.log(`\ntotal: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

/**
 * User-facing text must go through the l10n call, in every module of src/ and webview/ (issue 22).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bypassingStringsIn, looksUserFacing, sourceFiles } from './l10nSourceScan';

/**
 * Text the scan takes for English sentences that no person reads as UI: queries we build, the English
 * half of the two-language region table, developer errors for broken invariants, the dev-only fake host.
 * An entry that no longer matches anything fails the test, so the list cannot go stale.
 */
const NOT_USER_FACING: readonly { readonly file: string; readonly text: RegExp; readonly why: string }[] = [
  { file: 'src/flowlogs/regions.ts', text: /\)$/, why: 'English region names; regionName() picks the zh-cn half in Chinese' },
  { file: 'src/query/addressFilter.ts', text: /srcaddr:|dstaddr:/, why: 'a search query we build' },
  { file: 'src/query/addressSummary.ts', text: /^CASE WHEN|^GROUP BY/, why: 'SQL we build' },
  { file: 'src/query/fieldFacets.ts', text: /\| select /, why: 'SQL we build' },
  { file: 'src/activation/commandTable.ts', text: /^command /, why: 'a developer error: the command table is inconsistent' },
  { file: 'src/activation/forwardingTreeProvider.ts', text: /^The explorer tree /, why: 'an invariant VS Code never reaches (it asks only for elements the tree gave it)' },
  { file: 'src/cloud/slsWireBytes.ts', text: /^not the shape this reader handles$/, why: 'internal: the reader falls back to JSON.parse' },
  { file: 'webview/dev/fakeHost.ts', text: /./, why: 'the dev preview\'s stand-in for the (localised) host' },
];

test('no user-facing text in src/ or webview/ bypasses the l10n call', () => {
  const found = sourceFiles('src', 'webview').flatMap(bypassingStringsIn);
  const excused = (s: (typeof found)[number]) => NOT_USER_FACING.find((e) => e.file === s.file && e.text.test(s.text));
  assert.deepEqual(
    found.filter((s) => !excused(s)).map((s) => `${s.file}:${s.line} ${JSON.stringify(s.text)}`),
    [],
  );
  const unused = NOT_USER_FACING.filter((e) => !found.some((s) => excused(s) === e));
  assert.deepEqual(unused.map((e) => `${e.file} ${String(e.text)}`), [], 'exceptions that match nothing any more');
});

test('the heuristic counts sentences and leaves ids, css classes, paths and SQL alone', () => {
  assert.ok(looksUserFacing('Enter the AccessKey secret.'));
  assert.ok(looksUserFacing('Cancelled — ${} rows kept'));
  for (const s of ['cenFlowLogs.credentials.signIn', 'status-item dim query', 'loading codicon-modifier-spin', '~/.aliyun/config.json', '* | SELECT count(*) AS flows', 'LTAI…', 'split_part(s, delimiter, index) → varchar']) {
    assert.equal(looksUserFacing(s), false, s);
  }
});

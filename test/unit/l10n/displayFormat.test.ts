/** Numbers, bytes, dates and messages in English and Simplified Chinese, from the real bundle files. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { createDisplayFormat, intlLocale } from '../../../src/l10n/displayFormat';
import { parseL10nSetup } from '../../../src/l10n/l10nSetup';
import { checkAccessKeyId } from '../../../src/credentials/credentialChoice';
import { PROJECT_ROOT } from './l10nSourceScan';

const zhBundle = JSON.parse(readFileSync(join(PROJECT_ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

test('VS Code language ids become Intl locales; unknown ones fall back to en-US', () => {
  assert.equal(intlLocale('zh-cn'), 'zh-CN');
  assert.equal(intlLocale('en'), 'en');
  assert.equal(intlLocale(undefined), 'en-US');
  assert.equal(intlLocale('not a locale!'), 'en-US');
});

test('bytes use binary multiples in both languages; the date follows the language', () => {
  for (const lang of ['en', 'zh-cn']) {
    const f = createDisplayFormat(lang);
    assert.equal(f.bytes(1536), '1.5 KB');
    assert.equal(f.bytes(1023), '1023 B');
    assert.equal(f.bytes(25 * 1024 ** 3), '25 GB');
    assert.equal(f.bytes(-2048), '-2.0 KB');
    assert.equal(f.count(1234567), '1,234,567');
  }
  const moment = Date.UTC(2026, 0, 2, 3, 4, 5);
  assert.match(createDisplayFormat('zh-cn').dateTime(moment), /^2026年1月\d+日/);
  assert.match(createDisplayFormat('en').dateTime(moment), /^Jan \d+, 2026/);
  // A language whose grouping differs shows it (German groups with dots).
  assert.equal(createDisplayFormat('de').count(1234567), '1.234.567');
});

test('a pure module speaks the bundle it was configured with, placeholders filled, and English without one', () => {
  try {
    l10n.config({ contents: zhBundle });
    assert.equal(checkAccessKeyId('LTAI-x'), 'AccessKey ID 第 5 位是“-”；AccessKey ID 只包含字母和数字。');
    assert.equal(l10n.t('{0} of {1} rows', '12', '1,024'), '12 / 1,024 行');
    l10n.config({ contents: {} });
    assert.equal(checkAccessKeyId('LTAI-x'), 'AccessKey ID has "-" at position 5; it contains only letters and digits.');
  } finally {
    l10n.config({ contents: {} });
  }
});

test('the webview boot setup keeps the language and the string entries, and refuses anything else', () => {
  assert.deepEqual(parseL10nSetup({ language: 'zh-cn', bundle: { a: '甲', b: 3 } }), { language: 'zh-cn', bundle: { a: '甲' } });
  assert.deepEqual(parseL10nSetup({ language: 'en' }), { language: 'en' });
  assert.equal(parseL10nSetup({ language: 7 }), undefined);
  assert.equal(parseL10nSetup({ language: 'zh-cn', bundle: ['x'] }), undefined);
  assert.equal(parseL10nSetup('zh-cn'), undefined);
});

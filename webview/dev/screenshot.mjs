/* global document, window, navigator, Event, requestAnimationFrame, performance */
// DEV ONLY: serves .cache/webview-preview over HTTP and screenshots scenarios in headless Chromium.
// Usage: node webview/dev/screenshot.mjs <outDir> [scenario ...]   (scenarios: see below)
import { createServer } from 'node:http';
import { readFileSync, existsSync, mkdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';

const root = '.cache/webview-preview';
const outDir = process.argv[2] ?? '/tmp/wb-shots';
const only = process.argv.slice(3);
mkdirSync(outDir, { recursive: true });
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf' };
const server = createServer((req, res) => {
  const p = join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!existsSync(p)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[extname(p)] ?? 'application/octet-stream' }).end(readFileSync(p));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/preview.html`;

const scenarios = {
  async raw(page, theme) {
    await page.goto(`${base}?theme=${theme}&run=1&rows=5000`);
    await page.waitForSelector('.grid-row');
    await page.waitForTimeout(400);
  },
  async facets(page, theme) {
    await page.goto(`${base}?theme=${theme}&run=1&rows=5000`);
    await page.waitForSelector('.grid-row');
    await page.click('[data-testid=facet-dstport]');
    await page.waitForSelector('.facet-values');
    await page.click('[data-testid=columns]');
    await page.waitForTimeout(400);
  },
  async chart(page, theme) {
    await page.goto(`${base}?theme=${theme}`);
    await page.waitForSelector('[data-testid=presets]');
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      const s = document.querySelector('[data-testid=presets]');
      s.value = 'traffic-over-time';
      s.dispatchEvent(new Event('change'));
    });
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('.chart canvas, .chart svg');
    await page.waitForTimeout(400);
  },
  async pie(page, theme) {
    await page.goto(`${base}?theme=${theme}`);
    await page.waitForSelector('[data-testid=presets]');
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      const s = document.querySelector('[data-testid=presets]');
      s.value = 'protocol-mix';
      s.dispatchEvent(new Event('change'));
    });
    await page.click('[data-testid=run]');
    await page.waitForSelector('.chart svg');
    await page.waitForTimeout(300);
  },
  async error(page, theme) {
    await page.goto(`${base}?theme=${theme}`);
    await page.waitForSelector('.cm-content');
    await page.click('.cm-content');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('dstport:443 and syntax error');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('[data-testid=query-error]:not([hidden])');
    await page.waitForTimeout(600);
    console.log(`error: lint ranges ${await page.locator('.cm-lintRange-error').count()} text=${await page.locator('.cm-lintRange-error').first().textContent()}`);
  },
  async complete(page, theme) {
    await page.goto(`${base}?theme=${theme}`);
    await page.waitForSelector('.cm-content');
    await page.click('.cm-content');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('* | SELECT log');
    await page.waitForTimeout(400);
    await page.keyboard.press('Control+Space');
    await page.waitForSelector('.cm-tooltip-autocomplete');
    await page.waitForTimeout(200);
  },
  async million(page, theme) {
    await page.goto(`${base}?theme=${theme}&rows=1000000`);
    await page.waitForSelector('.cm-content');
    const firstPaint = Date.now();
    await page.click('[data-testid=run]');
    await page.waitForSelector('.grid-row');
    console.log(`million: first page painted ${Date.now() - firstPaint} ms after Run (includes generating 1M fake rows)`);
    await page.waitForSelector('[data-testid=load-all]:not([hidden])');
    const t0 = Date.now();
    await page.click('[data-testid=load-all]');
    await page.waitForFunction(() => /1,000,000 rows/.test(document.querySelector('[data-testid=status]')?.textContent ?? ''), null, { timeout: 120000 });
    console.log(`million: loaded all in ${Date.now() - t0} ms`);
    await page.click('.grid-row');
    const sortStart = Date.now();
    await page.click('.grid-hcell:nth-child(11) button'); // bytes
    await page.waitForTimeout(50);
    console.log(`million: sort by bytes ${Date.now() - sortStart} ms`);
    await page.evaluate(() => (document.querySelector('.grid-scroll').scrollTop = 7_000_000));
    await page.waitForTimeout(300);
    console.log(`million: rows in DOM ${await page.locator('.grid-row').count()}`);
    const frames = await page.evaluate(async () => {
      const sc = document.querySelector('.grid-scroll');
      const times = [];
      const grid = document.querySelector('.grid');
      for (let i = 0; i < 120; i++) {
        sc.scrollTop += 900;
        await new Promise((r) => requestAnimationFrame(r));
        await new Promise((r) => requestAnimationFrame(r));
        times.push(Number(grid.dataset.renderMs));
      }
      times.sort((a, b) => a - b);
      return { p50: times[60], p95: times[114], max: times[119] };
    });
    console.log(`million: grid render ms per scroll step ${JSON.stringify(frames)}`);
    const mem = await page.evaluate(() => performance.memory ? Math.round(performance.memory.usedJSHeapSize / 1e6) : -1);
    console.log(`million: JS heap ${mem} MB`);
  },
};

scenarios.scroll = async (page, theme) => {
  await page.goto(`${base}?theme=${theme}&rows=20000`);
  await page.waitForSelector('.cm-content');
  await page.click('[data-testid=run]');
  await page.waitForSelector('[data-testid=load-all]:not([hidden])');
  await page.click('[data-testid=load-all]');
  await page.waitForFunction(() => /20,000 rows/.test(document.querySelector('[data-testid=status]')?.textContent ?? ''), null, { timeout: 120000 });
  const r = await page.evaluate(async () => {
    const sc = document.querySelector('.grid-scroll');
    const times = [];
    for (let i = 0; i < 60; i++) {
      sc.scrollTop += 900;
      sc.dispatchEvent(new Event('scroll'));
      await new Promise((res) => requestAnimationFrame(res));
      await new Promise((res) => requestAnimationFrame(res));
      times.push(Number(document.querySelector('.grid').dataset.renderMs));
    }
    times.sort((a, b) => a - b);
    return { p50: times[30], p95: times[57] };
  });
  console.log(`scroll 20k, grid render ms: ${JSON.stringify(r)}`);
};

scenarios.interact = async (page, theme) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${base}?theme=${theme}&run=1&rows=300`);
  await page.waitForSelector('.grid-row');
  const check = (name, ok, detail = '') => console.log(`  ${ok ? 'PASS' : 'FAIL'} ${name} ${detail}`);
  // click an address adds a filter to the query
  await page.locator('.grid-row').nth(2).locator('.grid-value.filterable').first().click();
  const q = await page.locator('.cm-content').textContent();
  check('click IP adds filter', /^srcaddr:10\.0\.\d+\.\d+$/.test(q), q);
  // keyboard navigation + copy
  await page.locator('.grid-scroll').focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+c');
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  const expected = await page.locator('.grid-row[data-row="1"] .grid-value').nth(1).textContent();
  check('arrow keys + Ctrl+C copies the cell', clip === expected, `${clip} vs ${expected}`);
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Control+c');
  const rows = await page.evaluate(() => navigator.clipboard.readText());
  check('Shift+arrows selects rows, copied as TSV', rows.split('\n').length === 3 && rows.split('\n')[0].split('\t').length === 18, JSON.stringify(rows.slice(0, 60)));
  await page.keyboard.press('PageDown');
  const active = await page.locator('.grid-cell.active').count();
  check('PageDown keeps an active cell', active === 1);
  await page.keyboard.press('Control+End');
  const last = await page.locator('.grid-row.selected').getAttribute('data-row');
  check('Ctrl+End goes to the last loaded row', last === '99', last);
  // sort bytes numerically (descending after two clicks)
  const bytesIdx = (await page.locator('.grid-hname').allTextContents()).indexOf('bytes');
  await page.locator('.grid-hcell').nth(bytesIdx).locator('button').click();
  await page.locator('.grid-hcell').nth(bytesIdx).locator('button').click();
  const vals = await page.evaluate((c) => [...document.querySelectorAll('.grid-row')].slice(0, 5).map((r) => Number(r.querySelectorAll('.grid-value')[c].textContent)), bytesIdx);
  check('sort numeric descending', vals.every((v, i) => i === 0 || vals[i - 1] >= v), vals.join(','));
  const aria = await page.locator('.grid-hcell').nth(bytesIdx).getAttribute('aria-sort');
  check('aria-sort', aria === 'descending', aria);
  // filter box
  await page.locator('[data-testid=grid-filter]').click();
  await page.keyboard.type('10.0.0.1');
  await page.waitForTimeout(400);
  const status = await page.locator('[data-testid=status]').textContent();
  check('filter box narrows rows', /^\s*\d+ of \d+ rows/.test(status) && !/^\s*0 of/.test(status), status);
  // XSS text
  const xss = await page.locator('.grid-value', { hasText: '<img src=x onerror=alert(1)>' }).count();
  check('XSS payload shown as text', (await page.locator('.grid img').count()) === 0, `text cells: ${xss}`);
  // tab order
  await page.locator('.cm-content').click();
  const order = [];
  for (let i = 0; i < 14; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => { const a = document.activeElement; return a.dataset?.testid || a.getAttribute('aria-label') || a.tagName; }));
  }
  console.log(`  tab order from editor: ${order.join(' > ')}`);
};

scenarios.flows = async (page, theme) => {
  await page.goto(`${base}?theme=${theme}&run=1&rows=1000000`);
  await page.waitForSelector('.grid-row');
  const check = (name, ok, detail = '') => console.log(`  ${ok ? 'PASS' : 'FAIL'} ${name} ${detail}`);
  const sent = () => page.evaluate(() => window.__sent.map((m) => m.type));
  // histogram drag zooms: absolute range + rerun
  await page.waitForSelector('.histogram canvas');
  const box = await page.locator('.histogram canvas').boundingBox();
  const before = (await sent()).filter((t) => t === 'runQuery').length;
  await page.mouse.move(box.x + box.width * 0.25, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + 20, { steps: 5 });
  await page.mouse.up();
  await page.waitForTimeout(300);
  const runs = await page.evaluate(() => window.__sent.filter((m) => m.type === 'runQuery'));
  const lastRun = runs[runs.length - 1];
  check('histogram drag reruns with an absolute range', runs.length === before + 1 && lastRun.range.kind === 'absolute' && lastRun.range.to > lastRun.range.from, JSON.stringify(lastRun.range));
  const rangeValue = await page.evaluate(() => document.querySelector('[data-testid=range-select]').value);
  check('range picker shows "Between…"', rangeValue === 'absolute', rangeValue);
  await page.waitForSelector('[data-testid=load-all]:not([hidden])');
  // load all shows progress; cancel stops it
  await page.click('[data-testid=load-all]');
  await page.waitForFunction(() => /Loading all… [\d,]+ rows/.test(document.querySelector('[data-testid=status]').textContent));
  await page.screenshot({ path: `${outDir}/loadall-${theme}.png` });
  await page.click('[data-testid=cancel]');
  await page.waitForFunction(() => /Cancelled/.test(document.querySelector('[data-testid=status]').textContent));
  const status = await page.locator('[data-testid=status]').textContent();
  check('cancel during load all keeps rows', /Cancelled — [\d,]+ rows kept/.test(status), status);
  // state persisted and reported to the host
  await page.waitForTimeout(400);
  const states = await page.evaluate(() => window.__sent.filter((m) => m.type === 'stateChanged').map((m) => m.state));
  const st = states[states.length - 1];
  check('stateChanged carries query and range', st && st.query === '*' && st.range.kind === 'absolute', JSON.stringify(st));
  // Esc in the editor cancels a running query
  await page.click('.cm-content');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
  check('Esc sends cancel', (await sent()).filter((t) => t === 'cancel').length >= 2);
  // export
  await page.click('[data-testid=export-csv]');
  await page.waitForTimeout(400);
  const exp = await page.locator('[data-testid=export-progress]').textContent();
  check('export progress shown', /Exporting… 12,000 rows/.test(exp), exp);
  await page.click('[data-testid=export-cancel]');
  await page.waitForTimeout(200);
  check('export cancel', (await sent()).includes('cancelExport'));
};

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const names = only.length ? only : Object.keys(scenarios).filter((n) => n !== 'million');
for (const name of names) {
  const [scenario, theme = 'dark'] = name.split(':');
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => { problems.push(`DIALOG (script ran!): ${d.message()}`); void d.dismiss(); });
  try {
    await scenarios[scenario](page, theme);
    await page.screenshot({ path: `${outDir}/${scenario}-${theme}.png` });
    console.log(`${scenario}-${theme}: ok${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`);
  } catch (e) {
    await page.screenshot({ path: `${outDir}/${scenario}-${theme}-FAILED.png` });
    console.log(`${scenario}-${theme}: FAILED ${e.message}\n  ${problems.join('\n  ')}`);
  }
  await page.close();
}
await browser.close();
server.close();

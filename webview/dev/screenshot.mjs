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
    let work = 0;
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      sc.scrollTop += 900;
      sc.dispatchEvent(new Event('scroll'));
      await new Promise((res) => requestAnimationFrame(() => { work = performance.now() - t0; res(); }));
      await new Promise((res) => requestAnimationFrame(res));
      times.push(Number(document.querySelector('.grid').dataset.renderMs));
    }
    times.sort((a, b) => a - b);
    return { p50: times[30], p95: times[57] };
  });
  console.log(`scroll 20k, grid render ms: ${JSON.stringify(r)}`);
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

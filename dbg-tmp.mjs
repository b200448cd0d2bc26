import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';
const root = '.cache/webview-preview';
const server = createServer((req, res) => { const p = join(root, new URL(req.url, 'http://x').pathname); if (!existsSync(p)) return res.writeHead(404).end(); res.writeHead(200, { 'content-type': { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }[extname(p)] ?? 'application/octet-stream' }).end(readFileSync(p)); });
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
await page.goto(`http://127.0.0.1:${server.address().port}/preview.html?run=1&rows=60000`);
await page.waitForSelector('[data-testid=load-all]:not([hidden])');
try { await page.click('[data-testid=load-all]', { timeout: 5000 }); console.log('clicked'); } catch (e) { console.log(e.message.slice(0, 1500)); }
await browser.close(); server.close();

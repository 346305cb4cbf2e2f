#!/usr/bin/env node
// Browser checks of the search page of a built demo site (the items of docs/search.md,
// "The search page"), in headless Chromium:
//   - a misspelt word finds results; the meta line has no empty parts;
//   - a filter from the address is shown as a button that removes it and is announced in
//     the status line; removing it updates the address;
//   - the filters panel is open at 1280 px and closed at 390 px;
//   - nothing found offers "did you mean", and its link runs the suggestion;
//   - without JavaScript the page explains and links to the browse pages;
//   - axe-core (WCAG 2.0/2.1 A + AA) finds nothing in these states (with JavaScript on).
//
//   node tests/browser/search.mjs SITE_DIR
//
// The last line printed is always `browser: N passed, M failed`; exit 1 on any failure.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
const site = path.resolve(process.argv[2] || '');
if (!fs.existsSync(path.join(site, 'en', 'search', 'index.html'))) {
  console.error('usage: node tests/browser/search.mjs SITE_DIR (a built demo site)');
  console.log('browser: 0 passed, 1 failed');
  process.exit(1);
}

const server = http.createServer((req, res) => {
  let file = path.join(site, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!file.startsWith(site)) { res.writeHead(403); res.end(); return; }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
  res.end(fs.readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
// Playwright gives every launch a fresh profile of its own.
const browser = await chromium.launch({
  executablePath: process.env.DOCKET_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`PASS ${name}`);
  } catch (err) {
    failed++;
    console.log(`FAIL ${name}: ${err.message}`);
  }
}
function assert(condition, message) { if (!condition) throw new Error(message); }

async function open(url, { width = 1280, javaScript = true } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: javaScript });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400 && !/favicon/.test(r.url())) errors.push(`${r.status()} ${r.url()}`); });
  await page.goto(base + url);
  if (javaScript) await page.waitForFunction(() => { const s = document.querySelector('.search-status'); return s && s.textContent && !document.getElementById('search').hasAttribute('aria-busy') && !/…$/.test(s.textContent); });
  return { page, context, errors };
}
async function axe(page) {
  await page.addScriptTag({ content: AXE });
  const found = await page.evaluate(async () => (await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })).violations.map((v) => v.id));
  assert(found.length === 0, `axe: ${found.join(', ')}`);
}
const status = (page) => page.textContent('.search-status');

await check('a typo finds results with clean meta lines, filter shown, announced, removable', async () => {
  const { page, context, errors } = await open('/en/search/?q=totrure&mechanism=UPR');
  const text = await status(page);
  assert(/Results: \d+/.test(text) && /Filters on: 1/.test(text), `status: ${text}`);
  assert(await page.$eval('.search-filters', (d) => d.open), 'filters panel closed at 1280 px');
  const chips = await page.$$eval('.search-remove', (b) => b.map((x) => x.textContent));
  assert(chips.length === 1 && /UPR/.test(chips[0]), `active filters: ${chips}`);
  const metas = await page.$$eval('.rec-meta', (m) => m.map((x) => Array.from(x.children).map((c) => c.textContent.trim())));
  assert(metas.length > 0, 'no results');
  for (const parts of metas) assert(parts.length >= 3 && parts.every((p) => p.length > 0), `meta parts: ${JSON.stringify(parts)}`);
  await axe(page);
  await page.click('.search-remove');
  await page.waitForFunction(() => !/mechanism=/.test(location.search) && !/Filters on/.test(document.querySelector('.search-status').textContent));
  assert(await page.$eval('.search-active', (a) => a.hidden), 'active filters still shown');
  assert(errors.length === 0, errors.join('; '));
  await context.close();
});

await check('the filters panel is closed on a phone', async () => {
  const { page, context } = await open('/en/search/?q=torture', { width: 390 });
  assert(!(await page.$eval('.search-filters', (d) => d.open)), 'open at 390 px');
  await axe(page);
  await context.close();
});

await check('nothing found offers a suggestion that runs', async () => {
  const { page, context, errors } = await open('/en/search/?q=zzzture');
  const link = await page.$('.search-status a[data-query]');
  assert(link, `no suggestion: ${await status(page)}`);
  await axe(page);
  await link.click();
  await page.waitForFunction(() => /Results: \d+/.test(document.querySelector('.search-status').textContent));
  assert((await page.inputValue('#search-q')) === 'torture', 'the input does not show the suggestion');
  assert(/q=torture/.test(new URL(page.url()).search), `address: ${page.url()}`);
  assert(errors.length === 0, errors.join('; '));
  await context.close();
});

await check('a phrase and an exclusion in Arabic', async () => {
  const { page, context, errors } = await open('/ar/search/?q=' + encodeURIComponent('"البروتوكول الاختياري" -التعذيب'));
  assert(/\d/.test(await status(page)), `status: ${await status(page)}`);
  await axe(page);
  assert(errors.length === 0, errors.join('; '));
  await context.close();
});

await check('without JavaScript the page explains and links to the browse pages', async () => {
  const { page, context } = await open('/en/search/', { javaScript: false });
  assert(await page.isVisible('[data-search-nojs]'), 'no explanation');
  assert((await page.$$('.search-browse a')).length >= 2, 'no browse links');
  await context.close();
});

await browser.close();
server.close();
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

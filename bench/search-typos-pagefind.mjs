#!/usr/bin/env node
// Pagefind on Docket's typo query set: the share of misspelt queries whose intended page is
// among Pagefind's first 5 results, per language and overall. Not a test.
//
//   node bench/search-typos-pagefind.mjs DIR
//
// DIR holds site/ (built, with Pagefind's index in site/pagefind/) and queries.json
// (`[[lang, query, intended page, word], ...]`), both written by tests/search_typos.rs with
// DOCKET_TYPO_QUERIES=DIR; bench/search-typos-pagefind.sh does the whole run. Pagefind runs in
// headless Chromium (playwright-core from tests/browser) on a page in the query's language, so
// that it reads that language's index. Prints one JSON object.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(HERE, '..', 'tests/browser/package.json'));
const { chromium } = require('playwright-core');

const dir = path.resolve(process.argv[2]);
const site = path.join(dir, 'site');
const queries = JSON.parse(fs.readFileSync(path.join(dir, 'queries.json'), 'utf8'));

const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm' };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const bench = url.pathname.match(/^\/__bench-([a-z-]+)\.html$/);
  if (bench) {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><html lang="${bench[1]}"><title>bench</title></html>`);
    return;
  }
  const file = path.join(site, decodeURIComponent(url.pathname));
  if (!file.startsWith(site) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
  res.end(fs.readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = 'http://127.0.0.1:' + server.address().port;
const browser = await chromium.launch({
  executablePath: process.env.DOCKET_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

const result = { queries: queries.length, found: 0, by_lang: {}, missed: [] };
for (const lang of [...new Set(queries.map((q) => q[0]))]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/__bench-${lang}.html`);
  const mine = queries.filter((q) => q[0] === lang);
  const tops = await page.evaluate(async (qs) => {
    const pf = await import('/pagefind/pagefind.js');
    await pf.options({ basePath: '/pagefind/' });
    const out = [];
    for (const [, q] of qs) {
      const found = await pf.search(q);
      const data = await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
      out.push(data.map((d) => d.url));
    }
    return out;
  }, mine);
  let ok = 0;
  mine.forEach((q, i) => {
    const hit = tops[i].some((url) => url.replace(/index\.html$/, '') === q[2]);
    if (hit) ok++;
    else if (result.missed.length < 40) result.missed.push(`${q[3]}→${q[1]}`);
  });
  result.found += ok;
  result.by_lang[lang] = { queries: mine.length, found: ok, share: +(ok / mine.length).toFixed(4) };
  await context.close();
}
result.share = +(result.found / result.queries).toFixed(4);
await browser.close();
server.close();
console.log(JSON.stringify(result, null, 1));

#!/usr/bin/env node
// Search benchmark for one built site: bytes fetched and query time, for Docket's index and,
// when present, Pagefind's (SITE/pagefind/). Not a test.
//
//   node bench/search-measure.mjs SITE_DIR [LANG]
//
// Bytes: in headless Chromium (playwright-core from tests/browser), against a local server
// that gzips text (JSON, JS) as static hosts do and sends binary files as they are; each
// measurement starts with an empty cache. "first" is a query on a fresh page, "second" the
// next query on the same page (cached shards reused). Docket asks for the 10 best, as the
// search page does first (it reads postings only until they are certain); "with_facet_counts"
// opens the filters (Docket: counts for the query; Pagefind: `filters()`, on a site whose pages
// carry filters, see bench/pagefind-facets.mjs). Query time: Docket's client in Node (warm: median
// of 20 runs; cold: the first run, files read from disk), Pagefind in Chromium.
// Prints one JSON object.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
const require = createRequire(path.join(REPO, 'tests/browser/package.json'));
const { chromium } = require('playwright-core');
const { Index } = require(path.join(REPO, 'themes/default/static/search.js'));

const site = path.resolve(process.argv[2]);
const lang = process.argv[3] || 'en';
const FIRST = process.env.BENCH_FIRST || 'torture';
const SECOND = process.env.BENCH_SECOND || 'rural areas';
const QUERIES = ['torture', 'rural areas', 'judiciary independence', 'tort', 'X/12/CO/5', 'R1234',
  'totrure', 'indepnedence', 'rigths', '"rural areas"', '"independence of the judiciary"'];

const TEXT = /\.(json|js|html|css)$/;
function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/__bench.html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><html lang="en"><title>bench</title></html>');
      return;
    }
    const file = path.join(site, decodeURIComponent(url.pathname));
    if (!file.startsWith(site) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end();
      return;
    }
    let body = fs.readFileSync(file);
    const headers = {
      'content-type': file.endsWith('.js') ? 'text/javascript' : file.endsWith('.json') ? 'application/json'
        : file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream',
    };
    if (TEXT.test(file) && /gzip/.test(req.headers['accept-encoding'] || '')) {
      body = zlib.gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function browserBytes(browser, base, engine, queries, options) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  let requests = 0;
  page.on('requestfinished', async (request) => {
    const sizes = await request.sizes().catch(() => null);
    if (sizes) {
      bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      requests += 1;
    }
  });
  await page.goto(base + '/__bench.html');
  // Docket's client comes with the search page, so it is not part of a query: let its
  // request be counted before the first query starts (reported apart as client_bytes).
  if (engine === 'docket') await page.addScriptTag({ url: '/static/search.js' });
  await page.waitForTimeout(300);
  const client = [bytes, requests];
  const steps = [];
  for (const q of queries) {
    const before = [bytes, requests];
    const ms = await page.evaluate(async ([engine, lang, q, options]) => {
      const t0 = performance.now();
      if (engine === 'docket') {
        if (!window.ix) {
          window.ix = await window.DocketSearch.Index.open('/search/' + lang + '/manifest.json', (url, binary) =>
            fetch(url).then((r) => (binary ? r.arrayBuffer().then((b) => new Uint8Array(b)) : r.json())));
        }
        const found = await window.ix.search({ q, filters: [] }, options.facets, options.facets ? undefined : 10);
        await Promise.all(found.hits.slice(0, 10).map((h) => window.ix.row(h[0])));
        if (options.facets) await Promise.all(window.ix.m.facets.map((_, f) => window.ix.facetLabels(f)));
      } else {
        if (!window.pf) {
          window.pf = await import('/pagefind/pagefind.js');
          await window.pf.options({ basePath: '/pagefind/' });
        }
        const found = await window.pf.search(q);
        await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
        // The facet panel: every filter's values and counts (pages made by
        // bench/pagefind-facets.mjs carry Docket's facet values as filters).
        if (options.facets) await window.pf.filters();
      }
      return performance.now() - t0;
    }, [engine, lang, q, options]);
    await page.waitForTimeout(200);
    steps.push({ q, bytes: bytes - before[0], requests: requests - before[1], ms: Math.round(ms) });
  }
  await context.close();
  steps.client_bytes = client[0];
  return steps;
}

async function nodeTimes() {
  const load = (file, binary) => {
    const data = fs.readFileSync(file);
    return Promise.resolve(binary ? new Uint8Array(data) : JSON.parse(data.toString('utf8')));
  };
  const out = {};
  for (const q of QUERIES) {
    const index = await Index.open(path.join(site, 'search', lang, 'manifest.json'), load);
    let t0 = performance.now();
    let found = await index.search({ q, filters: [] }, false, 10);
    await Promise.all(found.hits.slice(0, 10).map((h) => index.row(h[0])));
    const cold = performance.now() - t0;
    const first = { total: found.total, complete: found.complete };
    const runs = [];
    for (let i = 0; i < 20; i++) {
      t0 = performance.now();
      found = await index.search({ q, filters: [] }, false, 10);
      await Promise.all(found.hits.slice(0, 10).map((h) => index.row(h[0])));
      runs.push(performance.now() - t0);
    }
    t0 = performance.now();
    const all = await index.search({ q, filters: [] }, true);
    const facets = performance.now() - t0;
    runs.sort((a, b) => a - b);
    out[q] = {
      hits: all.hits.length, first_total: first.total, first_complete: first.complete,
      cold_ms: +cold.toFixed(1), warm_ms: +runs[10].toFixed(1), with_counts_ms: +facets.toFixed(1),
    };
  }
  return out;
}

const server = await serve();
const base = 'http://127.0.0.1:' + server.address().port;
const browser = await chromium.launch({
  executablePath: process.env.DOCKET_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const result = { site, lang, node: await nodeTimes() };
result.client_bytes = (await browserBytes(browser, base, 'docket', [], { facets: false })).client_bytes;
result.docket = {
  first_then_second: await browserBytes(browser, base, 'docket', [FIRST, SECOND], { facets: false }),
  with_facet_counts: await browserBytes(browser, base, 'docket', [FIRST, SECOND], { facets: true }),
  each_query_cold: [],
};
for (const q of QUERIES) result.docket.each_query_cold.push((await browserBytes(browser, base, 'docket', [q], { facets: false }))[0]);
if (fs.existsSync(path.join(site, 'pagefind', 'pagefind.js'))) {
  result.pagefind = {
    first_then_second: await browserBytes(browser, base, 'pagefind', [FIRST, SECOND], {}),
    with_facet_counts: await browserBytes(browser, base, 'pagefind', [FIRST, SECOND], { facets: true }),
    each_query_cold: [],
  };
  for (const q of QUERIES) result.pagefind.each_query_cold.push((await browserBytes(browser, base, 'pagefind', [q], {}))[0]);
}
await browser.close();
server.close();
console.log(JSON.stringify(result, null, 1));

#!/usr/bin/env node
// The injection catalogue in a real browser: loads EVERY page of a site built from
// tests/fixtures/injection (see tests/injection/vectors.txt) in headless Chromium.
//
//   node tests/browser/injection.mjs SITE_DIR
//
// The site is served on an ephemeral 127.0.0.1 port with netlify.toml's
// Content-Security-Policy as Content-Security-Policy-Report-Only, so an injected script
// both runs (and is caught doing so) and is reported. A page fails when:
//   - anything sets window.__xss (in any frame), or alert/confirm/prompt/print is called;
//   - a CSP violation is reported, or the console logs an error;
//   - any request goes anywhere but the local server (every request is intercepted;
//     others are aborted);
//   - the DOM holds an inline event handler (on* attribute), an inline or foreign
//     <script>, or a javascript:/vbscript:/data: address in src, action, formaction,
//     data or srcdoc;
//   - clicking any link whose scheme is not http(s) (javascript:, data:, file:, ...)
//     does any of the above.
// Prints one line per failing page, and last `injection: N passed, M failed`; exit 1 on
// any failure. DOCKET_CHROMIUM overrides the browser (default /usr/bin/chromium).

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');
const CHROMIUM = process.env.DOCKET_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const WATCHDOG_MS = 8 * 60_000;
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

let passed = 0;
let failed = 0;

// The policy the published site gets, read from netlify.toml so there is one definition.
function contentSecurityPolicy() {
  const toml = fs.readFileSync(path.join(REPO_ROOT, 'netlify.toml'), 'utf8');
  const m = toml.match(/Content-Security-Policy\s*=\s*"([^"]+)"/);
  if (!m) throw new Error('no Content-Security-Policy in netlify.toml');
  return m[1];
}

function startServer(root, csp) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let rel;
    try {
      rel = path.posix.normalize(decodeURIComponent(url.pathname));
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, ...rel.split('/'));
    let st = null;
    try {
      st = await fsp.stat(file);
    } catch {}
    if (st && st.isDirectory()) {
      res.writeHead(301, { Location: `${url.pathname}/` }).end();
      return;
    }
    const found = st && st.isFile() && file.startsWith(root + path.sep);
    const body = await fsp.readFile(found ? file : path.join(root, '404.html')).catch(() => '');
    res.writeHead(found ? 200 : 404, {
      'Content-Type': TYPES[path.extname(found ? file : '.html').toLowerCase()] || 'application/octet-stream',
      'Content-Security-Policy-Report-Only': csp,
      'Cache-Control': 'no-store',
    });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function htmlPages(dir, base = '') {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = base ? `${base}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...htmlPages(path.join(dir, entry.name), rel));
    else if (entry.name.endsWith('.html')) out.push(rel);
  }
  return out.sort();
}

// Runs in every frame before any of the page's own code.
function hooks() {
  const report = (what) => window.__docketReport && window.__docketReport(what);
  Object.defineProperty(window, '__xss', {
    configurable: false,
    get: () => undefined,
    set: (v) => report(`script ran: window.__xss=${v}`),
  });
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (msg) => report(`script ran: ${name}(${msg})`);
  }
  document.addEventListener('securitypolicyviolation', (e) =>
    report(`CSP violation: ${e.violatedDirective} ${e.blockedURI || ''} ${e.sample || ''}`.trim()),
  );
}

// Runs in the page: what the DOM holds that could run script or load from elsewhere.
function dangerousMarkup() {
  const problems = [];
  const bad = /^\s*(javascript|vbscript|data\s*:\s*text\/html)|^\s*data:(?!image\/(png|gif|jpe?g|webp);)/i;
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`inline handler <${el.localName} ${name}>`);
      if (['src', 'action', 'formaction', 'data', 'srcdoc', 'xlink:href'].includes(name) && bad.test(attr.value)) {
        problems.push(`<${el.localName} ${name}="${attr.value.slice(0, 60)}">`);
      }
    }
    if (el.localName === 'script') {
      const src = el.getAttribute('src');
      if (!src) problems.push('inline <script>');
      else if (new URL(src, location.href).origin !== location.origin) problems.push(`foreign <script src="${src}">`);
    }
  }
  return problems;
}

// Links a user could click whose scheme is not http(s), as indexes into all links.
function unsafeLinks() {
  const links = [...document.querySelectorAll('a[href], area[href], a[*|href]')];
  return links
    .map((a, i) => ({ i, href: a.href?.baseVal ?? a.href ?? a.getAttribute('href') }))
    .filter(({ href }) => !/^https?:/i.test(String(href)));
}

// Listens on the one page that visits every URL; `problems` is the current page's list.
function watch(page, problems) {
  page.on('dialog', (d) => {
    problems.push(`dialog opened: ${d.type()} ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on('console', (m) => {
    // A missing local file (an <img src=x> kept by the sanitiser) is not an injection, and a
    // blocked request is reported below with its address.
    const text = m.text();
    if (m.type() === 'error' && !/status of 404|ERR_BLOCKED_BY_CLIENT/.test(text)) {
      problems.push(`console error: ${text.slice(0, 200)}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`page error: ${String(e).slice(0, 200)}`));
}

// `page.evaluate(fn)`, again on the next document when the site's own redirect (the root
// page's meta refresh to the default language) replaced the first one meanwhile.
async function settled(page, fn) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await page.evaluate(fn);
    } catch (err) {
      if (attempt > 2 || !/context was destroyed|navigat/i.test(String(err))) throw err;
      await page.waitForLoadState('load').catch(() => {});
    }
  }
}

async function checkPage(page, url, problems) {
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    problems.push(...(await settled(page, dangerousMarkup)));
    const links = await settled(page, unsafeLinks);
    for (const { i, href } of links) {
      if (page.url() !== url) await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
      const handle = (await page.$$('a[href], area[href], a[*|href]'))[i];
      if (!handle) continue;
      const before = problems.length;
      await handle.click({ timeout: 2_000, force: true, noWaitAfter: true }).catch(() => {});
      await page.waitForTimeout(100);
      if (problems.length > before) problems.push(`(after clicking ${String(href).slice(0, 80)})`);
    }
  } catch (err) {
    problems.push(`error: ${err && err.message ? err.message.split('\n')[0] : err}`);
  }
}

async function main() {
  const siteArg = process.argv[2];
  if (!siteArg || !fs.existsSync(siteArg)) throw new Error('usage: node tests/browser/injection.mjs SITE_DIR');
  const site = fs.realpathSync(siteArg);
  const server = await startServer(site, contentSecurityPolicy());
  const origin = `http://127.0.0.1:${server.address().port}`;
  const userDataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'docket-injection-'));
  const pages = htmlPages(site);
  console.log(`injection: ${pages.length} pages of ${site} at ${origin}`);
  const problems = [];
  const external = [];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    serviceWorkers: 'block',
  });
  try {
    await context.exposeBinding('__docketReport', (_source, what) => problems.push(what));
    await context.addInitScript(hooks);
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (u.startsWith(`${origin}/`)) return route.continue();
      external.push(u);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    watch(page, problems);
    for (const rel of pages) {
      problems.length = 0;
      external.length = 0;
      await checkPage(page, `${origin}/${rel.replace(/index\.html$/, '')}`, problems);
      // Let a late script or request show itself before the next page (a page's own
      // redirect may interrupt the first try).
      await page.goto('about:blank').catch(() => page.goto('about:blank'));
      problems.push(...external.map((u) => `request left the site: ${u}`));
      if (problems.length === 0) {
        passed += 1;
      } else {
        failed += 1;
        console.log(`FAIL /${rel}`);
        for (const p of [...new Set(problems)]) console.log(`  - ${p}`);
      }
    }
  } finally {
    await context.close().catch(() => {});
    server.close();
    await fsp.rm(userDataDir, { recursive: true, force: true }).catch(() => {});
  }
}

const watchdog = setTimeout(() => {
  console.log(`FAIL watchdog: not finished within ${WATCHDOG_MS / 1000}s`);
  console.log(`injection: ${passed} passed, ${failed + 1} failed`);
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

main()
  .catch((err) => {
    console.log(`FAIL setup: ${err && err.stack ? err.stack : err}`);
    failed += 1;
  })
  .finally(() => {
    if (passed + failed === 0) failed += 1;
    console.log(`injection: ${passed} passed, ${failed} failed`);
    process.exit(failed > 0 ? 1 : 0);
  });

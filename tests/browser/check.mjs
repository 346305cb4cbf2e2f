#!/usr/bin/env node
// Browser checks for a built Docket site.
//
//   node tests/browser/check.mjs SITE_DIR [--screens DIR]
//
// Serves SITE_DIR on an ephemeral 127.0.0.1 port (tiny built-in static server:
// `/x/` -> `/x/index.html`, `/x` (a directory) -> 301 `/x/`, missing -> 404 with
// SITE_DIR/404.html), opens a few pages in headless Debian Chromium through
// playwright-core, and checks for each page:
//   - HTTP 200, <html lang> equals the page language;
//   - <html dir> and the computed `direction` of <body> are rtl (ar) / ltr (en);
//   - an <h1> with non-empty text and a <main> landmark;
//   - no console errors / uncaught page errors, no failed (>= 400) local
//     responses, and no request to any host other than the local server
//     (such requests are aborted and fail the page);
//   - axe-core (WCAG 2.0/2.1 A + AA) reports zero violations, at desktop
//     width and at phone width (390x844).
// A 390x844 screenshot of each page goes to target/ci-screens/{name}.png.
// The last line printed is always `browser: N passed, M failed`; exit 1 on any failure.
//
// Environment: DOCKET_CHROMIUM overrides the browser (default /usr/bin/chromium).

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');
const require = createRequire(import.meta.url);

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
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const NAV_TIMEOUT_MS = 30_000;
const WATCHDOG_MS = 5 * 60_000;

let passed = 0;
let failed = 0;
let summaryPrinted = false;

function printSummary() {
  if (summaryPrinted) return;
  summaryPrinted = true;
  console.log(`browser: ${passed} passed, ${failed} failed`);
}

function usage(msg) {
  if (msg) console.log(`check.mjs: ${msg}`);
  console.log('usage: node tests/browser/check.mjs SITE_DIR [--screens DIR]');
  failed += 1;
  printSummary();
  process.exit(2);
}

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  let site = null;
  let screens = path.join(REPO_ROOT, 'target', 'ci-screens');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--screens') {
      if (i + 1 >= argv.length) usage('--screens needs a directory');
      screens = path.resolve(argv[++i]);
    } else if (a === '-h' || a === '--help') {
      usage();
    } else if (a.startsWith('-')) {
      usage(`unknown option ${a}`);
    } else if (site === null) {
      site = path.resolve(a);
    } else {
      usage(`unexpected argument ${a}`);
    }
  }
  if (site === null) usage('missing SITE_DIR');
  if (!fs.existsSync(site) || !fs.statSync(site).isDirectory()) {
    usage(`site directory not found: ${site}`);
  }
  return { site: fs.realpathSync(site), screens };
}

// ---------------------------------------------------------- static server

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

async function statOrNull(p) {
  try {
    return await fsp.stat(p);
  } catch {
    return null;
  }
}

function startServer(root) {
  const send = (req, res, status, headers, body) => {
    res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const notFound = async (req, res) => {
    const page = path.join(root, '404.html');
    const st = await statOrNull(page);
    if (st && st.isFile()) {
      send(req, res, 404, { 'Content-Type': TYPES['.html'] }, await fsp.readFile(page));
    } else {
      send(req, res, 404, { 'Content-Type': TYPES['.txt'] }, 'Not Found\n');
    }
  };

  const server = http.createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(req, res, 405, { Allow: 'GET, HEAD', 'Content-Type': TYPES['.txt'] }, 'Method Not Allowed\n');
        return;
      }
      const url = new URL(req.url, 'http://127.0.0.1');
      let pathname;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        send(req, res, 400, { 'Content-Type': TYPES['.txt'] }, 'Bad Request\n');
        return;
      }
      if (pathname.includes('\0')) {
        send(req, res, 400, { 'Content-Type': TYPES['.txt'] }, 'Bad Request\n');
        return;
      }
      // posix.normalize of an absolute path cannot climb above '/'.
      let rel = path.posix.normalize(pathname);
      if (rel.endsWith('/')) rel += 'index.html';
      const file = path.join(root, ...rel.split('/'));
      if (file !== root && !file.startsWith(root + path.sep)) {
        send(req, res, 403, { 'Content-Type': TYPES['.txt'] }, 'Forbidden\n');
        return;
      }
      const st = await statOrNull(file);
      if (st && st.isDirectory()) {
        send(req, res, 301, { Location: `${url.pathname}/${url.search}` }, '');
        return;
      }
      if (!st || !st.isFile()) {
        await notFound(req, res);
        return;
      }
      const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
      send(req, res, 200, { 'Content-Type': type, 'Content-Length': st.size }, await fsp.readFile(file));
    } catch (err) {
      if (!res.headersSent) {
        send(req, res, 500, { 'Content-Type': TYPES['.txt'] }, `Internal Server Error\n${err}\n`);
      } else {
        res.destroy();
      }
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// ------------------------------------------------------------------ pages

function findRecommendationSlug(site) {
  const dir = path.join(site, 'en', 'recommendations');
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return { slug: null, why: `cannot read directory ${dir}` };
  }
  // Skip the redirect pages of old ids: a real recommendation page is what users cite.
  const isPage = (name) => {
    const file = path.join(dir, name, 'index.html');
    return fs.existsSync(file) && !fs.readFileSync(file, 'utf8').includes('http-equiv="refresh"');
  };
  const slugs = entries
    .filter((e) => e.isDirectory() && e.name !== 'page' && isPage(e.name))
    .map((e) => e.name)
    .sort();
  if (slugs.length === 0) {
    return { slug: null, why: `no */index.html under ${dir}` };
  }
  return { slug: slugs[0], why: null };
}

function pagesToCheck(site) {
  const pages = [
    { name: 'en-home', lang: 'en', urlPath: '/en/' },
    { name: 'ar-home', lang: 'ar', urlPath: '/ar/' },
  ];
  const { slug, why } = findRecommendationSlug(site);
  for (const lang of ['en', 'ar']) {
    pages.push({
      name: `${lang}-recommendation`,
      lang,
      urlPath: slug === null ? null : `/${lang}/recommendations/${encodeURIComponent(slug)}/`,
      setupError: slug === null ? `no English recommendation page found: ${why}` : null,
    });
  }
  // Every other kind of page, where the demo has one: lists, terms, dashboards, search.
  const firstEntry = (section) => {
    const dir = path.join(site, 'en', section);
    if (!fs.existsSync(dir)) return null;
    const names = fs.readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'page' && fs.existsSync(path.join(dir, e.name, 'index.html')))
      .map((e) => e.name)
      .sort();
    return names.length ? `${section}/${names[0]}/` : null;
  };
  const more = [
    ['recommendations', 'recommendations/'],
    ['mechanism', firstEntry('mechanisms')],
    ['theme', firstEntry('themes')],
    ['institution', firstEntry('institutions')],
    ['action', firstEntry('actions')],
    ['indicator', firstEntry('indicators')],
    ['overdue', 'overdue/'],
    ['reporting', 'reporting/'],
    ['scorecards', 'scorecards/'],
    ['changes', 'changes/'],
    ['search', 'search/'],
    ['data', 'data/'],
    ['about', 'about/'],
    ['draft-report', 'mechanisms/upr/report/cycle-4/'],
  ];
  for (const [name, rel] of more) {
    if (rel === null) continue;
    for (const lang of ['en', 'ar']) {
      if (!fs.existsSync(path.join(site, lang, rel, 'index.html'))) continue;
      pages.push({ name: `${lang}-${name}`, lang, urlPath: `/${lang}/${rel}` });
    }
  }
  return pages;
}

// -------------------------------------------------------------------- axe

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function injectAxe(page) {
  const present = () => page.evaluate(() => typeof window.axe === 'object' && window.axe !== null);
  if (await present()) return;
  try {
    await page.addScriptTag({ content: AXE_SOURCE });
  } catch {
    // e.g. a strict Content-Security-Policy blocks inline <script>: fall
    // back to evaluating the source directly (not subject to the page CSP).
  }
  if (!(await present())) {
    await page.evaluate(AXE_SOURCE);
  }
  if (!(await present())) throw new Error('could not inject axe-core into the page');
}

async function runAxe(page) {
  await injectAxe(page);
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      count: v.nodes.length,
      nodes: v.nodes.slice(0, 3).map((n) => ({
        target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' | '),
        html: n.html,
      })),
    }));
  }, AXE_TAGS);
}

function formatViolations(label, violations) {
  // One (multi-line) problem per violation: id, impact, help, then up to 3
  // target selectors, each followed by its HTML snippet.
  return violations.map((v) => {
    const lines = [
      `axe ${label}: ${v.id} [${v.impact ?? 'n/a'}] ${v.help} (${v.count} node${v.count === 1 ? '' : 's'}; ${v.helpUrl})`,
    ];
    for (const n of v.nodes) {
      const html = n.html.replace(/\s+/g, ' ').trim();
      lines.push(`      target: ${n.target}`);
      lines.push(`      html:   ${html.length > 300 ? `${html.slice(0, 300)}...` : html}`);
    }
    return lines.join('\n');
  });
}

// ----------------------------------------------------------------- checks

async function checkPage(context, origin, spec, screensDir) {
  const problems = [];
  if (spec.setupError) return [spec.setupError];

  const url = origin + spec.urlPath;
  const page = await context.newPage();
  page.setDefaultTimeout(NAV_TIMEOUT_MS);
  page.setDefaultNavigationTimeout(NAV_TIMEOUT_MS);

  // Collected while the page loads and settles; axe injection comes later.
  let collecting = true;
  const consoleErrors = [];
  const badResponses = [];
  page.on('console', (msg) => {
    if (collecting && msg.type() === 'error') {
      const loc = msg.location();
      const where = loc && loc.url ? ` (${loc.url}${loc.lineNumber ? `:${loc.lineNumber}` : ''})` : '';
      consoleErrors.push(`${msg.text()}${where}`);
    }
  });
  page.on('pageerror', (err) => {
    if (collecting) consoleErrors.push(`uncaught: ${err.message}`);
  });
  page.on('websocket', (ws) => {
    const local = `ws://${origin.slice('http://'.length)}`;
    if (!(ws.url() === local || ws.url().startsWith(`${local}/`))) {
      problems.push(`external WebSocket: ${ws.url()}`);
    }
  });
  page.on('response', (resp) => {
    if (resp.url().startsWith(`${origin}/`) && resp.status() >= 400 && resp.url() !== url) {
      badResponses.push(`${resp.status()} ${resp.url().slice(origin.length)}`);
    }
  });

  try {
    const resp = await page.goto(url, { waitUntil: 'load' });
    if (!resp) {
      problems.push('navigation returned no response');
    } else if (resp.status() !== 200) {
      problems.push(`HTTP ${resp.status()} (expected 200); page not checked further`);
      return problems;
    }
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});

    const facts = await page.evaluate(() => {
      const h1 = document.querySelector('h1');
      return {
        lang: document.documentElement.getAttribute('lang'),
        dir: document.documentElement.dir,
        bodyDirection: document.body ? getComputedStyle(document.body).direction : null,
        h1Count: document.querySelectorAll('h1').length,
        h1Text: h1 ? (h1.innerText || h1.textContent || '').trim() : null,
        mainCount: document.querySelectorAll('main, [role="main"]').length,
      };
    });

    if ((facts.lang ?? '').toLowerCase() !== spec.lang) {
      problems.push(`<html lang> is ${JSON.stringify(facts.lang)}, expected "${spec.lang}"`);
    }
    const wantDir = spec.lang === 'ar' ? 'rtl' : 'ltr';
    if (facts.dir !== wantDir) {
      problems.push(`document.documentElement.dir is ${JSON.stringify(facts.dir)}, expected "${wantDir}"`);
    }
    if (facts.bodyDirection !== wantDir) {
      problems.push(`computed direction of <body> is ${JSON.stringify(facts.bodyDirection)}, expected "${wantDir}"`);
    }
    if (facts.h1Count === 0) {
      problems.push('no <h1>');
    } else if (!facts.h1Text) {
      problems.push('the first <h1> has no text');
    }
    if (facts.mainCount === 0) {
      problems.push('no <main> landmark');
    }

    collecting = false;
    for (const e of consoleErrors) problems.push(`console error: ${e}`);
    for (const r of badResponses) problems.push(`failed local request: ${r}`);

    const desktop = await runAxe(page);
    problems.push(...formatViolations(`${DESKTOP.width}x${DESKTOP.height}`, desktop));

    await page.setViewportSize(PHONE);
    await page.waitForTimeout(100);
    const phone = await runAxe(page);
    // Only report phone-width violations that are new (id + first target).
    const seen = new Set(desktop.flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target}`)));
    const phoneOnly = phone
      .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !seen.has(`${v.id} ${n.target}`)) }))
      .filter((v) => v.nodes.length > 0);
    problems.push(...formatViolations(`${PHONE.width}x${PHONE.height}`, phoneOnly));

    await fsp.mkdir(screensDir, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(screensDir, `${spec.name}.png`) });
  } catch (err) {
    problems.push(`error: ${err && err.message ? err.message.split('\n')[0] : err}`);
  } finally {
    await page.close().catch(() => {});
  }
  return problems;
}

// ------------------------------------------------------------------- main

async function main() {
  const { site, screens } = parseArgs(process.argv.slice(2));
  const started = Date.now();

  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
  }

  const server = await startServer(site);
  const origin = `http://127.0.0.1:${server.address().port}`;
  console.log(`browser: serving ${site} at ${origin}`);

  const userDataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'docket-chromium-'));
  const external = []; // [{ page, url }]
  let currentPage = null;
  let context = null;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: DESKTOP,
      locale: 'en-US',
      timezoneId: 'UTC',
      serviceWorkers: 'block',
    });
    console.log(`browser: Chromium ${context.browser()?.version() ?? '(version unknown)'}`);

    // Every request goes through here: local ones continue, anything else is
    // recorded against the current page and aborted.
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (u === origin || u.startsWith(`${origin}/`)) return route.continue();
      external.push({ page: currentPage, url: u });
      return route.abort('blockedbyclient');
    });

    for (const spec of pagesToCheck(site)) {
      currentPage = spec.name;
      const t0 = Date.now();
      const problems = await checkPage(context, origin, spec, screens);
      for (const e of external.filter((x) => x.page === spec.name)) {
        problems.push(`external request (blocked): ${e.url}`);
      }
      const secs = ((Date.now() - t0) / 1000).toFixed(1);
      const where = spec.urlPath ?? '(none)';
      if (problems.length === 0) {
        passed += 1;
        console.log(`PASS ${spec.name} ${where} (${secs}s)`);
      } else {
        failed += 1;
        console.log(`FAIL ${spec.name} ${where} (${secs}s)`);
        for (const p of problems) console.log(`  - ${p}`);
      }
    }
    const stray = external.filter((x) => x.page === null);
    if (stray.length > 0) {
      failed += 1;
      console.log('FAIL external requests outside any page check');
      for (const e of stray) console.log(`  - ${e.url}`);
    }
  } finally {
    if (context) await context.close().catch(() => {});
    await new Promise((resolve) => server.close(resolve));
    await fsp.rm(userDataDir, { recursive: true, force: true }).catch(() => {});
  }
  const shown = path.relative(process.cwd(), screens);
  console.log(`browser: screenshots in ${shown && !shown.startsWith('..') ? shown : screens} (${((Date.now() - started) / 1000).toFixed(1)}s total)`);
}

const watchdog = setTimeout(() => {
  console.log(`FAIL watchdog: browser checks did not finish within ${WATCHDOG_MS / 1000}s`);
  failed += 1;
  printSummary();
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

main()
  .catch((err) => {
    console.log(`FAIL setup: ${err && err.stack ? err.stack : err}`);
    failed += 1;
  })
  .finally(() => {
    if (passed + failed === 0) failed += 1; // nothing ran: that is a failure
    printSummary();
    process.exit(failed > 0 ? 1 : 0);
  });

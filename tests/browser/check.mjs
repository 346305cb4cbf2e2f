#!/usr/bin/env node
// Browser checks for a built Docket site.
//
//   node tests/browser/check.mjs SITE_DIR [--screens DIR]
//
// Serves SITE_DIR on an ephemeral 127.0.0.1 port (tiny built-in static server:
// `/x/` -> `/x/index.html`, `/x` (a directory) -> 301 `/x/`, missing -> 404 with
// SITE_DIR/{lang}/404.html or SITE_DIR/404.html), opens a sample page of every
// kind in en, fr, es and ar, and of the main kinds in the site's other languages,
// in headless Debian Chromium through playwright-core, and checks for each page:
//   - HTTP 200, <html lang> equals the page language;
//   - <html dir> and the computed `direction` of <body> are rtl (ar) / ltr (en);
//   - an <h1> with non-empty text and a <main> landmark;
//   - no console errors / uncaught page errors, no failed (>= 400) local
//     responses, and no request to any host other than the local server
//     (such requests are aborted and fail the page);
//   - at 1280, 390 and 320 px wide: no horizontal scroll; axe-core (WCAG
//     2.0/2.1 A + AA and best-practice) reports zero violations; the <h1>
//     starts within the first screen;
//   - chart text renders at >= 12 CSS px at 390 px, and no two chart labels
//     overlap (in any language);
//   - the focus indicator of each of the first 20 Tab stops has a contrast of
//     >= 3:1 against the background it is drawn on (at 1280 and 320 px);
//   - a missing page under /{lang}/ answers 404 with that language's page.
// A screenshot of each page at each width goes to target/ci-screens/{name}-{width}.png.
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
const SMALL_PHONE = { width: 320, height: 640 };
const WIDTHS = [DESKTOP, PHONE, SMALL_PHONE];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const TAB_STOPS = 20;
const MIN_CHART_PX = 12;
const NAV_TIMEOUT_MS = 30_000;
const WATCHDOG_MS = 25 * 60_000;

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

  // Like the `_redirects` rules Docket writes: a language's own 404 page under its prefix.
  const notFound = async (req, res) => {
    const lang = /^\/([a-z]{2,3}(?:-[A-Za-z0-9]+)*)\//.exec(new URL(req.url, 'http://127.0.0.1').pathname);
    const own = lang ? path.join(root, lang[1], '404.html') : null;
    const page = own && fs.existsSync(own) ? own : path.join(root, '404.html');
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

function siteLanguages(site) {
  return fs.readdirSync(site, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(site, e.name, 'index.html')) && fs.existsSync(path.join(site, e.name, 'search')))
    .map((e) => e.name)
    .sort();
}

// Every kind of page is checked in these languages (Latin left to right, Arabic right to left);
// the other languages of a site (Russian, Chinese...) get the main kinds, to keep CI short while
// still covering their scripts' line breaking at every width.
const FULL_CHECK_LANGUAGES = new Set(['en', 'fr', 'es', 'ar']);
const MAIN_KINDS = new Set(['home', 'recommendation', 'recommendations', 'theme', 'mechanism', 'action', 'search', 'about']);

function pagesToCheck(site) {
  const languages = siteLanguages(site);
  const pages = [];
  const { slug, why } = findRecommendationSlug(site);
  // Every kind of page, where the demo has one: lists, terms, dashboards, search, 404.
  const firstEntry = (section) => {
    const dir = path.join(site, 'en', section);
    if (!fs.existsSync(dir)) return null;
    const names = fs.readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'page' && fs.existsSync(path.join(dir, e.name, 'index.html')))
      .map((e) => e.name)
      .sort();
    return names.length ? `${section}/${names[0]}/` : null;
  };
  // The first long term list (more than ten pages: the ones whose former newest-first copy,
  // by-date/, forwards to them).
  const firstLongList = () => {
    for (const section of ['mechanisms', 'themes', 'institutions', 'groups', 'statuses']) {
      const dir = path.join(site, 'en', section);
      if (!fs.existsSync(dir)) continue;
      const names = fs.readdirSync(dir).sort();
      const name = names.find((n) => fs.existsSync(path.join(dir, n, 'by-date', 'index.html')));
      if (name) return `${section}/${name}/page/2/`;
    }
    return null;
  };
  // One State's list of the first long list that has them (a multi-State portal's
  // `themes/torture/states/pry/`: rows without the State, which the page names once).
  const firstStateList = () => {
    for (const section of ['mechanisms', 'themes', 'institutions', 'groups', 'statuses']) {
      const dir = path.join(site, 'en', section);
      if (!fs.existsSync(dir)) continue;
      for (const name of fs.readdirSync(dir).sort()) {
        const states = path.join(dir, name, 'states');
        if (!fs.existsSync(states)) continue;
        const first = fs.readdirSync(states).sort()[0];
        if (first) return `${section}/${name}/states/${first}/`;
      }
    }
    return null;
  };
  const kinds = [
    ['home', ''],
    ['recommendation', slug === null ? null : `recommendations/${encodeURIComponent(slug)}/`],
    ['recommendations', 'recommendations/'],
    ['recommendations-page-2', 'recommendations/page/2/'],
    ['themes', 'themes/'],
    ['mechanism', 'mechanisms/upr/'],
    ['term-long-list', firstLongList()],
    ['term-state-list', firstStateList()],
    ['theme', firstEntry('themes')],
    ['institution', firstEntry('institutions')],
    ['status', firstEntry('statuses')],
    ['action', firstEntry('actions')],
    ['actions', 'actions/'],
    ['indicator', 'indicators/ind-pretrial/'],
    ['overdue', 'overdue/'],
    ['reporting', 'reporting/'],
    ['scorecards', 'scorecards/'],
    ['changes', 'changes/'],
    ['disputed', 'disputed/'],
    ['search', 'search/'],
    ['data', 'data/'],
    ['about', 'about/'],
    ['draft-report', 'mechanisms/upr/report/cycle-4/'],
    ['recommending-states', 'recommending-states/'],
    ['recommending-state', firstEntry('recommending-states')],
    // Only a multi-State portal has these.
    ['states', 'states/'],
    ['state', firstEntry('states')],
  ];
  for (const lang of languages) {
    for (const [name, rel] of kinds) {
      if (!FULL_CHECK_LANGUAGES.has(lang) && !MAIN_KINDS.has(name)) continue;
      if (name === 'recommendation' && rel === null) {
        pages.push({ name: `${lang}-${name}`, lang, urlPath: null, setupError: `no English recommendation page found: ${why}` });
        continue;
      }
      if (rel === null || !fs.existsSync(path.join(site, lang, rel, 'index.html'))) continue;
      pages.push({ name: `${lang}-${name}`, lang, urlPath: `/${lang}/${rel}` });
    }
    pages.push({ name: `${lang}-not-found`, lang, urlPath: `/${lang}/no-such-page/`, status: 404 });
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
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
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

// ------------------------------------------------------ layout, charts, focus

// Runs in the page: horizontal overflow, what causes it, where the heading starts.
function layoutFacts() {
  const width = document.documentElement.clientWidth;
  const inScroller = (e) => {
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
    }
    return false;
  };
  const culprits = [...document.body.querySelectorAll('*')]
    .filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && (r.right > width + 1 || r.left < -1) && !inScroller(e);
    })
    .slice(0, 5)
    .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${typeof e.className === 'string' && e.className ? `.${e.className.split(' ').join('.')}` : ''}`);
  const h1 = document.querySelector('h1');
  return {
    width,
    height: window.innerHeight,
    scrollWidth: document.documentElement.scrollWidth,
    culprits,
    h1Top: h1 ? Math.round(h1.getBoundingClientRect().top + window.scrollY) : null,
  };
}

// Runs in the page: chart text smaller than `min` CSS px, and chart labels that overlap.
function chartFacts(min) {
  const small = [];
  const overlaps = [];
  for (const svg of document.querySelectorAll('svg.chart')) {
    const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim() !== '');
    for (const t of texts) {
      const ctm = t.getScreenCTM();
      const px = parseFloat(getComputedStyle(t).fontSize) * (ctm ? Math.hypot(ctm.a, ctm.b) : 1);
      if (px < min - 0.01) small.push({ text: t.textContent, px });
    }
    const boxes = texts.map((t) => [t.textContent, t.getBoundingClientRect()]);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, ra] = boxes[i];
        const [b, rb] = boxes[j];
        const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (x > 1 && y > 1) overlaps.push([a, b]);
      }
    }
  }
  return { small: small.slice(0, 5), overlaps: overlaps.slice(0, 5) };
}

function luminance({ r, g, b }) {
  const f = (c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}

function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// Runs in the page: the focused element's outline and the colour of what lies just outside
// it, where the outline is drawn (the first opaque background at that point).
function focusFacts() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const parse = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const cs = getComputedStyle(el);
  const name = `${el.tagName.toLowerCase()} "${(el.innerText || el.getAttribute('aria-label') || el.value || '').trim().slice(0, 40)}"`;
  const width = parseFloat(cs.outlineWidth) || 0;
  const outline = cs.outlineStyle !== 'none' && width >= 1 ? parse(cs.outlineColor) : null;
  const offset = parseFloat(cs.outlineOffset) || 0;
  const r = el.getBoundingClientRect();
  const gap = offset + width / 2;
  const y = Math.min(Math.max(r.top + r.height / 2, 0), window.innerHeight - 1);
  const x = r.left - gap >= 0 ? r.left - gap : Math.min(r.right + gap, window.innerWidth - 1);
  let background = null;
  const stack = gap > 0 ? document.elementsFromPoint(x, y) : [el, ...document.elementsFromPoint(x, y)];
  for (const node of stack) {
    if (gap > 0 && (node === el || el.contains(node))) continue;
    const c = parse(getComputedStyle(node).backgroundColor);
    if (c && c.a > 0.5) {
      background = c;
      break;
    }
  }
  return { name, outline, width, background: background || { r: 255, g: 255, b: 255, a: 1 } };
}

async function focusProblems(page) {
  const problems = [];
  // Start from the top of the page: focus a throwaway element at the start of <body>, remove it.
  await page.evaluate(() => {
    const start = document.createElement('span');
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus();
    start.remove();
    window.scrollTo(0, 0);
  });
  for (let i = 1; i <= TAB_STOPS; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(focusFacts);
    if (f === null) break;
    if (f.outline === null || f.outline.a < 1) {
      problems.push(`Tab stop ${i} (${f.name}) has no solid focus outline`);
      continue;
    }
    const ratio = contrast(f.outline, f.background);
    if (ratio < 3) {
      problems.push(`Tab stop ${i} (${f.name}): focus outline contrast ${ratio.toFixed(2)}:1 (< 3:1)`);
    }
  }
  return problems;
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
    } else if (resp.status() !== (spec.status ?? 200)) {
      problems.push(`HTTP ${resp.status()} (expected ${spec.status ?? 200}); page not checked further`);
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
    // A 404 page's own status is logged by Chromium as a console error: that one is expected.
    const expected = (e) => spec.status === 404 && e.includes('404') && e.includes(url);
    for (const e of consoleErrors.filter((e) => !expected(e))) problems.push(`console error: ${e}`);
    for (const r of badResponses) problems.push(`failed local request: ${r}`);

    // At each width: reflow, the heading on the first screen, axe, charts, focus, a screenshot.
    // Axe violations already reported at a wider width (same rule, same node) are not repeated.
    const seen = new Set();
    await fsp.mkdir(screensDir, { recursive: true });
    for (const size of WIDTHS) {
      const label = `${size.width}x${size.height}`;
      await page.setViewportSize(size);
      await page.waitForTimeout(50);
      const layout = await page.evaluate(layoutFacts);
      if (layout.scrollWidth > layout.width) {
        problems.push(`${label}: scrolls sideways (${layout.scrollWidth}px for ${layout.width}px); wider: ${layout.culprits.join(', ')}`);
      }
      if (layout.h1Top !== null && layout.h1Top >= layout.height) {
        problems.push(`${label}: the <h1> starts at ${layout.h1Top}px, below the first screen`);
      }
      if (size === PHONE) {
        const charts = await page.evaluate(chartFacts, MIN_CHART_PX);
        for (const t of charts.small) problems.push(`${label}: chart text "${t.text}" renders at ${t.px.toFixed(1)}px (< ${MIN_CHART_PX}px)`);
        for (const o of charts.overlaps) problems.push(`${label}: chart labels overlap: "${o[0]}" and "${o[1]}"`);
      }
      const violations = await runAxe(page);
      const fresh = violations
        .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !seen.has(`${v.id} ${n.target}`)) }))
        .filter((v) => v.nodes.length > 0);
      for (const v of violations) for (const n of v.nodes) seen.add(`${v.id} ${n.target}`);
      problems.push(...formatViolations(label, fresh));
      if (size !== PHONE) {
        for (const p of await focusProblems(page)) problems.push(`${label}: ${p}`);
      }
      await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
      await page.screenshot({ path: path.join(screensDir, `${spec.name}-${size.width}.png`) });
    }
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

    // DOCKET_BROWSER_ONLY=regex checks only the pages whose name matches (while working).
    const only = process.env.DOCKET_BROWSER_ONLY ? new RegExp(process.env.DOCKET_BROWSER_ONLY) : null;
    for (const spec of pagesToCheck(site).filter((p) => !only || only.test(p.name))) {
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

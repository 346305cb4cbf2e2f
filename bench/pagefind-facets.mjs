#!/usr/bin/env node
// A copy of a built site whose recommendation, action and document pages carry Docket's facet
// values as Pagefind filters, so that Pagefind can be measured with facets. Not a test; Docket's
// own pages are not changed.
//
//   node bench/pagefind-facets.mjs SITE_DIR COPY_DIR [LANG...]
//
// COPY_DIR (which must not exist) is made with hard links (`cp -al`); each page that gets
// filters is unlinked and written anew, so SITE_DIR is never modified. The values come from
// Docket's search index of each language (the same facet blocks its client reads): per entry,
// per facet, a `<span data-pagefind-filter="facet:key"></span>` before `</body>`, keys as in
// Docket's URLs (mechanism=CAT, theme=torture). Prints how many pages got filters.

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { Index } = require(path.join(HERE, '..', 'themes', 'default', 'static', 'search.js'));

const [site, copy, ...given] = process.argv.slice(2);
if (!site || !copy) {
  console.error('usage: node bench/pagefind-facets.mjs SITE_DIR COPY_DIR [LANG...]');
  process.exit(2);
}
if (fs.existsSync(copy)) {
  console.error(copy + ' exists; give a new folder');
  process.exit(2);
}
execFileSync('cp', ['-al', site, copy]);
const languages = given.length ? given : fs.readdirSync(path.join(site, 'search'));
const DIRS = { r: 'recommendations', a: 'actions', d: 'documents' };
const slug = (id) => id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const load = (file, binary) => {
  const data = fs.readFileSync(file);
  return Promise.resolve(binary ? new Uint8Array(data) : JSON.parse(data.toString('utf8')));
};

let pages = 0;
for (const lang of languages) {
  const index = await Index.open(path.join(site, 'search', lang, 'manifest.json'), load);
  const facets = index.m.facets;
  const labels = await Promise.all(facets.map((_, f) => index.facetLabels(f)));
  const size = index.m.blocks.size;
  for (let e = 0; e < index.m.entries; e++) {
    const block = await index.block(Math.floor(e / size));
    const row = await index.row(e);
    const spans = [];
    facets.forEach((facet, f) => {
      for (const v of block[f][e % size] || []) {
        spans.push('<span data-pagefind-filter="' + attr(facet.name + ':' + labels[f][v][0]) + '"></span>');
      }
    });
    const file = path.join(copy, lang, DIRS[row[0]], slug(row[1]), 'index.html');
    if (!spans.length || !fs.existsSync(file)) continue;
    const html = fs.readFileSync(file, 'utf8');
    const at = html.lastIndexOf('</body>');
    if (at < 0) continue;
    fs.unlinkSync(file);
    fs.writeFileSync(file, html.slice(0, at) + spans.join('') + html.slice(at));
    pages++;
  }
}
console.log(JSON.stringify({ pages_with_filters: pages }));

#!/usr/bin/env node
// Runs queries with the browser's search client (themes/default/static/search.js) on a
// built site, for tests/search_js.rs.
//
//   node tests/search_node/run.js SITE_DIR CASES.json
//
// CASES.json: [{"lang": "en", "q": "torture", "filters": [["mechanism", "CAT"]]}, ...]
// Prints one JSON array: per case {total, top: [[kind, id, score]] (10 best), counts, ignored}.
'use strict';

const fs = require('fs');
const path = require('path');
const { Index } = require(path.join(__dirname, '..', '..', 'themes', 'default', 'static', 'search.js'));

function load(file, binary) {
  const data = fs.readFileSync(file);
  return Promise.resolve(binary ? new Uint8Array(data) : JSON.parse(data.toString('utf8')));
}

async function main() {
  const [site, casesFile] = process.argv.slice(2);
  const cases = JSON.parse(fs.readFileSync(casesFile, 'utf8'));
  const indexes = new Map();
  const out = [];
  for (const c of cases) {
    if (!indexes.has(c.lang)) {
      indexes.set(c.lang, await Index.open(path.join(site, 'search', c.lang, 'manifest.json'), load));
    }
    const index = indexes.get(c.lang);
    const found = await index.search({ q: c.q, filters: c.filters || [] }, true);
    const top = [];
    for (const [entry, score] of found.hits.slice(0, 10)) {
      const row = await index.row(entry);
      top.push([row[0], row[1], score]);
    }
    out.push({ total: found.hits.length, top, counts: found.counts, ignored: found.ignored });
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

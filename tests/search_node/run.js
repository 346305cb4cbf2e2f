#!/usr/bin/env node
// Runs queries with the browser's search client (themes/default/static/search.js) on a
// built site, for tests/search_js.rs.
//
//   node tests/search_node/run.js SITE_DIR CASES.json
//
// CASES.json: [{"lang": "en", "q": "torture", "filters": [["mechanism", "CAT"]]}, ...]
// Prints one JSON array: per case {total, top: [[kind, id, score]] (10 best), counts, ignored}
// from a search with exact facet counts, which reads whole posting lists, and `first`: the same
// search as the page runs it first, on a fresh index, asking for the 10 best only:
// {top, total, complete, postings (postings files read), all_postings (files a full read takes),
// panel (the search with the filters open, asking for the 10 best: {total, exact, counts,
// estimated, blocks (facet block files read)}), wrong, excluded_frequent (terms with a set
// (s/) that the query's exclusions reach), excluded_segments (postings segments of those terms
// the first search read: an exclusion reads a frequent term's set, not its postings)}. `wrong` lists the sizes `want` (1 to 34) for which a fresh first search gave hits that
// are not the start of the full ranking: it must be empty.
'use strict';

const fs = require('fs');
const path = require('path');
const { Index, parse } = require(path.join(__dirname, '..', '..', 'themes', 'default', 'static', 'search.js'));

function loader(log) {
  return (file, binary) => {
    log.push(file);
    const data = fs.readFileSync(file);
    return Promise.resolve(binary ? new Uint8Array(data) : JSON.parse(data.toString('utf8')));
  };
}

async function top(index, hits) {
  const out = [];
  for (const [entry, score] of hits.slice(0, 10)) {
    const row = await index.row(entry);
    out.push([row[0], row[1], score]);
  }
  return out;
}

const postingsFiles = (log) => log.filter((f) => /[\\/]p[\\/]/.test(f)).length;

async function main() {
  const [site, casesFile] = process.argv.slice(2);
  const cases = JSON.parse(fs.readFileSync(casesFile, 'utf8'));
  const out = [];
  for (const c of cases) {
    const manifest = path.join(site, 'search', c.lang, 'manifest.json');
    const query = { q: c.q, filters: c.filters || [] };
    const firstLog = [];
    const fresh = await Index.open(manifest, loader(firstLog));
    const first = await fresh.search(query, false, 10);
    const firstTop = await top(fresh, first.hits);
    const compiled = await fresh.compile(parse(c.q, fresh.m.limits.chunks));
    const excludedFrequent = [].concat(...compiled.exclude.flat()).filter((t) => fresh.hasHistogram(t));
    const excludedSegments = excludedFrequent.reduce((n, t) => n + (fresh.postings.has(t) ? fresh.postings.get(t).read : 0), 0);
    // As the page runs it with the filters open: the 10 best and every facet count.
    const panelLog = [];
    const panel = await (await Index.open(manifest, loader(panelLog))).search(query, true, 10);
    const fullLog = [];
    const index = await Index.open(manifest, loader(fullLog));
    const found = await index.search(query, 'exact');
    const wrong = [];
    for (const want of [1, 2, 3, 5, 8, 13, 21, 34]) {
      const again = await Index.open(manifest, loader([]));
      const partial = await again.search(query, false, want);
      const same = partial.hits.every((h, i) => found.hits[i] && h[0] === found.hits[i][0] && h[1] === found.hits[i][1]);
      if (!same || partial.hits.length < Math.min(want, found.hits.length)) wrong.push(want);
    }
    out.push({
      total: found.hits.length,
      top: await top(index, found.hits),
      counts: found.counts,
      ignored: found.ignored,
      suggestion: found.suggestion,
      first: {
        top: firstTop,
        total: first.total,
        complete: first.complete,
        postings: postingsFiles(firstLog),
        all_postings: postingsFiles(fullLog),
        panel: { total: panel.total, exact: panel.exact, complete: panel.complete, counts: panel.counts, estimated: !!panel.estimated, blocks: panelLog.filter((f) => /[\\/]b[\\/]/.test(f)).length },
        wrong,
        excluded_frequent: excludedFrequent.length,
        excluded_segments: excludedSegments,
      },
    });
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

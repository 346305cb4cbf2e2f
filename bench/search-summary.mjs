#!/usr/bin/env node
// The table of a search benchmark run: Docket and Pagefind side by side, from the JSON that
// bench/search.sh writes (target/bench-search/result-N.json). Not a test.
//
//   node bench/search-summary.mjs RESULT.json
//
// Prints Markdown: the index builds (wall, CPU, peak memory), the index sizes, then per query
// the bytes on the wire, requests and time in Chromium of each engine on an empty cache (first
// query, typo queries, phrase queries), the facet-open steps (the query with its facet counts,
// then the next one on the same page) and Docket's time in Node (cold / warm).

import fs from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/search-summary.mjs RESULT.json');
  process.exit(2);
}
const r = JSON.parse(fs.readFileSync(file, 'utf8'));
const m = r.measure;
const kb = (bytes) => (bytes / 1024).toFixed(1) + ' KB';
const step = (s) => (s ? `${kb(s.bytes)} (${s.requests}), ${s.ms} ms` : 'not run');
const mb = (bytes) => (bytes == null ? 'not run' : (bytes / 1e6).toFixed(1) + ' MB');
const run = (t) => (t && t.wall_s != null ? `${t.wall_s} s wall, ${t.cpu_s} s CPU, ${t.peak_mb} MB peak` : 'not run');

const out = [];
out.push(`${r.recommendations} recommendations, languages ${r.languages}, Pagefind glob \`${r.pagefind_glob}\``, '');
out.push('| | Docket | Pagefind |', '|---|---:|---:|');
out.push(`| index build | ${run(r.docket_build)} (the whole site) | ${run(r.pagefind_run)} |`);
out.push(`| index size | ${mb(r.docket_index_bytes)}, ${r.docket_index_files} files | ${mb(r.pagefind_bytes)}, ${r.pagefind_files ?? '-'} files |`);
const pf = m.pagefind;
m.docket.each_query_cold.forEach((d, i) => {
  const p = pf ? pf.each_query_cold[i] : null;
  out.push(`| \`${d.q}\`, empty cache | ${step(d)} | ${step(p)} |`);
});
m.docket.with_facet_counts.forEach((d, i) => {
  const p = pf ? pf.with_facet_counts[i] : null;
  out.push(`| ${i === 0 ? '' : 'then '}\`${d.q}\` with facets open | ${step(d)} | ${step(p)} |`);
});
out.push('', `Docket's client script: ${kb(m.client_bytes)} (apart). Docket in Node, cold / warm ms:`);
out.push(Object.entries(m.node).map(([q, t]) => `\`${q}\` ${t.cold_ms} / ${t.warm_ms}`).join(', '));
console.log(out.join('\n'));

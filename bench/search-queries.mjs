#!/usr/bin/env node
// Bytes and time of single queries with Docket's search client, in Node, on a built site.
// Not a test. Each query runs on a fresh index (nothing cached but the manifest, which is
// counted): files fetched, bytes on the wire (JSON gzipped as static hosts serve it, binary
// files as they are), time cold (first run, files read from disk: wall and CPU time, user +
// system, of the process) and warm (median of 20 runs on an index that has everything cached).
//
//   node bench/search-queries.mjs SITE_DIR [LANG] [QUERY...]
//
// A query prefixed with `+` runs with the filters panel open (facet counts); `|facet=value`
// after it (repeatable) sets a filter, e.g. '+rural areas|mechanism=M2'. Gzip sizes are
// computed after the timed runs. SEARCH_JS=FILE runs another copy of the client (to compare
// two versions, run them alternately). Prints one JSON object per query, one per line.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const client = process.env.SEARCH_JS || path.join(HERE, '..', 'themes', 'default', 'static', 'search.js');
const { Index } = require(path.resolve(client));

const [site, lang = 'en', ...given] = process.argv.slice(2);
const queries = given.length ? given : [
  'torture', 'totrure', 'tortrue ', 'judiciray independence', 'indepnedence',
  '"rural areas"', '"independence of the judiciary"', 'rights -rural', 'rural OR children',
  '+torture', '+rural areas',
];
const manifest = path.join(site, 'search', lang, 'manifest.json');

function loader(log) {
  return (file, binary) => {
    const data = fs.readFileSync(file);
    log.push({ file: path.relative(site, file), data, binary });
    return Promise.resolve(binary ? new Uint8Array(data) : JSON.parse(data.toString('utf8')));
  };
}

for (const raw of queries) {
  const counts = raw.startsWith('+');
  const [q, ...set] = (counts ? raw.slice(1) : raw).split('|');
  const query = { q, filters: set.map((f) => f.split('=')) };
  const log = [];
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const index = await Index.open(manifest, loader(log));
  const found = await index.search(query, counts, 20);
  // The page shows the facet values' labels with the counts.
  if (counts) for (let f = 0; f < index.m.facets.length; f++) await index.facetLabels(f);
  const cold = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  const coldCpu = (used.user + used.system) / 1e3;
  const times = [];
  for (let i = 0; i < 20; i++) {
    const t = process.hrtime.bigint();
    await index.search(query, counts, 20);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  for (const f of log) f.wire = f.binary ? f.data.length : zlib.gzipSync(f.data).length;
  const kinds = {};
  for (const f of log) {
    const kind = f.file.split(path.sep)[2].includes('.') ? 'manifest' : f.file.split(path.sep)[2];
    kinds[kind] = (kinds[kind] || 0) + f.wire;
  }
  console.log(JSON.stringify({
    query: raw, hits: found.hits.length, total: found.total, exact: !!found.exact,
    suggestion: found.suggestion, files: log.length,
    wire_bytes: log.reduce((a, f) => a + f.wire, 0), wire_by_kind: kinds,
    cold_ms: Math.round(cold * 10) / 10, cold_cpu_ms: Math.round(coldCpu * 10) / 10, warm_ms: Math.round(times[10] * 10) / 10,
  }));
}

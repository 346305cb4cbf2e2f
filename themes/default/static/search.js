/* Docket search client. No dependencies, no external requests.
 *
 * Reads the static index that `docket build` writes under search/{lang}/ (see
 * docs/search.md): a small manifest, then only the shards a query needs, each cached for
 * later queries. Query analysis and ranking mirror src/search/query.rs step by step and in
 * integer arithmetic, so that the browser and `docket search` agree.
 *
 * The engine (Index, surfaces, parse) also runs in Node: require() this file.
 */
(function () {
  'use strict';

  // ------------------------------------------------------------------ analysis

  var WORD = /[\p{Alphabetic}\p{N}]/u;
  var ARABIC = /[\u0600-\u06ff]/;

  function isCjk(cp) {
    return (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3400 && cp <= 0x4dbf) ||
      (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f);
  }

  // Character by character, like tantivy's LowerCaser (no context rules).
  function lower(s) {
    if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
    var out = '';
    for (var c of s) out += c.toLowerCase();
    return out;
  }

  function normalizeArabic(s) {
    var out = '';
    for (var c of s) {
      var cp = c.codePointAt(0);
      if ((cp >= 0x0610 && cp <= 0x061a) || (cp >= 0x064b && cp <= 0x065f) || cp === 0x0670 ||
        (cp >= 0x06d6 && cp <= 0x06ed) || cp === 0x0640) continue;
      if (cp === 0x0622 || cp === 0x0623 || cp === 0x0625 || cp === 0x0671) out += '\u0627';
      else if (cp === 0x0649) out += '\u064a';
      else out += c;
    }
    return out;
  }

  // The surface forms of a text: NFKC, runs of letters and digits, CJK bigrams, lower
  // case, Arabic normalisation (src/search/analysis.rs, stage 1).
  function surfaces(text) {
    var raw = [];
    var run = [];
    function flush() {
      var start = 0;
      while (start < run.length) {
        var cjk = isCjk(run[start].codePointAt(0));
        var end = start + 1;
        while (end < run.length && isCjk(run[end].codePointAt(0)) === cjk) end++;
        if (!cjk) raw.push(run.slice(start, end).join(''));
        else if (end - start === 1) raw.push(run[start]);
        else for (var i = start; i + 1 < end; i++) raw.push(run[i] + run[i + 1]);
        start = end;
      }
      run = [];
    }
    for (var c of text.normalize('NFKC')) {
      if (WORD.test(c)) run.push(c);
      else flush();
    }
    flush();
    var out = [];
    for (var s of raw) {
      s = lower(s);
      if (ARABIC.test(s)) s = normalizeArabic(s);
      if (s.length > 0) out.push(s);
    }
    return out;
  }

  function isKeyCandidate(chunk) {
    return /^[a-z0-9._\/-]{2,}$/.test(chunk) && /[0-9._\/-]/.test(chunk);
  }

  // Chunks of a query: {key, words: [[surface, typing]], phrase, exclude, or}: "…" is a
  // phrase, a leading - excludes, OR between two chunks joins them (syntax.rs `parse`).
  function parse(text, maxChunks) {
    var chars = Array.from(text.normalize('NFKC'));
    var lastChar = chars[chars.length - 1];
    var open = chars.length > 0 && lastChar.codePointAt(0) > 0x20 && lastChar !== '"';
    var chunks = [];
    var or = false;
    var i = 0;
    var space = function (c) { return c.codePointAt(0) <= 0x20; };
    while (i < chars.length && chunks.length < maxChunks) {
      if (space(chars[i])) { i++; continue; }
      var exclude = chars[i] === '-' && i + 1 < chars.length && !space(chars[i + 1]);
      if (exclude) i++;
      var phrase = chars[i] === '"';
      var start = phrase ? i + 1 : i;
      var end = start;
      while (end < chars.length && chars[end] !== '"' && (phrase || !space(chars[end]))) end++;
      var raw = chars.slice(start, end).join('');
      i = phrase ? end + 1 : end;
      if (!phrase && !exclude && raw === 'OR' && chunks.length > 0) { or = true; continue; }
      var low = raw.replace(/[A-Z]+/g, function (c) { return c.toLowerCase(); });
      var typing = open && !phrase && !exclude && end === chars.length;
      var words = surfaces(raw);
      chunks.push({
        key: !phrase && isKeyCandidate(low) ? low : null,
        words: words.map(function (s, j) { return [s, typing && j === words.length - 1]; }),
        phrase: phrase,
        exclude: exclude,
        or: or,
      });
      or = false;
    }
    return chunks;
  }

  // ------------------------------------------------------------------ typos (typo.rs)

  var NUMERIC = /\p{N}/u;
  var LETTER = /\p{Alphabetic}/u;

  function maxEdits(chars, lim) {
    if (chars.length < lim.typo_min || chars.length > lim.typo_max) return 0;
    for (var c of chars) if (isCjk(c.codePointAt(0)) || NUMERIC.test(c)) return 0;
    return chars.length >= lim.typo_two ? 2 : 1;
  }

  // Optimal string alignment distance, or -1 when above max.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return -1;
    var width = b.length + 1;
    var before = new Array(width).fill(0);
    var previous = [];
    for (var j0 = 0; j0 < width; j0++) previous.push(j0);
    var current = new Array(width).fill(0);
    for (var i = 1; i <= a.length; i++) {
      current[0] = i;
      var rowMin = i;
      for (var j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
        current[j] = d;
        if (d < rowMin) rowMin = d;
      }
      if (rowMin > max) return -1;
      var t = before; before = previous; previous = current; current = t;
    }
    return previous[b.length] <= max ? previous[b.length] : -1;
  }

  // The k + 1 parts of a word of n characters, [start, length], the first ones longer;
  // null when it is shorter (typo.rs `parts`).
  function parts(n, k) {
    var m = k + 1;
    if (n < m) return null;
    var base = Math.floor(n / m);
    var extra = n % m;
    var out = [];
    var start = 0;
    for (var i = 0; i < m; i++) {
      var len = base + (i < extra ? 1 : 0);
      out.push([start, len]);
      start += len;
    }
    return out;
  }

  // The typo keys whose words include every word within k edits of `chars` (typo.rs
  // `query_keys`): per length n within k and part of such a word that can be its first
  // untouched part, the typed characters where the part would stand, and the same after a
  // transposition across the part's start.
  function typoKeys(chars, k) {
    var l = chars.length;
    var keys = new Set();
    for (var n = Math.max(2, l - k); n <= l + k; n++) {
      var ps = parts(n, k);
      if (!ps) { keys.add(k + ' ' + n); continue; }
      var d = l - n;
      for (var i = 0; i < ps.length; i++) {
        var start = ps[i][0];
        var len = ps[i][1];
        for (var delta = -k; delta <= k; delta++) {
          var a = start + delta;
          var after = Math.abs(d - delta);
          if (Math.max(i, Math.abs(delta)) + after > k || a < 0 || a + len > l) continue;
          var base = chars.slice(a, a + len);
          var prefix = k + ' ' + n + ' ' + i + ' ';
          keys.add(prefix + base.join(''));
          if (i > 0 && a > 0 && Math.max(i, Math.abs(delta) + 1) + after <= k) keys.add(prefix + chars[a - 1] + base.slice(1).join(''));
        }
      }
    }
    return Array.from(keys);
  }

  function fnv32(text) {
    var bytes = new TextEncoder().encode(text);
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h >>> 0;
  }

  // ------------------------------------------------------------------ binary formats

  function Reader(bytes, pos) {
    this.b = bytes;
    this.p = pos || 0;
  }
  Reader.prototype.varint = function () {
    var value = 0;
    var scale = 1;
    for (;;) {
      var byte = this.b[this.p++];
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  };

  // A set written by encode_set (src/search/export.rs), calling fn(id) in order.
  function decodeSet(bytes, start, end, fn) {
    var mode = bytes[start];
    var r = new Reader(bytes, start + 1);
    var previous = -1;
    if (mode === 0) {
      while (r.p < end) { previous += r.varint() + 1; fn(previous); }
    } else if (mode === 1) {
      for (var i = start + 1; i < end; i++) {
        var byte = bytes[i];
        for (var bit = 0; byte; bit++, byte >>= 1) if (byte & 1) fn((i - start - 1) * 8 + bit);
      }
    } else {
      while (r.p < end) {
        var first = previous + r.varint() + 1;
        var last = first + r.varint();
        for (var id = first; id <= last; id++) fn(id);
        previous = last;
      }
    }
  }

  // The same set marked in `bits`, a bitmap over every entry: a bitmap set is copied as it
  // is, so a frequent term's entries cost no decoding (its bitmap starts at entry 0).
  function markSet(bytes, start, end, bits) {
    if (bytes[start] === 1) {
      bits.set(bytes.subarray(start + 1, Math.min(end, start + 1 + bits.length)));
      return;
    }
    decodeSet(bytes, start, end, function (e) { bits[e >> 3] |= 1 << (e & 7); });
  }

  var POPCOUNT = new Uint8Array(256);
  for (var pc = 1; pc < 256; pc++) POPCOUNT[pc] = (pc & 1) + POPCOUNT[pc >> 1];

  function lastAtMost(sorted, value) {
    var lo = 0;
    var hi = sorted.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (sorted[mid] <= value) lo = mid + 1; else hi = mid;
    }
    return Math.max(0, lo - 1);
  }

  // ------------------------------------------------------------------ the index

  // `load(url, binary)` returns a promise of a Uint8Array (binary) or of parsed JSON.
  function Index(base, manifest, load) {
    this.base = base;
    this.m = manifest;
    // The manifest has the first terms of the postings shards as differences.
    var sum = 0;
    this.postingsFirst = manifest.postings.first.map(function (d) { return (sum += d); });
    var sum2 = 0;
    this.histogramTerms = manifest.histograms.terms.map(function (d) { return (sum2 += d); });
    // Entries per term, for the terms that have a histogram (a fourth column in the vocabulary).
    this.dfs = new Map();
    this.load = load;
    this.cache = new Map();
    this.postings = new Map();
    this.blocks = new Map();
    this.labels = new Map();
    // Decoded histograms and entry bitmaps of terms, for counts.
    this.dense = new Map();
    this.bits = new Map();
    this.filters = new Map();
    // Facet values are numbered across facets (manifest order) for their sets (f/) and
    // histograms (g/).
    var offset = 0;
    this.valueOffsets = manifest.facets.map(function (facet) { var at = offset; offset += facet.values; return at; });
  }

  Index.open = function (manifestUrl, load) {
    var base = manifestUrl.slice(0, manifestUrl.lastIndexOf('/') + 1);
    return load(manifestUrl, false).then(function (manifest) {
      return new Index(base, manifest, load);
    });
  };

  Index.prototype.fetch = function (path, binary) {
    var hit = this.cache.get(path);
    if (!hit) {
      hit = this.load(this.base + path, binary);
      this.cache.set(path, hit);
    }
    return hit;
  };

  // Shard i of a kind; its folder is the kind's first letter unless `dir` names it.
  Index.prototype.shard = function (kind, i, ext, dir) {
    var k = this.m[kind];
    var g = Math.floor(i / k.g);
    return this.fetch((dir || kind[0]) + '/' + i + '.' + k.h.substr(g * 12, 12) + '.' + ext, ext === 'bin');
  };

  // Vocabulary rows [surface, term, weight] equal to (or, with `prefix`, starting with) s.
  Index.prototype.vocab = async function (s, prefix) {
    var first = this.m.vocab.first;
    var i = lastAtMost(first, s);
    var found = [];
    for (;;) {
      var rows = await this.shard('vocab', i, 'json');
      for (var row of rows) {
        if (row.length > 3) this.dfs.set(row[1], row[3]);
        if (prefix ? row[0].startsWith(s) : row[0] === s) found.push(row);
      }
      if (prefix && i + 1 < first.length && first[i + 1].startsWith(s)) i++;
      else return found;
    }
  };

  // The terms a word reaches: [[term, weight, multiplier]], or null for a stop word; with
  // `typos`, corrections of a word not in the vocabulary too (query.rs `expand`).
  Index.prototype.expand = async function (surface, typing, typos) {
    var lim = this.m.limits;
    var chars = Array.from(surface);
    var eligible = typing && (chars.length >= lim.prefix || isCjk(chars[0].codePointAt(0)));
    var rows = await this.vocab(surface, eligible);
    var exact = null;
    var stop = false;
    var others = new Map();
    for (var row of rows) {
      if (row[1] < 0) stop = stop || row[0] === surface;
      else if (row[0] === surface) exact = row;
      else others.set(row[1], row[2]);
    }
    if (stop && !exact && !others.size) return null;
    if (!exact && !others.size && !isCjk(chars[0].codePointAt(0))) {
      for (var found of await this.shortened(chars)) others.set(found[1], found[2]);
    }
    var out = exact ? [[exact[1], exact[2], lim.exact]] : [];
    var rest = [];
    others.forEach(function (weight, term) {
      if (!exact || term !== exact[1]) rest.push([term, weight, lim.partial]);
    });
    rest.sort(function (a, b) { return a[1] - b[1] || a[0] - b[0]; });
    out = out.concat(rest);
    if (typos && !exact && (!eligible || !out.length)) {
      for (var c of (await this.corrections(chars, maxEdits(chars, lim))).slice(0, lim.corrections)) {
        if (!out.some(function (o) { return o[0] === c[0]; })) out.push([c[0], c[1], lim.typo[c[2] - 1]]);
      }
    }
    return out.slice(0, lim.expansions);
  };

  // An inflection the portal never uses: its longest shortening (MAX_TRIM, MIN_STEM_CHARS)
  // that is a surface form or a stem, else the longest that starts some: vocabulary rows.
  Index.prototype.shortened = async function (chars) {
    var lim = this.m.limits;
    var shortest = Math.max(chars.length - lim.trim, lim.stem);
    var shortenings = [];
    for (var keep = chars.length - 1; keep >= shortest; keep--) shortenings.push(chars.slice(0, keep).join(''));
    for (var stem of shortenings) {
      var same = (await this.vocab(stem, false))[0];
      if (same && same[1] >= 0) return [same];
    }
    for (var stem2 of shortenings) {
      var found = (await this.vocab(stem2, true)).filter(function (row) { return row[1] >= 0; });
      if (found.length) return found;
    }
    return [];
  };

  // The vocabulary words nearest to `chars`, within `max` edits: [[term, weight, edits,
  // surface]], all at the fewest edits, the most frequent first, then by term; one per term
  // (the first surface in JS order) (query.rs `corrections_with_surfaces`). The keys of one
  // edit are looked up first, those of two only if they find nothing, and so on: the keys of
  // k edits reach every word within k.
  Index.prototype.corrections = async function (chars, max) {
    for (var k = 1; k <= max; k++) {
      var found = await this.within(chars, k);
      if (found.length) return found;
    }
    return [];
  };

  // The vocabulary words within k edits, as `corrections` orders them, from the typo files
  // of the keys of k edits.
  Index.prototype.within = async function (chars, max) {
    var self = this;
    var keys = typoKeys(chars, max);
    var wanted = new Set(keys);
    var buckets = Array.from(new Set(keys.map(function (key) { return fnv32(key) % self.m.typo.n; })));
    var files = await Promise.all(buckets.map(function (b) { return self.shard('typo', b, 'json'); }));
    var best = new Map();
    var seen = new Set();
    for (var file of files) {
      for (var filed of file) {
        if (!wanted.has(filed[0])) continue;
        // Each word is filed without the part its key names, its term as the difference
        // from the one before (export.rs `typo_shards`).
        var named = filed[0].split(' ');
        var at = named.length > 3 ? parts(+named[1], +named[0])[+named[2]][0] : 0;
        var part = named.length > 3 ? named[3] : '';
        var list = filed[1];
        var term = 0;
        for (var j = 0; j < list.length; j += 3) {
          term += list[j + 1];
          var rest = Array.from(list[j]);
          var word = rest.slice(0, at).join('') + part + rest.slice(at).join('');
          if (seen.has(word)) continue;
          seen.add(word);
          var e = distance(chars, Array.from(word), max);
          if (e <= 0) continue;
          var old = best.get(term);
          if (!old || e < old[2] || (e === old[2] && word < old[3])) best.set(term, [term, list[j + 2], e, word]);
        }
      }
    }
    var found = Array.from(best.values()).sort(function (a, b) { return a[2] - b[2] || a[1] - b[1] || a[0] - b[0]; });
    return found.filter(function (c) { return c[2] === found[0][2]; });
  };

  function mix(h) {
    h = (h ^ (h >>> 16)) >>> 0;
    h = Math.imul(h, 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    return (h ^ (h >>> 16)) >>> 0;
  }

  // Whether a pair of terms may stand side by side without a term of its own: the Bloom
  // filter of bloom.rs, shard h mod n, bits mix(h + i x 0x9E3779B9) mod size (h: fnv32).
  Index.prototype.adjacent = async function (key) {
    var h = fnv32(key);
    var bytes = await this.shard('adjacent', h % this.m.adjacent.n, 'bin');
    var bits = bytes.length * 8;
    for (var i = 1; i <= this.m.adjacent.k; i++) {
      var bit = mix((h + Math.imul(i, 0x9e3779b9)) >>> 0) % bits;
      if (!(bytes[bit >> 3] & (1 << (bit & 7)))) return false;
    }
    return true;
  };

  // The facet counts of the entries with a term that has a histogram (histograms.rs): per
  // facet, a count per value.
  Index.prototype.histogram = async function (term) {
    var cached = this.dense.get(term);
    if (cached) return cached;
    var at = lastAtMost(this.histogramTerms, term);
    var sparse = await this.shard('histograms', at, 'json');
    var dense = this.m.facets.map(function (facet, f) {
      var counts = new Array(facet.values).fill(0);
      for (var k = 0; k < sparse[f].length; k += 2) counts[sparse[f][k]] = sparse[f][k + 1];
      return counts;
    });
    this.dense.set(term, dense);
    return dense;
  };

  // The histogram of a facet value's entries (histograms.rs `value_files`), dense.
  Index.prototype.valueHistogram = async function (f, v) {
    var sparse = await this.shard('value_histograms', this.valueOffsets[f] + v, 'json', 'g');
    return this.m.facets.map(function (facet, g) {
      var counts = new Array(facet.values).fill(0);
      for (var k = 0; k < sparse[g].length; k += 2) counts[sparse[g][k]] = sparse[g][k + 1];
      return counts;
    });
  };

  // The filter of facet f choosing the values `chosen` (a Set): {facet, bits (its entries),
  // entries and histogram (its values' entries and histograms summed)} (estimate.rs `filters`).
  Index.prototype.filter = async function (f, chosen) {
    var self = this;
    var values = Array.from(chosen).sort(function (a, b) { return a - b; });
    var name = f + ':' + values.join(',');
    var cached = this.filters.get(name);
    if (cached) return cached;
    var bits = new Uint8Array((this.m.entries + 7) >> 3);
    var histogram = this.m.facets.map(function (facet) { return new Array(facet.values).fill(0); });
    var parts = await Promise.all(values.map(function (v) {
      return Promise.all([self.shard('value_sets', self.valueOffsets[f] + v, 'bin', 'f'), self.valueHistogram(f, v)]);
    }));
    var entries = 0;
    for (var part of parts) {
      var one = new Uint8Array(bits.length);
      markSet(part[0], 0, part[0].length, one);
      entries += popcount(one);
      for (var i = 0; i < bits.length; i++) bits[i] |= one[i];
      for (var g = 0; g < histogram.length; g++) for (var w = 0; w < histogram[g].length; w++) histogram[g][w] += part[1][g][w];
    }
    var made = { facet: f, bits: bits, entries: entries, histogram: histogram };
    this.filters.set(name, made);
    return made;
  };

  function popcount(bits) {
    var n = 0;
    for (var b = 0; b < bits.length; b++) n += POPCOUNT[bits[b]];
    return n;
  }

  Index.prototype.hasHistogram = function (term) {
    var terms = this.histogramTerms;
    return terms.length > 0 && terms[lastAtMost(terms, term)] === term;
  };

  // How the filters panel counts a query: 'exact' (from the matches), 'precounted' (one
  // term's histogram) or 'estimated' (estimate.rs `counting`). `shape`: per clause its
  // terms, or null for an id or symbol.
  Index.prototype.counting = function (shape, exclude, filtered, hasWords) {
    var self = this;
    var informed = function (terms) { return terms !== null && terms.some(function (t) { return self.hasHistogram(t); }); };
    if ((hasWords && !shape.length) || !shape.every(informed)) return 'exact';
    if (filtered) return 'filtered';
    if (shape.length === 1 && shape[0].length === 1 && !exclude.length) return 'precounted';
    return 'estimated';
  };

  // The entries of a term as a bitmap over every entry, cached: its set (s/) when it has a
  // histogram, else its postings, read whole (they are short).
  Index.prototype.termBits = async function (term) {
    var cached = this.bits.get(term);
    if (cached) return cached;
    var bits = new Uint8Array((this.m.entries + 7) >> 3);
    if (this.hasHistogram(term)) {
      var set = await this.shard('sets', lastAtMost(this.histogramTerms, term), 'bin');
      markSet(set, 0, set.length, bits);
    } else {
      var stream = this.stream(term);
      await stream.all();
      stream.level.forEach(function (_, e) { bits[e >> 3] |= 1 << (e & 7); });
    }
    this.bits.set(term, bits);
    return bits;
  };

  // The exact number of matches of a query without ids: the entries of each clause (the
  // union of its terms') intersected, less the excluded ones.
  Index.prototype.matchCount = async function (shape, excluded) {
    return popcount(await this.matchBits(shape, excluded));
  };

  // The matches of a query without ids, as a bitmap over every entry.
  Index.prototype.matchBits = async function (shape, excluded) {
    var self = this;
    var all = null;
    if (!shape.length) {
      all = new Uint8Array((this.m.entries + 7) >> 3).fill(255);
      if (this.m.entries & 7) all[all.length - 1] = (1 << (this.m.entries & 7)) - 1;
    }
    for (var terms of shape) {
      var sets = await Promise.all(terms.map(function (t) { return self.termBits(t); }));
      var clause = sets[0];
      if (sets.length > 1) {
        clause = clause.slice();
        for (var more of sets.slice(1)) for (var i = 0; i < clause.length; i++) clause[i] |= more[i];
      }
      if (!all) all = clause.slice();
      else for (var k = 0; k < all.length; k++) all[k] &= clause[k];
    }
    for (var x = 0; x < all.length; x++) all[x] &= ~excluded.bits[x];
    return all;
  };

  // The entries an exclusion leaves out: those in every term set of one of its groups, as a
  // bitmap over every entry. A frequent term is read as its set (s/, at most a bit per
  // entry), never as its whole posting list; a rare term's postings are short.
  Index.prototype.exclusions = async function (groups) {
    var bits = new Uint8Array((this.m.entries + 7) >> 3);
    for (var group of groups) {
      var all = null;
      for (var set of group) {
        var union = new Uint8Array(bits.length);
        for (var term of set) {
          var one = await this.termBits(term);
          for (var i = 0; i < union.length; i++) union[i] |= one[i];
        }
        if (!all) all = union;
        else for (var j = 0; j < all.length; j++) all[j] &= union[j];
      }
      for (var k = 0; k < bits.length; k++) bits[k] |= all[k];
    }
    return {
      bits: bits,
      has: function (e) { return (bits[e >> 3] >> (e & 7)) & 1; },
      size: function () {
        var n = 0;
        for (var b = 0; b < bits.length; b++) n += POPCOUNT[bits[b]];
        return n;
      },
    };
  };

  // Facet counts estimated from the histograms of the clauses' terms and of the filters
  // (Index.filter, by facet) and the exact number of matches each facet counts (`totals`),
  // in the same arithmetic as estimate.rs `estimate`.
  Index.prototype.estimate = async function (shape, exclude, filters, totals) {
    var self = this;
    var facets = this.m.facets;
    var oneSet = exclude.filter(function (g) { return g.length === 1; }).map(function (g) { return g[0]; });
    var wanted = [].concat.apply([], shape.concat(oneSet)).filter(function (t) { return self.hasHistogram(t); });
    await Promise.all(wanted.map(function (t) { return self.histogram(t); })
      .concat(facets.map(function (_, f) { return self.facetLabels(f); })));
    var summed = async function (terms) {
      var sum = facets.map(function (facet) { return new Array(facet.values).fill(0); });
      for (var t of terms) {
        if (!self.hasHistogram(t)) continue;
        var h = await self.histogram(t);
        for (var f = 0; f < h.length; f++) for (var v = 0; v < h[f].length; v++) sum[f][v] += h[f][v];
      }
      return sum;
    };
    var reached = [];
    for (var terms of shape) reached.push(await summed(terms));
    var leftOut = [];
    for (var set of oneSet) leftOut.push(await summed(set));
    var typeFacet = facets.findIndex(function (f) { return f.name === 'type'; });
    var entriesOf = function (h) { return typeFacet < 0 ? 0 : h[typeFacet].reduce(function (a, b) { return a + b; }, 0); };
    var wholeLeftOut = leftOut.map(entriesOf);
    var out = [];
    for (var f = 0; f < facets.length; f++) {
      var labels = await this.facetLabels(f);
      // The clauses, then the filters of the other facets, in facet order.
      var kept = filters.filter(function (x) { return x.facet !== f; });
      var whole = share(this.m.entries, reached.map(entriesOf).concat(kept.map(function (x) { return x.entries; })), wholeLeftOut);
      var total = totals[f];
      // Per value, `share` over these columns, inline: this runs for every value of the index.
      var by = reached.map(function (h) { return h[f]; }).concat(kept.map(function (x) { return x.histogram[f]; }));
      var outs = leftOut.map(function (h) { return h[f]; });
      var row = new Array(labels.length);
      for (var v = 0; v < labels.length; v++) {
        var all = labels[v][2];
        var w = all;
        for (var r = 0; r < by.length; r++) w *= Math.min(by[r][v], all) / all;
        for (var o = 0; o < outs.length; o++) w *= (all - Math.min(outs[o][v], all)) / all;
        var scaled = whole > 0 ? Math.floor(w * total / whole + 0.5) : 0;
        row[v] = Math.min(scaled, all, total);
      }
      out.push(row);
    }
    return out;
  };

  // A query with filters counted from sets (counting 'filtered'): the filters of the active
  // facets, the exact number of matches that pass them (`total`) and per facet the matches
  // that pass every filter but its own (`totals`); `has(e)` is true for an entry left out
  // (excluded, or failing a filter), as the exclusions' `has` is.
  Index.prototype.filtered = async function (shape, excluded, active, selected) {
    var self = this;
    var matches = await this.matchBits(shape, excluded);
    var filters = await Promise.all(active.map(function (f) { return self.filter(f, selected[f]); }));
    var passingBut = function (f) {
      var out = matches.slice();
      for (var x of filters) {
        if (x.facet === f) continue;
        for (var i = 0; i < out.length; i++) out[i] &= x.bits[i];
      }
      return out;
    };
    var pass = passingBut(-1);
    var total = popcount(pass);
    var totals = this.m.facets.map(function (_, f) { return active.indexOf(f) < 0 ? total : popcount(passingBut(f)); });
    return {
      filters: filters, total: total, totals: totals,
      has: function (e) { return !((pass[e >> 3] >> (e & 7)) & 1); },
    };
  };

  // all x each min(r, all)/all x each (all - min(x, all))/all, in this order (estimate.rs `share`).
  function share(all, reached, leftOut) {
    var c = all;
    for (var r of reached) c *= Math.min(r, all) / all;
    for (var x of leftOut) c *= (all - Math.min(x, all)) / all;
    return c;
  }

  // The clauses of a phrase, [[term, weight, multiplier]] each: side by side pairs of its
  // words' terms where the index has the pair, else both terms where the pair is seen, else
  // nothing matches (query.rs `phrase`).
  Index.prototype.phrase = async function (words) {
    var lim = this.m.limits;
    var terms = [];
    for (var w of words) {
      var found = await this.expand(w[0], false, false);
      if (!found) continue;
      if (!found.length) return [[]];
      terms.push(found[0]);
    }
    var single = function (t) { return [[t[0], t[1], lim.exact]]; };
    if (terms.length === 1) return [single(terms[0])];
    var clauses = [];
    for (var i = 0; i + 1 < terms.length; i++) {
      var key = '\u0001' + terms[i][0] + ' ' + terms[i + 1][0];
      var pair = (await this.vocab(key, false))[0];
      if (pair) clauses.push(single([pair[1], pair[2]]));
      else if (await this.adjacent(key)) clauses.push(single(terms[i]), single(terms[i + 1]));
      else return [[]];
    }
    return clauses;
  };

  // The postings shards of a term: [first shard, number of shards]. A split list has its
  // segments in consecutive shards that all name it first (export.rs `postings_shards`).
  Index.prototype.termShards = function (term) {
    var first = this.postingsFirst;
    var s = lastAtMost(first, term);
    if (first[s] !== term) return [s, 1];
    var lo = s;
    while (lo > 0 && first[lo - 1] === term) lo--;
    return [lo, s - lo + 1];
  };

  // A term's postings in ranking order (impact from the highest down, then entry), read one
  // segment at a time: `level` (entry -> impact, in reading order), where the stream stands
  // (`lastEntry`, `lastLevel`), `done`.
  function Stream(index, term) {
    var at = index.termShards(term);
    this.index = index;
    this.term = term;
    this.shard = at[0];
    this.segments = at[1];
    this.read = 0;
    this.level = new Map();
    this.lastEntry = -1;
    this.lastLevel = 0;
    this.done = false;
    this.pending = null;
  }

  Stream.prototype.more = function () {
    var self = this;
    if (this.done) return Promise.resolve();
    if (!this.pending) {
      var s = this.shard + this.read;
      this.pending = this.index.shard('postings', s, 'bin').then(function (bytes) {
        var r = new Reader(bytes);
        for (var t = self.index.postingsFirst[s]; t < self.term; t++) {
          var skip = r.varint();
          r.p += skip;
        }
        var length = r.varint();
        var end = r.p + length;
        while (r.p < end) {
          var level = r.varint();
          var count = r.varint();
          var entry = -1;
          for (var i = 0; i < count; i++) {
            entry += r.varint() + 1;
            self.level.set(entry, level);
          }
          if (count) {
            self.lastEntry = entry;
            self.lastLevel = level;
          }
        }
        self.read++;
        self.done = self.read === self.segments;
        self.pending = null;
      });
    }
    return this.pending;
  };

  Stream.prototype.all = async function () {
    while (!this.done) await this.more();
  };

  Index.prototype.stream = function (term) {
    var stream = this.postings.get(term);
    if (!stream) {
      stream = new Stream(this, term);
      this.postings.set(term, stream);
    }
    return stream;
  };

  Index.prototype.key = async function (key) {
    var bucket = fnv32(key) % this.m.keys.n;
    var rows = await this.shard('keys', bucket, 'json');
    for (var row of rows) if (row[0] === key) return row[1];
    return null;
  };

  // One facet block: for each facet, for each entry of the block, its value indices.
  Index.prototype.block = async function (b) {
    var cached = this.blocks.get(b);
    if (cached) return cached;
    var bytes = await this.shard('blocks', b, 'bin');
    var size = Math.min(this.m.blocks.size, this.m.entries - b * this.m.blocks.size);
    var r = new Reader(bytes);
    var facets = this.m.facets.map(function (facet) {
      var values = new Array(size);
      for (var v = 0; v < facet.values; v++) {
        var len = r.varint();
        if (len) {
          decodeSet(bytes, r.p, r.p + len, function (e) {
            (values[e] || (values[e] = [])).push(v);
          });
        }
        r.p += len;
      }
      return values;
    });
    this.blocks.set(b, facets);
    return facets;
  };

  // [[key, label, count, lang?]] of a facet.
  Index.prototype.facetLabels = function (f) {
    var facet = this.m.facets[f];
    return this.fetch('l/' + facet.name + '.' + facet.h + '.json', false);
  };

  // The row of an entry in the document table.
  Index.prototype.row = async function (entry) {
    var rows = this.m.docs.rows;
    var chunk = await this.shard('docs', Math.floor(entry / rows), 'json');
    return chunk[entry % rows];
  };

  // The hits certain to come first, from the postings read so far: {hits, total} when there
  // are at least `want`, else null. In a word clause an entry scores the best over the
  // clause's terms of factor x impact; a term whose stream has not reached the entry bounds
  // it by factor x the impact where the stream stands (one less when the stream has passed
  // the entry at that impact). `total` counts the entries seen in every clause: a lower
  // bound. docs/search.md, "Reading less".
  function certainTop(clauses, want, excluded) {
    var keyed = null;
    for (var cl of clauses) if (cl.key && (!keyed || cl.key.size < keyed.size)) keyed = cl.key;
    var candidates = new Set(keyed ? keyed.keys() : []);
    if (!keyed) {
      for (var c of clauses) for (var st of c.streams) for (var e0 of st.level.keys()) candidates.add(e0);
    }
    var exact = [];
    var threat = null;
    var total = 0;
    // Whether hit a = [entry, score] ranks after hit b.
    function worse(a, b) { return a[1] < b[1] || (a[1] === b[1] && a[0] > b[0]); }
    candidates.forEach(function (e) {
      if (excluded.has(e)) return;
      var score = 0;
      var upper = 0;
      var sure = true;
      var inAll = true;
      for (var cl of clauses) {
        if (cl.key) {
          var v = cl.key.get(e);
          if (v === undefined) return;
          score += v;
          upper += v;
          continue;
        }
        var best = -1;
        var open = -1;
        for (var k = 0; k < cl.streams.length; k++) {
          var s = cl.streams[k];
          var level = s.level.get(e);
          if (level !== undefined) best = Math.max(best, cl.factors[k] * level);
          else if (!s.done) {
            var at = e < s.lastEntry ? s.lastLevel - 1 : s.lastLevel;
            if (at > 0) open = Math.max(open, cl.factors[k] * at);
          }
        }
        if (best < 0 && open < 0) return;
        if (best < 0) inAll = false;
        if (open > best) sure = false;
        score += Math.max(best, 0);
        upper += Math.max(best, open);
      }
      if (inAll) total++;
      if (sure) exact.push([e, score]);
      else if (!threat || worse(threat, [e, upper])) threat = [e, upper];
    });
    if (!keyed) {
      // An entry no stream has reached: in each clause at most the best of its open streams,
      // and then only after the entry where that stream stands.
      var upper0 = 0;
      var from = 0;
      for (var cl2 of clauses) {
        var most = -1;
        var after = Infinity;
        for (var j = 0; j < cl2.streams.length; j++) {
          var s2 = cl2.streams[j];
          if (s2.done) continue;
          var value = cl2.factors[j] * s2.lastLevel;
          var next = s2.lastEntry + 1;
          if (value > most) { most = value; after = next; } else if (value === most) after = Math.min(after, next);
        }
        if (most < 0) { upper0 = -1; break; }
        upper0 += most;
        from = Math.max(from, after);
      }
      if (upper0 >= 0 && (!threat || worse(threat, [from, upper0]))) threat = [from, upper0];
    }
    // The certain hits rank before the threat; only the best `want` of them are sorted
    // (a frequent word has thousands of certain hits and the page shows 20).
    var best = [];
    var certain = 0;
    for (var h of exact) {
      if (threat && !worse(threat, h)) continue;
      certain++;
      if (best.length === want && !worse(best[want - 1], h)) continue;
      var at = best.length;
      while (at > 0 && worse(best[at - 1], h)) at--;
      best.splice(at, 0, h);
      if (best.length > want) best.pop();
    }
    return certain >= want ? { hits: best, total: total } : null;
  }

  // Runs a query: {q, filters: [[facet, key]]}. With `counts`, facet counts as well. With
  // `want` and neither counts nor filters, reads postings only until the best `want` hits
  // are certain: `complete` is then false, `hits` the `want` hits known to come first (in
  // order) and `total` a lower bound of the matches.
  // Returns {hits: [[entry, score]], total, complete, counts: [[count per value]] | null,
  // ignored: [words]} (query.rs `search` and `finish`).
  Index.prototype.search = async function (query, counts, want) {
    var chunks = parse(query.q || '', this.m.limits.chunks);
    var found = await this.run(query, chunks, counts, want);
    found.suggestion = null;
    if (!found.hits.length) {
      var text = await this.suggest(chunks);
      if (text !== null && (await this.run({ q: text, filters: query.filters }, parse(text, this.m.limits.chunks), false, 1)).hits.length) {
        found.suggestion = text;
      }
    }
    return found;
  };

  // Clauses ({key: Map} or {factors, streams}), exclusion groups (lists of term lists),
  // ignored words and whether there is more than exclusions (query.rs `compile`).
  Index.prototype.compile = async function (chunks) {
    var self = this;
    var lim = this.m.limits;
    var c = { clauses: [], exclude: [], ignored: [], hasWords: false };
    var slots = 0;
    var joinable = -1;
    var termsClause = function (terms) {
      return {
        factors: terms.map(function (t) { return t[1] * t[2]; }),
        streams: terms.map(function (t) { return self.stream(t[0]); }),
      };
    };
    for (var chunk of chunks) {
      if (slots >= lim.clauses) break;
      var previous = joinable;
      joinable = -1;
      if (chunk.exclude) {
        slots++;
        var group = [];
        if (chunk.phrase) {
          for (var pc of await this.phrase(chunk.words)) group.push(pc.map(function (t) { return t[0]; }));
        } else {
          for (var ew of chunk.words) {
            var et = await this.expand(ew[0], false, false);
            if (et) group.push(et.map(function (t) { return t[0]; }));
          }
        }
        if (group.length && group.every(function (set) { return set.length > 0; })) c.exclude.push(group);
        continue;
      }
      c.hasWords = true;
      var postings = chunk.key ? await this.key(chunk.key) : null;
      if (postings) {
        slots++;
        var km = new Map();
        for (var i = 0; i < postings.length; i += 2) km.set(postings[i], postings[i + 1] * lim.key);
        c.clauses.push({ key: km });
        continue;
      }
      if (chunk.phrase) {
        for (var clause of await this.phrase(chunk.words)) {
          if (slots < lim.clauses) { slots++; c.clauses.push(termsClause(clause)); }
        }
        continue;
      }
      for (var j = 0; j < chunk.words.length; j++) {
        if (slots >= lim.clauses) break;
        slots++;
        var word = chunk.words[j];
        var terms = await this.expand(word[0], word[1], true);
        if (!terms) continue;
        if (!terms.length) { c.ignored.push(word[0]); continue; }
        var made = termsClause(terms);
        if (chunk.or && j === 0 && previous >= 0) {
          var into = c.clauses[previous];
          into.factors = into.factors.concat(made.factors);
          into.streams = into.streams.concat(made.streams);
          joinable = previous;
        } else {
          c.clauses.push(made);
          joinable = c.clauses.length - 1;
        }
      }
    }
    return c;
  };

  // "Did you mean": unknown words replaced by their nearest vocabulary words, one edit more
  // than a typo may have; null when no word changes (query.rs `suggest`).
  Index.prototype.suggest = async function (chunks) {
    var lim = this.m.limits;
    var changed = false;
    var parts = [];
    for (var chunk of chunks) {
      var words = [];
      for (var w of chunk.words) {
        var terms = await this.expand(w[0], false, false);
        var known = !terms || (terms.length > 0 && terms[0][2] === lim.exact);
        var chars = Array.from(w[0]);
        var max = maxEdits(chars, lim);
        var nearest = null;
        if (!known && max > 0) {
          var found = await this.corrections(chars, max + 1);
          if (found.length) nearest = found[0][3];
        }
        if (nearest !== null) { changed = true; words.push(nearest); } else words.push(w[0]);
      }
      var text = chunk.key && (await this.key(chunk.key)) ? chunk.key : words.join(' ');
      if (chunk.phrase) text = '"' + text + '"';
      parts.push((chunk.or ? 'OR ' : '') + (chunk.exclude ? '-' : '') + text);
    }
    return changed ? parts.join(' ') : null;
  };

  // A query without words lists every entry that passes (`excluded.has` false), all scoring
  // 0, so in entry order: the first `want` come straight from the bitmap, and the count is
  // `total` (from the sets), or when it is -1 every entry less those left out. No postings,
  // no per-entry work past the page shown.
  Index.prototype.listed = function (excluded, want, total, counts, estimated) {
    var hits = [];
    for (var e = 0; e < this.m.entries && hits.length < want; e++) if (!excluded.has(e)) hits.push([e, 0]);
    if (total < 0) total = this.m.entries - excluded.size();
    return { hits: hits, total: total, complete: hits.length === total, exact: true, counts: counts, estimated: estimated, ignored: [] };
  };

  Index.prototype.run = async function (query, chunks, counts, want) {
    var self = this;
    var compiled = await this.compile(chunks);
    var clauses = compiled.clauses;
    var ignored = compiled.ignored;
    var excluded = await this.exclusions(compiled.exclude);
    // Filters: facet index -> selected value indices.
    var selected = [];
    var active = [];
    var filters = query.filters || [];
    for (var f = 0; f < this.m.facets.length; f++) {
      var name = this.m.facets[f].name;
      var wanted = filters.filter(function (x) { return x[0] === name; });
      var chosen = new Set();
      if (wanted.length) {
        var labels = await this.facetLabels(f);
        for (var w of wanted) {
          var v = labels.findIndex(function (l) { return l[0] === w[1]; });
          if (v >= 0) chosen.add(v);
        }
      }
      selected.push(chosen);
      if (chosen.size) active.push(f);
    }
    // One word reaching one frequent term, no exclusion, no filter: its count and facet
    // counts are precomputed; words that all reach frequent terms: facet counts estimated
    // from their histograms. Either way postings are read only as far as the best results
    // need. `counts === 'exact'` counts from the matches in every case.
    var shape = clauses.map(function (cl) { return cl.key ? null : cl.streams.map(function (s) { return s.term; }); });
    var how = this.counting(shape, compiled.exclude, active.length > 0, compiled.hasWords);
    if (counts === 'exact') how = 'exact';
    var only = how === 'precounted' ? shape[0][0] : -1;
    var histogram = null;
    var typeFacet = this.m.facets.findIndex(function (f) { return f.name === 'type'; });
    var estimated = !!counts && (how === 'estimated' || how === 'filtered');
    var precounted = only >= 0 && (this.dfs.has(only) || (!!counts && typeFacet >= 0));
    var knownTotal = 0;
    if (counts && how === 'precounted') histogram = await this.histogram(only);
    if (how === 'filtered') {
      var passing = await this.filtered(shape, excluded, active, selected);
      knownTotal = passing.total;
      if (counts) histogram = await this.estimate(shape, compiled.exclude, passing.filters, passing.totals);
      excluded = passing;
      precounted = true;
    } else if (estimated) {
      knownTotal = await this.matchCount(shape, excluded);
      histogram = await this.estimate(shape, compiled.exclude, [], this.m.facets.map(function () { return knownTotal; }));
      precounted = true;
    } else if (precounted) {
      knownTotal = this.dfs.has(only) ? this.dfs.get(only) : histogram[typeFacet].reduce(function (a, b) { return a + b; }, 0);
    }
    var needBlocks = (counts && how === 'exact') || (active.length > 0 && how !== 'filtered');
    if (!clauses.length && !compiled.hasWords && want && !needBlocks) return this.listed(excluded, want, precounted ? knownTotal : -1, histogram, estimated);
    var streams = [];
    for (var cl of clauses) if (cl.streams) streams.push.apply(streams, cl.streams);
    await Promise.all(streams.map(function (s) { return s.read ? null : s.more(); }));
    if (want && !needBlocks) {
      for (;;) {
        var open = streams.filter(function (s) { return !s.done; });
        if (!open.length) break;
        var early = certainTop(clauses, want, excluded);
        if (early) {
          return { hits: early.hits, total: precounted ? knownTotal : early.total, complete: false,
            exact: precounted, counts: histogram, estimated: estimated, ignored: ignored };
        }
        await Promise.all(open.map(function (s) { return s.more(); }));
      }
    } else {
      await Promise.all(streams.map(function (s) { return s.all(); }));
    }
    var matched = clauses.map(function (cl) {
      if (cl.key) return cl.key;
      var m = new Map();
      cl.streams.forEach(function (s, k) {
        s.level.forEach(function (level, entry) {
          var score = cl.factors[k] * level;
          var old = m.get(entry);
          if (old === undefined || score > old) m.set(entry, score);
        });
      });
      return m;
    });
    var hasWords = compiled.hasWords;
    var candidates = [];
    if (!matched.length) {
      if (!hasWords) for (var e = 0; e < this.m.entries; e++) candidates.push([e, 0]);
    } else {
      var smallest = 0;
      matched.forEach(function (m, k) { if (m.size < matched[smallest].size) smallest = k; });
      matched[smallest].forEach(function (_, entry) {
        var score = 0;
        for (var m of matched) {
          var s = m.get(entry);
          if (s === undefined) return;
          score += s;
        }
        candidates.push([entry, score]);
      });
      candidates.sort(function (a, b) { return a[0] - b[0]; });
    }
    var tally = needBlocks ? this.m.facets.map(function (facet) { return new Array(facet.values).fill(0); }) : null;
    var size = this.m.blocks.size;
    if (needBlocks) {
      var wantedBlocks = [];
      for (var c of candidates) {
        var b = Math.floor(c[0] / size);
        if (wantedBlocks[wantedBlocks.length - 1] !== b) wantedBlocks.push(b);
      }
      await Promise.all(wantedBlocks.map(function (b) { return self.block(b); }));
    }
    var hits = [];
    for (var cand of candidates) {
      if (excluded.has(cand[0])) continue;
      if (!needBlocks) { hits.push(cand); continue; }
      var block = this.blocks.get(Math.floor(cand[0] / size));
      var rel = cand[0] % size;
      var failing = [];
      for (var a of active) {
        var vals = block[a][rel] || [];
        if (!vals.some(function (v) { return selected[a].has(v); })) failing.push(a);
      }
      if (failing.length === 0) {
        hits.push(cand);
        for (var f2 = 0; f2 < block.length; f2++) {
          for (var v2 of block[f2][rel] || []) tally[f2][v2]++;
        }
      } else if (failing.length === 1) {
        for (var v3 of block[failing[0]][rel] || []) tally[failing[0]][v3]++;
      }
    }
    hits.sort(function (x, y) { return y[1] - x[1] || x[0] - y[0]; });
    return { hits: hits, total: hits.length, complete: true, exact: true, counts: counts ? (histogram || tally) : null,
      estimated: estimated, ignored: ignored };
  };

  var api = { Index: Index, surfaces: surfaces, parse: parse, fnv32: fnv32 };
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
    return;
  }
  if (typeof document === 'undefined') return;
  window.DocketSearch = api;

  // ------------------------------------------------------------------ the page

  var PAGE = 20;
  var VALUES_SHOWN = 8;

  function slugify(id) {
    return id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    for (var name in attrs || {}) {
      if (attrs[name] === null || attrs[name] === undefined || attrs[name] === false) continue;
      if (name === 'text') node.textContent = attrs[name];
      else node.setAttribute(name, attrs[name]);
    }
    for (var child of children || []) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  function start() {
    var root = document.getElementById('search');
    if (!root) return;
    var ds = root.dataset;
    var lang = ds.lang;
    var number = new Intl.NumberFormat(lang);
    var dateFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
    var dirs = JSON.parse(ds.dirs || '{}');
    var types = JSON.parse(ds.types || '{}');
    var form = root.querySelector('form');
    var input = root.querySelector('input[type="search"]');
    var status = root.querySelector('.search-status');
    var list = root.querySelector('.search-list');
    var more = root.querySelector('.search-more');
    var panel = root.querySelector('.search-filters');
    var clear = root.querySelector('.search-clear');
    var note = root.querySelector('.facet-note');
    var active = root.querySelector('.search-active');
    var activeList = active.querySelector('ul');
    var fieldsets = Array.from(root.querySelectorAll('fieldset[data-facet]'));
    var nojs = document.querySelector('[data-search-nojs]');
    if (nojs) nojs.hidden = true;
    root.hidden = false;

    var index = null;
    var state = { q: '', filters: [] };
    var results = null;
    var shown = 0;
    var expanded = new Set();
    var generation = 0;
    var timer = null;

    function message(name, values) {
      var text = ds[name] || '';
      for (var k in values || {}) text = text.split('{' + k + '}').join(values[k]);
      return text;
    }

    function readUrl() {
      var params = new URLSearchParams(location.search);
      state.q = params.get('q') || '';
      state.filters = [];
      for (var fs of fieldsets) {
        for (var value of params.getAll(fs.dataset.facet)) state.filters.push([fs.dataset.facet, value]);
      }
    }

    function writeUrl() {
      var params = new URLSearchParams();
      if (state.q) params.set('q', state.q);
      for (var f of state.filters) params.append(f[0], f[1]);
      var search = params.toString();
      history.replaceState(null, '', location.pathname + (search ? '?' + search : '') + location.hash);
    }

    function href(row) {
      var section = { r: 'recommendations', a: 'actions', d: 'documents' }[row[0]];
      return ds.root + lang + '/' + section + '/' + slugify(row[1]) + '/';
    }

    function formatDate(iso) {
      var d = new Date(iso + 'T00:00:00Z');
      return isNaN(d) ? iso : dateFormat.format(d);
    }

    // The meta line: type, id, mechanism, document and paragraph, date; one element per
    // part (the list style puts a separator before every part but the first).
    function item(row) {
      var meta = [el('span', { class: 'search-kind', text: types[row[0]] || '' }),
        el('span', null, [el('a', { class: 'rec-id', href: href(row), text: row[1] })])];
      if (row[4]) meta.push(el('span', { text: row[4] }));
      var doc = [];
      if (row[5] && row[0] !== 'd') doc.push(el('bdi', { text: row[5] }));
      if (row[9]) doc.push((doc.length ? ', ' : '') + ds.msgParagraph + '\u00a0', el('bdi', { text: row[9] }));
      if (doc.length) meta.push(el('span', null, doc));
      if (row[6]) meta.push(el('time', { datetime: row[6], text: formatDate(row[6]) }));
      for (var m = meta.length - 1; m > 0; m--) meta.splice(m, 0, ' ');
      var text = el('p', { class: 'rec-excerpt', lang: row[3] || null, dir: row[3] ? (dirs[row[3]] || 'auto') : null, text: row[2] });
      var badges = views(row);
      if (row[8]) {
        var resp = index.m.responses.find(function (r) { return r[0] === row[8]; });
        if (resp) badges.push(' ', el('span', { class: 'response', text: resp[1] }));
      }
      return el('li', { class: 'rec-item' }, [
        el('p', { class: 'rec-meta' }, meta),
        text,
        row[3] ? el('p', { class: 'fallback-note', text: ds.msgUntranslated }) : null,
        badges.length ? el('p', { class: 'rec-status' }, badges) : null,
      ]);
    }

    function badge(status) {
      var st = index.m.statuses[status];
      return st ? el('span', { class: 'badge status-' + slugify(st[0]), text: st[1] }) : null;
    }

    // The status line, as the pages show it: one badge naming who agreed, or every
    // assessor's view, labelled, when they differ (row[10], from the model's view rule).
    function views(row) {
      var v = row[10], m = index.m.views, who = index.m.assessors || [];
      if (!v || !m) return row[7] >= 0 ? [badge(row[7])] : [];
      if (Array.isArray(v[0])) {
        return [el('span', { class: 'views views-differ' }, v.map(function (pair) {
          return el('span', { class: 'view' }, [
            el('span', { class: 'view-who', text: (who[pair[0]] || [])[1] + ':' }), ' ', badge(pair[1])]);
        }))];
      }
      var names = v.map(function (a) { return (who[a] || [])[1]; }).join(m[2]);
      return [el('span', { class: 'views views-agree' }, [badge(row[7]), ' ',
        el('span', { class: 'views-who', text: (v.length > 1 ? m[0] : m[1]).replace('{who}', names) })])];
    }

    function countText(found) {
      var text = !found.hits.length ? message('msgNone')
        : found.exact ? message('msgCount', { count: number.format(found.total) })
          : message('msgAtLeast', { count: number.format(found.total) });
      if (found.ignored.length) text += ' ' + message('msgIgnored', { words: found.ignored.join(', ') });
      if (state.filters.length) text += ' ' + message('msgFiltersOn', { count: number.format(state.filters.length) });
      return text;
    }

    // "Did you mean": a link in the status line (so that it is announced) that runs the
    // suggested query.
    function showSuggestion(found) {
      if (!found || !found.suggestion) return;
      var parts = ds.msgDidYouMean.split('{query}');
      var params = new URLSearchParams({ q: found.suggestion });
      for (var f of state.filters) params.append(f[0], f[1]);
      var link = el('a', { href: '?' + params.toString(), 'data-query': found.suggestion, text: found.suggestion });
      status.append(' ', parts[0] || '', link, parts[1] || '');
    }

    // The filters in force, each with a button that removes it, and "clear all".
    async function showActive() {
      activeList.textContent = '';
      active.hidden = state.filters.length === 0;
      for (var f of state.filters) {
        var fs = fieldsets.find(function (x) { return x.dataset.facet === f[0]; });
        var fi = index.m.facets.findIndex(function (x) { return x.name === f[0]; });
        var labels = fi >= 0 ? await index.facetLabels(fi) : [];
        var value = labels.find(function (l) { return l[0] === f[1]; });
        var label = (fs ? fs.querySelector('legend').textContent : f[0]) + ': ' + (value ? value[1] : f[1]);
        activeList.append(el('li', null, [el('button', { type: 'button', class: 'search-remove', 'data-facet': f[0], 'data-value': f[1],
          'aria-label': message('msgRemove', { filter: label }), text: label + ' \u00d7' })]));
      }
    }

    // The next page of results; when the first search stopped early, reads on for it.
    async function showMore() {
      var mine = generation;
      if (!results.complete && shown + PAGE > results.hits.length) {
        var further = await index.search(state, false, shown + PAGE);
        if (mine !== generation) return;
        results = further;
        status.textContent = countText(results);
      }
      var slice = results.hits.slice(shown, shown + PAGE);
      var rows = await Promise.all(slice.map(function (h) { return index.row(h[0]); }));
      if (mine !== generation) return;
      for (var row of rows) list.append(item(row));
      shown += slice.length;
      more.hidden = results.complete && shown >= results.hits.length;
    }

    // The values of every facet with their counts (`estimated`: marked as estimates).
    async function renderFacets(counts, estimated) {
      note.hidden = !(counts && estimated);
      var selectedKeys = new Map();
      for (var f of state.filters) {
        if (!selectedKeys.has(f[0])) selectedKeys.set(f[0], new Set());
        selectedKeys.get(f[0]).add(f[1]);
      }
      for (var i = 0; i < fieldsets.length; i++) {
        var fs = fieldsets[i];
        var f2 = index.m.facets.findIndex(function (x) { return x.name === fs.dataset.facet; });
        if (f2 < 0) { fs.hidden = true; continue; }
        var labels = await index.facetLabels(f2);
        var chosen = selectedKeys.get(fs.dataset.facet) || new Set();
        var values = labels.map(function (l, v) {
          return { key: l[0], label: l[1], lang: l[3], count: counts ? counts[f2][v] : l[2], v: v };
        }).filter(function (x) { return x.count > 0 || chosen.has(x.key); });
        values.sort(function (a, b) { return b.count - a.count || a.v - b.v; });
        var ul = fs.querySelector('ul');
        ul.textContent = '';
        var open = expanded.has(fs.dataset.facet);
        values.forEach(function (x, k) {
          if (!open && k >= VALUES_SHOWN && !chosen.has(x.key)) return;
          var box = el('input', { type: 'checkbox', name: fs.dataset.facet, value: x.key });
          box.checked = chosen.has(x.key);
          ul.append(el('li', null, [el('label', null, [box, ' ',
            el('span', { lang: x.lang || null, dir: x.lang ? (dirs[x.lang] || 'auto') : null, text: x.label }), ' ',
            el('span', { class: 'facet-count', text: '(' + (counts && estimated ? '\u2248' : '') + number.format(x.count) + ')' })])]));
        });
        var toggle = fs.querySelector('.facet-more');
        if (toggle) toggle.remove();
        if (values.length > VALUES_SHOWN) {
          var button = el('button', { type: 'button', class: 'facet-more', 'data-facet': fs.dataset.facet, 'aria-expanded': open ? 'true' : 'false',
            text: open ? ds.msgFewer : message('msgAll', { count: number.format(values.length) }) });
          fs.append(button);
        }
        fs.hidden = values.length === 0;
      }
      clear.hidden = state.filters.length === 0;
    }

    async function run() {
      if (!index) return;
      var mine = ++generation;
      var hasQuery = /\S/.test(state.q);
      await showActive();
      if (mine !== generation) return;
      if (!hasQuery && !state.filters.length) {
        results = null;
        list.textContent = '';
        more.hidden = true;
        status.textContent = message('msgEmpty');
        if (panel.open) await renderFacets(null);
        return;
      }
      root.setAttribute('aria-busy', 'true');
      var found;
      try {
        found = await index.search(state, panel.open, PAGE);
      } catch (err) {
        status.textContent = message('msgError');
        root.removeAttribute('aria-busy');
        throw err;
      }
      if (mine !== generation) return;
      results = found;
      list.textContent = '';
      shown = 0;
      var text = countText(found);
      await showMore();
      if (mine !== generation) return;
      if (panel.open) await renderFacets(found.counts, found.estimated);
      status.textContent = text;
      showSuggestion(found);
      root.removeAttribute('aria-busy');
    }

    function schedule(delay) {
      clearTimeout(timer);
      timer = setTimeout(function () { run().catch(function (e) { console.error(e); }); }, delay);
    }

    input.addEventListener('input', function () {
      state.q = input.value;
      writeUrl();
      schedule(150);
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      state.q = input.value;
      writeUrl();
      schedule(0);
    });
    more.addEventListener('click', function () {
      showMore().then(function () {
        var next = list.children[shown - PAGE] || list.lastElementChild;
        var link = next && next.querySelector('a');
        if (link) link.focus();
      });
    });
    panel.addEventListener('toggle', function () { if (panel.open) schedule(0); });
    root.addEventListener('change', function (event) {
      var box = event.target;
      if (!box.matches('fieldset[data-facet] input[type="checkbox"]')) return;
      state.filters = state.filters.filter(function (f) { return !(f[0] === box.name && f[1] === box.value); });
      if (box.checked) state.filters.push([box.name, box.value]);
      writeUrl();
      schedule(0);
    });
    root.addEventListener('click', function (event) {
      var button = event.target.closest('.facet-more');
      if (!button) return;
      var name = button.dataset.facet;
      if (expanded.has(name)) expanded.delete(name); else expanded.add(name);
      renderFacets(results ? results.counts : null, results && results.estimated).then(function () {
        var again = root.querySelector('.facet-more[data-facet="' + name + '"]');
        if (again) again.focus();
      });
    });
    function clearFilters() {
      state.filters = [];
      writeUrl();
      schedule(0);
      input.focus();
    }
    clear.addEventListener('click', clearFilters);
    active.querySelector('.search-clear-all').addEventListener('click', clearFilters);
    active.addEventListener('click', function (event) {
      var button = event.target.closest('.search-remove');
      if (!button) return;
      state.filters = state.filters.filter(function (f) { return !(f[0] === button.dataset.facet && f[1] === button.dataset.value); });
      writeUrl();
      schedule(0);
      input.focus();
    });
    status.addEventListener('click', function (event) {
      var link = event.target.closest('a[data-query]');
      if (!link) return;
      event.preventDefault();
      state.q = input.value = link.dataset.query;
      writeUrl();
      schedule(0);
      input.focus();
    });

    readUrl();
    input.value = state.q;
    // Open on wide screens (and whenever a filter is set); closed on phones, where it
    // would push the results below the fold.
    if (state.filters.length || window.matchMedia('(min-width: 60em)').matches) panel.open = true;
    status.textContent = message('msgLoading');
    Index.open(ds.index, function (url, binary) {
      return fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ': ' + response.status);
        return binary ? response.arrayBuffer().then(function (b) { return new Uint8Array(b); }) : response.json();
      });
    }).then(function (opened) {
      index = opened;
      return run();
    }).catch(function (e) {
      status.textContent = message('msgError');
      console.error(e);
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();

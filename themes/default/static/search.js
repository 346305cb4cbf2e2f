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

  // Chunks of a query: {key, words: [[surface, typing]]} (src/search/query.rs `parse`).
  function parse(text, maxChunks) {
    var n = text.normalize('NFKC');
    var open = n.length > 0 && n.charCodeAt(n.length - 1) > 0x20;
    var chunks = n.split(/[\u0000-\u0020]+/).filter(Boolean).slice(0, maxChunks);
    return chunks.map(function (chunk, i) {
      var low = chunk.replace(/[A-Z]+/g, function (c) { return c.toLowerCase(); });
      var words = surfaces(chunk);
      return {
        key: isKeyCandidate(low) ? low : null,
        words: words.map(function (s, j) {
          return [s, open && i === chunks.length - 1 && j === words.length - 1];
        }),
      };
    });
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
    this.load = load;
    this.cache = new Map();
    this.postings = new Map();
    this.blocks = new Map();
    this.labels = new Map();
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

  Index.prototype.shard = function (kind, i, ext) {
    var k = this.m[kind];
    var g = Math.floor(i / k.g);
    return this.fetch(kind[0] + '/' + i + '.' + k.h.substr(g * 12, 12) + '.' + ext, ext === 'bin');
  };

  // Vocabulary rows [surface, term, weight] equal to (or, with `prefix`, starting with) s.
  Index.prototype.vocab = async function (s, prefix) {
    var first = this.m.vocab.first;
    var i = lastAtMost(first, s);
    var found = [];
    for (;;) {
      var rows = await this.shard('vocab', i, 'json');
      for (var row of rows) {
        if (prefix ? row[0].startsWith(s) : row[0] === s) found.push(row);
      }
      if (prefix && i + 1 < first.length && first[i + 1].startsWith(s)) i++;
      else return found;
    }
  };

  // The terms a word reaches: [[term, weight, multiplier]] (query.rs `expand`).
  Index.prototype.expand = async function (surface, typing) {
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
    // An inflection the portal never uses: its longest shortening that is a surface form or
    // a stem stands in for it; failing that, the longest shortening that starts some surface
    // forms (query.rs, MAX_TRIM and MIN_STEM_CHARS).
    if (!exact && !others.size && !isCjk(chars[0].codePointAt(0))) {
      var shortest = Math.max(chars.length - lim.trim, lim.stem);
      var shortenings = [];
      for (var keep = chars.length - 1; keep >= shortest; keep--) shortenings.push(chars.slice(0, keep).join(''));
      var whole = null;
      for (var stem of shortenings) {
        var same = (await this.vocab(stem, false))[0];
        if (same && same[1] >= 0) { whole = same; break; }
      }
      if (whole) others.set(whole[1], whole[2]);
      else {
        for (var stem2 of shortenings) {
          var found = (await this.vocab(stem2, true)).filter(function (row) { return row[1] >= 0; });
          if (found.length) {
            for (var f of found) others.set(f[1], f[2]);
            break;
          }
        }
      }
    }
    var out = exact ? [[exact[1], exact[2], lim.exact]] : [];
    var rest = [];
    others.forEach(function (weight, term) {
      if (!exact || term !== exact[1]) rest.push([term, weight, lim.partial]);
    });
    rest.sort(function (a, b) { return a[1] - b[1] || a[0] - b[0]; });
    return out.concat(rest.slice(0, lim.expansions - out.length));
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
  function certainTop(clauses, want) {
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
    exact.sort(function (x, y) { return y[1] - x[1] || x[0] - y[0]; });
    var certain = threat ? exact.findIndex(function (h) { return !worse(threat, h); }) : -1;
    if (certain < 0) certain = exact.length;
    return certain >= want ? { hits: exact.slice(0, certain), total: total } : null;
  }

  // Runs a query: {q, filters: [[facet, key]]}. With `counts`, facet counts as well. With
  // `want` and neither counts nor filters, reads postings only until the best `want` hits
  // are certain: `complete` is then false, `hits` the hits known to come first (at least
  // `want`, in order) and `total` a lower bound of the matches.
  // Returns {hits: [[entry, score]], total, complete, counts: [[count per value]] | null,
  // ignored: [words]} (query.rs `search` and `finish`).
  Index.prototype.search = async function (query, counts, want) {
    var self = this;
    var lim = this.m.limits;
    var clauses = [];
    var ignored = [];
    var slots = 0;
    var chunks = parse(query.q || '', lim.chunks);
    outer: for (var chunk of chunks) {
      var postings = chunk.key ? await this.key(chunk.key) : null;
      if (postings) {
        if (slots < lim.clauses) {
          slots++;
          var km = new Map();
          for (var i = 0; i < postings.length; i += 2) km.set(postings[i], postings[i + 1] * lim.key);
          clauses.push({ key: km });
        }
        continue;
      }
      for (var word of chunk.words) {
        if (slots >= lim.clauses) break outer;
        slots++;
        var terms = await this.expand(word[0], word[1]);
        if (!terms) continue;
        if (!terms.length) { ignored.push(word[0]); continue; }
        clauses.push({
          factors: terms.map(function (t) { return t[1] * t[2]; }),
          streams: terms.map(function (t) { return self.stream(t[0]); }),
        });
      }
    }
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
    var needBlocks = counts || active.length > 0;
    var streams = [];
    for (var cl of clauses) if (cl.streams) streams.push.apply(streams, cl.streams);
    await Promise.all(streams.map(function (s) { return s.read ? null : s.more(); }));
    if (want && !needBlocks) {
      for (;;) {
        var open = streams.filter(function (s) { return !s.done; });
        if (!open.length) break;
        var early = certainTop(clauses, want);
        if (early) return { hits: early.hits, total: early.total, complete: false, counts: null, ignored: ignored };
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
    var hasWords = /[^\u0000-\u0020]/.test(query.q || '');
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
    return { hits: hits, total: hits.length, complete: true, counts: counts ? tally : null, ignored: ignored };
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

    function item(row) {
      var meta = [el('span', { class: 'search-kind', text: types[row[0]] || '' }), ' ',
        el('a', { class: 'rec-id', href: href(row), text: row[1] })];
      var sep = function () { return el('span', { class: 'sep', 'aria-hidden': 'true', text: ' · ' }); };
      if (row[4]) meta.push(sep(), row[4]);
      if (row[5] && row[0] !== 'd') meta.push(sep(), el('bdi', { text: row[5] }));
      if (row[9]) meta.push(', ' + ds.msgParagraph + ' ', el('bdi', { text: row[9] }));
      if (row[6]) meta.push(sep(), el('time', { datetime: row[6], text: formatDate(row[6]) }));
      var text = el('p', { class: 'rec-excerpt', lang: row[3] || null, dir: row[3] ? (dirs[row[3]] || 'auto') : null, text: row[2] });
      var badges = [];
      if (row[7] >= 0 && index.m.statuses[row[7]]) {
        var st = index.m.statuses[row[7]];
        badges.push(el('span', { class: 'badge status-' + slugify(st[0]), text: st[1] }));
      }
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

    function countText(found) {
      if (!found.hits.length) return message('msgNone');
      var text = found.complete ? message('msgCount', { count: number.format(found.total) })
        : message('msgAtLeast', { count: number.format(found.total) });
      if (found.ignored.length) text += ' ' + message('msgIgnored', { words: found.ignored.join(', ') });
      return text;
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

    async function renderFacets(counts) {
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
            el('span', { class: 'facet-count', text: '(' + number.format(x.count) + ')' })])]));
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
      if (panel.open) await renderFacets(found.counts);
      status.textContent = text;
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
      renderFacets(results ? results.counts : null).then(function () {
        var again = root.querySelector('.facet-more[data-facet="' + name + '"]');
        if (again) again.focus();
      });
    });
    clear.addEventListener('click', function () {
      state.filters = [];
      writeUrl();
      schedule(0);
      input.focus();
    });

    readUrl();
    input.value = state.q;
    if (state.filters.length) panel.open = true;
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

//! The static index: a small manifest and content-hashed shards that the browser fetches
//! one by one as queries need them. Byte-identical for the same input. docs/search.md
//! describes every file.

use serde_json::json;

use super::index::{LanguageIndex, STOP, Views, js_order};
use super::{histograms, query, typo};

/// Target size of a vocabulary shard (JSON bytes).
pub const VOCAB_SHARD_BYTES: usize = 4096;
/// Target size of a postings shard (bytes) shared by short posting lists.
pub const POSTINGS_SHARD_BYTES: usize = 4096;
/// Longest segment of a split posting list (bytes).
pub const MAX_SEGMENT_BYTES: usize = 65536;
/// Rows per document-table chunk.
pub const DOC_ROWS: usize = 16;
/// Exact keys per bucket, on average.
pub const KEYS_PER_BUCKET: usize = 64;
/// Entries per facet block.
pub const FACET_BLOCK: usize = 4096;
/// The manifest lists at most this many hashes per kind of shard; above it, consecutive
/// shards share the hash of their group.
pub const MAX_HASHES: usize = 64;
/// Hex digits of a hash in a file name.
const HASH_HEX: usize = 12;

/// FNV-1a, 64 bits: the content hash in file names.
pub fn fnv64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// FNV-1a, 32 bits, over UTF-8: which bucket holds a key (`search.js` computes it too).
pub fn fnv32(text: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in text.as_bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

fn varint(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// A sorted set of small integers in its smallest form: mode 0 (gaps as varints),
/// 1 (bitmap, least significant bit first) or 2 (runs: gap and length − 1 as varints).
pub fn encode_set(ids: &[u32]) -> Vec<u8> {
    let mut gaps = vec![0u8];
    let mut previous: i64 = -1;
    for &id in ids {
        varint(&mut gaps, (i64::from(id) - previous - 1) as u64);
        previous = i64::from(id);
    }
    let mut bitmap = vec![1u8];
    if let Some(&last) = ids.last() {
        bitmap.resize(1 + last as usize / 8 + 1, 0);
        for &id in ids {
            bitmap[1 + id as usize / 8] |= 1 << (id % 8);
        }
    }
    let mut runs = vec![2u8];
    let mut previous_end: i64 = -1;
    let mut i = 0;
    while i < ids.len() {
        let start = ids[i];
        let mut end = start;
        while i + 1 < ids.len() && ids[i + 1] == end + 1 {
            end += 1;
            i += 1;
        }
        varint(&mut runs, (i64::from(start) - previous_end - 1) as u64);
        varint(&mut runs, u64::from(end - start));
        previous_end = i64::from(end);
        i += 1;
    }
    [gaps, bitmap, runs]
        .into_iter()
        .min_by_key(|v| v.len())
        .expect("three encodings")
}

/// Each number less the one before it (the first as it is).
fn differences(sorted: &[u32]) -> Vec<u32> {
    let mut previous = 0;
    sorted
        .iter()
        .map(|&n| {
            let d = n - previous;
            previous = n;
            d
        })
        .collect()
}

/// A row's views: `[assessor, ...]` who agree, or `[[assessor, status], ...]` when they differ.
fn views_json(views: &Views) -> serde_json::Value {
    match views {
        Views::Agree(who) => json!(who),
        Views::Differ(views) => json!(views),
    }
}

/// Shards of one kind, named `{kind}/{i}.{hash}.{ext}`.
struct Kind {
    files: Vec<(String, Vec<u8>)>,
    manifest: serde_json::Value,
}

fn name_shards(prefix: &str, kind: &str, ext: &str, shards: Vec<Vec<u8>>) -> Kind {
    let group = shards.len().div_ceil(MAX_HASHES).max(1);
    let mut hashes = String::new();
    for members in shards.chunks(group) {
        let mut h = 0xcbf2_9ce4_8422_2325u64;
        for shard in members {
            h = fnv64(&[h.to_le_bytes().as_slice(), &fnv64(shard).to_le_bytes()].concat());
        }
        hashes.push_str(&format!("{h:016x}")[..HASH_HEX]);
    }
    let files = shards
        .into_iter()
        .enumerate()
        .map(|(i, bytes)| {
            let g = i / group;
            let hash = &hashes[g * HASH_HEX..(g + 1) * HASH_HEX];
            (format!("{prefix}{kind}/{i}.{hash}.{ext}"), bytes)
        })
        .collect::<Vec<_>>();
    Kind {
        manifest: json!({ "n": files.len(), "g": group, "h": hashes }),
        files,
    }
}

/// How posting lists are cut into files.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// A posting list longer than this (bytes) is split into segments in ranking order: the
    /// first of this size, each next one twice the size of the one before (at most
    /// [`MAX_SEGMENT_BYTES`]), so that the best entries of a frequent word cost one small file.
    pub first_segment_bytes: usize,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            first_segment_bytes: POSTINGS_SHARD_BYTES,
        }
    }
}

/// Every file of the index of one language, paths from the site root
/// (`search/{lang}/manifest.json` first).
pub fn export(index: &LanguageIndex) -> Vec<(String, Vec<u8>)> {
    export_with(index, &Layout::default())
}

/// A posting list in ranking order (impact from the highest down, then entry), as
/// segments: each a run of `(level, count, gaps)` groups, gaps starting afresh in every
/// segment so that it decodes alone. One segment when the list fits `first` bytes.
fn posting_segments(postings: &[(u32, u8)], first: usize) -> Vec<Vec<u8>> {
    let mut order: Vec<(u32, u8)> = postings.to_vec();
    order.sort_by_key(|&(entry, impact)| (std::cmp::Reverse(impact), entry));
    let mut segments = Vec::new();
    let mut target = first;
    let mut current: Vec<u8> = Vec::new();
    let mut i = 0;
    while i < order.len() {
        // One group: entries of one level, as many as fit in what is left of the segment.
        let level = order[i].1;
        let mut gaps = Vec::new();
        let mut previous: i64 = -1;
        let mut count = 0u64;
        let mut full = false;
        while i < order.len() && order[i].1 == level {
            let mut gap = Vec::new();
            varint(&mut gap, (i64::from(order[i].0) - previous - 1) as u64);
            // 4 bytes for the group's level and count.
            if count > 0 && current.len() + 4 + gaps.len() + gap.len() > target {
                full = true;
                break;
            }
            gaps.extend(gap);
            previous = i64::from(order[i].0);
            count += 1;
            i += 1;
        }
        varint(&mut current, u64::from(level));
        varint(&mut current, count);
        current.extend(gaps);
        if (full || current.len() + 8 >= target) && i < order.len() {
            segments.push(std::mem::take(&mut current));
            target = (target * 2).min(MAX_SEGMENT_BYTES.max(first));
        }
    }
    if !current.is_empty() || segments.is_empty() {
        segments.push(current);
    }
    segments
}

/// Postings shards and the first term of each: short lists share shards of about
/// [`POSTINGS_SHARD_BYTES`]; a split list has its segments in consecutive shards of their
/// own, which all name it as their first term. Every list is `varint length, bytes`.
fn postings_shards(index: &LanguageIndex, layout: &Layout) -> (Vec<Vec<u8>>, Vec<u32>) {
    let mut shards: Vec<Vec<u8>> = Vec::new();
    let mut first: Vec<u32> = Vec::new();
    let mut shard: Vec<u8> = Vec::new();
    let mut shard_terms = 0;
    for (t, term) in index.terms.iter().enumerate() {
        let segments = posting_segments(&term.postings, layout.first_segment_bytes);
        let split = segments.len() > 1;
        if shard_terms > 0 && (split || shard.len() + segments[0].len() > POSTINGS_SHARD_BYTES) {
            shards.push(std::mem::take(&mut shard));
            shard_terms = 0;
        }
        if split {
            for segment in segments {
                let mut own = Vec::with_capacity(segment.len() + 3);
                varint(&mut own, segment.len() as u64);
                own.extend(segment);
                shards.push(own);
                first.push(t as u32);
            }
            continue;
        }
        if shard_terms == 0 {
            first.push(t as u32);
        }
        let record = &segments[0];
        varint(&mut shard, record.len() as u64);
        shard.extend(record);
        shard_terms += 1;
    }
    if shard_terms > 0 {
        shards.push(shard);
    }
    (shards, first)
}

/// [`export`] with posting lists cut as `layout` says (tests use tiny segments).
pub fn export_with(index: &LanguageIndex, layout: &Layout) -> Vec<(String, Vec<u8>)> {
    let prefix = format!("search/{}/", index.lang);
    let (vocab, vocab_first) = vocab_shards(index, &prefix);
    let typo_files = typo_shards(index, &prefix);
    let (histogram_terms, histogram_files) = histograms::files(index);
    let histograms = name_shards(&prefix, "h", "json", histogram_files);
    let sets = name_shards(&prefix, "s", "bin", histograms::sets(index));
    let (value_sets, value_histograms) = histograms::value_files(index);
    let value_sets = name_shards(&prefix, "f", "bin", value_sets);
    let value_histograms = name_shards(&prefix, "g", "json", value_histograms);
    let adjacent = name_shards(&prefix, "a", "bin", index.pairs_seen.shards.clone());
    let (postings_shards, postings_first) = postings_shards(index, layout);
    let postings = name_shards(&prefix, "p", "bin", postings_shards);
    let keys = key_buckets(index, &prefix);
    let docs = doc_chunks(index, &prefix);
    let blocks = facet_blocks(index, &prefix);
    let (label_files, facets) = facet_labels(index, &prefix);

    let with = |mut kind: serde_json::Value, extra: serde_json::Value| {
        if let (Some(kind), Some(extra)) = (kind.as_object_mut(), extra.as_object()) {
            kind.extend(extra.clone());
        }
        kind
    };
    let manifest = json!({
        "version": 1,
        "lang": index.lang,
        "entries": index.entries.len(),
        "statuses": index.statuses,
        "responses": index.responses,
        "assessors": index.assessors,
        "views": [index.views_messages.0, index.views_messages.1, index.views_messages.2],
        "limits": limits(),
        "vocab": with(vocab.manifest.clone(), json!({ "first": vocab_first })),
        // Differences from the shard before: about a quarter of the bytes once compressed.
        "postings": with(postings.manifest.clone(), json!({ "first": differences(&postings_first) })),
        "typo": typo_files.manifest.clone(),
        "histograms": with(histograms.manifest.clone(), json!({ "terms": differences(&histogram_terms) })),
        "sets": sets.manifest.clone(),
        "value_sets": value_sets.manifest.clone(),
        "value_histograms": value_histograms.manifest.clone(),
        "adjacent": with(adjacent.manifest.clone(), json!({ "k": super::bloom::HASHES })),
        "keys": keys.manifest.clone(),
        "docs": with(docs.manifest.clone(), json!({ "rows": DOC_ROWS })),
        "blocks": with(blocks.manifest.clone(), json!({ "size": FACET_BLOCK })),
        "facets": facets,
    });
    let mut all = vec![(
        format!("{prefix}manifest.json"),
        serde_json::to_vec(&manifest).expect("serialisable"),
    )];
    for kind in [
        vocab,
        postings,
        typo_files,
        histograms,
        sets,
        value_sets,
        value_histograms,
        adjacent,
        keys,
        docs,
        blocks,
    ] {
        all.extend(kind.files);
    }
    all.extend(label_files);
    all
}

/// The constants a query needs, for the manifest.
fn limits() -> serde_json::Value {
    json!({
        "chunks": super::syntax::MAX_CHUNKS,
        "clauses": query::MAX_CLAUSES,
        "expansions": query::MAX_EXPANSIONS,
        "prefix": query::MIN_PREFIX_CHARS,
        "trim": query::MAX_TRIM,
        "stem": query::MIN_STEM_CHARS,
        "key": query::KEY_SCORE,
        "exact": query::EXACT_MULTIPLIER,
        "partial": query::PREFIX_MULTIPLIER,
        "typo": query::TYPO_MULTIPLIERS,
        "corrections": query::MAX_CORRECTIONS,
        "typo_min": typo::MIN_TYPO_CHARS,
        "typo_two": typo::TWO_EDITS_CHARS,
        "typo_max": typo::MAX_TYPO_CHARS,
    })
}

/// Vocabulary: `[surface, term, weight]` (and the entries, for a term with a histogram),
/// cut into shards of about [`VOCAB_SHARD_BYTES`]; with the separator of each shard
/// ([`separator`]).
fn vocab_shards<'a>(index: &'a LanguageIndex, prefix: &str) -> (Kind, Vec<&'a str>) {
    let mut shards: Vec<Vec<u8>> = Vec::new();
    let mut first: Vec<&str> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut size = 0;
    let mut previous = "";
    for (surface, term) in &index.vocab {
        let row = if *term == STOP {
            serde_json::to_string(&(surface, -1, 0))
        } else if histograms::has_histogram(index, *term) {
            let data = &index.terms[*term as usize];
            serde_json::to_string(&(surface, term, data.weight, data.postings.len()))
        } else {
            serde_json::to_string(&(surface, term, index.terms[*term as usize].weight))
        }
        .expect("serialisable");
        if !current.is_empty() && size + row.len() > VOCAB_SHARD_BYTES {
            shards.push(format!("[{}]", current.join(",")).into_bytes());
            current.clear();
            size = 0;
        }
        if current.is_empty() {
            first.push(if first.is_empty() {
                surface
            } else {
                separator(previous, surface)
            });
        }
        size += row.len() + 1;
        current.push(row);
        previous = surface;
    }
    if !current.is_empty() || shards.is_empty() {
        if current.is_empty() {
            first.push("");
        }
        shards.push(format!("[{}]", current.join(",")).into_bytes());
    }
    (name_shards(prefix, "v", "json", shards), first)
}

/// The shortest start of a shard's first surface that sorts (as JavaScript sorts) after the
/// last surface of the shard before: it picks the same shard for every word, with fewer
/// bytes in the manifest that every query reads. A word between the two shards is in
/// neither; a prefix's words start in the shard the separator picks (the client reads on
/// while the next separator starts with the prefix).
fn separator<'a>(last: &str, first: &'a str) -> &'a str {
    first
        .char_indices()
        .map(|(at, c)| &first[..at + c.len_utf8()])
        .find(|start| js_order(start, last).is_gt())
        .unwrap_or(first)
}

/// Typo side index: the words that may be offered as corrections, filed under their keys
/// ([`typo::word_keys`]), the keys in buckets by FNV-1a 32 (about
/// [`typo::KEY_ROWS_PER_FILE`] rows each): `[[key, [word, term, weight, ...]], ...]`, each
/// word without the part its key names and each term as its difference from the one
/// before under the key (the rows are in vocabulary order, where terms mostly grow): both
/// cut what a query reads, since most of a key's words are read only to be ruled out.
fn typo_shards(index: &LanguageIndex, prefix: &str) -> Kind {
    let mut filed: std::collections::BTreeMap<String, Vec<(String, u32, u32)>> = Default::default();
    for (surface, term) in &index.vocab {
        if *term != STOP && typo::correctable(surface) {
            let weight = index.terms[*term as usize].weight;
            let chars: Vec<char> = surface.chars().collect();
            for (key, (start, len)) in typo::word_keys(&chars) {
                let rest: String = chars[..start].iter().chain(&chars[start + len..]).collect();
                filed.entry(key).or_default().push((rest, *term, weight));
            }
        }
    }
    let rows: usize = filed.values().map(Vec::len).sum();
    let buckets = rows.div_ceil(typo::KEY_ROWS_PER_FILE).max(1);
    let mut files: Vec<Vec<String>> = vec![Vec::new(); buckets];
    for (key, rows) in &filed {
        let mut previous = 0i64;
        let flat: Vec<serde_json::Value> = rows
            .iter()
            .flat_map(|(rest, term, weight)| {
                let delta = i64::from(*term) - previous;
                previous = i64::from(*term);
                [json!(rest), json!(delta), json!(weight)]
            })
            .collect();
        let row = serde_json::to_string(&(key, flat)).expect("serialisable");
        files[fnv32(key) as usize % buckets].push(row);
    }
    let shards = files
        .iter()
        .map(|keys| format!("[{}]", keys.join(",")).into_bytes())
        .collect();
    name_shards(prefix, "t", "json", shards)
}

/// Exact keys, in buckets by FNV-1a 32 of the key: `[[key, [entry, weight, ...]], ...]`.
fn key_buckets(index: &LanguageIndex, prefix: &str) -> Kind {
    let buckets = index.keys.len().div_ceil(KEYS_PER_BUCKET).max(1);
    let mut key_buckets: Vec<Vec<(&str, Vec<u32>)>> = vec![Vec::new(); buckets];
    for (key, postings) in &index.keys {
        let flat = postings
            .iter()
            .flat_map(|&(e, w)| [e, u32::from(w)])
            .collect();
        key_buckets[(fnv32(key) as usize) % buckets].push((key, flat));
    }
    let shards = key_buckets
        .iter()
        .map(|b| serde_json::to_vec(b).expect("serialisable"))
        .collect();
    name_shards(prefix, "k", "json", shards)
}

/// Document table: rows of [`DOC_ROWS`].
fn doc_chunks(index: &LanguageIndex, prefix: &str) -> Kind {
    let row = |e: &super::index::Entry| {
        let mut row = json!([
            e.kind.code(),
            e.id,
            e.text,
            e.text_lang,
            e.mechanism,
            e.symbol,
            e.date,
            e.status.map_or(-1, i64::from),
            e.response,
            e.paragraph
        ]);
        if let (Some(views), Some(row)) = (&e.views, row.as_array_mut()) {
            row.push(views_json(views));
        }
        row
    };
    let chunks = index
        .entries
        .chunks(DOC_ROWS)
        .map(|rows| {
            let rows: Vec<serde_json::Value> = rows.iter().map(row).collect();
            serde_json::to_vec(&rows).expect("serialisable")
        })
        .collect();
    name_shards(prefix, "d", "json", chunks)
}

/// Facet blocks: for each block of [`FACET_BLOCK`] entries, for each facet, for each value,
/// the block's entries with that value (relative to the block's start) as a set.
fn facet_blocks(index: &LanguageIndex, prefix: &str) -> Kind {
    let blocks = (0..index.entries.len().div_ceil(FACET_BLOCK).max(1))
        .map(|b| {
            let start = b * FACET_BLOCK;
            let end = (start + FACET_BLOCK).min(index.entries.len());
            let mut out = Vec::new();
            for facet in &index.facets {
                let mut sets: Vec<Vec<u32>> = vec![Vec::new(); facet.values.len()];
                for e in start..end {
                    for &v in &facet.of_entry[e] {
                        sets[v as usize].push((e - start) as u32);
                    }
                }
                for set in sets {
                    let bytes = if set.is_empty() {
                        Vec::new()
                    } else {
                        encode_set(&set)
                    };
                    varint(&mut out, bytes.len() as u64);
                    out.extend(bytes);
                }
            }
            out
        })
        .collect();
    name_shards(prefix, "b", "bin", blocks)
}

/// Facet labels, one file per facet: `[[key, label, count, lang?], ...]`; with each facet's
/// entry for the manifest.
fn facet_labels(
    index: &LanguageIndex,
    prefix: &str,
) -> (Vec<(String, Vec<u8>)>, Vec<serde_json::Value>) {
    let mut files = Vec::new();
    let mut facets = Vec::new();
    for facet in &index.facets {
        let rows: Vec<serde_json::Value> = facet
            .values
            .iter()
            .map(|v| {
                if v.label_lang.is_empty() {
                    json!([v.key, v.label, v.count])
                } else {
                    json!([v.key, v.label, v.count, v.label_lang])
                }
            })
            .collect();
        let bytes = serde_json::to_vec(&rows).expect("serialisable");
        let hash = &format!("{:016x}", fnv64(&bytes))[..HASH_HEX];
        files.push((format!("{prefix}l/{}.{hash}.json", facet.name), bytes));
        facets.push(json!({ "name": facet.name, "values": facet.values.len(), "h": hash }));
    }
    (files, facets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_take_their_smallest_form() {
        let run: Vec<u32> = (0..100).collect();
        assert_eq!(encode_set(&run), vec![2, 0, 99]);
        assert_eq!(encode_set(&[3, 200, 4000])[0], 0);
        let dense: Vec<u32> = (0..64).filter(|i| i % 3 != 0).collect();
        assert_eq!(encode_set(&dense)[0], 1);
        assert_eq!(encode_set(&[5]), vec![0, 5]);
    }

    /// A shard's separator sorts after the shard before and no later than its first word,
    /// so every word and every prefix finds the shard it found with the first words.
    #[test]
    fn separators_pick_the_shard_the_first_words_picked() {
        assert_eq!(separator("detention", "detentions"), "detentions");
        assert_eq!(separator("children", "detention"), "d");
        assert_eq!(separator("torture", "tortures"), "tortures");
        assert_eq!(separator("abc", "abd"), "abd");
        assert_eq!(separator("\u{1}12 40", "a"), "a");
        // A character outside the BMP sorts by its surrogates, as in JavaScript.
        assert_eq!(separator("\u{10000}", "\u{ffff}x"), "\u{ffff}");
        let words = ["aa", "ab", "abc", "b", "ba", "bab", "c", "ca", "cab", "cb"];
        for cut in 1..words.len() {
            let sep = separator(words[cut - 1], words[cut]);
            assert!(js_order(sep, words[cut - 1]).is_gt() && sep <= words[cut]);
        }
    }

    /// Decodes segments back to (entry, impact) in the order they were written.
    fn decode(segments: &[Vec<u8>]) -> Vec<(u32, u8)> {
        let mut out = Vec::new();
        for segment in segments {
            let mut p = 0;
            let read = |p: &mut usize| {
                let (mut n, mut shift) = (0u64, 0);
                loop {
                    let byte = segment[*p];
                    *p += 1;
                    n |= u64::from(byte & 0x7f) << shift;
                    if byte < 0x80 {
                        return n;
                    }
                    shift += 7;
                }
            };
            while p < segment.len() {
                let level = read(&mut p) as u8;
                let count = read(&mut p);
                let mut entry: i64 = -1;
                for _ in 0..count {
                    entry += read(&mut p) as i64 + 1;
                    out.push((entry as u32, level));
                }
            }
        }
        out
    }

    #[test]
    fn long_posting_lists_are_cut_in_ranking_order_into_growing_segments() {
        let postings: Vec<(u32, u8)> = (0..3000u32).map(|e| (e * 7, (e % 5) as u8 + 1)).collect();
        let segments = posting_segments(&postings, 256);
        assert!(segments.len() > 3, "{} segments", segments.len());
        assert!(segments[0].len() <= 256);
        for pair in segments.windows(2).take(segments.len() - 2) {
            assert!(pair[1].len() > pair[0].len(), "segments grow");
        }
        let mut expected = postings.clone();
        expected.sort_by_key(|&(entry, impact)| (std::cmp::Reverse(impact), entry));
        assert_eq!(decode(&segments), expected);
        // A short list stays whole.
        assert_eq!(posting_segments(&postings[..10], 256).len(), 1);
    }

    #[test]
    fn hashes_are_fnv_1a() {
        assert_eq!(fnv32(""), 0x811c_9dc5);
        assert_eq!(fnv32("a"), 0xe40c_292c);
        assert_eq!(fnv64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}

//! Typo tolerance measured on real text (CI only): the 169 SDG targets in en, fr, es, ar and
//! ru; for each target its rarest word of five letters or more, misspelt with one and with two
//! edits (insertion, deletion, substitution, transposition); the target must come in the first
//! five results of nearly every misspelt query. Prints the rates (BENCHMARKS.md, Search).
//! With DOCKET_TYPO_QUERIES=DIR it also builds the portal into DIR/site and writes the queries
//! to DIR/queries.json (`[[lang, query, page of the intended target, word], ...]`), so that
//! bench/search-typos-pagefind.sh can ask Pagefind the same.

mod common;

use std::collections::BTreeMap;

use docket::Site;
use docket::{LanguageIndex, Query};

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

const KINDS: [&str; 4] = ["insertion", "deletion", "substitution", "transposition"];

/// One edit of `kind` at a random place; letters come from `alphabet`.
fn edit(word: &[char], kind: usize, alphabet: &[char], rng: &mut Rng) -> Vec<char> {
    let mut w = word.to_vec();
    match kind {
        0 => w.insert(rng.below(w.len() + 1), alphabet[rng.below(alphabet.len())]),
        1 => {
            w.remove(rng.below(w.len()));
        }
        2 => {
            let at = rng.below(w.len());
            let mut c = alphabet[rng.below(alphabet.len())];
            while c == w[at] {
                c = alphabet[rng.below(alphabet.len())];
            }
            w[at] = c;
        }
        _ => {
            let at = rng.below(w.len() - 1);
            w.swap(at, at + 1);
        }
    }
    w
}

/// Per entry, its rarest word of five letters or more (df at most 3, so that spelt right it
/// puts the target in the first five), longest first among equals, then words before bare
/// stems: of the surface forms whose term has the entry in its postings.
fn rarest_words(index: &LanguageIndex) -> Vec<Option<String>> {
    let stems: std::collections::HashSet<&str> =
        index.terms.iter().map(|t| t.stem.as_str()).collect();
    type Word = (usize, std::cmp::Reverse<usize>, bool, String);
    let mut best: Vec<Option<Word>> = vec![None; index.entries.len()];
    for (surface, term) in &index.vocab {
        let chars = surface.chars().count();
        if *term == u32::MAX || chars < 5 || !surface.chars().all(char::is_alphabetic) {
            continue;
        }
        let postings = &index.terms[*term as usize].postings;
        if postings.len() > 3 {
            continue;
        }
        let stem = stems.contains(surface.as_str());
        let word = (
            postings.len(),
            std::cmp::Reverse(chars),
            stem,
            surface.clone(),
        );
        for (entry, _) in postings {
            let slot = &mut best[*entry as usize];
            if slot.as_ref().is_none_or(|b| word < *b) {
                *slot = Some(word.clone());
            }
        }
    }
    best.into_iter().map(|w| w.map(|w| w.3)).collect()
}

#[test]
#[ignore = "needs ../shared/data"]
fn misspelt_words_find_their_sdg_target_in_the_first_five() {
    let dir = tempfile::tempdir().expect("temp");
    common::sdg::write_portal(dir.path());
    let portal = docket::load_portal(dir.path(), None).expect("valid portal");
    let site = Site::new(&portal.dataset, &portal.i18n);
    let mut total = (0usize, 0usize);
    let mut report = Vec::new();
    let mut asked: Vec<[String; 4]> = Vec::new();
    for lang in ["en", "fr", "es", "ar", "ru"] {
        let index = docket::build_search_index(&site, lang);
        let alphabet: Vec<char> = {
            let mut letters: Vec<char> = index
                .vocab
                .iter()
                .flat_map(|(s, _)| s.chars())
                .filter(|c| c.is_alphabetic())
                .collect();
            letters.sort_unstable();
            letters.dedup();
            letters
        };
        let known: std::collections::HashSet<&str> =
            index.vocab.iter().map(|(s, _)| s.as_str()).collect();
        let mut by_kind: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        let mut misses = Vec::new();
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for (e, word) in rarest_words(&index).into_iter().enumerate() {
            let Some(word) = word else {
                continue;
            };
            let chars: Vec<char> = word.chars().collect();
            let mut variants = Vec::new();
            for (kind, name) in KINDS.iter().enumerate() {
                variants.push((name.to_string(), edit(&chars, kind, &alphabet, &mut rng)));
            }
            for _ in 0..2 {
                let (a, b) = (rng.below(4), rng.below(4));
                let once = edit(&chars, a, &alphabet, &mut rng);
                variants.push((
                    format!("{}+{}", KINDS[a], KINDS[b]),
                    edit(&once, b, &alphabet, &mut rng),
                ));
            }
            for (kind, variant) in variants {
                let typed: String = variant.iter().collect();
                // A misspelling that is itself a word of the portal is no typo to forgive.
                if known.contains(typed.as_str()) || typed == word {
                    continue;
                }
                let results = index.search(&Query {
                    text: format!("{typed} "),
                    filters: Vec::new(),
                });
                let found = results.hits.iter().take(5).any(|h| h.entry as usize == e);
                asked.push([
                    lang.to_string(),
                    typed.clone(),
                    format!(
                        "/{lang}/recommendations/{}/",
                        docket::slugify(&index.entries[e].id)
                    ),
                    word.clone(),
                ]);
                let slot = by_kind
                    .entry(kind.split('+').count().to_string() + " edit(s)")
                    .or_default();
                slot.1 += 1;
                if found {
                    slot.0 += 1;
                } else {
                    misses.push(format!("{word}→{typed}"));
                }
            }
        }
        let (ok, all) = by_kind.values().fold((0, 0), |a, v| (a.0 + v.0, a.1 + v.1));
        total = (total.0 + ok, total.1 + all);
        report.push(format!(
            "{lang}: {ok}/{all} ({:.1}%) {by_kind:?}; missed e.g. {:?}",
            100.0 * ok as f64 / all as f64,
            misses.iter().take(8).collect::<Vec<_>>()
        ));
    }
    if let Ok(out) = std::env::var("DOCKET_TYPO_QUERIES") {
        let out = std::path::Path::new(&out);
        std::fs::create_dir_all(out).expect("DOCKET_TYPO_QUERIES folder");
        common::build(dir.path(), &out.join("site")).expect("build");
        let json = serde_json::to_string(&asked).expect("json");
        std::fs::write(out.join("queries.json"), json).expect("queries.json");
    }
    let share = total.0 as f64 / total.1 as f64;
    println!(
        "{}\nall: {}/{} ({:.1}%)",
        report.join("\n"),
        total.0,
        total.1,
        share * 100.0
    );
    assert!(total.1 > 3000, "{} queries", total.1);
    assert!(share >= 0.95, "{}", report.join("\n"));
}

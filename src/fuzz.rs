//! Fuzzing on the stable toolchain: every reader of untrusted bytes (CSV tables, config.toml,
//! front matter, UPR Info and UHRI exports) is fed deterministic mutations of the saved corpus
//! in `tests/fuzz/corpus/`, and whole portals are mutated and checked. Any panic fails the
//! test and saves the input under `target/fuzz-failures/`. See FUZZING.md.

use crate::test_common as common;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use crate::import::states::PortalStates;
use arbitrary::Unstructured;
use docket::{Diagnostics, StateSelection};

/// Text that tends to reach rarely taken paths of the readers.
const TOKENS: &[&[u8]] = &[
    b"\"",
    b"\"\"",
    b",",
    b";",
    b"\n",
    b"\r\n",
    b"\r",
    b"|",
    b"\0",
    b"\t",
    "\u{feff}".as_bytes(),
    b"\xff\xfe",
    b"\xe9",
    b"\x93",
    b"+++",
    b"+++\n",
    b"[[languages]]\ncode = \"en\"\nname = \"x\"\n",
    b"[tracking]\nchanges_days = ",
    b"[license]\nurl = \"",
    b" = ",
    b"=",
    b"[",
    b"]",
    b"{",
    b"}",
    b"-1",
    b"0",
    b"18",
    b"99999999999999999999",
    b"1e309",
    b"NaN",
    b"2025-02-30",
    b"9999-12-31",
    b"0000-01-01",
    b"-262144-01-01",
    b"javascript:alert(1)",
    b"https://",
    b"http://[",
    b"<script>",
    b"../",
    b"/",
    "é".as_bytes(),
    "\u{202e}".as_bytes(),
    "- ".as_bytes(),
    b"name_xx",
    b"id",
    b"T00:00:00",
    b"PK\x03\x04",
];

/// A small deterministic generator (xorshift64*), so that every run tries the same inputs.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

/// One to four edits of `seed`: flips, inserted tokens, deletions, copies, splices from
/// `other`, truncation.
fn mutate(seed: &[u8], other: &[u8], rng: &mut Rng) -> Vec<u8> {
    let entropy = rng.bytes(96);
    let mut u = Unstructured::new(&entropy);
    let mut out = seed.to_vec();
    let rounds = u.int_in_range(1..=4).unwrap_or(1);
    for _ in 0..rounds {
        let at = u.int_in_range(0..=out.len()).unwrap_or(0);
        let len = u.int_in_range(1..=24usize).unwrap_or(1);
        let end = (at + len).min(out.len());
        match u.choose_index(7).unwrap_or(0) {
            0 if at < out.len() => out[at] ^= 1 << u.int_in_range(0..=7u8).unwrap_or(0),
            1 => {
                let token = TOKENS[u.choose_index(TOKENS.len()).unwrap_or(0)];
                out.splice(at..at, token.iter().copied());
            }
            2 => {
                out.drain(at..end);
            }
            3 => {
                let copy = out[at..end].to_vec();
                out.splice(at..at, copy);
            }
            4 if at < out.len() => {
                let bytes = [0u8, 0x7f, 0xff, b'"', b'\n', b'\r', b',', b';', b'|', b'='];
                out[at] = bytes[u.choose_index(bytes.len()).unwrap_or(0)];
            }
            5 if !other.is_empty() => {
                let from = u.int_in_range(0..=other.len() - 1).unwrap_or(0);
                let to = (from + u.int_in_range(1..=64usize).unwrap_or(1)).min(other.len());
                out.splice(at..at, other[from..to].iter().copied());
            }
            6 => out.truncate(at),
            _ => {}
        }
    }
    out
}

/// How many mutations per corpus file: the default times `DOCKET_FUZZ_SCALE` (1 unless set).
fn cases(default: usize) -> usize {
    let scale: usize = std::env::var("DOCKET_FUZZ_SCALE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    default * scale
}

fn base_seed() -> u64 {
    std::env::var("DOCKET_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x00D0_C4E7)
}

fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = common::repo_root().join("tests/fuzz/corpus").join(target);
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("corpus folder")
        .map(|e| {
            let path = e.expect("entry").path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).expect("corpus file"))
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "empty corpus {target}");
    files
}

/// Runs `target` on the seeds and `per_seed` mutations of each; returns the count run.
/// Panics, after trying everything, when any input made `target` panic.
fn fuzz(name: &str, per_seed: usize, target: impl Fn(&[u8])) -> usize {
    let seeds = corpus(name);
    let mut failures = Vec::new();
    let mut run = 0;
    for (index, (file, seed)) in seeds.iter().enumerate() {
        let other = &seeds[(index + 1) % seeds.len()].1;
        let mut rng = Rng::new(base_seed() ^ (index as u64) << 32);
        for case in 0..=per_seed {
            let input = if case == 0 {
                seed.clone()
            } else {
                mutate(seed, other, &mut rng)
            };
            run += 1;
            if catch_unwind(AssertUnwindSafe(|| target(&input))).is_err() {
                failures.push(save_failure(name, file, case, &input));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{name}: inputs that panic:\n{}",
        failures.join("\n")
    );
    run
}

fn save_failure(target: &str, file: &str, case: usize, input: &[u8]) -> String {
    let dir = common::repo_root().join("target/fuzz-failures");
    std::fs::create_dir_all(&dir).expect("failures folder");
    let path = dir.join(format!("{target}-{file}-{case}"));
    std::fs::write(&path, input).expect("save failure");
    path.display().to_string()
}

#[test]
fn the_csv_table_reader_never_panics() {
    let run = fuzz("csv", cases(400), |bytes| {
        let mut diagnostics = Diagnostics::default();
        let table = crate::load::parse_csv("data/t.csv", bytes, &mut diagnostics);
        for row in &table.rows {
            assert!(row.line >= 2, "a row before the header");
        }
    });
    assert!(run > 1000);
}

#[test]
fn config_parsing_never_panics() {
    fuzz("config", cases(1500), |bytes| {
        let mut diagnostics = Diagnostics::default();
        let text = String::from_utf8_lossy(bytes);
        if let Some(config) = crate::config::Config::parse(&text, &mut diagnostics) {
            let _ = config.base_url();
        }
    });
}

#[test]
fn front_matter_parsing_never_panics() {
    fuzz("front_matter", cases(800), |bytes| {
        let mut diagnostics = Diagnostics::default();
        let text = String::from_utf8_lossy(bytes);
        crate::load::parse_page(
            "content/about.en.md",
            "about.en.md",
            &text,
            &mut diagnostics,
        );
    });
}

/// The import readers take a path: each input goes through a file of the right extension.
fn through_file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write input");
    path
}

#[test]
fn the_upr_info_reader_never_panics() {
    let dir = tempfile::tempdir().unwrap();
    fuzz("upr_info", cases(1500), |bytes| {
        let path = through_file(dir.path(), "export.csv", bytes);
        let mut problems = crate::import::Problems::default();
        let _ = crate::import::upr_info::read_all(
            &[path],
            &StateSelection::named(&["Meridia"]),
            &crate::import::states::PortalStates::builtin(),
            &mut problems,
        );
    });
}

#[test]
fn the_uhri_reader_never_panics() {
    let dir = tempfile::tempdir().unwrap();
    fuzz("uhri", cases(1000), |bytes| {
        for name in ["export.csv", "export.json", "export.jsonl", "export.xlsx"] {
            let path = through_file(dir.path(), name, bytes);
            let mut problems = crate::import::Problems::default();
            let mut ids = crate::import::uhri::IdValues::default();
            let (table, selection) = (PortalStates::builtin(), StateSelection::default());
            let mut countries = crate::import::uhri::Countries::new(&selection, &table);
            let _ = crate::import::uhri::read(&path, &mut countries, "en", &mut ids, &mut problems);
        }
        let path = through_file(dir.path(), "matrix.docx", bytes);
        let mut problems = crate::import::Problems::default();
        let matrix = crate::import::upr_matrix::MatrixOptions::default();
        let _ = crate::import::upr_matrix::read(&path, "en", &matrix, &mut problems);
    });
}

#[test]
fn the_corpus_reaches_past_the_headers() {
    let dir = tempfile::tempdir().unwrap();
    let export = &corpus("upr_info")
        .into_iter()
        .find(|(n, _)| n == "export.csv")
        .unwrap()
        .1;
    let path = through_file(dir.path(), "export.csv", export);
    let mut problems = crate::import::Problems::default();
    let records = crate::import::upr_info::read_all(
        &[path],
        &StateSelection::default(),
        &crate::import::states::PortalStates::builtin(),
        &mut problems,
    )
    .unwrap();
    assert_eq!(records.len(), 3, "{problems:?}");
    for name in ["export.csv", "export.json"] {
        let bytes = &corpus("uhri")
            .into_iter()
            .find(|(n, _)| n == name)
            .unwrap()
            .1;
        let path = through_file(dir.path(), name, bytes);
        let mut problems = crate::import::Problems::default();
        let mut ids = crate::import::uhri::IdValues::default();
        let (table, selection) = (PortalStates::builtin(), StateSelection::default());
        let mut countries = crate::import::uhri::Countries::new(&selection, &table);
        let records =
            crate::import::uhri::read(&path, &mut countries, "en", &mut ids, &mut problems)
                .unwrap();
        assert_eq!(records.len(), 2, "{name}: {problems:?}");
    }
}

/// Mutates one file of a whole portal at a time and runs `check` (and, every tenth time, a
/// build): whatever the edit, the result is a report or a site, never a panic.
#[test]
fn mutated_portals_never_panic() {
    let portal = common::fixture("minimal");
    let root = portal.path();
    let mut files: Vec<PathBuf> = vec![root.join("config.toml")];
    for dir in ["data", "content"] {
        files.extend(crate::load::walk(&root.join(dir)).unwrap());
    }
    let originals: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    let mut rng = Rng::new(base_seed());
    let mut failures = Vec::new();
    for case in 0..cases(120) {
        let pick = (rng.next() % files.len() as u64) as usize;
        let other = &originals[(pick + 1 + case) % originals.len()];
        let input = mutate(&originals[pick], other, &mut rng);
        std::fs::write(&files[pick], &input).unwrap();
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let _ = docket::check(root, None);
            if case % 10 == 0 {
                let _ = common::build(root, &root.join("public"));
            }
        }));
        if outcome.is_err() {
            let label = crate::load::relative_slash_path(root, &files[pick]).replace('/', "_");
            failures.push(save_failure("portal", &label, case, &input));
        }
        std::fs::write(&files[pick], &originals[pick]).unwrap();
    }
    assert!(
        failures.is_empty(),
        "portal edits that panic:\n{}",
        failures.join("\n")
    );
}

//! Moves a freshly built site into the served folder file by file, leaving every file whose
//! contents did not change untouched, so that a one-cell edit rewrites only the pages it shows.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result};
use rayon::prelude::*;

use crate::load::{relative_slash_path, walk};

/// What is in the served folder: each file Docket wrote, by path, with its contents' hash.
#[derive(Default)]
pub struct Served {
    hashes: HashMap<String, u64>,
}

/// What one sync changed.
#[derive(Debug, Default)]
pub struct Synced {
    /// Files written because they are new or their contents changed, sorted.
    pub rewritten: Vec<String>,
    /// Files of the previous build that the new one no longer has.
    pub removed: usize,
}

impl Synced {
    /// Adds what a later sync of the same build changed.
    pub fn add(&mut self, later: Synced) {
        self.rewritten.extend(later.rewritten);
        self.rewritten.sort();
        self.removed += later.removed;
    }
}

impl Served {
    /// The served files whose path (from the folder, with `/`) `wanted` accepts.
    pub fn files_where(&self, wanted: impl Fn(&str) -> bool) -> Vec<String> {
        self.hashes.keys().filter(|f| wanted(f)).cloned().collect()
    }

    /// Reads every file of `dir` (a completed build).
    pub fn of_folder(dir: &Path) -> Result<Served> {
        let files = walk(dir)?;
        let hashes = files
            .par_iter()
            .map(|path| {
                Ok((
                    relative_slash_path(dir, path),
                    hash_of(&std::fs::read(path)?),
                ))
            })
            .collect::<std::io::Result<HashMap<_, _>>>()
            .with_context(|| format!("cannot read {}", dir.display()))?;
        Ok(Served { hashes })
    }

    /// Moves the files of `staged` whose contents differ into `output` (each by one rename,
    /// so a page is never served half-written) and removes those the new build dropped.
    /// `unchanged` are files of the new build left out of `staged` because the served ones
    /// are already right.
    pub fn sync(&mut self, staged: &Path, output: &Path, unchanged: &[String]) -> Result<Synced> {
        let files = walk(staged)?;
        let new: Vec<(String, u64, bool)> = files
            .par_iter()
            .map(|path| -> Result<(String, u64, bool)> {
                let relative = relative_slash_path(staged, path);
                let bytes = std::fs::read(path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                let hash = hash_of(&bytes);
                let changed = self.hashes.get(&relative) != Some(&hash);
                if changed {
                    let target = output.join(&relative);
                    if let Some(parent) = target.parent() {
                        std::fs::create_dir_all(parent)
                            .with_context(|| format!("cannot create {}", parent.display()))?;
                    }
                    std::fs::rename(path, &target)
                        .with_context(|| format!("cannot write {}", target.display()))?;
                }
                Ok((relative, hash, changed))
            })
            .collect::<Result<_>>()?;
        let mut synced = Synced::default();
        let mut hashes = HashMap::with_capacity(new.len());
        for (relative, hash, changed) in new {
            if changed {
                synced.rewritten.push(relative.clone());
            }
            hashes.insert(relative, hash);
        }
        for kept in unchanged {
            let hash = self.hashes.get(kept).with_context(|| {
                format!("cannot keep {kept}: the served folder does not have it")
            })?;
            hashes.insert(kept.clone(), *hash);
        }
        for gone in self.hashes.keys().filter(|p| !hashes.contains_key(*p)) {
            // Only files this session knows Docket wrote are removed.
            if std::fs::remove_file(output.join(gone)).is_ok() {
                synced.removed += 1;
            }
        }
        synced.rewritten.sort();
        self.hashes = hashes;
        Ok(synced)
    }
}

/// xxh3: several times faster than the standard hasher on whole files, and two versions of
/// one file are only ever compared within one session.
fn hash_of(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_new_and_changed_files_are_moved_and_dropped_ones_removed() {
        let dir = tempfile::tempdir().unwrap();
        let (output, staged) = (dir.path().join("out"), dir.path().join("staged"));
        for (path, text) in [("a.html", "same"), ("b/c.html", "old"), ("gone.html", "x")] {
            std::fs::create_dir_all(output.join(path).parent().unwrap()).unwrap();
            std::fs::write(output.join(path), text).unwrap();
        }
        let mut served = Served::of_folder(&output).unwrap();
        for (path, text) in [("a.html", "same"), ("b/c.html", "new"), ("d.html", "added")] {
            std::fs::create_dir_all(staged.join(path).parent().unwrap()).unwrap();
            std::fs::write(staged.join(path), text).unwrap();
        }
        let synced = served.sync(&staged, &output, &[]).unwrap();
        assert_eq!(synced.rewritten, ["b/c.html", "d.html"]);
        assert_eq!(synced.removed, 1);
        assert_eq!(
            std::fs::read_to_string(output.join("b/c.html")).unwrap(),
            "new"
        );
        assert!(!output.join("gone.html").exists());
        // The unchanged file stayed where it was; its staged copy was not moved.
        assert!(staged.join("a.html").exists());
    }

    #[test]
    fn files_said_unchanged_are_kept_though_not_staged() {
        let dir = tempfile::tempdir().unwrap();
        let (output, staged) = (dir.path().join("out"), dir.path().join("staged"));
        std::fs::create_dir_all(&output).unwrap();
        std::fs::create_dir_all(&staged).unwrap();
        for path in ["kept.html", "gone.html"] {
            std::fs::write(output.join(path), "old").unwrap();
        }
        let mut served = Served::of_folder(&output).unwrap();
        let synced = served
            .sync(&staged, &output, &["kept.html".to_string()])
            .unwrap();
        assert_eq!(synced.removed, 1);
        assert!(output.join("kept.html").exists());
        assert!(!output.join("gone.html").exists());
        // Still known as served: a later build that drops it removes it.
        let synced = served.sync(&staged, &output, &[]).unwrap();
        assert_eq!(synced.removed, 1);
        assert!(!output.join("kept.html").exists());
        assert!(
            served
                .sync(&staged, &output, &["never-served.html".to_string()])
                .is_err()
        );
    }
}

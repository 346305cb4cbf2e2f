//! Watches the portal folder and turns bursts of file events into one list of changed files.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use notify::{RecursiveMode, Watcher as _};

/// A save is over once nothing has changed for this long (Excel and LibreOffice write a
/// temporary file, then rename, then touch the lock file).
const QUIET: Duration = Duration::from_millis(250);
/// A burst that never goes quiet still rebuilds after this long.
const LONGEST_BURST: Duration = Duration::from_secs(3);

pub struct PortalWatcher {
    watcher: notify::RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
    root: PathBuf,
    output: PathBuf,
    /// The portal's folders watched with everything in them: all but the output folder and
    /// Docket's staging folders, whose thousands of files each rebuild writes would otherwise
    /// each cost an event (and each new folder a watch).
    watched: HashSet<PathBuf>,
}

impl PortalWatcher {
    /// Watches everything under `root` except the output folder and Docket's staging folders.
    pub fn new(root: &Path, output: &Path) -> Result<PortalWatcher> {
        let root = root
            .canonicalize()
            .with_context(|| format!("cannot watch {}", root.display()))?;
        let output = std::path::absolute(output)
            .ok()
            .and_then(|o| o.canonicalize().ok().or(Some(o)))
            .unwrap_or_else(|| output.to_path_buf());
        let (sender, events) = channel();
        let mut watcher =
            notify::recommended_watcher(sender).context("cannot watch the portal for changes")?;
        watcher
            .watch(&root, RecursiveMode::NonRecursive)
            .with_context(|| format!("cannot watch {}", root.display()))?;
        let mut watching = PortalWatcher {
            watcher,
            events,
            root,
            output,
            watched: HashSet::new(),
        };
        let entries = std::fs::read_dir(&watching.root)
            .with_context(|| format!("cannot watch {}", watching.root.display()))?;
        for entry in entries {
            let path = entry
                .with_context(|| format!("cannot watch {}", watching.root.display()))?
                .path();
            watching.watch_folder(&path)?;
        }
        Ok(watching)
    }

    /// Watches `path`, a folder at the top of the portal, with all it holds, unless it is
    /// the output folder or one whose changes never matter (such as a staging folder). A
    /// folder that holds the output (`--output build/site`) is watched as a whole, its
    /// output's events dropped one by one.
    fn watch_folder(&mut self, path: &Path) -> Result<()> {
        let never_matters = path
            .file_name()
            .is_none_or(|name| ignored(&name.to_string_lossy()));
        if !path.is_dir() || path == self.output || never_matters || self.watched.contains(path) {
            return Ok(());
        }
        self.watcher
            .watch(path, RecursiveMode::Recursive)
            .with_context(|| format!("cannot watch {}", path.display()))?;
        self.watched.insert(path.to_path_buf());
        Ok(())
    }

    /// Blocks until a file that matters changes, waits for the burst to end, and returns the
    /// changed files relative to the portal (sorted, once each). `None` once the watcher is gone.
    /// Only files that matter prolong a burst: reads of served pages and writes into the
    /// output folder, which never stop while a browser polls, do not.
    pub fn next_change(&mut self) -> Option<Vec<String>> {
        let mut changed = Vec::new();
        while changed.is_empty() {
            let event = self.events.recv().ok()?;
            self.take(event, &mut changed);
        }
        let started = Instant::now();
        let mut quiet_from = started;
        loop {
            let now = Instant::now();
            let quiet_until = (quiet_from + QUIET).min(started + LONGEST_BURST);
            if now >= quiet_until {
                break;
            }
            match self.events.recv_timeout(quiet_until - now) {
                Ok(event) => {
                    let before = changed.len();
                    self.take(event, &mut changed);
                    if changed.len() > before {
                        quiet_from = Instant::now();
                    }
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
        changed.sort();
        changed.dedup();
        Some(changed)
    }

    fn take(&mut self, event: notify::Result<notify::Event>, changed: &mut Vec<String>) {
        let Ok(event) = event else { return };
        if event.kind.is_access() {
            return;
        }
        for path in event.paths {
            if path.starts_with(&self.output) {
                continue;
            }
            let Ok(relative) = path.strip_prefix(&self.root) else {
                continue;
            };
            if relative
                .components()
                .any(|c| ignored(&c.as_os_str().to_string_lossy()))
            {
                continue;
            }
            if path.parent() == Some(self.root.as_path()) {
                self.follow_top_folder(&path);
            }
            changed.push(crate::load::relative_slash_path(&self.root, &path));
        }
    }

    /// A folder made (or moved) at the top of the portal after the watch began is watched
    /// from now on; one that went is forgotten, so that a new one of its name is watched.
    /// Files put in a new folder before its watch began are not missed: the folder itself
    /// counts as changed, which rebuilds everything.
    fn follow_top_folder(&mut self, path: &Path) {
        if !path.exists() {
            self.watched.remove(path);
        } else if let Err(error) = self.watch_folder(path) {
            eprintln!("warning: {error:#}");
        }
    }
}

/// Names whose changes never need a rebuild: office lock and temporary files, editor swap
/// and backup files, version control, Cargo's target, and Docket's own staging folders.
pub fn ignored(name: &str) -> bool {
    name.starts_with("~$")
        || name.starts_with(".~lock.")
        || name.starts_with(".#")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
        || name == ".git"
        || name == "target"
        || name == ".DS_Store"
        || name.contains(".docket-staging-")
        || name.contains(".docket-old-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn office_and_editor_scratch_files_are_ignored() {
        for name in [
            "~$portal.xlsx",
            ".~lock.recommendations.csv#",
            ".recommendations.csv.swp",
            "recommendations.csv~",
            ".#recommendations.csv",
            "4913",
            ".public.docket-staging-42",
        ] {
            assert!(ignored(name), "{name}");
        }
        for name in [
            "recommendations.csv",
            "portal.xlsx",
            "config.toml",
            "about.en.md",
        ] {
            assert!(!ignored(name), "{name}");
        }
    }
}

//! Watches the portal folder and turns bursts of file events into one list of changed files.

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
    _watcher: notify::RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
    root: PathBuf,
    output: PathBuf,
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
            .watch(&root, RecursiveMode::Recursive)
            .with_context(|| format!("cannot watch {}", root.display()))?;
        Ok(PortalWatcher {
            _watcher: watcher,
            events,
            root,
            output,
        })
    }

    /// Blocks until a file that matters changes, waits for the burst to end, and returns the
    /// changed files relative to the portal (sorted, once each). `None` once the watcher is gone.
    /// Only files that matter prolong a burst: reads of served pages and writes into the
    /// output folder, which never stop while a browser polls, do not.
    pub fn next_change(&self) -> Option<Vec<String>> {
        let mut changed = Vec::new();
        while changed.is_empty() {
            self.take(self.events.recv().ok()?, &mut changed);
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

    fn take(&self, event: notify::Result<notify::Event>, changed: &mut Vec<String>) {
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
            changed.push(crate::load::relative_slash_path(&self.root, &path));
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

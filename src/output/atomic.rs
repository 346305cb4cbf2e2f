//! All-or-nothing output: build in a sibling folder, then swap it in.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::ownership::{self, MARKER, MARKER_TEXT};

/// A folder next to `output` where the new site is written.
pub struct Staging {
    pub dir: PathBuf,
    output: PathBuf,
    portal_root: PathBuf,
    force: bool,
}

impl Staging {
    /// Fails at once when `output` is not Docket's to replace (see [`ownership`]).
    pub fn new(output: &Path, portal_root: &Path, force: bool) -> Result<Staging> {
        ownership::check_replaceable(output, portal_root, force)?;
        let parent = output
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
        let name = output
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("public");
        remove_abandoned(parent, name);
        let dir = parent.join(format!(".{name}.docket-staging-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)
                .with_context(|| format!("cannot clear {}", dir.display()))?;
        }
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        std::fs::write(dir.join(MARKER), MARKER_TEXT)
            .with_context(|| format!("cannot write {}", dir.join(MARKER).display()))?;
        Ok(Staging {
            dir,
            output: output.to_path_buf(),
            portal_root: portal_root.to_path_buf(),
            force,
        })
    }

    /// Replaces `output` with the staged folder. The previous output is removed only once
    /// the new one is in place.
    pub fn commit(self) -> Result<()> {
        let output = self.output.clone();
        // Asked again: something may have been put there while the site was rendered.
        ownership::check_replaceable(&output, &self.portal_root, self.force)?;
        let old = output.with_file_name(format!(
            ".{}.docket-old-{}",
            output
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("public"),
            std::process::id()
        ));
        let had_output = output.exists();
        if had_output {
            std::fs::rename(&output, &old)
                .with_context(|| format!("cannot move the previous {} aside", output.display()))?;
        }
        if let Err(error) = std::fs::rename(&self.dir, &output) {
            if had_output {
                let _ = std::fs::rename(&old, &output);
            }
            return Err(error)
                .with_context(|| format!("cannot move the new site into {}", output.display()));
        }
        if had_output {
            std::fs::remove_dir_all(&old)
                .with_context(|| format!("cannot remove the previous site at {}", old.display()))?;
        }
        std::mem::forget(self);
        Ok(())
    }
}

/// A build that was killed leaves its staging folder behind: remove those whose process is
/// gone, so that failed builds never pile up gigabytes next to the output.
fn remove_abandoned(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        let Some(pid) = [".docket-staging-", ".docket-old-"]
            .iter()
            .find_map(|marker| file_name.strip_prefix(&format!(".{name}{marker}")))
        else {
            continue;
        };
        if pid
            .parse::<u32>()
            .is_ok_and(|pid| pid != std::process::id() && !process_alive(pid))
        {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(target_os = "linux")]
fn process_alive(pid: u32) -> bool {
    Path::new("/proc").join(pid.to_string()).exists()
}

/// Without a cheap way to ask, assume another build may still be using it.
#[cfg(not(target_os = "linux"))]
fn process_alive(_pid: u32) -> bool {
    true
}

impl Drop for Staging {
    /// A build that did not commit leaves no trace.
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

//! Which folders Docket may replace: only its own output, marked with [`MARKER`].

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

/// The file Docket writes at the top of every output folder. A folder without it is not
/// Docket's, and is replaced only with `--force`.
pub const MARKER: &str = ".docket-output";

/// What the marker file says, for whoever finds it.
pub const MARKER_TEXT: &str = "This folder was written by Docket. `docket build` replaces it as a whole: keep nothing here by hand.\n";

/// Fails unless `output` may be replaced by a new build: it does not exist, is empty, holds
/// the marker, or `force` is set. Never allowed: a file, or a folder that holds the portal.
pub fn check_replaceable(output: &Path, portal_root: &Path, force: bool) -> Result<()> {
    let shown = output.display();
    if portal_inside(output, portal_root) {
        bail!(
            "refusing to write the site into {shown}: it holds the portal itself (config.toml, data/), which a build would replace\n  help: choose an output folder inside the portal, such as --output {}",
            portal_root.join("public").display()
        );
    }
    let metadata = match std::fs::symlink_metadata(output) {
        Ok(metadata) => metadata,
        Err(_) => return Ok(()),
    };
    if !metadata.is_dir() {
        bail!(
            "refusing to replace {shown}: it is a file or a link, not a folder Docket wrote\n  help: choose another --output, or move {shown} away"
        );
    }
    if force || output.join(MARKER).is_file() || is_empty(output) {
        return Ok(());
    }
    bail!(
        "refusing to replace {shown}: it is not empty and Docket did not write it (it has no {MARKER} file)\n  help: choose another --output, empty or remove {shown} yourself, or pass --force to replace it with the site"
    )
}

/// Makes sure `output` exists and may be written by Docket (see [`check_replaceable`]).
pub fn prepare_output(output: &Path, portal_root: &Path, force: bool) -> Result<()> {
    check_replaceable(output, portal_root, force)?;
    std::fs::create_dir_all(output)
        .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", output.display()))
}

fn is_empty(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none())
}

/// True when `output` is the portal folder or one of its ancestors.
fn portal_inside(output: &Path, portal_root: &Path) -> bool {
    let (Some(output), Some(root)) = (absolute(output), absolute(portal_root)) else {
        return false;
    };
    root.starts_with(output)
}

/// The canonical form of `path`, or of its nearest existing ancestor joined with the rest.
fn absolute(path: &Path) -> Option<PathBuf> {
    let path = std::path::absolute(path).ok()?;
    let mut existing = path.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(canonical) = existing.canonicalize() {
            return Some(rest.iter().rev().fold(canonical, |p, part| p.join(part)));
        }
        rest.push(existing.file_name()?.to_os_string());
        existing = existing.parent()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_missing_empty_marked_or_forced_folders_may_be_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let (root, out) = (dir.path().join("portal"), dir.path().join("out"));
        std::fs::create_dir_all(&root).unwrap();
        check_replaceable(&out, &root, false).unwrap();
        std::fs::create_dir(&out).unwrap();
        check_replaceable(&out, &root, false).unwrap();
        std::fs::write(out.join("thesis.docx"), "years of work").unwrap();
        let refused = check_replaceable(&out, &root, false)
            .unwrap_err()
            .to_string();
        assert!(refused.contains("Docket did not write it") && refused.contains("--force"));
        check_replaceable(&out, &root, true).unwrap();
        std::fs::write(out.join(MARKER), MARKER_TEXT).unwrap();
        check_replaceable(&out, &root, false).unwrap();
    }

    #[test]
    fn the_portal_and_its_parents_are_never_replaced_even_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("portal");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(root.join(MARKER), MARKER_TEXT).unwrap();
        for output in [root.clone(), dir.path().to_path_buf(), root.join("..")] {
            assert!(
                check_replaceable(&output, &root, true).is_err(),
                "{output:?}"
            );
        }
        check_replaceable(&root.join("public"), &root, false).unwrap();
    }
}

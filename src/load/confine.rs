//! Walking the portal's folders without ever leaving the portal: a symbolic link whose target
//! is outside the portal root (or that leads nowhere) is refused, never followed.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::relative_slash_path;
use crate::diagnostics::{Diagnostic, InvalidPortal};

/// Every file below `dir` (itself inside `root`), sorted, depth first. Fails with a
/// diagnostic naming the link when a symbolic link points outside `root`.
pub fn walk_within(root: &Path, dir: &Path) -> Result<Vec<PathBuf>> {
    let real_root = root
        .canonicalize()
        .with_context(|| format!("cannot read {}", root.display()))?;
    let mut walker = Walker {
        root: Root {
            given: root,
            real: &real_root,
        },
        visited: HashSet::new(),
        files: Vec::new(),
    };
    walker.dir(dir)?;
    Ok(walker.files)
}

/// Checks that `path`, if it exists, is inside `root` once every link is resolved.
pub fn ensure_within(root: &Path, path: &Path) -> Result<()> {
    if std::fs::symlink_metadata(path).is_err() {
        return Ok(());
    }
    let real = root
        .canonicalize()
        .with_context(|| format!("cannot read {}", root.display()))?;
    let root = Root {
        given: root,
        real: &real,
    };
    resolved_inside(root, path).map(drop)
}

/// The portal root as given (for messages) and as resolved (for comparisons).
#[derive(Clone, Copy)]
struct Root<'a> {
    given: &'a Path,
    real: &'a Path,
}

struct Walker<'a> {
    root: Root<'a>,
    /// Folders already walked, by real path, so that a link to an ancestor cannot loop.
    visited: HashSet<PathBuf>,
    files: Vec<PathBuf>,
}

impl Walker<'_> {
    fn dir(&mut self, dir: &Path) -> Result<()> {
        let real = resolved_inside(self.root, dir)?;
        if !self.visited.insert(real) {
            return Ok(());
        }
        let mut entries = std::fs::read_dir(dir)
            .with_context(|| format!("cannot list {}", dir.display()))?
            .map(|entry| entry.map(|e| e.path()))
            .collect::<std::io::Result<Vec<_>>>()
            .with_context(|| format!("cannot list {}", dir.display()))?;
        entries.sort();
        for path in entries {
            let real = resolved_inside(self.root, &path)?;
            if real.is_dir() {
                self.dir(&path)?;
            } else {
                self.files.push(path);
            }
        }
        Ok(())
    }
}

/// The real path of `path`, or an [`InvalidPortal`] error when it leaves `root`.
fn resolved_inside(root: Root<'_>, path: &Path) -> Result<PathBuf> {
    let shown = relative_slash_path(root.given, path);
    let refuse = |message: String| {
        anyhow::Error::new(InvalidPortal {
            diagnostics: vec![Diagnostic {
                file: shown.clone(),
                line: 0,
                column: 0,
                message,
                help: Some(
                    "Docket never follows links out of the portal folder: copy the file or \
                     folder into the portal instead"
                        .into(),
                ),
            }],
        })
    };
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let real = match path.canonicalize() {
        Ok(real) => real,
        Err(_) if is_link => {
            return Err(refuse(
                "this symbolic link points to nothing that can be read".into(),
            ));
        }
        Err(error) => {
            return Err(error).with_context(|| format!("cannot read {}", path.display()));
        }
    };
    if !real.starts_with(root.real) {
        return Err(refuse(format!(
            "this path leads to {}, outside the portal",
            real.display()
        )));
    }
    Ok(real)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn refuses_a_link_that_leaves_the_portal_and_follows_one_that_stays() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.md"), "secret").unwrap();
        let portal = tempfile::tempdir().unwrap();
        let content = portal.path().join("content");
        std::fs::create_dir_all(&content).unwrap();
        std::fs::write(content.join("about.en.md"), "about").unwrap();
        std::os::unix::fs::symlink(content.join("about.en.md"), content.join("same.en.md"))
            .unwrap();
        std::os::unix::fs::symlink(&content, content.join("loop")).unwrap();
        let files = walk_within(portal.path(), &content).unwrap();
        assert_eq!(files.len(), 2, "{files:?}");

        std::os::unix::fs::symlink(outside.path().join("secret.md"), content.join("x.en.md"))
            .unwrap();
        let error = walk_within(portal.path(), &content).unwrap_err();
        let invalid = error.downcast_ref::<InvalidPortal>().expect("a diagnostic");
        assert_eq!(invalid.diagnostics[0].file, "content/x.en.md");
        assert!(
            invalid.diagnostics[0]
                .message
                .contains("outside the portal")
        );
    }

    #[test]
    fn refuses_a_dangling_link() {
        let portal = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("/nonexistent/nowhere", portal.path().join("static")).unwrap();
        let error = ensure_within(portal.path(), &portal.path().join("static")).unwrap_err();
        assert!(error.downcast_ref::<InvalidPortal>().is_some(), "{error:#}");
    }
}

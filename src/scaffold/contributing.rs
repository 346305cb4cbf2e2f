//! The many-hands workflow of a new portal: a `CODEOWNERS` example and a guide for focal
//! points (one file per institution, a pull request checked by `docket check`).

use std::path::Path;

use anyhow::{Context, Result};

const CODEOWNERS: &str = include_str!("CODEOWNERS");
const GUIDE: &str = include_str!("contributing-data.md");

/// Writes `CODEOWNERS` and `docs/contributing-data.md` into the new portal `dir`.
pub(super) fn write_guide(dir: &Path) -> Result<()> {
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).with_context(|| format!("cannot create {}", docs.display()))?;
    for (path, body) in [
        (dir.join("CODEOWNERS"), CODEOWNERS),
        (docs.join("contributing-data.md"), GUIDE),
    ] {
        std::fs::write(&path, body).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

//! The many-hands workflow of a new portal: a `CODEOWNERS` example and a guide for focal
//! points (one file per institution, a pull request checked by `docket check`).

use std::path::Path;

use anyhow::{Context, Result};

const CODEOWNERS: &str = include_str!("CODEOWNERS");
/// The guide's opening and closing sections, the same for every portal.
const GUIDE_INTRO: &str = include_str!("guide/intro.md");
const GUIDE_REVIEW: &str = include_str!("guide/review.md");
/// How to split tables and send changes, for a portal of CSV files or of one workbook.
const GUIDE_CSV: &str = include_str!("guide/csv.md");
const GUIDE_WORKBOOK: &str = include_str!("guide/workbook.md");

/// Writes `CODEOWNERS` and `docs/contributing-data.md` into the new portal `dir`; the guide
/// speaks of the workbook when the portal's data is one (`docket new --workbook`).
pub(super) fn write_guide(dir: &Path, workbook: bool) -> Result<()> {
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).with_context(|| format!("cannot create {}", docs.display()))?;
    for (path, body) in [
        (dir.join("CODEOWNERS"), CODEOWNERS),
        (docs.join("contributing-data.md"), guide(workbook).as_str()),
    ] {
        std::fs::write(&path, body).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

fn guide(workbook: bool) -> String {
    let middle = if workbook { GUIDE_WORKBOOK } else { GUIDE_CSV };
    [GUIDE_INTRO, middle, GUIDE_REVIEW].concat()
}

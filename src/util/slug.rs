//! The id and slug rules that make recommendation URLs permanent.
//!
//! Documented in `docs/data.md` ("Identifiers and permanent URLs"); changing this
//! function changes published URLs, so it must never change.

/// Longest id accepted, in bytes.
pub const MAX_ID_LEN: usize = 120;

/// Why an id is not acceptable, phrased for the secretariat.
pub fn id_problem(id: &str) -> Option<String> {
    if id.is_empty() {
        return Some("the id is empty".into());
    }
    if id.len() > MAX_ID_LEN {
        return Some(format!(
            "the id is {} characters long; at most {MAX_ID_LEN} are allowed",
            id.len()
        ));
    }
    if let Some(bad) = id
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '/')))
    {
        return Some(format!(
            "the id `{id}` contains {bad:?}; ids may only use A-Z, a-z, 0-9, `.`, `_`, `-` and `/`"
        ));
    }
    if id.starts_with('/') || id.starts_with('.') || id.contains("..") {
        return Some(format!(
            "the id `{id}` starts with `/` or `.` or contains `..`, which could escape the output folder"
        ));
    }
    if slugify(id).is_empty() {
        return Some(format!("the id `{id}` has no letter or digit"));
    }
    None
}

/// The URL segment of an id: lower case, every run of characters other than
/// `a-z0-9` replaced by one `-`, no leading or trailing `-`.
pub fn slugify(id: &str) -> String {
    let mut slug = String::with_capacity(id.len());
    let mut pending_dash = false;
    for c in id.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            slug.push(c.to_ascii_lowercase());
        } else {
            pending_dash = true;
        }
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_rule_matches_the_documented_examples() {
        assert_eq!(slugify("UPR3-110.45"), "upr3-110-45");
        assert_eq!(slugify("CAT/C/VRD/CO/2-para.14"), "cat-c-vrd-co-2-para-14");
        assert_eq!(slugify("a__b"), "a-b");
        assert_eq!(slugify("-x-"), "x");
    }

    #[test]
    fn ids_that_could_escape_the_output_folder_are_rejected() {
        assert!(id_problem("../etc").is_some());
        assert!(id_problem("/abs").is_some());
        assert!(id_problem("a/../b").is_some());
        assert!(id_problem(".hidden").is_some());
        assert!(id_problem("a b").is_some());
        assert!(id_problem("---").is_some());
        assert!(id_problem("UPR4-118.22").is_none());
        assert!(id_problem("A/HRC/52/11").is_none());
    }
}

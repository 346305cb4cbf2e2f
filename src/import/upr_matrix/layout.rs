//! The layouts of the UPR matrix over the cycles, told apart by the header row, and the
//! reading of one recommendation row's four cells.

use crate::import::clean;
use crate::import::uhri::{parse_sdg, parse_sdg_goal};
use crate::import::{SdgRef, cell_value};

/// Which matrix this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `Recommendation and recommending State | Position of the State under review | Human
    /// rights themes and groups of persons | Relevant SDGs`.
    Fourth,
    /// `Recommendation | Position | Full list of themes | Assessment/comments on level of
    /// implementation` (3rd cycle; the 2nd is the same with theme codes such as `A12`).
    Earlier,
}

/// The layout a header row announces, if it is a header row.
pub fn detect(cells: &[String]) -> Option<Layout> {
    let lower: Vec<String> = cells.iter().map(|c| c.trim().to_lowercase()).collect();
    if lower.len() < 3
        || !lower[0].starts_with("recommendation")
        || !lower[1].starts_with("position")
        || !lower[2].contains("theme")
    {
        return None;
    }
    match lower.get(3) {
        Some(fourth) if fourth.contains("sdg") => Some(Layout::Fourth),
        _ => Some(Layout::Earlier),
    }
}

/// The cluster a `Theme: …` heading row opens.
pub fn theme_heading(cells: &[String]) -> Option<String> {
    let first = cells.first()?.trim();
    let rest = first
        .get(..6)
        .filter(|p| p.eq_ignore_ascii_case("theme:"))
        .map(|_| &first[6..])?;
    if cells[1..]
        .iter()
        .any(|c| !c.trim().is_empty() && c.trim() != first)
    {
        return None;
    }
    let (_, name) = strip_theme_code(&clean::line(rest));
    (!name.is_empty()).then_some(name)
}

/// One recommendation row, read.
#[derive(Debug, Default, PartialEq)]
pub struct MatrixRow {
    pub paragraph: Option<String>,
    pub text: String,
    pub states: Vec<String>,
    pub position_source: Option<String>,
    pub position: String,
    pub themes: Vec<String>,
    pub groups: Vec<String>,
    pub goals: Vec<String>,
    pub targets: Vec<SdgRef>,
    pub assessment: Option<String>,
    /// Themes were given with codes (`A12 …`): the 2nd cycle's matrix.
    pub theme_codes: bool,
}

/// Reads the cells of a recommendation row.
pub fn read_row(layout: Layout, cells: &[String]) -> MatrixRow {
    let cell = |i: usize| cells.get(i).map(String::as_str).unwrap_or("");
    let mut row = MatrixRow::default();
    let mut kept = Vec::new();
    for line in cell(0).lines() {
        let trimmed = line.trim();
        match trimmed
            .get(..18)
            .filter(|p| p.eq_ignore_ascii_case("source of position"))
        {
            Some(_) => {
                let value = trimmed[18..].trim_start_matches([':', ' ']).trim();
                row.position_source = (!value.is_empty()).then(|| clean::line(value));
            }
            None => kept.push(line),
        }
    }
    let cleaned = clean::recommendation(&kept.join("\n"));
    row.paragraph = cleaned.paragraph;
    let (text, states) = split_states(&cleaned.text);
    row.text = text;
    row.states = states;
    row.position = clean::line(cell(1));
    read_terms(cell(2), &mut row);
    match layout {
        Layout::Fourth => read_sdgs(cell(3).lines(), &mut row),
        Layout::Earlier => {
            let assessment = clean::text(cell(3));
            row.assessment = (!assessment.is_empty()).then_some(assessment);
        }
    }
    row
}

/// The sections of the themes cell: themes first, then `Groups of Persons:` (or `Affected
/// persons:`) and `SDGs:`, each value on a `- ` line.
fn read_terms(cell: &str, row: &mut MatrixRow) {
    #[derive(PartialEq)]
    enum Section {
        Themes,
        Groups,
        Sdgs,
    }
    let mut section = Section::Themes;
    let mut sdg_lines = Vec::new();
    for line in cell.lines() {
        let line = line.trim();
        let lower = line.to_lowercase();
        if lower.starts_with("groups of persons") || lower.starts_with("affected persons") {
            section = Section::Groups;
            continue;
        }
        if lower.starts_with("sdgs") || lower.starts_with("sdg:") {
            section = Section::Sdgs;
            continue;
        }
        if lower.starts_with("themes:") || lower.starts_with("human rights themes") {
            section = Section::Themes;
            continue;
        }
        let value = line.strip_prefix('-').unwrap_or(line).trim();
        if value.is_empty() {
            continue;
        }
        match section {
            Section::Themes => {
                let (code, name) = strip_theme_code(&cell_value(value));
                row.theme_codes |= code;
                push_new(&mut row.themes, name);
            }
            Section::Groups => push_new(&mut row.groups, cell_value(value)),
            Section::Sdgs => sdg_lines.push(line),
        }
    }
    read_sdgs(sdg_lines.into_iter(), row);
}

/// `- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS` lines: goals (or targets, `16.3 - …`).
fn read_sdgs<'a>(lines: impl Iterator<Item = &'a str>, row: &mut MatrixRow) {
    for line in lines {
        let value = line.trim();
        let value = value.strip_prefix('-').unwrap_or(value).trim();
        if let Some(target) = parse_sdg(value) {
            if !row.targets.contains(&target) {
                row.targets.push(target);
            }
        } else if let Some(goal) = parse_sdg_goal(value) {
            push_new(&mut row.goals, goal);
        }
    }
}

fn push_new(list: &mut Vec<String>, value: String) {
    if !value.is_empty() && !list.contains(&value) {
        list.push(value);
    }
}

/// `A12 Acceptance of international norms` gives (true, `Acceptance of international norms`).
fn strip_theme_code(value: &str) -> (bool, String) {
    let mut chars = value.chars();
    let letter = chars.next().is_some_and(|c| c.is_ascii_uppercase());
    let digits: String = chars.clone().take_while(char::is_ascii_digit).collect();
    let rest = value.get(1 + digits.len()..).unwrap_or("");
    if letter && (1..=2).contains(&digits.len()) && rest.starts_with(' ') {
        (true, rest.trim().to_string())
    } else {
        (false, value.to_string())
    }
}

/// Takes the recommending States in brackets off the end of a text: `Ratify the OP-CAT
/// (Maldives) (Venezuela (Bolivarian Republic of));` gives `Ratify the OP-CAT` and
/// [`Maldives`, `Venezuela (Bolivarian Republic of)`]. A bracket that does not start with a
/// capital is part of the text.
pub fn split_states(text: &str) -> (String, Vec<String>) {
    let mut rest = text.trim_end_matches([';', '.', ',', ' ', '\n']);
    let mut states = Vec::new();
    while rest.ends_with(')') {
        let Some(open) = matching_open(rest) else {
            break;
        };
        let inner = rest[open + 1..rest.len() - 1].trim();
        if !inner.starts_with(|c: char| c.is_uppercase()) {
            break;
        }
        states.push(clean::line(inner));
        rest = rest[..open].trim_end_matches([';', ',', ' ', '\n']);
    }
    states.reverse();
    (rest.to_string(), states)
}

/// The index of the `(` that the final `)` of `text` closes.
fn matching_open(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_in_brackets_come_off_the_end_nested_or_not() {
        assert_eq!(
            split_states(
                "Ratify the Optional Protocol (as a priority) (Maldives) (Venezuela (Bolivarian Republic of));"
            ),
            (
                "Ratify the Optional Protocol (as a priority)".to_string(),
                vec![
                    "Maldives".to_string(),
                    "Venezuela (Bolivarian Republic of)".to_string()
                ]
            )
        );
        assert_eq!(
            split_states("Adopt a law (as recommended)"),
            ("Adopt a law (as recommended)".to_string(), vec![])
        );
    }

    #[test]
    fn headers_tell_the_layouts_apart() {
        let header = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        assert_eq!(
            detect(&header(&[
                "Recommendation and recommending State",
                "Position of the State under review",
                "Human rights themes and groups of persons",
                "Relevant SDGs"
            ])),
            Some(Layout::Fourth)
        );
        assert_eq!(
            detect(&header(&[
                "Recommendation",
                "Position",
                "Full list of themes",
                "Assessment/comments on level of implementation"
            ])),
            Some(Layout::Earlier)
        );
        assert_eq!(detect(&header(&["Theme: Torture", "", "", ""])), None);
    }
}

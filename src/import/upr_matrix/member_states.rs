//! Recommending States matched to the UN Member States as OHCHR writes their names.

/// The 193 Member States, one a line, as OHCHR's matrices name them.
const MEMBER_STATES: &str = include_str!("un_member_states.txt");

/// Names OHCHR used before a State changed its name, and the name it uses now.
const FORMER_NAMES: &[(&str, &str)] = &[
    ("Turkey", "Türkiye"),
    ("Czech Republic", "Czechia"),
    ("Swaziland", "Eswatini"),
    ("Cape Verde", "Cabo Verde"),
    (
        "The former Yugoslav Republic of Macedonia",
        "North Macedonia",
    ),
    ("Netherlands", "Netherlands (Kingdom of the)"),
    ("Ivory Coast", "Côte d'Ivoire"),
];

fn states() -> impl Iterator<Item = &'static str> {
    MEMBER_STATES.lines().filter(|line| !line.is_empty())
}

/// Case, accents, curly apostrophes and spacing do not make another name.
fn key(name: &str) -> String {
    let folded: String = name
        .chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' => '\'',
            'ô' | 'Ô' | 'ö' => 'o',
            'ü' | 'Ü' | 'û' => 'u',
            'é' | 'è' | 'É' => 'e',
            'í' => 'i',
            'ã' | 'á' => 'a',
            _ => c,
        })
        .collect();
    folded
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// How a recommending State's name as written matched the list.
#[derive(Debug, PartialEq, Eq)]
pub enum Match {
    /// The Member State's name as OHCHR writes it.
    Known(&'static str),
    /// Not a Member State's name: kept as written, with the closest name if one is close.
    Unknown(Option<&'static str>),
}

pub fn match_state(name: &str) -> Match {
    let wanted = key(name);
    if let Some(state) = states().find(|state| key(state) == wanted) {
        return Match::Known(state);
    }
    if let Some((_, state)) = FORMER_NAMES.iter().find(|(old, _)| key(old) == wanted) {
        return Match::Known(state);
    }
    Match::Unknown(crate::diagnostics::did_you_mean(name, states()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_holds_the_193_member_states_once_each() {
        let names: std::collections::BTreeSet<&str> = states().collect();
        assert_eq!(names.len(), 193);
        assert_eq!(states().count(), 193);
    }

    #[test]
    fn spelling_variants_and_former_names_match_the_name_ohchr_writes() {
        assert_eq!(match_state("Côte d’Ivoire"), Match::Known("Côte d'Ivoire"));
        assert_eq!(match_state("turkey"), Match::Known("Türkiye"));
        assert_eq!(
            match_state("Venezuela  (Bolivarian Republic of)"),
            Match::Known("Venezuela (Bolivarian Republic of)")
        );
        assert_eq!(match_state("Portgual"), Match::Unknown(Some("Portugal")));
        assert_eq!(match_state("Atlantis"), Match::Unknown(None));
    }
}

//! Recommending States matched to the States table (`model::states`), whatever spelling
//! OHCHR's matrices use: the one matching rule of every importer.

use crate::model::states;

/// How a recommending State's name as written matched the table.
#[derive(Debug, PartialEq, Eq)]
pub enum Match {
    /// The State's English name in the built-in table.
    Known(&'static str),
    /// Not a State of the table: kept as written, with the closest name if one is close.
    Unknown(Option<&'static str>),
}

pub fn match_state(name: &str) -> Match {
    match states::resolve(name) {
        Some(id) => {
            let state = &states::builtin()[id.index()];
            Match::Known(state.name_in("en", "en").1)
        }
        None => Match::Unknown(states::suggest(name)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_variants_and_former_names_match_the_name_of_the_table() {
        assert_eq!(match_state("Côte d’Ivoire"), Match::Known("Côte d'Ivoire"));
        assert_eq!(match_state("turkey"), Match::Known("Türkiye"));
        assert_eq!(
            match_state("Venezuela  (Bolivarian Republic of)"),
            Match::Known("Venezuela (Bolivarian Republic of)")
        );
        assert_eq!(
            match_state("Netherlands (Kingdom of the)"),
            Match::Known("Netherlands")
        );
        assert_eq!(match_state("Portgual"), Match::Unknown(Some("Portugal")));
        assert_eq!(match_state("Atlantis"), Match::Unknown(None));
    }
}

//! Facts about the UN sources that their exports leave out: UPR sessions and cycles, the
//! treaty bodies, the SDG goals.

use chrono::NaiveDate;

/// The UPR cycle of a Working Group session: 1-12 cycle 1, 13-26 cycle 2, 27-40 cycle 3,
/// 41-54 cycle 4 (14 sessions a cycle from the second on).
pub fn upr_cycle(session: u32) -> Option<u32> {
    match session {
        1..=12 => Some(1),
        13..=54 => Some((session - 13) / 14 + 2),
        _ => None,
    }
}

/// The month in which each UPR Working Group session met (year, month), sessions 1 to 54.
/// Sessions after mid-2025 follow the published programme of three sessions a year.
const UPR_SESSION_MONTHS: [(i32, u32); 54] = [
    (2008, 4),
    (2008, 5),
    (2008, 12),
    (2009, 2),
    (2009, 5),
    (2009, 11),
    (2010, 2),
    (2010, 5),
    (2010, 11),
    (2011, 1),
    (2011, 5),
    (2011, 10),
    (2012, 5),
    (2012, 10),
    (2013, 1),
    (2013, 4),
    (2013, 10),
    (2014, 1),
    (2014, 4),
    (2014, 10),
    (2015, 1),
    (2015, 5),
    (2015, 11),
    (2016, 1),
    (2016, 5),
    (2016, 11),
    (2017, 5),
    (2017, 11),
    (2018, 1),
    (2018, 5),
    (2018, 11),
    (2019, 1),
    (2019, 5),
    (2019, 11),
    (2020, 1),
    (2020, 11),
    (2021, 1),
    (2021, 5),
    (2021, 11),
    (2022, 1),
    (2022, 11),
    (2023, 1),
    (2023, 5),
    (2023, 11),
    (2024, 1),
    (2024, 5),
    (2024, 11),
    (2025, 1),
    (2025, 5),
    (2025, 11),
    (2026, 1),
    (2026, 5),
    (2026, 11),
    (2027, 1),
];

/// The first day of the month in which a UPR Working Group session met: the date given to a
/// session's document when the importer creates it (a portal may correct it; the importer
/// never changes the date of an existing document).
pub fn upr_session_date(session: u32) -> Option<NaiveDate> {
    let (year, month) = *UPR_SESSION_MONTHS.get(session.checked_sub(1)? as usize)?;
    NaiveDate::from_ymd_opt(year, month, 1)
}

/// A mechanism the importers know by acronym or name.
#[derive(Debug, Clone, Copy)]
pub struct KnownBody {
    pub acronym: &'static str,
    pub kind: &'static str,
    pub name: &'static str,
    /// Other ways exports write it (compared case-insensitively).
    pub aliases: &'static [&'static str],
    pub url: &'static str,
}

pub const BODIES: &[KnownBody] = &[
    KnownBody {
        acronym: "UPR",
        kind: "upr",
        name: "Universal Periodic Review",
        aliases: &["Universal Periodic Review (UPR)"],
        url: "https://www.ohchr.org/en/hr-bodies/upr/upr-main",
    },
    KnownBody {
        acronym: "CAT",
        kind: "treaty-body",
        name: "Committee against Torture",
        aliases: &[],
        url: "https://www.ohchr.org/en/treaty-bodies/cat",
    },
    KnownBody {
        acronym: "CCPR",
        kind: "treaty-body",
        name: "Human Rights Committee",
        aliases: &["HR Committee", "HRCttee"],
        url: "https://www.ohchr.org/en/treaty-bodies/ccpr",
    },
    KnownBody {
        acronym: "CED",
        kind: "treaty-body",
        name: "Committee on Enforced Disappearances",
        aliases: &[],
        url: "https://www.ohchr.org/en/treaty-bodies/ced",
    },
    KnownBody {
        acronym: "CEDAW",
        kind: "treaty-body",
        name: "Committee on the Elimination of Discrimination against Women",
        aliases: &[],
        url: "https://www.ohchr.org/en/treaty-bodies/cedaw",
    },
    KnownBody {
        acronym: "CERD",
        kind: "treaty-body",
        name: "Committee on the Elimination of Racial Discrimination",
        aliases: &[],
        url: "https://www.ohchr.org/en/treaty-bodies/cerd",
    },
    KnownBody {
        acronym: "CESCR",
        kind: "treaty-body",
        name: "Committee on Economic, Social and Cultural Rights",
        aliases: &[],
        url: "https://www.ohchr.org/en/treaty-bodies/cescr",
    },
    KnownBody {
        acronym: "CMW",
        kind: "treaty-body",
        name: "Committee on Migrant Workers",
        aliases: &[
            "Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families",
        ],
        url: "https://www.ohchr.org/en/treaty-bodies/cmw",
    },
    KnownBody {
        acronym: "CRC",
        kind: "treaty-body",
        name: "Committee on the Rights of the Child",
        aliases: &[],
        url: "https://www.ohchr.org/en/treaty-bodies/crc",
    },
    KnownBody {
        acronym: "CRPD",
        kind: "treaty-body",
        name: "Committee on the Rights of Persons with Disabilities",
        aliases: &[],
        url: "https://www.ohchr.org/en/treaty-bodies/crpd",
    },
    KnownBody {
        acronym: "SPT",
        kind: "treaty-body",
        name: "Subcommittee on Prevention of Torture",
        aliases: &[
            "Subcommittee on Prevention of Torture and other Cruel, Inhuman or Degrading Treatment or Punishment",
        ],
        url: "https://www.ohchr.org/en/treaty-bodies/spt",
    },
];

/// The known body an export names, by acronym, name or alias.
pub fn known_body(name: &str) -> Option<&'static KnownBody> {
    let wanted = name.trim();
    BODIES.iter().find(|b| {
        b.acronym.eq_ignore_ascii_case(wanted)
            || b.name.eq_ignore_ascii_case(wanted)
            || b.aliases.iter().any(|a| a.eq_ignore_ascii_case(wanted))
    })
}

/// True for names of Special Procedures mandates ("Special Rapporteur on ...", "SR ...",
/// "Working Group on ...", "Independent Expert on ...").
pub fn is_special_procedure(name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    [
        "special rapporteur",
        "special procedure",
        "sr ",
        "sr on",
        "working group",
        "wg ",
        "independent expert",
        "ie ",
    ]
    .iter()
    .any(|prefix| lower.starts_with(prefix))
}

/// The short English names of the 17 Sustainable Development Goals.
pub const SDG_GOALS: [&str; 17] = [
    "No poverty",
    "Zero hunger",
    "Good health and well-being",
    "Quality education",
    "Gender equality",
    "Clean water and sanitation",
    "Affordable and clean energy",
    "Decent work and economic growth",
    "Industry, innovation and infrastructure",
    "Reduced inequalities",
    "Sustainable cities and communities",
    "Responsible consumption and production",
    "Climate action",
    "Life below water",
    "Life on land",
    "Peace, justice and strong institutions",
    "Partnerships for the goals",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_fall_into_the_documented_cycles() {
        assert_eq!(upr_cycle(1), Some(1));
        assert_eq!(upr_cycle(12), Some(1));
        assert_eq!(upr_cycle(13), Some(2));
        assert_eq!(upr_cycle(26), Some(2));
        assert_eq!(upr_cycle(27), Some(3));
        assert_eq!(upr_cycle(40), Some(3));
        assert_eq!(upr_cycle(41), Some(4));
        assert_eq!(upr_cycle(54), Some(4));
        assert_eq!(upr_cycle(0), None);
        assert_eq!(upr_cycle(55), None);
        assert_eq!(upr_session_date(10), NaiveDate::from_ymd_opt(2011, 1, 1));
        assert!(upr_session_date(54).is_some() && upr_session_date(55).is_none());
    }

    #[test]
    fn bodies_are_found_by_acronym_or_name() {
        assert_eq!(known_body("crc").unwrap().acronym, "CRC");
        assert_eq!(
            known_body("Committee against Torture").unwrap().acronym,
            "CAT"
        );
        assert!(known_body("Human Rights Council").is_none());
        assert!(is_special_procedure("Special Rapporteur on torture"));
        assert!(!is_special_procedure("CRC"));
    }
}

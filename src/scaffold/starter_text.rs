//! The words a new portal starts with, in the languages Docket has them for.

/// A new portal's starting words in one language.
pub struct StarterText {
    pub code: &'static str,
    /// The language's name in itself, for the language switcher.
    pub name: &'static str,
    pub title: &'static str,
    pub tagline: &'static str,
    /// Labels of the statuses not-started, in-progress and implemented.
    pub statuses: [&'static str; 3],
    pub about_title: &'static str,
    pub about_body: &'static str,
    pub mechanism: &'static str,
    pub institution: &'static str,
    pub theme: &'static str,
    pub recommendation: &'static str,
}

/// English is first: it stands in for a language Docket has no starting words for.
pub const STARTER_TEXTS: &[StarterText] = &[
    StarterText {
        code: "en",
        name: "English",
        title: "Human Rights Recommendations Tracker",
        tagline: "What the State has done about the recommendations it received",
        statuses: ["Not started", "In progress", "Implemented"],
        about_title: "About",
        about_body: "This portal publishes the recommendations the State received from human rights mechanisms and what has been done about each of them.",
        mechanism: "Universal Periodic Review",
        institution: "Ministry of Justice",
        theme: "Administration of justice",
        recommendation: "Strengthen the independence of the judiciary.",
    },
    StarterText {
        code: "fr",
        name: "Français",
        title: "Suivi des recommandations relatives aux droits humains",
        tagline: "Ce que l'État a fait des recommandations reçues",
        statuses: ["Pas commencé", "En cours", "Mise en œuvre"],
        about_title: "À propos",
        about_body: "Ce portail publie les recommandations reçues par l'État et ce qui a été fait pour chacune d'elles.",
        mechanism: "Examen périodique universel",
        institution: "Ministère de la Justice",
        theme: "Administration de la justice",
        recommendation: "Renforcer l'indépendance du pouvoir judiciaire.",
    },
    StarterText {
        code: "es",
        name: "Español",
        title: "Seguimiento de las recomendaciones de derechos humanos",
        tagline: "Lo que el Estado ha hecho con las recomendaciones recibidas",
        statuses: ["No iniciada", "En curso", "Aplicada"],
        about_title: "Acerca de",
        about_body: "Este portal publica las recomendaciones que el Estado recibió de los mecanismos de derechos humanos y lo que se ha hecho con cada una de ellas.",
        mechanism: "Examen Periódico Universal",
        institution: "Ministerio de Justicia",
        theme: "Administración de justicia",
        recommendation: "Fortalecer la independencia del poder judicial.",
    },
    StarterText {
        code: "sl",
        name: "Slovenščina",
        title: "Spremljanje priporočil o človekovih pravicah",
        tagline: "Kaj je država storila s priporočili, ki jih je prejela",
        statuses: ["Ni začeto", "V teku", "Izvedeno"],
        about_title: "O portalu",
        about_body: "Ta portal objavlja priporočila, ki jih je država prejela od mehanizmov za človekove pravice, in kaj je bilo storjeno glede vsakega od njih.",
        mechanism: "Univerzalni periodični pregled",
        institution: "Ministrstvo za pravosodje",
        theme: "Pravosodje",
        recommendation: "Okrepiti neodvisnost sodstva.",
    },
];

/// The starting words for `code` (its primary subtag), or English when Docket has none.
pub fn starter_text(code: &str) -> (&'static StarterText, bool) {
    let primary = code.split('-').next().unwrap_or(code);
    match STARTER_TEXTS.iter().find(|text| text.code == primary) {
        Some(text) => (text, true),
        None => (&STARTER_TEXTS[0], false),
    }
}

//! The report as plain data, every text already in the report's language, so that each writer
//! (Markdown, HTML, DOCX) only lays it out.

use chrono::NaiveDate;

use crate::model::*;
use crate::site::Site;

/// A draft follow-up report: what a State sends a mechanism about its recommendations.
#[derive(Debug, Clone)]
pub struct Report {
    /// BCP 47 code of the report's language.
    pub lang: String,
    pub rtl: bool,
    pub title: String,
    /// What the report covers: the mechanism and cycle, the document, or the institution.
    pub scope: String,
    /// "Situation as of 30 June 2026".
    pub as_of: String,
    pub labels: Labels,
    pub summary: Summary,
    pub groups: Vec<Group>,
}

/// Words of the report's layout, from the theme's messages.
#[derive(Debug, Clone, Default)]
pub struct Labels {
    pub draft_notice: String,
    pub summary: String,
    pub status: String,
    pub government: String,
    pub nhri: String,
    pub civil_society: String,
    pub not_assessed: String,
    pub total: String,
    pub source: String,
    pub response: String,
    pub actions: String,
    pub action: String,
    pub institutions: String,
    pub dates: String,
    pub assessments: String,
    pub indicators: String,
    pub indicator: String,
    pub latest_value: String,
    pub target: String,
    pub no_actions: String,
    pub page: String,
}

/// Counts of the recommendations in scope by status, per assessor.
#[derive(Debug, Clone)]
pub struct Summary {
    /// One row per step of the status scale, then "not assessed", then the total; none on
    /// the portal's report pages after the first.
    pub rows: Vec<SummaryRow>,
}

#[derive(Debug, Clone)]
pub struct SummaryRow {
    pub label: String,
    pub government: usize,
    pub nhri: usize,
    pub civil_society: usize,
}

/// Recommendations of one cluster or theme.
#[derive(Debug, Clone)]
pub struct Group {
    pub heading: String,
    pub items: Vec<Item>,
}

/// One recommendation with everything the mechanism asks about it.
#[derive(Debug, Clone)]
pub struct Item {
    pub id: String,
    pub text: String,
    /// The language the text is really in, when it is not the report's.
    pub text_lang: Option<OtherLanguage>,
    /// Mechanism, document symbol and paragraph.
    pub source: String,
    pub response: String,
    pub actions: Vec<ActionLine>,
    /// The government's first (the State's account), then the NHRI's and civil society's.
    pub assessments: Vec<AssessmentLine>,
    pub indicators: Vec<IndicatorLine>,
    /// The recommendation's page on the portal.
    pub url: String,
}

#[derive(Debug, Clone)]
pub struct ActionLine {
    pub id: String,
    pub title: String,
    pub institutions: String,
    /// Start and due dates, as written in the report's language.
    pub dates: String,
    pub status: String,
}

#[derive(Debug, Clone)]
pub struct AssessmentLine {
    /// Who assessed: "Government (the State's account)", "National human rights institution".
    pub assessor: String,
    pub status: String,
    pub date: String,
    /// The institution or organisation that made it.
    pub by: String,
    /// The narrative as plain text.
    pub narrative: String,
    pub narrative_lang: Option<OtherLanguage>,
}

/// A text shown in another language than the report's, for lang and dir attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherLanguage {
    pub lang: String,
    pub rtl: bool,
}

fn other_language(site: &Site, localized: &crate::site::Localized) -> Option<OtherLanguage> {
    localized.fallback.then(|| OtherLanguage {
        lang: localized.lang.clone(),
        rtl: site.dir_of(&localized.lang) == "rtl",
    })
}

#[derive(Debug, Clone)]
pub struct IndicatorLine {
    pub name: String,
    /// "12 (31 March 2026)", or empty when nothing was measured.
    pub latest: String,
    pub target: String,
}

/// Headings of the groups that are not a cluster or a theme.
pub(super) struct OtherHeadings {
    /// Recommendations flagged for a treaty body's follow-up procedure.
    pub follow_up: String,
    /// Recommendations with neither cluster nor theme.
    pub other: String,
}

/// Builds the items of `ids` (in scope order) grouped: recommendations flagged for follow-up
/// first (the State owes that information first), then by cluster, else first theme. Only
/// the items at positions `window` of that order are built; groups without one are left out.
pub(super) fn groups(
    site: &Site,
    ids: &[RecommendationId],
    lang: &str,
    headings: &OtherHeadings,
    window: std::ops::Range<usize>,
) -> Vec<Group> {
    let d = site.data;
    // Group keys: follow-up, then clusters in file order, then themes, then the rest.
    let mut keyed: Vec<((u8, u32), RecommendationId)> = ids
        .iter()
        .map(|&id| {
            let r = &d.recommendations[id.index()];
            let key = match (r.follow_up_due, r.cluster, r.themes.first()) {
                (Some(_), _, _) => (0, 0),
                (None, Some(c), _) => (1, c.0),
                (None, None, Some(t)) => (2, t.0),
                (None, None, None) => (3, 0),
            };
            (key, id)
        })
        .collect();
    keyed.sort_by_key(|(key, _)| *key);
    let mut out: Vec<Group> = Vec::new();
    let mut current = None;
    let end = window.end.min(keyed.len());
    let start = window.start.min(end);
    for (key, id) in keyed.drain(start..end) {
        if current != Some(key) {
            current = Some(key);
            let heading = match key {
                (0, _) => headings.follow_up.clone(),
                (1, c) => site.localize(&d.clusters[c as usize].name, lang).text,
                (2, t) => site.localize(&d.themes[t as usize].name, lang).text,
                _ => headings.other.clone(),
            };
            out.push(Group {
                heading,
                items: Vec::new(),
            });
        }
        out.last_mut()
            .expect("a group was pushed")
            .items
            .push(item(site, id, lang));
    }
    out
}

fn item(site: &Site, id: RecommendationId, lang: &str) -> Item {
    let d = site.data;
    let r = &d.recommendations[id.index()];
    let document = &d.documents[r.document.index()];
    let mechanism = &d.mechanisms[r.mechanism.index()];
    let mut source = format!(
        "{}, {}",
        mechanism
            .acronym
            .clone()
            .unwrap_or_else(|| site.localize(&mechanism.name, lang).text),
        document.symbol
    );
    if let Some(paragraph) = &r.paragraph {
        source.push_str(&format!(
            ", {} {paragraph}",
            message(site, lang, "draft-paragraph")
        ));
    }
    let text = site.localize(&r.text, lang);
    Item {
        id: r.key.id.clone(),
        text_lang: other_language(site, &text),
        text: text.text,
        source,
        response: message(site, lang, &format!("response-{}", r.response.id())),
        actions: r
            .actions
            .iter()
            .map(|&a| action_line(site, a, lang))
            .collect(),
        assessments: assessment_lines(site, r, lang),
        indicators: r
            .indicators
            .iter()
            .map(|&i| indicator_line(site, &d.indicators[i.index()], lang))
            .collect(),
        url: site.absolute(&crate::site::urls::entry(
            lang,
            crate::site::Section::Recommendations,
            &r.key.slug,
        )),
    }
}

fn action_line(site: &Site, id: ActionId, lang: &str) -> ActionLine {
    let d = site.data;
    let a = &d.actions[id.index()];
    let institutions: Vec<String> = a
        .lead_institution
        .iter()
        .chain(&a.partner_institutions)
        .map(|i| site.localize(&d.institutions[i.index()].name, lang).text)
        .collect();
    let dates: Vec<String> = [a.start_date, a.due_date]
        .into_iter()
        .map(|date| {
            date.map(|date| date_text(site, lang, date))
                .unwrap_or_default()
        })
        .collect();
    ActionLine {
        id: a.key.id.clone(),
        title: site.localize(&a.title, lang).text,
        institutions: institutions.join(", "),
        dates: if dates.iter().all(String::is_empty) {
            String::new()
        } else {
            dates.join(" – ")
        },
        status: a
            .assessments
            .government
            .map(|u| site.status_label(d.status_updates[u.index()].status, lang))
            .unwrap_or_default(),
    }
}

/// The latest status by each assessor by the status rule, each labelled, never merged.
fn assessment_lines(site: &Site, r: &Recommendation, lang: &str) -> Vec<AssessmentLine> {
    let d = site.data;
    Assessor::ALL
        .iter()
        .filter_map(|&(id, who)| {
            let effective = r.effective.get(who)?;
            let update = match effective.source {
                crate::model::tracking::StatusSource::Reported(u) => u,
                crate::model::tracking::StatusSource::Derived { update, .. } => update,
            };
            let u = &d.status_updates[update.index()];
            let by = match (u.institution, &u.organisation) {
                (Some(i), _) => site.localize(&d.institutions[i.index()].name, lang).text,
                (None, Some(organisation)) => organisation.clone(),
                (None, None) => String::new(),
            };
            let narrative = site.localize(&u.narrative, lang);
            Some(AssessmentLine {
                narrative_lang: other_language(site, &narrative),
                assessor: message(site, lang, &format!("draft-assessor-{id}")),
                status: site.status_label(effective.status, lang),
                date: date_text(site, lang, effective.date),
                by,
                narrative: plain_text(&narrative.text),
            })
        })
        .collect()
}

fn indicator_line(site: &Site, indicator: &Indicator, lang: &str) -> IndicatorLine {
    let unit = indicator
        .unit
        .as_ref()
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    let number = |value: f64| crate::i18n::format_number(value, lang);
    IndicatorLine {
        name: site.localize(&indicator.name, lang).text,
        latest: indicator
            .measurements
            .last()
            .map(|m| {
                format!(
                    "{}{unit} ({})",
                    number(m.value),
                    date_text(site, lang, m.date)
                )
            })
            .unwrap_or_default(),
        target: indicator
            .target
            .map(|t| {
                let by = indicator
                    .target_date
                    .map(|d| format!(" ({})", date_text(site, lang, d)))
                    .unwrap_or_default();
                format!("{}{unit}{by}", number(t))
            })
            .unwrap_or_default(),
    }
}

/// Counts by status, per assessor, of the recommendations `ids`.
pub(super) fn summary(
    site: &Site,
    ids: &[RecommendationId],
    lang: &str,
    labels: &Labels,
) -> Summary {
    let d = site.data;
    let steps = d.config.statuses.len();
    let mut counts = vec![[0usize; 3]; steps + 2];
    for &id in ids {
        let r = &d.recommendations[id.index()];
        for (column, (_, who)) in Assessor::ALL.iter().enumerate() {
            let row = r.effective.get(*who).map_or(steps, |e| e.status.index());
            counts[row][column] += 1;
            counts[steps + 1][column] += 1;
        }
    }
    let label = |row: usize| match row {
        r if r < steps => site.status_label(StatusId(r as u32), lang),
        r if r == steps => labels.not_assessed.clone(),
        _ => labels.total.clone(),
    };
    Summary {
        rows: counts
            .iter()
            .enumerate()
            .map(|(row, c)| SummaryRow {
                label: label(row),
                government: c[0],
                nhri: c[1],
                civil_society: c[2],
            })
            .collect(),
    }
}

pub(super) fn message(site: &Site, lang: &str, key: &str) -> String {
    site.i18n.message(lang, key, None)
}

pub(super) fn date_text(site: &Site, lang: &str, date: NaiveDate) -> String {
    site.i18n.format_date(lang, date)
}

/// Markdown flattened to its text: what a Word document or a plain report can hold.
fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut out = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

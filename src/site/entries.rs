//! Context builders for the pages of single things: a recommendation, an action, an indicator.

use serde::Serialize;
use tera::Context;

use super::Site;
use super::context::*;
use super::pages::{ActionRow, action_row};
use super::rows::Fragment;
use super::terms::Term;
use super::urls::{self, Section};
use crate::model::*;

/// How many other members of a cluster a recommendation page lists.
const RELATED_LIMIT: usize = 6;

#[derive(Serialize)]
struct RecommendationPage<'a> {
    id: &'a str,
    permalink: String,
    /// The "submit information" link, when config has `[contribute]`.
    contribute: Option<super::contribute::ContributeLink>,
    text: Localized,
    paragraph: Option<&'a str>,
    date: String,
    response: Option<&'static str>,
    follow_up_due: Option<String>,
    views: StatusViews,
    #[serde(flatten)]
    placement: Placement,
    document_url: Option<&'a crate::web_url::WebUrl>,
    document_date: String,
    cycle: Option<u32>,
    session: Option<&'a str>,
    status: Option<StatusBadge>,
    assessments: Vec<Assessment>,
    history: Vec<Assessment>,
    actions: Vec<ActionRow>,
    position_source: Option<&'a str>,
    cluster: Option<Link>,
    /// The other members' rows (`partials/cluster_row.html`), as HTML.
    cluster_rows: Vec<String>,
    cluster_more: usize,
    aliases: Vec<&'a str>,
    last_updated: String,
}

/// Who made a recommendation, to whom, in which document; who answers for it and how it
/// is classified: the links of its page.
#[derive(Serialize)]
struct Placement {
    /// The State under review, in a multi-State portal.
    state: Option<Link>,
    recommending_states: Vec<Link>,
    mechanism: Link,
    document: Link,
    lead: Option<Link>,
    partners: Vec<Link>,
    themes: Vec<Link>,
    groups: Vec<Link>,
    sdg_targets: Vec<Link>,
    sdg_goals: Vec<Link>,
    indicators: Vec<Link>,
}

pub(super) fn recommendation(
    site: &Site,
    id: RecommendationId,
    lang: &str,
    context: &mut Context,
) -> String {
    let d = site.data;
    let r = &d.recommendations[id.index()];
    let document = &d.documents[r.document.index()];
    let path = urls::entry(lang, Section::Recommendations, &r.key.slug);
    let (cluster_rows, cluster_more) = cluster_rows(site, r, id, &path, lang);
    let last_updated = r
        .updates
        .last()
        .map_or(r.date, |u| d.status_updates[u.index()].date);
    let permalink = site.absolute(&path);
    let page = RecommendationPage {
        id: &r.key.id,
        contribute: super::contribute::link(site, r, lang, &permalink),
        permalink,
        text: site.localize(&r.text, lang),
        paragraph: r.paragraph.as_deref(),
        date: r.date.to_string(),
        response: site.response_of(r),
        follow_up_due: r.follow_up_due.map(|d| d.to_string()),
        views: site.status_views(r, lang),
        placement: placement(site, r, lang),
        document_url: document.url.as_ref(),
        document_date: document.date.to_string(),
        cycle: document.cycle,
        session: document.session.as_deref(),
        status: d.headline_status(r).map(|s| site.badge(s, lang)),
        assessments: site.effective_assessments(r, lang),
        history: history(site, r, lang),
        actions: r
            .actions
            .iter()
            .map(|&a| action_row(site, a, lang))
            .collect(),
        position_source: r.position_source.as_deref(),
        cluster: r.cluster.map(|c| site.term_link(Term::Cluster(c), lang)),
        cluster_rows,
        cluster_more,
        aliases: r.aliases.iter().map(|a| a.id.as_str()).collect(),
        last_updated: last_updated.to_string(),
    };
    context.insert("rec", &page);
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("id", r.key.id.clone());
    site.i18n.message(lang, "recommendation-title", Some(&args))
}

/// The rows of up to [`RELATED_LIMIT`] other members of the recommendation's cluster, for
/// its page at `path`, and how many more there are.
fn cluster_rows(
    site: &Site,
    r: &Recommendation,
    id: RecommendationId,
    path: &str,
    lang: &str,
) -> (Vec<String>, usize) {
    let members: &[RecommendationId] = r
        .cluster
        .map_or(&[], |c| &site.data.clusters[c.index()].recommendations);
    let root = urls::root_of(path);
    let others: Vec<String> = members
        .iter()
        .filter(|&&m| m != id)
        .take(RELATED_LIMIT)
        .map(|&m| site.fragment(Fragment::ClusterRow, m, lang, &root))
        .collect();
    let more = members.len().saturating_sub(1 + others.len());
    (others, more)
}

fn placement(site: &Site, r: &Recommendation, lang: &str) -> Placement {
    Placement {
        state: site.state_link(r, lang),
        recommending_states: links(
            site,
            r.recommending_states
                .iter()
                .map(|&s| Term::RecommendingState(s)),
            lang,
        ),
        mechanism: site.term_link(Term::Mechanism(r.mechanism), lang),
        document: site.term_link(Term::Document(r.document), lang),
        lead: r
            .lead_institution
            .map(|i| site.term_link(Term::Institution(i), lang)),
        partners: links(
            site,
            r.partner_institutions.iter().map(|&i| Term::Institution(i)),
            lang,
        ),
        themes: links(site, r.themes.iter().map(|&t| Term::Theme(t)), lang),
        groups: links(site, r.groups.iter().map(|&g| Term::Group(g)), lang),
        sdg_targets: links(
            site,
            r.sdg_targets.iter().map(|&t| Term::SdgTarget(t)),
            lang,
        ),
        sdg_goals: links(site, r.sdg_goals.iter().map(|&g| Term::SdgGoal(g)), lang),
        indicators: r
            .indicators
            .iter()
            .map(|&i| indicator_link(site, i, lang))
            .collect(),
    }
}

/// Links to terms, in order.
fn links(site: &Site, terms: impl Iterator<Item = Term>, lang: &str) -> Vec<Link> {
    terms.map(|term| site.term_link(term, lang)).collect()
}

/// A recommendation's status updates, newest first, without those shown as an assessor's
/// current assessment above them.
fn history(site: &Site, r: &Recommendation, lang: &str) -> Vec<Assessment> {
    let current = |u: StatusUpdateId| {
        Assessor::ALL.iter().any(|(_, who)| {
            matches!(r.effective.get(*who), Some(e) if e.source == crate::model::tracking::StatusSource::Reported(u))
        })
    };
    r.updates
        .iter()
        .rev()
        .filter(|&&u| !current(u))
        .map(|&u| site.assessment(u, lang, false))
        .collect()
}

#[derive(Serialize)]
struct ActionPage {
    #[serde(flatten)]
    row: ActionRow,
    description_html: Option<Localized>,
    /// Every assessor's latest view, for the headline.
    views: StatusViews,
    partners: Vec<Link>,
    recommendations: Vec<RecommendationSummary>,
    assessments: Vec<Assessment>,
    history: Vec<Assessment>,
    indicators: Vec<Link>,
    permalink: String,
    /// The latest status update, else the start date, else the as-of date: what citations show.
    last_updated: String,
    /// When the action's row was submitted, and by whom when config publishes it.
    submitted_on: Option<String>,
    submitted_by: Option<String>,
}

pub(super) fn action(site: &Site, id: ActionId, lang: &str, context: &mut Context) -> String {
    let a = &site.data.actions[id.index()];
    let row = action_row(site, id, lang);
    let title = row.title.text.clone();
    let last_updated = a
        .updates
        .iter()
        .map(|u| site.data.status_updates[u.index()].date)
        .max()
        .or(a.start_date)
        .unwrap_or(site.data.as_of);
    let page = ActionPage {
        last_updated: last_updated.to_string(),
        submitted_on: a.submission.on.map(|on| on.to_string()),
        submitted_by: site.published_submitter(&a.submission),
        permalink: site.absolute(&row.href),
        row,
        views: site.action_views(a, lang),
        description_html: (!a.description.is_empty()).then(|| {
            let mut description = site.localize(&a.description, lang);
            description.text = super::to_safe_html(&description.text);
            description
        }),
        partners: a
            .partner_institutions
            .iter()
            .map(|&i| site.term_link(Term::Institution(i), lang))
            .collect(),
        recommendations: a
            .recommendations
            .iter()
            .map(|&r| site.summary(r, lang))
            .collect(),
        assessments: site.assessments(&a.assessments, lang),
        history: a
            .updates
            .iter()
            .rev()
            .map(|&u| site.assessment(u, lang, false))
            .collect(),
        indicators: a
            .indicators
            .iter()
            .map(|&i| indicator_link(site, i, lang))
            .collect(),
    };
    context.insert("action", &page);
    title
}

fn indicator_link(site: &Site, id: IndicatorId, lang: &str) -> Link {
    let indicator = &site.data.indicators[id.index()];
    Link {
        href: urls::entry(lang, Section::Indicators, &indicator.key.slug),
        label: site.localize(&indicator.name, lang),
    }
}

#[derive(Serialize)]
pub(super) struct IndicatorRow {
    link: Link,
    kind: &'static str,
    unit: Option<String>,
    baseline: Option<f64>,
    target: Option<f64>,
    latest: Option<f64>,
    latest_date: Option<String>,
}

pub(super) fn indicator_row(site: &Site, id: IndicatorId, lang: &str) -> IndicatorRow {
    let indicator = &site.data.indicators[id.index()];
    let latest = indicator.measurements.last();
    IndicatorRow {
        link: indicator_link(site, id, lang),
        kind: IndicatorKind::ALL
            .iter()
            .find(|(_, k)| *k == indicator.kind)
            .map_or("outcome", |(id, _)| id),
        unit: indicator.unit.clone(),
        baseline: indicator.baseline,
        target: indicator.target,
        latest: latest.map(|m| m.value),
        latest_date: latest.map(|m| m.date.to_string()),
    }
}

#[derive(Serialize)]
struct MeasurementRow {
    date: String,
    value: f64,
    source: Option<String>,
    note: Option<Localized>,
}

pub(super) fn indicator(site: &Site, id: IndicatorId, lang: &str, context: &mut Context) -> String {
    let indicator = &site.data.indicators[id.index()];
    let row = indicator_row(site, id, lang);
    let title = row.link.label.text.clone();
    context.insert("indicator", &row);
    context.insert(
        "baseline_date",
        &indicator.baseline_date.map(|d| d.to_string()),
    );
    context.insert("target_date", &indicator.target_date.map(|d| d.to_string()));
    let measurements: Vec<MeasurementRow> = indicator
        .measurements
        .iter()
        .map(|m| MeasurementRow {
            date: m.date.to_string(),
            value: m.value,
            source: m.source.clone(),
            note: (!m.note.is_empty()).then(|| site.localize(&m.note, lang)),
        })
        .collect();
    context.insert("measurements", &measurements);
    if !indicator.measurements.is_empty() {
        context.insert("chart", &indicator_chart(site, indicator, lang));
    }
    let recommendations: Vec<RecommendationSummary> = indicator
        .recommendations
        .iter()
        .map(|&r| site.summary(r, lang))
        .collect();
    context.insert("recommendations", &recommendations);
    let actions: Vec<ActionRow> = indicator
        .actions
        .iter()
        .map(|&a| action_row(site, a, lang))
        .collect();
    context.insert("actions", &actions);
    title
}

/// Measurements over time against the baseline and the target.
fn indicator_chart(site: &Site, indicator: &Indicator, lang: &str) -> String {
    use super::charts::{LinePoint, line};
    let first = indicator
        .measurements
        .iter()
        .map(|m| m.date)
        .chain(indicator.baseline_date)
        .min()
        .expect("a measurement");
    let last = indicator
        .measurements
        .iter()
        .map(|m| m.date)
        .max()
        .expect("a measurement");
    let span = (last - first).num_days().max(1) as f64;
    let points: Vec<LinePoint> = indicator
        .measurements
        .iter()
        .map(|m| LinePoint {
            position: if first == last {
                0.5
            } else {
                (m.date - first).num_days() as f64 / span
            },
            label: site.i18n.format_date(lang, m.date),
            axis: chrono::Datelike::year(&m.date).to_string(),
            value: m.value,
            formatted: crate::i18n::format_number(m.value, lang),
        })
        .collect();
    let reference = |value: Option<f64>, key: &str| {
        value.map(|v| {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("value", crate::i18n::format_number(v, lang));
            (v, site.i18n.message(lang, key, Some(&args)))
        })
    };
    let name = site.localize(&indicator.name, lang).text;
    line(
        "indicator-chart",
        &name,
        &points,
        reference(indicator.baseline, "indicator-baseline-line"),
        reference(indicator.target, "indicator-target-line"),
        site.dir_of(lang) == "rtl",
    )
}

//! Atom 1.0 feeds of status updates and new recommendations, per language: for the whole
//! portal and for every mechanism, institution and theme.

use std::path::Path;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use fluent_bundle::FluentArgs;
use rayon::prelude::*;

use crate::emit::{Emitted, Unchanged};
use crate::model::*;
use crate::site::feed_links::feed_title;
pub use crate::site::feed_links::{Feed, feed_path};
use crate::site::{Section, Site, Term, urls};
use crate::slug::slugify;
use crate::xml::escape;

/// Entries per feed: the most recent ones.
pub const FEED_LIMIT: usize = 50;

/// Sections whose terms have a feed of their own (States: only in a multi-State portal,
/// the only one with State pages).
pub const FEED_SECTIONS: [Section; 4] = [
    Section::Mechanisms,
    Section::Institutions,
    Section::Themes,
    Section::States,
];

/// One entry: a status update or a recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Update(StatusUpdateId),
    New(RecommendationId),
}

impl Entry {
    fn date(self, d: &Dataset) -> NaiveDate {
        match self {
            Entry::Update(u) => d.status_updates[u.index()].date,
            Entry::New(r) => d.recommendations[r.index()].date,
        }
    }

    /// Newest first; on the same day updates before recommendations, later rows first.
    fn order_key(self, d: &Dataset) -> (std::cmp::Reverse<NaiveDate>, u8, std::cmp::Reverse<u32>) {
        let (kind, index) = match self {
            Entry::Update(u) => (0, u.0),
            Entry::New(r) => (1, r.0),
        };
        (
            std::cmp::Reverse(self.date(d)),
            kind,
            std::cmp::Reverse(index),
        )
    }
}

fn newest(d: &Dataset, mut entries: Vec<Entry>) -> Vec<Entry> {
    entries.sort_by_key(|e| e.order_key(d));
    entries.dedup();
    entries.truncate(FEED_LIMIT);
    entries
}

/// The entries of a feed, newest first, at most [`FEED_LIMIT`].
fn entries(site: &Site, feed: Feed) -> Vec<Entry> {
    let d = site.data;
    match feed {
        Feed::Updates => newest(
            d,
            (0..d.status_updates.len() as u32)
                .map(|u| Entry::Update(StatusUpdateId(u)))
                .collect(),
        ),
        Feed::Recommendations => newest(
            d,
            (0..d.recommendations.len() as u32)
                .map(|r| Entry::New(RecommendationId(r)))
                .collect(),
        ),
        Feed::Term(term) => {
            let recommendations = site.term_recommendations(term);
            let mut all: Vec<Entry> = Vec::new();
            for &r in recommendations {
                all.push(Entry::New(r));
                all.extend(
                    d.recommendations[r.index()]
                        .updates
                        .iter()
                        .map(|&u| Entry::Update(u)),
                );
            }
            if let Term::Institution(institution) = term {
                for &a in &d.institutions[institution.index()].actions {
                    all.extend(
                        d.actions[a.index()]
                            .updates
                            .iter()
                            .map(|&u| Entry::Update(u)),
                    );
                }
                all.extend(
                    d.status_updates
                        .iter()
                        .enumerate()
                        .filter(|(_, u)| u.institution == Some(institution))
                        .map(|(i, _)| Entry::Update(StatusUpdateId(i as u32))),
                );
            }
            newest(d, all)
        }
    }
}

fn rfc3339(date: NaiveDate) -> String {
    format!("{date}T00:00:00Z")
}

/// The page of an update's subject, and the subject's updates (for a stable entry id).
fn subject_of(
    site: &Site,
    lang: &str,
    update: &StatusUpdate,
) -> (String, String, Vec<StatusUpdateId>) {
    let d = site.data;
    let mut args = FluentArgs::new();
    match update.subject {
        Subject::Recommendation(r) => {
            let r = &d.recommendations[r.index()];
            args.set("id", r.key.id.clone());
            (
                urls::entry(lang, Section::Recommendations, &r.key.slug),
                site.i18n.message(lang, "recommendation-title", Some(&args)),
                r.updates.clone(),
            )
        }
        Subject::Action(a) => {
            let a = &d.actions[a.index()];
            args.set("id", a.key.id.clone());
            (
                urls::entry(lang, Section::Actions, &a.key.slug),
                site.i18n.message(lang, "action-label", Some(&args)),
                a.updates.clone(),
            )
        }
    }
}

/// `update-{id}` for an update with an id, else `update-{date}-{assessor}-{n}`, `n` counting
/// the subject's updates of that day by that assessor in file order.
pub fn update_fragment(d: &Dataset, id: StatusUpdateId, siblings: &[StatusUpdateId]) -> String {
    let u = &d.status_updates[id.index()];
    if let Some(own) = &u.id {
        return format!("update-{}", slugify(own));
    }
    let n = siblings
        .iter()
        .take_while(|&&s| s != id)
        .filter(|&&s| {
            let other = &d.status_updates[s.index()];
            other.date == u.date && other.assessor == u.assessor
        })
        .count()
        + 1;
    format!("update-{}-{}-{n}", u.date, u.assessor.id())
}

fn render_entry(site: &Site, lang: &str, entry: Entry, out: &mut String) {
    let d = site.data;
    out.push_str("<entry>\n");
    match entry {
        Entry::Update(id) => {
            let update = &d.status_updates[id.index()];
            let (path, subject, siblings) = subject_of(site, lang, update);
            let page = site.absolute(&path);
            let status = site.status_label(update.status, lang);
            let assessor =
                site.i18n
                    .message(lang, &format!("assessor-{}", update.assessor.id()), None);
            let mut args = FluentArgs::new();
            args.set("subject", subject);
            args.set("status", status.clone());
            args.set("assessor", assessor.clone());
            let title = site.i18n.message(lang, "feed-update-entry", Some(&args));
            let author = match (update.institution, &update.organisation) {
                (Some(i), _) => site.localize(&d.institutions[i.index()].name, lang).text,
                (None, Some(organisation)) => organisation.clone(),
                (None, None) => assessor,
            };
            out.push_str(&format!(
                "<id>{}#{}</id>\n<title>{}</title>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<published>{}</published>\n<updated>{}</updated>\n<author><name>{}</name></author>\n<category term=\"{}\" label=\"{}\"/>\n",
                escape(&page),
                escape(&update_fragment(d, id, &siblings)),
                escape(&title),
                escape(&page),
                rfc3339(update.date),
                rfc3339(update.date),
                escape(&author),
                escape(&d.config.statuses[update.status.index()].id),
                escape(&status),
            ));
            if let Subject::Recommendation(r) = update.subject {
                view_categories(site, lang, r, out);
            }
            if update.narrative.is_empty() {
                out.push_str(&format!("<summary>{}</summary>\n", escape(&status)));
            } else {
                let narrative = site.localize(&update.narrative, lang);
                let html = crate::site::to_safe_html(&narrative.text);
                out.push_str(&format!(
                    "<content type=\"html\" xml:lang=\"{}\">{}</content>\n",
                    escape(&narrative.lang),
                    escape(&html)
                ));
            }
        }
        Entry::New(id) => {
            let r = &d.recommendations[id.index()];
            let page = site.absolute(&urls::entry(lang, Section::Recommendations, &r.key.slug));
            let mut args = FluentArgs::new();
            args.set("id", r.key.id.clone());
            let title = site.i18n.message(lang, "recommendation-title", Some(&args));
            let mechanism = &d.mechanisms[r.mechanism.index()];
            let text = site.localize(&r.text, lang);
            out.push_str(&format!(
                "<id>{}</id>\n<title>{}</title>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<published>{}</published>\n<updated>{}</updated>\n<category term=\"{}\" label=\"{}\"/>\n<summary xml:lang=\"{}\">{}</summary>\n",
                escape(&page),
                escape(&title),
                escape(&page),
                rfc3339(r.date),
                rfc3339(r.date),
                escape(&mechanism.key.id),
                escape(&site.localize(&mechanism.name, lang).text),
                escape(&text.lang),
                escape(&crate::site::excerpt(&text.text, 600)),
            ));
            view_categories(site, lang, id, out);
        }
    }
    out.push_str("</entry>\n");
}

/// Every assessor's current view of the recommendation as categories (`nhri:implemented`,
/// labelled "NHRI: Implemented"), and `disputed` when they differ: the pages' view rule;
/// first the State under review (`state:PRY`) in a multi-State portal.
fn view_categories(site: &Site, lang: &str, id: RecommendationId, out: &mut String) {
    let d = site.data;
    let r = &d.recommendations[id.index()];
    // The State under review, where the portal has several (`state:PRY`, "Paraguay").
    if let Some(state) = r.state.filter(|_| d.is_multi_state()) {
        out.push_str(&format!(
            "<category term=\"state:{}\" label=\"{}\"/>\n",
            escape(&d.states[state.index()].key.id),
            escape(&site.state_name(state, lang).text)
        ));
    }
    for (who, effective) in r.effective.views() {
        let label = format!(
            "{}: {}",
            site.assessor_label(who, lang),
            site.status_label(effective.status, lang)
        );
        out.push_str(&format!(
            "<category term=\"{}:{}\" label=\"{}\"/>\n",
            who.id(),
            escape(&d.config.statuses[effective.status.index()].id),
            escape(&label)
        ));
    }
    if !r.effective.agree() {
        out.push_str(&format!(
            "<category term=\"disputed\" label=\"{}\"/>\n",
            escape(&site.i18n.message(lang, "disputed-title", None))
        ));
    }
}

/// The whole Atom document of one feed in one language.
fn render(site: &Site, lang: &str, feed: Feed, entries: &[Entry]) -> String {
    let d = site.data;
    let self_url = site.absolute(&feed_path(site, lang, feed));
    let page = match feed {
        Feed::Updates => urls::home(lang),
        Feed::Recommendations => urls::section(lang, Section::Recommendations),
        Feed::Term(term) => site.term_path(lang, term),
    };
    let updated = entries.iter().map(|e| e.date(d)).max().unwrap_or(d.as_of);
    let mut out = String::with_capacity(4096 + entries.len() * 1024);
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n<id>{}</id>\n<title>{}</title>\n<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<updated>{}</updated>\n<author><name>{}</name><uri>{}</uri></author>\n<generator>Docket</generator>\n",
        escape(lang),
        escape(&self_url),
        escape(&feed_title(site, lang, feed)),
        escape(&self_url),
        escape(&site.absolute(&page)),
        rfc3339(updated),
        escape(&site.site_title(lang)),
        escape(&site.absolute("")),
    ));
    for &entry in entries {
        render_entry(site, lang, entry, &mut out);
    }
    out.push_str("</feed>\n");
    out
}

/// Every feed a portal publishes.
pub fn all_feeds(site: &Site) -> Vec<Feed> {
    let mut feeds = vec![Feed::Updates, Feed::Recommendations];
    for section in FEED_SECTIONS {
        feeds.extend(site.terms(section).into_iter().map(Feed::Term));
    }
    feeds
}

/// Writes every feed in every language; with `unchanged` (the dev server), leaves out the
/// feeds it shows did not change, and names them as kept.
pub fn write(site: &Site, out_dir: &Path, unchanged: Option<&dyn Unchanged>) -> Result<Emitted> {
    let languages: Vec<&str> = site.language_codes().collect();
    for lang in &languages {
        let dir = out_dir.join(format!("{lang}/feeds"));
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        // A section without terms (no States under review in a single-State portal) gets no
        // folder.
        for &section in FEED_SECTIONS.iter().filter(|&&s| !site.terms(s).is_empty()) {
            let dir = out_dir.join(format!("{lang}/feeds/{}", section.segment()));
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
        }
    }
    let feeds = all_feeds(site);
    let written: Vec<Emitted> = feeds
        .par_iter()
        .map(|&feed| -> Result<Emitted> {
            let mut emitted = Emitted::default();
            if unchanged.is_some_and(|u| is_unchanged(site, feed, u)) {
                emitted.kept = languages.iter().map(|l| feed_path(site, l, feed)).collect();
                return Ok(emitted);
            }
            let entries = entries(site, feed);
            for lang in &languages {
                let path = feed_path(site, lang, feed);
                let xml = render(site, lang, feed, &entries);
                emitted.files += 1;
                emitted.bytes += xml.len() as u64;
                std::fs::write(out_dir.join(&path), xml)
                    .with_context(|| format!("cannot write {path}"))?;
            }
            Ok(emitted)
        })
        .collect::<Result<_>>()?;
    let mut all = Emitted::default();
    for mut emitted in written {
        all.files += emitted.files;
        all.bytes += emitted.bytes;
        all.kept.append(&mut emitted.kept);
    }
    Ok(all)
}

/// A term's feed shows its recommendations and their updates (an institution's also the
/// updates it gave on others and on its actions: always written again). The portal's feeds
/// list the newest of every row: always written again.
fn is_unchanged(site: &Site, feed: Feed, unchanged: &dyn Unchanged) -> bool {
    match feed {
        Feed::Term(Term::Institution(_)) | Feed::Updates | Feed::Recommendations => false,
        Feed::Term(term) => unchanged.term(site, term),
    }
}

//! Facets of the search index: for every facet value, the entries that carry it, exactly as
//! the browse pages list them.

use std::collections::{BTreeMap, BTreeSet};

use super::index::{Entry, EntryKind, Facet, FacetValue};
use crate::model::*;
pub use crate::site::search_page::FACETS;
use crate::site::{Localized, Site, Term, excerpt};

/// A value before it becomes a [`FacetValue`]: key, label, label's language, entries.
type Value = (String, String, String, BTreeSet<u32>);

/// The facets of the index of `lang`, in [`FACETS`] order.
pub(super) fn facets(site: &Site, lang: &str, entries: &[Entry]) -> Vec<Facet> {
    let b = Builder {
        site,
        lang,
        d: site.data,
        n: entries.len(),
    };
    let out = vec![
        b.facet("type", b.types(entries)),
        b.facet("mechanism", b.mechanisms()),
        b.facet("document", b.documents()),
        b.facet("state", b.states_under_review()),
        b.facet("recommending", b.recommending_states()),
        b.facet("status", b.statuses()),
        b.facet("disputed", b.disputed()),
        b.facet("response", b.responses()),
        b.facet("theme", b.themes()),
        b.facet("group", b.groups()),
        b.facet("sdg", b.sdg_targets()),
        b.facet("institution", b.institutions()),
        b.facet("year", years(entries)),
    ];
    debug_assert_eq!(
        out.iter().map(|f| f.name).collect::<Vec<_>>(),
        FACETS.to_vec()
    );
    out
}

struct Builder<'a> {
    site: &'a Site<'a>,
    lang: &'a str,
    d: &'a Dataset,
    /// Entries in the index.
    n: usize,
}

impl Builder<'_> {
    fn action_entry(&self, a: usize) -> u32 {
        (self.d.recommendations.len() + a) as u32
    }

    fn document_entry(&self, doc: usize) -> u32 {
        (self.d.recommendations.len() + self.d.actions.len() + doc) as u32
    }

    /// A label and, when it falls back to another language, that language.
    fn label(&self, text: Localized) -> (String, String) {
        let lang = if text.fallback {
            text.lang.clone()
        } else {
            String::new()
        };
        (text.text, lang)
    }

    fn message(&self, key: &str) -> String {
        self.site.i18n.message(self.lang, key, None)
    }

    /// A facet over terms: each term's recommendations (as its page lists them), plus the
    /// entries `extra` adds for the value.
    fn term_values(
        &self,
        terms: Vec<(Term, String, (String, String))>,
        extra: &dyn Fn(usize) -> Vec<u32>,
    ) -> Vec<Value> {
        terms
            .into_iter()
            .enumerate()
            .map(|(i, (term, key, (label, label_lang)))| {
                let mut set: BTreeSet<u32> = self
                    .site
                    .term_recommendations(term)
                    .iter()
                    .map(|r| r.0)
                    .collect();
                set.extend(extra(i));
                (key, label, label_lang, set)
            })
            .collect()
    }

    /// Per value, the actions that address a recommendation with it (`of_rec`): what an
    /// action inherits.
    fn inherited(
        &self,
        of_rec: &dyn Fn(&Recommendation) -> Vec<usize>,
        count: usize,
    ) -> Vec<Vec<u32>> {
        let mut by_value: Vec<Vec<u32>> = vec![Vec::new(); count];
        for (a, action) in self.d.actions.iter().enumerate() {
            let mut values: BTreeSet<usize> = BTreeSet::new();
            for r in &action.recommendations {
                values.extend(of_rec(&self.d.recommendations[r.index()]));
            }
            for v in values {
                by_value[v].push(self.action_entry(a));
            }
        }
        by_value
    }

    fn facet(&self, name: &'static str, values: Vec<Value>) -> Facet {
        facet_from_sets(name, self.n, values)
    }

    fn types(&self, entries: &[Entry]) -> Vec<Value> {
        let mut sets = vec![BTreeSet::new(), BTreeSet::new(), BTreeSet::new()];
        for (i, entry) in entries.iter().enumerate() {
            sets[entry.kind as usize].insert(i as u32);
        }
        EntryKind::ALL
            .iter()
            .zip(sets)
            .map(|(kind, set)| {
                let label = self.message(&format!("search-type-{}", kind.key()));
                (kind.key().to_string(), label, String::new(), set)
            })
            .collect()
    }

    fn mechanisms(&self) -> Vec<Value> {
        let d = self.d;
        let by_mechanism = self.inherited(&|r| vec![r.mechanism.index()], d.mechanisms.len());
        let terms = (0..d.mechanisms.len())
            .map(|m| {
                let mechanism = &d.mechanisms[m];
                let (mut label, label_lang) =
                    self.label(self.site.localize(&mechanism.name, self.lang));
                if let Some(acronym) = &mechanism.acronym {
                    if *acronym != label {
                        label = format!("{acronym}: {label}");
                    }
                }
                let term = Term::Mechanism(MechanismId(m as u32));
                (term, mechanism.key.id.clone(), (label, label_lang))
            })
            .collect();
        self.term_values(terms, &|m| {
            let documents = d.mechanisms[m].documents.iter();
            let mut extra = by_mechanism[m].clone();
            extra.extend(documents.map(|doc| self.document_entry(doc.index())));
            extra
        })
    }

    fn documents(&self) -> Vec<Value> {
        let d = self.d;
        let by_document = self.inherited(&|r| vec![r.document.index()], d.documents.len());
        let terms = (0..d.documents.len())
            .map(|doc| {
                let document = &d.documents[doc];
                let label = (document.symbol.clone(), String::new());
                (
                    Term::Document(DocumentId(doc as u32)),
                    document.key.id.clone(),
                    label,
                )
            })
            .collect();
        self.term_values(terms, &|doc| {
            let mut extra = by_document[doc].clone();
            extra.push(self.document_entry(doc));
            extra
        })
    }

    /// The State under review: recommendations and documents by their State, actions by
    /// what they address. Only in a multi-State portal (else no values: no facet shown).
    fn states_under_review(&self) -> Vec<Value> {
        let d = self.d;
        if !d.is_multi_state() {
            return Vec::new();
        }
        let mut sets: Vec<BTreeSet<u32>> = vec![BTreeSet::new(); d.states.len()];
        for (i, r) in d.recommendations.iter().enumerate() {
            if let Some(s) = r.state {
                sets[s.index()].insert(i as u32);
            }
        }
        for (doc, document) in d.documents.iter().enumerate() {
            if let Some(s) = document.state {
                sets[s.index()].insert(self.document_entry(doc));
            }
        }
        let of_rec = |r: &Recommendation| r.state.map(|s| s.index()).into_iter().collect();
        for (s, actions) in self
            .inherited(&of_rec, d.states.len())
            .into_iter()
            .enumerate()
        {
            sets[s].extend(actions);
        }
        self.state_values(sets)
    }

    /// The recommending States: each with the recommendations it made (alone or jointly) and
    /// the actions that address them.
    fn recommending_states(&self) -> Vec<Value> {
        let d = self.d;
        let mut sets: Vec<BTreeSet<u32>> = vec![BTreeSet::new(); d.states.len()];
        for (i, r) in d.recommendations.iter().enumerate() {
            for s in &r.recommending_states {
                sets[s.index()].insert(i as u32);
            }
        }
        let of_rec = |r: &Recommendation| r.recommending_states.iter().map(|s| s.index()).collect();
        for (s, actions) in self
            .inherited(&of_rec, d.states.len())
            .into_iter()
            .enumerate()
        {
            sets[s].extend(actions);
        }
        self.state_values(sets)
    }

    /// Values keyed by State id, labelled with the State's name in the index's language.
    fn state_values(&self, sets: Vec<BTreeSet<u32>>) -> Vec<Value> {
        sets.into_iter()
            .enumerate()
            .map(|(s, set)| {
                let (name_lang, name) = self.d.state_name(StateId(s as u32), self.lang);
                let label_lang = if name_lang == self.lang {
                    ""
                } else {
                    name_lang
                };
                let key = self.d.states[s].key.id.clone();
                (key, name.to_string(), label_lang.to_string(), set)
            })
            .collect()
    }

    /// Recommendations by the status pages' rule, actions by their government status.
    fn statuses(&self) -> Vec<Value> {
        let d = self.d;
        let mut by_status: Vec<Vec<u32>> = vec![Vec::new(); d.config.statuses.len()];
        for (a, action) in d.actions.iter().enumerate() {
            if let Some(u) = action.assessments.government {
                by_status[d.status_updates[u.index()].status.index()].push(self.action_entry(a));
            }
        }
        let terms = (0..d.config.statuses.len())
            .map(|s| {
                let id = StatusId(s as u32);
                let label = (self.site.status_label(id, self.lang), String::new());
                (Term::Status(id), d.config.statuses[s].id.clone(), label)
            })
            .collect();
        self.term_values(terms, &|s| by_status[s].clone())
    }

    /// Recommendations whose assessors' current views differ (the disputed pages' rule).
    fn disputed(&self) -> Vec<Value> {
        let recommendations = &self.d.recommendations;
        let disputed: BTreeSet<u32> = (0..recommendations.len() as u32)
            .filter(|&r| !recommendations[r as usize].effective.agree())
            .collect();
        let label = self.message("search-disputed-yes");
        vec![("yes".to_string(), label, String::new(), disputed)]
    }

    fn responses(&self) -> Vec<Value> {
        let mut sets: Vec<BTreeSet<u32>> = vec![BTreeSet::new(); Response::ALL.len()];
        for (i, r) in self.d.recommendations.iter().enumerate() {
            let position = Response::ALL
                .iter()
                .position(|(_, x)| *x == r.response)
                .unwrap_or(Response::ALL.len() - 1);
            sets[position].insert(i as u32);
        }
        Response::ALL
            .iter()
            .zip(sets)
            .map(|((id, _), set)| {
                let label = self.message(&format!("response-{id}"));
                (id.to_string(), label, String::new(), set)
            })
            .collect()
    }

    fn themes(&self) -> Vec<Value> {
        let d = self.d;
        let by_theme = self.inherited(
            &|r| r.themes.iter().map(|t| t.index()).collect(),
            d.themes.len(),
        );
        let terms = (0..d.themes.len())
            .map(|t| {
                let label = self.label(self.site.localize(&d.themes[t].name, self.lang));
                (
                    Term::Theme(ThemeId(t as u32)),
                    d.themes[t].key.id.clone(),
                    label,
                )
            })
            .collect();
        self.term_values(terms, &|t| by_theme[t].clone())
    }

    fn groups(&self) -> Vec<Value> {
        let d = self.d;
        let by_group = self.inherited(
            &|r| r.groups.iter().map(|g| g.index()).collect(),
            d.groups.len(),
        );
        let terms = (0..d.groups.len())
            .map(|g| {
                let label = self.label(self.site.localize(&d.groups[g].name, self.lang));
                (
                    Term::Group(GroupId(g as u32)),
                    d.groups[g].key.id.clone(),
                    label,
                )
            })
            .collect();
        self.term_values(terms, &|g| by_group[g].clone())
    }

    fn sdg_targets(&self) -> Vec<Value> {
        let d = self.d;
        let by_target = self.inherited(
            &|r| r.sdg_targets.iter().map(|t| t.index()).collect(),
            d.sdg_targets.len(),
        );
        let terms = (0..d.sdg_targets.len())
            .map(|t| {
                let target = &d.sdg_targets[t];
                let (text, label_lang) = self.label(self.site.localize(&target.text, self.lang));
                let label = format!("{}: {}", target.key.id, excerpt(&text, 60));
                let term = Term::SdgTarget(SdgTargetId(t as u32));
                (term, target.key.id.clone(), (label, label_lang))
            })
            .collect();
        self.term_values(terms, &|t| by_target[t].clone())
    }

    fn institutions(&self) -> Vec<Value> {
        let d = self.d;
        let terms = (0..d.institutions.len())
            .map(|i| {
                let institution = &d.institutions[i];
                let label = self.label(self.site.localize(&institution.name, self.lang));
                let term = Term::Institution(InstitutionId(i as u32));
                (term, institution.key.id.clone(), label)
            })
            .collect();
        self.term_values(terms, &|i| {
            let actions = d.institutions[i].actions.iter();
            actions.map(|a| self.action_entry(a.index())).collect()
        })
    }
}

/// Years, newest first.
fn years(entries: &[Entry]) -> Vec<Value> {
    let mut years: BTreeMap<std::cmp::Reverse<String>, BTreeSet<u32>> = BTreeMap::new();
    for (i, entry) in entries.iter().enumerate() {
        if entry.date.len() >= 4 {
            years
                .entry(std::cmp::Reverse(entry.date[..4].to_string()))
                .or_default()
                .insert(i as u32);
        }
    }
    years
        .into_iter()
        .map(|(std::cmp::Reverse(year), set)| (year.clone(), year, String::new(), set))
        .collect()
}
/// A facet from (key, label, label language, entries) per value; values without entries
/// are left out.
fn facet_from_sets(
    name: &'static str,
    entries: usize,
    values: Vec<(String, String, String, BTreeSet<u32>)>,
) -> Facet {
    let mut facet = Facet {
        name,
        values: Vec::new(),
        of_entry: vec![Vec::new(); entries],
    };
    for (key, label, label_lang, set) in values {
        if set.is_empty() {
            continue;
        }
        let value = facet.values.len() as u32;
        for &entry in &set {
            facet.of_entry[entry as usize].push(value);
        }
        facet.values.push(FacetValue {
            key,
            label,
            label_lang,
            count: set.len() as u32,
        });
    }
    facet
}

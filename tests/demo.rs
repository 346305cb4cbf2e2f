//! The demo portal in this repository: valid, complete, and as rich as the foundation promises.

mod common;

use common::*;

fn demo() -> docket::Portal {
    docket::load_portal(&repo_root(), None).expect("the demo portal is valid")
}

#[test]
fn the_demo_portal_has_the_promised_breadth() {
    let data = demo().dataset;
    assert!(data.recommendations.len() >= 150);
    let mechanisms_with_recommendations = data
        .mechanisms
        .iter()
        .filter(|m| !m.recommendations.is_empty())
        .count();
    assert!(mechanisms_with_recommendations >= 8);
    let upr_cycles: std::collections::BTreeSet<u32> = data
        .documents
        .iter()
        .filter(|d| !d.recommendations.is_empty())
        .filter_map(|d| d.cycle)
        .collect();
    assert!(upr_cycles.len() >= 2, "two UPR cycles: {upr_cycles:?}");
    let treaty_bodies = data
        .mechanisms
        .iter()
        .filter(|m| m.kind == docket::MechanismKind::TreatyBody && !m.recommendations.is_empty())
        .count();
    assert!(treaty_bodies >= 5);
    for kind in [
        docket::MechanismKind::SpecialProcedure,
        docket::MechanismKind::Regional,
        docket::MechanismKind::National,
    ] {
        assert!(
            data.mechanisms
                .iter()
                .any(|m| m.kind == kind && !m.recommendations.is_empty()),
            "{kind:?}"
        );
    }
    assert!(data.institutions.len() >= 12);
    assert!(data.themes.len() >= 15);
    assert!(data.actions.len() >= 30);
    assert!(data.status_updates.len() >= 100);
    let disagreements = data
        .recommendations
        .iter()
        .filter(|r| matches!((r.effective.government, r.effective.nhri), (Some(g), Some(n)) if g.status != n.status))
        .count();
    assert!(
        disagreements >= 5,
        "only {disagreements} recommendations where the NHRI disagrees"
    );
    for lang in ["fr", "es", "ar"] {
        let missing = data
            .recommendations
            .iter()
            .filter(|r| !r.text.0.contains_key(lang))
            .count();
        assert!(
            missing > 0 && missing < data.recommendations.len() / 3,
            "{lang}: {missing} missing translations"
        );
    }
}

#[test]
fn the_demo_builds_every_recommendation_in_every_language_with_working_links() {
    let out = tempfile::tempdir().unwrap();
    let summary = build(&repo_root(), &out.path().join("site")).expect("the demo builds");
    let tree = read_tree(&out.path().join("site"));
    let data = demo().dataset;
    for lang in ["en", "fr", "es", "ar"] {
        assert!(summary.stats.pages_per_language[lang] > 300);
        for r in &data.recommendations {
            assert!(
                tree.contains_key(&format!("{lang}/recommendations/{}/index.html", r.key.slug)),
                "{lang} {}",
                r.key.id
            );
        }
    }
    let checked = assert_internal_links_resolve(&tree);
    assert!(checked > 50_000, "only {checked} links");
}

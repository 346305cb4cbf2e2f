//! A recommendation may link to SDG goals as a whole as well as to targets; a goal's page
//! lists (and counts once) every recommendation linked either way.

mod common;

#[test]
fn goal_pages_count_recommendations_linked_to_the_goal_or_its_targets() {
    let portal = common::fixture("minimal");
    let root = portal.path();
    let path = root.join("data/recommendations.csv");
    let table = std::fs::read_to_string(&path).expect("table");
    let mut lines: Vec<String> = table.lines().map(str::to_string).collect();
    lines[0].push_str(",sdg_goals");
    for line in &mut lines[1..] {
        // UPR4-118.1 already reaches goal 16 through target 16.3; UPR4-118.2 only directly.
        let goals = if line.starts_with("UPR4-118.1,") || line.starts_with("UPR4-118.2,") {
            "16"
        } else {
            ""
        };
        line.push(',');
        line.push_str(goals);
    }
    std::fs::write(&path, lines.join("\n") + "\n").expect("write");

    let data = docket::load_portal(root, None).expect("loads").dataset;
    let goal = data.sdg_goals.iter().find(|g| g.key.id == "16").unwrap();
    let linked: Vec<&str> = goal
        .recommendations
        .iter()
        .map(|r| data.recommendations[r.index()].key.id.as_str())
        .collect();
    // CAT-CO2-14 reaches it through a target too.
    assert_eq!(
        linked,
        ["UPR4-118.1", "UPR4-118.2", "CAT-CO2-14"],
        "each once"
    );

    let out = tempfile::tempdir().expect("out");
    common::build(root, out.path()).expect("builds");
    let page = std::fs::read_to_string(out.path().join("en/sdg/16/index.html")).expect("goal");
    assert!(
        page.contains("UPR4-118.1") && page.contains("UPR4-118.2"),
        "{page}"
    );
    let rec = std::fs::read_to_string(out.path().join("en/recommendations/upr4-118-2/index.html"))
        .expect("recommendation page");
    assert!(rec.contains("SDG goals"), "the page names its goals");
    assert!(rec.contains("sdg/16/"), "and links the goal page");
}

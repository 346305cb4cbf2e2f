//! The columns every table accepts: the data contract of docs/data.md, in code.

use super::super::sheet::Schema;

pub(super) const STATES: Schema = Schema {
    columns: &[("id", true), ("group", false), ("aliases", false)],
    translated: &[("name", false)],
};
pub(super) const MECHANISMS: Schema = Schema {
    columns: &[
        ("id", true),
        ("kind", true),
        ("acronym", false),
        ("url", false),
        ("aliases", false),
    ],
    translated: &[("name", true)],
};
pub(super) const DOCUMENTS: Schema = Schema {
    columns: &[
        ("id", true),
        ("symbol", true),
        ("mechanism", true),
        ("date", true),
        ("cycle", false),
        ("session", false),
        ("state", false),
        ("url", false),
        ("aliases", false),
    ],
    translated: &[("title", false)],
};
pub(super) const RECOMMENDATIONS: Schema = Schema {
    columns: &[
        ("id", true),
        ("document", true),
        ("paragraph", false),
        ("date", false),
        ("response", false),
        ("state", false),
        ("recommending_states", false),
        ("themes", false),
        ("groups", false),
        ("sdg_targets", false),
        ("sdg_goals", false),
        ("position_source", false),
        ("lead_institution", false),
        ("partner_institutions", false),
        ("cluster", false),
        ("aliases", false),
        ("source_id", false),
        ("follow_up_due", false),
    ],
    translated: &[("text", true)],
};
pub(super) const INSTITUTIONS: Schema = Schema {
    columns: &[
        ("id", true),
        ("kind", true),
        ("acronym", false),
        ("url", false),
        ("aliases", false),
    ],
    translated: &[("name", true)],
};
pub(super) const THEMES: Schema = Schema {
    columns: &[("id", true), ("parent", false), ("aliases", false)],
    translated: &[("name", true)],
};
pub(super) const GROUPS: Schema = Schema {
    columns: &[("id", true), ("aliases", false)],
    translated: &[("name", true)],
};
pub(super) const SDG_GOALS: Schema = Schema {
    columns: &[("id", true), ("aliases", false)],
    translated: &[("name", true)],
};
pub(super) const SDG_TARGETS: Schema = Schema {
    columns: &[("id", true), ("goal", true), ("aliases", false)],
    translated: &[("text", true)],
};
pub(super) const CLUSTERS: Schema = Schema {
    columns: &[("id", true), ("aliases", false)],
    translated: &[("name", true), ("description", false)],
};
pub(super) const ACTIONS: Schema = Schema {
    columns: &[
        ("id", true),
        ("recommendations", false),
        ("lead_institution", false),
        ("partner_institutions", false),
        ("start_date", false),
        ("due_date", false),
        ("aliases", false),
        ("submitted_by", false),
        ("submitted_on", false),
    ],
    translated: &[("title", true), ("description", false)],
};
pub(super) const STATUS_UPDATES: Schema = Schema {
    columns: &[
        ("id", false),
        ("date", true),
        ("recommendation", false),
        ("action", false),
        ("status", true),
        ("assessor", true),
        ("institution", false),
        ("organisation", false),
        ("evidence", false),
        ("submitted_by", false),
        ("submitted_on", false),
    ],
    translated: &[("narrative", false)],
};
pub(super) const INDICATORS: Schema = Schema {
    columns: &[
        ("id", true),
        ("kind", true),
        ("unit", false),
        ("baseline", false),
        ("baseline_date", false),
        ("target", false),
        ("target_date", false),
        ("recommendations", false),
        ("actions", false),
        ("aliases", false),
    ],
    translated: &[("name", true)],
};
pub(super) const MEASUREMENTS: Schema = Schema {
    columns: &[
        ("indicator", true),
        ("date", true),
        ("value", true),
        ("source", false),
    ],
    translated: &[("note", false)],
};
pub(super) const REPORTING_CALENDAR: Schema = Schema {
    columns: &[
        ("id", true),
        ("mechanism", true),
        ("due_date", true),
        ("submitted_date", false),
        ("document", false),
    ],
    translated: &[("title", true)],
};

/// Section names that content pages may not use, since generated pages live there.
pub const RESERVED_SECTIONS: &[&str] = &[
    "recommendations",
    "mechanisms",
    "documents",
    "institutions",
    "themes",
    "groups",
    "sdg",
    "clusters",
    "actions",
    "indicators",
    "statuses",
    "search",
    "data",
    "api",
    "static",
    "feeds",
    "overdue",
    "reporting",
    "scorecards",
    "changes",
    "states",
    "recommending-states",
];

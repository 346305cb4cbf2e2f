//! What a reader gives the merge: one recommendation and its references by name.

use chrono::NaiveDate;

/// One recommendation read from a source, with its references by name.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The export file and the row (line, sheet row or JSON record number) it came from.
    pub file: String,
    pub line: u64,
    /// Stable key of the record in its source, kept in `source_id`.
    pub source_id: String,
    /// Ids to give a new row, the first one free wins.
    pub id_candidates: Vec<String>,
    pub mechanism: MechanismRef,
    pub document: DocumentRef,
    pub paragraph: Option<String>,
    /// The text in each language the source gives, as (language code, text); the import's
    /// language first.
    pub texts: Vec<(String, String)>,
    /// `None` when the source says nothing about the response.
    pub response: Option<&'static str>,
    pub recommending_states: Vec<String>,
    pub themes: Vec<String>,
    pub groups: Vec<String>,
    pub sdg_targets: Vec<SdgRef>,
    /// SDG goals linked as a whole, by number (`16`).
    pub sdg_goals: Vec<String>,
    /// Where the State gave its position (`A/HRC/52/8/Add.1 - Para.3`).
    pub position_source: Option<String>,
    /// The name of the cluster the source groups it in (the UPR matrix's `Theme:` rows).
    pub cluster: Option<String>,
    /// The State's own assessment of its implementation, as a status update.
    pub assessment: Option<AssessmentRef>,
    /// The State it concerns and the source rows behind it.
    pub origin: Origin,
}

/// The State a record concerns and how many source rows it stands for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Origin {
    /// The State under review (or country concerned) as the source names it.
    pub state: Option<String>,
    /// Its id in the portal's States table, when the reader resolved it (written to `state`
    /// in an import about several States).
    pub state_id: Option<String>,
    /// Rows of other recommending States merged into this one (a joint recommendation).
    pub joint_rows: usize,
    /// Rows that repeated this record exactly (the same recommending State) and were merged.
    pub repeated_rows: usize,
    /// Keys an earlier version of the importer gave to the rows merged into this record: a
    /// row imported under one of them is this record.
    pub earlier_source_ids: Vec<String>,
}

/// A government status update a source gives with the recommendation.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentRef {
    pub date: NaiveDate,
    /// A status id of config.toml.
    pub status: String,
    pub narrative: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MechanismRef {
    /// Id for a new row.
    pub id: String,
    pub kind: &'static str,
    pub acronym: Option<String>,
    pub name: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DocumentRef {
    /// Id for a new row.
    pub id: String,
    pub symbol: String,
    pub date: Option<NaiveDate>,
    pub cycle: Option<u32>,
    pub session: Option<String>,
    pub title: Option<String>,
    /// Also match an existing document of the same mechanism and session (UPR Info exports
    /// name no document, only the session).
    pub by_session: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SdgRef {
    /// `16.2`
    pub target: String,
    /// `16`
    pub goal: String,
    pub text: Option<String>,
}

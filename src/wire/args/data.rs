//! A connection's pulled data.

use serde::{Deserialize, Serialize};
use serde_with::{serde_as, DisplayFromStr, NoneAsEmptyString};

use super::ConnectionRef;
use crate::domain::data_tables::SortDir;

/// A page of one record kind's table: `kind` and `sort` are checked against the kinds the
/// connection's source describes, so they stay text here.
#[serde_as]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordsArgs {
    #[serde(flatten)]
    pub connection: ConnectionRef,
    pub kind: String,
    #[serde(default)]
    pub sort: String,
    #[serde_as(as = "NoneAsEmptyString")]
    #[serde(default)]
    pub dir: Option<SortDir>,
    #[serde(default)]
    pub filter: String,
    #[serde_as(as = "DisplayFromStr")]
    #[serde(default)]
    pub page: i64,
}

//! A connection's Overview.

use serde::{Deserialize, Serialize};
use serde_with::{serde_as, NoneAsEmptyString};

use super::ConnectionRef;

/// The Overview, with the response times of `monitor` (a monitor id; the first monitor with
/// response times when none is chosen).
#[serde_as]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverviewArgs {
    #[serde(flatten)]
    pub connection: ConnectionRef,
    #[serde_as(as = "NoneAsEmptyString")]
    #[serde(default)]
    pub monitor: Option<i64>,
}

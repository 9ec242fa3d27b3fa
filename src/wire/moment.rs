//! Times as every page shows them.

use serde::{Deserialize, Serialize};

/// A point in time as every page shows it: UTC in one format, how long ago, and the exact
/// value for `<time datetime>`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Moment {
    /// RFC 3339, for `datetime`.
    pub datetime: String,
    /// `2026-12-01 10:55 UTC`.
    pub utc: String,
    /// `3 h ago`.
    pub ago: String,
}

use serde::{Deserialize, Serialize};

/// What the last check of a credential's token said. Stored as `verified`, `unverified` or
/// `rejected`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", derive(sqlx::Type), sqlx(rename_all = "lowercase"))]
pub enum CheckStatus {
    Verified,
    Unverified,
    Rejected,
}

impl CheckStatus {
    /// The stable name used in the database and the log.
    pub fn as_str(self) -> &'static str {
        match self {
            CheckStatus::Verified => "verified",
            CheckStatus::Unverified => "unverified",
            CheckStatus::Rejected => "rejected",
        }
    }

    /// The words a tile shows.
    pub fn label(self) -> &'static str {
        match self {
            CheckStatus::Verified => "Verified",
            CheckStatus::Unverified => "Not checked",
            CheckStatus::Rejected => "Failing — token rejected",
        }
    }
}

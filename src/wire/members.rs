//! What the Members page receives: people, their roles, open invites.

use serde::{Deserialize, Serialize};

use crate::{domain::Role, wire::moment::Moment};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MembersOverview {
    pub members: Vec<MemberInfo>,
    pub invites: Vec<PendingInvite>,
    pub teams: Vec<TeamRef>,
    /// An invite just created by a form posted without JavaScript: shown once, then gone.
    pub fresh_invite: Option<CreatedInvite>,
    pub viewer_id: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MemberInfo {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub teams: Vec<String>,
    pub joined: Moment,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PendingInvite {
    pub id: i64,
    pub email: String,
    pub role: Role,
    pub invited_by: String,
    pub expires: Moment,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TeamRef {
    pub id: i64,
    pub name: String,
}

/// The one-time link for a new invite. It is shown once, to the Admin who created it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CreatedInvite {
    pub email: String,
    pub link: String,
    pub expires: Moment,
}

//! What someone following an invite link sees before joining.

use serde::{Deserialize, Serialize};

use crate::domain::Role;

/// What an invite offers, shown before the invitee chooses a password.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InviteDetails {
    pub email: String,
    pub role: Role,
    pub workspace_name: String,
    pub teams: Vec<String>,
}

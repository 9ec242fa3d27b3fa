//! What the API Keys page receives.

use serde::{Deserialize, Serialize};

use crate::{domain::api_keys::KeyScope, wire::moment::Moment};

/// A key as the list shows it: never the key itself, only its first characters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApiKeyInfo {
    pub id: i64,
    pub name: String,
    pub scope: KeyScope,
    /// `pb_` and the key's next characters.
    pub prefix: String,
    pub owner: String,
    pub created: Moment,
    pub last_used: Option<Moment>,
    pub expires: Option<Moment>,
    pub expired: bool,
}

/// A key just made: the only time the key itself is shown. Its `Debug` leaves the key out.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct CreatedApiKey {
    pub name: String,
    pub scope: KeyScope,
    pub key: String,
    pub expires: Option<Moment>,
}

impl std::fmt::Debug for CreatedApiKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreatedApiKey")
            .field("name", &self.name)
            .field("scope", &self.scope)
            .field("key", &"redacted")
            .finish()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApiKeysOverview {
    /// The viewer's keys, or everyone's for an Admin; newest first.
    pub keys: Vec<ApiKeyInfo>,
    /// Whether `keys` holds other people's keys too (an Admin's view).
    pub everyones: bool,
    /// A key the viewer made by a form post just before this page, shown this once.
    pub created: Option<CreatedApiKey>,
}

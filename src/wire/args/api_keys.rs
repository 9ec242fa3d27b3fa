//! Settings → API Keys.

use serde::{Deserialize, Serialize};
use serde_with::{serde_as, DisplayFromStr, NoneAsEmptyString};

use crate::domain::api_keys::KeyScope;

/// **Name**, **Scope** and when the key expires (`never`, or a number of days).
#[serde_as]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewApiKeyArgs {
    #[serde(default)]
    pub name: String,
    #[serde_as(as = "NoneAsEmptyString")]
    #[serde(default)]
    pub scope: Option<KeyScope>,
    #[serde(default)]
    pub expires: String,
}

#[serde_as]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevokeApiKeyArgs {
    #[serde_as(as = "DisplayFromStr")]
    pub key_id: i64,
}

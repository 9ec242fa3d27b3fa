//! Who is signed in, as the pages see it.

use serde::{Deserialize, Serialize};

use crate::domain::Role;

/// The signed-in person, as the page may know them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Viewer {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub workspace_name: String,
}

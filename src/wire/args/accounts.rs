//! Signing in, setting up the workspace, joining by invite and resetting a password. Their
//! `Debug` names the struct and nothing else: they hold passwords and one-time link tokens.

use serde::{Deserialize, Serialize};

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewWorkspaceArgs {
    pub workspace_name: String,
    pub name: String,
    pub email: String,
    pub password: String,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInArgs {
    pub email: String,
    pub password: String,
    /// Where to go after signing in (a path on this site).
    #[serde(default)]
    pub next: String,
}

/// An invite's or a reset link's token, from its URL.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkArgs {
    pub token: String,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcceptInviteArgs {
    pub token: String,
    pub name: String,
    pub password: String,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResetPasswordArgs {
    pub token: String,
    pub password: String,
}

/// Server functions need `Debug` on their arguments; these show none of their fields.
macro_rules! debug_without_fields {
    ($($name:ident),*) => {
        $(impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($name)).finish_non_exhaustive()
            }
        })*
    };
}

debug_without_fields!(
    NewWorkspaceArgs,
    SignInArgs,
    LinkArgs,
    AcceptInviteArgs,
    ResetPasswordArgs
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_shows_no_password_and_no_link_token() {
        let args = AcceptInviteArgs {
            token: "link-secret".into(),
            name: "Ada".into(),
            password: "hunter2hunter2".into(),
        };
        let shown = format!("{args:?}");
        assert!(
            !shown.contains("link-secret") && !shown.contains("hunter2"),
            "{shown}"
        );
    }
}

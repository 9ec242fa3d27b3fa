//! A connection's History: what happened, by whom, when. Never a secret: tokens appear only
//! as fingerprints.

use serde::{Deserialize, Serialize};
use sqlx::SqliteExecutor;

use crate::{
    api::connection_changes::HistoryEntry,
    error::AppError,
    server::{clock, repo::history},
};

/// Something that happened to a connection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    Created {
        name: String,
        privacy: String,
    },
    Renamed {
        from: String,
        to: String,
    },
    TokenSwapped {
        from: String,
        to: String,
        checked: bool,
        new_credential: bool,
    },
    PrivacyChanged {
        from: String,
        to: String,
    },
    Checked {
        result: String,
    },
    Deleted {
        name: String,
    },
    /// Someone who may only see the connection tried to change it.
    Denied {
        action: String,
    },
}

impl Event {
    fn kind(&self) -> &'static str {
        match self {
            Event::Created { .. } => "created",
            Event::Renamed { .. } => "renamed",
            Event::TokenSwapped { .. } => "token_swapped",
            Event::PrivacyChanged { .. } => "privacy_changed",
            Event::Checked { .. } => "checked",
            Event::Deleted { .. } => "deleted",
            Event::Denied { .. } => "denied",
        }
    }

    /// The entry as people read it.
    pub fn describe(&self) -> String {
        match self {
            Event::Created { name, privacy } => format!("Created “{name}”, {privacy}"),
            Event::Renamed { from, to } => format!("Renamed from “{from}” to “{to}”"),
            Event::TokenSwapped {
                from,
                to,
                checked,
                new_credential,
            } => format!(
                "Swapped the token {from} → {to}{}{}",
                if *new_credential {
                    " (a new credential for this connection only)"
                } else {
                    ""
                },
                if *checked {
                    ""
                } else {
                    ", without checking it"
                }
            ),
            Event::PrivacyChanged { from, to } => format!("Changed privacy from {from} to {to}"),
            Event::Checked { result } => format!("Tested the token: {result}"),
            Event::Deleted { name } => format!("Deleted “{name}”"),
            Event::Denied { action } => format!("Tried to {action}, and was refused: not allowed"),
        }
    }
}

pub async fn record<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
    actor_id: i64,
    event: &Event,
) -> Result<(), AppError> {
    let detail = serde_json::to_string(event).map_err(AppError::internal)?;
    history::append(
        db,
        connection_id,
        actor_id,
        clock::now(),
        event.kind(),
        &detail,
    )
    .await?;
    Ok(())
}

pub async fn entries<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
) -> Result<Vec<HistoryEntry>, AppError> {
    history::list(db, connection_id)
        .await?
        .into_iter()
        .map(|row| {
            let event: Event = serde_json::from_str(&row.detail).map_err(AppError::internal)?;
            Ok(HistoryEntry {
                id: row.id,
                at: clock::format_utc(row.at),
                actor: row.actor_name.unwrap_or_else(|| "Someone".into()),
                kind: row.kind,
                text: event.describe(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_read_as_sentences_and_show_only_fingerprints() {
        let swap = Event::TokenSwapped {
            from: "••••aaaa".into(),
            to: "••••bbbb".into(),
            checked: true,
            new_credential: false,
        };
        assert_eq!(swap.describe(), "Swapped the token ••••aaaa → ••••bbbb");
        let renamed = Event::Renamed {
            from: "Old".into(),
            to: "New".into(),
        };
        assert_eq!(renamed.describe(), "Renamed from “Old” to “New”");
        assert_eq!(
            serde_json::to_string(&renamed).unwrap(),
            r#"{"kind":"renamed","from":"Old","to":"New"}"#
        );
    }
}

//! A connection's History: what happened, by whom, when. Never a secret: tokens appear only
//! as fingerprints.

use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;

use super::moments::moment;
use crate::{
    error::AppError,
    server::{
        infra::clock,
        repo::history::{self, NewEvent},
    },
    wire::connection_detail::HistoryEntry,
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
    /// Which of the token's Better Stack teams the connection reads.
    TeamsChanged {
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
            Event::TeamsChanged { .. } => "teams_changed",
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
            Event::TeamsChanged { from, to } => {
                format!("Changed the Better Stack teams it reads from {from} to {to}")
            }
            Event::Checked { result } => format!("Tested the token: {result}"),
            Event::Deleted { name } => format!("Deleted “{name}”"),
            Event::Denied { action } => format!("Tried to {action}, and was refused: not allowed"),
        }
    }
}

/// Entries on one page of History.
pub const ENTRIES_PER_PAGE: i64 = 50;

/// One page of a connection's History.
pub struct HistoryPage {
    pub entries: Vec<HistoryEntry>,
    /// Which page this is, from 1.
    pub page: i64,
    pub pages: i64,
    pub total: i64,
}

/// Appends `event` to the connection's History. A refusal that repeats the newest entry (same
/// person, same action) is counted on that entry instead of taking a line of its own.
pub async fn record(
    db: &mut sqlx::SqliteConnection,
    connection_id: i64,
    actor_id: i64,
    event: &Event,
) -> Result<(), AppError> {
    let detail = serde_json::to_string(event).map_err(AppError::internal)?;
    let new = NewEvent {
        connection_id,
        actor_id,
        at: clock::now(),
        kind: event.kind(),
        detail: &detail,
    };
    if matches!(event, Event::Denied { .. }) && history::repeat_newest(&mut *db, new).await? {
        return Ok(());
    }
    history::append(&mut *db, new).await?;
    Ok(())
}

/// Page `page` (from 1; out of range is the first) of the connection's History, newest
/// first, with the number of pages.
pub async fn page(
    pool: &SqlitePool,
    connection_id: i64,
    page: i64,
) -> Result<HistoryPage, AppError> {
    let total = history::count(pool, connection_id).await?;
    let pages = ((total + ENTRIES_PER_PAGE - 1) / ENTRIES_PER_PAGE).max(1);
    let page = if (1..=pages).contains(&page) { page } else { 1 };
    let rows = history::list(
        pool,
        connection_id,
        ENTRIES_PER_PAGE,
        (page - 1) * ENTRIES_PER_PAGE,
    )
    .await?;
    let entries = rows
        .into_iter()
        .map(|row| {
            let event: Event = serde_json::from_str(&row.detail).map_err(AppError::internal)?;
            Ok(HistoryEntry {
                id: row.id,
                at: moment(row.at),
                actor: row.actor_name.unwrap_or_else(|| "Someone".into()),
                kind: row.kind,
                text: event.describe(),
                repeats: row.repeats,
                last: (row.repeats > 1).then(|| moment(row.last_at.unwrap_or(row.at))),
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(HistoryPage {
        entries,
        page,
        pages,
        total,
    })
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

//! How a connection is doing, in one word, with a tone the pages colour it by. The word is
//! always shown: the colour never carries the meaning alone.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Health {
    /// The last sync worked.
    Healthy,
    /// The token was rejected, or the last sync failed.
    Failing,
    /// A sync is running now.
    Syncing,
    /// Better Stack asked us to wait; the next try is scheduled.
    RateLimited,
    /// No sync has finished yet.
    NotSynced,
}

/// What is known of a connection that decides its health.
#[derive(Clone, Copy, Debug, Default)]
pub struct HealthFacts {
    pub token_rejected: bool,
    /// Whether the last finished sync worked; `None` before the first one finished.
    pub last_sync_worked: Option<bool>,
    pub syncing: bool,
    pub rate_limited: bool,
}

impl Health {
    /// In the order a dashboard lists them: what needs someone first.
    pub const ALL: [Health; 5] = [
        Health::Failing,
        Health::RateLimited,
        Health::Syncing,
        Health::NotSynced,
        Health::Healthy,
    ];

    /// Failing outranks everything (a rejected token stays rejected while a sync runs).
    pub fn of(facts: HealthFacts) -> Self {
        if facts.token_rejected || facts.last_sync_worked == Some(false) {
            Health::Failing
        } else if facts.syncing {
            Health::Syncing
        } else if facts.rate_limited {
            Health::RateLimited
        } else if facts.last_sync_worked.is_none() {
            Health::NotSynced
        } else {
            Health::Healthy
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Health::Healthy => "Healthy",
            Health::Failing => "Failing",
            Health::Syncing => "Syncing",
            Health::RateLimited => "Rate limited",
            Health::NotSynced => "Not synced yet",
        }
    }

    /// The badge's class: `tone-ok`, `tone-danger`, … (style/main.css).
    pub fn tone(self) -> &'static str {
        match self {
            Health::Healthy => "tone-ok",
            Health::Failing => "tone-danger",
            Health::Syncing => "tone-info",
            Health::RateLimited => "tone-warn",
            Health::NotSynced => "tone-neutral",
        }
    }

    /// A shape beside the word, for those who do not tell the colours apart.
    pub fn icon(self) -> &'static str {
        match self {
            Health::Healthy => "✓",
            Health::Failing => "✕",
            Health::Syncing => "↻",
            Health::RateLimited => "⏸",
            Health::NotSynced => "○",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failing_outranks_a_running_sync_and_a_wait() {
        let failing = HealthFacts {
            token_rejected: true,
            syncing: true,
            rate_limited: true,
            last_sync_worked: Some(true),
        };
        assert_eq!(Health::of(failing), Health::Failing);
        let failed_sync = HealthFacts {
            last_sync_worked: Some(false),
            ..HealthFacts::default()
        };
        assert_eq!(Health::of(failed_sync), Health::Failing);
    }

    #[test]
    fn a_connection_is_healthy_once_a_sync_worked_and_nothing_else_holds() {
        assert_eq!(Health::of(HealthFacts::default()), Health::NotSynced);
        let worked = HealthFacts {
            last_sync_worked: Some(true),
            ..HealthFacts::default()
        };
        assert_eq!(Health::of(worked), Health::Healthy);
        let waiting = HealthFacts {
            rate_limited: true,
            ..worked
        };
        assert_eq!(Health::of(waiting), Health::RateLimited);
        let syncing = HealthFacts {
            syncing: true,
            ..waiting
        };
        assert_eq!(Health::of(syncing), Health::Syncing);
    }

    #[test]
    fn every_health_has_its_own_word_tone_and_icon() {
        let mut seen = std::collections::HashSet::new();
        for health in Health::ALL {
            assert!(seen.insert((health.label(), health.tone(), health.icon())));
        }
    }
}

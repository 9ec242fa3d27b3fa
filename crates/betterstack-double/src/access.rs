use std::time::Duration;

/// What a token may do, and how the double answers it.
#[derive(Debug, Clone, PartialEq)]
pub enum Access {
    /// A team-based Uptime token: sees that team's resources only.
    Team(String),
    /// A global token: sees every team, or one with `team_name`.
    Global,
    /// A real token without Uptime access (a Telemetry token): 403.
    Forbidden,
    /// Always throttled: 429 with `Retry-After`.
    RateLimited { retry_after_secs: u64 },
    /// Always throttled: 429 with `Retry-After` as an HTTP date this many seconds ahead.
    RateLimitedUntil { secs_from_now: u64 },
    /// Always throttled: 429 without `Retry-After`.
    RateLimitedSilently,
    /// Throttled on every other request (the first passes), then answers as `then`.
    RateLimitedEveryOther {
        retry_after_secs: u64,
        then: Box<Access>,
    },
    /// The API is failing: 503.
    Unavailable,
    /// A proxy in front of the API is failing: 502 with an HTML page, not JSON.
    BadGateway,
    /// Answers 200 with `bytes` bytes of HTML instead of JSON, as a proxy's error page or a
    /// captive portal would.
    Garbage { bytes: usize },
    /// Answers as `then`, but only after `delay`.
    Slow { delay: Duration, then: Box<Access> },
}

impl Access {
    /// The team-scoped token most tests use.
    pub fn team(name: &str) -> Self {
        Access::Team(name.to_owned())
    }
}

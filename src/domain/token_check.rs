//! What checking a token with its source can say, in the words people see.

pub const TOKEN_REJECTED: &str = "Better Stack rejected this token (invalid or revoked).";
pub const TOKEN_WITHOUT_UPTIME_ACCESS: &str =
    "The token has no Uptime access (is it a Telemetry token?).";
pub const SOURCE_UNREACHABLE: &str = "Better Stack could not be reached.";

/// Better Stack answered 429, asking to wait `retry_after` (when it said).
pub fn throttled(retry_after: Option<std::time::Duration>) -> String {
    let when = match retry_after.map(|wait| wait.as_secs()) {
        Some(0) | None => "in a minute".to_owned(),
        Some(1) => "in 1 second".to_owned(),
        Some(seconds) if seconds < 120 => format!("in {seconds} seconds"),
        Some(seconds) => format!("in {} minutes", seconds.div_ceil(60)),
    };
    format!("Better Stack is limiting requests right now. Try again {when}.")
}

//! What checking a token with its source can say, in the words people see.

pub const TOKEN_REJECTED: &str = "Better Stack rejected this token (invalid or revoked).";
pub const TOKEN_WITHOUT_UPTIME_ACCESS: &str =
    "The token has no Uptime access (is it a Telemetry token?).";
pub const SOURCE_UNREACHABLE: &str = "Better Stack could not be reached.";

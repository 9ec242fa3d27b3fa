//! Input limits. The same constants set HTML `maxlength`/`minlength` and the server's checks.

pub const MAX_NAME_CHARS: usize = 100;
pub const MAX_DESCRIPTION_CHARS: usize = 500;
pub const MAX_EMAIL_CHARS: usize = 254;
pub const MIN_PASSWORD_CHARS: usize = 12;
pub const MAX_PASSWORD_CHARS: usize = 256;
/// Failed sign-ins allowed for one email from one client address within
/// [`SIGN_IN_WINDOW_MINUTES`].
pub const MAX_FAILED_SIGN_INS: i64 = 5;
/// Failed sign-ins allowed from one client address, whatever the emails, in the same window.
pub const MAX_FAILED_SIGN_INS_PER_CLIENT: i64 = 30;
pub const SIGN_IN_WINDOW_MINUTES: i64 = 15;
/// API requests with a missing, unknown, revoked or expired key allowed from one client
/// address a minute; past it, the client waits for the next minute before any key of its is
/// looked up.
pub const MAX_FAILED_KEY_CHECKS_PER_MINUTE: u32 = 60;
pub const INVITE_VALID_DAYS: i64 = 7;
pub const RESET_LINK_VALID_HOURS: i64 = 24;
/// Longer than any real API token; a paste past this is a mistake, not a token.
pub const MAX_TOKEN_CHARS: usize = 1024;

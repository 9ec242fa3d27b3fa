//! Better Stack Uptime: `Authorization: Bearer <token>`, sent to the configured base URL only.

pub mod check;
pub mod pager;
pub mod pull;
pub mod records;

pub use check::check_token;

//! Pure types shared by the browser and the server: what valid input is, and the limits
//! that drive both HTML attributes and server-side checks.

pub mod account_forms;
pub mod api_keys;
pub mod api_token;
pub mod catalog;
mod check_status;
pub mod connection_filter;
pub mod connection_forms;
pub mod data_tables;
mod email;
mod field_errors;
pub mod health;
pub mod limits;
pub mod overview_kinds;
mod password;
mod privacy;
pub mod record_kinds;
pub mod return_path;
mod role;
mod swap_mode;
pub mod text;
pub mod time_words;
pub mod token_check;
pub mod token_reach;

pub use check_status::CheckStatus;
pub use email::Email;
pub use field_errors::FieldErrors;
pub use password::Password;
pub use privacy::Privacy;
pub use role::Role;
pub use swap_mode::SwapMode;

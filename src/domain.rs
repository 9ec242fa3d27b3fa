//! Pure types shared by the browser and the server: what valid input is, and the limits
//! that drive both HTML attributes and server-side checks.

pub mod account_forms;
mod email;
mod field_errors;
pub mod limits;
mod password;
pub mod return_path;
mod role;
pub mod text;

pub use email::Email;
pub use field_errors::FieldErrors;
pub use password::Password;
pub use role::Role;

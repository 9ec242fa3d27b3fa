//! Who is signed in: passwords, sessions, and the guards every server function calls first.

pub mod api_key_rate;
pub mod backend;
pub mod cached_sessions;
pub mod flash;
pub mod guard;
pub mod housekeeping;
pub mod layer;
pub mod passwords;
pub mod renewal;
pub mod session;
pub mod sign_in_limit;
pub mod tokens;

pub use backend::{AuthBackend, SignedInUser};
pub use guard::{auth_session, require_admin, require_user};

/// What axum-login keeps in the request: the session and, if signed in, the user.
pub type AuthSession = axum_login::AuthSession<AuthBackend>;

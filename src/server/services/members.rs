//! Members: invitations, joining, roles, removal. The workspace always keeps an Admin.

mod invites;
mod roster;

pub use invites::{accept_invite, invite, invite_details, revoke_invite};
pub use roster::{change_role, overview, remove};

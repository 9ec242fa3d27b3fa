//! Connections in SQL.

mod reads;
mod writes;

pub use reads::{
    all_visible, count_visible, count_visible_by_source, find, find_visible, leads_team,
    list_visible, others_on_credential, team_member_ids, using_credential, ConnectionRow,
    Stewardship,
};
pub use writes::{
    delete, insert, need_full_sync_on_credential, reassign_owner, rename, set_credential,
    set_full_sync_at, set_privacy, set_rate_limited_until, set_source_teams,
    set_token_rejected_since, unshare_team, NewConnectionRow,
};

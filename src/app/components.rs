//! Pieces of UI used by more than one page.

pub mod cog_icon;
pub mod credential_form;
pub mod error_notice;
pub mod forms;
pub mod health_tag;
pub mod hydrated;
pub mod page_links;
pub mod scroll_box;
pub mod settings_menu;
pub mod site_header;
pub mod team_choice_fields;
pub mod when;

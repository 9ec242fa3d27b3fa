use leptos::prelude::*;
use leptos_meta::Title;

use crate::{app::viewer::use_viewer, domain::Role};

/// A part of Settings: listed in the header's Settings menu and on the Settings page.
pub struct SettingsSection {
    pub label: &'static str,
    pub href: &'static str,
    pub description: &'static str,
    pub admins_only: bool,
}

/// Every section of Settings, in menu order.
pub const SETTINGS_SECTIONS: &[SettingsSection] = &[
    SettingsSection {
        label: "Connections",
        href: "/settings/connections",
        description: "Connect data sources with an API credential.",
        admins_only: false,
    },
    SettingsSection {
        label: "Members",
        href: "/settings/members",
        description: "Invite people, change their roles, remove them.",
        admins_only: true,
    },
    SettingsSection {
        label: "Teams",
        href: "/settings/teams",
        description: "Group members into teams and choose who leads them.",
        admins_only: false,
    },
    SettingsSection {
        label: "API Keys",
        href: "/settings/api-keys",
        description: "Keys for scripts that use Plugboard's REST API as you.",
        admins_only: false,
    },
];

/// The sections someone with `role` can open.
pub fn visible_sections(role: Role) -> impl Iterator<Item = &'static SettingsSection> {
    SETTINGS_SECTIONS
        .iter()
        .filter(move |section| !section.admins_only || role == Role::Admin)
}

/// `/settings`: where the Settings control leads when JavaScript is off.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let viewer = use_viewer();
    view! {
        <Title text="Settings"/>
        <section class="page">
            <h1>"Settings"</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let role = viewer.await.ok().flatten().map_or(Role::Member, |v| v.role);
                    view! {
                        <ul class="card-list">
                            {visible_sections(role)
                                .map(|section| {
                                    view! {
                                        <li class="card">
                                            <a href=section.href>{section.label}</a>
                                            <p>{section.description}</p>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            </Suspense>
        </section>
    }
}

use leptos::prelude::*;

use crate::app::query_string::query_value;

/// The parts of a connection's page, each at its own address (`?section=…`), so they work
/// without JavaScript and can be bookmarked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Section {
    #[default]
    Overview,
    Data,
    Settings,
    History,
}

/// The sections the page's island shows: every one but the Overview, a page of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum IslandSection {
    Data,
    Settings,
    History,
}

impl From<IslandSection> for Section {
    fn from(section: IslandSection) -> Self {
        match section {
            IslandSection::Data => Section::Data,
            IslandSection::Settings => Section::Settings,
            IslandSection::History => Section::History,
        }
    }
}

impl Section {
    /// This section as the island shows it; `None` for the Overview.
    pub fn in_island(self) -> Option<IslandSection> {
        match self {
            Section::Overview => None,
            Section::Data => Some(IslandSection::Data),
            Section::Settings => Some(IslandSection::Settings),
            Section::History => Some(IslandSection::History),
        }
    }

    const ALL: [Section; 4] = [
        Section::Overview,
        Section::Data,
        Section::Settings,
        Section::History,
    ];

    /// The section a URL query names; the Overview for none or anything else.
    pub fn from_query(query: &[(String, String)]) -> Self {
        query_value(query, "section")
            .and_then(|value| Self::ALL.into_iter().find(|s| s.key() == value))
            .unwrap_or_default()
    }

    pub fn key(self) -> &'static str {
        match self {
            Section::Overview => "overview",
            Section::Data => "data",
            Section::Settings => "settings",
            Section::History => "history",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Section::Overview => "Overview",
            Section::Data => "Data",
            Section::Settings => "Settings",
            Section::History => "History",
        }
    }
}

/// The sections as links, the current one marked.
#[component]
pub fn SectionNav(current: Section) -> impl IntoView {
    view! {
        <nav class="section-nav" aria-label="Connection sections">
            <ul>
                {Section::ALL
                    .into_iter()
                    .map(|section| {
                        let here = (section == current).then_some("page");
                        view! {
                            <li>
                                <a href=format!("?section={}", section.key()) aria-current=here>
                                    {section.label()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_is_read_from_its_key_and_the_overview_is_the_default() {
        let query = |value: &str| vec![("section".to_owned(), value.to_owned())];
        for section in Section::ALL {
            assert_eq!(Section::from_query(&query(section.key())), section);
        }
        assert_eq!(Section::from_query(&query("danger")), Section::Overview);
        assert_eq!(Section::from_query(&[]), Section::Overview);
    }

    #[test]
    fn the_island_shows_every_section_but_the_overview_as_itself() {
        for section in Section::ALL {
            match section.in_island() {
                Some(shown) => assert_eq!(Section::from(shown), section),
                None => assert_eq!(section, Section::Overview),
            }
        }
    }
}

//! The sources Plugboard can connect to, as data. Adding a source means adding a definition
//! here and a connector on the server; the pages read everything from this catalog.

/// One source in the catalog.
#[derive(Debug, PartialEq, Eq)]
pub struct SourceDefinition {
    /// Stable id, used in URLs and the database.
    pub id: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    /// What a credential for this source holds. Secrets are stored encrypted.
    pub auth_fields: &'static [AuthField],
    /// How to get a credential, one paragraph per entry.
    pub help: &'static [&'static str],
    /// The cheap read that proves a credential works.
    pub check: CheckRequest,
}

/// One field of a credential.
#[derive(Debug, PartialEq, Eq)]
pub struct AuthField {
    /// The form field's name.
    pub name: &'static str,
    pub label: &'static str,
    pub secret: bool,
}

/// A read request used to check a credential: `GET {base}{path}?{query}`.
#[derive(Debug, PartialEq, Eq)]
pub struct CheckRequest {
    pub path: &'static str,
    pub query: &'static [(&'static str, &'static str)],
}

pub const BETTERSTACK_UPTIME: SourceDefinition = SourceDefinition {
    id: "betterstack-uptime",
    name: "Better Stack Uptime",
    description: "Monitors, heartbeats, incidents and status pages from Better Stack Uptime.",
    auth_fields: &[AuthField {
        name: "token",
        label: "API Token",
        secret: true,
    }],
    help: &[
        "In Better Stack, open Settings → API Tokens.",
        "A Global API token works across all your teams.",
        "A Team-based token belongs to one team: pick the team and create an Uptime token. \
         A Telemetry token will not work here.",
        "Only Better Stack Admins can create tokens; Team Leads can only view them.",
    ],
    // Ten monitors: cheap, and enough to tell a team token from a global one when the
    // monitors belong to several teams.
    check: CheckRequest {
        path: "/api/v2/monitors",
        query: &[("per_page", "10")],
    },
};

/// Every source, in the order the catalog shows them.
pub const CATALOG: &[SourceDefinition] = &[BETTERSTACK_UPTIME];

/// The source with `id`.
pub fn find_source(id: &str) -> Option<&'static SourceDefinition> {
    CATALOG.iter().find(|source| source.id == id)
}

/// The sources whose name or description contains `query` (any case).
pub fn search(query: &str) -> impl Iterator<Item = &'static SourceDefinition> + '_ {
    let query = query.trim().to_lowercase();
    CATALOG.iter().filter(move |source| {
        query.is_empty()
            || source.name.to_lowercase().contains(&query)
            || source.description.to_lowercase().contains(&query)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn better_stack_uptime_is_in_the_catalog_by_id() {
        assert_eq!(
            find_source("betterstack-uptime").unwrap().name,
            "Better Stack Uptime"
        );
        assert!(find_source("nope").is_none());
    }

    #[test]
    fn the_catalog_search_matches_names_and_descriptions_in_any_case() {
        assert_eq!(search("uptime").count(), 1);
        assert_eq!(search("HEARTBEATS").count(), 1);
        assert_eq!(search("salesforce").count(), 0);
        assert_eq!(search("  ").count(), CATALOG.len());
    }

    #[test]
    fn source_ids_are_unique_and_url_safe() {
        for (i, source) in CATALOG.iter().enumerate() {
            assert!(source
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-'));
            assert!(CATALOG[i + 1..].iter().all(|other| other.id != source.id));
        }
    }
}

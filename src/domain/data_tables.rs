//! The Data tables on a connection's page: which columns sort, how many rows a page shows.
//! The same words name the columns in URLs and on the server.

use serde::{Deserialize, Serialize};

pub const ROWS_PER_PAGE: i64 = 50;

/// A sortable column of the monitors table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MonitorColumn {
    Name,
    Url,
    Type,
    Status,
    Frequency,
    LastChecked,
}

impl MonitorColumn {
    pub const ALL: [MonitorColumn; 6] = [
        MonitorColumn::Name,
        MonitorColumn::Url,
        MonitorColumn::Type,
        MonitorColumn::Status,
        MonitorColumn::Frequency,
        MonitorColumn::LastChecked,
    ];

    pub fn key(self) -> &'static str {
        match self {
            MonitorColumn::Name => "name",
            MonitorColumn::Url => "url",
            MonitorColumn::Type => "type",
            MonitorColumn::Status => "status",
            MonitorColumn::Frequency => "frequency",
            MonitorColumn::LastChecked => "last-checked",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            MonitorColumn::Name => "Name",
            MonitorColumn::Url => "URL",
            MonitorColumn::Type => "Type",
            MonitorColumn::Status => "Status",
            MonitorColumn::Frequency => "Check frequency",
            MonitorColumn::LastChecked => "Last checked",
        }
    }

    /// The column named `key`; the name column for anything else.
    pub fn parse(key: &str) -> Self {
        MonitorColumn::ALL
            .into_iter()
            .find(|c| c.key() == key)
            .unwrap_or(MonitorColumn::Name)
    }
}

/// A sortable column of the incidents table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum IncidentColumn {
    Name,
    Cause,
    Status,
    Started,
    Resolved,
}

impl IncidentColumn {
    pub const ALL: [IncidentColumn; 5] = [
        IncidentColumn::Name,
        IncidentColumn::Cause,
        IncidentColumn::Status,
        IncidentColumn::Started,
        IncidentColumn::Resolved,
    ];

    pub fn key(self) -> &'static str {
        match self {
            IncidentColumn::Name => "name",
            IncidentColumn::Cause => "cause",
            IncidentColumn::Status => "status",
            IncidentColumn::Started => "started",
            IncidentColumn::Resolved => "resolved",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            IncidentColumn::Name => "Name",
            IncidentColumn::Cause => "Cause",
            IncidentColumn::Status => "Status",
            IncidentColumn::Started => "Started",
            IncidentColumn::Resolved => "Resolved",
        }
    }

    /// The column named `key`; newest first (started) for anything else.
    pub fn parse(key: &str) -> Self {
        IncidentColumn::ALL
            .into_iter()
            .find(|c| c.key() == key)
            .unwrap_or(IncidentColumn::Started)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_round_trip_through_their_keys_and_unknown_keys_fall_back() {
        for column in MonitorColumn::ALL {
            assert_eq!(MonitorColumn::parse(column.key()), column);
        }
        for column in IncidentColumn::ALL {
            assert_eq!(IncidentColumn::parse(column.key()), column);
        }
        assert_eq!(
            MonitorColumn::parse("name; DROP TABLE users"),
            MonitorColumn::Name
        );
        assert_eq!(IncidentColumn::parse(""), IncidentColumn::Started);
    }
}

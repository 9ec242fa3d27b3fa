//! The Data tables on a connection's page: which columns sort, how many rows a page shows.
//! The same words name the columns in URLs and on the server.

use serde::{Deserialize, Serialize};

pub const ROWS_PER_PAGE: i64 = 50;

/// How many pages of [`ROWS_PER_PAGE`] rows `total` rows fill; an empty table is one page.
pub fn page_count(total: i64) -> i64 {
    ((total + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE).max(1)
}

/// The rows before page `page` (counted from 1; anything lower is page 1).
pub fn page_offset(page: i64) -> i64 {
    (page.max(1) - 1).saturating_mul(ROWS_PER_PAGE)
}

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
    fn pages_hold_fifty_rows_and_out_of_range_pages_start_at_the_first() {
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(50), 1);
        assert_eq!(page_count(51), 2);
        assert_eq!(page_count(1000), 20);
        assert_eq!(page_offset(1), 0);
        assert_eq!(page_offset(3), 100);
        assert_eq!(page_offset(-7), 0);
        assert_eq!(page_offset(i64::MAX), i64::MAX);
    }

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

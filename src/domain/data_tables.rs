//! The Data tables on a connection's page: how many rows a page shows. Their columns come
//! from the record kinds ([`super::record_kinds`]).

use serde::{Deserialize, Serialize};

pub const ROWS_PER_PAGE: i64 = 50;

/// A table's sort direction, as its links and the server function name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum SortDir {
    Asc,
    Desc,
}

impl SortDir {
    pub fn as_str(self) -> &'static str {
        match self {
            SortDir::Asc => "asc",
            SortDir::Desc => "desc",
        }
    }

    pub fn is_descending(self) -> bool {
        self == SortDir::Desc
    }
}

impl std::str::FromStr for SortDir {
    type Err = String;

    fn from_str(value: &str) -> Result<Self, String> {
        match value {
            "asc" => Ok(SortDir::Asc),
            "desc" => Ok(SortDir::Desc),
            _ => Err("Sort `asc` or `desc`.".to_owned()),
        }
    }
}

impl std::fmt::Display for SortDir {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How many pages of [`ROWS_PER_PAGE`] rows `total` rows fill; an empty table is one page.
pub fn page_count(total: i64) -> i64 {
    ((total + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE).max(1)
}

/// The rows before page `page` (counted from 1; anything lower is page 1).
pub fn page_offset(page: i64) -> i64 {
    (page.max(1) - 1).saturating_mul(ROWS_PER_PAGE)
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
}

//! The Data tables on a connection's page: how many rows a page shows. Their columns come
//! from the record kinds ([`super::record_kinds`]).

pub const ROWS_PER_PAGE: i64 = 50;

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

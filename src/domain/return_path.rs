//! Where to go after signing in: only paths on this site are honoured.

/// `value` if it is a path on this site (`/settings?x=1`), else `/`.
///
/// Refused: absolute URLs, scheme-relative `//host` and `/\host` (browsers treat `\` as `/`),
/// and anything with control characters.
pub fn same_site_path(value: &str) -> String {
    let safe = value.starts_with('/')
        && !value.starts_with("//")
        && !value.starts_with("/\\")
        && !value.chars().any(|c| c.is_control() || c == '\\')
        && value.len() <= 2048;
    if safe {
        value.to_owned()
    } else {
        "/".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_on_this_site_is_kept() {
        assert_eq!(same_site_path("/settings/teams?x=1"), "/settings/teams?x=1");
    }

    #[test]
    fn anything_that_could_leave_the_site_becomes_the_start_page() {
        for hostile in [
            "https://evil.example/",
            "//evil.example",
            "/\\evil.example",
            "javascript:alert(1)",
            "evil",
            "/ok\r\nSet-Cookie: x",
            "",
        ] {
            assert_eq!(same_site_path(hostile), "/", "{hostile:?}");
        }
    }
}

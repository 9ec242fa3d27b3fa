//! Query strings for links the pages build, encoded as browsers encode forms.

/// `key=value&…`, each part form-encoded; empty values are left out.
pub fn query_string<K: AsRef<str>, V: AsRef<str>>(
    pairs: impl IntoIterator<Item = (K, V)>,
) -> String {
    let mut query = String::new();
    for (key, value) in pairs {
        if value.as_ref().is_empty() {
            continue;
        }
        if !query.is_empty() {
            query.push('&');
        }
        query.extend(form_urlencoded::byte_serialize(key.as_ref().as_bytes()));
        query.push('=');
        query.extend(form_urlencoded::byte_serialize(value.as_ref().as_bytes()));
    }
    query
}

/// The value of `key` in a page's query (its first), if the query has it.
pub fn query_value<'a>(query: &'a [(String, String)], key: &str) -> Option<&'a str> {
    query
        .iter()
        .find(|(name, _)| name == key)
        .map(|(_, value)| value.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_encoded_and_empty_values_left_out() {
        let query = query_string([("a b", "x&y"), ("empty", ""), ("teams[]", "Ops/Infra")]);
        assert_eq!(query, "a+b=x%26y&teams%5B%5D=Ops%2FInfra");
    }

    #[test]
    fn a_value_is_found_by_its_key() {
        let query = [
            ("a".to_owned(), "1".to_owned()),
            ("a".to_owned(), "2".to_owned()),
        ];
        assert_eq!(query_value(&query, "a"), Some("1"));
        assert_eq!(query_value(&query, "b"), None);
    }
}

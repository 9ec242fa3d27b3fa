//! What a source pulls, described once per kind of record: its fields, their labels and how
//! they read. Storage, the Data tables (filter, sort, paging) and the downloads are written
//! against these descriptions, not against any one source.

use serde_json::Value;

use super::data_tables::SortDir;

/// One kind of record a source pulls ("monitors").
#[derive(Debug, PartialEq)]
pub struct RecordKind {
    /// Stable: in the database, URLs and download file names.
    pub key: &'static str,
    /// Its table's title ("Monitors").
    pub label: &'static str,
    /// The first names the row; each is a column of its table and of its downloads.
    pub fields: &'static [Field],
    /// The field its table sorts by unless asked otherwise, and whether newest first.
    pub default_sort: &'static str,
    pub default_descending: bool,
    /// Records kept over time (a series), not a copy of a list: a complete pull does not
    /// remove the ones it did not see, and they go once older than this many days.
    pub kept_days: Option<i64>,
}

/// One field of a record.
#[derive(Debug, PartialEq)]
pub struct Field {
    /// Stable: the JSON key stored, the sort key in URLs, the download column.
    pub key: &'static str,
    pub label: &'static str,
    pub format: Format,
    /// Whether the table's filter looks in it.
    pub searched: bool,
}

/// How a field's value reads in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    /// Long, and breaks anywhere.
    Url,
    Number,
    /// A duration in seconds.
    Seconds,
    /// A percentage (99.98).
    Percent,
    /// RFC 3339, in any offset; tables show it in UTC as pages show every time.
    Time,
    /// Yes or no.
    Flag,
    /// A list of texts, shown joined.
    List,
}

impl Field {
    pub const fn text(key: &'static str, label: &'static str) -> Self {
        Self::of(key, label, Format::Text, true)
    }

    pub const fn of(
        key: &'static str,
        label: &'static str,
        format: Format,
        searched: bool,
    ) -> Self {
        Self {
            key,
            label,
            format,
            searched,
        }
    }
}

impl RecordKind {
    /// The field named `key`, if the kind has one.
    pub fn field(&self, key: &str) -> Option<&'static Field> {
        self.fields.iter().find(|field| field.key == key)
    }

    /// The field to sort by for `asked` (unknown keys sort the default way), and whether
    /// descending: as `dir` says, else ascending for a chosen field and the kind's default
    /// direction for the default one.
    pub fn sort(&self, asked: &str, dir: Option<SortDir>) -> (&'static Field, bool) {
        match self.field(asked) {
            Some(field) => (field, dir.is_some_and(SortDir::is_descending)),
            None => (
                self.field(self.default_sort).unwrap_or(&self.fields[0]),
                dir.map_or(self.default_descending, SortDir::is_descending),
            ),
        }
    }
}

impl Format {
    /// `value` as a table shows it; a dash for nothing.
    pub fn show(self, value: &Value) -> String {
        let shown = match (self, value) {
            (_, Value::Null) => String::new(),
            (Format::Seconds, Value::Number(n)) => format!("{n} s"),
            (Format::Percent, Value::Number(n)) => match n.as_f64() {
                Some(p) => format!("{} %", (p * 1000.0).round() / 1000.0),
                None => n.to_string(),
            },
            (Format::Flag, Value::Bool(yes)) => if *yes { "yes" } else { "no" }.to_owned(),
            (_, Value::Array(items)) => items
                .iter()
                .map(|item| Format::Text.show(item))
                .collect::<Vec<_>>()
                .join(", "),
            (_, Value::String(text)) => text.clone(),
            (_, other) => other.to_string(),
        };
        if shown.is_empty() {
            "—".to_owned()
        } else {
            shown
        }
    }

    /// `value` as a CSV cell: plain text, lists joined with `; `.
    pub fn cell(self, value: &Value) -> String {
        match value {
            Value::Null => String::new(),
            Value::String(text) => text.clone(),
            Value::Array(items) => items
                .iter()
                .map(|item| self.cell(item))
                .collect::<Vec<_>>()
                .join("; "),
            other => other.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    const KIND: RecordKind = RecordKind {
        key: "things",
        label: "Things",
        fields: &[
            Field::text("name", "Name"),
            Field::of("started_at", "Started", Format::Time, false),
        ],
        default_sort: "started_at",
        default_descending: true,
        kept_days: None,
    };

    #[test]
    fn sorting_falls_back_to_the_kinds_default_for_unknown_keys() {
        let desc = Some(SortDir::Desc);
        assert_eq!(KIND.sort("name", desc).0.key, "name");
        assert!(KIND.sort("name", desc).1);
        assert!(!KIND.sort("name", None).1);
        let (field, descending) = KIND.sort("name; DROP TABLE users", None);
        assert_eq!((field.key, descending), ("started_at", true));
        assert!(!KIND.sort("", Some(SortDir::Asc)).1);
    }

    #[test]
    fn values_read_as_a_person_expects() {
        assert_eq!(Format::Text.show(&Value::Null), "—");
        assert_eq!(Format::Text.show(&json!("")), "—");
        assert_eq!(Format::Seconds.show(&json!(60)), "60 s");
        assert_eq!(Format::Percent.show(&json!(99.98765)), "99.988 %");
        assert_eq!(Format::Flag.show(&json!(false)), "no");
        assert_eq!(Format::List.show(&json!(["us", "eu"])), "us, eu");
        assert_eq!(Format::Number.show(&json!(7)), "7");
        assert_eq!(Format::List.cell(&json!(["us", "eu"])), "us; eu");
        assert_eq!(Format::Number.cell(&json!(7)), "7");
        assert_eq!(Format::Text.cell(&Value::Null), "");
    }
}

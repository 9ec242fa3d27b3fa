//! The argument of every server function: one struct each, flattened into the function so
//! the forms post plain field names (`source`, `id`, `name`) and work without JavaScript.
//!
//! Closed sets arrive as enums: serde reads the values the forms post, and anything else is
//! refused before a service runs. Free text stays text until the service reads it with the
//! domain's form parsers, which report every problem at once, inline.
//!
//! serde_qs hands a flattened struct every value as text (serde-rs/serde#1183), so numbers
//! are read with `DisplayFromStr` and optional choices with `NoneAsEmptyString`: an empty
//! field is no choice.

pub mod accounts;
pub mod api_keys;
pub mod connection_changes;
pub mod connections;
pub mod data;
pub mod members;
pub mod overview;
pub mod teams;

use serde::{Deserialize, Serialize};
use serde_with::{serde_as, DisplayFromStr};

/// Which connection: its source and id, as its URL names it (the REST API's path too).
#[serde_as]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams), into_params(parameter_in = Path))]
pub struct ConnectionRef {
    /// The source's id, e.g. betterstack-uptime.
    pub source: String,
    /// The connection's id.
    #[serde_as(as = "DisplayFromStr")]
    pub id: i64,
}

/// A checkbox or button that posts `yes` when chosen and nothing otherwise.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Ticked {
    #[default]
    No,
    Yes,
}

impl Ticked {
    pub fn is_yes(self) -> bool {
        self == Ticked::Yes
    }
}

#[cfg(test)]
mod tests {
    use super::{connection_changes::PrivacyArgs, data::RecordsArgs, *};
    use crate::domain::{data_tables::SortDir, Privacy};

    /// What `#[server(flatten)]` does with a form: the struct is read through a map.
    #[derive(Deserialize)]
    struct Flattened<T> {
        #[serde(flatten)]
        args: T,
    }

    fn read<T: serde::de::DeserializeOwned>(form: &str) -> Result<T, serde_qs::Error> {
        serde_qs::from_str::<Flattened<T>>(form).map(|flat| flat.args)
    }

    #[test]
    fn numbers_and_choices_are_read_from_the_text_a_form_posts() {
        let args: PrivacyArgs = read("source=s&id=42&privacy=team&team=7&confirm=yes").unwrap();
        assert_eq!(args.connection.id, 42);
        assert_eq!(args.privacy, Some(Privacy::Team));
        assert_eq!(args.team, Some(7));
        assert!(args.confirm.is_yes());
    }

    #[test]
    fn an_empty_or_missing_choice_is_no_choice() {
        let args: PrivacyArgs = read("source=s&id=1&privacy=&team=").unwrap();
        assert_eq!((args.privacy, args.team), (None, None));
        assert!(!args.confirm.is_yes());
        let records: RecordsArgs = read("source=s&id=1&kind=monitors").unwrap();
        assert_eq!((records.dir, records.page), (None, 0));
        let sorted: RecordsArgs = read("source=s&id=1&kind=monitors&dir=desc&page=3").unwrap();
        assert_eq!((sorted.dir, sorted.page), (Some(SortDir::Desc), 3));
    }

    #[test]
    fn values_outside_the_set_are_refused() {
        assert!(read::<PrivacyArgs>("source=s&id=1&privacy=public").is_err());
        assert!(read::<PrivacyArgs>("source=s&id=x").is_err());
        assert!(read::<PrivacyArgs>("source=s&id=1&confirm=maybe").is_err());
        assert!(read::<RecordsArgs>("source=s&id=1&kind=k&dir=up").is_err());
    }

    #[test]
    fn what_the_browser_sends_reads_back_the_same() {
        let args: PrivacyArgs = read("source=s&id=42&privacy=team&team=7&confirm=yes").unwrap();
        let sent = serde_qs::to_string(&args).unwrap();
        let back: PrivacyArgs = read(&sent).unwrap();
        assert_eq!(back, args);
    }
}

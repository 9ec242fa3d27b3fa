//! Island props that the browser reads with the same JSON reader as server-function answers.
//!
//! Leptos reads an island's props from a string (`serde_json::from_str`), while server-function
//! answers are read from bytes. Each type read both ways is in the wasm twice, once per reader.
//! A prop wrapped in [`Packed`] travels as a JSON string that holds the value's JSON: the
//! string reader only ever reads that string, and the value itself is read from bytes.
//! Islands take the app's own types packed; strings and numbers need no wrapper.

use serde::{de::DeserializeOwned, Deserialize, Deserializer, Serialize, Serializer};

#[derive(Clone, Debug, PartialEq)]
pub struct Packed<T>(pub T);

impl<T: Serialize> Serialize for Packed<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let json = serde_json::to_string(&self.0).map_err(serde::ser::Error::custom)?;
        serializer.serialize_str(&json)
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Packed<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let json = String::deserialize(deserializer)?;
        serde_json::from_slice(json.as_bytes())
            .map(Packed)
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Props {
        name: String,
        count: i64,
    }

    #[test]
    fn a_packed_value_is_a_string_of_its_json_and_reads_back_from_one() {
        let packed = Packed(Props {
            name: "Bench \"1\" <b>".into(),
            count: 3,
        });
        let json = serde_json::to_string(&packed).unwrap();
        assert_eq!(json, r#""{\"name\":\"Bench \\\"1\\\" <b>\",\"count\":3}""#);
        let read: Packed<Props> = serde_json::from_str(&json).unwrap();
        assert_eq!(read, packed);
    }

    #[test]
    fn a_string_that_is_not_the_json_of_the_value_is_refused() {
        assert!(serde_json::from_str::<Packed<Props>>(r#""{\"name\":1}""#).is_err());
        assert!(serde_json::from_str::<Packed<Props>>(r#"{"name":"a","count":1}"#).is_err());
    }
}

//! How a page's data travels from the server's render to the browser's hydration. Only data
//! loaded inside an island travels; elsewhere the server renders it and the browser never
//! needs it.

use std::future::Future;

use leptos::{
    prelude::*,
    server::codee::{Decoder, Encoder},
};
use serde::{de::DeserializeOwned, Serialize};

/// JSON, as in Leptos' default codec, but read from bytes. Server-function answers are read
/// from bytes too, so the browser bundle holds one JSON reader for each data type rather than
/// two (one per kind of input: they were a tenth of the wasm's code).
pub struct PageJson;

impl<T: Serialize> Encoder<T> for PageJson {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, Self::Error> {
        serde_json::to_string(value)
    }
}

impl<T: DeserializeOwned> Decoder<T> for PageJson {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(json: &str) -> Result<T, Self::Error> {
        serde_json::from_slice(json.as_bytes())
    }
}

/// A page's data: loaded on the server for the first render, handed to the browser with it.
pub type PageData<T> = Resource<T, PageJson>;

/// `Resource::new`, with [`PageJson`].
#[track_caller]
pub fn page_data<T, S, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> PageData<T>
where
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    S: Send + Sync + Clone + PartialEq + 'static,
    Fut: Future<Output = T> + Send + 'static,
{
    Resource::new_with_options(source, fetcher, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_server_encodes_the_browser_decodes() {
        let value: Result<Vec<(u32, String)>, String> = Ok(vec![(7, "“quoted” \\ name".into())]);
        let json = <PageJson as Encoder<_>>::encode(&value).unwrap();
        let back: Result<Vec<(u32, String)>, String> = PageJson::decode(&json).unwrap();
        assert_eq!(back, value);
        assert!(<PageJson as Decoder<u32>>::decode("not json").is_err());
    }
}

//! A person's browser, as far as the server can tell: a cookie jar and the headers a real
//! browser sends. Server functions are called at their real URLs.

use std::sync::Arc;

use leptos::server_fn::ServerFn;
use plugboard::error::AppError;
use reqwest::{cookie::CookieStore, cookie::Jar, header, Url};

pub struct Browser {
    pub client: reqwest::Client,
    pub jar: Arc<Jar>,
    pub base: Url,
}

/// What came back.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub location: Option<String>,
    pub set_cookie: Vec<String>,
    pub headers: header::HeaderMap,
    pub body: String,
}

impl Reply {
    /// The server function's error, decoded as the browser would.
    pub fn app_error(&self) -> AppError {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("not an AppError ({e}): {} {}", self.status, self.body))
    }
}

impl Browser {
    pub fn new(base: Url) -> Self {
        Self::from_address(base, None)
    }

    /// A browser on another machine: its requests come from `local` (any 127.x.y.z address
    /// reaches a server on 127.0.0.1), so limits kept per client address see another client.
    pub fn from_address(base: Url, local: Option<std::net::IpAddr>) -> Self {
        let jar = Arc::new(Jar::default());
        let client = reqwest::Client::builder()
            .local_address(local)
            .cookie_provider(jar.clone())
            .redirect(reqwest::redirect::Policy::none())
            // A page that never finishes is a failure to report, not a test that never ends.
            .timeout(std::time::Duration::from_secs(30))
            .build()
            .expect("client");
        Self { client, jar, base }
    }

    /// The session cookie as the browser would send it (`name=value`), if any.
    pub fn session_cookie(&self) -> Option<String> {
        self.jar
            .cookies(&self.base)
            .and_then(|value| value.to_str().ok().map(str::to_owned))
            .and_then(|all| {
                all.split("; ")
                    .find(|c| c.starts_with("plugboard_session="))
                    .map(str::to_owned)
            })
    }

    pub async fn get(&self, path: &str) -> Reply {
        let response = self
            .client
            .get(self.base.join(path).unwrap())
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: {e}"));
        reply(response).await
    }

    /// Calls server function `S` the way the hydrated app does (fetch, JSON answer).
    pub async fn call<S: ServerFn>(&self, form: &[(&str, &str)]) -> Reply {
        self.post(S::url(), form, "application/json", &[]).await
    }

    /// Posts `form` to `S` the way a page without JavaScript does, from `page`.
    pub async fn submit<S: ServerFn>(&self, page: &str, form: &[(&str, &str)]) -> Reply {
        let referer = self.base.join(page).unwrap().to_string();
        self.post(S::url(), form, "text/html", &[("referer", referer)])
            .await
    }

    /// Posts with extra headers (to play another site, or a tampered cookie).
    pub async fn post(
        &self,
        path: &str,
        form: &[(&str, &str)],
        accept: &str,
        extra: &[(&str, String)],
    ) -> Reply {
        let mut headers = header::HeaderMap::new();
        headers.insert(header::ACCEPT, accept.parse().unwrap());
        headers.insert("sec-fetch-site", "same-origin".parse().unwrap());
        // Extras replace the defaults above rather than adding a second value.
        for (name, value) in extra {
            headers.insert(
                header::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                value.parse().unwrap(),
            );
        }
        let request = self
            .client
            .post(self.base.join(path).unwrap())
            .form(form)
            .headers(headers);
        let response = request
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST {path}: {e}"));
        reply(response).await
    }
}

async fn reply(response: reqwest::Response) -> Reply {
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let set_cookie = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_owned))
        .collect();
    let headers = response.headers().clone();
    let url = response.url().to_string();
    let body = response
        .text()
        .await
        .unwrap_or_else(|e| panic!("the body of {url}: {e}"));
    Reply {
        status,
        location,
        set_cookie,
        headers,
        body,
    }
}

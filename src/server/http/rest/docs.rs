//! `/api/docs`: the OpenAPI document as a page people read, written on the server from the
//! document itself (no script, nothing fetched from elsewhere: it works offline).

use axum::response::Html;
use html_escape::encode_text as text;
use serde_json::Value;

/// The kinds of problem the API answers with: the anchors `type` points at.
const PROBLEMS: [(&str, &str); 13] = [
    (
        "unauthenticated",
        "401: no API key, or one that is unknown, revoked or expired.",
    ),
    (
        "forbidden",
        "403: a Read key asked for a change, or the owner may not do it.",
    ),
    (
        "not-found",
        "404: nothing there, or nothing the key's owner may see.",
    ),
    (
        "method-not-allowed",
        "405: the path does not take this method.",
    ),
    (
        "bad-request",
        "400 or 415: the request could not be read (not JSON, a bad path or query).",
    ),
    (
        "invalid",
        "422: input that breaks the rules; `errors` names each field.",
    ),
    ("too-large", "413: the body is over 64 KiB."),
    ("conflict", "409: a rule of the product said no."),
    ("gone", "410: something that existed is gone."),
    (
        "rate-limited",
        "429: too many requests with this key this minute, or with missing or unknown keys from this client; see Retry-After.",
    ),
    (
        "busy",
        "503: the server is at its bound for expensive work; see Retry-After.",
    ),
    (
        "source-unreachable",
        "502: the source (Better Stack) gave no usable answer.",
    ),
    (
        "internal",
        "500: something broke on the server; it was logged.",
    ),
];

const METHODS: [&str; 5] = ["get", "post", "patch", "put", "delete"];

pub async fn docs_page() -> Html<String> {
    let document: Value = serde_json::from_str(&super::document().1).unwrap_or_default();
    let mut html = String::from(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Plugboard REST API</title></head><body><main>",
    );
    html.push_str("<h1>Plugboard REST API</h1><p>");
    html.push_str(&text(
        document["info"]["description"].as_str().unwrap_or_default(),
    ));
    html.push_str(
        "</p><p>Base path <code>/api/v1</code>. The machine-readable document: \
         <a href=\"/api/v1/openapi.json\">/api/v1/openapi.json</a> (OpenAPI 3.1). \
         Keys are made on <a href=\"/settings/api-keys\">Settings → API Keys</a>.</p>",
    );
    html.push_str("<h2>Operations</h2>");
    for (path, item) in document["paths"].as_object().into_iter().flatten() {
        for method in METHODS {
            let Some(operation) = item.get(method) else {
                continue;
            };
            operation_html(&mut html, method, path, operation);
        }
    }
    html.push_str(
        "<h2>Problems</h2><p>Every error is <code>application/problem+json</code> \
        (RFC 9457) with one of these <code>type</code>s.</p><dl>",
    );
    for (kind, meaning) in PROBLEMS {
        html.push_str(&format!(
            "<dt id=\"problem-{kind}\"><code>/api/docs#problem-{kind}</code></dt><dd>{}</dd>",
            text(meaning)
        ));
    }
    html.push_str("</dl></main></body></html>");
    Html(html)
}

fn operation_html(html: &mut String, method: &str, path: &str, operation: &Value) {
    let words = |value: &Value| text(value.as_str().unwrap_or_default()).into_owned();
    html.push_str(&format!(
        "<section><h3><code>{} /api/v1{}</code></h3><p>{}</p>",
        method.to_uppercase(),
        text(path),
        words(&operation["description"]).replace("\n\n", "</p><p>"),
    ));
    if let Some(parameters) = operation["parameters"].as_array() {
        html.push_str("<h4>Parameters</h4><ul>");
        for parameter in parameters {
            html.push_str(&format!(
                "<li><code>{}</code> (in {}{}): {}</li>",
                words(&parameter["name"]),
                words(&parameter["in"]),
                if parameter["required"].as_bool() == Some(true) {
                    ", required"
                } else {
                    ""
                },
                words(&parameter["description"]),
            ));
        }
        html.push_str("</ul>");
    }
    if operation.get("requestBody").is_some() {
        html.push_str("<p>Body: JSON, as the document's schema says.</p>");
    }
    html.push_str("<h4>Answers</h4><ul>");
    for (status, answer) in operation["responses"].as_object().into_iter().flatten() {
        html.push_str(&format!(
            "<li><code>{}</code>: {}</li>",
            text(status),
            words(&answer["description"])
        ));
    }
    html.push_str("</ul></section>");
}

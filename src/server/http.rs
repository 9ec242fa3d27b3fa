//! HTTP concerns around the handlers: the router, middleware (CSRF, security headers, the
//! request log, render slots, the page guard), and the few plain routes (health, downloads).

pub mod client_addr;
pub mod csrf;
pub mod downloads;
pub mod error_status;
pub mod finish_requests;
pub mod health;
pub mod page_guard;
pub mod render_slots;
pub mod request;
pub mod request_log;
pub mod rest;
pub mod router;
pub mod security_headers;

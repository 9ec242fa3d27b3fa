use leptos::{error::Errors, prelude::*};

use crate::error::AppError;

/// Shows an error to the user: its own words for an [`AppError`], a generic line otherwise.
#[component]
pub fn ErrorNotice(#[prop(into)] message: Signal<String>) -> impl IntoView {
    view! {
        <div class="notice notice-error" role="alert">
            <p>{message}</p>
        </div>
    }
}

/// The text a user sees for an error caught by an `ErrorBoundary`. Errors that are not ours
/// could say anything, so they get the same opaque line as [`AppError::Internal`].
pub fn user_message(errors: &Errors) -> String {
    errors
        .iter()
        .next()
        .map(|(_, error)| match error.downcast_ref::<AppError>() {
            Some(app_error) => app_error.to_string(),
            None => AppError::Internal.to_string(),
        })
        .unwrap_or_else(|| AppError::Internal.to_string())
}

/// Fallback for `ErrorBoundary`: a page-level error message.
pub fn error_page(errors: ArcRwSignal<Errors>) -> impl IntoView {
    error_section(Signal::derive(move || user_message(&errors.read())))
}

/// A page-level error message for an error a page already holds, without an `ErrorBoundary`.
pub fn app_error_page(error: &AppError) -> impl IntoView {
    error_section(Signal::stored(error.to_string()))
}

fn error_section(message: Signal<String>) -> impl IntoView {
    view! {
        <section class="error-page" aria-labelledby="error-title">
            <h1 id="error-title">"Something is not right"</h1>
            <ErrorNotice message/>
            <p><a href="/">"Go to the start page"</a></p>
        </section>
    }
}

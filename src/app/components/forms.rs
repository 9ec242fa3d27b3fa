//! Form building blocks: labelled fields with inline errors, a form-level message, and a
//! submit button that shows progress.

use leptos::prelude::*;

use crate::error::AppError;

/// The error of the last submission of a form, if it failed.
pub type FormError = Signal<Option<AppError>>;

/// Reads the failure out of an action's value.
pub fn form_error<O, V>(value: V) -> FormError
where
    O: Send + Sync + 'static,
    V: With<Value = Option<Result<O, AppError>>> + Send + Sync + 'static,
{
    Signal::derive(move || value.with(|last| last.as_ref().and_then(|r| r.as_ref().err().cloned())))
}

/// The inline message for one field.
pub fn field_message(error: FormError, name: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || error.get().and_then(|e| e.field(name)))
}

/// What the user had typed in a field, sent back after a failed post (no JavaScript).
pub fn kept_value(error: FormError, name: &'static str) -> Signal<String> {
    Signal::derive(move || error.get().and_then(|e| e.kept(name)).unwrap_or_default())
}

/// A labelled input with an optional hint and its inline error, wired for screen readers.
#[component]
pub fn TextField(
    label: &'static str,
    name: &'static str,
    /// Unique on the page; defaults to `field-<name>`.
    #[prop(optional, into)]
    id: Option<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional, into)] value: Signal<String>,
    #[prop(optional, into)] error: Signal<Option<String>>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = true)] required: bool,
    #[prop(optional)] minlength: Option<usize>,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| format!("field-{name}"));
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let ids: Vec<&str> = [
                hint.is_some().then_some(hint_id.as_str()),
                error.get().is_some().then_some(error_id.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint.map(|text| view! { <p class="hint" id=hint_id.clone()>{text}</p> })}
            <input
                id=id
                type=kind
                name=name
                value=move || value.get()
                required=required
                minlength=minlength
                maxlength=maxlength
                autocomplete=autocomplete
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
            />
            {move || {
                error
                    .get()
                    .map(|message| view! { <p class="field-error" id=error_id.clone()>{message}</p> })
            }}
        </div>
    }
}

/// The form's own message: what failed, for errors that are not about one field, and a
/// summary for those that are. Announced by screen readers when it appears.
#[component]
pub fn FormMessage(error: FormError) -> impl IntoView {
    view! {
        <div role="alert" class="form-message">
            {move || {
                error
                    .get()
                    .map(|error| {
                        let text = match &error {
                            AppError::Invalid(fields) => fields.summary(),
                            other => other.to_string(),
                        };
                        view! { <p class="notice notice-error">{text}</p> }
                    })
            }}
        </div>
    }
}

/// A submit button that says it is working while its form's request is in flight.
#[component]
pub fn SubmitButton(
    label: &'static str,
    #[prop(optional, into)] busy_label: Option<&'static str>,
    #[prop(optional, into)] pending: Signal<bool>,
    #[prop(default = "button")] class: &'static str,
    /// For forms with several submit buttons: the `name`/`value` this one sends.
    #[prop(optional)]
    name: Option<&'static str>,
    #[prop(optional)] value: Option<&'static str>,
) -> impl IntoView {
    view! {
        <button
            type="submit"
            class=class
            name=name
            value=value
            disabled=move || pending.get()
            aria-busy=move || pending.get().then_some("true")
        >
            {move || if pending.get() { busy_label.unwrap_or(label) } else { label }}
        </button>
    }
}

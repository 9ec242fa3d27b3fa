//! Whether the browser has hydrated the calling island yet.
//!
//! A control that does something else once JavaScript runs (a link that opens a menu or a
//! dialog in place) says so to screen readers only from then on: in the server's HTML it is a
//! plain link, and a click before hydration still follows it.

use leptos::prelude::*;

/// False in the server's HTML and until hydration is done, then true. Effects run only in the
/// browser, after hydration.
pub fn hydrated() -> Signal<bool> {
    let hydrated = RwSignal::new(false);
    Effect::new(move || hydrated.set(true));
    hydrated.into()
}

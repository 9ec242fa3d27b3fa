//! Whether the browser has hydrated the calling island yet.
//!
//! What needs JavaScript appears or changes only from then on: a link that opens a menu or a
//! dialog in place says so to screen readers (in the server's HTML it is a plain link, and a
//! click before hydration still follows it), a Copy button appears, a field shows or hides with
//! a choice.

use leptos::prelude::*;

/// False in the server's HTML and until hydration is done, then true. Effects run only in the
/// browser, after hydration.
pub fn hydrated() -> Signal<bool> {
    let hydrated = RwSignal::new(false);
    Effect::new(move || hydrated.set(true));
    hydrated.into()
}

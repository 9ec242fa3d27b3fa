//! HTML rendered once, for server-rendered parts whose markup depends on nothing but one
//! answer from a read cache ([`RenderedOnce`]) or one small key ([`RenderedByKey`]).
//!
//! The read caches hand out the same `Arc` to every request until the answer is loaded again,
//! so the `Arc` itself names the answer: while it lives, the HTML made from it is the same.
//! Rendering the Overview's charts with `view!` was most of that page's time under load; the
//! connection's header and the site header's signed-in part were each about a twentieth.

use std::{
    collections::HashMap,
    hash::Hash,
    sync::{Arc, Mutex, MutexGuard, Weak},
};

/// HTML by answer and by `V`: what else the markup depends on (a page number, say).
pub struct RenderedOnce<T, V = ()> {
    /// By the answer's address. The `Weak` keeps that address from being reused for another
    /// answer while the entry exists, and tells when the answer is gone.
    kept: Mutex<Kept<T, V>>,
    most: usize,
}

type Kept<T, V> = HashMap<(usize, V), (Weak<T>, Arc<str>)>;

impl<T, V: Eq + Hash> RenderedOnce<T, V> {
    /// Keeps the HTML of at most `most` answers.
    pub fn new(most: usize) -> Self {
        Self {
            kept: Mutex::new(HashMap::new()),
            most,
        }
    }

    /// The HTML of `answer`: rendered by `render` the first time it is asked for.
    pub fn html(&self, answer: &Arc<T>, variant: V, render: impl FnOnce(&T) -> String) -> Arc<str> {
        let key = (Arc::as_ptr(answer) as usize, variant);
        if let Some((_, html)) = self.lock().get(&key) {
            return Arc::clone(html);
        }
        // Rendered outside the lock: two first requests may both render, and one HTML wins.
        let html: Arc<str> = without_hydration_marks(&render(answer)).into();
        let mut kept = self.lock();
        if kept.len() >= self.most {
            kept.retain(|_, (answer, _)| answer.strong_count() > 0);
            if kept.len() >= self.most {
                kept.clear();
            }
        }
        kept.insert(key, (Arc::downgrade(answer), Arc::clone(&html)));
        html
    }

    fn lock(&self) -> MutexGuard<'_, Kept<T, V>> {
        lock(&self.kept)
    }
}

/// HTML by a key that is everything its markup depends on. Kept as Leptos wrote it, hydration
/// marks and all: it may hold an island, which the browser hydrates from this HTML as from any.
pub struct RenderedByKey<K> {
    kept: Mutex<HashMap<K, Arc<str>>>,
    most: usize,
}

impl<K: Eq + Hash> RenderedByKey<K> {
    /// Keeps the HTML of at most `most` keys; past that, it starts over.
    pub fn new(most: usize) -> Self {
        Self {
            kept: Mutex::new(HashMap::new()),
            most,
        }
    }

    /// The HTML for `key`: rendered by `render` the first time it is asked for.
    pub fn html(&self, key: K, render: impl FnOnce(&K) -> String) -> Arc<str> {
        if let Some(html) = lock(&self.kept).get(&key) {
            return Arc::clone(html);
        }
        // Rendered outside the lock, as in `RenderedOnce::html`.
        let html: Arc<str> = render(&key).into();
        let mut kept = lock(&self.kept);
        if kept.len() >= self.most {
            kept.clear();
        }
        kept.insert(key, Arc::clone(&html));
        html
    }
}

fn lock<T>(kept: &Mutex<T>) -> MutexGuard<'_, T> {
    // What is kept is only ever whole entries, so a panic elsewhere cannot leave it torn.
    kept.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// `html` without the empty comments (`<!>`) Leptos writes for the browser to find text and
/// empty views by when it hydrates: HTML rendered here goes into the page as `inner_html`,
/// which never hydrates, and on the Overview they were a tenth of its size. Only markup can
/// hold a literal `<`: Leptos escapes it in text and in attribute values alike, and the views
/// rendered here write no raw HTML of their own.
fn without_hydration_marks(html: &str) -> String {
    html.replace("<!>", "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_answer_is_rendered_once_and_a_new_one_again() {
        let rendered = RenderedOnce::new(8);
        let first = Arc::new(1);
        let mut renders = 0;
        for _ in 0..3 {
            let html = rendered.html(&first, (), |n| {
                renders += 1;
                format!("<p>{n}</p>")
            });
            assert_eq!(&*html, "<p>1</p>");
        }
        assert_eq!(renders, 1);
        let equal_but_new = Arc::new(1);
        rendered.html(&equal_but_new, (), |n| {
            renders += 1;
            format!("<p>{n}</p>")
        });
        assert_eq!(renders, 2, "an answer loaded again is rendered again");
    }

    #[test]
    fn hydration_marks_are_left_out_and_escaped_text_is_kept() {
        use leptos::prelude::*;

        let render = |name: &String| {
            let missing: Option<&str> = None;
            view! { <p title=name.clone()>{name.clone()}{missing}</p> }.to_html()
        };
        let name = Arc::new("Service <!> 1".to_owned());
        assert!(render(&name).contains("<!>"), "Leptos marks the empty view");
        let html = RenderedOnce::new(2).html(&name, (), render);
        assert!(html.contains("Service &lt;!&gt; 1</p>"), "{html}");
        assert!(html.contains(r#"title="Service &lt;!&gt; 1""#), "{html}");
        assert!(!html.contains("<!>"), "{html}");
    }

    #[test]
    fn html_by_key_is_rendered_once_per_key_and_keeps_its_marks() {
        let rendered = RenderedByKey::new(2);
        let renders = std::cell::Cell::new(0);
        let render = |key: &str| {
            rendered.html(key.to_owned(), |key| {
                renders.set(renders.get() + 1);
                format!("<p>{key}<!></p>")
            })
        };
        assert_eq!(
            &*render("Ada"),
            "<p>Ada<!></p>",
            "marks are kept for hydration"
        );
        render("Ada");
        render("Bo");
        assert_eq!(renders.get(), 2);
        render("Cy");
        assert!(rendered.kept.lock().unwrap().len() <= 2, "bounded");
    }

    #[test]
    fn answers_that_are_gone_make_room_first() {
        let rendered = RenderedOnce::new(2);
        let live = Arc::new("live");
        rendered.html(&live, 1, |s| s.to_string());
        for _ in 0..5 {
            rendered.html(&Arc::new("gone"), 1, |s| s.to_string());
            assert!(rendered.lock().len() <= 2);
        }
        let mut rendered_again = false;
        rendered.html(&live, 1, |s| {
            rendered_again = true;
            s.to_string()
        });
        assert!(!rendered_again, "the live answer kept its HTML");
        let other_page = rendered.html(&live, 2, |s| format!("{s} 2"));
        assert_eq!(&*other_page, "live 2", "each variant has its own HTML");
    }
}

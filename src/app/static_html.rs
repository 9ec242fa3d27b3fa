//! HTML written as text, for the long server-only tables where `view!` is too slow.
//!
//! With `erase_components`, every element a `view!` makes is a boxed view with its own
//! attribute and child vectors. For the 50 rows of the connections list that was over a third
//! of the page's time (perf, 64 concurrent loads). A page that is not an island never hydrates,
//! so its rows can be written as text instead.
//!
//! Markup can only come from string literals (`&'static str`); everything else goes through
//! the same escaping Leptos uses (the html-escape crate), so data cannot become markup.

use std::fmt::Write;

#[derive(Default)]
pub struct StaticHtml(String);

impl StaticHtml {
    pub fn with_capacity(bytes: usize) -> Self {
        Self(String::with_capacity(bytes))
    }

    /// Markup: tags, attribute names, the quotes around values.
    pub fn markup(&mut self, markup: &'static str) -> &mut Self {
        self.0.push_str(markup);
        self
    }

    /// Text between tags, escaped.
    pub fn text(&mut self, text: &str) -> &mut Self {
        html_escape::encode_text_to_string(text, &mut self.0);
        self
    }

    /// The value of a double-quoted attribute, escaped.
    pub fn attribute_value(&mut self, value: &str) -> &mut Self {
        html_escape::encode_double_quoted_attribute_to_string(value, &mut self.0);
        self
    }

    /// A number, which needs no escaping.
    pub fn number(&mut self, number: i64) -> &mut Self {
        // Writing to a String cannot fail.
        let _ = write!(self.0, "{number}");
        self
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cannot_open_a_tag_or_an_entity() {
        let mut html = StaticHtml::default();
        html.markup("<td>")
            .text("<script>alert(1)</script> & co")
            .markup("</td>");
        assert_eq!(
            html.into_string(),
            "<td>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</td>"
        );
    }

    #[test]
    fn an_attribute_value_cannot_close_its_quotes() {
        let mut html = StaticHtml::default();
        html.markup("<a href=\"")
            .attribute_value("/x\" onclick=\"alert(1)")
            .markup("\">");
        assert_eq!(
            html.into_string(),
            "<a href=\"/x&quot; onclick=&quot;alert(1)\">"
        );
    }

    #[test]
    fn numbers_and_other_text_are_written_as_they_are() {
        let mut html = StaticHtml::with_capacity(16);
        html.text("••••OKEN ").number(-42);
        assert_eq!(html.into_string(), "••••OKEN -42");
    }
}

use leptos::prelude::*;

use super::{
    figure::Figure,
    scale::{place, WIDTH},
};
use crate::wire::overview::Measure;

const ROW: f64 = 24.0;
const LABEL_WIDTH: f64 = 220.0;
const VALUE_WIDTH: f64 = 80.0;
/// Characters of a label drawn beside its bar; the table has them whole.
const LABEL_CHARS: usize = 28;

/// Horizontal bars, one per measure, from `low` to `high`. `show` writes a value.
#[component]
pub fn Bars(
    id: &'static str,
    title: String,
    summary: String,
    columns: (&'static str, &'static str),
    bars: Vec<Measure>,
    low: f64,
    high: f64,
    show: fn(f64) -> String,
    /// Bars of a value under this get the warning class (`None`: none do).
    #[prop(optional)]
    warn_below: Option<f64>,
) -> impl IntoView {
    let height = ROW * bars.len().max(1) as f64 + 8.0;
    let length = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    let rows = bars
        .iter()
        .map(|bar| (bar.label.clone(), show(bar.value)))
        .collect();
    let drawn = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = 4.0 + i as f64 * ROW;
            let label: String = if bar.label.chars().count() > LABEL_CHARS {
                let cut: String = bar.label.chars().take(LABEL_CHARS - 1).collect();
                format!("{cut}…")
            } else {
                bar.label.clone()
            };
            let class = match warn_below {
                Some(limit) if bar.value < limit => "bar bar-warn",
                _ => "bar",
            };
            view! {
                <text class="chart-label" x=LABEL_WIDTH - 8.0 y=y + 16.0 text-anchor="end">{label}</text>
                <rect class=class x=LABEL_WIDTH y=y + 3.0 width=place(bar.value, low, high, length).max(1.0) height=ROW - 6.0/>
                <text class="chart-value" x=WIDTH - VALUE_WIDTH + 6.0 y=y + 16.0>{show(bar.value)}</text>
            }
        })
        .collect_view();
    view! {
        <Figure id title=title.clone() summary columns rows>
            <svg class="chart-drawing" viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-labelledby=format!("{id}-title {id}-summary")>
                <title>{title}</title>
                {drawn}
            </svg>
        </Figure>
    }
}

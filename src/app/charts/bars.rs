use leptos::prelude::*;

use super::{
    figure::Figure,
    rectangles::{path_data, Rectangle},
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
    let top = |i: usize| 4.0 + i as f64 * ROW;
    let warns = |value: f64| warn_below.is_some_and(|limit| value < limit);
    let drawn_where = |warn: bool| {
        path_data(
            bars.iter()
                .enumerate()
                .filter(|(_, bar)| warns(bar.value) == warn)
                .map(|(i, bar)| Rectangle {
                    left: LABEL_WIDTH,
                    top: top(i) + 3.0,
                    width: place(bar.value, low, high, length).max(1.0),
                    height: ROW - 6.0,
                }),
        )
    };
    let (plain, warned) = (drawn_where(false), drawn_where(true));
    let words = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = top(i) + 16.0;
            let label: String = if bar.label.chars().count() > LABEL_CHARS {
                let cut: String = bar.label.chars().take(LABEL_CHARS - 1).collect();
                format!("{cut}…")
            } else {
                bar.label.clone()
            };
            view! {
                <text class="chart-label" x=LABEL_WIDTH - 8.0 y=y text-anchor="end">{label}</text>
                <text class="chart-value" x=WIDTH - VALUE_WIDTH + 6.0 y=y>{show(bar.value)}</text>
            }
        })
        .collect_view();
    view! {
        <Figure id title=title.clone() summary columns rows>
            <svg class="chart-drawing" viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-labelledby=format!("{id}-title {id}-summary")>
                <title>{title}</title>
                {(!plain.is_empty()).then(|| view! { <path class="bar" d=plain/> })}
                {(!warned.is_empty()).then(|| view! { <path class="bar bar-warn" d=warned/> })}
                {words}
            </svg>
        </Figure>
    }
}

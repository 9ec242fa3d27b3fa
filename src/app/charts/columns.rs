use leptos::prelude::*;

use super::{
    axis::{ZeroAxis, HEIGHT, PLOT},
    figure::Figure,
    scale::{number, place, round_top, unit, WIDTH},
};
use crate::wire::overview::Measure;

const AXIS: f64 = 40.0;

/// Columns from zero, one per measure, in order (days, oldest first). The axis names its top
/// and the first, middle and last columns.
#[component]
pub fn Columns(
    id: &'static str,
    title: String,
    summary: String,
    columns: (&'static str, &'static str),
    bars: Vec<Measure>,
) -> impl IntoView {
    let top = round_top(bars.iter().map(|bar| bar.value).fold(0.0, f64::max));
    let step = (WIDTH - AXIS) / bars.len().max(1) as f64;
    let rows = bars
        .iter()
        .map(|bar| (bar.label.clone(), number(bar.value)))
        .collect();
    let last = bars.len().saturating_sub(1);
    let named = [0, last / 2, last];
    let drawn = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let height = place(bar.value, 0.0, top, PLOT);
            let x = AXIS + i as f64 * step;
            view! {
                <rect class="column" x=unit(x + 1.0) y=unit(PLOT - height) width=unit((step - 2.0).max(1.0)) height=height/>
                {named.contains(&i).then(|| view! {
                    <text class="chart-label" x=unit(x + step / 2.0) y=HEIGHT - 6.0 text-anchor="middle">{bar.label}</text>
                })}
            }
        })
        .collect_view();
    view! {
        <Figure id title=title.clone() summary columns rows>
            <svg class="chart-drawing" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby=format!("{id}-title {id}-summary")>
                <title>{title}</title>
                <ZeroAxis left=AXIS top=number(top)/>
                {drawn}
            </svg>
        </Figure>
    }
}

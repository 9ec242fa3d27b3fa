use leptos::prelude::*;

use super::{
    axis::{ZeroAxis, HEIGHT, PLOT},
    figure::Figure,
    rectangles::{path_data, Rectangle},
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
    let drawn = path_data(bars.iter().enumerate().map(|(i, bar)| {
        let height = place(bar.value, 0.0, top, PLOT);
        Rectangle {
            left: AXIS + i as f64 * step + 1.0,
            top: PLOT - height,
            width: (step - 2.0).max(1.0),
            height,
        }
    }));
    let labels = bars
        .into_iter()
        .enumerate()
        .filter(|(i, _)| named.contains(i))
        .map(|(i, bar)| {
            let x = AXIS + i as f64 * step;
            // The first and last labels start and end at their column, inside the drawing.
            let (x, anchor) = match i {
                0 => (x, "start"),
                i if i == last => (x + step, "end"),
                _ => (x + step / 2.0, "middle"),
            };
            view! {
                <text class="chart-label" x=unit(x) y=HEIGHT - 6.0 text-anchor=anchor>{bar.label}</text>
            }
        })
        .collect_view();
    view! {
        <Figure id title=title.clone() summary columns rows>
            <svg class="chart-drawing" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby=format!("{id}-title {id}-summary")>
                <title>{title}</title>
                <ZeroAxis left=AXIS top=number(top)/>
                <path class="column" d=drawn/>
                {labels}
            </svg>
        </Figure>
    }
}

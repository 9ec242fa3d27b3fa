use leptos::prelude::*;

use super::scale::WIDTH;

/// The height of the charts drawn over time or days, and the strip under them for labels.
pub const HEIGHT: f64 = 200.0;
pub const FOOT: f64 = 24.0;
/// Where their values end: the bottom of the drawing, above the labels.
pub const PLOT: f64 = HEIGHT - FOOT;

/// A value axis from zero: the base line from `left` across, and the top's and zero's values
/// written left of it.
#[component]
pub fn ZeroAxis(left: f64, top: String) -> impl IntoView {
    view! {
        <line class="axis" x1=left y1=PLOT x2=WIDTH y2=PLOT/>
        <text class="chart-label" x=left - 6.0 y=12.0 text-anchor="end">{top}</text>
        <text class="chart-label" x=left - 6.0 y=PLOT text-anchor="end">"0"</text>
    }
}

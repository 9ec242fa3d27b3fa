use leptos::prelude::*;

use super::{
    axis::{ZeroAxis, HEIGHT, PLOT},
    figure::Figure,
    scale::{place, round_top, WIDTH},
};
use crate::wire::overview::TimedValue;

/// Room left of the plot for the top value, such as "2000 ms".
const AXIS: f64 = 64.0;
/// Points drawn at most; longer series are averaged into this many.
const POINTS: usize = 320;
/// Rows of the table at most; longer series are averaged into this many.
const TABLE_ROWS: usize = 24;

/// A line over time from zero, values written by `show` (the axis and the table).
#[component]
pub fn Line(
    id: &'static str,
    title: String,
    summary: String,
    columns: (&'static str, &'static str),
    points: Vec<TimedValue>,
    show: fn(f64) -> String,
) -> impl IntoView {
    let rows = thin(&points, TABLE_ROWS)
        .into_iter()
        .map(|point| (point.label, show(point.value)))
        .collect();
    let drawn = thin(&points, POINTS);
    let top = round_top(drawn.iter().map(|p| p.value).fold(0.0, f64::max));
    let (first, last) = (
        drawn.first().map_or(0, |p| p.at),
        drawn.last().map_or(0, |p| p.at),
    );
    let path = drawn
        .iter()
        .map(|p| {
            let x = AXIS + place(p.at as f64, first as f64, last as f64, WIDTH - AXIS - 4.0);
            let y = PLOT - place(p.value, 0.0, top, PLOT - 4.0);
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ");
    let first_label = drawn.first().map(|p| p.label.clone()).unwrap_or_default();
    let last_label = drawn.last().map(|p| p.label.clone()).unwrap_or_default();
    view! {
        <Figure id title=title.clone() summary columns rows>
            <svg class="chart-drawing" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby=format!("{id}-title {id}-summary")>
                <title>{title}</title>
                <ZeroAxis left=AXIS top=show(top)/>
                <polyline class="series" points=path/>
                <text class="chart-label" x=AXIS y=HEIGHT - 6.0>{first_label}</text>
                <text class="chart-label" x=WIDTH y=HEIGHT - 6.0 text-anchor="end">{last_label}</text>
            </svg>
        </Figure>
    }
}

/// At most `most` points: consecutive runs averaged, each named by its first point.
fn thin(points: &[TimedValue], most: usize) -> Vec<TimedValue> {
    if points.len() <= most || most == 0 {
        return points.to_vec();
    }
    points
        .chunks(points.len().div_ceil(most))
        .map(|run| TimedValue {
            at: run[0].at,
            label: run[0].label.clone(),
            value: run.iter().map(|p| p.value).sum::<f64>() / run.len() as f64,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{super::scale::number, *};

    fn series(n: i64) -> Vec<TimedValue> {
        (0..n)
            .map(|i| TimedValue {
                at: i,
                label: i.to_string(),
                value: i as f64,
            })
            .collect()
    }

    #[test]
    fn a_long_series_is_averaged_into_at_most_the_points_drawn() {
        assert_eq!(thin(&series(10), 20).len(), 10);
        let thinned = thin(&series(960), 320);
        assert!(thinned.len() <= 320, "{}", thinned.len());
        assert_eq!(thinned[0].value, 1.0, "the mean of 0, 1, 2");
        assert_eq!(number(thinned[1].value), "4");
    }
}

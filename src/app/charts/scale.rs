//! Placing values on a chart.

/// The chart's drawing box, in SVG user units (the viewBox scales it to the page).
pub const WIDTH: f64 = 640.0;

/// `value` between `low` and `high`, as a share of `length` (clamped to the box).
pub fn place(value: f64, low: f64, high: f64, length: f64) -> f64 {
    if high <= low || !value.is_finite() {
        return 0.0;
    }
    unit(((value - low) / (high - low)).clamp(0.0, 1.0) * length)
}

/// A coordinate to the hundredth of a user unit: finer is invisible at any size a page draws
/// the chart, and a float written in full takes up to 17 digits, on every column of every chart.
pub fn unit(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// A round top for an axis that starts at zero: 1, 2 or 5 times a power of ten, at least
/// `max` (and at least 1).
pub fn round_top(max: f64) -> f64 {
    if !(max.is_finite() && max > 1.0) {
        return 1.0;
    }
    let power = 10f64.powf(max.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|step| step * power)
        .find(|top| *top >= max)
        .unwrap_or(10.0 * power)
}

/// Where a percentage axis starts so that differences near 100 % show: a multiple of ten
/// below the lowest value, and never above 90.
pub fn percent_floor(lowest: f64) -> f64 {
    if !lowest.is_finite() {
        return 0.0;
    }
    ((lowest / 10.0).floor() * 10.0).clamp(0.0, 90.0)
}

/// A number as the charts print it: no more than two decimals, no trailing zeros.
pub fn number(value: f64) -> String {
    let text = format!("{:.2}", value);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// A percentage as the pages print it: "99.98 %".
pub fn percent(value: f64) -> String {
    format!("{} %", number(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_land_inside_the_box() {
        assert_eq!(place(5.0, 0.0, 10.0, 100.0), 50.0);
        assert_eq!(place(20.0, 0.0, 10.0, 100.0), 100.0);
        assert_eq!(place(-1.0, 0.0, 10.0, 100.0), 0.0);
        assert_eq!(place(1.0, 3.0, 3.0, 100.0), 0.0);
        assert_eq!(place(f64::NAN, 0.0, 1.0, 100.0), 0.0);
        assert_eq!(place(1.0, 0.0, 3.0, 100.0).to_string(), "33.33");
        assert_eq!(unit(40.0 + 7.0 * (600.0 / 90.0)).to_string(), "86.67");
    }

    #[test]
    fn axes_end_on_round_numbers() {
        assert_eq!(round_top(0.0), 1.0);
        assert_eq!(round_top(3.0), 5.0);
        assert_eq!(round_top(17.0), 20.0);
        assert_eq!(round_top(0.31), 1.0);
        assert_eq!(round_top(120.0), 200.0);
        assert_eq!(percent_floor(99.2), 90.0);
        assert_eq!(percent_floor(42.0), 40.0);
        assert_eq!(number(99.98765), "99.99");
        assert_eq!(number(3.0), "3");
        assert_eq!(percent(99.98765), "99.99 %");
    }
}

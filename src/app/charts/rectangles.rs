//! Rectangles drawn as one `<path>`. The Overview's 90 columns were 90 `<rect>` elements, a
//! sixth of the page's HTML, and each one a node for the browser to lay out.

use std::fmt::Write;

use super::scale::unit;

/// A rectangle by its left, top, width and height, in the chart's user units.
pub struct Rectangle {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

/// The path data (`d`) that draws every rectangle; one of no width or height draws nothing.
pub fn path_data(rectangles: impl IntoIterator<Item = Rectangle>) -> String {
    let mut data = String::new();
    for Rectangle {
        left,
        top,
        width,
        height,
    } in rectangles
    {
        if width > 0.0 && height > 0.0 {
            let (width, height) = (unit(width), unit(height));
            // Writing to a String cannot fail.
            let _ = write!(
                data,
                "M{} {}h{width}v{height}h-{width}z",
                unit(left),
                unit(top)
            );
        }
    }
    data
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_rectangle_is_a_closed_outline_from_its_top_left_corner() {
        let data = path_data([
            Rectangle {
                left: 41.0,
                top: 100.5,
                width: 4.333_333,
                height: 19.5,
            },
            Rectangle {
                left: 47.0,
                top: 120.0,
                width: 4.0,
                height: 0.0,
            },
            Rectangle {
                left: 53.0,
                top: 60.0,
                width: 4.0,
                height: 60.0,
            },
        ]);
        assert_eq!(data, "M41 100.5h4.33v19.5h-4.33zM53 60h4v60h-4z");
    }

    #[test]
    fn no_rectangles_draw_nothing() {
        assert_eq!(path_data([]), "");
    }
}

//! Charts drawn on the server as SVG: no script, nothing the Content-Security-Policy refuses.
//!
//! Written by hand rather than with a chart crate: these are bars, columns and one line,
//! coloured by classes from `style/main.css` (the crates we looked at, plotters and poloto,
//! write fixed colours into the SVG, and plotters needs a font backend to lay out text on
//! the server). Each chart is a `<figure>`: its caption says what it shows and what stands
//! out, the SVG is an image named by that caption, and a table under **Show the numbers**
//! holds every value, for screen readers and for anyone who wants them.

mod axis;
mod bars;
mod columns;
mod figure;
mod line;
mod rectangles;
pub mod scale;

pub use bars::Bars;
pub use columns::Columns;
pub use line::Line;

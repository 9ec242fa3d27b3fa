use leptos::prelude::*;

/// A chart's frame: its caption (title and what stands out), the drawing, and its numbers
/// as a table. `id` names the figure's parts; it must be unique on the page.
#[component]
pub fn Figure(
    id: &'static str,
    title: String,
    summary: String,
    /// Headings of the table's two columns.
    columns: (&'static str, &'static str),
    /// The table's rows: what and how much, as text.
    rows: Vec<(String, String)>,
    children: Children,
) -> impl IntoView {
    let labelled_by = format!("{id}-title");
    let title_id = labelled_by.clone();
    let summary_id = format!("{id}-summary");
    view! {
        <figure class="chart" id=id aria-labelledby=labelled_by>
            <figcaption>
                <strong id=title_id>{title}</strong>
                " "
                <span id=summary_id>{summary}</span>
            </figcaption>
            {children()}
            <details class="chart-numbers">
                <summary>"Show the numbers"</summary>
                <div class="table-scroll">
                    <table>
                        <thead>
                            <tr><th scope="col">{columns.0}</th><th scope="col">{columns.1}</th></tr>
                        </thead>
                        <tbody>
                            {rows
                                .into_iter()
                                .map(|(what, value)| view! { <tr><th scope="row">{what}</th><td>{value}</td></tr> })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}

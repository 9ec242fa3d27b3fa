use leptos::prelude::*;

use crate::app::{
    page_data::{page_data, PageData},
    query_string::query_string,
    query_string::query_value,
};
use crate::domain::time_words::utc_words;
use crate::wire::args::{data::RecordsArgs, ConnectionRef};
use crate::{
    api::sync::list_records, app::components::error_notice::error_page, error::AppError,
    wire::data::DataTable,
};

/// A table's state in the URL, under a prefix (`t_` for the Data table, `h_` for History), so
/// sorting, filtering and paging are links and GET forms: they work without JavaScript.
#[derive(Clone, PartialEq)]
pub(super) struct TableUrl {
    prefix: &'static str,
    query: Vec<(String, String)>,
}

impl TableUrl {
    /// The keys of one table (or list) in the page's URL `query`, all starting with `prefix`.
    pub(super) fn new(prefix: &'static str, query: Vec<(String, String)>) -> Self {
        Self { prefix, query }
    }

    fn get(&self, key: &str) -> String {
        query_value(&self.query, &format!("{}{key}", self.prefix))
            .unwrap_or_default()
            .to_owned()
    }

    fn page(&self) -> i64 {
        self.get("page").parse().unwrap_or(1)
    }

    /// The current URL's query with these keys of this table changed.
    fn with(&self, changes: &[(&str, String)]) -> String {
        let mut pairs: Vec<(String, String)> = self
            .query
            .clone()
            .into_iter()
            .filter(|(key, _)| {
                !changes
                    .iter()
                    .any(|(changed, _)| *key == format!("{}{changed}", self.prefix))
            })
            .collect();
        pairs.extend(
            changes
                .iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(k, v)| (format!("{}{k}", self.prefix), v.clone())),
        );
        format!("?{}", query_string(pairs))
    }

    /// The link a column header gives: sort by it in direction `dir`.
    fn sort_link(&self, key: &str, dir: &str) -> String {
        self.with(&[
            ("sort", key.to_owned()),
            ("dir", dir.to_owned()),
            ("page", String::new()),
        ])
    }
}

/// The Data table's state in the URL (which kind, its sort, filter and page) and its page of
/// rows, loaded again when `data_version` changes (a sync finished).
#[derive(Clone, Copy)]
pub struct TableData {
    table: StoredValue<TableUrl>,
    /// The kind the URL names (empty: the source's first).
    kind: StoredValue<String>,
    page: PageData<Result<DataTable, AppError>>,
}

/// Where the Data section keeps which kind it shows; the table's own keys start with
/// [`TABLE_PREFIX`].
pub const KIND_KEY: &str = "data";
const TABLE_PREFIX: &str = "t_";

impl TableData {
    /// The table of connection `id` that the page's `query` asks for (the source's first kind
    /// unless it names one); with no `id` (an address naming no connection) nothing is read.
    pub fn new(
        query: &[(String, String)],
        data_version: RwSignal<u32>,
        source: String,
        id: Option<i64>,
    ) -> Self {
        let kind = query
            .iter()
            .find(|(key, _)| key == KIND_KEY)
            .map(|(_, value)| value.clone())
            .unwrap_or_default();
        let kind = StoredValue::new(kind);
        let table = StoredValue::new(TableUrl {
            prefix: TABLE_PREFIX,
            query: query.to_vec(),
        });
        let page = page_data(
            move || data_version.get(),
            move |_| {
                let table = table.get_value();
                let read = id.map(|id| {
                    list_records(RecordsArgs {
                        connection: ConnectionRef {
                            source: source.clone(),
                            id,
                        },
                        kind: kind.get_value(),
                        sort: table.get("sort"),
                        // A direction the links do not make sorts the table's own way.
                        dir: table.get("dir").parse().ok(),
                        filter: table.get("filter"),
                        page: table.page(),
                    })
                });
                async move { read.ok_or(AppError::NotFound)?.await }
            },
        );
        Self { table, kind, page }
    }

    /// The kind the URL names; empty for the source's first.
    pub fn kind(&self) -> String {
        self.kind.get_value()
    }
}

/// The records of one kind: filter, downloads, the table and its pages.
#[component]
pub fn RecordsTable(source: String, id: i64, data: TableData) -> impl IntoView {
    let TableData { table, page, .. } = data;
    view! {
        <Transition fallback=|| view! { <p>"Loading the records…"</p> }>
            <ErrorBoundary fallback=error_page>
                {move || {
                    let source = source.clone();
                    Suspend::new(async move {
                        let table = table.get_value();
                        page.await.map(|page| {
                            let downloads = format!("/connections/{source}/{id}/{}", page.kind);
                            view! {
                                <section aria-labelledby="records-title">
                                    <h3 id="records-title">{page.label.clone()}</h3>
                                    <TableTools table=table.clone() label=format!("Filter {}", page.label.to_lowercase()) downloads/>
                                    <Rows table page/>
                                </section>
                            }
                        })
                    })
                }}
            </ErrorBoundary>
        </Transition>
    }
}

#[component]
fn Rows(table: TableUrl, page: DataTable) -> impl IntoView {
    let columns: Vec<(bool, bool)> = page
        .columns
        .iter()
        .map(|column| (column.wrap, column.time))
        .collect();
    let pages_label = format!("{} pages", page.label);
    view! {
        // Focusable, so a keyboard can scroll a table wider than the screen.
        <div class="table-scroll" tabindex="0" role="region" aria-label=format!("{} table", page.label)>
            <table class="table data-table">
                <caption class="visually-hidden">{page.label.clone()}</caption>
                <thead><tr><SortHeaders table=table.clone() page=page.clone()/></tr></thead>
                <tbody>
                    {page.rows.into_iter().map(|row| {
                        let mut cells = row.into_iter().zip(columns.iter().copied());
                        let (name, _) = cells.next().unwrap_or_default();
                        view! {
                            <tr>
                                <th scope="row">{name}</th>
                                {cells.map(|(value, (wrap, time))| view! {
                                    <td class:wrap=wrap>{time.then(|| cell_time(&value)).flatten().unwrap_or_else(|| value.into_any())}</td>
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <Pager table label=pages_label page=page.page pages=page.pages total=page.total/>
    }
}

/// A time cell (exact UTC) as every page shows times; `None` when it holds no time.
fn cell_time(exact: &str) -> Option<AnyView> {
    let words = utc_words(exact)?;
    Some(view! { <time datetime=exact.to_owned()>{words}</time> }.into_any())
}

/// Column headers that sort by themselves when followed.
#[component]
fn SortHeaders(table: TableUrl, page: DataTable) -> impl IntoView {
    page.columns
        .into_iter()
        .map(|column| {
            let sorted = column.key == page.sort;
            let aria_sort = sorted.then_some(if page.descending {
                "descending"
            } else {
                "ascending"
            });
            let dir = if sorted && !page.descending {
                "desc"
            } else {
                "asc"
            };
            view! {
                <th scope="col" aria-sort=aria_sort>
                    <a href=table.sort_link(&column.key, dir)>{column.label}</a>
                </th>
            }
        })
        .collect_view()
}

/// Filter (a GET form) and downloads. The URL does not change while the page is open (the
/// form loads a new page), so neither does this.
#[component]
fn TableTools(table: TableUrl, label: String, downloads: String) -> impl IntoView {
    let input_id = label.to_lowercase().replace(' ', "-");
    let (filter_key, page_key) = (
        format!("{}filter", table.prefix),
        format!("{}page", table.prefix),
    );
    let filter = table.get("filter");
    // Everything else in the URL stays as it is.
    let hidden = table
        .query
        .into_iter()
        .filter(|(key, _)| *key != filter_key && *key != page_key)
        .map(|(name, value)| view! { <input type="hidden" name=name value=value/> })
        .collect_view();
    view! {
        <div class="table-tools">
            <form method="get" action="">
                {hidden}
                <label for=input_id.clone()>{label}</label>
                <input id=input_id type="search" name=filter_key value=filter/>
                <button type="submit" class="button button-secondary">"Filter"</button>
            </form>
            <p class="downloads">
                <a href=format!("{downloads}.csv") download="">"Download CSV"</a>
                " "
                <a href=format!("{downloads}.json") download="">"Download JSON"</a>
            </p>
        </div>
    }
}

#[component]
pub(super) fn Pager(
    table: TableUrl,
    #[prop(into)] label: String,
    page: i64,
    pages: i64,
    total: i64,
) -> impl IntoView {
    view! {
        <nav class="pager" aria-label=label>
            {(page > 1).then(|| view! { <a href=table.with(&[("page", (page - 1).to_string())])>"Previous"</a> })}
            <span>{format!("Page {page} of {pages} ({total} in all)")}</span>
            {(page < pages).then(|| view! { <a href=table.with(&[("page", (page + 1).to_string())])>"Next"</a> })}
        </nav>
    }
}

use std::future::Future;

use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

use crate::app::page_data::{page_data, PageData};
use crate::{
    api::sync::{IncidentItem, MonitorItem, TablePage},
    app::{components::error_notice::error_page, pages::new_connection::urlencode},
    domain::data_tables::{IncidentColumn, MonitorColumn},
    error::AppError,
};

/// A table's state in the URL, under a prefix (`m_` for monitors, `i_` for incidents), so
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
        let key = format!("{}{key}", self.prefix);
        self.query
            .iter()
            .find(|(name, _)| *name == key)
            .map(|(_, value)| value.clone())
            .unwrap_or_default()
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
        let query: Vec<String> = pairs
            .into_iter()
            .map(|(k, v)| format!("{}={}", urlencode(&k), urlencode(&v)))
            .collect();
        format!("?{}", query.join("&"))
    }

    /// The link a column header gives: sort by it, or flip the direction if it already sorts.
    fn sort_link(&self, key: &str) -> String {
        let dir = if self.get("sort") == key && self.get("dir") != "desc" {
            "desc"
        } else {
            "asc"
        };
        self.with(&[
            ("sort", key.to_owned()),
            ("dir", dir.to_owned()),
            ("page", String::new()),
        ])
    }

    fn aria_sort(&self, key: &str, default: bool) -> Option<&'static str> {
        let sorted = self.get("sort") == key || (self.get("sort").is_empty() && default);
        sorted.then(|| {
            if self.get("dir") == "desc" {
                "descending"
            } else {
                "ascending"
            }
        })
    }
}

/// One table's state in the URL and its page of rows, loaded again when `data_version`
/// changes (a sync finished).
pub struct TableData<T: Send + Sync + 'static> {
    table: StoredValue<TableUrl>,
    page: PageData<Result<TablePage<T>, AppError>>,
}

impl<T: Send + Sync + 'static> Clone for TableData<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for TableData<T> {}

impl<T> TableData<T>
where
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
{
    /// `list(source, id, sort, dir, filter, page)` is the server function that reads a page of
    /// the rows of connection `id`; with no `id` (an address naming no connection) the table
    /// is not found, and nothing is read.
    pub fn new<Fut>(
        prefix: &'static str,
        query: &[(String, String)],
        data_version: RwSignal<u32>,
        source: String,
        id: Option<i64>,
        list: impl Fn(String, i64, String, String, String, i64) -> Fut + Send + Sync + 'static,
    ) -> Self
    where
        Fut: Future<Output = Result<TablePage<T>, AppError>> + Send + 'static,
    {
        let table = StoredValue::new(TableUrl {
            prefix,
            query: query.to_vec(),
        });
        let page = page_data(
            move || data_version.get(),
            move |_| {
                let table = table.get_value();
                let read = id.map(|id| {
                    list(
                        source.clone(),
                        id,
                        table.get("sort"),
                        table.get("dir"),
                        table.get("filter"),
                        table.page(),
                    )
                });
                async move { read.ok_or(AppError::NotFound)?.await }
            },
        );
        Self { table, page }
    }
}

#[component]
pub fn MonitorsTable(source: String, id: i64, data: TableData<MonitorItem>) -> impl IntoView {
    let TableData { table, page } = data;
    let table = move || table.get_value();
    let downloads = format!("/connections/{source}/{id}/monitors");
    view! {
        <section aria-labelledby="monitors-title">
            <h3 id="monitors-title">"Monitors"</h3>
            <TableTools table=table() label="Filter monitors" downloads/>
            <Transition fallback=|| view! { <p>"Loading monitors…"</p> }>
                <ErrorBoundary fallback=error_page>
                    {move || Suspend::new(async move {
                        let table = table();
                        page.await.map(|page| view! { <MonitorRows table page/> })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn MonitorRows(table: TableUrl, page: TablePage<MonitorItem>) -> impl IntoView {
    let headers = MonitorColumn::ALL
        .map(|column| (column.key(), column.label(), column == MonitorColumn::Name));
    view! {
        <table class="table data-table">
            <caption class="visually-hidden">"Monitors"</caption>
            <thead><tr><SortHeaders table=table.clone() headers=headers.to_vec()/></tr></thead>
            <tbody>
                {page.rows.into_iter().map(|m| view! {
                    <tr>
                        <th scope="row">{m.name}</th>
                        <td class="wrap">{m.url}</td>
                        <td>{m.monitor_type}</td>
                        <td>{m.status}</td>
                        <td>{m.check_frequency}</td>
                        <td>{m.last_checked}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        <Pager table label="Monitors pages" page=page.page pages=page.pages total=page.total/>
    }
}

#[component]
pub fn IncidentsTable(source: String, id: i64, data: TableData<IncidentItem>) -> impl IntoView {
    let TableData { table, page } = data;
    let table = move || table.get_value();
    let downloads = format!("/connections/{source}/{id}/incidents");
    view! {
        <section aria-labelledby="incidents-title">
            <h3 id="incidents-title">"Incidents"</h3>
            <TableTools table=table() label="Filter incidents" downloads/>
            <Transition fallback=|| view! { <p>"Loading incidents…"</p> }>
                <ErrorBoundary fallback=error_page>
                    {move || Suspend::new(async move {
                        let table = table();
                        page.await.map(|page| view! { <IncidentRows table page/> })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn IncidentRows(table: TableUrl, page: TablePage<IncidentItem>) -> impl IntoView {
    let headers = IncidentColumn::ALL.map(|column| {
        (
            column.key(),
            column.label(),
            column == IncidentColumn::Started,
        )
    });
    view! {
        <table class="table data-table">
            <caption class="visually-hidden">"Incidents"</caption>
            <thead><tr><SortHeaders table=table.clone() headers=headers.to_vec()/></tr></thead>
            <tbody>
                {page.rows.into_iter().map(|i| view! {
                    <tr>
                        <th scope="row">{i.name}</th>
                        <td>{i.cause}</td>
                        <td>{i.status}</td>
                        <td>{i.started}</td>
                        <td>{i.resolved}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        <Pager table label="Incidents pages" page=page.page pages=page.pages total=page.total/>
    }
}

/// Column headers that sort by themselves when followed.
#[component]
fn SortHeaders(table: TableUrl, headers: Vec<(&'static str, &'static str, bool)>) -> impl IntoView {
    headers
        .into_iter()
        .map(|(key, label, default)| {
            view! {
                <th scope="col" aria-sort=table.aria_sort(key, default)>
                    <a href=table.sort_link(key)>{label}</a>
                </th>
            }
        })
        .collect_view()
}

/// Filter (a GET form) and downloads. The URL does not change while the page is open (the
/// form loads a new page), so neither does this.
#[component]
fn TableTools(table: TableUrl, label: &'static str, downloads: String) -> impl IntoView {
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
            <a href=format!("{downloads}.csv") download="">"Download CSV"</a>
            <a href=format!("{downloads}.json") download="">"Download JSON"</a>
        </div>
    }
}

#[component]
pub(super) fn Pager(
    table: TableUrl,
    label: &'static str,
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

//! `/connections/<source>/<id>`: a connection's header (name, health, source, privacy, owner,
//! last sync) over four sections, each at its own address: Overview, Data, Settings (rename,
//! token swap, Test now, privacy, delete — for those who may manage it) and History.

mod data_section;
mod data_tables;
mod delete_form;
mod facts;
mod header;
mod history_list;
mod overview;
mod privacy_form;
mod rename_form;
mod sections;
mod swap_form;
mod teams_form;
mod test_now;

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::app::{page_data::page_data, pages::id_param, query_string::query_value};
use crate::{
    api::connection_changes::{
        get_connection_detail, ChangePrivacy, ChangeSourceTeams, DeleteConnection,
        RenameConnection, SwapToken, TestConnection,
    },
    api::overview::get_connection_overview,
    app::components::error_notice::{app_error_page, error_page},
    error::AppError,
    wire::{connection_detail::ConnectionDetail, packed::Packed},
};

use crate::wire::args::{connection_changes::DetailArgs, overview::OverviewArgs, ConnectionRef};
use data_section::{DataSection, DataState};
use delete_form::DeleteForm;
use facts::Facts;
use header::{ConnectionHeader, RenderedConnectionHeader};
use history_list::HistoryList;
use overview::overview_section;
use privacy_form::PrivacyForm;
use rename_form::RenameForm;
use sections::{IslandSection, Section, SectionNav};
use swap_form::SwapForm;
use teams_form::TeamsForm;
use test_now::TestNow;

#[component]
pub fn ConnectionDetailPage() -> impl IntoView {
    let params = use_params_map().get_untracked();
    let source = params.get("source").unwrap_or_default();
    let id = id_param();
    let query: Vec<(String, String)> = use_query_map()
        .get_untracked()
        .into_iter()
        .map(|(key, value)| (key.into_owned(), value))
        .collect();
    match Section::from_query(&query).in_island() {
        None => {
            let monitor = query_value(&query, "monitor").and_then(|value| value.parse().ok());
            view! { <OverviewPage source id monitor/> }.into_any()
        }
        Some(section) => {
            view! { <ConnectionDetailBody source id query section=Packed(section)/> }.into_any()
        }
    }
}

/// The page at its Overview, rendered on the server only. Nothing on it changes in place (the
/// response-time chart's monitor is chosen with a plain form), so it is no island and none of
/// its data is written into the page for the browser: the section most people open is the
/// cheapest to serve and to load. Both answers are awaited in one place: a resource or a
/// boundary of its own for each would only add machinery to every load of the page.
#[component]
fn OverviewPage(source: String, id: Option<i64>, monitor: Option<i64>) -> impl IntoView {
    let page = move || {
        let source = source.clone();
        async move {
            let detail = connection_detail(source.clone(), id, 1).await?;
            let connection = ConnectionRef {
                source,
                id: detail.facts.id,
            };
            let overview = get_connection_overview(OverviewArgs {
                connection,
                monitor,
            })
            .await;
            Ok::<_, AppError>((detail, overview))
        }
    };
    view! {
        <div class="page connection-page">
            <Suspense fallback=|| view! { <p>"Loading the connection…"</p> }>
                {move || {
                    let page = page();
                    Suspend::new(async move {
                        match page.await {
                            Ok((detail, overview)) => view! {
                                <Title text=detail.facts.name.clone()/>
                                <RenderedConnectionHeader detail/>
                                <SectionNav current=Section::Overview/>
                                {overview_section(overview)}
                            }
                            .into_any(),
                            Err(error) => app_error_page(&error).into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

/// The connection with its History at `history_page`; a page without a number in its address
/// has none to show.
async fn connection_detail(
    source: String,
    id: Option<i64>,
    history_page: i64,
) -> Result<Arc<ConnectionDetail>, AppError> {
    let id = id.ok_or(AppError::NotFound)?;
    let connection = ConnectionRef { source, id };
    get_connection_detail(DetailArgs {
        connection,
        history_page,
    })
    .await
}

/// The page at any other section, an island: every change updates the header and the section
/// in place. `query` is the page's URL query, where the data tables keep their sorting and
/// paging.
#[island]
fn ConnectionDetailBody(
    source: String,
    id: Option<i64>,
    query: Vec<(String, String)>,
    section: Packed<IslandSection>,
) -> impl IntoView {
    let Packed(section) = section;
    let rename = ServerAction::<RenameConnection>::new();
    let swap = ServerAction::<SwapToken>::new();
    let test = ServerAction::<TestConnection>::new();
    let privacy = ServerAction::<ChangePrivacy>::new();
    let delete = ServerAction::<DeleteConnection>::new();
    let teams = ServerAction::<ChangeSourceTeams>::new();
    let changes = move || {
        (
            rename.version().get(),
            swap.version().get(),
            test.version().get(),
            privacy.version().get(),
            teams.version().get(),
        )
    };
    let history_page = query_value(&query, "history_page")
        .and_then(|value| value.parse().ok())
        .unwrap_or(1);
    // Before anything waits: see `DataState`.
    let shown = match section {
        IslandSection::Data => Shown::Data(DataState::new(source.clone(), id, query)),
        IslandSection::Settings => Shown::Settings,
        IslandSection::History => Shown::History(query),
    };
    let detail = page_data(changes, move |_| {
        connection_detail(source.clone(), id, history_page)
    });
    view! {
        <div class="page connection-page">
            <Transition fallback=|| view! { <p>"Loading the connection…"</p> }>
                <ErrorBoundary fallback=error_page>
                    {move || {
                        let shown = shown.clone();
                        Suspend::new(async move {
                            detail.await.map(|detail| {
                                let facts = detail.facts.clone();
                                view! {
                                    <Title text=facts.name.clone()/>
                                    <ConnectionHeader detail=detail.clone()/>
                                    <SectionNav current=section.into()/>
                                    {match shown {
                                        Shown::Data(data) => view! {
                                            <DataSection
                                                source=facts.source_id.clone()
                                                id=facts.id
                                                can_sync=detail.can_manage
                                                state=data
                                            />
                                        }.into_any(),
                                        Shown::Settings => view! {
                                            <SettingsSection
                                                detail=(*detail).clone()
                                                actions=(rename, swap, test, privacy, teams, delete)
                                            />
                                        }.into_any(),
                                        Shown::History(query) => view! {
                                            <HistoryList detail=(*detail).clone() query/>
                                        }.into_any(),
                                    }}
                                }
                            })
                        })
                    }}
                </ErrorBoundary>
            </Transition>
        </div>
    }
}

/// The island's section with what only it needs: the Data tables' state, made before anything
/// waits, and History's paging in the URL query.
#[derive(Clone)]
enum Shown {
    Data(DataState),
    Settings,
    History(Vec<(String, String)>),
}

type SettingsActions = (
    ServerAction<RenameConnection>,
    ServerAction<SwapToken>,
    ServerAction<TestConnection>,
    ServerAction<ChangePrivacy>,
    ServerAction<ChangeSourceTeams>,
    ServerAction<DeleteConnection>,
);

/// The credential and every change, **Delete Connection** set apart at the end.
#[component]
fn SettingsSection(detail: ConnectionDetail, actions: SettingsActions) -> impl IntoView {
    let (rename, swap, test, privacy, teams, delete) = actions;
    let facts = detail.facts.clone();
    view! {
        <section class="panel" aria-labelledby="facts-title">
            <h2 id="facts-title">"Connection and credential"</h2>
            <Facts facts=facts.clone()/>
        </section>
        {if detail.can_manage {
            view! {
                <RenameForm action=rename facts=facts.clone()/>
                <SwapForm action=swap facts=facts.clone() in_place=detail.can_swap_in_place/>
                <TestNow action=test facts=facts.clone()/>
                <PrivacyForm action=privacy detail=detail.clone()/>
                {facts.credential.team_choice_offered.then(|| view! {
                    <TeamsForm action=teams facts=facts.clone()/>
                })}
                <DeleteForm action=delete facts=facts.clone()/>
            }
            .into_any()
        } else {
            view! {
                <p class="notice notice-warn">
                    "You can see this connection but not change it. Its owner, an Admin, \
                     or a lead of the team it is shared with can."
                </p>
            }
            .into_any()
        }}
    }
}

/// The connection's name and source, sent with every change.
#[component]
fn Target(source: String, id: i64) -> impl IntoView {
    view! {
        <input type="hidden" name="source" value=source/>
        <input type="hidden" name="id" value=id/>
    }
}

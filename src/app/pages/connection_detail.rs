//! `/connections/<source>/<id>`: a connection's facts and History for everyone who can see
//! it; rename, token swap, Test now, privacy and delete for those who may manage it.

mod data_section;
mod data_tables;
mod delete_form;
mod facts;
mod history_list;
mod privacy_form;
mod rename_form;
mod swap_form;
mod teams_form;
mod test_now;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::app::{page_data::page_data, pages::id_param};
use crate::{
    api::connection_changes::{
        get_connection_detail, ChangePrivacy, ChangeSourceTeams, DeleteConnection,
        RenameConnection, SwapToken, TestConnection,
    },
    app::components::error_notice::error_page,
    error::AppError,
};

use crate::wire::args::{connection_changes::DetailArgs, ConnectionRef};
use data_section::{DataSection, DataState};
use delete_form::DeleteForm;
use facts::Facts;
use history_list::HistoryList;
use privacy_form::PrivacyForm;
use rename_form::RenameForm;
use swap_form::SwapForm;
use teams_form::TeamsForm;
use test_now::TestNow;

#[component]
pub fn ConnectionDetailPage() -> impl IntoView {
    let params = use_params_map().get_untracked();
    let source = params.get("source").unwrap_or_default();
    let id = id_param();
    let query = use_query_map()
        .get_untracked()
        .into_iter()
        .map(|(key, value)| (key.into_owned(), value))
        .collect();
    view! { <ConnectionDetailBody source id query/> }
}

/// The page's content, an island: every change updates the facts and History in place.
/// `query` is the page's URL query, where the data tables keep their sorting and paging.
#[island]
fn ConnectionDetailBody(
    source: String,
    id: Option<i64>,
    query: Vec<(String, String)>,
) -> impl IntoView {
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
    let history_page = query
        .iter()
        .find(|(key, _)| key == "history_page")
        .and_then(|(_, value)| value.parse().ok())
        .unwrap_or(1);
    let history_query = query.clone();
    // Before anything waits: see `DataState`.
    let data = DataState::new(source.clone(), id, query);
    let detail = page_data(changes, move |_| {
        let source = source.clone();
        async move {
            match id {
                Some(id) => {
                    let connection = ConnectionRef { source, id };
                    let args = DetailArgs {
                        connection,
                        history_page,
                    };
                    get_connection_detail(args).await
                }
                None => Err(AppError::NotFound),
            }
        }
    });
    view! {
        <Transition fallback=|| view! { <p>"Loading the connection…"</p> }>
            <ErrorBoundary fallback=error_page>
                {move || {
                    let history_query = history_query.clone();
                    Suspend::new(async move {
                    detail.await.map(|detail| {
                        let facts = detail.facts.clone();
                        view! {
                            <Title text=facts.name.clone()/>
                            <section class="page">
                                <p>
                                    <a href=format!("/connections/{}", facts.source_id)>
                                        {format!("{} connections", facts.source_name)}
                                    </a>
                                </p>
                                <h1>{facts.name.clone()}</h1>
                                <Facts facts=facts.clone()/>
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
                                <DataSection
                                    source=facts.source_id.clone()
                                    id=facts.id
                                    can_sync=detail.can_manage
                                    state=data
                                />
                                <HistoryList detail=detail.clone() query=history_query.clone()/>
                            </section>
                        }
                    })
                    })
                }}
            </ErrorBoundary>
        </Transition>
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

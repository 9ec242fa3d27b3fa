use leptos::prelude::*;

use super::{
    credentials_step::CredentialsStep,
    stepper::{Step, Stepper},
    StepValues,
};
use crate::app::page_data::page_data;
use crate::wire::{connections::ConnectionReview, packed::Packed};
use crate::{
    api::connections::{review_connection, CreateConnection},
    app::components::{
        error_notice::error_page,
        forms::{form_error, FormMessage, SubmitButton},
    },
    domain::catalog::SourceDefinition,
    error::AppError,
};

/// Step three: the connection as it will be, and Finish. Answers the server does not accept
/// send the user back to step two, with the reasons next to the fields.
#[component]
pub fn FinishStep(source: &'static SourceDefinition, values: StepValues) -> impl IntoView {
    let review = page_data(
        {
            let values = values.clone();
            move || values.clone()
        },
        move |values| review_connection(values.args(source.id)),
    );
    view! {
        <Suspense fallback=|| view! { <p>"Checking your choices…"</p> }>
            <ErrorBoundary fallback=error_page>
                {move || {
                    let values = values.clone();
                    Suspend::new(async move {
                        match review.await {
                            Ok(review) => Ok(view! {
                                <Stepper current=Step::Finish source=Some(source)/>
                                <Review review=Packed(review) values=Packed(values)/>
                            }
                            .into_any()),
                            Err(invalid @ AppError::Invalid(_)) => Ok(view! {
                                <Stepper current=Step::Credentials source=Some(source)/>
                                <CredentialsStep source values errors=Some(invalid)/>
                            }
                            .into_any()),
                            Err(other) => Err(other),
                        }
                    })
                }}
            </ErrorBoundary>
        </Suspense>
    }
}

/// The review and Finish (an island: Finish shows its progress and errors in place).
#[island]
fn Review(review: Packed<ConnectionReview>, values: Packed<StepValues>) -> impl IntoView {
    let (Packed(review), Packed(values)) = (review, values);
    let action = ServerAction::<CreateConnection>::new();
    let error = form_error(action.value());
    let privacy = review
        .privacy
        .label_with_team(review.team.as_ref().map(|team| team.name.as_str()));
    let back = values.step_two_url(&review.source_id);
    view! {
        <section aria-labelledby="finish-title">
            <h2 id="finish-title">"Finish"</h2>
            <dl class="facts">
                <dt>"Source"</dt>
                <dd>{review.source_name.clone()}</dd>
                <dt>"Connection Name"</dt>
                <dd>{review.name.clone()}</dd>
                <dt>"Credential"</dt>
                <dd>{format!("{} ({})", review.credential.name, review.credential.fingerprint)}</dd>
                <dt>"Privacy"</dt>
                <dd>{privacy}</dd>
                {review.credential.team_choice_offered.then(|| view! {
                    <dt>"Better Stack teams"</dt>
                    <dd>{review.source_teams.words()}</dd>
                })}
            </dl>
            <ActionForm action attr:class="form">
                <FormMessage error/>
                <input type="hidden" name="source" value=review.source_id.clone()/>
                <input type="hidden" name="credential" value=review.credential.id/>
                <input type="hidden" name="name" value=review.name.clone()/>
                <input type="hidden" name="privacy" value=review.privacy.as_str()/>
                <input type="hidden" name="team" value=review.team.as_ref().map(|team| team.id.to_string())/>
                <input type="hidden" name="team_scope" value=review.source_teams.scope().as_str()/>
                {review
                    .source_teams
                    .teams()
                    .iter()
                    .map(|team| view! { <input type="hidden" name="source_teams[]" value=team.clone()/> })
                    .collect_view()}
                <div class="actions">
                    <SubmitButton label="Finish" busy_label="Creating…" pending=action.pending()/>
                    <a href=back>"Back"</a>
                </div>
            </ActionForm>
        </section>
    }
}

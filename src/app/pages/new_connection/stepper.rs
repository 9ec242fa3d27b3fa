use leptos::prelude::*;

use crate::domain::catalog::SourceDefinition;

/// The three steps, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    Source,
    Credentials,
    Finish,
}

impl Step {
    const ALL: [Step; 3] = [Step::Source, Step::Credentials, Step::Finish];

    pub fn from_query(value: Option<&str>) -> Self {
        match value {
            Some("credentials") => Step::Credentials,
            Some("finish") => Step::Finish,
            _ => Step::Source,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Step::Source => "Select Source",
            Step::Credentials => "Set Up Credentials",
            Step::Finish => "Finish",
        }
    }
}

/// All three steps, always visible; the current one is marked (`aria-current="step"`) and the
/// ones before it link back.
#[component]
pub fn Stepper(current: Step, source: Option<&'static SourceDefinition>) -> impl IntoView {
    let href = move |step: Step| match (step, source) {
        (Step::Source, _) => Some("/settings/connections/new".to_owned()),
        (Step::Credentials, Some(source)) => Some(format!(
            "/settings/connections/new?step=credentials&source={}",
            source.id
        )),
        _ => None,
    };
    view! {
        <nav aria-label="Add Connection steps">
            <ol class="stepper">
                {Step::ALL
                    .into_iter()
                    .enumerate()
                    .map(|(index, step)| {
                        let state = if step == current { "current" } else if step < current { "done" } else { "todo" };
                        let text = format!("{}. {}", index + 1, step.label());
                        let link = (step < current).then(|| href(step)).flatten();
                        view! {
                            <li class=format!("step step-{state}") aria-current=(step == current).then_some("step")>
                                {match link {
                                    Some(href) => view! { <a href=href>{text}</a> }.into_any(),
                                    None => view! { <span>{text}</span> }.into_any(),
                                }}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}

use leptos::prelude::*;

use crate::app::components::{scroll_box::ScrollBox, when::At};
use crate::wire::members::MemberInfo;
use crate::{
    api::members::ChangeRole,
    app::components::forms::{form_error, FormMessage},
    domain::Role,
};

/// Every member, with a role picker and a link to remove them.
#[component]
pub fn MemberTable(
    members: Vec<MemberInfo>,
    viewer_id: i64,
    action: ServerAction<ChangeRole>,
) -> impl IntoView {
    let error = form_error(action.value());
    view! {
        <section aria-labelledby="members-title" class="panel">
            <h2 id="members-title">"People in this workspace"</h2>
            <FormMessage error/>
            <ScrollBox label="Members table".to_owned()>
                <table class="table">
                    <thead>
                        <tr>
                            <th scope="col">"Name"</th>
                            <th scope="col">"Email"</th>
                            <th scope="col">"Role"</th>
                            <th scope="col">"Teams"</th>
                            <th scope="col">"Joined"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {members
                            .into_iter()
                            .map(|member| {
                                let is_you = member.id == viewer_id;
                                let select_id = format!("role-{}", member.id);
                                // The form's children are moved into it; these are its own copies.
                                let role_label = format!("Role for {}", member.name);
                                let change_label = format!(" for {}", member.name);
                                let remove_label = format!(" {}", member.name);
                                view! {
                                    <tr>
                                        <th scope="row">
                                            {member.name.clone()}
                                            {is_you.then_some(" (you)")}
                                        </th>
                                        <td>{member.email.clone()}</td>
                                        <td>
                                            <ActionForm action attr:class="inline-form">
                                                <input type="hidden" name="member_id" value=member.id/>
                                                <label class="visually-hidden" for=select_id.clone()>
                                                    {role_label}
                                                </label>
                                                <select id=select_id name="role">
                                                    {Role::ALL
                                                        .into_iter()
                                                        .map(|role| view! {
                                                            <option value=role.as_str() selected=role == member.role>
                                                                {role.label()}
                                                            </option>
                                                        })
                                                        .collect_view()}
                                                </select>
                                                <button type="submit" class="button button-secondary">
                                                    "Change role"
                                                    <span class="visually-hidden">{change_label}</span>
                                                </button>
                                            </ActionForm>
                                        </td>
                                        <td>{member.teams.join(", ")}</td>
                                        <td><At at=member.joined.clone()/></td>
                                        <td>
                                            {(!is_you).then(|| view! {
                                                <a href=format!("/settings/members/{}/remove", member.id)>
                                                    "Remove"
                                                    <span class="visually-hidden">{remove_label}</span>
                                                </a>
                                            })}
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </ScrollBox>
        </section>
    }
}

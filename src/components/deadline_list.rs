//! "Fristen": deadlines after a birth as dates (or, before the birth, as rules); a passed one that
//! still brings something stays as an action with its consequence; each can be marked done.

use crate::components::as_of::AsOfText;
use kekiz_core::deadline::{Deadline, DeadlineStatus, DeadlineWhen};
use kekiz_core::done::DoneKind;
use kekiz_core::words::{deadline_when_in_words, late_action_in_words};
use leptos::prelude::*;

/// The deadlines to show for one child (from `matching::child_view`); `on_done` marks one done
/// (absent in visit mode, where nothing is stored).
#[component]
pub fn DeadlineList(
    deadlines: Vec<Deadline>,
    on_done: Option<Callback<(DoneKind, String)>>,
) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="deadlines-heading">
            <h2 id="deadlines-heading">"Fristen"</h2>
            {if deadlines.is_empty() {
                view! { <p>"Keine Fristen offen."</p> }.into_any()
            } else {
                view! {
                    <ul class="deadlines">
                        {deadlines.into_iter().map(|deadline| {
                            let rule = deadline.rule;
                            let when = deadline_when_in_words(deadline.when, rule.due);
                            let action = match deadline.when {
                                DeadlineWhen::Late { action, .. } => Some(late_action_in_words(action)),
                                _ => None,
                            };
                            let urgent = matches!(deadline.when, DeadlineWhen::On { status: DeadlineStatus::DueSoon, .. } | DeadlineWhen::Late { .. });
                            let id = rule.id.clone();
                            let title = rule.title.clone();
                            view! {
                                <li class="deadline" class:urgent=urgent>
                                    <h3>{rule.title.clone()}</h3>
                                    <p class="when"><strong>{when}</strong></p>
                                    {action.map(|text| view! { <p class="late-action"><strong>{text}</strong></p> })}
                                    <p>{rule.description.clone()}</p>
                                    <p class="as-of">{rule.legal_basis.clone()} " · " <AsOfText as_of=rule.as_of /></p>
                                    {on_done.map(|done| {
                                        let label = format!("{title}: als erledigt markieren");
                                        view! {
                                            <button type="button" class="secondary mark-done" aria-label=label
                                                on:click=move |_| done.run((DoneKind::Deadline, id.clone()))>"Erledigt"</button>
                                        }
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

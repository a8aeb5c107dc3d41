//! "Fristen": deadlines after a birth as dates (or, before the birth, as rules).

use crate::components::as_of::AsOfText;
use kekiz_core::deadline::{Deadline, DeadlineStatus, DeadlineWhen};
use kekiz_core::words::{days_left_in_words, due_rule_in_words};
use leptos::prelude::*;

/// The deadlines to show for one child (from `matching::child_view`).
#[component]
pub fn DeadlineList(deadlines: Vec<Deadline>) -> impl IntoView {
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
                            let when = match deadline.when {
                                DeadlineWhen::AfterBirth => due_rule_in_words(rule.due),
                                DeadlineWhen::On { date, days_left, status } => {
                                    let note = match status {
                                        DeadlineStatus::Passed => "vorbei".to_owned(),
                                        _ => days_left_in_words(days_left),
                                    };
                                    format!("bis {} ({note})", date.german())
                                }
                            };
                            let urgent = matches!(deadline.when, DeadlineWhen::On { status: DeadlineStatus::DueSoon, .. });
                            view! {
                                <li class="deadline" class:urgent=urgent>
                                    <h3>{rule.title.clone()}</h3>
                                    <p class="when"><strong>{when}</strong></p>
                                    <p>{rule.description.clone()}</p>
                                    <p class="as-of">{rule.legal_basis.clone()} " · " <AsOfText as_of=rule.as_of /></p>
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

//! "Vorsorge-Untersuchungen": the next and any running check-up with its windows as dates; one
//! whose last possible day is near stands out, and each can be marked done.

use kekiz_core::checkup::Checkup;
use kekiz_core::date::Date;
use kekiz_core::done::DoneKind;
use kekiz_core::words::{checkup_status_in_words, date_span_in_words};
use leptos::prelude::*;

/// The check-ups to show for one child (from `matching::child_view`); `expected` when the child
/// is not born yet; `on_done` marks one done (absent in visit mode, where nothing is stored).
#[component]
pub fn CheckupList(
    checkups: Vec<Checkup>,
    expected: bool,
    today: Date,
    on_done: Option<Callback<(DoneKind, String)>>,
) -> impl IntoView {
    let body = if expected {
        view! { <p>"Die U1 findet direkt nach der Geburt statt. Die Termine der weiteren Untersuchungen zeigt die App, sobald Sie das Geburtsdatum eintragen."</p> }.into_any()
    } else if checkups.is_empty() {
        view! { <p>"Alle Vorsorge-Untersuchungen bis zur J1 liegen hinter Ihnen."</p> }.into_any()
    } else {
        view! {
            <ul class="checkups">
                {checkups.into_iter().map(|checkup| {
                    let status = checkup_status_in_words(checkup.status);
                    let closes = checkup.closes_soon(today);
                    let class = format!("checkup status-{:?}", checkup.status).to_lowercase();
                    let id = checkup.rule.id.clone();
                    view! {
                        <li class=class class:closing-soon=closes.is_some()>
                            <h3>{checkup.rule.id.clone()} <span class="badge">{status}</span></h3>
                            {closes.map(|last| view! {
                                <p class="nudge"><strong>{format!("Nur noch bis {} möglich.", last.german())}</strong>" Vereinbaren Sie bald einen Termin."</p>
                            })}
                            {(!checkup.rule.description.is_empty()).then(|| view! { <p>{checkup.rule.description.clone()}</p> })}
                            <p><strong>"Zeitraum: "</strong>{date_span_in_words(checkup.official)}</p>
                            {checkup.tolerance.map(|t| view! { <p><strong>"Mit Toleranz möglich: "</strong>{date_span_in_words(t)}</p> })}
                            {on_done.map(|done| {
                                let label = format!("{id} als erledigt markieren");
                                view! {
                                    <button type="button" class="secondary mark-done" aria-label=label
                                        on:click=move |_| done.run((DoneKind::Checkup, id.clone()))>"Erledigt"</button>
                                }
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="hint">"Termine vereinbaren Sie in Ihrer Kinderarztpraxis. Das gelbe Kinderuntersuchungsheft bringen Sie mit."</p>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="checkups-heading">
            <h2 id="checkups-heading">"Vorsorge-Untersuchungen"</h2>
            {body}
        </section>
    }
}

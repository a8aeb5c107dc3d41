//! "Vorsorge-Untersuchungen": the next and any running check-up with its windows as dates; one
//! whose last possible day is near stands out, and each can be marked done.

use crate::i18n::{data_text, t, tr, DATA_LANGUAGE};
use kekiz_core::checkup::Checkup;
use kekiz_core::date::Date;
use kekiz_core::done::DoneKind;
use kekiz_core::i18n::Msg;
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
        view! { <p>{t("checkups.expected")}</p> }.into_any()
    } else if checkups.is_empty() {
        view! { <p>{t("checkups.all_done")}</p> }.into_any()
    } else {
        view! {
            <ul class="checkups">
                {checkups.into_iter().map(|checkup| {
                    let status = tr(&checkup_status_in_words(checkup.status));
                    let closes = checkup.closes_soon(today);
                    let class = format!("checkup status-{:?}", checkup.status).to_ascii_lowercase();
                    let id = checkup.rule.id.clone();
                    let (description, description_lang) = data_text(&checkup.rule.translations, "description", &checkup.rule.description);
                    view! {
                        <li class=class class:closing-soon=closes.is_some()>
                            <h3><span lang=DATA_LANGUAGE>{checkup.rule.id.clone()}</span> <span class="badge">{status}</span></h3>
                            {closes.map(|last| view! {
                                <p class="nudge"><strong>{tr(&Msg::new("checkups.closes_on").date("date", last))}</strong>" "{t("checkups.make_appointment")}</p>
                            })}
                            {(!description.is_empty()).then(|| view! { <p lang=description_lang>{description}</p> })}
                            <p><strong>{t("checkups.period")}" "</strong>{tr(&date_span_in_words(checkup.official))}</p>
                            {checkup.tolerance.map(|span| view! { <p><strong>{t("checkups.with_tolerance")}" "</strong>{tr(&date_span_in_words(span))}</p> })}
                            {on_done.map(|done| {
                                let label = tr(&Msg::new("checkups.mark_done_label").text("checkup", id.clone()));
                                view! {
                                    <button type="button" class="secondary mark-done" aria-label=label
                                        on:click=move |_| done.run((DoneKind::Checkup, id.clone()))>{t("checkups.mark_done")}</button>
                                }
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="hint">{t("checkups.hint")}</p>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="checkups-heading">
            <h2 id="checkups-heading">{t("checkups.heading")}</h2>
            {body}
        </section>
    }
}

//! "Fristen": deadlines after a birth as dates (or, before the birth, as rules); a passed one that
//! still brings something stays as an action with its consequence; each can be marked done.

use crate::components::as_of::AsOfText;
use crate::i18n::{data_text, t, tr, DATA_LANGUAGE};
use kekiz_core::deadline::{Deadline, DeadlineStatus, DeadlineWhen};
use kekiz_core::done::DoneKind;
use kekiz_core::i18n::Msg;
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
            <h2 id="deadlines-heading">{t("deadlines.heading")}</h2>
            {if deadlines.is_empty() {
                view! { <p>{t("deadlines.none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="deadlines">
                        {deadlines.into_iter().map(|deadline| {
                            let rule = deadline.rule;
                            let when = tr(&deadline_when_in_words(deadline.when, rule.due));
                            let action = match deadline.when {
                                DeadlineWhen::Late { action, .. } => Some(tr(&late_action_in_words(action))),
                                _ => None,
                            };
                            let urgent = matches!(deadline.when, DeadlineWhen::On { status: DeadlineStatus::DueSoon, .. } | DeadlineWhen::Late { .. });
                            let id = rule.id.clone();
                            let (title, title_lang) = data_text(&rule.translations, "title", &rule.title);
                            let (description, description_lang) = data_text(&rule.translations, "description", &rule.description);
                            view! {
                                <li class="deadline" class:urgent=urgent>
                                    <h3 lang=title_lang>{title.clone()}</h3>
                                    <p class="when"><strong>{when}</strong></p>
                                    {action.map(|text| view! { <p class="late-action"><strong>{text}</strong></p> })}
                                    <p lang=description_lang>{description}</p>
                                    <p class="as-of"><span lang=DATA_LANGUAGE>{rule.legal_basis.clone()}</span> " · " <AsOfText as_of=rule.as_of /></p>
                                    {on_done.map(|done| {
                                        let label = tr(&Msg::new("deadlines.mark_done_label").text("title", title.clone()));
                                        view! {
                                            <button type="button" class="secondary mark-done" aria-label=label
                                                on:click=move |_| done.run((DoneKind::Deadline, id.clone()))>{t("deadlines.mark_done")}</button>
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

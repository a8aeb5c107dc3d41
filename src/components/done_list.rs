//! "Erledigt": the check-ups and deadlines marked done for one child, folded away; each can get
//! the day it happened, or be taken back. On paper the list is printed in full.

use crate::i18n::{t, tr, DATA_LANGUAGE};
use crate::state::use_app;
use kekiz_core::date::Date;
use kekiz_core::done::DoneKind;
use kekiz_core::i18n::Msg;
use kekiz_core::matching::DoneItem;
use leptos::prelude::*;

/// The done items of child `child` (from `matching::child_view`); `editable` off in visit mode.
#[component]
pub fn DoneList(done: Vec<DoneItem>, child: u32, editable: bool) -> impl IntoView {
    let app = use_app();
    if done.is_empty() {
        return ().into_any();
    }
    let count = i64::try_from(done.len()).unwrap_or(i64::MAX);
    let printed = done.clone();
    view! {
        <details class="card done-items">
            <summary>{tr(&Msg::new("done.show").num("count", count))}</summary>
            <ul class="done-list">
                {done.into_iter().map(|item| {
                    let DoneItem { kind, id, title, on } = item;
                    // The element id stays the same in every language.
                    let (id_word, marked) = match kind {
                        DoneKind::Checkup => ("vorsorge-untersuchung", "done.checkup_done"),
                        DoneKind::Deadline => ("frist", "done.deadline_done"),
                    };
                    let date_id = format!("done-{id_word}-{id}");
                    let (undo_id, date_kind) = (id.clone(), kind);
                    let set_day = move |ev: leptos::ev::Event| {
                        let day: Option<Date> = event_target_value(&ev).parse().ok();
                        app.update_profile(|p| { p.mark_done(child, date_kind, &id, day); });
                    };
                    view! {
                        <li>
                            <strong lang=DATA_LANGUAGE>{title.clone()}</strong>" "{t(marked)}
                            {editable.then(|| view! {
                                <label for=date_id.clone()>{t("done.on_label")}</label>
                                <input id=date_id type="date" value=on.map(|d| d.to_string()).unwrap_or_default() on:change=set_day />
                                <button type="button" class="secondary" aria-label=tr(&Msg::new("done.undo_label").text("title", title.clone()))
                                    on:click=move |_| { app.update_profile(|p| { p.unmark_done(child, kind, &undo_id); }); }>{t("done.undo")}</button>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </details>
        <section class="print-only done-printed">
            <h2>{t("done.heading")}</h2>
            <ul>
                {printed.into_iter().map(|item| view! {
                    <li>{match item.on {
                        Some(day) => tr(&Msg::new("done.printed_on").text("title", item.title).date("date", day)),
                        None => tr(&Msg::new("done.printed").text("title", item.title)),
                    }}</li>
                }).collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

//! "Erledigt": the check-ups and deadlines marked done for one child, folded away; each can get
//! the day it happened, or be taken back. On paper the list is printed in full.

use crate::state::use_app;
use kekiz_core::date::Date;
use kekiz_core::done::DoneKind;
use kekiz_core::matching::DoneItem;
use leptos::prelude::*;

/// The done items of child `child` (from `matching::child_view`); `editable` off in visit mode.
#[component]
pub fn DoneList(done: Vec<DoneItem>, child: u32, editable: bool) -> impl IntoView {
    let app = use_app();
    if done.is_empty() {
        return ().into_any();
    }
    let count = done.len();
    let printed = done.clone();
    view! {
        <details class="card done-items">
            <summary>{format!("Erledigt ({count}) anzeigen")}</summary>
            <ul class="done-list">
                {done.into_iter().map(|item| {
                    let DoneItem { kind, id, title, on } = item;
                    let kind_word = match kind {
                        DoneKind::Checkup => "Vorsorge-Untersuchung",
                        DoneKind::Deadline => "Frist",
                    };
                    let date_id = format!("done-{}-{}", kind_word.to_lowercase(), id);
                    let (undo_id, date_kind) = (id.clone(), kind);
                    let set_day = move |ev: leptos::ev::Event| {
                        let day: Option<Date> = event_target_value(&ev).parse().ok();
                        app.update_profile(|p| { p.mark_done(child, date_kind, &id, day); });
                    };
                    view! {
                        <li>
                            <strong>{title.clone()}</strong> {format!(" ({kind_word}) ✓ erledigt")}
                            {editable.then(|| view! {
                                <label for=date_id.clone()>"Erledigt am (freiwillig)"</label>
                                <input id=date_id type="date" value=on.map(|d| d.to_string()).unwrap_or_default() on:change=set_day />
                                <button type="button" class="secondary" aria-label=format!("{title}: Rückgängig")
                                    on:click=move |_| { app.update_profile(|p| { p.unmark_done(child, kind, &undo_id); }); }>"Rückgängig"</button>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </details>
        <section class="print-only done-printed">
            <h2>"Erledigt"</h2>
            <ul>
                {printed.into_iter().map(|item| view! {
                    <li>{format!("✓ {}{}", item.title, item.on.map(|d| format!(" – am {}", d.german())).unwrap_or_default())}</li>
                }).collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

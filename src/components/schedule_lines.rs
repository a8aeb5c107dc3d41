//! An offer's schedule, one line each: the app's words in the language shown, the directory's
//! own free text as written (German, marked so). Used by the offer card and the offer page.

use crate::i18n::{tr, DATA_LANGUAGE};
use kekiz_core::words::ScheduleLine;
use leptos::prelude::*;

/// The lines of [`kekiz_core::words::schedule_in_words`].
#[component]
pub fn ScheduleLines(lines: Vec<ScheduleLine>) -> impl IntoView {
    lines
        .into_iter()
        .map(|line| match line {
            ScheduleLine::Words(msg) => view! { <span class="line">{tr(&msg)}</span> }.into_any(),
            ScheduleLine::DataText(text) => {
                view! { <span class="line" lang=DATA_LANGUAGE>{text}</span> }.into_any()
            }
        })
        .collect_view()
}

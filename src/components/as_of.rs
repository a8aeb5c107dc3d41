//! "Stand: <date>": when an entry was last checked, shown beside every directory entry so
//! nobody mistakes old data for new. Used by the welcome card, offer cards and details.

use crate::i18n::{t, DATA_LANGUAGE};
use kekiz_core::date::AsOf;
use leptos::prelude::*;

/// "Stand: 21.11.2026 · Quelle: …" ("Stand: 2024" when the source gives only a year, "Stand
/// unbekannt" when it gives no date).
#[component]
pub fn AsOfLine(as_of: Option<AsOf>, source: String) -> impl IntoView {
    view! {
        <p class="as-of">
            <AsOfText as_of=as_of />
            <span class="source">" · " {t("as_of.source")} " " <span lang=DATA_LANGUAGE>{source}</span></span>
        </p>
    }
}

/// "Stand: 2024" with a machine-readable date, or "Stand unbekannt" when the source gives none.
#[component]
pub fn AsOfText(as_of: Option<AsOf>) -> impl IntoView {
    match as_of {
        Some(as_of) => {
            view! { {t("as_of.label")} " " <time datetime=as_of.to_string()>{crate::i18n::as_of(as_of)}</time> }
                .into_any()
        }
        None => view! { {t("as_of.unknown")} }.into_any(),
    }
}

//! "Stand: <date>": when an entry was last checked, shown beside every directory entry so
//! nobody mistakes old data for new. Used by the welcome card, offer cards and details.

use kekiz_core::date::AsOf;
use leptos::prelude::*;

/// "Stand: 21.11.2026 · Quelle: …" (or "Stand: 2024" when the source gives only a year).
#[component]
pub fn AsOfLine(as_of: AsOf, source: String) -> impl IntoView {
    view! {
        <p class="as-of">
            "Stand: " <time datetime=as_of.to_string()>{as_of.german()}</time>
            <span class="source">" · Quelle: " {source}</span>
        </p>
    }
}

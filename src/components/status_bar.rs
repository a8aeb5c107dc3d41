//! The line under the header: online or offline, "Stand der Angebote: <date>" of the data in
//! use, and why new data could not be taken over, when that happened. Shown on every screen by the app root.

use crate::i18n::{t, tr};
use crate::state::use_app;
use leptos::prelude::*;

/// Connection state and the date of the data in use.
#[component]
pub fn StatusBar() -> impl IntoView {
    let app = use_app();
    // The span is always there, so the line keeps its height when the date arrives.
    let as_of = move || {
        app.data_as_of().map(|date| {
            view! { {t("status.as_of")} " " <time datetime=date.to_string()>{crate::i18n::as_of(date)}</time> }
        })
    };
    view! {
        <div class="status-bar" role="status">
            <span class="connection" class:offline=move || !app.online.get()>
                {move || if app.online.get() { t("status.online") } else { t("status.offline") }}
            </span>
            <span class="as-of-data">{as_of}</span>
            {move || app.data_notice.get().map(|notice| view! { <span class="data-notice">{tr(&notice)}</span> })}
        </div>
    }
}

//! "Neue Version verfügbar": shown by the app root when a new version waits; the new version
//! takes over only when the person presses the button.

use crate::i18n::t;
use crate::platform::service_worker;
use crate::state::use_app;
use leptos::prelude::*;

/// "Neue Version verfügbar", with a button that activates it and reloads.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let app = use_app();
    let activate = move |_| {
        leptos::task::spawn_local(async {
            if let Err(error) = service_worker::activate_waiting_and_reload().await {
                leptos::logging::warn!("update not activated: {error}");
            }
        });
    };
    move || {
        app.update_waiting.get().then(|| view! {
            <div class="banner update" role="alert">
                <p>{t("update.available")}</p>
                <button type="button" class="primary" on:click=activate>{t("update.now")}</button>
            </div>
        })
    }
}

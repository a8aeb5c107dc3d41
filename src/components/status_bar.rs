//! The line under the header: online or offline, "Stand der Angebote: <date>", and notices
//! that concern the whole app (a new version waits; the app cannot remember; data kept aside).

use crate::platform::{download, service_worker};
use crate::state::{use_app, Memory};
use leptos::prelude::*;

/// Connection state and the date of the data in use.
#[component]
pub fn StatusBar() -> impl IntoView {
    let app = use_app();
    let as_of = move || {
        app.data_as_of().map(|date| {
            view! { <span class="as-of-data">"Stand der Angebote: " <time datetime=date.to_string()>{date.german()}</time></span> }
        })
    };
    view! {
        <div class="status-bar" role="status">
            <span class="connection" class:offline=move || !app.online.get()>
                {move || if app.online.get() { "Online" } else { "Offline – die App funktioniert weiter" }}
            </span>
            {as_of}
        </div>
    }
}

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
                <p>"Neue Version verfügbar."</p>
                <button type="button" class="primary" on:click=activate>"Jetzt aktualisieren"</button>
            </div>
        })
    }
}

/// Tells when the app cannot remember, and offers unreadable stored data for export.
#[component]
pub fn StorageNotices() -> impl IntoView {
    let app = use_app();
    let export_kept = move |_| {
        if let Some(kept) = app.kept_aside.get_untracked() {
            if let Err(error) = download::download_text(
                "kekiz-begleiter-unlesbar.json",
                "application/json",
                &kept.text,
            ) {
                leptos::logging::warn!("export failed: {error}");
            }
        }
    };
    let start_fresh = move |_| {
        if let Some(kept) = app.kept_aside.get_untracked() {
            if kept.key != crate::platform::storage::PROFILE_KEY {
                if let Err(error) = crate::platform::storage::forget_aside(&kept.key) {
                    leptos::logging::warn!("kept data not removed: {error}");
                }
            }
        }
        app.kept_aside.set(None);
    };
    view! {
        {move || match app.memory.get() {
            Memory::CannotRemember(reason) => Some(view! {
                <div class="banner warning" role="alert">
                    <p>"Diese App kann sich Ihre Angaben auf diesem Gerät nicht merken. Sie funktioniert, solange diese Seite offen ist. " {reason}</p>
                </div>
            }),
            Memory::Remembers => None,
        }}
        {move || app.kept_aside.get().map(|kept| view! {
            <div class="banner warning" role="alert">
                <p><strong>"Gespeicherte Daten konnten nicht gelesen werden."</strong> " " {kept.reason}
                " Sie wurden unverändert beiseitegelegt."</p>
                <div class="actions">
                    <button type="button" class="secondary" on:click=export_kept>"Unlesbare Daten exportieren"</button>
                    <button type="button" class="secondary" on:click=start_fresh>"Neu beginnen"</button>
                </div>
            </div>
        })}
    }
}

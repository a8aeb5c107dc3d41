//! Notices about the device's storage, shown by the app root on every screen: the app cannot
//! remember (storage blocked or full), or stored data could not be read and was kept aside.

use crate::i18n::{t, tr};
use crate::platform::download;
use crate::state::{use_app, Memory};
use kekiz_core::i18n::Msg;
use leptos::prelude::*;

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
                if let Err(error) = crate::platform::storage::start_fresh(&kept.key) {
                    leptos::logging::warn!("could not start fresh: {error}");
                }
            }
        }
        app.kept_aside.set(None);
    };
    view! {
        {move || match app.memory.get() {
            Memory::CannotRemember(reason) => Some(view! {
                <div class="banner warning" role="alert">
                    <p>{tr(&Msg::new("storage.cannot_remember").msg("reason", reason))}</p>
                </div>
            }),
            Memory::Remembers => None,
        }}
        {move || app.kept_aside.get().map(|kept| view! {
            <div class="banner warning" role="alert">
                <p><strong>{t("storage.unreadable")}</strong> " "
                {tr(&Msg::new("storage.kept_aside").msg("reason", kept.reason))}</p>
                <div class="actions">
                    <button type="button" class="secondary" on:click=export_kept>{t("storage.export_unreadable")}</button>
                    <button type="button" class="secondary" on:click=start_fresh>{t("storage.start_fresh")}</button>
                </div>
            </div>
        })}
    }
}

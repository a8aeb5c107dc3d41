//! "Offline und auf dem Home-Bildschirm": the install button where the browser offers one, a
//! short how-to for iPhones, and whether the browser keeps the data permanently.

use crate::i18n::t;
use crate::platform::{install, persist};
use leptos::prelude::*;

/// The install and offline section of the settings page.
#[component]
pub fn InstallCard() -> impl IntoView {
    let installable = RwSignal::new(install::can_install());
    let installed = install::runs_installed();
    let ios = install::is_ios();
    let persisted = RwSignal::new(None::<bool>);
    if let Err(error) = install::on_change(move |can| installable.set(can)) {
        leptos::logging::warn!("install offers not watched: {error}");
    }
    leptos::task::spawn_local(async move {
        persisted.set(persist::granted().await.ok());
    });
    let install_now = move |_| {
        leptos::task::spawn_local(async move {
            if let Err(error) = install::install().await {
                leptos::logging::warn!("install failed: {error}");
            }
            installable.set(install::can_install());
        });
    };
    let ask_persist = move |_| {
        leptos::task::spawn_local(async move {
            persisted.set(persist::request().await.ok());
        });
    };
    view! {
        <section class="card" aria-labelledby="install-heading">
            <h2 id="install-heading">{t("install.heading")}</h2>
            <p>{t("install.offline_after_first_visit")}</p>
            {move || installable.get().then(|| view! {
                <p><button type="button" class="primary" on:click=install_now>{t("install.button")}</button></p>
            })}
            {(ios && !installed).then(|| view! {
                <div class="how-to">
                    <h3>{t("install.ios_heading")}</h3>
                    <ol>
                        <li>{t("install.ios_step_safari")}</li>
                        <li>{t("install.ios_step_share")}</li>
                        <li>{t("install.ios_step_add")}</li>
                    </ol>
                </div>
            })}
            {installed.then(|| view! { <p>{t("install.installed")}</p> })}
            <p class="persist-status">
                {move || match persisted.get() {
                    Some(true) => t("install.persist_granted"),
                    Some(false) => t("install.persist_denied"),
                    None => t("install.persist_unknown"),
                }}
            </p>
            {move || (persisted.get() == Some(false)).then(|| view! {
                <p><button type="button" class="secondary" on:click=ask_persist>{t("install.ask_persist")}</button></p>
            })}
        </section>
    }
}

//! "Offline und auf dem Home-Bildschirm": the install button where the browser offers one, a
//! short how-to for iPhones, and whether the browser keeps the data permanently.

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
            <h2 id="install-heading">"Offline und auf dem Home-Bildschirm"</h2>
            <p>"Nach dem ersten Besuch funktioniert die App auch ohne Netz."</p>
            {move || installable.get().then(|| view! {
                <p><button type="button" class="primary" on:click=install_now>"App installieren"</button></p>
            })}
            {(ios && !installed).then(|| view! {
                <div class="how-to">
                    <h3>"Zum Home-Bildschirm hinzufügen (iPhone und iPad)"</h3>
                    <ol>
                        <li>"Öffnen Sie diese Seite in Safari."</li>
                        <li>"Tippen Sie unten auf „Teilen“ (das Quadrat mit dem Pfeil nach oben)."</li>
                        <li>"Wählen Sie „Zum Home-Bildschirm“ und tippen Sie auf „Hinzufügen“."</li>
                    </ol>
                </div>
            })}
            {installed.then(|| view! { <p>"Die App ist auf diesem Gerät installiert."</p> })}
            <p class="persist-status">
                {move || match persisted.get() {
                    Some(true) => "Dauerhafter Speicher: erlaubt. Der Browser löscht Ihre Angaben nicht von sich aus.",
                    Some(false) => "Dauerhafter Speicher: nicht erlaubt. Bei knappem Speicher könnte der Browser die Daten der App löschen – ein Export sichert sie.",
                    None => "Dauerhafter Speicher: Dieser Browser gibt dazu keine Auskunft.",
                }}
            </p>
            {move || (persisted.get() == Some(false)).then(|| view! {
                <p><button type="button" class="secondary" on:click=ask_persist>"Dauerhaften Speicher anfragen"</button></p>
            })}
        </section>
    }
}

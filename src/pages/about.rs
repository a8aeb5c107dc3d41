//! About the app: what it is, how it treats the family's data, and the sources and licences
//! of the data it ships (the attribution the licences ask for).

use crate::state::{use_app, Load};
use leptos::prelude::*;

/// The about page.
#[component]
pub fn About() -> impl IntoView {
    let app = use_app();
    view! {
        <h1 id="page-heading" tabindex="-1">"Über den KeKiz-Begleiter"</h1>
        <p>"Der KeKiz-Begleiter zeigt Familien in Nordrhein-Westfalen Angebote der Präventionskette "
        "„Kein Kind zurücklassen“ (seit 2020 „kinderstark – NRW schafft Chancen“) für ihr Kind und ihren Ort."</p>
        <h2>"Ihre Daten"</h2>
        <p>"Ihre Angaben bleiben auf diesem Gerät. Die App hat kein Konto, zählt nichts und fragt keinen anderen Server als ihren eigenen."</p>
        <h2>"Quellen und Lizenzen"</h2>
        <p>"Jeder Eintrag nennt seine Quelle und das Datum, an dem er zuletzt geprüft wurde („Stand“)."</p>
        {move || match app.directory.get() {
            Load::Ready(directory) => view! {
                <ul class="attribution">
                    {directory.index.attribution.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view()}
                </ul>
                <p>"Stand der Angebote: " {directory.index.as_of.german()}</p>
            }.into_any(),
            _ => view! { <p>"Die Quellenangaben werden mit der Ortsliste geladen."</p> }.into_any(),
        }}
    }
}

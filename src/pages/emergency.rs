//! "Hilfe im Notfall" (#/notfall): every emergency number and help line, with tap-to-call links.
//! Reached from the header on every screen and from the family page; works before onboarding
//! and offline.

use crate::components::emergency_help::EmergencyHelp;
use leptos::prelude::*;

/// The emergency help page.
#[component]
pub fn Emergency() -> impl IntoView {
    view! {
        <h1 id="page-heading" tabindex="-1">"Hilfe im Notfall"</h1>
        <p class="lead">"Bei Lebensgefahr rufen Sie sofort den Notruf an. "
        "Diese Liste ist auch ohne Internet da; tippen Sie auf „Anrufen“, um die Nummer zu wählen."</p>
        <EmergencyHelp heading="Notrufnummern und Hilfetelefone" heading_id="emergency-heading" />
    }
}

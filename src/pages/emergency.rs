//! "Hilfe im Notfall" (#/notfall): every emergency number and help line, with tap-to-call links.
//! Reached from the header on every screen and from the family page; works before onboarding
//! and offline.

use crate::components::emergency_help::EmergencyHelp;
use crate::i18n::t;
use leptos::prelude::*;

/// The emergency help page.
#[component]
pub fn Emergency() -> impl IntoView {
    view! {
        <h1 id="page-heading" tabindex="-1">{t("emergency.title")}</h1>
        <p class="lead">{t("emergency.lead")}</p>
        <EmergencyHelp heading=t("emergency.list_heading") heading_id="emergency-heading" />
    }
}

//! The first screen for a family: town, birth or due date, optional name; saving leads to the
//! family's page. A handed-over link (visit mode) fills in the town and the birth month.

use crate::components::child_fields::ChildFields;
use crate::components::town_picker::TownPicker;
use crate::route::Route;
use crate::state::use_app;
use kekiz_core::directory::TownKey;
use kekiz_core::form::{ChildForm, DateKind, NO_TOWN_CHOSEN};
use leptos::prelude::*;

/// What onboarding starts with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Prefill {
    /// Empty fields.
    #[default]
    None,
    /// A handed-over link: the town and the birth or due month.
    Link(TownKey, ChildForm),
    /// A handed-over link that cannot be read, with the reason.
    Unreadable(String),
}

/// Onboarding: what a parent sees on the first visit, filled from a handed-over link if any.
#[component]
pub fn Onboarding(#[prop(optional)] prefill: Prefill) -> impl IntoView {
    let app = use_app();
    let (town, form, unreadable) = match prefill {
        Prefill::None => (None, ChildForm::default(), None),
        Prefill::Link(town, form) => (Some(town), form, None),
        Prefill::Unreadable(reason) => (None, ChildForm::default(), Some(reason)),
    };
    let prefilled = town.is_some();
    let month_word = if form.kind == DateKind::Due {
        "Entbindungsmonat"
    } else {
        "Geburtsmonat"
    };
    let town = RwSignal::new(town);
    let form = RwSignal::new(form);
    let town_error = RwSignal::new(None::<String>);
    let date_error = RwSignal::new(None::<String>);

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let today = app.today.get_untracked();
        let chosen = town.get_untracked();
        let child = form.get_untracked();
        let birth = child.birth(today);
        town_error.set(chosen.is_none().then(|| NO_TOWN_CHOSEN.to_owned()));
        date_error.set(birth.as_ref().err().map(ToString::to_string));
        if let (Some(ags), Ok(birth)) = (chosen, birth) {
            let mut added = Ok(0);
            app.update_profile(|profile| {
                profile.town = Some(ags);
                added = profile.add_child(child.nickname(), birth);
            });
            if let Err(problem) = added {
                date_error.set(Some(problem.to_string()));
                return;
            }
            app.handover.set(None);
            if let Err(error) = crate::platform::dom::clear_query() {
                leptos::logging::warn!("address not cleaned: {error}");
            }
            app.navigate(Route::Family(None));
            // Ask the browser to keep the family's data; settings say whether it agreed.
            leptos::task::spawn_local(async {
                if let Err(error) = crate::platform::persist::request().await {
                    leptos::logging::warn!("persistent storage not requested: {error}");
                }
            });
        } else {
            crate::platform::dom::focus_first_invalid();
        }
    };

    view! {
        <h1 id="page-heading" tabindex="-1">"Willkommen beim KeKiz-Begleiter"</h1>
        <p class="lead">
            "Finden Sie Angebote für Ihr Kind in Ihrem Ort: den Begrüßungsbesuch, Treffpunkte und Beratung, "
            "die nächste Vorsorge-Untersuchung und wichtige Fristen – auch ohne Netz."
        </p>
        {unreadable.map(|reason| view! {
            <p class="notice warning" role="status">"Der Link aus dem Besuch ist unvollständig: " {reason} " Bitte geben Sie die Angaben selbst ein."</p>
        })}
        {prefilled.then(|| view! {
            <p class="notice info" role="status">
                {format!("Wohnort und {month_word} wurden aus dem Link übernommen. Als Tag steht der Monatserste: Bitte tragen Sie den richtigen Tag ein und speichern Sie.")}
            </p>
        })}
        <form class="card form" on:submit=submit novalidate>
            <TownPicker id="town" chosen=town error=town_error />
            <ChildFields id="child" form=form error=date_error />
            <p class="privacy">"Ihre Angaben bleiben nur auf diesem Gerät. Es gibt kein Konto und keine Weitergabe."</p>
            <button type="submit" class="primary">"Speichern und Angebote zeigen"</button>
        </form>
    }
}

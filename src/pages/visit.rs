//! "Besuchsmodus": a volunteer on a home visit enters the family's town and the child's birth or
//! due date and shows the family its page, offline. The visit lives only in memory: it never
//! touches the volunteer's own profile, and "Besuch beenden" leaves nothing of the family in
//! any storage: its office file is fetched without keeping a copy. "Für Besuche bereithalten"
//! keeps a whole Kreis's office files offline, on purpose.

use crate::components::child_fields::ChildFields;
use crate::components::emergency_help::EmergencyHelp;
use crate::components::family_view::FamilyView;
use crate::components::handover_panel::HandoverPanel;
use crate::components::town_picker::TownPicker;
use crate::platform::data_cache;
use crate::state::{use_app, Load, Visit};
use kekiz_core::age::age_on;
use kekiz_core::form::{ChildForm, NO_TOWN_CHOSEN};
use kekiz_core::office::{files_of_kreis, find_town, kreise_with_data, KreisFiles};
use kekiz_core::profile::Child;
use kekiz_core::town::display_name;
use kekiz_core::words::{age_in_words, bytes_in_words};
use leptos::prelude::*;

/// The visit mode: the start form, or the visited family's page.
#[component]
pub fn VisitMode() -> impl IntoView {
    let app = use_app();
    let ended = RwSignal::new(false);
    move || match app.visit.get() {
        None => view! { <VisitStart ended=ended /> }.into_any(),
        Some(visit) => view! { <VisitFamily visit=visit ended=ended /> }.into_any(),
    }
}

/// Entering the visited family's town and child.
#[component]
fn VisitStart(ended: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let town = RwSignal::new(None::<kekiz_core::directory::TownKey>);
    let form = RwSignal::new(ChildForm::default());
    let town_error = RwSignal::new(None::<String>);
    let date_error = RwSignal::new(None::<String>);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let birth = form.get_untracked().birth(app.today.get_untracked());
        let chosen = town.get_untracked();
        town_error.set(chosen.is_none().then(|| NO_TOWN_CHOSEN.to_owned()));
        date_error.set(birth.as_ref().err().map(ToString::to_string));
        let (Some(ags), Ok(birth)) = (chosen, birth) else {
            crate::platform::dom::focus_first_invalid();
            return;
        };
        ended.set(false);
        app.visit.set(Some(Visit {
            town: ags.to_string(),
            birth,
        }));
    };
    view! {
        <h1 id="page-heading" tabindex="-1">"Besuchsmodus"</h1>
        {move || ended.get().then(|| view! {
            <p class="notice info" role="status">"Besuch beendet. Von der besuchten Familie ist auf diesem Gerät nichts gespeichert."</p>
        })}
        <p class="lead">"Für Hausbesuche: Zeigen Sie einer Familie ihre Angebote – auch ohne Netz. "
        "Die Angaben der Familie bleiben nur während des Besuchs im Speicher und berühren Ihre eigenen Daten nicht."</p>
        <form class="card form" on:submit=submit novalidate>
            <TownPicker id="visit-town" chosen=town error=town_error />
            <ChildFields id="visit-child" form=form error=date_error with_name=false for_visit=true />
            <button type="submit" class="primary">"Angebote der Familie zeigen"</button>
        </form>
        <KeepForVisits />
    }
}

/// The visited family's page, the hand-over, and the end of the visit.
#[component]
fn VisitFamily(visit: Visit, ended: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let town_name = {
        let ags = visit.town.clone();
        move || match app.directory.get() {
            Load::Ready(directory) => find_town(&directory.index, &ags)
                .map(|t| display_name(t).to_owned())
                .unwrap_or_default(),
            _ => String::new(),
        }
    };
    let age = move || age_in_words(&age_on(visit.birth, app.today.get()));
    let child = Child {
        id: 0,
        nickname: None,
        birth: visit.birth,
        done: Vec::new(),
    };
    // Nothing of the visit was stored (its office file is fetched without a copy), so ending
    // it means forgetting it in memory: the family, and its office's data unless it is the
    // volunteer's own.
    let end = {
        let visited = visit.town.clone();
        move |_| {
            app.visit.set(None);
            ended.set(true);
            let own = app
                .profile
                .with_untracked(|p| p.town.clone())
                .and_then(|t| app.office_id_for(&t));
            if let Some(id) = app
                .office_id_for(&visited)
                .filter(|id| own.as_ref() != Some(id))
            {
                app.offices.update(|o| {
                    o.remove(&id);
                });
            }
        }
    };
    let town = visit.town.clone();
    Effect::new({
        let town = town.clone();
        move |_| {
            if matches!(app.directory.get(), Load::Ready(_)) {
                app.load_office_for_visit(&town);
            }
        }
    });
    // Everything at once when the data is there, so nothing moves afterwards.
    let body = move || {
        if !app.data_settled_for(&town) {
            return view! { <p class="loading">"Die Angebote werden geladen …"</p> }.into_any();
        }
        view! {
            <FamilyView town=town.clone() child=child.clone() />
            <HandoverPanel town=town.clone() birth=visit.birth label="Kind".to_owned() key="besuch".to_owned() />
            // Shown to the family on the screen; the printed page stays one sheet.
            <div class="no-print">
                <EmergencyHelp heading="Hilfe im Notfall" heading_id="visit-emergency-heading" />
            </div>
        }
        .into_any()
    };
    view! {
        <h1 id="page-heading" tabindex="-1">{move || format!("Besuch: Angebote in {}", town_name())}</h1>
        <p class="age">{age}</p>
        <p class="actions no-print"><button type="button" class="danger" on:click=end.clone()>"Besuch beenden"</button></p>
        {body}
        <p class="actions no-print"><button type="button" class="danger" on:click=end>"Besuch beenden"</button></p>
    }
}

/// "Für Besuche bereithalten": every office file of one Kreis, kept for offline visits.
#[component]
fn KeepForVisits() -> impl IntoView {
    let app = use_app();
    let kreis = RwSignal::new(String::new());
    let result = RwSignal::new(None::<Result<String, String>>);
    let kreise = move || match app.directory.get() {
        Load::Ready(directory) => kreise_with_data(&directory.index),
        _ => Vec::new(),
    };
    let files = move || match app.directory.get() {
        Load::Ready(directory) => files_of_kreis(&directory.index, &kreis.get()),
        _ => KreisFiles::default(),
    };
    let keep = move |_| {
        let chosen = files();
        leptos::task::spawn_local(async move {
            result.set(Some(match data_cache::keep_offline(&chosen.paths).await {
                Ok(()) => Ok(format!(
                    "Bereit für Besuche ohne Netz: {} Dateien. Stand der Angebote: {}.",
                    chosen.paths.len(),
                    chosen
                        .newest
                        .map(|d| d.german())
                        .unwrap_or_else(|| "unbekannt".to_owned())
                )),
                Err(error) => Err(format!(
                    "Das hat nicht geklappt: {error}. Bitte mit Netz noch einmal versuchen."
                )),
            }));
        });
    };
    view! {
        <section class="card" aria-labelledby="keep-heading">
            <h2 id="keep-heading">"Für Besuche bereithalten"</h2>
            <p>"Laden Sie vor dem Besuch die Angebote eines ganzen Kreises, dann zeigt die App sie auch ohne Netz."</p>
            <div class="field">
                <label for="keep-kreis">"Kreis"</label>
                <select id="keep-kreis" on:change=move |e| { kreis.set(event_target_value(&e)); result.set(None); }>
                    <option value="">"Bitte wählen"</option>
                    {move || kreise().into_iter().map(|k| view! { <option value=k.clone()>{k.clone()}</option> }).collect_view()}
                </select>
            </div>
            {move || {
                let chosen = files();
                (!chosen.paths.is_empty()).then(|| {
                    view! {
                        <p class="size">{format!("{} Dateien, zusammen {}", chosen.paths.len(), bytes_in_words(chosen.bytes))}</p>
                        <button type="button" class="primary" on:click=keep>"Offline bereithalten"</button>
                    }
                })
            }}
            {move || result.get().map(|r| match r {
                Ok(text) => view! { <p class="notice info" role="status">{text}</p> }.into_any(),
                Err(text) => view! { <p class="notice warning" role="alert">{text}</p> }.into_any(),
            })}
        </section>
    }
}

//! "Besuchsmodus": a volunteer on a home visit enters the family's town and the child's birth or
//! due date and shows the family its page, offline. The visit lives only in memory: it never
//! touches the volunteer's own profile, and "Besuch beenden" leaves nothing of the family in
//! any storage: its office file is fetched without keeping a copy. "Für Besuche bereithalten"
//! keeps a whole Kreis's office files offline, on purpose.

use crate::components::child_fields::ChildFields;
use crate::components::emergency_help::EmergencyHelp;
use crate::components::family_view::FamilyView;
use crate::components::handover_panel::HandoverPanel;
use crate::components::language_picker::LanguagePicker;
use crate::components::town_picker::TownPicker;
use crate::i18n::{t, tr, DATA_LANGUAGE};
use crate::platform::data_cache;
use crate::state::{use_app, Load, Visit};
use kekiz_core::age::age_on;
use kekiz_core::form::{no_town_chosen, ChildForm};
use kekiz_core::i18n::Msg;
use kekiz_core::office::{files_of_kreis, kreise_with_data, town_name, KreisFiles};
use kekiz_core::profile::Child;
use kekiz_core::words::{age_in_words, bytes_in_words};
use leptos::prelude::*;

/// The visit mode: the start form, or the visited family's page.
#[component]
pub fn VisitMode() -> impl IntoView {
    let app = use_app();
    let ended = app.visit_ended;
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
    let town_error = RwSignal::new(None::<Msg>);
    let date_error = RwSignal::new(None::<Msg>);
    // The family's language: the volunteer's own until another is picked.
    let family_language = RwSignal::new(crate::i18n::shown_code_untracked());
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let birth = form.get_untracked().birth(app.today.get_untracked());
        let chosen = town.get_untracked();
        town_error.set(chosen.is_none().then(no_town_chosen));
        date_error.set(birth.as_ref().err().map(|e| e.message()));
        let (Some(ags), Ok(birth)) = (chosen, birth) else {
            crate::platform::dom::focus_first_invalid();
            return;
        };
        ended.set(false);
        let language = family_language.get_untracked();
        app.visit.set(Some(Visit {
            town: ags.to_string(),
            birth,
            language: language.clone(),
            volunteer_language: crate::i18n::shown_code_untracked(),
        }));
        app.show_language(language);
    };
    view! {
        <h1 id="page-heading" tabindex="-1">{t("visit.title")}</h1>
        {move || ended.get().then(|| view! {
            <p class="notice info" role="status">{t("visit.ended")}</p>
        })}
        <p class="lead">{t("visit.lead")}</p>
        <form class="card form" on:submit=submit novalidate>
            <TownPicker id="visit-town" chosen=town error=town_error />
            <ChildFields id="visit-child" form=form error=date_error with_name=false for_visit=true />
            <LanguagePicker
                id="visit-language"
                selected=family_language.get_untracked()
                on_choose=Callback::new(move |code| family_language.set(code))
                label_key="visit.family_language"
                hint_key="visit.family_language_hint"
            />
            <button type="submit" class="primary">{t("visit.show")}</button>
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
            Load::Ready(directory) => town_name(&directory.index, &ags).to_owned(),
            _ => String::new(),
        }
    };
    let age = move || tr(&age_in_words(&age_on(visit.birth, app.today.get())));
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
        let volunteer_language = visit.volunteer_language.clone();
        move |_| {
            app.visit.set(None);
            ended.set(true);
            // The volunteer's app is in the volunteer's language again.
            app.show_language(volunteer_language.clone());
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
            return view! { <p class="loading">{t("visit.loading")}</p> }.into_any();
        }
        view! {
            <FamilyView town=town.clone() child=child.clone() />
            <HandoverPanel town=town.clone() birth=visit.birth label=t("visit.calendar_label") key="besuch".to_owned() />
            // Shown to the family on the screen; the printed page stays one sheet.
            <div class="no-print">
                <EmergencyHelp heading=t("visit.emergency_heading") heading_id="visit-emergency-heading" />
            </div>
        }
        .into_any()
    };
    view! {
        <h1 id="page-heading" tabindex="-1">{move || tr(&Msg::new("visit.heading").text("town", town_name()))}</h1>
        <p class="age">{age}</p>
        <p class="actions no-print"><button type="button" class="danger" on:click=end.clone()>{t("visit.end")}</button></p>
        {body}
        <p class="actions no-print"><button type="button" class="danger" on:click=end>{t("visit.end")}</button></p>
    }
}

/// "Für Besuche bereithalten": every office file of one Kreis, kept for offline visits.
#[component]
fn KeepForVisits() -> impl IntoView {
    let app = use_app();
    let kreis = RwSignal::new(String::new());
    let result = RwSignal::new(None::<Result<Msg, Msg>>);
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
                Ok(()) => {
                    let count = i64::try_from(chosen.paths.len()).unwrap_or(i64::MAX);
                    Ok(match chosen.newest {
                        Some(newest) => Msg::new("visit.kept")
                            .num("n", count)
                            .text("date", crate::i18n::as_of(newest)),
                        None => Msg::new("visit.kept_as_of_unknown").num("n", count),
                    })
                }
                Err(error) => Err(Msg::new("visit.keep_failed").msg("error", error.message())),
            }));
        });
    };
    view! {
        <section class="card" aria-labelledby="keep-heading">
            <h2 id="keep-heading">{t("visit.keep_heading")}</h2>
            <p>{t("visit.keep_intro")}</p>
            <div class="field">
                <label for="keep-kreis">{t("visit.keep_kreis")}</label>
                <select id="keep-kreis" on:change=move |e| { kreis.set(event_target_value(&e)); result.set(None); }>
                    <option value="">{t("visit.keep_choose")}</option>
                    {move || kreise().into_iter().map(|k| view! { <option value=k.clone() lang=DATA_LANGUAGE>{k.clone()}</option> }).collect_view()}
                </select>
            </div>
            {move || {
                let chosen = files();
                (!chosen.paths.is_empty()).then(|| {
                    view! {
                        <p class="size">{tr(&Msg::new("visit.files")
                            .num("n", i64::try_from(chosen.paths.len()).unwrap_or(i64::MAX))
                            .msg("size", bytes_in_words(chosen.bytes)))}</p>
                        <button type="button" class="primary" on:click=keep>{t("visit.keep_button")}</button>
                    }
                })
            }}
            {move || result.get().map(|r| match r {
                Ok(text) => view! { <p class="notice info" role="status">{tr(&text)}</p> }.into_any(),
                Err(text) => view! { <p class="notice warning" role="alert">{tr(&text)}</p> }.into_any(),
            })}
        </section>
    }
}

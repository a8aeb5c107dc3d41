//! The first screen for a family: town, birth or due date, optional name; saving leads to the
//! family's page. A handed-over link (visit mode) fills in the town and the birth month.

use crate::components::child_fields::ChildFields;
use crate::components::language_picker::LanguagePicker;
use crate::components::town_picker::TownPicker;
use crate::i18n::{t, tr};
use crate::route::Route;
use crate::state::use_app;
use kekiz_core::directory::TownKey;
use kekiz_core::form::{no_town_chosen, ChildForm, DateKind};
use kekiz_core::i18n::Msg;
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
    Unreadable(Msg),
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
    // Whole sentences per kind: no word is glued into another language's sentence.
    let prefilled_key = if form.kind == DateKind::Due {
        "onboarding.prefilled_due"
    } else {
        "onboarding.prefilled_birth"
    };
    let town = RwSignal::new(town);
    let form = RwSignal::new(form);
    let town_error = RwSignal::new(None::<Msg>);
    let date_error = RwSignal::new(None::<Msg>);

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let today = app.today.get_untracked();
        let chosen = town.get_untracked();
        let child = form.get_untracked();
        let birth = child.birth(today);
        town_error.set(chosen.is_none().then(no_town_chosen));
        date_error.set(birth.as_ref().err().map(|error| error.message()));
        if let (Some(ags), Ok(birth)) = (chosen, birth) {
            let mut added = Ok(0);
            app.update_profile(|profile| {
                profile.town = Some(ags);
                added = profile.add_child(child.nickname(), birth);
            });
            if let Err(problem) = added {
                date_error.set(Some(problem.message()));
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
        <h1 id="page-heading" tabindex="-1">{t("onboarding.title")}</h1>
        <LanguagePicker
            id="language"
            selected=crate::i18n::shown_code_untracked()
            on_choose=Callback::new(move |code| app.choose_language(code, "language"))
        />
        <p class="lead">{t("onboarding.lead")}</p>
        {unreadable.map(|reason| view! {
            <p class="notice warning" role="status">{tr(&Msg::new("onboarding.link_unreadable").msg("reason", reason))}</p>
        })}
        {prefilled.then(|| view! {
            <p class="notice info" role="status">{t(prefilled_key)}</p>
        })}
        <form class="card form" on:submit=submit novalidate>
            <TownPicker id="town" chosen=town error=town_error />
            <ChildFields id="child" form=form error=date_error />
            <p class="privacy">{t("onboarding.privacy")}</p>
            <button type="submit" class="primary">{t("onboarding.submit")}</button>
        </form>
    }
}

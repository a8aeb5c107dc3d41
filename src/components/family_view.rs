//! The family's page body: the welcome contact once, then for the chosen child the sections
//! "Angebote jetzt", "Als Nächstes", "Vorsorge-Untersuchungen" and "Fristen". Shared by the
//! family page and the visit mode, which load the office file and render this view once it is
//! settled; all matching is `kekiz_core::matching::child_view`.

use crate::components::checkup_list::CheckupList;
use crate::components::deadline_list::DeadlineList;
use crate::components::done_list::DoneList;
use crate::components::offer_card::OfferCard;
use crate::components::welcome_card::WelcomeCard;
use crate::i18n::{t, tr};
use crate::state::{use_app, Load};
use kekiz_core::age::BirthInfo;
use kekiz_core::done::DoneKind;
use kekiz_core::i18n::Msg;
use kekiz_core::matching::{child_view, town_has_offers};
use kekiz_core::office::{responsible_office, town_name, ResponsibleOffice};
use kekiz_core::profile::Child;
use leptos::prelude::*;

/// The page body for `child` of a family living in `town`.
#[component]
pub fn FamilyView(
    #[prop(into)] town: Signal<String>,
    #[prop(into)] child: Signal<Child>,
    /// Whether items can be marked done and the marks are stored (off in visit mode).
    #[prop(optional)]
    marks: bool,
) -> impl IntoView {
    let app = use_app();

    let sections = move || {
        let Load::Ready(directory) = app.directory.get() else {
            return match app.directory.get() {
                Load::Failed(reason) => view! { <p class="notice warning" role="alert">{tr(&Msg::new("family.load_failed").msg("reason", reason))}</p> }.into_any(),
                _ => view! { <p class="loading">{t("family.loading")}</p> }.into_any(),
            };
        };
        let ags = town.get();
        let child = child.get();
        let town_name = town_name(&directory.index, &ags).to_owned();
        let office = responsible_office(&directory.index, &ags).ok();
        // The pages render this view once the office file is settled (AppState::data_settled_for).
        let file = match &office {
            Some(ResponsibleOffice::Published(summary)) => {
                match app.offices.with(|o| o.get(summary.id.as_str()).cloned()) {
                    Some(Load::Ready(file)) => Some(file),
                    _ => None,
                }
            }
            _ => None,
        };
        let view_of_child = child_view(
            file.as_deref(),
            &ags,
            child.birth,
            &directory.index.statewide,
            app.today.get(),
            &child.done,
        );
        let child_id = child.id;
        let on_done = marks.then(|| {
            Callback::new(move |(kind, id): (DoneKind, String)| {
                app.update_profile(|p| {
                    p.mark_done(child_id, kind, &id, None);
                });
            })
        });
        let no_offers = !town_has_offers(file.as_deref(), &ags);
        let expected = matches!(child.birth, BirthInfo::Expected(_));
        let now = view_of_child.now;
        let next = view_of_child.next;
        let unknown_age = view_of_child.unknown_age;
        view! {
            {no_offers.then(|| view! {
                <p class="notice info no-offers">{tr(&Msg::new("family.no_offers").text("town", town_name.clone()))}</p>
            })}
            <section class="card" aria-labelledby="now-heading">
                <h2 id="now-heading">{t("family.now_heading")}</h2>
                {if now.is_empty() {
                    view! { <p>{t("family.now_empty")}</p> }.into_any()
                } else {
                    view! { <ul class="offers">{now.into_iter().map(|o| view! { <OfferCard offer=o.offer.clone() reach=o.reach /> }).collect_view()}</ul> }.into_any()
                }}
            </section>
            <section class="card" aria-labelledby="next-heading">
                <h2 id="next-heading">{t("family.next_heading")}</h2>
                {if next.is_empty() {
                    view! { <p>{t("family.next_empty")}</p> }.into_any()
                } else {
                    view! { <ul class="offers">{next.into_iter().map(|o| view! { <OfferCard offer=o.offer.clone() reach=o.reach fits_from=o.fits_from /> }).collect_view()}</ul> }.into_any()
                }}
            </section>
            {(!unknown_age.is_empty()).then(|| view! {
                <section class="card" aria-labelledby="unknown-age-heading">
                    <h2 id="unknown-age-heading">{t("family.unknown_age_heading")}</h2>
                    <p class="hint">{t("family.unknown_age_hint")}</p>
                    <ul class="offers">{unknown_age.into_iter().map(|o| view! { <OfferCard offer=o.offer.clone() reach=o.reach /> }).collect_view()}</ul>
                </section>
            })}
            <CheckupList checkups=view_of_child.checkups expected=expected today=app.today.get() on_done=on_done />
            <DeadlineList deadlines=view_of_child.deadlines on_done=on_done />
            <DoneList done=view_of_child.done child=child_id editable=marks />
        }
        .into_any()
    };

    // The directory's texts are German (as the offices publish them): said once, in the language shown.
    let data_in_german = (crate::i18n::shown_code() != crate::i18n::DATA_LANGUAGE)
        .then(|| view! { <p class="hint data-language">{t("language.data_in_german")}</p> });
    view! {
        {data_in_german}
        <WelcomeCard town=town />
        {sections}
    }
}

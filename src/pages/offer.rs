//! One offer's details: what, for whom, when, where (with a map link that needs a connection),
//! cost, languages, registration, contact, source and "Stand".

use crate::components::as_of::AsOfLine;
use crate::components::contact_links::ContactLinks;
use crate::components::schedule_lines::ScheduleLines;
use crate::i18n::{data_text, t, tr, DATA_LANGUAGE};
use crate::route::Route;
use crate::state::{use_app, Load};
use kekiz_core::words::{
    age_range_in_words_opt, category_name, language_name, map_url, place_in_words,
    registration_in_words, schedule_in_words,
};
use leptos::prelude::*;

/// The details page of the offer with `id`, looked up in the office files loaded so far.
#[component]
pub fn OfferDetails(id: String) -> impl IntoView {
    let app = use_app();
    // Opened directly (a reload on this address): load the office file of the family shown.
    Effect::new(move |_| {
        if matches!(app.directory.get(), Load::Ready(_)) {
            let visited = app.visit.with(|v| v.as_ref().map(|v| v.town.clone()));
            if let Some(town) = visited.or_else(|| {
                app.profile
                    .with(|p| p.town.as_ref().map(ToString::to_string))
            }) {
                app.load_office_for(&town, false);
            }
        }
    });
    let offer = {
        let id = id.clone();
        Memo::new(move |_| {
            app.offices.with(|offices| {
                offices.values().find_map(|load| match load {
                    Load::Ready(file) => file.offers.iter().find(|o| o.id == id).cloned(),
                    _ => None,
                })
            })
        })
    };
    let back = view! {
        <p class="no-print">
            <button type="button" class="secondary back" on:click=move |_| {
                if crate::platform::dom::history_back().is_err() {
                    app.navigate(Route::Family(None));
                }
            }>{t("offer.back")}</button>
        </p>
    };
    view! {
        {back}
        {move || match offer.get() {
            None => view! {
                <h1 id="page-heading" tabindex="-1">{t("offer.title")}</h1>
                <p>{t("offer.not_loaded")}</p>
            }.into_any(),
            Some(offer) => {
                let schedule = schedule_in_words(&offer.schedule);
                let place = offer.place.as_ref().map(place_in_words).filter(|p| !p.is_empty());
                let map = offer.place.as_ref().and_then(map_url);
                let languages = offer.languages.iter().map(|c| tr(&language_name(c))).collect::<Vec<_>>().join(", ");
                let (title, title_lang) = data_text(&offer.translations, "title", &offer.title);
                let (description, description_lang) = data_text(&offer.translations, "description", &offer.description);
                let cost = offer.cost.clone().map(|cost| data_text(&offer.translations, "cost", &cost));
                view! {
                    <h1 id="page-heading" tabindex="-1" lang=title_lang>{title}</h1>
                    <p class="category">{tr(&category_name(offer.category))}</p>
                    {(!description.is_empty()).then(|| view! { <p class="lead" lang=description_lang>{description}</p> })}
                    <dl class="details card">
                        <dt>{t("offer.for_whom")}</dt>
                        <dd>{tr(&age_range_in_words_opt(offer.age))}</dd>
                        <dt>{t("offer.when")}</dt>
                        <dd>{if schedule.is_empty() {
                            view! { <span class="unknown">{t("offer.when_unknown")}</span> }.into_any()
                        } else {
                            view! { <ScheduleLines lines=schedule /> }.into_any()
                        }}</dd>
                        <dt>{t("offer.where")}</dt>
                        <dd>
                            {match place {
                                Some(place) => view! { <span lang=DATA_LANGUAGE>{place}</span> }.into_any(),
                                None => t("offer.where_unknown").into_any(),
                            }}
                            {map.map(|href| view! {
                                <br/><a class="tap" href=href rel="noopener noreferrer" target="_blank">{t("offer.map")}</a>
                                <span class="needs-net">" "{t("contact.needs_net")}</span>
                            })}
                        </dd>
                        <dt>{t("offer.cost")}</dt>
                        <dd>{match cost {
                            Some((cost, cost_lang)) => view! { <span lang=cost_lang>{cost}</span> }.into_any(),
                            None => t("offer.unknown").into_any(),
                        }}</dd>
                        <dt>{t("offer.languages")}</dt>
                        <dd>{if languages.is_empty() { t("offer.unknown") } else { languages }}</dd>
                        <dt>{t("offer.registration")}</dt>
                        <dd>{tr(&registration_in_words(offer.registration))}</dd>
                        <dt>{t("offer.contact")}</dt>
                        <dd>{if offer.contact == Default::default() {
                            view! { <span class="unknown">{t("offer.no_contact")}</span> }.into_any()
                        } else {
                            view! { <ContactLinks contact=offer.contact.clone() /> }.into_any()
                        }}</dd>
                    </dl>
                    <AsOfLine as_of=offer.as_of source=offer.source.clone() />
                }.into_any()
            }
        }}
    }
}

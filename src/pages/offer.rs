//! One offer's details: what, for whom, when, where (with a map link that needs a connection),
//! cost, languages, registration, contact, source and "Stand".

use crate::components::as_of::AsOfLine;
use crate::components::contact_links::ContactLinks;
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
            }>"← Zurück"</button>
        </p>
    };
    view! {
        {back}
        {move || match offer.get() {
            None => view! {
                <h1 id="page-heading" tabindex="-1">"Angebot"</h1>
                <p>"Dieses Angebot ist (noch) nicht geladen oder nicht mehr im Verzeichnis."</p>
            }.into_any(),
            Some(offer) => {
                let schedule = schedule_in_words(&offer.schedule);
                let place = offer.place.as_ref().map(place_in_words).filter(|p| !p.is_empty());
                let map = offer.place.as_ref().and_then(map_url);
                let languages = offer.languages.iter().map(|c| language_name(c)).collect::<Vec<_>>().join(", ");
                view! {
                    <h1 id="page-heading" tabindex="-1">{offer.title.clone()}</h1>
                    <p class="category">{category_name(offer.category)}</p>
                    {(!offer.description.is_empty()).then(|| view! { <p class="lead">{offer.description.clone()}</p> })}
                    <dl class="details card">
                        <dt>"Für wen"</dt>
                        <dd>{age_range_in_words_opt(offer.age)}</dd>
                        <dt>"Wann"</dt>
                        <dd>{if schedule.is_empty() {
                            view! { <span class="unknown">"Zeiten sind nicht bekannt – bitte nachfragen."</span> }.into_any()
                        } else {
                            schedule.into_iter().map(|line| view! { <span class="line">{line}</span> }).collect_view().into_any()
                        }}</dd>
                        <dt>"Wo"</dt>
                        <dd>
                            {place.unwrap_or_else(|| "Ort nicht bekannt – bitte nachfragen.".to_owned())}
                            {map.map(|href| view! {
                                <br/><a class="tap" href=href rel="noopener noreferrer" target="_blank">"Auf der Karte zeigen"</a>
                                <span class="needs-net">" (braucht Internet)"</span>
                            })}
                        </dd>
                        <dt>"Kosten"</dt>
                        <dd>{offer.cost.clone().unwrap_or_else(|| "nicht bekannt".to_owned())}</dd>
                        <dt>"Sprachen"</dt>
                        <dd>{if languages.is_empty() { "nicht bekannt".to_owned() } else { languages }}</dd>
                        <dt>"Anmeldung"</dt>
                        <dd>{registration_in_words(offer.registration)}</dd>
                        <dt>"Kontakt"</dt>
                        <dd>{if offer.contact == Default::default() {
                            view! { <span class="unknown">"Keine Kontaktdaten hinterlegt."</span> }.into_any()
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

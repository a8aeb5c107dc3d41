//! One offer in a list ("Angebote jetzt", "Als Nächstes"): title linking to its details, for
//! whom, when, where, and "Stand". Used by the family view and the printed page.

use crate::components::as_of::AsOfText;
use crate::components::schedule_lines::ScheduleLines;
use crate::i18n::{data_text, t, tr, DATA_LANGUAGE};
use crate::route::Route;
use kekiz_core::date::Date;
use kekiz_core::directory::Offer;
use kekiz_core::i18n::Msg;
use kekiz_core::matching::Reach;
use kekiz_core::words::{age_range_in_words_opt, place_in_words, schedule_in_words};
use leptos::prelude::*;

/// An offer's card; `fits_from` is the date from which it fits ("ab …"), for "Als Nächstes".
#[component]
pub fn OfferCard(
    offer: Offer,
    reach: Reach,
    #[prop(optional)] fits_from: Option<Date>,
) -> impl IntoView {
    let href = Route::Offer(offer.id.to_string()).to_hash();
    let schedule = schedule_in_words(&offer.schedule);
    let place = offer
        .place
        .as_ref()
        .map(place_in_words)
        .filter(|p| !p.is_empty());
    let reach_words = match reach {
        Reach::Town => t("offer.reach_town"),
        Reach::OfficeArea => t("offer.reach_office_area"),
    };
    let (title, title_lang) = data_text(&offer.translations, "title", &offer.title);
    let (description, description_lang) =
        data_text(&offer.translations, "description", &offer.description);
    view! {
        <li class="offer">
            <h3><a href=href lang=title_lang>{title}</a></h3>
            {fits_from.map(|date| view! {
                <p class="fits-from"><strong><time datetime=date.to_string()>{tr(&Msg::new("offer.fits_from").date("date", date))}</time></strong></p>
            })}
            <p class="for-whom">{tr(&age_range_in_words_opt(offer.age))} " · " {reach_words}</p>
            {(!description.is_empty()).then(|| view! { <p class="description" lang=description_lang>{description}</p> })}
            {(!schedule.is_empty()).then(|| view! {
                <p class="when"><ScheduleLines lines=schedule /></p>
            })}
            {place.map(|p| view! { <p class="where" lang=DATA_LANGUAGE>{p}</p> })}
            <p class="as-of"><AsOfText as_of=offer.as_of /></p>
        </li>
    }
}

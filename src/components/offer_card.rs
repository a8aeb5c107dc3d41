//! One offer in a list ("Angebote jetzt", "Als Nächstes"): title linking to its details, for
//! whom, when, where, and "Stand". Used by the family view and the printed page.

use crate::components::as_of::AsOfText;
use crate::route::Route;
use kekiz_core::date::Date;
use kekiz_core::directory::Offer;
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
        Reach::Town => "in Ihrem Ort",
        Reach::OfficeArea => "im Gebiet des Jugendamts",
    };
    view! {
        <li class="offer">
            <h3><a href=href>{offer.title.clone()}</a></h3>
            {fits_from.map(|date| view! {
                <p class="fits-from"><strong>"ab " <time datetime=date.to_string()>{date.german()}</time></strong></p>
            })}
            <p class="for-whom">{age_range_in_words_opt(offer.age)} " · " {reach_words}</p>
            {(!offer.description.is_empty()).then(|| view! { <p class="description">{offer.description.clone()}</p> })}
            {(!schedule.is_empty()).then(|| view! {
                <p class="when">{schedule.into_iter().map(|line| view! { <span class="line">{line}</span> }).collect_view()}</p>
            })}
            {place.map(|p| view! { <p class="where">{p}</p> })}
            <p class="as-of"><AsOfText as_of=offer.as_of /></p>
        </li>
    }
}

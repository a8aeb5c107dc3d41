//! "Hilfe im Notfall": the statewide emergency numbers and help lines in the order the data gives
//! them, each with tap-to-call links, hours, cost, languages, source and "Stand". Used by the
//! emergency page and the visit mode; the list comes with the index, so it works offline.

use crate::components::as_of::AsOfLine;
use crate::components::contact_links::WebLink;
use crate::state::{use_app, Load};
use kekiz_core::directory::{Helpline, HelplinePhone};
use kekiz_core::words::helpline_phone_uri;
use leptos::prelude::*;

/// The help lines as a section with a level-2 `heading` (its id `heading_id`).
#[component]
pub fn EmergencyHelp(heading: &'static str, heading_id: &'static str) -> impl IntoView {
    let app = use_app();
    let list = move || match app.directory.get() {
        Load::Ready(directory) => helpline_list(directory.index.statewide.helplines.clone()),
        Load::Failed(reason) => {
            let text = format!("Die Notrufnummern konnten nicht geladen werden: {reason}");
            view! { <p class="notice warning" role="alert">{text}</p> }.into_any()
        }
        Load::Loading => {
            view! { <p class="loading">"Die Notrufnummern werden geladen …"</p> }.into_any()
        }
    };
    view! {
        <section class="card emergency-help" aria-labelledby=heading_id>
            <h2 id=heading_id>{heading}</h2>
            {list}
        </section>
    }
}

/// The help lines in the order given, or a notice when the loaded data holds none (an index
/// built before they existed).
fn helpline_list(helplines: Vec<Helpline>) -> AnyView {
    if helplines.is_empty() {
        return view! {
            <p class="notice warning">"In den geladenen Daten fehlen die Notrufnummern. Bitte laden Sie die App mit Internet neu."</p>
        }
        .into_any();
    }
    view! {
        <ul class="helplines">
            {helplines.into_iter().map(|helpline| view! { <HelplineItem helpline=helpline /> }).collect_view()}
        </ul>
    }
    .into_any()
}

/// One help line: what it is for, what to keep in mind, how to reach it, when, at what cost.
#[component]
fn HelplineItem(helpline: Helpline) -> impl IntoView {
    let Helpline {
        id,
        name,
        purpose,
        phones,
        web,
        hours,
        cost,
        languages,
        caveat,
        source,
        as_of,
    } = helpline;
    let fact = |label: &'static str, text: Option<String>| {
        text.map(|text| view! { <p class="fact"><strong>{label}</strong>{text}</p> })
    };
    view! {
        <li class="helpline" data-id=id>
            <h3>{name}</h3>
            <p>{purpose}</p>
            {caveat.map(|caveat| view! { <p class="caveat"><strong>"Wichtig: "</strong>{caveat}</p> })}
            <ul class="contact-links">
                {phones.into_iter().map(|phone| view! { <li><CallLink phone=phone /></li> }).collect_view()}
                {web.map(|url| view! { <li><WebLink url=url /></li> })}
            </ul>
            {fact("Erreichbar: ", hours)}
            {fact("Kosten: ", cost)}
            {fact("Sprachen: ", languages)}
            <AsOfLine as_of=as_of source=source />
        </li>
    }
}

/// "Anrufen: 116 117" as a tap-to-call link, with the number's label; the number as plain text
/// when it cannot be dialled.
#[component]
fn CallLink(phone: HelplinePhone) -> impl IntoView {
    let label = phone.label.map(|label| format!(" ({label})"));
    match helpline_phone_uri(&phone.number) {
        Some(uri) => view! {
            <a class="button primary call" href=uri>"Anrufen: " {phone.number} {label}</a>
        }
        .into_any(),
        None => view! { <span class="contact phone">"Telefon: " {phone.number} {label}</span> }
            .into_any(),
    }
}

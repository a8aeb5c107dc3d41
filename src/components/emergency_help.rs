//! "Hilfe im Notfall": the statewide emergency numbers and help lines in the order the data gives
//! them, each with tap-to-call links, hours, cost, languages, source and "Stand". Used by the
//! emergency page and the visit mode; the list comes with the index, so it works offline.

use crate::components::as_of::AsOfLine;
use crate::components::contact_links::WebLink;
use crate::i18n::{data_text, t, tr, DATA_LANGUAGE};
use crate::state::{use_app, Load};
use kekiz_core::directory::{Helpline, HelplinePhone};
use kekiz_core::i18n::Msg;
use kekiz_core::words::helpline_phone_uri;
use leptos::prelude::*;

/// The help lines as a section with a level-2 `heading` (words already in the language shown;
/// its id `heading_id`).
#[component]
pub fn EmergencyHelp(#[prop(into)] heading: String, heading_id: &'static str) -> impl IntoView {
    let app = use_app();
    let list = move || match app.directory.get() {
        Load::Ready(directory) => helpline_list(directory.index.statewide.helplines.clone()),
        Load::Failed(reason) => {
            let text = tr(&Msg::new("emergency.load_failed").msg("reason", reason));
            view! { <p class="notice warning" role="alert">{text}</p> }.into_any()
        }
        Load::Loading => view! { <p class="loading">{t("emergency.loading")}</p> }.into_any(),
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
            <p class="notice warning">{t("emergency.missing")}</p>
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
        translations,
    } = helpline;
    let text = |field: &str, german: &str| data_text(&translations, field, german);
    let (name, name_lang) = text("name", &name);
    let (purpose, purpose_lang) = text("purpose", &purpose);
    let hours = hours.map(|h| text("hours", &h));
    let cost = cost.map(|c| text("cost", &c));
    let languages = languages.map(|l| text("languages", &l));
    let caveat = caveat.map(|c| text("caveat", &c));
    // The label is a screen word; the text after it is the directory's own (German) words.
    let fact = |label: &'static str, text: Option<(String, String)>| {
        text.map(|(text, lang)| {
            view! { <p class="fact"><strong>{t(label)}" "</strong><span lang=lang>{text}</span></p> }
        })
    };
    view! {
        <li class="helpline" data-id=id>
            <h3 lang=name_lang>{name}</h3>
            <p lang=purpose_lang>{purpose}</p>
            {caveat.map(|(caveat, caveat_lang)| view! {
                <p class="caveat"><strong>{t("emergency.caveat")}" "</strong><span lang=caveat_lang>{caveat}</span></p>
            })}
            <ul class="contact-links">
                {phones.into_iter().map(|phone| view! { <li><CallLink phone=phone /></li> }).collect_view()}
                {web.map(|url| view! { <li><WebLink url=url /></li> })}
            </ul>
            {fact("emergency.hours", hours)}
            {fact("emergency.cost", cost)}
            {fact("emergency.languages", languages)}
            <AsOfLine as_of=as_of source=source />
        </li>
    }
}

/// "Anrufen: 116 117" as a tap-to-call link, with the number's label; the number as plain text
/// when it cannot be dialled.
#[component]
fn CallLink(phone: HelplinePhone) -> impl IntoView {
    // The number's label ("vom Handy") is the directory's own words.
    let label = phone
        .label
        .map(|label| view! { " (" <span lang=DATA_LANGUAGE>{label}</span> ")" });
    match helpline_phone_uri(&phone.number) {
        Some(uri) => view! {
            <a class="button primary call" href=uri>
                {t("contact.call")}" "<span dir="ltr">{phone.number}</span>{label}
            </a>
        }
        .into_any(),
        None => view! {
            <span class="contact phone">{t("contact.phone")}" "<span dir="ltr">{phone.number}</span>{label}</span>
        }
        .into_any(),
    }
}

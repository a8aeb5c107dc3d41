//! Phone (tap to call), e-mail (tap to write) and web page of an office, service or offer;
//! only the parts a public source names. Used by the welcome card, the offer details and the
//! emergency help list (its web link).

use crate::i18n::t;
use kekiz_core::directory::Contact;
use kekiz_core::words::{mailto_href, phone_uri, web_href};
use leptos::prelude::*;

/// The contact's links, or nothing when the contact is empty.
#[component]
pub fn ContactLinks(contact: Contact) -> impl IntoView {
    // Labels are screen words; the number or address itself reads left to right in every language.
    let phone = contact.phone.map(|number| match phone_uri(&number) {
        Some(uri) => view! {
            <li><a class="contact phone" href=uri>{t("contact.call")}" "<span dir="ltr">{number.to_string()}</span></a></li>
        }
        .into_any(),
        None => view! {
            <li class="contact phone">{t("contact.phone")}" "<span dir="ltr">{number.to_string()}</span></li>
        }
        .into_any(),
    });
    let email = contact.email.map(|address| match mailto_href(&address) {
        Some(href) => view! {
            <li><a class="contact email" href=href>{t("contact.email")}" "<span dir="ltr">{address.to_string()}</span></a></li>
        }
        .into_any(),
        None => view! {
            <li class="contact email">{t("contact.email")}" "<span dir="ltr">{address.to_string()}</span></li>
        }
        .into_any(),
    });
    let web = contact
        .web
        .map(|url| view! { <li><WebLink url=url.to_string() /></li> });
    view! { <ul class="contact-links">{phone}{email}{web}</ul> }
}

/// "Webseite: beispiel.de (braucht Internet)": a web page, opened in a new tab; an address
/// that is not a valid https address never becomes a link (shown as text).
#[component]
pub fn WebLink(url: String) -> impl IntoView {
    let shown = url
        .trim_start_matches("https://")
        .trim_end_matches('/')
        .to_owned();
    if web_href(&url).is_none() {
        return view! { <span class="contact web">{t("contact.web")}" "<span dir="ltr">{url}</span></span> }
            .into_any();
    }
    view! {
        <a class="contact web" href=url rel="noopener noreferrer" target="_blank">{t("contact.web")}" "<span dir="ltr">{shown}</span></a>
        <span class="needs-net">" "{t("contact.needs_net")}</span>
    }
    .into_any()
}

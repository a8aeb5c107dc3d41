//! "Begrüßungsbesuch": the welcome-visit service of the office responsible for the family's
//! town, shown once per family; and, where nothing is known, what the family can do instead.

use crate::components::as_of::AsOfLine;
use crate::components::contact_links::ContactLinks;
use crate::i18n::{data_text, t, tr, DATA_LANGUAGE};
use crate::state::{use_app, Load};
use kekiz_core::directory::Confidence;
use kekiz_core::form::kreis_label;
use kekiz_core::i18n::Msg;
use kekiz_core::office::{
    find_town, responsible_office, town_name, welcome_contact, ResponsibleOffice, WelcomeContact,
};
use leptos::prelude::*;

/// The welcome-visit section for the town `ags`.
#[component]
pub fn WelcomeCard(#[prop(into)] town: Signal<String>) -> impl IntoView {
    let app = use_app();
    let body = move || {
        let Load::Ready(directory) = app.directory.get() else {
            return view! { <p class="loading">{t("welcome.loading")}</p> }.into_any();
        };
        let ags = town.get();
        let town = find_town(&directory.index, &ags);
        let town_name = town_name(&directory.index, &ags).to_owned();
        // An assignment no source settles yet is named, but never as certain.
        let unconfirmed = town
            .filter(|t| t.confidence == Confidence::Unverified)
            .map(|_| {
                view! {
                    <p class="notice unconfirmed">
                        {tr(&Msg::new("welcome.unconfirmed").text("town", town_name.clone()))}
                    </p>
                }
            });
        let instead = view! {
            <p class="instead">{t("welcome.instead")}</p>
        };
        let card = match responsible_office(&directory.index, &ags) {
            Err(error) => view! {
                <p class="notice warning">{tr(&error.message())}</p>
            }
            .into_any(),
            Ok(ResponsibleOffice::NotYetKnown { kreis }) => view! {
                <p>{tr(&Msg::new("welcome.office_not_known")
                    .text("town", town_name.clone())
                    .msg("kreis", kreis_label(&kreis, false)))}</p>
                {instead}
            }
            .into_any(),
            Ok(ResponsibleOffice::NoDataYet(summary)) => view! {
                <p>{tr(&Msg::new("welcome.office_no_data")
                    .text("town", town_name.clone())
                    .text("office", summary.name.clone()))}</p>
                {instead}
            }
            .into_any(),
            Ok(ResponsibleOffice::Published(summary)) => {
                match app.offices.with(|o| o.get(summary.id.as_str()).cloned()) {
                    None | Some(Load::Loading) => {
                        view! { <p class="loading">{t("welcome.office_loading")}</p> }.into_any()
                    }
                    Some(Load::Failed(reason)) => view! {
                        <p class="notice warning">{tr(&Msg::new("welcome.office_failed")
                            .text("office", summary.name.clone())
                            .msg("reason", reason))}</p>
                    }
                    .into_any(),
                    Some(Load::Ready(file)) => match file.welcome.clone() {
                        Some(welcome) => {
                            let (name, name_lang) =
                                data_text(&welcome.translations, "name", &welcome.name);
                            let (description, description_lang) = data_text(
                                &welcome.translations,
                                "description",
                                &welcome.description,
                            );
                            let timing = welcome
                                .timing
                                .clone()
                                .map(|timing| data_text(&welcome.translations, "timing", &timing));
                            view! {
                            <h3 class="service-name" lang=name_lang>{name}</h3>
                            <p class="office-name" lang=DATA_LANGUAGE>{file.office.name.clone()}</p>
                            {(!description.is_empty()).then(|| view! { <p lang=description_lang>{description}</p> })}
                            {timing.map(|(timing, timing_lang)| view! { <p><strong>{t("welcome.when")}" "</strong><span lang=timing_lang>{timing}</span></p> })}
                            {match welcome_contact(&welcome, &file.office) {
                                WelcomeContact::Unknown => view! { <p class="unknown">{t("welcome.no_contact")}</p> }.into_any(),
                                WelcomeContact::Office(contact) => view! {
                                    <p class="unknown">{t("welcome.office_contact_instead")}</p>
                                    <ContactLinks contact=contact.clone() />
                                }.into_any(),
                                WelcomeContact::Service(contact) => view! { <ContactLinks contact=contact.clone() /> }.into_any(),
                            }}
                            <AsOfLine as_of=welcome.as_of source=welcome.source.clone() />
                            }
                            .into_any()
                        }
                        None => view! {
                            <p>{tr(&Msg::new("welcome.no_service")
                                .text("town", town_name.clone())
                                .text("office", file.office.name.clone()))}</p>
                            <ContactLinks contact=file.office.contact.clone() />
                            {instead}
                            <AsOfLine as_of=file.office.as_of source=file.office.source.clone() />
                        }
                        .into_any(),
                    },
                }
            }
        };
        view! { {unconfirmed} {card} }.into_any()
    };
    view! {
        <section class="card welcome" aria-labelledby="welcome-heading">
            <h2 id="welcome-heading">{t("welcome.heading")}</h2>
            {body}
        </section>
    }
}

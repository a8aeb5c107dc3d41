//! "Begrüßungsbesuch": the welcome-visit service of the office responsible for the family's
//! town, shown once per family; and, where nothing is known, what the family can do instead.

use crate::components::as_of::AsOfLine;
use crate::components::contact_links::ContactLinks;
use crate::state::{use_app, Load};
use kekiz_core::directory::Confidence;
use kekiz_core::form::kreis_label;
use kekiz_core::office::{find_town, responsible_office, ResponsibleOffice};
use kekiz_core::town::display_name;
use leptos::prelude::*;

/// The welcome-visit section for the town `ags`.
#[component]
pub fn WelcomeCard(#[prop(into)] town: Signal<String>) -> impl IntoView {
    let app = use_app();
    let body = move || {
        let Load::Ready(directory) = app.directory.get() else {
            return view! { <p class="loading">"Die Daten werden geladen …"</p> }.into_any();
        };
        let ags = town.get();
        let town = find_town(&directory.index, &ags);
        let town_name = town.map(|t| display_name(t).to_owned()).unwrap_or_default();
        // An assignment no source settles yet is named, but never as certain.
        let unconfirmed = town
            .filter(|t| t.confidence == Confidence::Unverified)
            .map(|_| view! {
                <p class="notice unconfirmed">
                    {format!("Hinweis: Dass dieses Jugendamt für {town_name} zuständig ist, ist noch nicht bestätigt. ")}
                    "Im Rathaus Ihrer Gemeinde erfahren Sie, welches Jugendamt für Sie zuständig ist."
                </p>
            });
        let instead = view! {
            <p class="instead">
                "Fragen Sie beim Jugendamt Ihrer Stadt oder Ihres Kreises nach einem Begrüßungsbesuch für Familien "
                "mit Neugeborenen. Auch Ihre Hebamme und Ihre Kinderarztpraxis kennen die Angebote vor Ort."
            </p>
        };
        let card = match responsible_office(&directory.index, &ags) {
            Err(error) => view! { <p class="notice warning">{error.to_string()}</p> }.into_any(),
            Ok(ResponsibleOffice::NotYetKnown { kreis }) => view! {
                <p>{format!("Für {town_name} ({}) ist das zuständige Jugendamt in der App noch nicht hinterlegt.", kreis_label(&kreis, false))}</p>
                {instead}
            }
            .into_any(),
            Ok(ResponsibleOffice::NoDataYet(summary)) => view! {
                <p>{format!("Zuständig für {town_name}: {}. Es hat für die App noch keine Kontaktdaten veröffentlicht.", summary.name)}</p>
                {instead}
            }
            .into_any(),
            Ok(ResponsibleOffice::Published(summary)) => {
                match app.offices.with(|o| o.get(summary.id.as_str()).cloned()) {
                    None | Some(Load::Loading) => view! { <p class="loading">"Die Daten des Jugendamts werden geladen …"</p> }.into_any(),
                    Some(Load::Failed(reason)) => view! {
                        <p class="notice warning">{format!("Die Daten von {} konnten nicht geladen werden: {reason}", summary.name)}</p>
                    }
                    .into_any(),
                    Some(Load::Ready(file)) => match file.welcome.clone() {
                        Some(welcome) => view! {
                            <h3 class="service-name">{welcome.name.clone()}</h3>
                            <p class="office-name">{file.office.name.clone()}</p>
                            {(!welcome.description.is_empty()).then(|| view! { <p>{welcome.description.clone()}</p> })}
                            {welcome.timing.clone().map(|t| view! { <p><strong>"Wann: "</strong>{t}</p> })}
                            {if welcome.contact == Default::default() && file.office.contact == Default::default() {
                                view! { <p class="unknown">"Eine Telefonnummer oder E-Mail-Adresse ist noch nicht hinterlegt."</p> }.into_any()
                            } else if welcome.contact == Default::default() {
                                view! {
                                    <p class="unknown">"Eigene Kontaktdaten des Besuchsdienstes sind noch nicht hinterlegt. Das Jugendamt erreichen Sie so:"</p>
                                    <ContactLinks contact=file.office.contact.clone() />
                                }.into_any()
                            } else {
                                view! { <ContactLinks contact=welcome.contact.clone() /> }.into_any()
                            }}
                            <AsOfLine as_of=welcome.as_of source=welcome.source.clone() />
                        }
                        .into_any(),
                        None => view! {
                            <p>{format!("Zuständig für {town_name}: {}. Ein Begrüßungsbesuch ist in der App noch nicht hinterlegt.", file.office.name)}</p>
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
            <h2 id="welcome-heading">"Begrüßungsbesuch"</h2>
            {body}
        </section>
    }
}

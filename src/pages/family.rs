//! The family's page: a heading for the chosen child, a switch between children, the family
//! view (welcome contact, offers now and next, check-ups, deadlines) and the way to "Hilfe im
//! Notfall".

use crate::components::family_view::FamilyView;
use crate::components::handover_panel::HandoverPanel;
use crate::i18n::{t, tr};
use crate::route::Route;
use crate::state::{use_app, Load};
use kekiz_core::age::age_on;
use kekiz_core::i18n::Msg;
use kekiz_core::office::town_name;
use kekiz_core::words::{age_in_words, child_label};
use leptos::prelude::*;

/// The family page, showing the child with `selected` (or the first child).
#[component]
pub fn Family(selected: Option<u32>) -> impl IntoView {
    let app = use_app();
    let children = move || app.profile.with(|p| p.children.clone());
    let current = Memo::new(move |_| {
        let children = children();
        selected
            .and_then(|id| children.iter().position(|c| c.id == id))
            .or((!children.is_empty()).then_some(0))
            .map(|position| (position, children[position].clone()))
    });
    let town = Signal::derive(move || {
        app.profile
            .with(|p| p.town.as_ref().map(ToString::to_string).unwrap_or_default())
    });
    Effect::new(move |_| {
        if matches!(app.directory.get(), Load::Ready(_)) {
            app.load_office_for(&town.get(), false);
        }
    });
    let town_name = move || match app.directory.get() {
        Load::Ready(directory) => {
            Some(town_name(&directory.index, &town.get()).to_owned()).filter(|n| !n.is_empty())
        }
        _ => None,
    };

    move || {
        let Some((position, child)) = current.get() else {
            return view! { <p>{t("family.no_child")}</p> }.into_any();
        };
        // Everything at once when the data is there, so nothing moves afterwards.
        if !app.data_settled_for(&town.get()) {
            return view! { <p class="loading">{t("family.loading")}</p> }.into_any();
        }
        let all = children();
        let count = all.len();
        let label = tr(&child_label(child.nickname.as_deref(), position, count));
        let age = tr(&age_in_words(&age_on(child.birth, app.today.get())));
        let switcher = (count > 1).then(|| {
            view! {
                <nav class="child-switch" aria-label=t("family.children")>
                    <ul>
                        {all.iter().enumerate().map(|(i, c)| {
                            let href = Route::Family(Some(c.id)).to_hash();
                            let is_current = i == position;
                            view! {
                                <li><a href=href aria-current=is_current.then_some("page")>{tr(&child_label(c.nickname.as_deref(), i, count))}</a></li>
                            }
                        }).collect_view()}
                    </ul>
                </nav>
            }
        });
        let shown = child.clone();
        let heading = {
            let label = label.clone();
            move || match town_name() {
                Some(name) => tr(&Msg::new("family.heading_in_town")
                    .text("label", label.clone())
                    .text("town", name)),
                None => tr(&Msg::new("family.heading").text("label", label.clone())),
            }
        };
        view! {
            <h1 id="page-heading" tabindex="-1">{heading}</h1>
            <p class="age">{age}</p>
            {switcher}
            <FamilyView town=town child=Signal::derive(move || shown.clone()) marks=true />
            <HandoverPanel town=town birth=child.birth label=label.clone() key=format!("kind-{}", child.id) done=child.done.clone() />
            <section class="card emergency-teaser no-print" aria-labelledby="emergency-teaser-heading">
                <h2 id="emergency-teaser-heading">{t("family.emergency_heading")}</h2>
                <p>{t("family.emergency_text")}</p>
                <a class="button primary" href=Route::Emergency.to_hash()>{t("family.emergency_link")}</a>
            </section>
            <p class="actions">
                <a class="button secondary" href=Route::AddChild.to_hash()>{t("family.add_child")}</a>
                <a class="button secondary" href=Route::Settings.to_hash()>{t("family.change")}</a>
            </p>
        }
        .into_any()
    }
}

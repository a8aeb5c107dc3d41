//! About the app: what it is, how it treats the family's data, and the sources and licences
//! of the data it ships (the attribution the licences ask for).

use crate::i18n::{t, tr, DATA_LANGUAGE};
use crate::state::{use_app, Load};
use kekiz_core::i18n::Msg;
use leptos::prelude::*;

/// The about page.
#[component]
pub fn About() -> impl IntoView {
    let app = use_app();
    view! {
        <h1 id="page-heading" tabindex="-1">{t("about.title")}</h1>
        <p>{t("about.intro")}</p>
        <h2>{t("about.data_heading")}</h2>
        <p>{t("about.data_text")}</p>
        <h2>{t("about.sources_heading")}</h2>
        <p>{t("about.sources_text")}</p>
        {move || match app.directory.get() {
            Load::Ready(directory) => view! {
                <ul class="attribution" lang=DATA_LANGUAGE>
                    {directory.index.attribution.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view()}
                </ul>
                <p>{tr(&Msg::new("about.as_of").text("date", crate::i18n::as_of(directory.index.as_of)))}</p>
            }.into_any(),
            _ => view! { <p>{t("about.sources_loading")}</p> }.into_any(),
        }}
    }
}

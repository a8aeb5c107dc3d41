//! The one place where words are chosen: the catalogue of the language shown (fetched as
//! `/lang/<code>.txt` and kept offline by the service worker), German in the wasm as the
//! fallback, and what pages call: [`t`] for a key, [`tr`] for a message with arguments.

use crate::platform::{dom, fetch};
use kekiz_core::i18n::{parse_catalogue, parse_language_list, Catalogue, Language, Msg};
use leptos::prelude::*;
use std::sync::Arc;

/// The language of the directory's texts (offices and offers), as the data files give them.
pub const DATA_LANGUAGE: &str = "de";

thread_local! {
    static GERMAN: Arc<Catalogue> = Arc::new(kekiz_core::i18n::german().clone());
    static SHOWN: RwSignal<Arc<Catalogue>> = RwSignal::new(german());
    static LANGUAGES: Vec<Language> = dom::meta_content("kekiz-languages")
        .map(|list| parse_language_list(&list))
        .unwrap_or_default();
}

/// The German catalogue (canonical, always there).
fn german() -> Arc<Catalogue> {
    GERMAN.with(Arc::clone)
}

fn shown() -> RwSignal<Arc<Catalogue>> {
    SHOWN.with(|s| *s)
}

/// The text of `key` in the language shown (re-read when the language changes).
pub fn t(key: &'static str) -> String {
    tr(&Msg::new(key))
}

/// A message in the language shown (re-read when the language changes).
pub fn tr(msg: &Msg) -> String {
    let fallback = german();
    shown().with(|catalogue| catalogue.render(msg, &fallback))
}

/// The code of the language shown ("de", "ar").
pub fn shown_code() -> String {
    shown().with(|c| c.code.clone())
}

/// The code of the language shown, read without tracking (for event handlers).
pub fn shown_code_untracked() -> String {
    shown().with_untracked(|c| c.code.clone())
}

/// The app's languages, from the page's `kekiz-languages` meta tag (German when it is missing).
pub fn languages() -> Vec<Language> {
    let list = LANGUAGES.with(Clone::clone);
    if list.is_empty() {
        parse_language_list("de|Deutsch|ltr")
    } else {
        list
    }
}

/// Whether the app has a catalogue for `code`.
pub fn is_available(code: &str) -> bool {
    languages().iter().any(|l| l.code == code)
}

/// The language the app starts in ([`kekiz_core::i18n::starting_language`]): the stored
/// choice, a handed-over link's language, the browser's preference.
pub fn starting_language() -> String {
    let stored = crate::platform::storage::load_profile_text()
        .ok()
        .flatten()
        .and_then(|text| kekiz_core::profile::Profile::from_stored_json(&text).ok())
        .and_then(|profile| profile.language);
    let linked = kekiz_core::handover::parse_handover(&dom::query())
        .ok()
        .flatten()
        .and_then(|handover| handover.language);
    kekiz_core::i18n::starting_language(
        stored.as_deref(),
        linked.as_deref(),
        &dom::preferred_languages(),
        &languages(),
    )
    .to_owned()
}

/// Shows the app in `code`: German at once, another language once its catalogue is fetched
/// (from the service worker's cache without signal). On failure the language shown stays.
pub async fn show(code: &str) -> Result<(), Msg> {
    if shown().with_untracked(|c| c.code == code) {
        return Ok(());
    }
    if code == "de" {
        set_shown(german());
        return Ok(());
    }
    if !is_available(code) {
        return Err(Msg::new("language.unknown").text("code", code));
    }
    let file = format!("{code}.txt");
    let text = fetch::fetch_text(&format!("/lang/{file}"))
        .await
        .map_err(|_| Msg::new("language.not_loaded"))?;
    let catalogue = parse_catalogue(code, &file, &text).map_err(|error| {
        leptos::logging::warn!("{error}");
        Msg::new("language.not_loaded")
    })?;
    set_shown(Arc::new(catalogue));
    let url = format!("/lang/{file}");
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(error) = crate::platform::service_worker::keep_catalogue(&url).await {
            leptos::logging::warn!("language not kept offline: {error}");
        }
    });
    Ok(())
}

fn set_shown(catalogue: Arc<Catalogue>) {
    if let Err(error) = dom::set_document_language(&catalogue.code, catalogue.dir.attribute()) {
        leptos::logging::warn!("page language not set: {error}");
    }
    shown().set(catalogue);
}

/// A date in the short pattern of the language shown ("21.11.2026").
pub fn date(day: kekiz_core::date::Date) -> String {
    tr(&Msg::new("common.date").date("date", day))
}

/// A source's date ("Stand") in the language shown: a day, or a year alone.
pub fn as_of(as_of: kekiz_core::date::AsOf) -> String {
    match as_of {
        kekiz_core::date::AsOf::Day(day) => date(day),
        kekiz_core::date::AsOf::Year(year) => {
            tr(&Msg::new("common.year").num("year", i64::from(year)))
        }
    }
}

/// A text of the directory in the language shown when the data translates it, else as the data
/// gives it (German): the text and its language, for the element's `lang`.
pub fn data_text(
    translations: &kekiz_core::directory::Translations,
    field: &str,
    german: &str,
) -> (String, String) {
    let code = shown_code();
    let (text, lang) = kekiz_core::directory::localized(translations, field, german, &code);
    (text.to_owned(), lang.to_owned())
}

//! The document: finding the mount point and clearing the static first screen.

use kekiz_core::i18n::Msg;
use thiserror::Error;

/// Why the page could not be prepared. `Display` is English, for logs; [`DomError::message`]
/// is what a person reads.
#[derive(Debug, Error)]
pub enum DomError {
    /// There is no window or document (not running in a page).
    #[error("no document")]
    NoDocument,
    /// The element with this id is missing from index.html.
    #[error("element #{0} is missing")]
    Missing(&'static str),
}

impl DomError {
    /// What a person reads about this failure.
    pub fn message(&self) -> Msg {
        match self {
            DomError::NoDocument => Msg::new("platform.no_window"),
            DomError::Missing(_) => Msg::new("platform.missing_element"),
        }
    }
}

/// The element with `id`, emptied of the static content index.html shows before the app runs.
pub fn take_mount_point(id: &'static str) -> Result<web_sys::HtmlElement, DomError> {
    use wasm_bindgen::JsCast;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(DomError::NoDocument)?;
    let element = document
        .get_element_by_id(id)
        .ok_or(DomError::Missing(id))?;
    element.set_inner_html("");
    element
        .dyn_into::<web_sys::HtmlElement>()
        .map_err(|_| DomError::Missing(id))
}

/// Sets the address's `#…` part without reloading (adds a history entry for "back").
pub fn set_hash(hash: &str) -> Result<(), crate::platform::PlatformError> {
    let location = crate::platform::window()?.location();
    if location.hash().unwrap_or_default() != hash {
        location.set_hash(hash)?;
    }
    Ok(())
}

/// The address's `#…` part.
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The address's `?…` part (links handed over on visits carry the town and birth month there).
pub fn query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Calls `changed(hash)` when the person goes back or forward, for the life of the page.
pub fn on_hash_change(
    changed: impl Fn(String) + 'static,
) -> Result<(), crate::platform::PlatformError> {
    use wasm_bindgen::JsCast;
    let callback = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || changed(hash()));
    crate::platform::window()?
        .add_event_listener_with_callback("hashchange", callback.as_ref().unchecked_ref())?;
    callback.forget();
    Ok(())
}

/// Scrolls to the top, so a new screen starts at its heading.
pub fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Moves keyboard focus to the element with `id` (the new screen's heading), for screen readers.
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Moves keyboard focus to the first field marked invalid, so a person hears what to fix.
pub fn focus_first_invalid() {
    use wasm_bindgen::JsCast;
    // After the messages rendered: the invalid marks are set in the same tick as the signals.
    leptos::prelude::request_animation_frame(|| {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("[aria-invalid=true]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}

/// The app's origin, e.g. "https://kekiz.example", for links handed over.
pub fn origin() -> Result<String, crate::platform::PlatformError> {
    Ok(crate::platform::window()?.location().origin()?)
}

/// Goes back one step in the browser's history (the "back" link of a details page).
pub fn history_back() -> Result<(), crate::platform::PlatformError> {
    crate::platform::window()?.history()?.back()?;
    Ok(())
}

/// Removes the `?…` part from the address without reloading (after a handed-over link was
/// read, so a reload does not fill the form again).
pub fn clear_query() -> Result<(), crate::platform::PlatformError> {
    let window = crate::platform::window()?;
    let location = window.location();
    let url = format!("{}{}", location.pathname()?, location.hash()?);
    window
        .history()?
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))?;
    Ok(())
}

/// The `content` of the page's `<meta name="…">` tag (the language list lives in index.html).
pub fn meta_content(name: &str) -> Result<String, crate::platform::PlatformError> {
    let document = crate::platform::window()?
        .document()
        .ok_or(crate::platform::PlatformError::NoWindow)?;
    let element = document
        .query_selector(&format!("meta[name=\"{name}\"]"))?
        .ok_or(crate::platform::PlatformError::MissingElement("meta tag"))?;
    Ok(element.get_attribute("content").unwrap_or_default())
}

/// Sets `<html lang dir>` to the language shown, so that screen readers, fonts and the
/// layout's direction follow it.
pub fn set_document_language(code: &str, dir: &str) -> Result<(), crate::platform::PlatformError> {
    let document = crate::platform::window()?
        .document()
        .ok_or(crate::platform::PlatformError::NoWindow)?;
    let root = document
        .document_element()
        .ok_or(crate::platform::PlatformError::NoWindow)?;
    root.set_attribute("lang", code)?;
    root.set_attribute("dir", dir)?;
    Ok(())
}

/// The browser's preferred languages, most wanted first ("tr-TR", "de").
pub fn preferred_languages() -> Vec<String> {
    let Ok(window) = crate::platform::window() else {
        return Vec::new();
    };
    window
        .navigator()
        .languages()
        .iter()
        .filter_map(|value| value.as_string())
        .collect()
}

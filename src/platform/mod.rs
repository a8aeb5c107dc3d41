//! Every call into the browser, each behind a small function that returns a Result.
//! Pages and components call these; nothing else in the app touches web-sys or js-sys.

pub mod clock;
pub mod data_cache;
pub mod dom;
pub mod download;
pub mod fetch;
pub mod install;
pub mod network;
pub mod persist;
pub mod service_worker;
pub mod share;
pub mod storage;

use kekiz_core::i18n::Msg;
use std::fmt;
use thiserror::Error;

/// A browser capability the app may find missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feature {
    /// Service workers (offline use).
    ServiceWorker,
    /// The system share sheet (Web Share API).
    Share,
    /// Writing to the clipboard.
    Clipboard,
    /// The browser's install offer.
    Install,
    /// Persistent storage (navigator.storage).
    PersistentStorage,
}

impl Feature {
    /// The capability's name as a person reads it.
    pub fn message(self) -> Msg {
        Msg::new(match self {
            Feature::ServiceWorker => "platform.feature.service_worker",
            Feature::Share => "platform.feature.share",
            Feature::Clipboard => "platform.feature.clipboard",
            Feature::Install => "platform.feature.install",
            Feature::PersistentStorage => "platform.feature.persistent_storage",
        })
    }
}

impl fmt::Display for Feature {
    /// The capability's name in English, for logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Feature::ServiceWorker => "service workers",
            Feature::Share => "sharing",
            Feature::Clipboard => "the clipboard",
            Feature::Install => "installing",
            Feature::PersistentStorage => "persistent storage",
        })
    }
}

/// A browser call that failed, with what the browser said. `Display` is English, for logs;
/// [`PlatformError::message`] is what a person reads.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PlatformError {
    /// The page has no window or document (not running in a browser tab).
    #[error("no browser window")]
    NoWindow,
    /// The browser does not offer this capability.
    #[error("the browser does not support {0}")]
    Unsupported(Feature),
    /// The person picked no file.
    #[error("no file chosen")]
    NoFileChosen,
    /// The picked file is not text.
    #[error("the file is not text")]
    NotText,
    /// No new version of the app waits to take over.
    #[error("no new version is waiting")]
    NoWaitingVersion,
    /// An element the app expects in index.html is missing (e.g. a meta tag).
    #[error("{0} is missing from the page")]
    MissingElement(&'static str),
    /// The browser refused or failed; its message.
    #[error("{0}")]
    Browser(String),
}

impl PlatformError {
    /// What a person reads about this failure.
    pub fn message(&self) -> Msg {
        match self {
            PlatformError::NoWindow => Msg::new("platform.no_window"),
            PlatformError::Unsupported(feature) => {
                Msg::new("platform.unsupported").msg("feature", feature.message())
            }
            PlatformError::NoFileChosen => Msg::new("platform.no_file_chosen"),
            PlatformError::NotText => Msg::new("platform.not_text"),
            PlatformError::NoWaitingVersion => Msg::new("platform.no_waiting_version"),
            PlatformError::MissingElement(_) => Msg::new("platform.missing_element"),
            PlatformError::Browser(detail) => {
                Msg::new("platform.browser").text("detail", detail.clone())
            }
        }
    }
}

/// The text of a JavaScript error value, for messages and logs.
pub(crate) fn describe(value: &wasm_bindgen::JsValue) -> String {
    if let Some(error) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Error>(value) {
        return String::from(error.message());
    }
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}

impl From<wasm_bindgen::JsValue> for PlatformError {
    fn from(value: wasm_bindgen::JsValue) -> PlatformError {
        PlatformError::Browser(describe(&value))
    }
}

/// The browser window.
pub(crate) fn window() -> Result<web_sys::Window, PlatformError> {
    web_sys::window().ok_or(PlatformError::NoWindow)
}

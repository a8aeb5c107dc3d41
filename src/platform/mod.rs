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

use thiserror::Error;

/// A browser call that failed, with what the browser said.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PlatformError {
    /// The page has no window or document (not running in a browser tab).
    #[error("kein Browserfenster")]
    NoWindow,
    /// The browser does not offer this capability.
    #[error("der Browser kann das nicht: {0}")]
    Unsupported(&'static str),
    /// The browser refused or failed; its message.
    #[error("{0}")]
    Browser(String),
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

//! Fetching the directory's JSON files from the app's own origin (through the service worker
//! when it controls the page, which answers from its cache without signal).

use super::{describe, window};
use kekiz_core::i18n::Msg;
use serde::de::DeserializeOwned;
use thiserror::Error;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a data file could not be had. `Display` is English, for logs; [`FetchError::message`]
/// is what a person reads.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FetchError {
    /// No connection and no copy on the device (the browser's message, for logs).
    #[error("no connection and no copy on this device: {0}")]
    Network(String),
    /// The server answered with an error status.
    #[error("the server answered with status {0}")]
    Status(u16),
    /// The file arrived but is not what the app expects.
    #[error("the file is damaged or does not fit this version: {0}")]
    Invalid(String),
}

impl FetchError {
    /// What a person reads about this failure (the browser's message stays in the logs).
    pub fn message(&self) -> Msg {
        match self {
            FetchError::Network(_) => Msg::new("platform.fetch.network"),
            FetchError::Status(status) => {
                Msg::new("platform.fetch.status").num("status", i64::from(*status))
            }
            FetchError::Invalid(detail) => {
                Msg::new("platform.fetch.invalid").text("detail", detail.clone())
            }
        }
    }
}

/// Fetches `url` (a path on this origin) and reads its body as JSON into `T`: the browser
/// parses the JSON (`JSON.parse`), serde-wasm-bindgen reads it into the types (a smaller wasm
/// than parsing with serde_json).
pub async fn fetch_json<T: DeserializeOwned>(url: &str) -> Result<T, FetchError> {
    let json = answer(url)
        .await?
        .json()
        .map_err(|e| FetchError::Network(describe(&e)))?;
    let value = JsFuture::from(json)
        .await
        .map_err(|e| FetchError::Invalid(describe(&e)))?;
    serde_wasm_bindgen::from_value(value).map_err(|e| FetchError::Invalid(e.to_string()))
}

/// Fetches `url` (a path on this origin) and returns its body as text.
pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let text = answer(url)
        .await?
        .text()
        .map_err(|e| FetchError::Network(describe(&e)))?;
    let text = JsFuture::from(text)
        .await
        .map_err(|e| FetchError::Network(describe(&e)))?;
    Ok(text.as_string().unwrap_or_default())
}

/// The browser's `JSON.parse` with serde-wasm-bindgen, for the core's data file checks.
#[derive(Debug, Clone, Copy, Default)]
pub struct BrowserJson;

impl kekiz_core::directory::JsonReader for BrowserJson {
    fn read<T: DeserializeOwned>(&self, text: &str) -> Result<T, String> {
        let value = js_sys::JSON::parse(text).map_err(|e| describe(&e))?;
        serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
    }
}

/// The server's (or the service worker's) answer for `url`, when it is a success.
async fn answer(url: &str) -> Result<web_sys::Response, FetchError> {
    let window = window().map_err(|e| FetchError::Network(e.to_string()))?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| FetchError::Network(describe(&e)))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|e| FetchError::Network(describe(&e)))?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    Ok(response)
}

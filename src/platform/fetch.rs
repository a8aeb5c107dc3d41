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

/// Fetches `url` (a path on this origin) and parses its body as JSON into `T`.
pub async fn fetch_json<T: DeserializeOwned>(url: &str) -> Result<T, FetchError> {
    let text = fetch_text(url).await?;
    serde_json::from_str(&text).map_err(|e| FetchError::Invalid(e.to_string()))
}

/// Fetches `url` (a path on this origin) and returns its body as text.
pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
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
    let text = response
        .text()
        .map_err(|e| FetchError::Network(describe(&e)))?;
    let text = JsFuture::from(text)
        .await
        .map_err(|e| FetchError::Network(describe(&e)))?;
    Ok(text.as_string().unwrap_or_default())
}

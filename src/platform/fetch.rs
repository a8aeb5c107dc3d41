//! Fetching the directory's JSON files from the app's own origin (through the service worker
//! when it controls the page, which answers from its cache without signal).

use super::{describe, window};
use serde::de::DeserializeOwned;
use thiserror::Error;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a data file could not be had.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FetchError {
    /// No connection and no copy on the device (the browser's message, for logs).
    #[error("Keine Verbindung, und auf diesem Gerät liegt noch keine Kopie.")]
    Network(String),
    /// The server answered with an error status.
    #[error("der Server antwortet mit Status {0}")]
    Status(u16),
    /// The file arrived but is not what the app expects.
    #[error("die Datei ist beschädigt oder passt nicht zu dieser Version: {0}")]
    Invalid(String),
}

/// Fetches `url` (a path on this origin) and parses its body as JSON into `T`.
pub async fn fetch_json<T: DeserializeOwned>(url: &str) -> Result<T, FetchError> {
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
    let text = text.as_string().unwrap_or_default();
    serde_json::from_str(&text).map_err(|e| FetchError::Invalid(e.to_string()))
}

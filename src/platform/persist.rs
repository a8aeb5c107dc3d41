//! Persistent storage: asking the browser not to evict the app's data when space runs low
//! (navigator.storage.persist), and whether it agreed.

use super::{window, PlatformError};
use wasm_bindgen_futures::JsFuture;

fn manager() -> Result<web_sys::StorageManager, PlatformError> {
    let navigator = window()?.navigator();
    if !js_sys::Reflect::has(&navigator, &wasm_bindgen::JsValue::from_str("storage"))
        .unwrap_or(false)
    {
        return Err(PlatformError::Unsupported(
            super::Feature::PersistentStorage,
        ));
    }
    Ok(navigator.storage())
}

/// Asks for persistent storage; resolves to whether it is granted.
pub async fn request() -> Result<bool, PlatformError> {
    let granted = JsFuture::from(manager()?.persist()?).await?;
    Ok(granted.as_bool().unwrap_or(false))
}

/// Whether persistent storage is granted already.
pub async fn granted() -> Result<bool, PlatformError> {
    let granted = JsFuture::from(manager()?.persisted()?).await?;
    Ok(granted.as_bool().unwrap_or(false))
}

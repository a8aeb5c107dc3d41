//! The directory's data files in Cache Storage (the cache the service worker answers data
//! requests from): keeping office files for offline use, and forgetting them again.

use super::{window, PlatformError};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Name of the cache that holds the data files (of data format 2); public/sw.js names it so.
pub const DATA_CACHE: &str = "kekiz-data-v2";

async fn open() -> Result<web_sys::Cache, PlatformError> {
    let caches = window()?.caches()?;
    let cache = JsFuture::from(caches.open(DATA_CACHE)).await?;
    Ok(cache.unchecked_into())
}

/// Fetches these paths (e.g. "/data/offices/kreis-unna.json") and stores them for offline use;
/// works before the service worker controls the page (first visit).
pub async fn keep_offline(paths: &[String]) -> Result<(), PlatformError> {
    let cache = open().await?;
    // Past the HTTP cache and leaving nothing there: only this cache holds the files.
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoStore);
    let list = js_sys::Array::new();
    for path in paths {
        let request = web_sys::Request::new_with_str_and_init(path, &init)?;
        list.push(&request);
    }
    JsFuture::from(cache.add_all_with_request_sequence(&list)).await?;
    Ok(())
}

/// The paths of the data files kept on this device.
pub async fn kept_paths() -> Result<Vec<String>, PlatformError> {
    let cache = open().await?;
    let requests: js_sys::Array = JsFuture::from(cache.keys()).await?.unchecked_into();
    Ok(requests
        .iter()
        .filter_map(|r| r.dyn_into::<web_sys::Request>().ok())
        .filter_map(|r| web_sys::Url::new(&r.url()).ok().map(|u| u.pathname()))
        .collect())
}

/// Deletes every office file from the cache: which office a device keeps tells where a family
/// lives. The town index stays; it is the same for everybody.
pub async fn forget_office_files() -> Result<(), PlatformError> {
    let cache = open().await?;
    for path in kept_paths().await? {
        if path.starts_with("/data/offices/") {
            JsFuture::from(cache.delete_with_str(&path)).await?;
        }
    }
    Ok(())
}

//! The directory's data files in Cache Storage (the cache the service worker answers data
//! requests from): keeping office files for offline use, forgetting them again, and accepting
//! or refusing the new copies the worker keeps waiting until the app has read them.

use super::{window, PlatformError};
use kekiz_core::directory::FORMAT_VERSION;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Name of the cache that holds the good data files; public/sw.js gets the same format number
/// from the build (scripts/post-build.mjs), so the name is written once.
pub fn data_cache_name() -> String {
    format!("kekiz-data-v{FORMAT_VERSION}")
}

/// Name of the cache where the worker keeps new copies until the app accepts them.
pub fn pending_cache_name() -> String {
    format!("kekiz-data-pending-v{FORMAT_VERSION}")
}

async fn open_named(name: &str) -> Result<web_sys::Cache, PlatformError> {
    let caches = window()?.caches()?;
    let cache = JsFuture::from(caches.open(name)).await?;
    Ok(cache.unchecked_into())
}

async fn open() -> Result<web_sys::Cache, PlatformError> {
    open_named(&data_cache_name()).await
}

/// A new copy of a data file, waiting for the app's check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingFile {
    /// Its path, e.g. "/data/index.json".
    pub path: String,
    /// Its text.
    pub text: String,
}

/// Every new copy waiting for the app's check.
pub async fn pending_files() -> Result<Vec<PendingFile>, PlatformError> {
    let cache = open_named(&pending_cache_name()).await?;
    let requests: js_sys::Array = JsFuture::from(cache.keys()).await?.unchecked_into();
    let mut files = Vec::new();
    for request in requests.iter() {
        let Ok(request) = request.dyn_into::<web_sys::Request>() else {
            continue;
        };
        let Ok(url) = web_sys::Url::new(&request.url()) else {
            continue;
        };
        let response = JsFuture::from(cache.match_with_request(&request)).await?;
        let Ok(response) = response.dyn_into::<web_sys::Response>() else {
            continue;
        };
        let text = JsFuture::from(response.text()?).await?;
        files.push(PendingFile {
            path: url.pathname(),
            text: text.as_string().unwrap_or_default(),
        });
    }
    Ok(files)
}

/// Moves the waiting copy of `path` over the good one (the app has read it with its types).
pub async fn accept_pending(path: &str) -> Result<(), PlatformError> {
    let pending = open_named(&pending_cache_name()).await?;
    let response = JsFuture::from(pending.match_with_str(path)).await?;
    if let Ok(response) = response.dyn_into::<web_sys::Response>() {
        JsFuture::from(open().await?.put_with_str(path, &response)).await?;
    }
    JsFuture::from(pending.delete_with_str(path)).await?;
    Ok(())
}

/// Drops the waiting copy of `path`: the good one stays.
pub async fn refuse_pending(path: &str) -> Result<(), PlatformError> {
    let pending = open_named(&pending_cache_name()).await?;
    JsFuture::from(pending.delete_with_str(path)).await?;
    Ok(())
}

/// Deletes one kept office file (the family moved to a town of another office).
pub async fn forget_file(path: &str) -> Result<(), PlatformError> {
    JsFuture::from(open().await?.delete_with_str(path)).await?;
    Ok(())
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

/// Deletes every office file and every other data cache the app ever made (waiting copies,
/// older data formats): which office a device keeps tells where a family lives ("Alle Daten
/// löschen"). The town index stays; it is the same for everybody and lets the app start offline.
pub async fn forget_office_files() -> Result<(), PlatformError> {
    let cache = open().await?;
    for path in kept_paths().await? {
        // The office tells where a family lives, the statewide texts' language which it reads.
        if path.starts_with("/data/offices/") || path.starts_with("/data/statewide-") {
            JsFuture::from(cache.delete_with_str(&path)).await?;
        }
    }
    let caches = window()?.caches()?;
    let names: js_sys::Array = JsFuture::from(caches.keys()).await?.unchecked_into();
    let current = data_cache_name();
    for name in names.iter().filter_map(|n| n.as_string()) {
        if name.starts_with("kekiz-data") && name != current {
            JsFuture::from(caches.delete(&name)).await?;
        }
        // A kept catalogue tells which language the family reads.
        if name.starts_with("kekiz-app-") {
            let app_cache: web_sys::Cache =
                JsFuture::from(caches.open(&name)).await?.unchecked_into();
            let requests: js_sys::Array = JsFuture::from(app_cache.keys()).await?.unchecked_into();
            for request in requests.iter() {
                let request: web_sys::Request = request.unchecked_into();
                if request.url().contains("/lang/") {
                    JsFuture::from(app_cache.delete_with_request(&request)).await?;
                }
            }
        }
    }
    Ok(())
}

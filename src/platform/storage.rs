//! The family's profile in localStorage, through gloo-storage: load, save, keep unreadable data
//! aside, delete everything. Storage that is blocked or full is reported, never a panic.

use gloo_storage::{LocalStorage, Storage};
use kekiz_core::i18n::Msg;
use thiserror::Error;

/// The key of the stored profile.
pub const PROFILE_KEY: &str = "kekiz.profile";
/// Prefix of the keys under which unreadable profiles are kept aside.
pub const ASIDE_PREFIX: &str = "kekiz.aside.";
/// Every key this app writes starts with this.
const APP_PREFIX: &str = "kekiz.";

/// Why the profile could not be read or written. `Display` is English, for logs;
/// [`StorageError::message`] is what a person reads.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StorageError {
    /// The browser does not let this page use localStorage (blocked, private mode, settings).
    #[error("this browser does not let the app store data")]
    Unavailable,
    /// Writing failed, usually because the storage is full; the browser's message.
    #[error("the data could not be stored (storage full?): {0}")]
    Write(String),
}

impl StorageError {
    /// What a person reads about this failure.
    pub fn message(&self) -> Msg {
        match self {
            StorageError::Unavailable => Msg::new("platform.storage.unavailable"),
            StorageError::Write(detail) => {
                Msg::new("platform.storage.write").text("detail", detail.clone())
            }
        }
    }
}

/// Whether localStorage can be used: present, and a probe can be written and removed.
/// gloo-storage assumes storage exists, so this check guards every call below.
pub fn available() -> bool {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return false;
    };
    let probe = "kekiz.probe";
    storage.set_item(probe, "1").is_ok() && storage.remove_item(probe).is_ok()
}

/// The stored profile's text as it is, or `None` when nothing is stored.
pub fn load_profile_text() -> Result<Option<String>, StorageError> {
    if !available() {
        return Err(StorageError::Unavailable);
    }
    LocalStorage::raw()
        .get_item(PROFILE_KEY)
        .map_err(|_| StorageError::Unavailable)
}

/// Stores the profile's text, replacing what was stored.
pub fn save_profile_text(text: &str) -> Result<(), StorageError> {
    if !available() {
        return Err(StorageError::Unavailable);
    }
    LocalStorage::raw()
        .set_item(PROFILE_KEY, text)
        .map_err(|e| StorageError::Write(super::describe(&e)))
}

/// Keeps an unreadable profile's text under a key of its own and returns that key; the
/// profile key itself is left for the caller to reuse only after this succeeded.
pub fn keep_aside(text: &str) -> Result<String, StorageError> {
    if !available() {
        return Err(StorageError::Unavailable);
    }
    // The same unreadable text is kept once, however often the app starts.
    if let Some((key, _)) = kept_aside().into_iter().find(|(_, kept)| kept == text) {
        return Ok(key);
    }
    let key = format!("{ASIDE_PREFIX}{}", js_sys::Date::now() as u64);
    LocalStorage::raw()
        .set_item(&key, text)
        .map_err(|e| StorageError::Write(super::describe(&e)))?;
    Ok(key)
}

/// The keys of profiles kept aside, with their texts.
pub fn kept_aside() -> Vec<(String, String)> {
    if !available() {
        return Vec::new();
    }
    let storage = LocalStorage::raw();
    let count = storage.length().unwrap_or(0);
    let mut kept: Vec<(String, String)> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(ASIDE_PREFIX))
        .filter_map(|key| {
            storage
                .get_item(&key)
                .ok()
                .flatten()
                .map(|text| (key, text))
        })
        .collect();
    kekiz_core::sort::sort(&mut kept);
    kept
}

/// Removes every key this app wrote to localStorage and sessionStorage.
pub fn delete_everything() -> Result<(), StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    for storage in [window.local_storage(), window.session_storage()]
        .into_iter()
        .flatten()
        .flatten()
    {
        let count = storage.length().unwrap_or(0);
        let keys: Vec<String> = (0..count)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|key| key.starts_with(APP_PREFIX))
            .collect();
        for key in keys {
            storage
                .remove_item(&key)
                .map_err(|e| StorageError::Write(super::describe(&e)))?;
        }
    }
    Ok(())
}

/// Starts fresh after unreadable data was kept aside under `key`: removes the unreadable
/// profile, which stays available under `key` for export.
pub fn start_fresh(key: &str) -> Result<(), StorageError> {
    if !available() || !key.starts_with(ASIDE_PREFIX) {
        return Err(StorageError::Unavailable);
    }
    LocalStorage::delete(PROFILE_KEY);
    Ok(())
}

//! Whether the device has a connection, and being told when that changes.

use super::{window, PlatformError};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Whether the browser believes it is online.
pub fn is_online() -> bool {
    web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(true)
}

/// Calls `changed(online)` whenever the connection comes or goes, for the life of the page.
pub fn on_change(changed: impl Fn(bool) + 'static) -> Result<(), PlatformError> {
    let window = window()?;
    let callback = Closure::<dyn Fn()>::new(move || changed(is_online()));
    window.add_event_listener_with_callback("online", callback.as_ref().unchecked_ref())?;
    window.add_event_listener_with_callback("offline", callback.as_ref().unchecked_ref())?;
    // The listener lives as long as the page.
    callback.forget();
    Ok(())
}

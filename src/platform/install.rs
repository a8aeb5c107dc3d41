//! Installing the app to the home screen: the browser's install offer, kept early by
//! public/install-hook.js (the event fires before the wasm runs), and whether this is an iPhone
//! or iPad, where installing goes through the share menu instead.

use super::{window, PlatformError};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where install-hook.js keeps the browser's install offer.
const PROMPT: &str = "kekizInstallPrompt";

fn kept_prompt() -> Option<JsValue> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &JsValue::from_str(PROMPT))
        .ok()
        .filter(|p| !p.is_null() && !p.is_undefined())
}

/// Whether the browser offers installing right now.
pub fn can_install() -> bool {
    kept_prompt().is_some()
}

/// Whether the app already runs installed (from the home screen).
pub fn runs_installed() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let standalone = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let ios_standalone =
        js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("standalone"))
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
    standalone || ios_standalone
}

/// Whether this is an iPhone or iPad, which install through "Zum Home-Bildschirm" in Safari.
pub fn is_ios() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let agent = navigator.user_agent().unwrap_or_default();
    // iPadOS calls itself a Mac; a Mac with a touch screen is an iPad.
    let ipad_as_mac = agent.contains("Macintosh") && navigator.max_touch_points() > 1;
    agent.contains("iPhone") || agent.contains("iPad") || agent.contains("iPod") || ipad_as_mac
}

/// Shows the browser's install dialog; resolves to whether the person accepted.
pub async fn install() -> Result<bool, PlatformError> {
    let prompt = kept_prompt().ok_or(PlatformError::Unsupported(super::Feature::Install))?;
    let show: js_sys::Function =
        js_sys::Reflect::get(&prompt, &JsValue::from_str("prompt"))?.dyn_into()?;
    JsFuture::from(js_sys::Promise::resolve(&show.call0(&prompt)?)).await?;
    let choice = js_sys::Reflect::get(&prompt, &JsValue::from_str("userChoice"))?;
    let choice = JsFuture::from(js_sys::Promise::resolve(&choice)).await?;
    let outcome = js_sys::Reflect::get(&choice, &JsValue::from_str("outcome"))?.as_string();
    // The offer can be used once.
    js_sys::Reflect::set(
        &window()?.into(),
        &JsValue::from_str(PROMPT),
        &JsValue::NULL,
    )?;
    Ok(outcome.as_deref() == Some("accepted"))
}

/// Calls `changed(can_install)` when the browser starts or stops offering installation.
pub fn on_change(changed: impl Fn(bool) + 'static) -> Result<(), PlatformError> {
    let window = window()?;
    let callback = Closure::<dyn Fn()>::new(move || changed(can_install()));
    window
        .add_event_listener_with_callback("kekiz-installable", callback.as_ref().unchecked_ref())?;
    window
        .add_event_listener_with_callback("kekiz-installed", callback.as_ref().unchecked_ref())?;
    callback.forget();
    Ok(())
}

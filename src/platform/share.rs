//! Handing a link over: the system share sheet (Web Share API) where the browser has it, the
//! clipboard, and printing the page.

use super::{window, PlatformError};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Whether the browser offers the system share sheet.
pub fn can_share() -> bool {
    web_sys::window()
        .map(|w| js_sys::Reflect::has(&w.navigator(), &JsValue::from_str("share")).unwrap_or(false))
        .unwrap_or(false)
}

/// Opens the system share sheet with a title, a text and a link.
pub async fn share(title: &str, text: &str, url: &str) -> Result<(), PlatformError> {
    let navigator = window()?.navigator();
    let share: js_sys::Function = js_sys::Reflect::get(&navigator, &JsValue::from_str("share"))?
        .dyn_into()
        .map_err(|_| PlatformError::Unsupported(super::Feature::Share))?;
    let data = js_sys::Object::new();
    js_sys::Reflect::set(
        &data,
        &JsValue::from_str("title"),
        &JsValue::from_str(title),
    )?;
    js_sys::Reflect::set(&data, &JsValue::from_str("text"), &JsValue::from_str(text))?;
    js_sys::Reflect::set(&data, &JsValue::from_str("url"), &JsValue::from_str(url))?;
    let promise: js_sys::Promise = share.call1(&navigator, &data)?.dyn_into()?;
    JsFuture::from(promise).await?;
    Ok(())
}

/// Copies `text` to the clipboard.
pub async fn copy_to_clipboard(text: &str) -> Result<(), PlatformError> {
    let navigator = window()?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))?;
    if clipboard.is_undefined() {
        return Err(PlatformError::Unsupported(super::Feature::Clipboard));
    }
    let write: js_sys::Function =
        js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))?.dyn_into()?;
    let promise: js_sys::Promise = write
        .call1(&clipboard, &JsValue::from_str(text))?
        .dyn_into()?;
    JsFuture::from(promise).await?;
    Ok(())
}

/// Opens the browser's print dialog (the print stylesheet makes one A4 page).
pub fn print() -> Result<(), PlatformError> {
    window()?.print()?;
    Ok(())
}

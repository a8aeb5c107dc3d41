//! Files made on the device and handed to the person: downloads (export, calendar) and reading
//! a file the person picked (import). Nothing is sent anywhere.

use super::{window, PlatformError};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a file download named `file_name` with the media type `mime`.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), PlatformError> {
    let document = window()?.document().ok_or(PlatformError::NoWindow)?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document.body().ok_or(PlatformError::NoWindow)?;
    body.append_child(&anchor)?;
    anchor.click();
    anchor.remove();
    // Some browsers (Safari) start the download after click() returns: free the file later.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}

/// The first file the person picked in `input` (a file input element).
fn picked_file(input: &web_sys::HtmlInputElement) -> Result<web_sys::File, PlatformError> {
    input
        .files()
        .and_then(|files| files.get(0))
        .ok_or(PlatformError::NoFileChosen)
}

/// The size in bytes of the first file the person picked in `input`, known without reading it.
pub fn picked_file_size(input: &web_sys::HtmlInputElement) -> Result<u64, PlatformError> {
    // A Blob's size is a whole number of bytes below 2^53: the conversion is exact.
    Ok(picked_file(input)?.size() as u64)
}

/// The text of the first file the person picked in `input` (a file input element).
pub async fn read_picked_file(input: &web_sys::HtmlInputElement) -> Result<String, PlatformError> {
    let file = picked_file(input)?;
    let text = JsFuture::from(file.text()).await?;
    text.as_string().ok_or(PlatformError::NotText)
}

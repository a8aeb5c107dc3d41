//! The service worker from the page's side: registering it, noticing a waiting new version,
//! and activating it only when the person asks ("Neue Version verfügbar").

use super::{describe, window, PlatformError};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The worker's script, at the root so its scope is the whole app.
const SCRIPT: &str = "/sw.js";

fn container() -> Result<web_sys::ServiceWorkerContainer, PlatformError> {
    let navigator = window()?.navigator();
    // Browsers without service workers (or pages not served over https/localhost) lack the property.
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return Err(PlatformError::Unsupported(super::Feature::ServiceWorker));
    }
    Ok(navigator.service_worker())
}

/// Whether a service worker controls this page (so it works without signal).
pub fn controls_page() -> bool {
    container()
        .map(|c| c.controller().is_some())
        .unwrap_or(false)
}

/// Registers the worker and calls `update_waiting()` whenever a new version has installed and
/// waits (only when an older version controls the page: the first install needs no notice).
pub async fn register(update_waiting: impl Fn() + Clone + 'static) -> Result<(), PlatformError> {
    let container = container()?;
    let registration = JsFuture::from(container.register(SCRIPT)).await?;
    let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
    if registration.waiting().is_some() && controls_page() {
        update_waiting();
    }
    // A new version may already be installing when the page starts (the browser checks on
    // every navigation), or start installing later.
    if let Some(installing) = registration.installing() {
        notify_when_installed(installing, update_waiting.clone());
    }
    let watched = registration.clone();
    let on_update_found = Closure::<dyn Fn()>::new(move || {
        if let Some(installing) = watched.installing() {
            notify_when_installed(installing, update_waiting.clone());
        }
    });
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    // The listener lives as long as the page.
    on_update_found.forget();
    Ok(())
}

/// Calls `notify()` once `worker` has installed, if an older version controls the page.
fn notify_when_installed(worker: web_sys::ServiceWorker, notify: impl Fn() + 'static) {
    let watched = worker.clone();
    let on_state = Closure::<dyn Fn()>::new(move || {
        if watched.state() == web_sys::ServiceWorkerState::Installed && controls_page() {
            notify();
        }
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    // Lives as long as the worker it watches.
    on_state.forget();
}

/// Asks the server whether a new version of the worker exists (the browser also checks on loads).
pub async fn check_for_update() -> Result<(), PlatformError> {
    let registration = JsFuture::from(container()?.ready()?).await?;
    let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
    JsFuture::from(registration.update()?).await?;
    Ok(())
}

/// Lets the waiting version take over and reloads the page once it controls it.
pub async fn activate_waiting_and_reload() -> Result<(), PlatformError> {
    let container = container()?;
    let registration = JsFuture::from(container.ready()?).await?;
    let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
    let Some(waiting) = registration.waiting() else {
        return Err(PlatformError::NoWaitingVersion);
    };
    let on_change = Closure::<dyn Fn()>::new(|| {
        if let Some(window) = web_sys::window() {
            if let Err(error) = window.location().reload() {
                leptos::logging::error!("reload failed: {}", describe(&error));
            }
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    let message = js_sys::Object::new();
    js_sys::Reflect::set(
        &message,
        &JsValue::from_str("type"),
        &JsValue::from_str("SKIP_WAITING"),
    )?;
    waiting.post_message(&message)?;
    Ok(())
}

/// What the worker tells the page about data files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkerNews {
    /// A new copy of this data file waits for the app's check.
    DataPending(String),
    /// Storing this data file failed (storage full): it was served, but is not kept offline.
    StorageFailed(String),
}

/// Calls `news(…)` for every message of the worker about data files.
pub fn on_worker_news(news: impl Fn(WorkerNews) + 'static) -> Result<(), PlatformError> {
    let container = container()?;
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let kind = js_sys::Reflect::get(&data, &JsValue::from_str("type"))
                .ok()
                .and_then(|v| v.as_string());
            let url = js_sys::Reflect::get(&data, &JsValue::from_str("url"))
                .ok()
                .and_then(|v| v.as_string());
            match (kind.as_deref(), url) {
                (Some("DATA_PENDING"), Some(url)) => news(WorkerNews::DataPending(url)),
                (Some("STORAGE_FAILED"), Some(url)) => news(WorkerNews::StorageFailed(url)),
                _ => {}
            }
        });
    container.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref())?;
    // The listener lives as long as the page.
    on_message.forget();
    Ok(())
}

/// Reloads this tab when a new version takes over in another tab ("Jetzt aktualisieren" there),
/// so no tab keeps running the old version. Only when a worker already controlled the page:
/// the very first install taking over is no new version.
pub fn reload_on_new_version() -> Result<(), PlatformError> {
    let container = container()?;
    if container.controller().is_none() {
        return Ok(());
    }
    let on_change = Closure::<dyn Fn()>::new(|| {
        if let Some(window) = web_sys::window() {
            if let Err(error) = window.location().reload() {
                leptos::logging::error!("reload failed: {}", describe(&error));
            }
        }
    });
    container
        .add_event_listener_with_callback("controllerchange", on_change.as_ref().unchecked_ref())?;
    // The listener lives as long as the page.
    on_change.forget();
    Ok(())
}

/// Asks the active worker to keep the catalogue at `url` offline (it may have been fetched
/// before the worker controlled the page, bypassing its cache). Waits for an active worker.
pub async fn keep_catalogue(url: &str) -> Result<(), PlatformError> {
    let registration = JsFuture::from(container()?.ready()?).await?;
    let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
    let Some(active) = registration.active() else {
        return Ok(());
    };
    let message = js_sys::Object::new();
    js_sys::Reflect::set(&message, &"type".into(), &"KEEP_CATALOGUE".into())?;
    js_sys::Reflect::set(&message, &"url".into(), &url.into())?;
    active.post_message(&message)?;
    Ok(())
}

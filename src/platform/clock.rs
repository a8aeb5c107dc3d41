//! Today's date on the device: the only place the app reads the clock (pages get "today" from
//! the app state, which refreshes it, so no component calls the clock itself).

use kekiz_core::date::Date;

/// Today's local date as the device's clock and time zone say.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    let (year, month, day) = (
        now.get_full_year() as i32,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    );
    // The browser always yields a real calendar day; the fallback only guards against a broken clock.
    Date::new(year, month, day).unwrap_or_else(|| Date::from_days_since_epoch(0))
}

/// Milliseconds until the next local midnight, so "today" can be refreshed then.
pub fn millis_until_midnight() -> f64 {
    let now = js_sys::Date::new_0();
    let midnight = js_sys::Date::new_with_year_month_day(
        now.get_full_year(),
        now.get_month() as i32,
        now.get_date() as i32 + 1,
    );
    (midnight.get_time() - now.get_time()).max(1_000.0)
}

/// Resolves in a new task of the browser's event loop, so that the work before and after it
/// are two tasks, not one long one (input and paint can come between). Without a window, or
/// if the browser refuses the timer, it resolves at once.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = crate::platform::window()
            .ok()
            .and_then(|window| window.set_timeout_with_callback(&resolve).ok());
        if scheduled.is_none() {
            // Resolving cannot fail: it only schedules the waiting code.
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    // The promise never rejects; either way the app goes on.
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

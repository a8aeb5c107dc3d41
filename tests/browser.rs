//! The app's browser-facing pieces, run in headless Chromium by wasm-bindgen-test
//! (`make test-browser`): real localStorage, the real clock, the app state's start.

use kekiz_begleiter::platform::{clock, storage};
use kekiz_begleiter::route::Route;
use kekiz_begleiter::state::{AppState, Memory};
use kekiz_core::age::BirthInfo;
use kekiz_core::profile::Profile;
use leptos::prelude::GetUntracked;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn clear() {
    local().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_saved_profile_reads_back() {
    clear();
    assert!(storage::available());
    assert_eq!(storage::load_profile_text(), Ok(None));
    let mut profile = Profile {
        town: "05566012".parse().ok(),
        ..Profile::default()
    };
    profile
        .add_child(
            Some("Mia".into()),
            BirthInfo::Born("2026-05-03".parse().unwrap()),
        )
        .expect("room for a child");
    storage::save_profile_text(&profile.to_stored_json()).unwrap();
    let text = storage::load_profile_text().unwrap().unwrap();
    assert_eq!(Profile::from_stored_json(&text).unwrap(), profile);
}

#[wasm_bindgen_test]
fn unreadable_data_is_kept_aside_at_start_and_not_overwritten() {
    clear();
    local().set_item(storage::PROFILE_KEY, "{kaputt").unwrap();
    let app = AppState::start(Route::Family(None));
    let kept = app.kept_aside.get_untracked().expect("reported");
    assert!(kept.key.starts_with(storage::ASIDE_PREFIX));
    assert_eq!(
        local().get_item(&kept.key).unwrap().as_deref(),
        Some("{kaputt")
    );
    assert_eq!(
        local().get_item(storage::PROFILE_KEY).unwrap().as_deref(),
        Some("{kaputt")
    );
    assert_eq!(app.memory.get_untracked(), Memory::Remembers);
    assert_eq!(app.profile.get_untracked(), Profile::default());
    assert_eq!(
        storage::kept_aside(),
        vec![(kept.key.clone(), "{kaputt".to_owned())]
    );
}

#[wasm_bindgen_test]
fn an_older_schema_is_migrated_at_start() {
    clear();
    let old = r#"{"schema":1,"town":"05978024","birth_date":"2026-05-03","due_date":null,"child_name":"Mia"}"#;
    local().set_item(storage::PROFILE_KEY, old).unwrap();
    let app = AppState::start(Route::Family(None));
    assert_eq!(app.kept_aside.get_untracked(), None);
    let profile = app.profile.get_untracked();
    assert_eq!(profile.town.as_deref(), Some("05978024"));
    assert_eq!(profile.children.len(), 1);
    assert_eq!(profile.children[0].nickname.as_deref(), Some("Mia"));
}

#[wasm_bindgen_test]
fn delete_everything_removes_only_the_apps_keys() {
    clear();
    local().set_item(storage::PROFILE_KEY, "{}").unwrap();
    local().set_item("kekiz.aside.1", "x").unwrap();
    local().set_item("other-app", "stays").unwrap();
    web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap()
        .set_item("kekiz.visit", "x")
        .unwrap();
    storage::delete_everything().unwrap();
    assert_eq!(local().length().unwrap(), 1);
    assert_eq!(
        local().get_item("other-app").unwrap().as_deref(),
        Some("stays")
    );
    assert_eq!(
        web_sys::window()
            .unwrap()
            .session_storage()
            .unwrap()
            .unwrap()
            .length()
            .unwrap(),
        0
    );
}

#[wasm_bindgen_test]
fn today_is_the_browsers_local_date() {
    let now = js_sys::Date::new_0();
    let today = clock::today();
    assert_eq!(i32::from(today.month()), now.get_month() as i32 + 1);
    assert_eq!(i32::from(today.day()), now.get_date() as i32);
    assert_eq!(today.year(), now.get_full_year() as i32);
    assert!(clock::millis_until_midnight() <= 86_400_000.0);
}

#[wasm_bindgen_test]
fn routes_round_trip_through_the_address() {
    for route in [
        Route::Family(None),
        Route::Family(Some(2)),
        Route::AddChild,
        Route::Offer("greven-cafe-kinderwagen".into()),
        Route::Settings,
        Route::Visit,
        Route::About,
        Route::Emergency,
    ] {
        assert_eq!(Route::from_hash(&route.to_hash()), route);
    }
    assert_eq!(Route::from_hash("#/unbekannt"), Route::Family(None));
}

#[wasm_bindgen_test]
fn emergency_help_has_its_own_address() {
    assert_eq!(Route::Emergency.to_hash(), "#/notfall");
    assert_eq!(Route::from_hash("#/notfall"), Route::Emergency);
    assert_eq!(Route::from_hash("notfall"), Route::Emergency);
}

#[wasm_bindgen_test]
fn the_same_unreadable_data_is_kept_once_and_starting_fresh_keeps_the_copy() {
    clear();
    local().set_item(storage::PROFILE_KEY, "{kaputt").unwrap();
    let first = AppState::start(Route::Family(None))
        .kept_aside
        .get_untracked()
        .unwrap();
    let second = AppState::start(Route::Family(None))
        .kept_aside
        .get_untracked()
        .unwrap();
    assert_eq!(first.key, second.key);
    assert_eq!(storage::kept_aside().len(), 1);
    storage::start_fresh(&first.key).unwrap();
    assert_eq!(storage::load_profile_text(), Ok(None));
    assert_eq!(
        local().get_item(&first.key).unwrap().as_deref(),
        Some("{kaputt")
    );
    assert_eq!(
        AppState::start(Route::Family(None))
            .kept_aside
            .get_untracked(),
        None
    );
}

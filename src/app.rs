//! The app's root: mounts it, starts the state (clock, storage, directory, service worker)
//! and shows the screen the address asks for. `main.rs` calls [`mount`].

use crate::components::status_bar::StatusBar;
use crate::components::storage_notices::StorageNotices;
use crate::components::update_banner::UpdateBanner;
use crate::i18n::t;
use crate::pages::about::About;
use crate::pages::add_child::AddChild;
use crate::pages::emergency::Emergency;
use crate::pages::family::Family;
use crate::pages::offer::OfferDetails;
use crate::pages::onboarding::{Onboarding, Prefill};
use crate::pages::settings::Settings;
use crate::pages::visit::VisitMode;
use crate::platform::{clock, dom, network, service_worker};
use crate::route::Route;
use crate::state::AppState;
use kekiz_core::form::ChildForm;
use kekiz_core::i18n::Msg;
use leptos::prelude::*;
use std::time::Duration;

/// Mounts the app in place of the static first screen in index.html, once the catalogue of
/// the starting language is there (from the service worker's cache without signal), so that
/// the first screen never flashes in another language.
pub fn mount() {
    // Leptos's own executor starts with the mount: until then, the browser's.
    wasm_bindgen_futures::spawn_local(async {
        let code = crate::i18n::starting_language();
        if let Err(problem) = crate::i18n::show(&code).await {
            leptos::logging::warn!("starting in German, {code} not loaded: {}", problem.key);
        }
        // Starting the wasm and drawing the app are two tasks: one long task would block
        // input on a slow phone for their sum.
        clock::next_task().await;
        match dom::take_mount_point("app") {
            Ok(root) => leptos::mount::mount_to(root, App).forget(),
            Err(error) => leptos::logging::error!("KeKiz-Begleiter could not start: {error}"),
        }
    });
}

/// Refreshes "today" at every local midnight, so ages and dates move on in an open app.
fn refresh_today_at_midnight(app: AppState) {
    set_timeout(
        move || {
            app.today.set(clock::today());
            refresh_today_at_midnight(app);
        },
        Duration::from_millis(clock::millis_until_midnight() as u64),
    );
}

/// Starts what runs beside the screens: data, connection, address, service worker.
fn start_background(app: AppState) {
    app.load_directory();
    refresh_today_at_midnight(app);
    if let Err(error) = network::on_change(move |online| {
        app.online.set(online);
        // Back online: load what failed without signal, and look for a new version.
        if online {
            app.load_directory();
            if let Some(town) = app.profile.with_untracked(|p| p.town.clone()) {
                app.load_office_for(&town, false);
            }
            leptos::task::spawn_local(async {
                if let Err(error) = service_worker::check_for_update().await {
                    leptos::logging::warn!("no update check: {error}");
                }
            });
        }
    }) {
        leptos::logging::warn!("connection changes not watched: {error}");
    }
    if let Err(error) = dom::on_hash_change(move |hash| {
        let route = Route::from_hash(&hash);
        // `navigate` already showed it; only "back" and "forward" change the screen here.
        if app.route.get_untracked() != route {
            app.route.set(route);
            dom::scroll_to_top();
        }
    }) {
        leptos::logging::warn!("back button not watched: {error}");
    }
    // New data waits in the worker until the app has read it; also what waited since last time.
    app.check_pending_data();
    if let Err(error) = service_worker::on_worker_news(move |news| match news {
        service_worker::WorkerNews::DataPending(_) => app.check_pending_data(),
        service_worker::WorkerNews::StorageFailed(_) => {
            app.data_notice.set(Some(Msg::new("app.storage_full")))
        }
    }) {
        leptos::logging::warn!("data updates not watched: {error}");
    }
    if let Err(error) = service_worker::reload_on_new_version() {
        leptos::logging::warn!("other tabs' updates not followed: {error}");
    }
    leptos::task::spawn_local(async move {
        if let Err(error) = service_worker::register(move || app.update_waiting.set(true)).await {
            leptos::logging::warn!("no offline use: {error}");
        }
    });
}

/// What a handed-over link fills into onboarding: the town and the first day of the birth
/// month, for the family to confirm or correct; or why the link cannot be read.
fn handover_prefill(app: AppState) -> Prefill {
    match app.handover.get_untracked() {
        None => Prefill::None,
        Some(Err(reason)) => Prefill::Unreadable(reason),
        Some(Ok(handover)) => {
            let birth = handover.prefill_birth();
            Prefill::Link(handover.town.clone(), ChildForm::of(birth, None))
        }
    }
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let app = AppState::start(Route::from_hash(&dom::hash()));
    provide_context(app);
    start_background(app);

    // Written only when it really changes, so saving the profile re-creates the page only when
    // onboarding is done or undone (a page's own notices would be lost otherwise).
    let is_onboarded = move || {
        app.profile
            .with(|p| p.town.is_some() && !p.children.is_empty())
    };
    let onboarded = RwSignal::new(is_onboarded());
    Effect::new(move |_| {
        let now = is_onboarded();
        if now != onboarded.get_untracked() {
            onboarded.set(now);
        }
    });
    let page = move || {
        let onboarded = onboarded.get();
        // Read untracked: starting or ending a visit must not re-create the visit page.
        let visiting = app.visit.with_untracked(Option::is_some);
        match app.route.get() {
            Route::About => view! { <About /> }.into_any(),
            Route::Emergency => view! { <Emergency /> }.into_any(),
            Route::Visit => view! { <VisitMode /> }.into_any(),
            Route::Offer(id) if onboarded || visiting => {
                view! { <OfferDetails id=id /> }.into_any()
            }
            Route::Settings if onboarded => view! { <Settings /> }.into_any(),
            Route::AddChild if onboarded => view! { <AddChild /> }.into_any(),
            Route::Family(selected) if onboarded => {
                view! { <Family selected=selected /> }.into_any()
            }
            _ => view! { <Onboarding prefill=handover_prefill(app) /> }.into_any(),
        }
    };

    // The statewide texts in the language shown, once the directory is there.
    Effect::new(move |_| {
        let code = crate::i18n::shown_code();
        if matches!(app.directory.get(), crate::state::Load::Ready(_)) {
            app.load_statewide_text(code);
        }
    });

    // A new screen: move focus to its heading, so screen readers announce it.
    Effect::new(move |previous: Option<Route>| {
        let route = app.route.get();
        if previous.is_some_and(|p| p != route) {
            request_animation_frame(|| dom::focus("page-heading"));
        }
        route
    });

    // Everything is made again when the language shown changes (rare: a choice, a visit).
    move || {
        let _language = crate::i18n::shown_code();
        view! {
        // The skip link moves focus without touching the address (the hash names the screen).
        <a class="skip-link" href="#main" on:click=|event| {
            event.prevent_default();
            dom::focus("main");
        }>{t("app.skip_link")}</a>
        <header class="site-header">
            <a class="brand" href=Route::Family(None).to_hash()>{t("app.name")}</a>
            // One tap from every screen, beside the name so that it stays in the first line.
            <a class="emergency-link" href=Route::Emergency.to_hash()>{t("app.emergency_link")}</a>
            <nav aria-label=t("app.nav_label")>
                <ul>
                    <li><a href=Route::Visit.to_hash()>{t("app.nav.visit")}</a></li>
                    <li><a href=Route::Settings.to_hash()>{t("app.nav.settings")}</a></li>
                </ul>
            </nav>
        </header>
        <StatusBar />
        <UpdateBanner />
        <StorageNotices />
        <main id="main" class="page" tabindex="-1" data-app-ready="">
            {page}
        </main>
        <footer class="site-footer">
            <a href=Route::About.to_hash()>{t("app.footer_about")}</a>
        </footer>
        }
    }
}

//! The app's state, shared with every page through Leptos context: today's date, the
//! connection, the directory, the family's profile and whether it can be remembered.
//! Created once by `app::App`; pages read it with [`use_app`]. Rules live in kekiz-core:
//! this module only loads, stores and hands over.

use crate::platform::fetch::BrowserJson;
use crate::platform::{clock, fetch, storage};
use crate::route::Route;
use kekiz_core::age::BirthInfo;
use kekiz_core::date::{AsOf, Date};
use kekiz_core::directory::{
    parse_data_file_with, DirectoryIndex, OfficeFile, FORMAT_VERSION, INDEX_PATH,
};
use kekiz_core::handover::{parse_handover, Handover};
use kekiz_core::i18n::Msg;
use kekiz_core::office::{responsible_office, ResponsibleOffice};
use kekiz_core::profile::{saving_after_keep_aside, stored_start, Profile, StoredStart};
use kekiz_core::town::TownIndex;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Where the town index lies on the server (and in the service worker's cache).
pub const INDEX_URL: &str = INDEX_PATH;

/// Something that is fetched: still on its way, there, or not to be had (with the reason).
#[derive(Debug, Clone, PartialEq)]
pub enum Load<T> {
    /// On its way.
    Loading,
    /// Here.
    Ready(T),
    /// Not to be had; the reason as a message.
    Failed(Msg),
}

/// The directory's index, with the town search built from it.
#[derive(Debug)]
pub struct Directory {
    /// The index as loaded.
    pub index: DirectoryIndex,
    /// Search over its towns.
    pub towns: TownIndex,
    /// The languages whose statewide texts are merged into `index` (German is always there).
    pub languages: Vec<String>,
}

impl PartialEq for Directory {
    fn eq(&self, other: &Directory) -> bool {
        self.index == other.index
    }
}

/// Whether the app can remember the family's data on this device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Memory {
    /// Saved data survives a reload.
    Remembers,
    /// Storage is blocked or full: the app works for this session only; the reason as a message.
    CannotRemember(Msg),
}

/// Stored data that could not be read, kept aside under its own key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptAside {
    /// The localStorage key it is kept under.
    pub key: String,
    /// The text as it was stored, for export.
    pub text: String,
    /// Why it could not be read, as a message.
    pub reason: Msg,
}

/// Everything pages share.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Today's date on the device, refreshed at midnight.
    pub today: RwSignal<Date>,
    /// Whether the device is online.
    pub online: RwSignal<bool>,
    /// The town index and statewide items.
    pub directory: RwSignal<Load<Arc<Directory>>>,
    /// Office files fetched so far, by office id.
    pub offices: RwSignal<BTreeMap<String, Load<Arc<OfficeFile>>>>,
    /// The family's profile.
    pub profile: RwSignal<Profile>,
    /// Whether the profile can be remembered.
    pub memory: RwSignal<Memory>,
    /// Unreadable stored data that was kept aside at start, if any.
    pub kept_aside: RwSignal<Option<KeptAside>>,
    /// The screen shown.
    pub route: RwSignal<Route>,
    /// A new version of the app waits to be activated.
    pub update_waiting: RwSignal<bool>,
    /// The family of a home visit ("Besuchsmodus"): only in memory, never stored.
    pub visit: RwSignal<Option<Visit>>,
    /// Town and birth month from a handed-over link, or why the link cannot be read (as a
    /// message).
    pub handover: RwSignal<Option<Result<Handover, Msg>>>,
    /// Why new data could not be taken over or kept (the app then works on with what it has),
    /// as a message.
    pub data_notice: RwSignal<Option<Msg>>,
    /// Why the language picked could not be shown (its catalogue did not load).
    pub language_notice: RwSignal<Option<Msg>>,
    /// A visit has just ended: visit mode says that nothing of the family was kept.
    pub visit_ended: RwSignal<bool>,
}

/// A home visit's family: town and birth or due date, held only in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visit {
    /// The family's town.
    pub town: String,
    /// The child's birth or due date.
    pub birth: BirthInfo,
    /// The language the family's page is shown in.
    pub language: String,
    /// The language the volunteer's app was in before, shown again when the visit ends.
    pub volunteer_language: String,
}

/// The app state of the surrounding app.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Reads the clock and the stored profile. Unreadable data is kept aside first and never
    /// overwritten; when even that fails, the app stops saving for this session.
    pub fn start(route: Route) -> AppState {
        let (profile, memory, kept_aside) = load_profile();
        AppState {
            today: RwSignal::new(clock::today()),
            online: RwSignal::new(crate::platform::network::is_online()),
            directory: RwSignal::new(Load::Loading),
            offices: RwSignal::new(BTreeMap::new()),
            profile: RwSignal::new(profile),
            memory: RwSignal::new(memory),
            kept_aside: RwSignal::new(kept_aside),
            route: RwSignal::new(route),
            update_waiting: RwSignal::new(false),
            visit: RwSignal::new(None),
            handover: RwSignal::new(
                parse_handover(&crate::platform::dom::query())
                    .map_err(|e| e.message())
                    .transpose(),
            ),
            data_notice: RwSignal::new(None),
            language_notice: RwSignal::new(None),
            visit_ended: RwSignal::new(false),
        }
    }

    /// The family picked a language: shows the app in it and stores the choice with the
    /// profile (only once the catalogue is there); then focuses `refocus` (the picker) again,
    /// since the whole page is made anew in the new language.
    pub fn choose_language(&self, code: String, refocus: &'static str) {
        let app = *self;
        leptos::task::spawn_local(async move {
            match crate::i18n::show(&code).await {
                Ok(()) => {
                    app.language_notice.set(None);
                    app.update_profile(|profile| profile.language = Some(code));
                    request_animation_frame(move || crate::platform::dom::focus(refocus));
                }
                Err(problem) => app.language_notice.set(Some(problem)),
            }
        });
    }

    /// Shows the app in `code` without storing it (a home visit shows the family's language).
    pub fn show_language(&self, code: String) {
        let app = *self;
        leptos::task::spawn_local(async move {
            if let Err(problem) = crate::i18n::show(&code).await {
                app.language_notice.set(Some(problem));
            }
        });
    }

    /// Reads every new copy of a data file that the service worker keeps waiting, with the
    /// app's own types: a copy that reads replaces the kept one and is shown; one that does not
    /// is dropped, the kept one stays (across restarts too), and the app says why.
    pub fn check_pending_data(&self) {
        let app = *self;
        leptos::task::spawn_local(async move {
            let files = match crate::platform::data_cache::pending_files().await {
                Ok(files) => files,
                Err(error) => {
                    leptos::logging::warn!("waiting data not read: {error}");
                    return;
                }
            };
            for file in files {
                match parse_data_file_with(&BrowserJson, &file.path, &file.text) {
                    Ok(_) => {
                        if let Err(error) =
                            crate::platform::data_cache::accept_pending(&file.path).await
                        {
                            app.data_notice.set(Some(
                                Msg::new("state.new_data_not_stored").msg("error", error.message()),
                            ));
                        }
                        if file.path == INDEX_URL || file.path.starts_with("/data/statewide-") {
                            app.reload_directory();
                        } else if let Some(town) = app.profile.with_untracked(|p| p.town.clone()) {
                            app.load_office_for(&town, true);
                        }
                    }
                    Err(error) => {
                        if let Err(error) =
                            crate::platform::data_cache::refuse_pending(&file.path).await
                        {
                            leptos::logging::warn!("waiting copy not dropped: {error}");
                        }
                        app.data_notice.set(Some(
                            Msg::new("state.new_data_incompatible").msg("error", error.message()),
                        ));
                    }
                }
            }
        });
    }

    /// Replaces the profile and stores it; if storing fails the app keeps it for the session
    /// and says that it cannot remember.
    pub fn save(&self, profile: Profile) {
        self.forget_office_of_old_town(profile.town.as_deref());
        if self.memory.get_untracked() == Memory::Remembers {
            if let Err(error) = storage::save_profile_text(&profile.to_stored_json()) {
                self.memory.set(Memory::CannotRemember(error.message()));
            }
        }
        self.profile.set(profile);
    }

    /// When the family's town moves to another office, its old office file leaves the device:
    /// which office a phone keeps tells where a family lives.
    fn forget_office_of_old_town(&self, new_town: Option<&str>) {
        let old_town = self.profile.with_untracked(|p| p.town.clone());
        if old_town.as_deref() == new_town {
            return;
        }
        let Load::Ready(directory) = self.directory.get_untracked() else {
            return;
        };
        let file_of =
            |town: Option<&str>| match town.map(|ags| responsible_office(&directory.index, ags)) {
                Some(Ok(ResponsibleOffice::Published(summary))) => summary.file,
                _ => None,
            };
        let (old_file, new_file) = (file_of(old_town.as_deref()), file_of(new_town));
        if let Some(old) = old_file.filter(|old| Some(old) != new_file.as_ref()) {
            leptos::task::spawn_local(async move {
                if let Err(error) =
                    crate::platform::data_cache::forget_file(&format!("/data/{old}")).await
                {
                    leptos::logging::warn!("old office file not forgotten: {error}");
                }
            });
        }
    }

    /// Changes the profile with `change` and stores the result.
    pub fn update_profile(&self, change: impl FnOnce(&mut Profile)) {
        let mut profile = self.profile.get_untracked();
        change(&mut profile);
        self.save(profile);
    }

    /// Loads the town index (once; again after it failed).
    pub fn load_directory(&self) {
        if !matches!(self.directory.get_untracked(), Load::Ready(_)) {
            self.fetch_directory();
        }
    }

    /// Loads the town index again (the service worker stored a newer copy); a failure keeps
    /// the copy in use.
    pub fn reload_directory(&self) {
        self.fetch_directory();
    }

    fn fetch_directory(&self) {
        let directory = self.directory;
        leptos::task::spawn_local(async move {
            let loaded = match fetch::fetch_json::<DirectoryIndex>(INDEX_URL).await {
                Ok(index) if index.format == FORMAT_VERSION => {
                    let towns = TownIndex::new(&index.towns);
                    Load::Ready(Arc::new(Directory {
                        index,
                        towns,
                        languages: Vec::new(),
                    }))
                }
                Ok(_) => Load::Failed(Msg::new("state.index_wrong_version")),
                Err(error) => Load::Failed(error.message()),
            };
            if !(matches!(loaded, Load::Failed(_))
                && matches!(directory.get_untracked(), Load::Ready(_)))
            {
                directory.set(loaded);
            }
        });
    }

    /// Merges the statewide texts (check-ups, deadlines, help lines) in `code` into the
    /// directory, fetched as `/data/statewide-<code>.json` (kept offline by the service worker);
    /// without them those texts stay German.
    pub fn load_statewide_text(&self, code: String) {
        let Load::Ready(directory) = self.directory.get_untracked() else {
            return;
        };
        if code == kekiz_core::directory::DATA_LANGUAGE || directory.languages.contains(&code) {
            return;
        }
        let app = *self;
        leptos::task::spawn_local(async move {
            let path = kekiz_core::directory::statewide_translations_path(&code);
            match fetch::fetch_json::<kekiz_core::directory::StatewideTranslations>(&path).await {
                Ok(file) if file.format == FORMAT_VERSION && file.language == code => {
                    let Load::Ready(current) = app.directory.get_untracked() else {
                        return;
                    };
                    let mut index = current.index.clone();
                    index.statewide.add_translations(&file);
                    let mut languages = current.languages.clone();
                    languages.push(code);
                    app.directory.set(Load::Ready(Arc::new(Directory {
                        index,
                        towns: current.towns.clone(),
                        languages,
                    })));
                }
                Ok(_) => leptos::logging::warn!("{path}: another format or language"),
                Err(error) => leptos::logging::warn!("{path} not loaded: {error}"),
            }
        });
    }

    /// Fetches the data file of the office responsible for `ags` if it has one and it is not
    /// here yet; `reload` fetches it again (after the service worker stored a newer copy).
    /// The family's own office file is kept for offline use.
    pub fn load_office_for(&self, ags: &str, reload: bool) {
        self.load_office(ags, reload, false);
    }

    /// Fetches the office file a home visit needs without storing it anywhere: the service
    /// worker answers from its cache only if the volunteer kept the file on purpose.
    pub fn load_office_for_visit(&self, ags: &str) {
        self.load_office(ags, false, true);
    }

    fn load_office(&self, ags: &str, reload: bool, visit: bool) {
        let Load::Ready(directory) = self.directory.get_untracked() else {
            return;
        };
        let Ok(ResponsibleOffice::Published(summary)) = responsible_office(&directory.index, ags)
        else {
            return;
        };
        let Some(file) = summary.file.clone() else {
            return;
        };
        let known = self
            .offices
            .with_untracked(|o| o.get(summary.id.as_str()).cloned());
        // A file that failed (no signal on a first visit) is fetched again when asked.
        if !reload && matches!(known, Some(Load::Ready(_)) | Some(Load::Loading)) {
            return;
        }
        let offices = self.offices;
        let data_notice = self.data_notice;
        let id = summary.id.to_string();
        if known.is_none() {
            offices.update(|o| {
                o.insert(id.clone(), Load::Loading);
            });
        }
        // Before the service worker controls the page (first visit) its fetches bypass the
        // worker: the family's file is then stored for offline use directly.
        let keep_directly = !visit && !crate::platform::service_worker::controls_page();
        leptos::task::spawn_local(async move {
            let path = format!("/data/{file}");
            let url = if visit {
                format!("{path}?besuch")
            } else {
                path.clone()
            };
            let loaded = match fetch::fetch_json::<OfficeFile>(&url).await {
                Ok(office) if office.format == FORMAT_VERSION => {
                    if keep_directly {
                        if let Err(error) =
                            crate::platform::data_cache::keep_offline(std::slice::from_ref(&path))
                                .await
                        {
                            leptos::logging::warn!("office file not kept offline: {error}");
                            data_notice.set(Some(Msg::new("state.office_not_kept")));
                        }
                    }
                    Load::Ready(Arc::new(office))
                }
                Ok(_) => Load::Failed(Msg::new("state.office_wrong_version")),
                Err(error) => Load::Failed(error.message()),
            };
            offices.update(|o| {
                // A failed reload keeps the copy the page already shows.
                if !(matches!(loaded, Load::Failed(_))
                    && matches!(o.get(&id), Some(Load::Ready(_))))
                {
                    o.insert(id, loaded);
                }
            });
        });
    }

    /// The date of the data in use ("Stand der Angebote") for the town shown (the visited
    /// family's, else the family's own): the newer of the town index and that town's office file.
    pub fn data_as_of(&self) -> Option<AsOf> {
        let Load::Ready(directory) = self.directory.get() else {
            return None;
        };
        let visited = self.visit.with(|v| v.as_ref().map(|v| v.town.clone()));
        let town = visited.or_else(|| {
            self.profile
                .with(|p| p.town.as_ref().map(ToString::to_string))
        });
        let office = town.and_then(|ags| match responsible_office(&directory.index, &ags) {
            Ok(ResponsibleOffice::Published(summary)) => {
                self.offices.with(|o| match o.get(summary.id.as_str()) {
                    Some(Load::Ready(file)) => file.as_of,
                    _ => None,
                })
            }
            _ => None,
        });
        Some(office.map_or(directory.index.as_of, |d| d.max(directory.index.as_of)))
    }

    /// Whether everything the page of a family in `ags` shows has arrived (or failed): the town
    /// index and, when the office published one, its file. Pages render their body only then,
    /// so nothing moves once it is on screen.
    pub fn data_settled_for(&self, ags: &str) -> bool {
        let Load::Ready(directory) = self.directory.get() else {
            return matches!(self.directory.get(), Load::Failed(_));
        };
        match responsible_office(&directory.index, ags) {
            Ok(ResponsibleOffice::Published(summary)) => self.offices.with(|o| {
                matches!(
                    o.get(summary.id.as_str()),
                    Some(Load::Ready(_)) | Some(Load::Failed(_))
                )
            }),
            _ => true,
        }
    }

    /// The id of the office responsible for `ags`, when it published a data file.
    pub fn office_id_for(&self, ags: &str) -> Option<String> {
        let Load::Ready(directory) = self.directory.get_untracked() else {
            return None;
        };
        match responsible_office(&directory.index, ags) {
            Ok(ResponsibleOffice::Published(summary)) => Some(summary.id.to_string()),
            _ => None,
        }
    }

    /// Shows `route` and records it in the address, so "back" returns here.
    pub fn navigate(&self, route: Route) {
        if let Err(error) = crate::platform::dom::set_hash(&route.to_hash()) {
            leptos::logging::warn!("address not updated: {error}");
        }
        self.route.set(route);
        crate::platform::dom::scroll_to_top();
    }
}

/// The stored profile, whether it can be remembered, and anything kept aside.
fn load_profile() -> (Profile, Memory, Option<KeptAside>) {
    let text = match storage::load_profile_text() {
        Ok(text) => text,
        Err(error) => {
            return (
                Profile::default(),
                Memory::CannotRemember(error.message()),
                None,
            )
        }
    };
    match stored_start(text.as_deref()) {
        StoredStart::Fresh => (Profile::default(), Memory::Remembers, None),
        StoredStart::Stored(profile) => (profile, Memory::Remembers, None),
        StoredStart::KeepAside(problem) => {
            let text = text.unwrap_or_default();
            let kept = storage::keep_aside(&text);
            // Never overwrite what could not be kept aside: stop saving for this session.
            let memory = match (&kept, saving_after_keep_aside(kept.is_ok())) {
                (_, true) => Memory::Remembers,
                (Err(error), false) => Memory::CannotRemember(error.message()),
                (Ok(_), false) => Memory::CannotRemember(problem.message()),
            };
            let key = kept.unwrap_or_else(|_| storage::PROFILE_KEY.to_owned());
            let kept = KeptAside {
                key,
                text,
                reason: problem.message(),
            };
            (Profile::default(), memory, Some(kept))
        }
    }
}

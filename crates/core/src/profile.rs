//! The family profile kept on the phone: its stored JSON, migrations of older layouts, export and import,
//! and the check of what a parent types in onboarding.
//!
//! Called by the app's platform storage (read with [`Profile::from_stored_json`], write with
//! [`Profile::to_stored_json`]), the settings page (export, import) and the onboarding form
//! ([`validate_child_input`]).
//!
//! Stored layouts:
//! - schema 4 (current): schema 3 with `"language":"tr"` (optional, the app's language).
//! - schema 3: schema 2 with each child's optional `done` marks.
//! - schema 2: `{"schema":2,"town":"05566012"|null,"children":[{"id":1,"nickname":"Mia",
//!   "birth":{"born":"2026-05-03"}}]}`; `birth` may be `{"expected":"…"}`, `nickname` may be absent.
//! - schema 1 (single child): `{"schema":1,"town":…,"birth_date":…|null,"due_date":…|null,
//!   "child_name":…|null}`; migrates to one child with id 1 (a birth date wins over a due date),
//!   or to no child when both dates are null.
//!
//! Export file: `{"app":"kekiz-begleiter","exported":"YYYY-MM-DD","profile":{…stored…}}`.
//! [`parse_export`] checks everything it can without the directory; whether the town exists is
//! checked by the caller with [`Profile::check_known_town`] once the town list is loaded.

use crate::age::BirthInfo;
use crate::date::Date;
use crate::directory::{Ags, Town};
use crate::done::{DoneKind, DoneMark};
use crate::i18n::Msg;
use serde::de::{DeserializeOwned, IgnoredAny};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The schema version this app writes.
pub const SCHEMA_VERSION: u32 = 4;

/// The `app` field of an export file.
pub const EXPORT_APP: &str = "kekiz-begleiter";

/// A due date may lie this many days in the past: babies often come up to two weeks late.
pub const DUE_DATE_GRACE_DAYS: i64 = 14;

/// Largest export file [`parse_export`] reads, in bytes (256 KiB); a real export has a few KiB.
pub const MAX_IMPORT_BYTES: u64 = 256 * 1024;

/// Most children a profile holds; a profile or export file with more is refused.
pub const MAX_CHILDREN: usize = 20;

/// Longest nickname in characters: a typed one is cut to it, a longer stored or imported one is refused.
pub const NICKNAME_MAX_CHARS: usize = 40;

/// What the phone remembers about the family.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// The family's town (AGS), once chosen.
    pub town: Option<Ags>,
    /// The children, in the order the family entered them.
    pub children: Vec<Child>,
    /// The app's language chosen by the family ("tr"), since schema 4; `None` follows the browser.
    pub language: Option<String>,
}

/// One child of the family.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Child {
    /// Stable id within the profile (never reused while the child is in the profile).
    pub id: u32,
    /// Optional nickname ("Name des Kindes").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
    /// Birth date or due date.
    pub birth: BirthInfo,
    /// Check-ups and deadlines marked done ("Erledigt"), since schema 3.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub done: Vec<DoneMark>,
}

/// Why a stored profile or an export file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ProfileError {
    /// The text is not JSON at all.
    #[error("stored data is not JSON: {0}")]
    NotJson(String),
    /// JSON, but not laid out as a profile of a known schema.
    #[error("stored data does not have the expected shape: {0}")]
    WrongShape(String),
    /// Written by a newer version of the app.
    #[error("data from a newer version of the app (schema {0})")]
    FromTheFuture(u32),
    /// A file that is not an export of this app.
    #[error("not an export of KeKiz-Begleiter")]
    NotAnExport,
    /// A file larger than [`MAX_IMPORT_BYTES`]; its size in bytes. Refused before it is read.
    #[error("file too large ({0} bytes, at most {max})", max = MAX_IMPORT_BYTES)]
    TooLarge(u64),
    /// The layout is right but a value is not.
    #[error(transparent)]
    Invalid(#[from] InvalidValue),
}

/// A value in a profile that cannot be right.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum InvalidValue {
    /// The town key is not an NRW AGS (8 digits starting with 05).
    #[error("`{0}` is not an NRW town key")]
    TownKey(String),
    /// The town key is well-formed, but no such town is known.
    #[error("unknown town key {0}")]
    UnknownTown(String),
    /// Two children share an id.
    #[error("two children have the id {0}")]
    DuplicateChildId(u32),
    /// More children than [`MAX_CHILDREN`].
    #[error("more than {max} children", max = MAX_CHILDREN)]
    TooManyChildren,
    /// A nickname (trimmed) longer than [`NICKNAME_MAX_CHARS`] characters; not repeated here.
    #[error("a nickname longer than {max} characters", max = NICKNAME_MAX_CHARS)]
    NicknameTooLong,
}

/// What is wrong with a birth or due date typed in onboarding; each text speaks to the parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum ChildInputError {
    /// A birth date after today.
    #[error("birth date in the future")]
    BirthInFuture,
    /// A due date more than [`DUE_DATE_GRACE_DAYS`] days ago: the baby is most likely born.
    #[error("due date more than two weeks ago")]
    DueDateInPast,
    /// A due date more than ten months ahead.
    #[error("due date more than ten months ahead")]
    DueDateTooFar,
    /// A birth date 18 or more years ago.
    #[error("birth date 18 or more years ago")]
    OlderThan18,
}

impl ProfileError {
    /// What the person reads.
    pub fn message(&self) -> Msg {
        match self {
            ProfileError::NotJson(detail) => Msg::new("profile.not_json").text("detail", detail),
            ProfileError::WrongShape(detail) => {
                Msg::new("profile.wrong_shape").text("detail", detail)
            }
            ProfileError::FromTheFuture(schema) => {
                Msg::new("profile.from_future").num("schema", i64::from(*schema))
            }
            ProfileError::NotAnExport => Msg::new("profile.not_export"),
            ProfileError::TooLarge(size) => Msg::new("profile.too_large")
                .msg("size", crate::words::bytes_in_words(*size))
                .num("max", (MAX_IMPORT_BYTES / 1024) as i64),
            ProfileError::Invalid(value) => value.message(),
        }
    }
}

impl InvalidValue {
    /// What the person reads.
    pub fn message(&self) -> Msg {
        match self {
            InvalidValue::TownKey(key) => Msg::new("profile.bad_town_key").text("key", key),
            InvalidValue::UnknownTown(key) => Msg::new("profile.unknown_town").ltr("key", key),
            InvalidValue::DuplicateChildId(id) => {
                Msg::new("profile.duplicate_child").num("id", i64::from(*id))
            }
            InvalidValue::TooManyChildren => {
                Msg::new("profile.too_many_children").num("max", MAX_CHILDREN as i64)
            }
            InvalidValue::NicknameTooLong => {
                Msg::new("profile.nickname_too_long").num("max", NICKNAME_MAX_CHARS as i64)
            }
        }
    }
}

impl ChildInputError {
    /// What the person reads beside the date field.
    pub fn message(&self) -> Msg {
        Msg::new(match self {
            ChildInputError::BirthInFuture => "child_input.birth_in_future",
            ChildInputError::DueDateInPast => "child_input.due_in_past",
            ChildInputError::DueDateTooFar => "child_input.due_too_far",
            ChildInputError::OlderThan18 => "child_input.older_than_18",
        })
    }
}

/// Checks a birth or due date typed in onboarding against `today`.
///
/// A due date up to [`DUE_DATE_GRACE_DAYS`] days ago is accepted (the baby may be late); a birth
/// date today is accepted; a child is too old from its 18th birthday on.
pub fn validate_child_input(birth: BirthInfo, today: Date) -> Result<(), ChildInputError> {
    match birth {
        BirthInfo::Born(date) if date > today => Err(ChildInputError::BirthInFuture),
        BirthInfo::Born(date) if date.add_years(18) <= today => Err(ChildInputError::OlderThan18),
        BirthInfo::Expected(date) if today.days_until(date) < -DUE_DATE_GRACE_DAYS => {
            Err(ChildInputError::DueDateInPast)
        }
        BirthInfo::Expected(date) if date > today.add_months(10) => {
            Err(ChildInputError::DueDateTooFar)
        }
        _ => Ok(()),
    }
}

/// Whether `key` looks like an NRW AGS: 8 ASCII digits starting with "05".
pub fn is_nrw_ags(key: &str) -> bool {
    key.len() == 8 && key.starts_with("05") && key.bytes().all(|b| b.is_ascii_digit())
}

/// The stored layout of schema 2, for writing.
#[derive(Serialize)]
struct StoredOut<'a> {
    schema: u32,
    town: &'a Option<Ags>,
    children: &'a [Child],
    #[serde(skip_serializing_if = "Option::is_none")]
    language: &'a Option<String>,
}

/// The stored layout of schemas 2 to 4, for reading (3 adds the children's optional `done`,
/// 4 the optional `language`).
#[derive(Deserialize)]
struct StoredV2 {
    #[serde(default)]
    town: Option<Ags>,
    #[serde(default)]
    children: Vec<Child>,
    #[serde(default)]
    language: Option<String>,
}

/// The stored layout of schema 1: one child.
#[derive(Deserialize)]
struct StoredV1 {
    #[serde(default)]
    town: Option<Ags>,
    #[serde(default)]
    birth_date: Option<Date>,
    #[serde(default)]
    due_date: Option<Date>,
    #[serde(default)]
    child_name: Option<String>,
}

/// The export file, for writing.
#[derive(Serialize)]
struct ExportOut<'a> {
    app: &'static str,
    exported: Date,
    profile: StoredOut<'a>,
}

/// The export file's `app` field, read first: a file without it is not an export.
#[derive(Deserialize)]
struct ExportApp {
    #[serde(default)]
    app: Option<String>,
}

/// The export file around a profile layout `P` (`app` is checked before).
#[derive(Deserialize)]
struct InExport<P> {
    /// Read only to check that it is a date.
    #[serde(rename = "exported")]
    _exported: Date,
    profile: P,
}

/// The schema number alone, read before the layout it names.
#[derive(Deserialize)]
struct SchemaOnly {
    #[serde(default)]
    schema: Option<u64>,
}

/// Where a profile lies in a text: stored on its own, or inside an export file. Every layout is
/// read straight from the text (a profile is a few KiB), which keeps serde_json's `Value`, and
/// its code, out of the wasm.
#[derive(Debug, Clone, Copy)]
enum Place {
    Stored,
    Export,
}

impl Place {
    /// The profile part of `text`, read as the layout `P`.
    fn read<P: DeserializeOwned>(self, text: &str) -> Result<P, ProfileError> {
        let read = match self {
            Place::Stored => serde_json::from_str::<P>(text),
            Place::Export => serde_json::from_str::<InExport<P>>(text).map(|file| file.profile),
        };
        read.map_err(|e| ProfileError::WrongShape(e.to_string()))
    }
}

/// Checks that `text` is JSON at all, before any layout is tried on it.
fn check_json(text: &str) -> Result<(), ProfileError> {
    serde_json::from_str::<IgnoredAny>(text)
        .map(|_| ())
        .map_err(|e| ProfileError::NotJson(e.to_string()))
}

impl Profile {
    /// Reads the stored JSON of any known schema, migrating older layouts and checking the values.
    pub fn from_stored_json(text: &str) -> Result<Profile, ProfileError> {
        check_json(text)?;
        Profile::read_layout(text, Place::Stored)
    }

    /// The JSON to store, in the current schema.
    pub fn to_stored_json(&self) -> String {
        // A profile is strings, numbers and dates only: serialising it cannot fail.
        serde_json::to_string(&self.stored()).unwrap_or_default()
    }

    /// The export file's text (pretty-printed), dated `exported`.
    pub fn to_export_json(&self, exported: Date) -> String {
        let file = ExportOut {
            app: EXPORT_APP,
            exported,
            profile: self.stored(),
        };
        serde_json::to_string_pretty(&file).unwrap_or_default()
    }

    /// Checks that the profile's town is one of `towns` (call after [`parse_export`] or on start).
    pub fn check_known_town(&self, towns: &[Town]) -> Result<(), ProfileError> {
        match &self.town {
            Some(ags) if !towns.iter().any(|t| &t.ags == ags) => {
                Err(InvalidValue::UnknownTown(ags.to_string()).into())
            }
            _ => Ok(()),
        }
    }

    /// Adds a child and returns its new id (one more than the largest id in use); refused when
    /// the profile already holds [`MAX_CHILDREN`]. The nickname is trimmed and cut to
    /// [`NICKNAME_MAX_CHARS`].
    pub fn add_child(
        &mut self,
        nickname: Option<String>,
        birth: BirthInfo,
    ) -> Result<u32, InvalidValue> {
        if self.children.len() >= MAX_CHILDREN {
            return Err(InvalidValue::TooManyChildren);
        }
        let id = self
            .children
            .iter()
            .map(|c| c.id)
            .max()
            .map_or(1, |max| max.saturating_add(1));
        self.children.push(Child {
            id,
            nickname: clean_nickname(nickname),
            birth,
            done: Vec::new(),
        });
        Ok(id)
    }

    /// Changes the nickname (trimmed and cut like in [`Profile::add_child`]) and the birth
    /// information of the child with `id`; whether there was one.
    pub fn change_child(&mut self, id: u32, nickname: Option<String>, birth: BirthInfo) -> bool {
        match self.children.iter_mut().find(|c| c.id == id) {
            Some(child) => {
                child.nickname = clean_nickname(nickname);
                child.birth = birth;
                true
            }
            None => false,
        }
    }

    /// Removes the child with `id`; whether there was one.
    pub fn remove_child(&mut self, id: u32) -> bool {
        let before = self.children.len();
        self.children.retain(|c| c.id != id);
        self.children.len() != before
    }

    /// The child with `id`.
    pub fn child(&self, id: u32) -> Option<&Child> {
        self.children.iter().find(|c| c.id == id)
    }

    /// Marks a check-up or deadline of child `child` done, on `on` when given; whether the child exists.
    pub fn mark_done(&mut self, child: u32, kind: DoneKind, id: &str, on: Option<Date>) -> bool {
        match self.children.iter_mut().find(|c| c.id == child) {
            Some(c) => {
                crate::done::mark_done(&mut c.done, kind, id, on);
                true
            }
            None => false,
        }
    }

    /// Takes the mark off a check-up or deadline of child `child`; whether there was one.
    pub fn unmark_done(&mut self, child: u32, kind: DoneKind, id: &str) -> bool {
        self.children
            .iter_mut()
            .find(|c| c.id == child)
            .is_some_and(|c| crate::done::unmark_done(&mut c.done, kind, id))
    }

    fn stored(&self) -> StoredOut<'_> {
        StoredOut {
            schema: SCHEMA_VERSION,
            town: &self.town,
            children: &self.children,
            language: &self.language,
        }
    }

    /// Reads the profile at `place` in `text` (known to be JSON) in the layout its schema names.
    fn read_layout(text: &str, place: Place) -> Result<Profile, ProfileError> {
        let schema = place
            .read::<SchemaOnly>(text)?
            .schema
            .ok_or_else(|| ProfileError::WrongShape("das Feld „schema“ fehlt".to_owned()))?;
        let profile = match schema {
            2..=4 => {
                let v2: StoredV2 = place.read(text)?;
                Profile {
                    town: v2.town,
                    children: v2.children,
                    // Before schema 4 no language was chosen: the browser's preference applies.
                    language: if schema >= 4 { v2.language } else { None },
                }
            }
            1 => {
                let v1: StoredV1 = place.read(text)?;
                let birth = match (v1.birth_date, v1.due_date) {
                    (Some(born), _) => Some(BirthInfo::Born(born)),
                    (None, Some(due)) => Some(BirthInfo::Expected(due)),
                    (None, None) => None,
                };
                let children = birth
                    .map(|birth| Child {
                        id: 1,
                        nickname: v1.child_name,
                        birth,
                        done: Vec::new(),
                    })
                    .into_iter()
                    .collect();
                Profile {
                    town: v1.town,
                    children,
                    language: None,
                }
            }
            n if n > u64::from(SCHEMA_VERSION) => {
                return Err(ProfileError::FromTheFuture(
                    u32::try_from(n).unwrap_or(u32::MAX),
                ))
            }
            n => {
                return Err(ProfileError::WrongShape(format!(
                    "Schema {n} gibt es nicht"
                )))
            }
        };
        profile.checked()
    }

    /// Normalises nicknames and checks every value, including the caps on children and names.
    fn checked(mut self) -> Result<Profile, ProfileError> {
        if let Some(town) = &self.town {
            if !is_nrw_ags(town) {
                return Err(InvalidValue::TownKey(town.to_string()).into());
            }
        }
        let mut ids: Vec<u32> = self.children.iter().map(|c| c.id).collect();
        crate::sort::sort(&mut ids);
        if let Some(pair) = ids.windows(2).find(|pair| pair[0] == pair[1]) {
            return Err(InvalidValue::DuplicateChildId(pair[0]).into());
        }
        if self.children.len() > MAX_CHILDREN {
            return Err(InvalidValue::TooManyChildren.into());
        }
        for child in &mut self.children {
            let nickname = trimmed_nickname(child.nickname.take());
            if nickname
                .as_ref()
                .is_some_and(|n| n.chars().count() > NICKNAME_MAX_CHARS)
            {
                return Err(InvalidValue::NicknameTooLong.into());
            }
            child.nickname = nickname;
        }
        // A language code is two or three small letters; anything else is forgotten (the app
        // then follows the browser), never refused: it is a preference, not the family's data.
        self.language = self.language.filter(|code| {
            (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
        });
        Ok(self)
    }
}

/// Checks an import file's size in bytes against [`MAX_IMPORT_BYTES`], before it is read.
pub fn check_import_size(bytes: u64) -> Result<(), ProfileError> {
    if bytes > MAX_IMPORT_BYTES {
        Err(ProfileError::TooLarge(bytes))
    } else {
        Ok(())
    }
}

/// Reads an export file: the app name, the export date and the profile (of any known schema).
///
/// A text longer than [`MAX_IMPORT_BYTES`] is refused before it is parsed.
pub fn parse_export(text: &str) -> Result<Profile, ProfileError> {
    check_import_size(u64::try_from(text.len()).unwrap_or(u64::MAX))?;
    check_json(text)?;
    let app = serde_json::from_str::<ExportApp>(text)
        .ok()
        .and_then(|file| file.app);
    if app.as_deref() != Some(EXPORT_APP) {
        return Err(ProfileError::NotAnExport);
    }
    Profile::read_layout(text, Place::Export)
}

/// What the app starts with, given the text stored under the profile key (if any).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoredStart {
    /// Nothing stored: an empty profile, saved from the first change on.
    Fresh,
    /// A readable profile (migrated to the current schema).
    Stored(Profile),
    /// Unreadable: it must be kept aside under a key of its own before anything is saved
    /// ([`saving_after_keep_aside`]); why it cannot be read.
    KeepAside(ProfileError),
}

/// Reads the stored profile text at start: use it, start fresh, or keep it aside.
pub fn stored_start(text: Option<&str>) -> StoredStart {
    match text.map(Profile::from_stored_json) {
        None => StoredStart::Fresh,
        Some(Ok(profile)) => StoredStart::Stored(profile),
        Some(Err(problem)) => StoredStart::KeepAside(problem),
    }
}

/// Whether the app may save over the profile key after finding unreadable data there: only when
/// that data was kept aside, never otherwise (nothing is lost; the session then works unsaved).
pub fn saving_after_keep_aside(kept_aside: bool) -> bool {
    kept_aside
}

/// The file name to offer for an export made on `day`: "kekiz-begleiter-2026-11-21.json".
pub fn export_file_name(day: Date) -> String {
    format!("{EXPORT_APP}-{day}.json")
}

/// A nickname trimmed, or `None` when nothing is left.
fn trimmed_nickname(nickname: Option<String>) -> Option<String> {
    nickname
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
}

/// A typed nickname trimmed and cut to [`NICKNAME_MAX_CHARS`], or `None` when nothing is left.
fn clean_nickname(nickname: Option<String>) -> Option<String> {
    trimmed_nickname(nickname).map(|n| n.chars().take(NICKNAME_MAX_CHARS).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata::d;

    fn mia() -> Profile {
        Profile {
            language: None,
            town: Some("05566012".parse().expect("test town")),
            children: vec![
                Child {
                    id: 1,
                    nickname: Some("Mia".to_owned()),
                    birth: BirthInfo::Born(d("2026-05-03")),
                    done: Vec::new(),
                },
                Child {
                    id: 2,
                    nickname: None,
                    birth: BirthInfo::Expected(d("2027-01-10")),
                    done: Vec::new(),
                },
            ],
        }
    }

    #[test]
    fn stores_schema_4_and_reads_it_back() {
        let text = mia().to_stored_json();
        assert_eq!(
            text,
            r#"{"schema":4,"town":"05566012","children":[{"id":1,"nickname":"Mia","birth":{"born":"2026-05-03"}},{"id":2,"birth":{"expected":"2027-01-10"}}]}"#
        );
        assert_eq!(Profile::from_stored_json(&text), Ok(mia()));
        let empty = Profile::default();
        assert_eq!(
            empty.to_stored_json(),
            r#"{"schema":4,"town":null,"children":[]}"#
        );
        assert_eq!(
            Profile::from_stored_json(&empty.to_stored_json()),
            Ok(empty)
        );
    }

    #[test]
    fn unreadable_stored_data_is_kept_aside_before_anything_is_saved() {
        assert_eq!(stored_start(None), StoredStart::Fresh);
        assert_eq!(
            stored_start(Some(r#"{"schema":4,"town":null,"children":[]}"#)),
            StoredStart::Stored(Profile::default())
        );
        assert!(matches!(
            stored_start(Some("{not json")),
            StoredStart::KeepAside(ProfileError::NotJson(_))
        ));
        assert!(matches!(
            stored_start(Some(r#"{"schema":99}"#)),
            StoredStart::KeepAside(ProfileError::FromTheFuture(99))
        ));
        assert!(saving_after_keep_aside(true));
        assert!(!saving_after_keep_aside(false));
    }

    #[test]
    fn schema_4_keeps_the_language_and_older_schemas_migrate_without_one() {
        let v3 =
            r#"{"schema":3,"town":"05566012","children":[{"id":1,"birth":{"born":"2026-05-03"}}]}"#;
        let profile = Profile::from_stored_json(v3).expect("schema 3 reads");
        assert_eq!(profile.language, None);
        assert_eq!(profile.children.len(), 1);
        let chosen = Profile {
            language: Some("ar".to_owned()),
            ..profile
        };
        let stored = chosen.to_stored_json();
        assert!(stored.starts_with(r#"{"schema":4,"#), "{stored}");
        assert!(stored.contains(r#""language":"ar""#), "{stored}");
        assert_eq!(Profile::from_stored_json(&stored), Ok(chosen.clone()));
        let exported = chosen.to_export_json(d("2026-11-21"));
        assert_eq!(
            parse_export(&exported).map(|p| p.language),
            Ok(Some("ar".to_owned()))
        );
        let hostile = r#"{"schema":4,"town":null,"children":[],"language":"<b>x</b>"}"#;
        assert_eq!(
            Profile::from_stored_json(hostile).map(|p| p.language),
            Ok(None)
        );
    }

    #[test]
    fn migrates_schema_1() {
        let old = r#"{"schema":1,"town":"05566012","birth_date":"2026-05-03","due_date":null,"child_name":"Mia"}"#;
        let profile = Profile::from_stored_json(old).expect("migrates");
        assert_eq!(profile.town.as_deref(), Some("05566012"));
        assert_eq!(
            profile.children,
            vec![Child {
                id: 1,
                nickname: Some("Mia".to_owned()),
                birth: BirthInfo::Born(d("2026-05-03")),
                done: Vec::new(),
            }]
        );
        let expecting = r#"{"schema":1,"town":null,"birth_date":null,"due_date":"2026-12-01","child_name":"  "}"#;
        let profile = Profile::from_stored_json(expecting).expect("migrates");
        assert_eq!(profile.town, None);
        assert_eq!(
            profile.children,
            vec![Child {
                id: 1,
                nickname: None,
                birth: BirthInfo::Expected(d("2026-12-01")),
                done: Vec::new(),
            }]
        );
        let nothing =
            r#"{"schema":1,"town":"05566012","birth_date":null,"due_date":null,"child_name":null}"#;
        assert!(Profile::from_stored_json(nothing)
            .expect("migrates")
            .children
            .is_empty());
        let both = r#"{"schema":1,"town":null,"birth_date":"2026-05-03","due_date":"2026-05-10","child_name":null}"#;
        assert_eq!(
            Profile::from_stored_json(both).expect("migrates").children[0].birth,
            BirthInfo::Born(d("2026-05-03"))
        );
    }

    #[test]
    fn rejects_what_it_cannot_read() {
        assert!(matches!(
            Profile::from_stored_json("{not json"),
            Err(ProfileError::NotJson(_))
        ));
        assert!(matches!(
            Profile::from_stored_json("[]"),
            Err(ProfileError::WrongShape(_))
        ));
        assert!(matches!(
            Profile::from_stored_json(r#"{"town":null}"#),
            Err(ProfileError::WrongShape(_))
        ));
        assert!(matches!(
            Profile::from_stored_json(r#"{"schema":"2"}"#),
            Err(ProfileError::WrongShape(_))
        ));
        assert!(matches!(
            Profile::from_stored_json(r#"{"schema":0}"#),
            Err(ProfileError::WrongShape(_))
        ));
        assert_eq!(
            Profile::from_stored_json(r#"{"schema":5,"whatever":[]}"#),
            Err(ProfileError::FromTheFuture(5))
        );
        let bad_date =
            r#"{"schema":2,"town":null,"children":[{"id":1,"birth":{"born":"2026-02-30"}}]}"#;
        assert!(
            matches!(Profile::from_stored_json(bad_date), Err(ProfileError::WrongShape(m)) if m.contains("2026-02-30"))
        );
        let bad_birth =
            r#"{"schema":2,"town":null,"children":[{"id":1,"birth":{"soon":"2026-02-03"}}]}"#;
        assert!(matches!(
            Profile::from_stored_json(bad_birth),
            Err(ProfileError::WrongShape(_))
        ));
        let bad_town = r#"{"schema":2,"town":"09162000","children":[]}"#;
        // The town key's type checks itself while the profile is read.
        assert!(matches!(
            Profile::from_stored_json(bad_town),
            Err(ProfileError::WrongShape(message)) if message.contains("09162000") && message.contains("NRW")
        ));
        let twins = r#"{"schema":2,"town":null,"children":[{"id":4,"birth":{"born":"2026-02-03"}},{"id":4,"birth":{"born":"2026-02-03"}}]}"#;
        assert_eq!(
            Profile::from_stored_json(twins),
            Err(ProfileError::Invalid(InvalidValue::DuplicateChildId(4)))
        );
        let message = crate::i18n::in_german(&ProfileError::FromTheFuture(3).message());
        assert!(message.contains("neueren Version"), "{message}");
    }

    #[test]
    fn export_round_trip_and_checks() {
        let text = mia().to_export_json(d("2026-11-21"));
        assert!(text.contains(r#""app": "kekiz-begleiter""#));
        assert!(text.contains(r#""exported": "2026-11-21""#));
        assert!(text.contains(r#""schema": 4"#));
        assert_eq!(parse_export(&text), Ok(mia()));
        // Marks travel with the export.
        let mut marked = mia();
        crate::done::mark_done(
            &mut marked.children[0].done,
            crate::done::DoneKind::Checkup,
            "U4",
            Some(d("2026-08-20")),
        );
        let text = marked.to_export_json(d("2026-11-21"));
        assert_eq!(parse_export(&text), Ok(marked));
        assert_eq!(
            export_file_name(d("2026-11-21")),
            "kekiz-begleiter-2026-11-21.json"
        );

        let v1 = r#"{"app":"kekiz-begleiter","exported":"2025-01-01","profile":{"schema":1,"town":"05566012","birth_date":"2024-12-01","due_date":null,"child_name":null}}"#;
        assert_eq!(parse_export(v1).expect("migrates").children.len(), 1);
        assert_eq!(
            parse_export(r#"{"app":"other","profile":{}}"#),
            Err(ProfileError::NotAnExport)
        );
        assert_eq!(
            parse_export(r#"{"schema":2,"town":null,"children":[]}"#),
            Err(ProfileError::NotAnExport)
        );
        let no_date =
            r#"{"app":"kekiz-begleiter","profile":{"schema":2,"town":null,"children":[]}}"#;
        assert!(matches!(
            parse_export(no_date),
            Err(ProfileError::WrongShape(_))
        ));
        let future = r#"{"app":"kekiz-begleiter","exported":"2026-01-01","profile":{"schema":9}}"#;
        assert_eq!(parse_export(future), Err(ProfileError::FromTheFuture(9)));

        let towns = vec![Town {
            ags: "05566012".parse().expect("test town"),
            name: "Greven, Stadt".to_owned(),
            kreis: "Steinfurt".to_owned(),
            kreisfrei: false,
            postcodes: vec!["48268".to_owned()],
            office: None,
            confidence: Default::default(),
        }];
        assert_eq!(mia().check_known_town(&towns), Ok(()));
        let elsewhere = Profile {
            language: None,
            town: Some("05566008".parse().expect("test town")),
            children: Vec::new(),
        };
        assert_eq!(
            elsewhere.check_known_town(&towns),
            Err(ProfileError::Invalid(InvalidValue::UnknownTown(
                "05566008".to_owned()
            )))
        );
    }

    #[test]
    fn children_get_stable_ids() {
        let mut profile = mia();
        assert_eq!(
            profile.add_child(Some(" Ben ".to_owned()), BirthInfo::Born(d("2025-01-01"))),
            Ok(3)
        );
        assert_eq!(
            profile.child(3).and_then(|c| c.nickname.as_deref()),
            Some("Ben")
        );
        assert!(profile.remove_child(2));
        assert!(!profile.remove_child(2));
        assert_eq!(
            profile.add_child(Some(String::new()), BirthInfo::Born(d("2025-01-01"))),
            Ok(4)
        );
        assert_eq!(profile.child(4).map(|c| c.nickname.clone()), Some(None));
        assert_eq!(
            Profile::default().add_child(None, BirthInfo::Born(d("2025-01-01"))),
            Ok(1)
        );
    }

    /// A profile with `count` children, each named `name`.
    fn family_of(count: u32, name: &str) -> Profile {
        Profile {
            language: None,
            town: None,
            children: (1..=count)
                .map(|id| Child {
                    id,
                    nickname: Some(name.to_owned()),
                    birth: BirthInfo::Born(d("2025-01-01")),
                    done: Vec::new(),
                })
                .collect(),
        }
    }

    #[test]
    fn at_most_twenty_children() {
        let cap = u32::try_from(MAX_CHILDREN).expect("small cap");
        let full = family_of(cap, "Mia");
        let stored = full.to_stored_json();
        assert_eq!(Profile::from_stored_json(&stored), Ok(full.clone()));
        assert_eq!(
            parse_export(&full.to_export_json(d("2026-11-21"))),
            Ok(full.clone())
        );

        let crowded = family_of(cap + 1, "Mia");
        let refused = Err(ProfileError::Invalid(InvalidValue::TooManyChildren));
        assert_eq!(
            Profile::from_stored_json(&crowded.to_stored_json()),
            refused
        );
        assert_eq!(
            parse_export(&crowded.to_export_json(d("2026-11-21"))),
            refused
        );
        assert_eq!(
            crate::i18n::in_german(&InvalidValue::TooManyChildren.message()),
            "Die App kann höchstens 20 Kinder verwalten."
        );

        let mut adding = full;
        assert_eq!(
            adding.add_child(None, BirthInfo::Born(d("2025-01-01"))),
            Err(InvalidValue::TooManyChildren)
        );
        assert_eq!(adding.children.len(), MAX_CHILDREN, "nothing added");
    }

    #[test]
    fn nicknames_of_at_most_forty_characters() {
        // 40 characters, several of them two bytes long: the cap counts characters.
        let forty = "Ä".repeat(NICKNAME_MAX_CHARS);
        let ok = family_of(2, &format!("  {forty}  "));
        let read = Profile::from_stored_json(&ok.to_stored_json()).expect("40 is fine");
        assert_eq!(read.children[0].nickname.as_deref(), Some(forty.as_str()));

        let long = format!("{forty}x");
        let refused = Err(ProfileError::Invalid(InvalidValue::NicknameTooLong));
        let profile = family_of(1, &long);
        assert_eq!(
            Profile::from_stored_json(&profile.to_stored_json()),
            refused
        );
        assert_eq!(
            parse_export(&profile.to_export_json(d("2026-11-21"))),
            refused
        );
        let v1 = format!(
            r#"{{"schema":1,"town":null,"birth_date":"2024-12-01","due_date":null,"child_name":"{long}"}}"#
        );
        assert_eq!(Profile::from_stored_json(&v1), refused);
        let message =
            crate::i18n::in_german(&ProfileError::from(InvalidValue::NicknameTooLong).message());
        assert_eq!(
            message,
            "Ein Name ist länger als 40 Zeichen. Die App speichert Namen mit höchstens 40 Zeichen."
        );
        assert!(!message.contains(&long), "the name is not repeated");

        // Typed names are cut, when added and when changed.
        let mut typed = Profile::default();
        let id = typed
            .add_child(Some(format!(" {long} ")), BirthInfo::Born(d("2025-01-01")))
            .expect("room");
        assert_eq!(
            typed.child(id).and_then(|c| c.nickname.as_deref()),
            Some(forty.as_str())
        );
        assert!(typed.change_child(
            id,
            Some(format!("{long}yz")),
            BirthInfo::Expected(d("2027-01-01"))
        ));
        let child = typed.child(id).expect("still there");
        assert_eq!(child.nickname.as_deref(), Some(forty.as_str()));
        assert_eq!(child.birth, BirthInfo::Expected(d("2027-01-01")));
        assert!(typed.change_child(id, Some("  ".to_owned()), child.birth));
        assert_eq!(typed.child(id).map(|c| c.nickname.clone()), Some(None));
        assert!(!typed.change_child(99, None, BirthInfo::Born(d("2025-01-01"))));
        assert_eq!(
            Profile::from_stored_json(&typed.to_stored_json()),
            Ok(typed)
        );
    }

    #[test]
    fn import_files_of_at_most_256_kib() {
        assert_eq!(MAX_IMPORT_BYTES, 262_144);
        assert_eq!(check_import_size(0), Ok(()));
        assert_eq!(check_import_size(MAX_IMPORT_BYTES), Ok(()));
        assert_eq!(
            check_import_size(MAX_IMPORT_BYTES + 1),
            Err(ProfileError::TooLarge(MAX_IMPORT_BYTES + 1))
        );
        let twenty_mb = 20 * 1024 * 1024;
        assert_eq!(
            crate::i18n::in_german(&check_import_size(twenty_mb).unwrap_err().message()),
            "Die Datei ist zu groß (20,0 MB). Eine Export-Datei des KeKiz-Begleiters ist höchstens 256 KB groß."
        );
        assert_eq!(
            crate::i18n::in_german(&ProfileError::TooLarge(300_000).message()),
            "Die Datei ist zu groß (293,0 KB). Eine Export-Datei des KeKiz-Begleiters ist höchstens 256 KB groß."
        );

        // The text is checked again in the core: a valid export padded past the cap is refused
        // before it is parsed, one byte less is read.
        let export = mia().to_export_json(d("2026-11-21"));
        let cap = usize::try_from(MAX_IMPORT_BYTES).expect("fits");
        let padded = format!("{export}{}", " ".repeat(cap - export.len()));
        assert_eq!(parse_export(&padded), Ok(mia()));
        let over = format!("{padded} ");
        assert_eq!(
            parse_export(&over),
            Err(ProfileError::TooLarge(MAX_IMPORT_BYTES + 1))
        );
    }

    #[test]
    fn onboarding_input() {
        let today = d("2026-11-21");
        let ok = |b| validate_child_input(b, today);
        assert_eq!(ok(BirthInfo::Born(d("2026-11-21"))), Ok(()));
        assert_eq!(
            ok(BirthInfo::Born(d("2026-11-22"))),
            Err(ChildInputError::BirthInFuture)
        );
        assert_eq!(ok(BirthInfo::Born(d("2008-11-22"))), Ok(()));
        assert_eq!(
            ok(BirthInfo::Born(d("2008-11-21"))),
            Err(ChildInputError::OlderThan18)
        );
        assert_eq!(ok(BirthInfo::Expected(d("2026-11-07"))), Ok(()));
        assert_eq!(
            ok(BirthInfo::Expected(d("2026-11-06"))),
            Err(ChildInputError::DueDateInPast)
        );
        assert_eq!(ok(BirthInfo::Expected(d("2027-09-21"))), Ok(()));
        assert_eq!(
            ok(BirthInfo::Expected(d("2027-09-22"))),
            Err(ChildInputError::DueDateTooFar)
        );
        assert_eq!(
            crate::i18n::in_german(&ChildInputError::BirthInFuture.message()),
            "Das Geburtsdatum liegt in der Zukunft. Für ein erwartetes Kind wählen Sie bitte „Entbindungstermin“."
        );
        assert!(
            crate::i18n::in_german(&ChildInputError::DueDateInPast.message())
                .contains("schon geboren")
        );
    }

    #[test]
    fn migrates_schema_2_to_3_without_marks_and_reads_marks_of_3() {
        let v2 = r#"{"schema":2,"town":"05566012","children":[{"id":1,"nickname":"Mia","birth":{"born":"2026-05-03"}},{"id":2,"birth":{"expected":"2027-01-10"}}]}"#;
        let profile = Profile::from_stored_json(v2).expect("migrates");
        assert_eq!(profile, mia());
        assert!(profile.children.iter().all(|c| c.done.is_empty()));
        assert!(profile.to_stored_json().starts_with(r#"{"schema":4,"#));
        let v3 = r#"{"schema":3,"town":null,"children":[{"id":1,"birth":{"born":"2026-05-03"},"done":[{"kind":"checkup","id":"U4","on":"2026-08-20"},{"kind":"deadline","id":"kindergeld"}]}]}"#;
        let profile = Profile::from_stored_json(v3).expect("reads");
        let done = &profile.children[0].done;
        assert_eq!(done.len(), 2);
        assert_eq!(done[0].on, Some(d("2026-08-20")));
        assert_eq!(done[1].kind, crate::done::DoneKind::Deadline);
        assert_eq!(
            profile.to_stored_json(),
            v3.replace(r#""schema":3"#, r#""schema":4"#),
            "stored back byte for byte, as schema 4"
        );
    }

    #[test]
    fn marks_belong_to_one_child() {
        let mut profile = mia();
        assert!(profile.mark_done(2, DoneKind::Deadline, "kindergeld", None));
        assert!(!profile.mark_done(9, DoneKind::Deadline, "kindergeld", None));
        assert!(profile.children[0].done.is_empty());
        assert_eq!(profile.children[1].done.len(), 1);
        assert!(!profile.unmark_done(1, DoneKind::Deadline, "kindergeld"));
        assert!(profile.unmark_done(2, DoneKind::Deadline, "kindergeld"));
        assert_eq!(profile, mia());
    }
}

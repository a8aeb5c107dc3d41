//! The built directory as the app loads it: the town index, youth offices, offers and statewide items.
//!
//! The data tool (`kekiz-data build`) writes these types as JSON; the app reads them. The editors'
//! TOML sources are parsed by the data tool into these same types. Shaped after Open Referral HSDS
//! (organization, service, location, schedule) with month-level age ranges as an extension.

use crate::date::AsOf;
use crate::validation::{Email, Phone, WebUrl};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Version of the JSON layout; the app refuses files of another version.
pub const FORMAT_VERSION: u32 = 2;

/// Official municipality key (Amtlicher Gemeindeschlüssel), 8 digits, e.g. "05566012"; checked
/// when read.
pub type Ags = TownKey;

pub use crate::validation::{OfferId, OfficeId, TownKey};

/// The index every device loads first: all towns, every known office, statewide items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DirectoryIndex {
    /// Layout version, [`FORMAT_VERSION`].
    pub format: u32,
    /// Newest `as_of` of any entry in the whole directory ("Stand der Angebote"); newest by the
    /// order of [`AsOf`] (earliest day it may stand for), so it never claims fresher than a source.
    pub as_of: AsOf,
    /// Attribution lines that the licences of the shipped data ask for.
    pub attribution: Vec<String>,
    /// All NRW towns, sorted by AGS.
    pub towns: Vec<Town>,
    /// Every youth office known by name, sorted by id.
    pub offices: Vec<OfficeSummary>,
    /// Check-ups, deadlines and statewide help valid everywhere in NRW.
    pub statewide: Statewide,
}

/// A municipality (Gemeinde) of NRW.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Town {
    /// Official key, 8 digits.
    pub ags: Ags,
    /// Official name as Destatis writes it, e.g. "Greven, Stadt".
    pub name: String,
    /// Name of the Kreis or kreisfreie Stadt, e.g. "Steinfurt".
    pub kreis: String,
    /// Whether the town is a kreisfreie Stadt (and so has its own youth office).
    pub kreisfrei: bool,
    /// Every postcode that touches the town; one postcode may belong to several towns.
    pub postcodes: Vec<String>,
    /// The youth office responsible for the town, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<OfficeId>,
    /// How sure the assignment of `office` is; the app says so when it is not confirmed.
    #[serde(default, skip_serializing_if = "Confidence::is_confirmed")]
    pub confidence: Confidence,
}

/// How well a public source backs a town's assignment to its youth office.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// A source names the office as responsible for the town.
    #[default]
    Confirmed,
    /// Follows from a source's complete list of the towns a Kreis serves (or of those it does not).
    Derived,
    /// No source settles it yet; the app names the office but says it is not yet confirmed.
    Unverified,
}

impl Confidence {
    /// Whether a source names the assignment directly (the default, left out of the JSON).
    pub fn is_confirmed(&self) -> bool {
        *self == Confidence::Confirmed
    }
}

/// What the index says about one youth office, enough to name it and to fetch its file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfficeSummary {
    /// Office id, also the stem of its data file.
    pub id: OfficeId,
    /// Name, e.g. "Kreis Steinfurt, Jugendamt".
    pub name: String,
    /// The Kreis (or kreisfreie Stadt) the office lies in.
    pub kreis: String,
    /// Path of its data file relative to the data folder ("offices/<id>.json"), when published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Size of that file in bytes, so a volunteer sees what keeping it offline costs.
    #[serde(default)]
    pub file_bytes: u64,
    /// Newest `as_of` in that file (by the order of [`AsOf`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<AsOf>,
}

/// One youth office's published file: the office, its welcome-visit service, its offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfficeFile {
    /// Layout version, [`FORMAT_VERSION`].
    pub format: u32,
    /// Newest `as_of` of any entry in this file (by the order of [`AsOf`]); `None` when no entry
    /// carries a date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<AsOf>,
    /// The office itself.
    pub office: Office,
    /// Its welcome-visit service (Babybegrüßungsdienst), when one is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub welcome: Option<WelcomeService>,
    /// Its offers, sorted by id.
    #[serde(default)]
    pub offers: Vec<Offer>,
}

/// A youth office (Jugendamt), an HSDS organization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Office {
    /// Office id.
    pub id: OfficeId,
    /// Name, e.g. "Stadt Lünen, Jugendamt".
    pub name: String,
    /// What kind of body runs it.
    pub kind: OfficeKind,
    /// The Kreis the office lies in.
    pub kreis: String,
    /// AGS of every town this office serves.
    pub towns: Vec<Ags>,
    /// Postal address, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// How to reach it; unknown parts stay empty.
    #[serde(default)]
    pub contact: Contact,
    /// Where these facts were read.
    pub source: String,
    /// The date the source gives: the day, or only the year; `None` when the source gives no
    /// date ("Stand unbekannt").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<AsOf>,
}

/// What kind of body runs a youth office (AG-KJHG NRW §1a/§2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OfficeKind {
    /// A kreisfreie Stadt, by law its own youth office.
    KreisfreieStadt,
    /// A Kreis, for the towns of its area without an office of their own.
    Kreis,
    /// The StädteRegion Aachen.
    Staedteregion,
    /// A town within a Kreis that runs its own youth office.
    KreisangehoerigeStadt,
}

impl OfficeKind {
    /// The word the data files use, e.g. "kreisangehoerige-stadt".
    pub fn as_str(self) -> &'static str {
        match self {
            OfficeKind::KreisfreieStadt => "kreisfreie-stadt",
            OfficeKind::Kreis => "kreis",
            OfficeKind::Staedteregion => "staedteregion",
            OfficeKind::KreisangehoerigeStadt => "kreisangehoerige-stadt",
        }
    }
}

/// The welcome-visit service of an office (Babybegrüßungsdienst, Willkommensbesuch).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WelcomeService {
    /// Name as families meet it, e.g. "SIMBA – Sicher mit Baby".
    pub name: String,
    /// What happens, in a sentence or two.
    #[serde(default)]
    pub description: String,
    /// When the visit usually comes, in words, e.g. "etwa 8 bis 10 Wochen nach der Geburt".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timing: Option<String>,
    /// How to reach it; unknown parts stay empty.
    #[serde(default)]
    pub contact: Contact,
    /// Where these facts were read.
    pub source: String,
    /// The date the source gives: the day, or only the year; `None` when the source gives no
    /// date ("Stand unbekannt").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<AsOf>,
    /// Translations of this entry's texts by language, e.g. `{"tr": {"description": "…"}}`;
    /// German is the entry's own fields. Shown when the app is in that language.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: Translations,
}

/// Phone, e-mail and web page; each is absent when no public source names it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// Phone number as written, e.g. "02551 69-2305" (checked when read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Phone>,
    /// E-mail address (checked when read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Email>,
    /// Web page, only an https URL (checked when read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web: Option<WebUrl>,
}

/// A postal address; unknown parts stay empty.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Address {
    /// Street and number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// Postcode, 5 digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    /// Town or district.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
}

/// A support offer, an HSDS service at a location.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Offer {
    /// Id, unique across the whole directory.
    pub id: OfferId,
    /// Title, e.g. "Schnullercafé Merzenich".
    pub title: String,
    /// Short description in plain German.
    #[serde(default)]
    pub description: String,
    /// Kind of offer.
    pub category: Category,
    /// Ages it is for; `None` when the source names no age group (the app then lists the offer
    /// apart, "Altersgruppe nicht angegeben", and never guesses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<AgeRange>,
    /// AGS of the towns it serves; empty means the whole area of its office.
    #[serde(default)]
    pub towns: Vec<Ags>,
    /// Where it takes place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// When it takes place.
    #[serde(default)]
    pub schedule: Schedule,
    /// Languages spoken, as ISO 639-1 codes ("de", "tr", …); empty when unknown.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Cost in words ("kostenlos"), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<String>,
    /// Whether one has to register first.
    #[serde(default)]
    pub registration: Registration,
    /// How to reach it.
    #[serde(default)]
    pub contact: Contact,
    /// Where these facts were read.
    pub source: String,
    /// The date the source gives: the day, or only the year; `None` when the source gives no
    /// date ("Stand unbekannt").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<AsOf>,
    /// Translations of this entry's texts by language, e.g. `{"tr": {"description": "…"}}`;
    /// German is the entry's own fields. Shown when the app is in that language.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: Translations,
}

/// Kind of offer along the prevention chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// Cafés and groups where parents meet (Schnullercafé, Babytreff, Elterncafé).
    Treffpunkt,
    /// Counselling (Erziehungsberatung, Mütterberatung).
    Beratung,
    /// Health: family midwives and nurses, hospital programmes.
    Gesundheit,
    /// A Familienbüro: information and guidance in one place.
    Familienbuero,
    /// Family centres (Familienzentren) and their Kitas.
    Familienzentrum,
    /// Movement and sport.
    Bewegung,
    /// Courses and education for parents.
    Bildung,
    /// Anything else.
    Sonstiges,
    /// A kind a newer data file names that this app does not know: listed apart.
    #[serde(other)]
    Unknown,
}

/// Age range in completed months, both ends inclusive; negative months are pregnancy
/// (-1 = the last month before the due date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgeRange {
    /// First month that fits.
    pub from_months: i32,
    /// Last month that fits.
    pub to_months: i32,
}

/// Where an offer takes place; unknown parts stay empty.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Name of the building or venue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Postal address.
    #[serde(default)]
    pub address: Address,
    /// Latitude (WGS84), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude (WGS84), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
}

/// When an offer takes place: weekly slots, free text, or both; empty when unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    /// Regular weekly times.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weekly: Vec<WeeklySlot>,
    /// Anything the slots cannot say, e.g. "in den Schulferien geschlossen".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// One weekly time slot, e.g. Mondays 10:00-12:00, or only the 2nd and 4th Monday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeeklySlot {
    /// Day of the week.
    pub day: Weekday,
    /// Opening time "HH:MM".
    pub opens: String,
    /// Closing time "HH:MM".
    pub closes: String,
    /// Only these weeks of the month (1-5); empty means every week.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weeks_of_month: Vec<u8>,
}

/// Day of the week, as German two-letter abbreviations in the data ("mo" … "so").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    /// Montag.
    Mo,
    /// Dienstag.
    Di,
    /// Mittwoch.
    Mi,
    /// Donnerstag.
    Do,
    /// Freitag.
    Fr,
    /// Samstag.
    Sa,
    /// Sonntag.
    So,
    /// A day word a newer data file uses that this app does not know: the slot is left out.
    #[serde(other)]
    Unknown,
}

/// Whether an offer needs registration beforehand.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Registration {
    /// Registration is needed.
    Yes,
    /// One can just come.
    No,
    /// No source says.
    #[default]
    Unknown,
}

/// Items valid in all of NRW: check-ups, deadlines and help lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statewide {
    /// Child check-ups U1 to J1, in order.
    pub checkups: Vec<CheckupRule>,
    /// Deadlines parents face after a birth.
    pub deadlines: Vec<DeadlineRule>,
    /// Emergency numbers and help lines ("Hilfe im Notfall"), in the order the app shows them;
    /// empty in files built before they existed.
    #[serde(default)]
    pub helplines: Vec<Helpline>,
}

/// An emergency number or help line valid in all of NRW, as a public source names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Helpline {
    /// Id, e.g. "notruf-112".
    pub id: String,
    /// Name as people know it, e.g. "Notruf: Feuerwehr und Rettungsdienst".
    pub name: String,
    /// When to call, in plain German.
    pub purpose: String,
    /// Numbers to call, as written; empty when the help is reached only on the web.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<HelplinePhone>,
    /// Web page, an https URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web: Option<String>,
    /// When it can be reached, in words, e.g. "rund um die Uhr".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    /// What a call costs, in words, e.g. "kostenlos".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<String>,
    /// Languages spoken, in words, e.g. "mehrsprachig".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub languages: Option<String>,
    /// What to keep in mind, e.g. when to call 112 instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caveat: Option<String>,
    /// Where these facts were read.
    pub source: String,
    /// The date the source gives: the day, or only the year; `None` when the source gives no
    /// date ("Stand unbekannt").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<AsOf>,
    /// Translations of this entry's texts by language, e.g. `{"tr": {"description": "…"}}`;
    /// German is the entry's own fields. Shown when the app is in that language.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: Translations,
}

/// One number of a help line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelplinePhone {
    /// The number as written: a full number ("0228 19240") or a short number ("112", "116 117").
    pub number: String,
    /// What sets this number apart from the others, e.g. "vom Handy".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// A child check-up (U-Untersuchung) and its windows in "n-th unit of life" terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckupRule {
    /// Short name, e.g. "U4".
    pub id: String,
    /// What it is about, in a few words.
    #[serde(default)]
    pub description: String,
    /// The official window.
    pub official: LifeSpan,
    /// The tolerance window, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<LifeSpan>,
    /// Where the windows were read.
    pub source: String,
    /// The date the source gives: the day, or only the year; `None` when the source gives no
    /// date ("Stand unbekannt").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<AsOf>,
    /// Translations of this entry's texts by language, e.g. `{"tr": {"description": "…"}}`;
    /// German is the entry's own fields. Shown when the app is in that language.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: Translations,
}

/// A span of life: from the first day of the `from`-th unit of life to the last day of the
/// `to`-th unit, plus `extra_days` (so "4.5th month" is `to = 4, extra_days = 15`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LifeSpan {
    /// Unit the numbers count in.
    pub unit: LifeUnit,
    /// First unit of life, counting from 1 (the 1st day of life is the day of birth).
    pub from: u32,
    /// Last unit of life, inclusive.
    pub to: u32,
    /// Days added after the end of the `to`-th unit.
    #[serde(default)]
    pub extra_days: u32,
}

/// Unit of a [`LifeSpan`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LifeUnit {
    /// Days of life.
    Day,
    /// Weeks of life.
    Week,
    /// Months of life.
    Month,
    /// Years of life.
    Year,
}

/// A deadline parents face after a birth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeadlineRule {
    /// Id, e.g. "elterngeld".
    pub id: String,
    /// Title, e.g. "Elterngeld beantragen".
    pub title: String,
    /// What to do and why the date matters, in plain German.
    pub description: String,
    /// How the date follows from the birth date.
    pub due: DueRule,
    /// What applying after the date still brings, when the claim does not simply end then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub late: Option<LateRule>,
    /// The law behind it, e.g. "§ 7 Abs. 1 BEEG".
    pub legal_basis: String,
    /// Where it was read.
    pub source: String,
    /// The date the source gives: the day, or only the year; `None` when the source gives no
    /// date ("Stand unbekannt").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<AsOf>,
    /// Translations of this entry's texts by language, e.g. `{"tr": {"description": "…"}}`;
    /// German is the entry's own fields. Shown when the app is in that language.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: Translations,
}

/// What applying after a deadline's date still brings (the rule of law behind "better late than
/// never"); the app words it as an action with its consequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case", try_from = "LateRuleFields")]
pub enum LateRule {
    /// Paid back for the `months` months of life before the month of life in which the
    /// application arrives, and at most up to the `last_life_month`-th month of life (Elterngeld:
    /// 3 months, § 7 Abs. 1 BEEG; Basiselterngeld until the 14th month, § 4 Abs. 1 BEEG).
    RetroLifeMonths {
        /// Months of life paid back.
        months: u32,
        /// The last month of life for which anything is paid.
        last_life_month: u32,
    },
    /// Paid back for the `months` calendar months before the month in which the application
    /// arrives (Kindergeld: 6, § 66 Abs. 3 EStG), while the first month paid lies before
    /// `until_months` of age (Kindergeld: a child under 18, § 32 Abs. 3 EStG).
    RetroCalendarMonths {
        /// Calendar months paid back.
        months: u32,
        /// The age in months from which the claim no longer applies.
        until_months: u32,
    },
    /// A need notified today is met `months` later at the earliest, never before `from_months` of
    /// age, and only while that is before `until_months` of age (Kita: 6 months ahead, § 5 KiBiz;
    /// from the 1st birthday, § 24 Abs. 2 SGB VIII).
    NoticeAhead {
        /// Months between the notice and the earliest start.
        months: u32,
        /// The earliest age in months for a start.
        from_months: u32,
        /// The age in months from which the claim no longer applies.
        until_months: u32,
    },
    /// A rule of a newer data file that this app does not know: the deadline shows as passed.
    #[serde(other)]
    Unknown,
}

/// How a deadline's date follows from the birth date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "rule",
    content = "value",
    rename_all = "snake_case",
    try_from = "DueRuleFields"
)]
pub enum DueRule {
    /// Birth date plus this many days (birth registration: 7).
    DaysAfterBirth(u32),
    /// The last day of the n-th month of life (Elterngeld: 3).
    EndOfLifeMonth(u32),
    /// The last day of the calendar month this many months after the birth month (Kindergeld: 6).
    EndOfCalendarMonthAfterBirth(u32),
    /// Birth date plus this many months (Kita notice for a place from the 1st birthday: 6).
    MonthsAfterBirth(u32),
}

// The two rules are read through flat structs: serde's tagged enums buffer every field before
// they look at the tag, which made `DeadlineRule` the largest parser in the wasm. The JSON is
// the same; `rules_read_as_the_tagged_enums_wrote_them` checks both ways.

/// A [`LateRule`] as it lies in JSON: the tag and every field any rule has.
#[derive(Deserialize)]
struct LateRuleFields {
    rule: String,
    months: Option<u32>,
    last_life_month: Option<u32>,
    from_months: Option<u32>,
    until_months: Option<u32>,
}

impl TryFrom<LateRuleFields> for LateRule {
    type Error = String;

    fn try_from(fields: LateRuleFields) -> Result<LateRule, String> {
        let need = |value: Option<u32>, name: &str| {
            value.ok_or_else(|| format!("missing field `{name}` of late rule `{}`", fields.rule))
        };
        Ok(match fields.rule.as_str() {
            "retro_life_months" => LateRule::RetroLifeMonths {
                months: need(fields.months, "months")?,
                last_life_month: need(fields.last_life_month, "last_life_month")?,
            },
            "retro_calendar_months" => LateRule::RetroCalendarMonths {
                months: need(fields.months, "months")?,
                until_months: need(fields.until_months, "until_months")?,
            },
            "notice_ahead" => LateRule::NoticeAhead {
                months: need(fields.months, "months")?,
                from_months: need(fields.from_months, "from_months")?,
                until_months: need(fields.until_months, "until_months")?,
            },
            _ => LateRule::Unknown,
        })
    }
}

/// A [`DueRule`] as it lies in JSON.
#[derive(Deserialize)]
struct DueRuleFields {
    rule: String,
    value: u32,
}

impl TryFrom<DueRuleFields> for DueRule {
    type Error = String;

    fn try_from(fields: DueRuleFields) -> Result<DueRule, String> {
        Ok(match fields.rule.as_str() {
            "days_after_birth" => DueRule::DaysAfterBirth(fields.value),
            "end_of_life_month" => DueRule::EndOfLifeMonth(fields.value),
            "end_of_calendar_month_after_birth" => {
                DueRule::EndOfCalendarMonthAfterBirth(fields.value)
            }
            "months_after_birth" => DueRule::MonthsAfterBirth(fields.value),
            other => return Err(format!("unknown due rule `{other}`")),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_built_before_help_lines_reads_with_none() {
        let statewide: Statewide =
            serde_json::from_str(r#"{"checkups":[],"deadlines":[]}"#).expect("reads");
        assert!(statewide.helplines.is_empty());
    }

    /// `value` written with its Serialize and read with its Deserialize gives `value` again.
    fn reads_back_as_written<T>(value: &T)
    where
        T: Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        let json = serde_json::to_string(value).expect("writes");
        assert_eq!(
            &serde_json::from_str::<T>(&json).expect("reads"),
            value,
            "{json}"
        );
    }

    #[test]
    fn rules_read_as_the_tagged_enums_wrote_them() {
        let late = [
            LateRule::RetroLifeMonths {
                months: 3,
                last_life_month: 14,
            },
            LateRule::RetroCalendarMonths {
                months: 6,
                until_months: 216,
            },
            LateRule::NoticeAhead {
                months: 6,
                from_months: 12,
                until_months: 72,
            },
        ];
        late.iter().for_each(reads_back_as_written);
        let due = [
            DueRule::DaysAfterBirth(7),
            DueRule::EndOfLifeMonth(3),
            DueRule::EndOfCalendarMonthAfterBirth(6),
            DueRule::MonthsAfterBirth(6),
        ];
        due.iter().for_each(reads_back_as_written);
        // A rule of a newer data file reads as Unknown; a known one lacking a field does not read.
        let newer = r#"{"rule":"paid_twice","months":2,"weeks":3}"#;
        assert_eq!(
            serde_json::from_str::<LateRule>(newer).expect("reads"),
            LateRule::Unknown
        );
        let short = r#"{"rule":"notice_ahead","months":6}"#;
        let error = serde_json::from_str::<LateRule>(short)
            .expect_err("refused")
            .to_string();
        assert!(error.contains("from_months"), "{error}");
        let unknown = r#"{"rule":"days_after_new_year","value":1}"#;
        assert!(serde_json::from_str::<DueRule>(unknown).is_err());
    }

    #[test]
    fn a_help_line_writes_only_what_is_known() {
        let helpline = Helpline {
            translations: Default::default(),
            id: "notruf-112".into(),
            name: "Notruf".into(),
            purpose: "Bei Lebensgefahr.".into(),
            phones: vec![HelplinePhone {
                number: "112".into(),
                label: None,
            }],
            web: None,
            hours: Some("rund um die Uhr".into()),
            cost: None,
            languages: None,
            caveat: None,
            source: "s".into(),
            as_of: None,
        };
        let json = serde_json::to_string(&helpline).expect("writes");
        assert_eq!(
            json,
            r#"{"id":"notruf-112","name":"Notruf","purpose":"Bei Lebensgefahr.","phones":[{"number":"112"}],"hours":"rund um die Uhr","source":"s"}"#
        );
        assert_eq!(
            serde_json::from_str::<Helpline>(&json).expect("reads"),
            helpline
        );
    }
}

/// A data file as the app reads it: the town index or one office's file.
#[derive(Debug, Clone, PartialEq)]
pub enum DataFile {
    /// `/data/index.json`.
    Index(Box<DirectoryIndex>),
    /// `/data/offices/<id>.json`.
    Office(Box<OfficeFile>),
    /// `/data/statewide-<language>.json`.
    StatewideText(Box<StatewideTranslations>),
}

/// Why a data file cannot be used by this version of the app.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DataFileError {
    /// Not JSON of the expected shape (a missing field, a wrong type, a cut-off file).
    #[error("die Datei ist unvollständig oder anders aufgebaut, als diese Version erwartet ({0})")]
    Shape(String),
    /// Another data format than this app's.
    #[error("die Datei hat das Format {0}, diese Version der App liest Format {FORMAT_VERSION}")]
    Format(u32),
}

impl DataFileError {
    /// What the person reads.
    pub fn message(&self) -> crate::i18n::Msg {
        match self {
            DataFileError::Shape(detail) => {
                crate::i18n::Msg::new("data_file.shape").text("detail", detail)
            }
            DataFileError::Format(format) => crate::i18n::Msg::new("data_file.format")
                .num("format", i64::from(*format))
                .num("expected", i64::from(FORMAT_VERSION)),
        }
    }
}

/// Translations of an entry's texts: language code ("tr") → field name ("description") → text.
pub type Translations = BTreeMap<String, BTreeMap<String, String>>;

/// A text of the directory in the language shown when the data has it, else as the data gives
/// it (German): the text and the language it is in, for the `lang` attribute.
pub fn localized<'a>(
    translations: &'a Translations,
    field: &str,
    german: &'a str,
    language: &'a str,
) -> (&'a str, &'a str) {
    match translations
        .get(language)
        .and_then(|fields| fields.get(field))
        .map(|text| text.trim())
        .filter(|text| !text.is_empty())
    {
        Some(text) => (text, language),
        None => (german, DATA_LANGUAGE),
    }
}

/// The language of the directory's own texts.
pub const DATA_LANGUAGE: &str = "de";

/// The path of the town index, which every device keeps.
pub const INDEX_PATH: &str = "/data/index.json";

/// The statewide texts (check-ups, deadlines, help lines) in one language other than German,
/// kept out of the index so that a family loads only its own language:
/// `/data/statewide-<language>.json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StatewideTranslations {
    /// The data format ([`FORMAT_VERSION`]).
    pub format: u32,
    /// The language code ("tr").
    pub language: String,
    /// Field texts by check-up id.
    #[serde(default)]
    pub checkups: BTreeMap<String, BTreeMap<String, String>>,
    /// Field texts by deadline id.
    #[serde(default)]
    pub deadlines: BTreeMap<String, BTreeMap<String, String>>,
    /// Field texts by help line id.
    #[serde(default)]
    pub helplines: BTreeMap<String, BTreeMap<String, String>>,
}

/// The path of the statewide texts in `language`.
pub fn statewide_translations_path(language: &str) -> String {
    format!("/data/statewide-{language}.json")
}

impl Statewide {
    /// Takes the translations out of every entry, one file per language (sorted by language).
    pub fn take_translations(&mut self) -> Vec<StatewideTranslations> {
        let mut out: BTreeMap<String, StatewideTranslations> = BTreeMap::new();
        let mut put = |kind: u8, id: &str, translations: Translations| {
            for (language, fields) in translations {
                let entry = out
                    .entry(language.clone())
                    .or_insert_with(|| StatewideTranslations {
                        format: FORMAT_VERSION,
                        language,
                        ..StatewideTranslations::default()
                    });
                let table = match kind {
                    0 => &mut entry.checkups,
                    1 => &mut entry.deadlines,
                    _ => &mut entry.helplines,
                };
                table.insert(id.to_owned(), fields);
            }
        };
        for rule in &mut self.checkups {
            put(0, &rule.id, std::mem::take(&mut rule.translations));
        }
        for rule in &mut self.deadlines {
            put(1, &rule.id, std::mem::take(&mut rule.translations));
        }
        for line in &mut self.helplines {
            put(2, &line.id, std::mem::take(&mut line.translations));
        }
        out.into_values().collect()
    }

    /// Puts the texts of one language's file back into the entries they belong to.
    pub fn add_translations(&mut self, file: &StatewideTranslations) {
        let language = &file.language;
        let add = |translations: &mut Translations, texts: Option<&BTreeMap<String, String>>| {
            if let Some(texts) = texts {
                translations.insert(language.clone(), texts.clone());
            }
        };
        for rule in &mut self.checkups {
            add(&mut rule.translations, file.checkups.get(&rule.id));
        }
        for rule in &mut self.deadlines {
            add(&mut rule.translations, file.deadlines.get(&rule.id));
        }
        for line in &mut self.helplines {
            add(&mut line.translations, file.helplines.get(&line.id));
        }
    }
}

/// Reads the text of the data file at `path` (the town index at [`INDEX_PATH`], else an office
/// file) with the app's own types: a file that passes may replace a kept copy.
pub fn parse_data_file(path: &str, text: &str) -> Result<DataFile, DataFileError> {
    parse_data_file_with(&SerdeJson, path, text)
}

/// Reads JSON text into a type: [`SerdeJson`] natively; the app uses the browser's JSON.parse,
/// which keeps serde_json's parser out of its wasm.
pub trait JsonReader {
    /// The value of `text`, or why it is not JSON of that shape.
    fn read<T: serde::de::DeserializeOwned>(&self, text: &str) -> Result<T, String>;
}

/// serde_json as a [`JsonReader`].
#[derive(Debug, Clone, Copy, Default)]
pub struct SerdeJson;

impl JsonReader for SerdeJson {
    fn read<T: serde::de::DeserializeOwned>(&self, text: &str) -> Result<T, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
}

/// [`parse_data_file`] with another JSON reader: the kind of file follows from its path, and
/// only this app's data format passes.
pub fn parse_data_file_with(
    json: &impl JsonReader,
    path: &str,
    text: &str,
) -> Result<DataFile, DataFileError> {
    let file = if path == INDEX_PATH {
        DataFile::Index(Box::new(json.read(text).map_err(DataFileError::Shape)?))
    } else if path.starts_with("/data/statewide-") {
        DataFile::StatewideText(Box::new(json.read(text).map_err(DataFileError::Shape)?))
    } else {
        DataFile::Office(Box::new(json.read(text).map_err(DataFileError::Shape)?))
    };
    let format = match &file {
        DataFile::Index(index) => index.format,
        DataFile::Office(office) => office.format,
        DataFile::StatewideText(texts) => texts.format,
    };
    if format == FORMAT_VERSION {
        Ok(file)
    } else {
        Err(DataFileError::Format(format))
    }
}

#[cfg(test)]
mod data_file_tests {
    use super::*;

    const OFFICE: &str = r#"{"format":2,"office":{"id":"stadt-x","name":"Jugendamt X","kind":"kreisangehoerige-stadt","kreis":"X","towns":["05000001"],"source":"x.de (2024)","as_of":"2024"},"offers":[{"id":"x-cafe","title":"Café","category":"elterncafe-neu","schedule":{"weekly":[{"day":"mo","opens":"10:00","closes":"12:00"},{"day":"werktags","opens":"9:00","closes":"10:00"}]},"source":"x.de","as_of":"2024"}]}"#;

    #[test]
    fn statewide_translations_leave_the_index_and_come_back_per_language() {
        let mut statewide = Statewide {
            checkups: crate::testdata::checkup_rules(),
            deadlines: Vec::new(),
            helplines: Vec::new(),
        };
        let german = statewide.checkups[0].description.clone();
        statewide.checkups[0].translations.insert(
            "tr".to_owned(),
            BTreeMap::from([("description".to_owned(), "İlk muayene".to_owned())]),
        );
        let files = statewide.take_translations();
        assert_eq!(files.len(), 1);
        assert!(statewide.checkups.iter().all(|c| c.translations.is_empty()));
        let path = statewide_translations_path("tr");
        let text = serde_json::to_string(&files[0]).expect("serialises");
        let Ok(DataFile::StatewideText(file)) = parse_data_file(&path, &text) else {
            panic!("a statewide text file parses as one");
        };
        statewide.add_translations(&file);
        let rule = &statewide.checkups[0];
        assert_eq!(
            localized(&rule.translations, "description", &german, "tr"),
            ("İlk muayene", "tr")
        );
    }

    #[test]
    fn a_newer_category_or_day_word_degrades_instead_of_rejecting_the_file() {
        let Ok(DataFile::Office(file)) = parse_data_file("/data/offices/stadt-x.json", OFFICE)
        else {
            panic!("an unknown category must not reject the file");
        };
        assert_eq!(file.offers[0].category, Category::Unknown);
        assert_eq!(file.offers[0].schedule.weekly[1].day, Weekday::Unknown);
        assert_eq!(file.offers[0].schedule.weekly[0].day, Weekday::Mo);
    }

    #[test]
    fn a_file_the_types_reject_or_of_another_format_is_refused() {
        let broken = OFFICE.replace(r#""title":"Café","#, "");
        assert!(matches!(
            parse_data_file("/data/offices/stadt-x.json", &broken),
            Err(DataFileError::Shape(_))
        ));
        let other = OFFICE.replacen(r#""format":2"#, r#""format":3"#, 1);
        assert_eq!(
            parse_data_file("/data/offices/stadt-x.json", &other),
            Err(DataFileError::Format(3))
        );
        assert!(matches!(
            parse_data_file(INDEX_PATH, OFFICE),
            Err(DataFileError::Shape(_))
        ));
        assert!(
            parse_data_file("/data/offices/stadt-x.json", &OFFICE[..OFFICE.len() / 2]).is_err()
        );
    }
}

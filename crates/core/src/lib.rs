//! The KeKiz-Begleiter domain: pure Rust, no browser, tested natively.
//!
//! Called by the app (`src/`) and the data editors' tool (`crates/data-tool`).

/// A child's age from birth or due date: days, weeks, months, years, weeks of pregnancy.
pub mod age;
/// "In den Kalender": a child's check-ups and deadlines as an iCalendar (.ics) text.
pub mod calendar;
/// Child check-ups (U1 to J1) as dates with a status.
pub mod checkup;
/// Calendar dates and their arithmetic.
pub mod date;
/// Deadlines after a birth (birth registration, Elterngeld, Kindergeld, Kita) as dates.
pub mod deadline;
/// The built directory as the app loads it (the JSON contract with the data tool).
pub mod directory;
/// "Erledigt" marks: check-ups and deadlines a family has marked done.
pub mod done;
/// The onboarding form's rules: typed fields to a child, and a message per wrong field.
pub mod form;
/// The volunteer's handover link (town and birth month only): make it, read it.
pub mod handover;
/// Screen words in many languages: catalogues, messages, plural rules, dates.
pub mod i18n;
/// Lower case without std's case tables (a smaller wasm).
mod lowercase;
/// What one child's page shows: offers now and next, check-ups, deadlines.
pub mod matching;
/// Which youth office is responsible for a town, and whether it has published data.
pub mod office;
/// The family profile stored on the phone, its migrations, export and import.
pub mod profile;
/// A QR code as SVG, made on the device.
pub mod qr;
/// One stable sort for every list (one copy of the sorting code in the wasm).
pub mod sort;
#[cfg(test)]
mod testdata;
/// Text folding (case, umlauts, ß) for search and sorting.
mod text;
/// Town search as people type, by name or postcode.
pub mod town;
/// Field validators for directory entries (phone, e-mail, web, AGS, ids, ages, times).
pub mod validation;
/// Dates, ages, age ranges, schedules and phone numbers in German words.
pub mod words;

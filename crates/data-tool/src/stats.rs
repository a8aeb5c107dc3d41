//! Coverage of a data folder for editors: towns with an office and with data, welcome contacts,
//! offers per office, and entries whose `as_of` is more than two years old.
//!
//! Called by `kekiz-data stats DIR`; prints a plain table.

use crate::build::town_offices;
use crate::source::{Dataset, Located};
use kekiz_core::date::{days_in_month, AsOf, Date};
use std::fmt::Write as _;
use std::path::PathBuf;

/// One row of the per-office table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeRow {
    /// Office id.
    pub id: String,
    /// Towns it serves.
    pub towns: usize,
    /// Offers in its file.
    pub offers: usize,
    /// Whether its welcome service names a phone, e-mail or web page.
    pub welcome_contact: bool,
    /// Whether it has a welcome service at all.
    pub welcome: bool,
}

/// An entry whose source is old.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleEntry {
    /// Its file.
    pub file: PathBuf,
    /// Its line.
    pub line: usize,
    /// How messages name it, e.g. `offer "greven-cafe-kinderwagen"`.
    pub entry: String,
    /// Its `as_of`: a day, or a year alone.
    pub as_of: AsOf,
}

/// The coverage figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// The day the figures refer to.
    pub today: Date,
    /// Entries whose `as_of` begins before this day count as old (a year from its 1 January).
    pub stale_before: Date,
    /// Towns in the town list.
    pub towns: usize,
    /// Towns whose youth office is known (office files plus kreisfreie Städte).
    pub towns_with_office: usize,
    /// Towns whose youth office has published a file.
    pub towns_with_data: usize,
    /// Offices known by name (office files plus kreisfreie Städte without a file).
    pub offices_known: usize,
    /// Offices per file, sorted by id.
    pub offices: Vec<OfficeRow>,
    /// Entries older than two years, oldest first.
    pub stale: Vec<StaleEntry>,
}

/// The same day two years earlier (29 February becomes 28 February).
pub fn two_years_before(today: Date) -> Date {
    let year = today.year() - 2;
    let day = today.day().min(days_in_month(year, today.month()));
    Date::new(year, today.month(), day).unwrap_or(today)
}

/// Computes the coverage of `data` as of `today`.
pub fn coverage(data: &Dataset, today: Date) -> Coverage {
    let stale_before = two_years_before(today);
    let known: std::collections::BTreeSet<&str> =
        data.towns.iter().map(|t| t.ags.as_str()).collect();
    let offices_of = town_offices(data);
    let published: std::collections::BTreeSet<String> = data
        .offices
        .iter()
        .filter_map(|f| f.office.as_ref().map(|o| o.value.id.clone()))
        .collect();
    let towns_with_office = offices_of
        .keys()
        .filter(|ags| known.contains(ags.as_str()))
        .count();
    let towns_with_data = offices_of
        .iter()
        .filter(|(ags, office)| known.contains(ags.as_str()) && published.contains(*office))
        .count();
    let mut offices_known: std::collections::BTreeSet<&String> = offices_of.values().collect();
    offices_known.extend(published.iter());
    let mut offices = Vec::new();
    let mut stale = Vec::new();
    // A year alone counts from its first day: "2024" is old once 2024-01-01 is.
    let mut note = |file: &PathBuf, line: usize, entry: String, as_of: AsOf| {
        if as_of.first_day() < stale_before {
            stale.push(StaleEntry {
                file: file.clone(),
                line,
                entry,
                as_of,
            });
        }
    };
    fn describe<T>(loc: &Located<T>) -> String {
        loc.entry.to_string()
    }
    for file in &data.offices {
        let Some(office) = &file.office else { continue };
        note(
            &office.file,
            office.line,
            describe(office),
            office.value.as_of,
        );
        if let Some(welcome) = &file.welcome {
            note(
                &welcome.file,
                welcome.line,
                describe(welcome),
                welcome.value.as_of,
            );
        }
        for offer in &file.offers {
            note(&offer.file, offer.line, describe(offer), offer.value.as_of);
        }
        let contact = file.welcome.as_ref().map(|w| &w.value.contact);
        offices.push(OfficeRow {
            id: office.value.id.clone(),
            towns: office.value.towns.len(),
            offers: file.offers.len(),
            welcome: file.welcome.is_some(),
            welcome_contact: contact
                .is_some_and(|c| c.phone.is_some() || c.email.is_some() || c.web.is_some()),
        });
    }
    if let Some(statewide) = &data.statewide {
        for checkup in &statewide.checkups {
            note(
                &checkup.file,
                checkup.line,
                describe(checkup),
                checkup.value.as_of,
            );
        }
        for deadline in &statewide.deadlines {
            note(
                &deadline.file,
                deadline.line,
                describe(deadline),
                deadline.value.as_of,
            );
        }
    }
    offices.sort_by(|a, b| a.id.cmp(&b.id));
    stale.sort_by(|a, b| (a.as_of, &a.file, a.line).cmp(&(b.as_of, &b.file, b.line)));
    Coverage {
        today,
        stale_before,
        towns: data.towns.len(),
        towns_with_office,
        towns_with_data,
        offices_known: offices_known.len(),
        offices,
        stale,
    }
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "-".to_owned()
    } else {
        format!("{:.0} %", part as f64 * 100.0 / whole as f64)
    }
}

/// The coverage as a plain text table.
pub fn render(c: &Coverage) -> String {
    let mut out = String::new();
    let with_contact = c.offices.iter().filter(|o| o.welcome_contact).count();
    let with_welcome = c.offices.iter().filter(|o| o.welcome).count();
    let offers: usize = c.offices.iter().map(|o| o.offers).sum();
    let _ = writeln!(out, "Abdeckung (Stand der Auswertung: {})", c.today);
    let _ = writeln!(out);
    let mut figure = |label: &str, value: usize, rest: String| {
        let _ = writeln!(out, "{:<38}{value:>5}{rest}", format!("{label}:"));
    };
    let of_towns = |n: usize| format!(" von {} ({})", c.towns, percent(n, c.towns));
    figure(
        "Orte mit bekanntem Jugendamt",
        c.towns_with_office,
        of_towns(c.towns_with_office),
    );
    figure(
        "Orte mit veröffentlichten Daten",
        c.towns_with_data,
        of_towns(c.towns_with_data),
    );
    let files = c.offices.len();
    figure(
        "Jugendämter mit Datei",
        files,
        format!(" von {} bekannten", c.offices_known),
    );
    figure(
        "  mit Begrüßungsdienst",
        with_welcome,
        format!(" von {files}"),
    );
    figure(
        "  mit Kontakt zum Begrüßungsdienst",
        with_contact,
        format!(" von {files} (Telefon, E-Mail oder Web)"),
    );
    figure("Angebote insgesamt", offers, String::new());
    let _ = writeln!(out);
    let width = c
        .offices
        .iter()
        .map(|o| o.id.chars().count())
        .max()
        .unwrap_or(0)
        .max("Jugendamt".len());
    let _ = writeln!(
        out,
        "{:<width$}  {:>4}  {:>8}  Begrüßungsdienst",
        "Jugendamt", "Orte", "Angebote"
    );
    let _ = writeln!(out, "{}", "-".repeat(width + 2 + 4 + 2 + 8 + 2 + 16));
    for o in &c.offices {
        let welcome = match (o.welcome, o.welcome_contact) {
            (true, true) => "ja, mit Kontakt",
            (true, false) => "ja, ohne Kontakt",
            (false, _) => "-",
        };
        let _ = writeln!(
            out,
            "{:<width$}  {:>4}  {:>8}  {}",
            o.id, o.towns, o.offers, welcome
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "Einträge mit Stand vor {} (älter als zwei Jahre): {}",
        c.stale_before,
        c.stale.len()
    );
    for s in &c.stale {
        let _ = writeln!(
            out,
            "  {:<10}  {}:{}  {}",
            s.as_of,
            s.file.display(),
            s.line,
            s.entry
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).expect("valid test date")
    }

    #[test]
    fn goes_back_two_years() {
        assert_eq!(two_years_before(date(2026, 11, 21)), date(2024, 11, 21));
        assert_eq!(two_years_before(date(2028, 2, 29)), date(2026, 2, 28));
    }
}

//! Coverage of a data folder for editors: towns with an office and with data, welcome contacts,
//! offers per office, and entries whose `as_of` is more than two years old.
//!
//! Called by `kekiz-data stats DIR`; prints a plain table.

use crate::build::town_offices;
use crate::source::{Dataset, Located};
use kekiz_core::date::{days_in_month, AsOf, Date};
use kekiz_core::directory::{Confidence, Contact};
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
    /// Whether the office itself names a phone, e-mail or web page.
    pub office_contact: bool,
}

/// An entry whose source is old, or gives no date at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedEntry {
    /// Its file.
    pub file: PathBuf,
    /// Its line.
    pub line: usize,
    /// How messages name it, e.g. `offer "greven-cafe-kinderwagen"`.
    pub entry: String,
    /// Its `as_of`: a day, a year alone, or `None` ("unbekannt").
    pub as_of: Option<AsOf>,
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
    /// Towns with a youth office, by confidence: confirmed, derived, unverified.
    pub towns_by_confidence: [usize; 3],
    /// Offices per file, sorted by id.
    pub offices: Vec<OfficeRow>,
    /// Statewide emergency numbers and help lines.
    pub helplines: usize,
    /// Entries older than two years, oldest first.
    pub stale: Vec<DatedEntry>,
    /// Entries whose source gives no date.
    pub undated: Vec<DatedEntry>,
    /// Assignments not yet confirmed, as messages naming file, line, town and field.
    pub unverified: Vec<String>,
}

/// The number of youth offices in NRW (LVR/LWL 2024), the figure the office count is read against.
pub const NRW_OFFICES: usize = 186;

/// The same day two years earlier (29 February becomes 28 February).
pub fn two_years_before(today: Date) -> Date {
    let year = today.year() - 2;
    let day = today.day().min(days_in_month(year, today.month()));
    Date::new(year, today.month(), day).unwrap_or(today)
}

fn has_contact(contact: &Contact) -> bool {
    contact.phone.is_some() || contact.email.is_some() || contact.web.is_some()
}

/// Computes the coverage of `data` as of `today`.
pub fn coverage(data: &Dataset, today: Date) -> Coverage {
    let stale_before = two_years_before(today);
    let known: std::collections::BTreeSet<&str> =
        data.towns.iter().map(|t| t.ags.as_str()).collect();
    let offices_of = town_offices(data);
    let mut towns_by_confidence = [0; 3];
    for (ags, (_, confidence)) in &offices_of {
        if known.contains(ags.as_str()) {
            towns_by_confidence[*confidence as usize] += 1;
        }
    }
    let mut offices = Vec::new();
    let mut stale = Vec::new();
    let mut undated = Vec::new();
    // A year alone counts from its first day: "2024" is old once 2024-01-01 is.
    let mut note = |file: &PathBuf, line: usize, entry: String, as_of: Option<AsOf>| {
        let row = DatedEntry {
            file: file.clone(),
            line,
            entry,
            as_of,
        };
        match as_of {
            None => undated.push(row),
            Some(date) if date.first_day() < stale_before => stale.push(row),
            Some(_) => {}
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
        offices.push(OfficeRow {
            id: office.value.id.to_string(),
            towns: offices_of
                .values()
                .filter(|(id, _)| office.value.id == *id)
                .count(),
            offers: file.offers.len(),
            welcome: file.welcome.is_some(),
            welcome_contact: file
                .welcome
                .as_ref()
                .is_some_and(|w| has_contact(&w.value.contact)),
            office_contact: has_contact(&office.value.contact),
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
        for helpline in &statewide.helplines {
            note(
                &helpline.file,
                helpline.line,
                describe(helpline),
                helpline.value.as_of,
            );
        }
    }
    let unverified = data
        .assignments
        .iter()
        .filter(|row| row.confidence == Some(Confidence::Unverified))
        .map(|row| {
            format!(
                "{}:{}: town \"{}\" ({}), field \"confidence\": unverified, office \"{}\"; the app says the assignment is not yet confirmed. {}",
                data.assignments_path.display(),
                row.line,
                row.ags,
                row.name,
                row.office_id,
                row.note
            )
            .trim_end()
            .to_owned()
        })
        .collect();
    offices.sort_by(|a, b| a.id.cmp(&b.id));
    stale.sort_by(|a, b| (a.as_of, &a.file, a.line).cmp(&(b.as_of, &b.file, b.line)));
    Coverage {
        today,
        stale_before,
        towns: data.towns.len(),
        towns_by_confidence,
        offices,
        helplines: data.statewide.as_ref().map_or(0, |s| s.helplines.len()),
        stale,
        undated,
        unverified,
    }
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "-".to_owned()
    } else {
        format!("{:.0} %", part as f64 * 100.0 / whole as f64)
    }
}

fn entry_lines(out: &mut String, entries: &[DatedEntry]) {
    for s in entries {
        let as_of = s
            .as_of
            .map_or_else(|| "unbekannt".to_owned(), |a| a.to_string());
        let _ = writeln!(
            out,
            "  {:<10}  {}:{}  {}",
            as_of,
            s.file.display(),
            s.line,
            s.entry
        );
    }
}

/// The coverage as a plain text table.
pub fn render(c: &Coverage) -> String {
    let mut out = String::new();
    let with_contact = c.offices.iter().filter(|o| o.welcome_contact).count();
    let with_welcome = c.offices.iter().filter(|o| o.welcome).count();
    let office_contact = c.offices.iter().filter(|o| o.office_contact).count();
    let offers: usize = c.offices.iter().map(|o| o.offers).sum();
    let [confirmed, derived, unverified] = c.towns_by_confidence;
    let with_office = confirmed + derived + unverified;
    let _ = writeln!(out, "Abdeckung (Stand der Auswertung: {})", c.today);
    let _ = writeln!(out);
    let mut figure = |label: &str, value: usize, rest: String| {
        let _ = writeln!(out, "{:<42}{value:>5}{rest}", format!("{label}:"));
    };
    let of_towns = |n: usize| format!(" von {} ({})", c.towns, percent(n, c.towns));
    figure("Orte mit Jugendamt", with_office, of_towns(with_office));
    figure("  belegt (confirmed)", confirmed, of_towns(confirmed));
    figure("  abgeleitet (derived)", derived, of_towns(derived));
    figure(
        "  unbestätigt (unverified)",
        unverified,
        of_towns(unverified),
    );
    let files = c.offices.len();
    figure(
        "Jugendämter mit Datei",
        files,
        format!(" von {NRW_OFFICES}"),
    );
    figure(
        "  mit eigenem Kontakt (Tel., E-Mail, Web)",
        office_contact,
        format!(" von {files}"),
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
    figure(
        "Notrufnummern und Hilfetelefone",
        c.helplines,
        " (landesweit)".to_owned(),
    );
    figure(
        "Einträge älter als zwei Jahre",
        c.stale.len(),
        format!(" (Stand vor {})", c.stale_before),
    );
    figure(
        "Einträge ohne Datum (Stand unbekannt)",
        c.undated.len(),
        String::new(),
    );
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
    entry_lines(&mut out, &c.stale);
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "Einträge, deren Quelle kein Datum nennt (Stand unbekannt): {}",
        c.undated.len()
    );
    entry_lines(&mut out, &c.undated);
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "Unbestätigte Zuordnungen von Orten zu Jugendämtern: {}",
        c.unverified.len()
    );
    for line in &c.unverified {
        let _ = writeln!(out, "  {line}");
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

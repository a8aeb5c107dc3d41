//! Checks what the values of a read data folder mean: formats, ranges, dates, ids, towns.
//!
//! Runs after `source::load` on everything that could be read; reports each problem as a
//! `Diagnostic` with file, line, entry and field. Fields that `source` already reported are skipped,
//! so one mistake gives one message. Field formats come from `kekiz_core::validation`.

use crate::diagnostic::{Diagnostic, Diagnostics, EntryRef};
use crate::source::{Dataset, Located, OfficeSource, StatewideSource, TownRow, ASSIGNMENTS_FILE};
use kekiz_core::date::{AsOf, Date};
use kekiz_core::directory::{Address, LifeSpan, LifeUnit, Offer, Office};
use kekiz_core::validation::{self, FieldError};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// Latitude range that NRW (with a margin) lies in.
const NRW_LAT: std::ops::RangeInclusive<f64> = 50.2..=52.6;
/// Longitude range that NRW (with a margin) lies in.
const NRW_LON: std::ops::RangeInclusive<f64> = 5.7..=9.6;

/// Runs every check on `data`; `today` is the date after which no `as_of` may lie.
pub fn validate(data: &Dataset, today: Date, diags: &mut Diagnostics) {
    let towns = check_towns(data, diags);
    let mut ids: BTreeMap<String, (PathBuf, usize)> = BTreeMap::new();
    let mut offer_ids: BTreeMap<String, (PathBuf, usize)> = BTreeMap::new();
    let offices: BTreeMap<&str, &Located<Office>> = data
        .offices
        .iter()
        .filter_map(|file| file.office.as_ref())
        .filter(|office| !office.value.id.is_empty())
        .map(|office| (office.value.id.as_str(), office))
        .collect();
    let served = check_assignments(data, &towns, &offices, diags);
    for file in &data.offices {
        let office_towns = match &file.office {
            Some(office) => {
                check_office(office, file, &towns, &served, today, diags);
                check_office_unique(office, &mut ids, diags);
                served
                    .get(office.value.id.as_str())
                    .map(|towns| towns.iter().map(|t| (*t).to_owned()).collect())
                    .unwrap_or_default()
            }
            None => BTreeSet::new(),
        };
        let office_id = file.office.as_ref().map(|o| o.value.id.as_str());
        if let Some(welcome) = &file.welcome {
            required_text(welcome, "name", &welcome.value.name, diags);
            optional_text(
                welcome,
                "description",
                Some(&welcome.value.description),
                diags,
            );
            optional_text(welcome, "timing", welcome.value.timing.as_deref(), diags);
            check_source(
                welcome,
                &welcome.value.source,
                welcome.value.as_of,
                today,
                diags,
            );
        }
        for offer in &file.offers {
            check_offer(offer, office_id, &office_towns, &towns, today, diags);
            if !offer.fields.is_reported("id") && !offer.value.id.is_empty() {
                let here = (offer.file.clone(), offer.line_of("id"));
                if let Some((file, line)) = offer_ids.get(offer.value.id.as_str()) {
                    let message = format!(
                        "the offer id \"{}\" is already used in {}:{line}; offer ids are unique across all files",
                        offer.value.id,
                        file.display()
                    );
                    error(diags, offer, "id", message);
                } else {
                    offer_ids.insert(offer.value.id.to_string(), here);
                }
            }
        }
    }
    if let Some(statewide) = &data.statewide {
        check_statewide(statewide, today, diags);
        check_helplines(statewide, today, diags);
    }
}

/// Reports a problem in `field` of `loc`, unless reading already reported that field.
fn error<T>(diags: &mut Diagnostics, loc: &Located<T>, field: &str, message: impl Into<String>) {
    if loc.fields.is_reported(field) {
        return;
    }
    diags.push(Diagnostic {
        file: loc.file.clone(),
        line: Some(loc.line_of(field)),
        entry: Some(loc.entry.clone()),
        field: Some(field.to_owned()),
        message: message.into(),
    });
}

fn field_error<T>(
    diags: &mut Diagnostics,
    loc: &Located<T>,
    field: &str,
    result: Result<(), FieldError>,
) {
    if let Err(err) = result {
        error(diags, loc, field, err.to_string());
    }
}

fn required_text<T>(loc: &Located<T>, field: &str, value: &str, diags: &mut Diagnostics) {
    if !loc.fields.present(field) {
        return; // reported as missing while reading
    }
    match validation::text(value) {
        Err(FieldError::Empty) => error(diags, loc, field, "must not be empty"),
        other => field_error(diags, loc, field, other),
    }
}

fn optional_text<T>(loc: &Located<T>, field: &str, value: Option<&str>, diags: &mut Diagnostics) {
    if let (Some(value), true) = (value, loc.fields.present(field)) {
        field_error(diags, loc, field, validation::text(value));
    }
}

fn check_source<T>(
    loc: &Located<T>,
    source: &str,
    as_of: Option<AsOf>,
    today: Date,
    diags: &mut Diagnostics,
) {
    if loc.fields.present("source") {
        match validation::text(source) {
            Err(FieldError::Empty) => error(
                diags,
                loc,
                "source",
                "is empty: name where the facts were read (site, title, year)",
            ),
            other => field_error(diags, loc, "source", other),
        }
    }
    // A day after today, or a year after today's year. No date ("unbekannt") is honest, not wrong.
    let Some(as_of) = as_of else {
        return;
    };
    if as_of.is_after(today) && !loc.fields.is_reported("as_of") {
        let what = match as_of {
            AsOf::Day(_) => "date",
            AsOf::Year(_) => "year",
        };
        let message = format!(
            "the {what} {as_of} lies in the future (today is {today}); as_of is the date of the source"
        );
        error(diags, loc, "as_of", message);
    }
}

fn check_address<T>(loc: &Located<T>, prefix: &str, address: &Address, diags: &mut Diagnostics) {
    let field = |name: &str| format!("{prefix}.{name}");
    optional_text(loc, &field("street"), address.street.as_deref(), diags);
    optional_text(loc, &field("city"), address.city.as_deref(), diags);
    if let Some(postcode) = &address.postcode {
        field_error(
            diags,
            loc,
            &field("postcode"),
            validation::postcode(postcode),
        );
    }
}

/// Reports a problem in `field` of the row of town `ags` at `line` of a CSV file.
fn town_problem(
    diags: &mut Diagnostics,
    file: &std::path::Path,
    line: usize,
    ags: &str,
    field: &str,
    message: String,
) {
    diags.push(Diagnostic {
        file: file.to_path_buf(),
        line: Some(line),
        entry: Some(EntryRef::named("town", ags)),
        field: Some(field.to_owned()),
        message,
    });
}

fn check_towns<'d>(data: &'d Dataset, diags: &mut Diagnostics) -> BTreeMap<&'d str, &'d TownRow> {
    let mut towns: BTreeMap<&str, &TownRow> = BTreeMap::new();
    for row in &data.towns {
        let mut problem = |field: &str, message: String| {
            town_problem(
                diags,
                &data.gemeinden_path,
                row.line,
                &row.ags,
                field,
                message,
            );
        };
        if let Err(err) = validation::ags(&row.ags) {
            problem("ags", err.to_string());
            continue;
        }
        if row.name.is_empty() {
            problem("name", "must not be empty".into());
        }
        if row.kreis.is_empty() {
            problem("kreis", "must not be empty".into());
        }
        if !row.ags.starts_with(&row.kreis_key) || row.kreis_key.len() != 5 {
            problem(
                "kreis_key",
                format!(
                    "\"{}\" is not the first five digits of the AGS",
                    row.kreis_key
                ),
            );
        }
        if !matches!(row.kreis_type.as_str(), "Kreis" | "kreisfreie Stadt") {
            problem(
                "kreis_type",
                format!(
                    "\"{}\" is neither \"Kreis\" nor \"kreisfreie Stadt\"",
                    row.kreis_type
                ),
            );
        }
        for postcode in &row.postcodes {
            if let Err(err) = validation::postcode(postcode) {
                problem("plz_all", err.to_string());
            }
        }
        if towns.insert(&row.ags, row).is_some() {
            problem("ags", "this AGS appears twice in the town list".into());
        }
    }
    if data.towns.is_empty() && data.gemeinden_path.exists() {
        diags.file_error(&data.gemeinden_path, None, "the town list holds no town");
    }
    towns
}

fn town_label(ags: &str, towns: &BTreeMap<&str, &TownRow>) -> String {
    match towns.get(ags) {
        Some(row) => format!("{ags} ({})", row.name),
        None => ags.to_owned(),
    }
}

/// Checks `zustaendigkeit.csv`: every town exactly once, a known office, a confidence word and a
/// source on every row. Returns the towns each office serves (by office id).
fn check_assignments<'d>(
    data: &'d Dataset,
    towns: &BTreeMap<&str, &TownRow>,
    offices: &BTreeMap<&'d str, &'d Located<Office>>,
    diags: &mut Diagnostics,
) -> BTreeMap<&'d str, Vec<&'d str>> {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut served: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for row in &data.assignments {
        let mut problem = |field: &str, message: String| {
            town_problem(
                diags,
                &data.assignments_path,
                row.line,
                &row.ags,
                field,
                message,
            );
        };
        if let Err(err) = validation::ags(&row.ags) {
            problem("ags", err.to_string());
            continue;
        }
        if let Some(first) = seen.insert(&row.ags, row.line) {
            problem(
                "ags",
                format!(
                    "the town {} is assigned twice (also in line {first}); a town has exactly one youth office",
                    town_label(&row.ags, towns)
                ),
            );
            continue;
        }
        let Some(town) = towns.get(row.ags.as_str()) else {
            problem(
                "ags",
                format!("the town key {} is not in gemeinden.csv", row.ags),
            );
            continue;
        };
        if !row.name.is_empty() && row.name != town.name {
            problem(
                "name",
                format!(
                    "\"{}\" is not the name of {} in gemeinden.csv (\"{}\"); the key or the name is wrong",
                    row.name, row.ags, town.name
                ),
            );
        }
        match offices.get(row.office_id.as_str()) {
            None if row.office_id.is_empty() => problem(
                "office_id",
                "is empty: name the id of the youth office that serves this town".into(),
            ),
            None => problem(
                "office_id",
                format!(
                    "no office file offices/{}.toml has the id \"{}\"",
                    row.office_id, row.office_id
                ),
            ),
            Some(office) => {
                let kreis = town.kreis_display();
                if !office.fields.is_reported("kreis") && office.value.kreis != kreis {
                    problem(
                        "office_id",
                        format!(
                            "the town lies in \"{kreis}\", but office \"{}\" lies in \"{}\"; an office serves towns of its own Kreis",
                            row.office_id, office.value.kreis
                        ),
                    );
                }
                served
                    .entry(office.value.id.as_str())
                    .or_default()
                    .push(&row.ags);
            }
        }
        if row.confidence.is_none() {
            problem(
                "confidence",
                format!(
                    "\"{}\" is not a confidence: write confirmed (a source names the office), derived (follows from a source's complete list) or unverified (not yet settled)",
                    row.confidence_text
                ),
            );
        }
        if row.source.trim().is_empty() {
            problem(
                "source",
                "is empty: name the public source of this assignment (site or publisher, and year)"
                    .into(),
            );
        }
    }
    if data.assignments_path.exists() {
        for town in towns.values() {
            if !seen.contains_key(town.ags.as_str()) {
                diags.push(Diagnostic {
                    file: data.assignments_path.clone(),
                    line: None,
                    entry: Some(EntryRef::named("town", town.ags.clone())),
                    field: Some("ags".into()),
                    message: format!(
                        "the town {} has no row: every town in gemeinden.csv needs its youth office",
                        town_label(&town.ags, towns)
                    ),
                });
            }
        }
    }
    served
}

fn check_office(
    office: &Located<Office>,
    file: &OfficeSource,
    towns: &BTreeMap<&str, &TownRow>,
    served: &BTreeMap<&str, Vec<&str>>,
    today: Date,
    diags: &mut Diagnostics,
) {
    let value = &office.value;
    if office.fields.present("id") && !office.fields.is_reported("id") {
        match validation::office_id(&value.id) {
            Err(err) => error(diags, office, "id", err.to_string()),
            Ok(()) if value.id != file.stem() => {
                let message = format!(
                    "the file name must match the office id: rename the file to offices/{}.toml or change the id to \"{}\"",
                    value.id,
                    file.stem()
                );
                error(diags, office, "id", message);
            }
            Ok(()) => {
                if !served.contains_key(value.id.as_str()) && !towns.is_empty() {
                    let message = format!(
                        "this office serves no town: give it at least one row in {ASSIGNMENTS_FILE} (office_id \"{}\") or delete the file",
                        value.id
                    );
                    error(diags, office, "id", message);
                }
            }
        }
    }
    required_text(office, "name", &value.name, diags);
    required_text(office, "kreis", &value.kreis, diags);
    if let Some(address) = &value.address {
        check_address(office, "address", address, diags);
    }
    check_source(office, &value.source, value.as_of, today, diags);
}

fn check_office_unique(
    office: &Located<Office>,
    ids: &mut BTreeMap<String, (PathBuf, usize)>,
    diags: &mut Diagnostics,
) {
    let id = &office.value.id;
    if !office.fields.is_reported("id") && !id.is_empty() {
        if let Some((file, line)) = ids.get(id.as_str()) {
            let message = format!(
                "the office id \"{id}\" is already used in {}:{line}",
                file.display()
            );
            error(diags, office, "id", message);
        } else {
            ids.insert(id.to_string(), (office.file.clone(), office.line_of("id")));
        }
    }
}

fn check_offer(
    offer: &Located<Offer>,
    office_id: Option<&str>,
    office_towns: &BTreeSet<String>,
    towns: &BTreeMap<&str, &TownRow>,
    today: Date,
    diags: &mut Diagnostics,
) {
    let value = &offer.value;
    if offer.fields.present("id") && !offer.fields.is_reported("id") {
        field_error(diags, offer, "id", validation::offer_id(&value.id));
    }
    required_text(offer, "title", &value.title, diags);
    optional_text(offer, "description", Some(&value.description), diags);
    // No age: the source names no age group, which is allowed (the app says so).
    if let Some(age) = &value.age {
        if !offer.fields.is_reported("age") {
            field_error(diags, offer, "age", validation::age_range(age));
        }
    }
    let mut seen = BTreeSet::new();
    for (i, ags) in value.towns.iter().enumerate() {
        let field = format!("towns[{i}]");
        if offer.fields.is_reported(&field) {
            continue;
        }
        let report = |diags: &mut Diagnostics, message: String| {
            diags.push(Diagnostic {
                file: offer.file.clone(),
                line: Some(offer.line_of(&field)),
                entry: Some(offer.entry.clone()),
                field: Some("towns".into()),
                message,
            });
        };
        if let Err(err) = validation::ags(ags) {
            report(diags, err.to_string());
        } else if !seen.insert(ags) {
            report(
                diags,
                format!("the town {} is listed twice", town_label(ags, towns)),
            );
        } else if !towns.contains_key(ags.as_str()) {
            report(diags, format!("the town key {ags} is not in gemeinden.csv"));
        } else if let (Some(office_id), false) = (office_id, office_towns.contains(ags.as_str())) {
            report(
                diags,
                format!(
                    "the town {} is not served by this file's office \"{office_id}\" (see {ASSIGNMENTS_FILE}); list only towns the office serves (or none for the whole area)",
                    town_label(ags, towns)
                ),
            );
        }
    }
    if let Some(place) = &value.place {
        optional_text(offer, "place.name", place.name.as_deref(), diags);
        check_address(offer, "place.address", &place.address, diags);
        match (place.lat, place.lon) {
            (Some(lat), Some(lon)) => {
                if !NRW_LAT.contains(&lat) {
                    error(
                        diags,
                        offer,
                        "place.lat",
                        format!("latitude {lat} lies outside NRW (about 50.3 to 52.5)"),
                    );
                }
                if !NRW_LON.contains(&lon) {
                    error(
                        diags,
                        offer,
                        "place.lon",
                        format!("longitude {lon} lies outside NRW (about 5.9 to 9.5)"),
                    );
                }
            }
            (Some(_), None) => error(
                diags,
                offer,
                "place.lat",
                "give lat and lon together, or neither",
            ),
            (None, Some(_)) => error(
                diags,
                offer,
                "place.lon",
                "give lat and lon together, or neither",
            ),
            (None, None) => {}
        }
    }
    for (i, slot) in value.schedule.weekly.iter().enumerate() {
        let prefix = format!("schedule.weekly[{i}]");
        let opens = validation::time_of_day(&slot.opens).map(|_| ());
        let closes = validation::time_of_day(&slot.closes).map(|_| ());
        let both_ok = opens.is_ok() && closes.is_ok();
        field_error(diags, offer, &format!("{prefix}.opens"), opens);
        field_error(diags, offer, &format!("{prefix}.closes"), closes);
        if both_ok {
            field_error(
                diags,
                offer,
                &prefix,
                validation::opening_hours(&slot.opens, &slot.closes),
            );
        }
        let mut weeks = BTreeSet::new();
        for (j, week) in slot.weeks_of_month.iter().enumerate() {
            let field = format!("{prefix}.weeks_of_month[{j}]");
            field_error(diags, offer, &field, validation::week_of_month(*week));
            if !weeks.insert(week) {
                error(diags, offer, &field, format!("week {week} is listed twice"));
            }
        }
    }
    optional_text(
        offer,
        "schedule.text",
        value.schedule.text.as_deref(),
        diags,
    );
    for (i, language) in value.languages.iter().enumerate() {
        field_error(
            diags,
            offer,
            &format!("languages[{i}]"),
            validation::language(language),
        );
    }
    optional_text(offer, "cost", value.cost.as_deref(), diags);
    check_source(offer, &value.source, value.as_of, today, diags);
}

fn check_span<T>(loc: &Located<T>, field: &str, span: &LifeSpan, diags: &mut Diagnostics) {
    if span.from == 0 {
        error(
            diags,
            loc,
            &format!("{field}.from"),
            "units of life count from 1 (the 1st day of life is the day of birth)",
        );
    } else if span.from > span.to {
        error(
            diags,
            loc,
            field,
            format!("the span is reversed (from {} to {})", span.from, span.to),
        );
    }
    let longest_unit = match span.unit {
        LifeUnit::Day => 1,
        LifeUnit::Week => 7,
        LifeUnit::Month => 31,
        LifeUnit::Year => 366,
    };
    if span.extra_days >= longest_unit {
        let message = format!(
            "{} extra days make up a whole unit or more; raise \"to\" instead",
            span.extra_days
        );
        error(diags, loc, &format!("{field}.extra_days"), message);
    }
}

/// Whether `outer` holds `inner`; only comparable when both count in the same unit.
fn covers(outer: &LifeSpan, inner: &LifeSpan) -> bool {
    outer.unit != inner.unit
        || (outer.from <= inner.from
            && (outer.to, outer.extra_days) >= (inner.to, inner.extra_days))
}

fn check_statewide(statewide: &StatewideSource, today: Date, diags: &mut Diagnostics) {
    if statewide.checkups.is_empty() {
        diags.file_error(&statewide.path, None, "lists no [[checkup]]");
    }
    if statewide.deadlines.is_empty() {
        diags.file_error(&statewide.path, None, "lists no [[deadline]]");
    }
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    for checkup in &statewide.checkups {
        let value = &checkup.value;
        required_text(checkup, "id", &value.id, diags);
        unique(checkup, &value.id, &mut ids, diags);
        optional_text(checkup, "description", Some(&value.description), diags);
        check_span(checkup, "official", &value.official, diags);
        if let Some(tolerance) = &value.tolerance {
            check_span(checkup, "tolerance", tolerance, diags);
            if !covers(tolerance, &value.official) {
                error(
                    diags,
                    checkup,
                    "tolerance",
                    "the tolerance window must hold the whole official window",
                );
            }
        }
        check_source(checkup, &value.source, value.as_of, today, diags);
    }
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    for deadline in &statewide.deadlines {
        let value = &deadline.value;
        if deadline.fields.present("id") {
            field_error(diags, deadline, "id", validation::offer_id(&value.id));
        }
        unique(deadline, &value.id, &mut ids, diags);
        required_text(deadline, "title", &value.title, diags);
        required_text(deadline, "description", &value.description, diags);
        required_text(deadline, "legal_basis", &value.legal_basis, diags);
        let amount = match value.due {
            kekiz_core::directory::DueRule::DaysAfterBirth(n)
            | kekiz_core::directory::DueRule::EndOfLifeMonth(n)
            | kekiz_core::directory::DueRule::EndOfCalendarMonthAfterBirth(n)
            | kekiz_core::directory::DueRule::MonthsAfterBirth(n) => n,
        };
        if amount == 0 {
            error(diags, deadline, "due.value", "must be at least 1");
        }
        check_source(deadline, &value.source, value.as_of, today, diags);
    }
}

/// Checks the `[[helpline]]` entries: ids, texts, numbers (full or short), web address, source.
fn check_helplines(statewide: &StatewideSource, today: Date, diags: &mut Diagnostics) {
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    for helpline in &statewide.helplines {
        let value = &helpline.value;
        if helpline.fields.present("id") {
            field_error(diags, helpline, "id", validation::offer_id(&value.id));
        }
        unique(helpline, &value.id, &mut ids, diags);
        required_text(helpline, "name", &value.name, diags);
        required_text(helpline, "purpose", &value.purpose, diags);
        for (i, phone) in value.phones.iter().enumerate() {
            let number = format!("phones[{i}].number");
            if helpline.fields.present(&number) {
                field_error(
                    diags,
                    helpline,
                    &number,
                    validation::helpline_phone(&phone.number),
                );
            }
            let label = format!("phones[{i}].label");
            optional_text(helpline, &label, phone.label.as_deref(), diags);
        }
        if value.phones.is_empty() && value.web.is_none() && !helpline.fields.is_reported("web") {
            error(
                diags,
                helpline,
                "phones",
                "a help line needs at least one number (phones) or a web page (web)",
            );
        }
        if let Some(web) = &value.web {
            field_error(diags, helpline, "web", validation::https_url(web));
        }
        optional_text(helpline, "hours", value.hours.as_deref(), diags);
        optional_text(helpline, "cost", value.cost.as_deref(), diags);
        optional_text(helpline, "languages", value.languages.as_deref(), diags);
        optional_text(helpline, "caveat", value.caveat.as_deref(), diags);
        check_source(helpline, &value.source, value.as_of, today, diags);
    }
}

fn unique<T>(
    loc: &Located<T>,
    id: &str,
    ids: &mut BTreeMap<String, usize>,
    diags: &mut Diagnostics,
) {
    if id.is_empty() || loc.fields.is_reported("id") {
        return;
    }
    if let Some(line) = ids.get(id) {
        let message = format!("the id \"{id}\" is already used in line {line} of this file");
        error(diags, loc, "id", message);
    } else {
        ids.insert(id.to_owned(), loc.line_of("id"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_windows_of_the_same_unit() {
        let span = |unit, from, to, extra_days| LifeSpan {
            unit,
            from,
            to,
            extra_days,
        };
        assert!(covers(
            &span(LifeUnit::Month, 2, 4, 15),
            &span(LifeUnit::Month, 3, 4, 0)
        ));
        assert!(!covers(
            &span(LifeUnit::Month, 4, 4, 0),
            &span(LifeUnit::Month, 3, 4, 0)
        ));
        assert!(!covers(
            &span(LifeUnit::Month, 3, 4, 0),
            &span(LifeUnit::Month, 3, 4, 15)
        ));
        assert!(covers(
            &span(LifeUnit::Week, 1, 1, 0),
            &span(LifeUnit::Day, 3, 10, 0)
        ));
    }
}

//! Reading the data folder as editors write it: `gemeinden.csv`, `statewide.toml`, `offices/*.toml`.
//!
//! Parses TOML into a tree that keeps byte spans, then reads each entry field by field into the
//! directory types of `kekiz_core::directory`, remembering the line of every field. Structural
//! mistakes (syntax, unknown or missing fields, wrong types, unknown words such as a category) are
//! reported here; what the values mean is checked afterwards by `validate`.

use crate::diagnostic::{Diagnostic, Diagnostics, EntryRef};
use kekiz_core::date::{AsOf, AsOfError};
use kekiz_core::directory::{
    Address, AgeRange, Category, CheckupRule, Confidence, Contact, DeadlineRule, DueRule, LateRule,
    LifeSpan, LifeUnit, Offer, Office, OfficeKind, Place, Schedule, Weekday, WeeklySlot,
    WelcomeService,
};
use kekiz_core::directory::{Helpline, HelplinePhone, Translations};
use kekiz_core::validation::{FieldError, TownKey};
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// File name of the town list inside the data folder.
pub const GEMEINDEN_FILE: &str = "gemeinden.csv";
/// File name of the statewide items inside the data folder.
pub const STATEWIDE_FILE: &str = "statewide.toml";
/// Folder of the office files inside the data folder.
pub const OFFICES_DIR: &str = "offices";
/// File name of the table that assigns every town its youth office.
pub const ASSIGNMENTS_FILE: &str = "zustaendigkeit.csv";

/// One row of `zustaendigkeit.csv`: which youth office serves a town, how sure that is, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct AssignmentRow {
    /// Official key of the town.
    pub ags: String,
    /// The town's name, for people reading the table (checked against `gemeinden.csv`).
    pub name: String,
    /// The responsible office's id.
    pub office_id: String,
    /// How sure the assignment is; `None` when the word is not one of the three allowed.
    pub confidence: Option<Confidence>,
    /// The word as written, for messages.
    pub confidence_text: String,
    /// The public source of the assignment.
    pub source: String,
    /// Why, for editors (the reasoning behind a derived or unverified row).
    pub note: String,
    /// Line in the CSV file.
    pub line: usize,
}

/// One row of `gemeinden.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct TownRow {
    /// Official key, 8 digits.
    pub ags: String,
    /// Official name, e.g. "Greven, Stadt".
    pub name: String,
    /// First five digits of the AGS: the Kreis or kreisfreie Stadt.
    pub kreis_key: String,
    /// Name of the Kreis (or kreisfreie Stadt as Destatis writes it).
    pub kreis: String,
    /// "Kreis" or "kreisfreie Stadt".
    pub kreis_type: String,
    /// Every postcode that touches the town.
    pub postcodes: Vec<String>,
    /// Line in the CSV file.
    pub line: usize,
}

impl TownRow {
    /// Whether the town is a kreisfreie Stadt.
    pub fn kreisfrei(&self) -> bool {
        self.kreis_type == "kreisfreie Stadt"
    }

    /// The name without Destatis' suffix: "Köln, Stadt" becomes "Köln".
    pub fn short_name(&self) -> &str {
        self.name.split(',').next().unwrap_or(&self.name).trim()
    }

    /// The Kreis as the app shows it: the Kreis name, or the short name of a kreisfreie Stadt.
    pub fn kreis_display(&self) -> &str {
        if self.kreisfrei() {
            self.short_name()
        } else {
            &self.kreis
        }
    }
}

/// Lines of the fields of one entry, by dotted path ("age", "contact.phone", "towns[2]").
#[derive(Debug, Clone, Default)]
pub struct FieldLines {
    lines: BTreeMap<String, usize>,
    reported: BTreeSet<String>,
}

impl FieldLines {
    /// The line of a field, when it was written.
    pub fn line(&self, field: &str) -> Option<usize> {
        self.lines.get(field).copied()
    }

    /// Whether the field was written in the file.
    pub fn present(&self, field: &str) -> bool {
        self.lines.contains_key(field)
    }

    /// Whether reading already reported a problem in this field, one inside it or around it;
    /// its value is then only a stand-in and must not be checked again.
    pub fn is_reported(&self, field: &str) -> bool {
        let related = |a: &str, b: &str| {
            a == b
                || (a.starts_with(b)
                    && matches!(a.as_bytes().get(b.len()), Some(b'.') | Some(b'[')))
        };
        self.reported
            .iter()
            .any(|r| related(r, field) || related(field, r))
    }
}

/// An entry read from a file, with where it and its fields stand.
#[derive(Debug, Clone)]
pub struct Located<T> {
    /// The entry; fields that could not be read hold stand-ins (see [`FieldLines::is_reported`]).
    pub value: T,
    /// The file it was read from.
    pub file: PathBuf,
    /// How messages name it.
    pub entry: EntryRef,
    /// The line of its table header (or first key).
    pub line: usize,
    /// The lines of its fields.
    pub fields: FieldLines,
}

impl<T> Located<T> {
    /// The line of `field`, or of the entry when the field was not written.
    pub fn line_of(&self, field: &str) -> usize {
        self.fields.line(field).unwrap_or(self.line)
    }
}

/// One `offices/<id>.toml` file.
#[derive(Debug, Clone)]
pub struct OfficeSource {
    /// Its path.
    pub path: PathBuf,
    /// The `[office]` table, when present.
    pub office: Option<Located<Office>>,
    /// The `[welcome]` table, when present.
    pub welcome: Option<Located<WelcomeService>>,
    /// The `[[offer]]` tables in file order.
    pub offers: Vec<Located<Offer>>,
}

impl OfficeSource {
    /// The file name without `.toml`.
    pub fn stem(&self) -> String {
        self.path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

/// The `statewide.toml` file.
#[derive(Debug, Clone)]
pub struct StatewideSource {
    /// Its path.
    pub path: PathBuf,
    /// The `[[checkup]]` tables in file order.
    pub checkups: Vec<Located<CheckupRule>>,
    /// The `[[deadline]]` tables in file order.
    pub deadlines: Vec<Located<DeadlineRule>>,
    /// The `[[helpline]]` tables in file order, which is the order the app shows them in.
    pub helplines: Vec<Located<Helpline>>,
}

/// Everything read from a data folder.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// Path of `gemeinden.csv`.
    pub gemeinden_path: PathBuf,
    /// The towns, in file order.
    pub towns: Vec<TownRow>,
    /// The statewide items, when the file could be read.
    pub statewide: Option<StatewideSource>,
    /// The office files, sorted by file name.
    pub offices: Vec<OfficeSource>,
    /// Path of `zustaendigkeit.csv`.
    pub assignments_path: PathBuf,
    /// Its rows, in file order.
    pub assignments: Vec<AssignmentRow>,
}

/// Reads the whole data folder; every problem found on the way goes into `diags`.
pub fn load(dir: &Path, diags: &mut Diagnostics) -> Dataset {
    let gemeinden_path = dir.join(GEMEINDEN_FILE);
    let towns = read_gemeinden(&gemeinden_path, diags);
    let statewide_path = dir.join(STATEWIDE_FILE);
    let statewide =
        read_text(&statewide_path, diags).map(|text| read_statewide(&statewide_path, &text, diags));
    let offices = office_paths(&dir.join(OFFICES_DIR), diags)
        .into_iter()
        .filter_map(|path| {
            read_text(&path, diags).map(|text| read_office_file(&path, &text, diags))
        })
        .collect();
    let assignments_path = dir.join(ASSIGNMENTS_FILE);
    let assignments = read_assignments(&assignments_path, diags);
    Dataset {
        gemeinden_path,
        towns,
        statewide,
        offices,
        assignments_path,
        assignments,
    }
}

fn read_text(path: &Path, diags: &mut Diagnostics) -> Option<String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            diags.file_error(path, None, "the file is missing");
            None
        }
        Err(err) => {
            diags.file_error(
                path,
                None,
                format!("the file cannot be read as UTF-8 text: {err}"),
            );
            None
        }
    }
}

/// The `.toml` files of the offices folder, sorted; `_name` and `.name` files are left alone.
fn office_paths(dir: &Path, diags: &mut Diagnostics) -> Vec<PathBuf> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            diags.file_error(
                dir,
                None,
                format!("the offices folder cannot be read: {err}"),
            );
            return Vec::new();
        }
    };
    let mut paths = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                diags.file_error(
                    dir,
                    None,
                    format!("the offices folder cannot be read: {err}"),
                );
                continue;
            }
        };
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('_') || name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            diags.file_error(
                &path,
                None,
                "unexpected folder: each office is one file offices/<office-id>.toml",
            );
        } else if !name.ends_with(".toml") {
            diags.file_error(
                &path,
                None,
                "not a .toml file: office files are named <office-id>.toml (names starting with _ are ignored)",
            );
        } else {
            paths.push(path);
        }
    }
    paths.sort();
    paths
}

/// Reads a CSV file with a header line; calls `row` with a cell getter and the line of each record.
fn read_csv(
    path: &Path,
    required: &[&str],
    diags: &mut Diagnostics,
    mut row: impl FnMut(&dyn Fn(&str) -> String, usize),
) {
    if !path.exists() {
        diags.file_error(path, None, "the file is missing");
        return;
    }
    let mut reader = match csv::ReaderBuilder::new().has_headers(true).from_path(path) {
        Ok(reader) => reader,
        Err(err) => {
            diags.file_error(path, None, format!("the file cannot be read: {err}"));
            return;
        }
    };
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(err) => {
            diags.file_error(
                path,
                Some(1),
                format!("the header line cannot be read: {err}"),
            );
            return;
        }
    };
    let column = |name: &str| headers.iter().position(|h| h == name);
    let mut missing = Vec::new();
    let mut columns = BTreeMap::new();
    for &name in required {
        match column(name) {
            Some(i) => {
                columns.insert(name, i);
            }
            None => missing.push(name),
        }
    }
    if !missing.is_empty() {
        diags.file_error(
            path,
            Some(1),
            format!("the header line lacks the columns {}", missing.join(", ")),
        );
        return;
    }
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(err) => {
                let line = err.position().map(|p| p.line() as usize);
                diags.file_error(path, line, format!("the line cannot be read as CSV: {err}"));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let cell = |name: &str| {
            columns
                .get(name)
                .and_then(|&i| record.get(i))
                .unwrap_or_default()
                .trim()
                .to_owned()
        };
        row(&cell, line);
    }
}

fn read_gemeinden(path: &Path, diags: &mut Diagnostics) -> Vec<TownRow> {
    let mut towns = Vec::new();
    let columns = ["ags", "name", "kreis_key", "kreis", "kreis_type", "plz_all"];
    read_csv(path, &columns, diags, |cell, line| {
        towns.push(TownRow {
            ags: cell("ags"),
            name: cell("name"),
            kreis_key: cell("kreis_key"),
            kreis: cell("kreis"),
            kreis_type: cell("kreis_type"),
            postcodes: cell("plz_all")
                .split_whitespace()
                .map(str::to_owned)
                .collect(),
            line,
        });
    });
    towns
}

fn read_assignments(path: &Path, diags: &mut Diagnostics) -> Vec<AssignmentRow> {
    let mut rows = Vec::new();
    let columns = ["ags", "name", "office_id", "confidence", "source", "note"];
    read_csv(path, &columns, diags, |cell, line| {
        let confidence_text = cell("confidence");
        rows.push(AssignmentRow {
            ags: cell("ags"),
            name: cell("name"),
            office_id: cell("office_id"),
            confidence: serde_json::from_value(serde_json::Value::String(confidence_text.clone()))
                .ok(),
            confidence_text,
            source: cell("source"),
            note: cell("note"),
            line,
        });
    });
    rows
}

/// Byte offsets of line starts, to turn spans into line numbers.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset).max(1)
    }
}

/// Parses a TOML file; syntax errors are reported with their line, `None` when any was found.
fn parse_toml<'i>(
    path: &Path,
    text: &'i str,
    lines: &LineIndex,
    diags: &mut Diagnostics,
) -> Option<DeTable<'i>> {
    let (root, errors) = DeTable::parse_recoverable(text);
    if errors.is_empty() {
        return Some(root.into_inner());
    }
    // Recovery after a mistake often adds follow-up errors on the same line: keep the first.
    let mut reported_lines = BTreeSet::new();
    for error in errors {
        let line = error.span().map(|span| lines.line(span.start));
        if !reported_lines.insert(line) {
            continue;
        }
        diags.file_error(
            path,
            line,
            format!("TOML syntax error: {}", error.message().trim()),
        );
    }
    None
}

/// Reading state for one entry: where it is, how to name it, the lines of its fields.
struct Ctx<'a> {
    file: &'a Path,
    lines: &'a LineIndex,
    diags: &'a mut Diagnostics,
    entry: EntryRef,
    entry_line: usize,
    fields: FieldLines,
}

impl<'a> Ctx<'a> {
    fn new(
        file: &'a Path,
        lines: &'a LineIndex,
        diags: &'a mut Diagnostics,
        kind: &'static str,
        number: usize,
        span: Range<usize>,
    ) -> Ctx<'a> {
        let entry_line = lines.line(span.start);
        Ctx {
            file,
            lines,
            diags,
            entry: EntryRef {
                kind,
                id: None,
                number,
            },
            entry_line,
            fields: FieldLines::default(),
        }
    }

    fn line(&self, span: &Range<usize>) -> usize {
        if span.is_empty() && span.start == 0 {
            self.entry_line
        } else {
            self.lines.line(span.start)
        }
    }

    fn note(&mut self, field: &str, span: &Range<usize>) {
        let line = self.line(span);
        self.fields.lines.insert(field.to_owned(), line);
    }

    fn report(&mut self, field: &str, span: Option<&Range<usize>>, message: String) {
        self.fields.reported.insert(field.to_owned());
        let line = span.map_or(self.entry_line, |s| self.line(s));
        self.diags.push(Diagnostic {
            file: self.file.to_path_buf(),
            line: Some(line),
            entry: Some(self.entry.clone()),
            field: Some(field.to_owned()),
            message,
        });
    }

    fn finish<T>(self, value: T) -> Located<T> {
        Located {
            value,
            file: self.file.to_path_buf(),
            entry: self.entry,
            line: self.entry_line,
            fields: self.fields,
        }
    }
}

/// A table being read, with the dotted path of its fields.
#[derive(Clone, Copy)]
struct Tbl<'t, 'i> {
    table: &'t DeTable<'i>,
    prefix: &'t str,
}

type Val<'i> = Spanned<DeValue<'i>>;

fn path(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_owned()
    } else {
        format!("{prefix}.{key}")
    }
}

/// German or near-miss words editors may type, with the field they probably mean.
const ALIASES: &[(&str, &str)] = &[
    ("telefon", "phone"),
    ("tel", "phone"),
    ("telephone", "phone"),
    ("mail", "email"),
    ("e-mail", "email"),
    ("e_mail", "email"),
    ("webseite", "web"),
    ("website", "web"),
    ("url", "web"),
    ("homepage", "web"),
    ("adresse", "address"),
    ("anschrift", "address"),
    ("strasse", "street"),
    ("straße", "street"),
    ("plz", "postcode"),
    ("postleitzahl", "postcode"),
    ("ort", "city"),
    ("stadt", "city"),
    ("titel", "title"),
    ("beschreibung", "description"),
    ("kategorie", "category"),
    ("alter", "age"),
    ("orte", "towns"),
    ("gemeinden", "towns"),
    ("quelle", "source"),
    ("stand", "as_of"),
    ("asof", "as_of"),
    ("zeiten", "schedule"),
    ("termine", "schedule"),
    ("sprachen", "languages"),
    ("kosten", "cost"),
    ("anmeldung", "registration"),
    ("kontakt", "contact"),
    ("tag", "day"),
    ("von", "opens"),
    ("bis", "closes"),
    ("ab", "from_months"),
    ("from", "from_months"),
    ("to", "to_months"),
    ("zeitpunkt", "timing"),
    ("angebot", "offer"),
    ("offers", "offer"),
    ("amt", "office"),
    ("jugendamt", "office"),
    // Help lines in statewide.toml.
    ("telefon", "phones"),
    ("tel", "phones"),
    ("phone", "phones"),
    ("nummern", "phones"),
    ("telefonnummern", "phones"),
    ("nummer", "number"),
    ("rufnummer", "number"),
    ("zweck", "purpose"),
    ("beschreibung", "purpose"),
    ("wofuer", "purpose"),
    ("wofür", "purpose"),
    ("zeiten", "hours"),
    ("erreichbar", "hours"),
    ("erreichbarkeit", "hours"),
    ("oeffnungszeiten", "hours"),
    ("öffnungszeiten", "hours"),
    ("hinweis", "caveat"),
    ("achtung", "caveat"),
    ("bezeichnung", "label"),
    ("helplines", "helpline"),
    ("notruf", "helpline"),
    ("hilfetelefon", "helpline"),
];

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(current + 1);
            previous = current;
        }
    }
    row[b.len()]
}

/// A hint at the field an unknown key probably means, e.g. `; did you mean "phone"?`.
fn suggestion(key: &str, allowed: &[&str]) -> String {
    let lower = key.to_lowercase();
    // One word may mean different fields in different tables ("telefon": phone, phones).
    let meanings: Vec<&str> = ALIASES
        .iter()
        .filter(|(alias, _)| *alias == lower)
        .map(|(_, meant)| *meant)
        .collect();
    if let Some(meant) = meanings.iter().find(|meant| allowed.contains(meant)) {
        return format!("; did you mean \"{meant}\"?");
    }
    for meant in &meanings {
        for (table, fields) in [("contact", CONTACT_FIELDS), ("address", ADDRESS_FIELDS)] {
            if fields.contains(meant) && allowed.contains(&table) {
                return format!("; did you mean {table} = {{ {meant} = ... }}?");
            }
        }
    }
    match allowed.iter().min_by_key(|a| edit_distance(&lower, a)) {
        Some(close) if edit_distance(&lower, close) <= 2 => format!("; did you mean \"{close}\"?"),
        _ => ".".to_owned(),
    }
}

/// Reports every key of `tbl` that is not in `allowed`, with a hint at what was meant.
fn check_keys(ctx: &mut Ctx, tbl: Tbl, allowed: &[&str]) {
    for (key, _) in tbl.table.iter() {
        let name = key.get_ref().as_ref();
        if allowed.contains(&name) {
            continue;
        }
        let hint = suggestion(name, allowed);
        ctx.report(
            &path(tbl.prefix, name),
            Some(&key.span()),
            format!(
                "unknown field{hint} Fields allowed here: {}",
                allowed.join(", ")
            ),
        );
    }
}

fn hint_for_missing(key: &str) -> &'static str {
    match key {
        "source" => " Name where the facts were read, e.g. source = \"kreis-dueren.de (Schwangerschaft und Geburt)\".",
        "as_of" => " Give the date of that source, e.g. as_of = \"2024-05-03\", or only its year when no day is known, e.g. as_of = \"2024\".",
        "id" => " Give a unique id of lower-case letters, digits and hyphens.",
        "towns" => " List the AGS of the towns, e.g. towns = [\"05566012\"].",
        "kind" => " Choose one of kreisfreie-stadt, kreis, staedteregion, kreisangehoerige-stadt.",
        "category" => {
            " Choose one of treffpunkt, beratung, gesundheit, familienbuero, familienzentrum, bewegung, bildung, sonstiges."
        }
        _ => "",
    }
}

fn get<'t, 'i>(ctx: &mut Ctx, tbl: Tbl<'t, 'i>, key: &str) -> Option<&'t Val<'i>> {
    let value = tbl.table.get(key)?;
    ctx.note(&path(tbl.prefix, key), &value.span());
    Some(value)
}

fn missing(ctx: &mut Ctx, tbl: Tbl, key: &str) {
    ctx.report(
        &path(tbl.prefix, key),
        None,
        format!("this required field is missing.{}", hint_for_missing(key)),
    );
}

fn wrong_type(ctx: &mut Ctx, field: &str, value: &Val, expected: &str) {
    let found = value.get_ref().type_str();
    ctx.report(
        field,
        Some(&value.span()),
        format!("must be {expected}, but is {found}"),
    );
}

const TEXT: &str = "text in quotes, e.g. \"Café Kinderwagen\"";

fn as_text(ctx: &mut Ctx, field: &str, value: &Val) -> Option<String> {
    match value.get_ref() {
        DeValue::String(s) => Some(s.to_string()),
        _ => {
            wrong_type(ctx, field, value, TEXT);
            None
        }
    }
}

fn opt_str(ctx: &mut Ctx, tbl: Tbl, key: &str) -> Option<String> {
    let value = get(ctx, tbl, key)?;
    as_text(ctx, &path(tbl.prefix, key), value)
}

fn req_str(ctx: &mut Ctx, tbl: Tbl, key: &str) -> String {
    match get(ctx, tbl, key) {
        Some(value) => as_text(ctx, &path(tbl.prefix, key), value).unwrap_or_default(),
        None => {
            missing(ctx, tbl, key);
            String::new()
        }
    }
}

fn integer(ctx: &mut Ctx, field: &str, value: &Val) -> Option<i64> {
    match value.get_ref() {
        DeValue::Integer(int) => {
            let parsed = i64::from_str_radix(int.as_str(), int.radix()).ok();
            if parsed.is_none() {
                ctx.report(field, Some(&value.span()), "the number is too large".into());
            }
            parsed
        }
        _ => {
            wrong_type(ctx, field, value, "a whole number without quotes, e.g. 12");
            None
        }
    }
}

fn bounded<T: TryFrom<i64>>(ctx: &mut Ctx, field: &str, value: &Val, what: &str) -> Option<T> {
    let number = integer(ctx, field, value)?;
    match T::try_from(number) {
        Ok(n) => Some(n),
        Err(_) => {
            ctx.report(
                field,
                Some(&value.span()),
                format!("{number} is not {what}"),
            );
            None
        }
    }
}

fn req_num<T: TryFrom<i64> + Default>(ctx: &mut Ctx, tbl: Tbl, key: &str, what: &str) -> T {
    match get(ctx, tbl, key) {
        Some(value) => bounded(ctx, &path(tbl.prefix, key), value, what).unwrap_or_default(),
        None => {
            missing(ctx, tbl, key);
            T::default()
        }
    }
}

fn opt_num<T: TryFrom<i64>>(ctx: &mut Ctx, tbl: Tbl, key: &str, what: &str) -> Option<T> {
    let value = get(ctx, tbl, key)?;
    bounded(ctx, &path(tbl.prefix, key), value, what)
}

fn opt_float(ctx: &mut Ctx, tbl: Tbl, key: &str) -> Option<f64> {
    let value = get(ctx, tbl, key)?;
    let field = path(tbl.prefix, key);
    match value.get_ref() {
        DeValue::Float(float) => match float.as_str().replace('_', "").parse::<f64>() {
            Ok(number) if number.is_finite() => Some(number),
            _ => {
                ctx.report(
                    &field,
                    Some(&value.span()),
                    "must be a finite decimal number".into(),
                );
                None
            }
        },
        DeValue::Integer(_) => integer(ctx, &field, value).map(|n| n as f64),
        _ => {
            wrong_type(
                ctx,
                &field,
                value,
                "a decimal number without quotes, e.g. 51.7623",
            );
            None
        }
    }
}

/// The stand-in for an `as_of` that could not be read (never shown: the entry is reported).
fn placeholder_as_of() -> Option<AsOf> {
    None
}

/// The word editors write when the source gives no date at all ("Stand unbekannt").
pub const AS_OF_UNKNOWN: &str = "unbekannt";

/// How to write `as_of`, for messages.
const AS_OF_FORMS: &str = "write the day of the source as \"YYYY-MM-DD\" (e.g. \"2024-05-03\"), when the source names only the year the year as \"YYYY\" (e.g. \"2024\"), or \"unbekannt\" when the source gives no date";

/// Reads `as_of`: a text "YYYY-MM-DD", "YYYY" or "unbekannt" (`None`), or an unquoted TOML date.
fn req_as_of(ctx: &mut Ctx, tbl: Tbl, key: &str) -> Option<AsOf> {
    let field = path(tbl.prefix, key);
    let Some(value) = get(ctx, tbl, key) else {
        missing(ctx, tbl, key);
        return placeholder_as_of();
    };
    let text = match value.get_ref() {
        DeValue::String(s) => s.to_string(),
        DeValue::Datetime(dt) => dt.to_string(),
        _ => {
            wrong_type(
                ctx,
                &field,
                value,
                "a date \"YYYY-MM-DD\" or a year \"YYYY\" in quotes, e.g. as_of = \"2024\"",
            );
            return placeholder_as_of();
        }
    };
    if text == AS_OF_UNKNOWN {
        return None;
    }
    match text.parse::<AsOf>() {
        Ok(as_of) => Some(as_of),
        Err(AsOfError::NoSuchDay(_)) => {
            ctx.report(
                &field,
                Some(&value.span()),
                format!("\"{text}\" is not a date: the day does not exist; {AS_OF_FORMS}"),
            );
            placeholder_as_of()
        }
        Err(AsOfError::Format(_)) => {
            ctx.report(
                &field,
                Some(&value.span()),
                format!("\"{text}\" is not a date or a year: {AS_OF_FORMS}"),
            );
            placeholder_as_of()
        }
    }
}

/// Reads a word into one of the contract's enums (its serde names), listing the allowed words.
fn req_enum<T: DeserializeOwned>(
    ctx: &mut Ctx,
    tbl: Tbl,
    key: &str,
    allowed: &[&str],
) -> Option<T> {
    let field = path(tbl.prefix, key);
    let Some(value) = get(ctx, tbl, key) else {
        missing(ctx, tbl, key);
        return None;
    };
    let word = as_text(ctx, &field, value)?;
    // The app's types accept words of newer data files (as "unknown"); editors may write only
    // the words this version knows.
    let parsed = allowed
        .contains(&word.as_str())
        .then(|| serde_json::from_value::<T>(serde_json::Value::String(word.clone())).ok())
        .flatten();
    match parsed {
        Some(parsed) => Some(parsed),
        None => {
            ctx.report(
                &field,
                Some(&value.span()),
                format!("\"{word}\" is not one of {}", allowed.join(", ")),
            );
            None
        }
    }
}

fn opt_enum<T: DeserializeOwned>(
    ctx: &mut Ctx,
    tbl: Tbl,
    key: &str,
    allowed: &[&str],
) -> Option<T> {
    if tbl.table.contains_key(key) {
        req_enum(ctx, tbl, key, allowed)
    } else {
        None
    }
}

/// Reads a list of texts; each item's line is kept as `key[i]`.
fn str_list(ctx: &mut Ctx, tbl: Tbl, key: &str, required: bool) -> Vec<String> {
    let field = path(tbl.prefix, key);
    let Some(value) = get(ctx, tbl, key) else {
        if required {
            missing(ctx, tbl, key);
        }
        return Vec::new();
    };
    let DeValue::Array(items) = value.get_ref() else {
        wrong_type(
            ctx,
            &field,
            value,
            "a list in brackets, e.g. [\"05566012\", \"05566016\"]",
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let item_field = format!("{field}[{i}]");
        ctx.note(&item_field, &item.span());
        if let Some(text) = as_text(ctx, &item_field, item) {
            out.push(text);
        }
    }
    out
}

/// Turns a read text into one of the core's checked types; a refusal is reported at the value
/// (marking the field, so later checks leave the stand-in alone) and `stand_in` takes its place.
fn checked_or<T: TryFrom<String, Error = FieldError> + std::str::FromStr>(
    ctx: &mut Ctx,
    tbl: Tbl,
    key: &str,
    text: String,
    stand_in: &str,
) -> T {
    let present = !text.is_empty();
    match T::try_from(text) {
        Ok(checked) => checked,
        Err(error) => {
            // A missing field was reported as missing already.
            if present {
                let span = tbl.table.get(key).map(Spanned::span);
                ctx.report(&path(tbl.prefix, key), span.as_ref(), error.to_string());
            }
            stand_in
                .parse()
                .unwrap_or_else(|_| unreachable_stand_in(stand_in))
        }
    }
}

/// The stand-ins are constant valid texts; should one ever not be, say so loudly in tests.
#[cold]
fn unreachable_stand_in<T>(stand_in: &str) -> T {
    panic!("the stand-in \"{stand_in}\" must pass its own type's rule")
}

/// Reads a list of town keys; a key that is not one is reported at its own line and left out.
fn town_list(ctx: &mut Ctx, tbl: Tbl, key: &str) -> Vec<TownKey> {
    let texts = str_list(ctx, tbl, key, false);
    let spans: Vec<Range<usize>> = match tbl.table.get(key).map(Spanned::get_ref) {
        Some(DeValue::Array(items)) => items.iter().map(Spanned::span).collect(),
        _ => Vec::new(),
    };
    let mut towns = Vec::new();
    for (i, text) in texts.into_iter().enumerate() {
        match TownKey::try_from(text) {
            Ok(town) => towns.push(town),
            Err(error) => {
                let field = format!("{}[{i}]", path(tbl.prefix, key));
                ctx.report(&field, spans.get(i), error.to_string());
            }
        }
    }
    towns
}

fn opt_table<'t, 'i>(
    ctx: &mut Ctx,
    tbl: Tbl<'t, 'i>,
    key: &str,
    example: &str,
) -> Option<&'t DeTable<'i>> {
    let value = get(ctx, tbl, key)?;
    match value.get_ref() {
        DeValue::Table(table) => Some(table),
        _ => {
            wrong_type(ctx, &path(tbl.prefix, key), value, example);
            None
        }
    }
}

/// Reads an entry's optional `translations`: per language code (two or three small letters,
/// not "de", which the entry's own fields are), a table of some of `fields` with their text.
/// In TOML: `translations.tr = { description = "…" }`.
fn read_translations(ctx: &mut Ctx, tbl: Tbl, fields: &[&str]) -> Translations {
    let mut translations = Translations::new();
    let example = "a table of languages, e.g. translations.tr = { description = \"…\" }";
    let Some(table) = opt_table(ctx, tbl, "translations", example) else {
        return translations;
    };
    let prefix = path(tbl.prefix, "translations");
    for (language, value) in table.iter() {
        let language = language.get_ref().to_string();
        let field = path(&prefix, &language);
        let valid_code = (2..=3).contains(&language.len())
            && language.bytes().all(|b| b.is_ascii_lowercase())
            && language != "de";
        if !valid_code {
            ctx.report(
                &field,
                Some(&value.span()),
                format!("\"{language}\" is not a language code other than de (two or three small letters, e.g. tr, ar, uk)"),
            );
            continue;
        }
        let DeValue::Table(texts) = value.get_ref() else {
            wrong_type(
                ctx,
                &field,
                value,
                "a table of texts, e.g. { description = \"…\" }",
            );
            continue;
        };
        let inner = Tbl {
            table: texts,
            prefix: &field,
        };
        check_keys(ctx, inner, fields);
        let mut by_field = BTreeMap::new();
        for name in fields {
            if let Some(text) = opt_str(ctx, inner, name) {
                if text.trim().is_empty() {
                    let span = texts.get(*name).map(|v| v.span());
                    ctx.report(
                        &path(&field, name),
                        span.as_ref(),
                        "the translation is empty: leave the field out instead".into(),
                    );
                } else {
                    by_field.insert((*name).to_owned(), text);
                }
            }
        }
        if !by_field.is_empty() {
            translations.insert(language, by_field);
        }
    }
    translations
}

const CONTACT_FIELDS: &[&str] = &["phone", "email", "web"];
const ADDRESS_FIELDS: &[&str] = &["street", "postcode", "city"];

fn read_contact(ctx: &mut Ctx, tbl: Tbl) -> Contact {
    let prefix = path(tbl.prefix, "contact");
    let Some(table) = opt_table(
        ctx,
        tbl,
        "contact",
        "a table, e.g. contact = { phone = \"02551 69-2305\" }",
    ) else {
        return Contact::default();
    };
    let inner = Tbl {
        table,
        prefix: &prefix,
    };
    check_keys(ctx, inner, CONTACT_FIELDS);
    Contact {
        phone: opt_checked(ctx, inner, "phone"),
        email: opt_checked(ctx, inner, "email"),
        web: opt_checked(ctx, inner, "web"),
    }
}

/// Reads an optional text into one of the core's checked types (phone, e-mail, web address):
/// the type's own rule decides, and a refusal is reported at the value's line.
fn opt_checked<T: TryFrom<String, Error = FieldError>>(
    ctx: &mut Ctx,
    tbl: Tbl,
    key: &str,
) -> Option<T> {
    let value = get(ctx, tbl, key)?;
    let field = path(tbl.prefix, key);
    let text = as_text(ctx, &field, value)?;
    match T::try_from(text) {
        Ok(checked) => Some(checked),
        Err(error) => {
            ctx.report(&field, Some(&value.span()), error.to_string());
            None
        }
    }
}

fn read_address(ctx: &mut Ctx, tbl: Tbl) -> Option<Address> {
    let prefix = path(tbl.prefix, "address");
    let table = opt_table(
        ctx,
        tbl,
        "address",
        "a table, e.g. address = { street = \"Markt 1\", city = \"Lage\" }",
    )?;
    let inner = Tbl {
        table,
        prefix: &prefix,
    };
    check_keys(ctx, inner, ADDRESS_FIELDS);
    Some(Address {
        street: opt_str(ctx, inner, "street"),
        postcode: opt_str(ctx, inner, "postcode"),
        city: opt_str(ctx, inner, "city"),
    })
}

const OFFICE_FIELDS: &[&str] = &[
    "id", "name", "kind", "kreis", "address", "contact", "source", "as_of",
];
const OFFICE_KINDS: &[&str] = &[
    "kreisfreie-stadt",
    "kreis",
    "staedteregion",
    "kreisangehoerige-stadt",
];
const WELCOME_FIELDS: &[&str] = &[
    "name",
    "description",
    "timing",
    "contact",
    "source",
    "as_of",
    "translations",
];
const OFFER_FIELDS: &[&str] = &[
    "id",
    "title",
    "description",
    "category",
    "age",
    "towns",
    "place",
    "schedule",
    "languages",
    "cost",
    "registration",
    "contact",
    "source",
    "as_of",
    "translations",
];
const CATEGORIES: &[&str] = &[
    "treffpunkt",
    "beratung",
    "gesundheit",
    "familienbuero",
    "familienzentrum",
    "bewegung",
    "bildung",
    "sonstiges",
];
const WEEKDAYS: &[&str] = &["mo", "di", "mi", "do", "fr", "sa", "so"];
const REGISTRATIONS: &[&str] = &["yes", "no", "unknown"];
const UNITS: &[&str] = &["day", "week", "month", "year"];
const RULES: &[&str] = &[
    "days_after_birth",
    "end_of_life_month",
    "end_of_calendar_month_after_birth",
    "months_after_birth",
];

/// Reads `id` first, so that every later message names the entry.
fn read_id(ctx: &mut Ctx, tbl: Tbl) -> String {
    let id = req_str(ctx, tbl, "id");
    if !id.trim().is_empty() {
        ctx.entry.id = Some(id.clone());
    }
    id
}

fn read_office(ctx: &mut Ctx, tbl: Tbl) -> Office {
    let id = read_id(ctx, tbl);
    if let Some(towns) = tbl.table.get("towns") {
        // The town list moved out of the office files: say where it went, not just "unknown".
        ctx.report(
            "towns",
            Some(&towns.span()),
            format!("office files no longer list towns: which office serves which town stands in {ASSIGNMENTS_FILE} (one row per town); delete this line"),
        );
    }
    let allowed: Vec<&str> = OFFICE_FIELDS.iter().copied().chain(["towns"]).collect();
    check_keys(ctx, tbl, &allowed);
    Office {
        id: checked_or(ctx, tbl, "id", id, "ungueltige-id"),
        name: req_str(ctx, tbl, "name"),
        kind: req_enum(ctx, tbl, "kind", OFFICE_KINDS).unwrap_or(OfficeKind::Kreis),
        kreis: req_str(ctx, tbl, "kreis"),
        // Filled in from the assignments table when the directory is built.
        towns: Vec::new(),
        address: read_address(ctx, tbl),
        contact: read_contact(ctx, tbl),
        source: req_str(ctx, tbl, "source"),
        as_of: req_as_of(ctx, tbl, "as_of"),
    }
}

fn read_welcome(ctx: &mut Ctx, tbl: Tbl) -> WelcomeService {
    check_keys(ctx, tbl, WELCOME_FIELDS);
    WelcomeService {
        translations: read_translations(ctx, tbl, &["name", "description", "timing"]),
        name: req_str(ctx, tbl, "name"),
        description: opt_str(ctx, tbl, "description").unwrap_or_default(),
        timing: opt_str(ctx, tbl, "timing"),
        contact: read_contact(ctx, tbl),
        source: req_str(ctx, tbl, "source"),
        as_of: req_as_of(ctx, tbl, "as_of"),
    }
}

/// Reads the optional `age`: absent when the source names no age group. A table that cannot be
/// read gives a stand-in range (reported, never checked again).
fn read_age(ctx: &mut Ctx, tbl: Tbl) -> Option<AgeRange> {
    let example = "a table, e.g. age = { from_months = 0, to_months = 11 } (or no age line at all when the source names no age group)";
    let present = tbl.table.contains_key("age");
    let Some(table) = opt_table(ctx, tbl, "age", example) else {
        return present.then_some(AgeRange {
            from_months: 0,
            to_months: 0,
        });
    };
    let inner = Tbl {
        table,
        prefix: "age",
    };
    check_keys(ctx, inner, &["from_months", "to_months"]);
    Some(AgeRange {
        from_months: req_num(ctx, inner, "from_months", "a number of months"),
        to_months: req_num(ctx, inner, "to_months", "a number of months"),
    })
}

fn read_place(ctx: &mut Ctx, tbl: Tbl) -> Option<Place> {
    let table = opt_table(
        ctx,
        tbl,
        "place",
        "a table, e.g. place = { name = \"Karderie\" }",
    )?;
    let inner = Tbl {
        table,
        prefix: "place",
    };
    check_keys(ctx, inner, &["name", "address", "lat", "lon"]);
    Some(Place {
        name: opt_str(ctx, inner, "name"),
        address: read_address(ctx, inner).unwrap_or_default(),
        lat: opt_float(ctx, inner, "lat"),
        lon: opt_float(ctx, inner, "lon"),
    })
}

fn read_slot(ctx: &mut Ctx, tbl: Tbl) -> Option<WeeklySlot> {
    check_keys(ctx, tbl, &["day", "opens", "closes", "weeks_of_month"]);
    let day: Option<Weekday> = req_enum(ctx, tbl, "day", WEEKDAYS);
    let opens = req_str(ctx, tbl, "opens");
    let closes = req_str(ctx, tbl, "closes");
    let mut weeks_of_month = Vec::new();
    if let Some(value) = get(ctx, tbl, "weeks_of_month") {
        let field = path(tbl.prefix, "weeks_of_month");
        match value.get_ref() {
            DeValue::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let item_field = format!("{field}[{i}]");
                    ctx.note(&item_field, &item.span());
                    if let Some(week) =
                        bounded::<u8>(ctx, &item_field, item, "a week of the month (1 to 5)")
                    {
                        weeks_of_month.push(week);
                    }
                }
            }
            _ => wrong_type(ctx, &field, value, "a list of weeks, e.g. [2, 4]"),
        }
    }
    Some(WeeklySlot {
        day: day?,
        opens,
        closes,
        weeks_of_month,
    })
}

fn read_schedule(ctx: &mut Ctx, tbl: Tbl) -> Schedule {
    let Some(table) = opt_table(
        ctx,
        tbl,
        "schedule",
        "a table with weekly slots and/or text",
    ) else {
        return Schedule::default();
    };
    let inner = Tbl {
        table,
        prefix: "schedule",
    };
    check_keys(ctx, inner, &["weekly", "text"]);
    let text = opt_str(ctx, inner, "text");
    let mut weekly = Vec::new();
    if let Some(value) = get(ctx, inner, "weekly") {
        match value.get_ref() {
            DeValue::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let prefix = format!("schedule.weekly[{i}]");
                    ctx.note(&prefix, &item.span());
                    match item.get_ref() {
                        DeValue::Table(table) => {
                            let slot = Tbl { table, prefix: &prefix };
                            if let Some(slot) = read_slot(ctx, slot) {
                                weekly.push(slot);
                            }
                        }
                        _ => wrong_type(
                            ctx,
                            &prefix,
                            item,
                            "a slot such as { day = \"mo\", opens = \"10:00\", closes = \"12:00\" }",
                        ),
                    }
                }
            }
            _ => wrong_type(
                ctx,
                "schedule.weekly",
                value,
                "a list of slots, e.g. [{ day = \"mo\", opens = \"10:00\", closes = \"12:00\" }]",
            ),
        }
    }
    Schedule { weekly, text }
}

fn read_offer(ctx: &mut Ctx, tbl: Tbl) -> Offer {
    let id = read_id(ctx, tbl);
    check_keys(ctx, tbl, OFFER_FIELDS);
    let title = req_str(ctx, tbl, "title");
    let description = opt_str(ctx, tbl, "description").unwrap_or_default();
    let category =
        req_enum::<Category>(ctx, tbl, "category", CATEGORIES).unwrap_or(Category::Sonstiges);
    Offer {
        translations: read_translations(ctx, tbl, &["title", "description", "cost"]),
        id: checked_or(ctx, tbl, "id", id, "ungueltige-id"),
        title,
        description,
        category,
        age: read_age(ctx, tbl),
        towns: town_list(ctx, tbl, "towns"),
        place: read_place(ctx, tbl),
        schedule: read_schedule(ctx, tbl),
        languages: str_list(ctx, tbl, "languages", false),
        cost: opt_str(ctx, tbl, "cost"),
        registration: opt_enum(ctx, tbl, "registration", REGISTRATIONS).unwrap_or_default(),
        contact: read_contact(ctx, tbl),
        source: req_str(ctx, tbl, "source"),
        as_of: req_as_of(ctx, tbl, "as_of"),
    }
}

fn read_span(ctx: &mut Ctx, tbl: Tbl, key: &str, required: bool) -> Option<LifeSpan> {
    let prefix = path(tbl.prefix, key);
    let example = "a table, e.g. { unit = \"month\", from = 6, to = 7 }";
    let Some(table) = opt_table(ctx, tbl, key, example) else {
        if required && !tbl.table.contains_key(key) {
            missing(ctx, tbl, key);
        }
        return None;
    };
    let inner = Tbl {
        table,
        prefix: &prefix,
    };
    check_keys(ctx, inner, &["unit", "from", "to", "extra_days"]);
    let unit: Option<LifeUnit> = req_enum(ctx, inner, "unit", UNITS);
    let what = "a positive whole number";
    Some(LifeSpan {
        unit: unit.unwrap_or(LifeUnit::Day),
        from: req_num(ctx, inner, "from", what),
        to: req_num(ctx, inner, "to", what),
        extra_days: opt_num(ctx, inner, "extra_days", what).unwrap_or(0),
    })
}

fn read_checkup(ctx: &mut Ctx, tbl: Tbl) -> CheckupRule {
    let id = read_id(ctx, tbl);
    check_keys(
        ctx,
        tbl,
        &[
            "id",
            "description",
            "official",
            "tolerance",
            "source",
            "as_of",
            "translations",
        ],
    );
    CheckupRule {
        translations: read_translations(ctx, tbl, &["description"]),
        id,
        description: opt_str(ctx, tbl, "description").unwrap_or_default(),
        official: read_span(ctx, tbl, "official", true).unwrap_or(LifeSpan {
            unit: LifeUnit::Day,
            from: 1,
            to: 1,
            extra_days: 0,
        }),
        tolerance: read_span(ctx, tbl, "tolerance", false),
        source: req_str(ctx, tbl, "source"),
        as_of: req_as_of(ctx, tbl, "as_of"),
    }
}

fn read_due(ctx: &mut Ctx, tbl: Tbl) -> DueRule {
    let fallback = DueRule::DaysAfterBirth(0);
    let example = "a table, e.g. due = { rule = \"days_after_birth\", value = 7 }";
    let Some(table) = opt_table(ctx, tbl, "due", example) else {
        if !tbl.table.contains_key("due") {
            missing(ctx, tbl, "due");
        }
        return fallback;
    };
    let inner = Tbl {
        table,
        prefix: "due",
    };
    check_keys(ctx, inner, &["rule", "value"]);
    let rule = req_enum::<String>(ctx, inner, "rule", RULES);
    let value: u32 = req_num(ctx, inner, "value", "a positive whole number");
    match rule.as_deref() {
        Some("days_after_birth") => DueRule::DaysAfterBirth(value),
        Some("end_of_life_month") => DueRule::EndOfLifeMonth(value),
        Some("end_of_calendar_month_after_birth") => DueRule::EndOfCalendarMonthAfterBirth(value),
        Some("months_after_birth") => DueRule::MonthsAfterBirth(value),
        Some(other) => {
            let span = table.get("rule").map(Spanned::span);
            ctx.report(
                "due.rule",
                span.as_ref(),
                format!("\"{other}\" is not one of {}", RULES.join(", ")),
            );
            fallback
        }
        None => fallback,
    }
}

/// The rules `late` may name, each with the numbers it needs.
const LATE_RULES: &[(&str, &[&str])] = &[
    ("retro_life_months", &["months", "last_life_month"]),
    ("retro_calendar_months", &["months", "until_months"]),
    ("notice_ahead", &["months", "from_months", "until_months"]),
];

/// Reads the optional `late` table: what applying after the date still brings.
fn read_late(ctx: &mut Ctx, tbl: Tbl) -> Option<LateRule> {
    let example =
        "a table, e.g. late = { rule = \"retro_calendar_months\", months = 6, until_months = 216 }";
    let table = opt_table(ctx, tbl, "late", example)?;
    let inner = Tbl {
        table,
        prefix: "late",
    };
    let names: Vec<&str> = LATE_RULES.iter().map(|(name, _)| *name).collect();
    let rule = req_enum::<String>(ctx, inner, "rule", &names)?;
    let Some((_, numbers)) = LATE_RULES.iter().find(|(name, _)| *name == rule) else {
        let span = table.get("rule").map(Spanned::span);
        ctx.report(
            "late.rule",
            span.as_ref(),
            format!("\"{rule}\" is not one of {}", names.join(", ")),
        );
        return None;
    };
    let allowed: Vec<&str> = std::iter::once("rule")
        .chain(numbers.iter().copied())
        .collect();
    check_keys(ctx, inner, &allowed);
    let number =
        |ctx: &mut Ctx, key: &str| -> u32 { req_num(ctx, inner, key, "a positive whole number") };
    Some(match rule.as_str() {
        "retro_life_months" => LateRule::RetroLifeMonths {
            months: number(ctx, "months"),
            last_life_month: number(ctx, "last_life_month"),
        },
        "retro_calendar_months" => LateRule::RetroCalendarMonths {
            months: number(ctx, "months"),
            until_months: number(ctx, "until_months"),
        },
        _ => LateRule::NoticeAhead {
            months: number(ctx, "months"),
            from_months: number(ctx, "from_months"),
            until_months: number(ctx, "until_months"),
        },
    })
}

fn read_deadline(ctx: &mut Ctx, tbl: Tbl) -> DeadlineRule {
    let id = read_id(ctx, tbl);
    check_keys(
        ctx,
        tbl,
        &[
            "id",
            "title",
            "description",
            "due",
            "late",
            "legal_basis",
            "source",
            "as_of",
            "translations",
        ],
    );
    DeadlineRule {
        translations: read_translations(ctx, tbl, &["title", "description"]),
        id,
        title: req_str(ctx, tbl, "title"),
        description: req_str(ctx, tbl, "description"),
        due: read_due(ctx, tbl),
        late: read_late(ctx, tbl),
        legal_basis: req_str(ctx, tbl, "legal_basis"),
        source: req_str(ctx, tbl, "source"),
        as_of: req_as_of(ctx, tbl, "as_of"),
    }
}

const HELPLINE_FIELDS: &[&str] = &[
    "id",
    "name",
    "purpose",
    "phones",
    "web",
    "hours",
    "cost",
    "languages",
    "caveat",
    "source",
    "as_of",
    "translations",
];

/// Reads the optional `phones` of a help line: a list of `{ number, label }` tables, each item's
/// line kept as `phones[i]`.
fn read_phones(ctx: &mut Ctx, tbl: Tbl) -> Vec<HelplinePhone> {
    let Some(value) = get(ctx, tbl, "phones") else {
        return Vec::new();
    };
    let DeValue::Array(items) = value.get_ref() else {
        wrong_type(
            ctx,
            "phones",
            value,
            "a list of numbers, e.g. phones = [{ number = \"0800 00 22 8 33\", label = \"aus dem Festnetz\" }, { number = \"22 8 33\", label = \"vom Handy\" }]",
        );
        return Vec::new();
    };
    let mut phones = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let prefix = format!("phones[{i}]");
        ctx.note(&prefix, &item.span());
        match item.get_ref() {
            DeValue::Table(table) => {
                let inner = Tbl {
                    table,
                    prefix: &prefix,
                };
                check_keys(ctx, inner, &["number", "label"]);
                phones.push(HelplinePhone {
                    number: req_str(ctx, inner, "number"),
                    label: opt_str(ctx, inner, "label"),
                });
            }
            _ => {
                wrong_type(
                    ctx,
                    &prefix,
                    item,
                    "a number as a table, e.g. { number = \"112\" }",
                );
                // A stand-in keeps `phones[i]` the i-th item of the file (reported, never checked).
                phones.push(HelplinePhone {
                    number: String::new(),
                    label: None,
                });
            }
        }
    }
    phones
}

fn read_helpline(ctx: &mut Ctx, tbl: Tbl) -> Helpline {
    let id = read_id(ctx, tbl);
    check_keys(ctx, tbl, HELPLINE_FIELDS);
    Helpline {
        translations: read_translations(
            ctx,
            tbl,
            &["name", "purpose", "hours", "cost", "languages", "caveat"],
        ),
        id,
        name: req_str(ctx, tbl, "name"),
        purpose: req_str(ctx, tbl, "purpose"),
        phones: read_phones(ctx, tbl),
        web: opt_str(ctx, tbl, "web"),
        hours: opt_str(ctx, tbl, "hours"),
        cost: opt_str(ctx, tbl, "cost"),
        languages: opt_str(ctx, tbl, "languages"),
        caveat: opt_str(ctx, tbl, "caveat"),
        source: req_str(ctx, tbl, "source"),
        as_of: req_as_of(ctx, tbl, "as_of"),
    }
}

/// The tables of a top-level key: one `[key]` table (`many = false`) or `[[key]]` blocks.
fn top_tables<'t, 'i>(
    path: &Path,
    lines: &LineIndex,
    diags: &mut Diagnostics,
    root: &'t DeTable<'i>,
    key: &str,
    many: bool,
) -> Vec<(Range<usize>, &'t DeTable<'i>)> {
    let Some(value) = root.get(key) else {
        return Vec::new();
    };
    let line = Some(lines.line(value.span().start));
    match (value.get_ref(), many) {
        (DeValue::Table(table), false) => vec![(value.span(), table)],
        (DeValue::Array(items), true) => {
            let mut tables = Vec::new();
            for item in items.iter() {
                match item.get_ref() {
                    DeValue::Table(table) => tables.push((item.span(), table)),
                    _ => diags.file_error(
                        path,
                        Some(lines.line(item.span().start)),
                        format!("each {key} must be a table written as [[{key}]]"),
                    ),
                }
            }
            tables
        }
        (_, true) => {
            diags.file_error(
                path,
                line,
                format!("\"{key}\" must be written as [[{key}]] blocks, one block per entry"),
            );
            Vec::new()
        }
        (_, false) => {
            diags.file_error(
                path,
                line,
                format!("\"{key}\" must be written once as a [{key}] table"),
            );
            Vec::new()
        }
    }
}

fn check_top_keys(
    path: &Path,
    lines: &LineIndex,
    diags: &mut Diagnostics,
    root: &DeTable,
    allowed: &[&str],
) {
    for (key, _) in root.iter() {
        let name = key.get_ref().as_ref();
        if !allowed.contains(&name) {
            let hint = suggestion(name, allowed);
            diags.push(Diagnostic {
                file: path.to_path_buf(),
                line: Some(lines.line(key.span().start)),
                entry: None,
                field: Some(name.to_owned()),
                message: format!(
                    "unknown field{hint} Allowed at the top of this file: {}",
                    allowed.join(", ")
                ),
            });
        }
    }
}

/// Reads one office file.
pub fn read_office_file(path: &Path, text: &str, diags: &mut Diagnostics) -> OfficeSource {
    let lines = LineIndex::new(text);
    let mut source = OfficeSource {
        path: path.to_path_buf(),
        office: None,
        welcome: None,
        offers: Vec::new(),
    };
    let Some(root) = parse_toml(path, text, &lines, diags) else {
        return source;
    };
    check_top_keys(path, &lines, diags, &root, &["office", "welcome", "offer"]);
    let offices = top_tables(path, &lines, diags, &root, "office", false);
    if offices.is_empty() && !root.contains_key("office") {
        diags.file_error(
            path,
            Some(1),
            "the file has no [office] table: every office file starts with one",
        );
    }
    let mut office_id = None;
    for (span, table) in offices {
        let mut ctx = Ctx::new(path, &lines, diags, "office", 1, span);
        let office = read_office(&mut ctx, Tbl { table, prefix: "" });
        office_id = ctx.entry.id.clone();
        source.office = Some(ctx.finish(office));
    }
    for (span, table) in top_tables(path, &lines, diags, &root, "welcome", false) {
        let mut ctx = Ctx::new(path, &lines, diags, "welcome", 1, span);
        ctx.entry.id.clone_from(&office_id);
        let welcome = read_welcome(&mut ctx, Tbl { table, prefix: "" });
        source.welcome = Some(ctx.finish(welcome));
    }
    for (i, (span, table)) in top_tables(path, &lines, diags, &root, "offer", true)
        .into_iter()
        .enumerate()
    {
        let mut ctx = Ctx::new(path, &lines, diags, "offer", i + 1, span);
        let offer = read_offer(&mut ctx, Tbl { table, prefix: "" });
        source.offers.push(ctx.finish(offer));
    }
    source
}

/// Reads `statewide.toml`.
pub fn read_statewide(path: &Path, text: &str, diags: &mut Diagnostics) -> StatewideSource {
    let lines = LineIndex::new(text);
    let mut source = StatewideSource {
        path: path.to_path_buf(),
        checkups: Vec::new(),
        deadlines: Vec::new(),
        helplines: Vec::new(),
    };
    let Some(root) = parse_toml(path, text, &lines, diags) else {
        return source;
    };
    check_top_keys(
        path,
        &lines,
        diags,
        &root,
        &["checkup", "deadline", "helpline"],
    );
    for (i, (span, table)) in top_tables(path, &lines, diags, &root, "checkup", true)
        .into_iter()
        .enumerate()
    {
        let mut ctx = Ctx::new(path, &lines, diags, "checkup", i + 1, span);
        let checkup = read_checkup(&mut ctx, Tbl { table, prefix: "" });
        source.checkups.push(ctx.finish(checkup));
    }
    for (i, (span, table)) in top_tables(path, &lines, diags, &root, "deadline", true)
        .into_iter()
        .enumerate()
    {
        let mut ctx = Ctx::new(path, &lines, diags, "deadline", i + 1, span);
        let deadline = read_deadline(&mut ctx, Tbl { table, prefix: "" });
        source.deadlines.push(ctx.finish(deadline));
    }
    for (i, (span, table)) in top_tables(path, &lines, diags, &root, "helpline", true)
        .into_iter()
        .enumerate()
    {
        let mut ctx = Ctx::new(path, &lines, diags, "helpline", i + 1, span);
        let helpline = read_helpline(&mut ctx, Tbl { table, prefix: "" });
        source.helplines.push(ctx.finish(helpline));
    }
    source
}

#[cfg(test)]
mod tests {
    use super::*;

    fn office(text: &str) -> (OfficeSource, Vec<String>) {
        let mut diags = Diagnostics::new();
        let source = read_office_file(Path::new("o.toml"), text, &mut diags);
        (
            source,
            diags.sorted().iter().map(|d| d.to_string()).collect(),
        )
    }

    const MINIMAL: &str = "[office]\nid = \"kreis-x\"\nname = \"Kreis X, Jugendamt\"\nkind = \"kreis\"\nkreis = \"X\"\naddress = { city = \"X\" }\ncontact = { web = \"https://x.de\" }\nsource = \"s\"\nas_of = 2020-01-01\n";

    #[test]
    fn reads_an_office_with_field_lines() {
        let (source, messages) = office(MINIMAL);
        assert!(messages.is_empty(), "{messages:?}");
        let office = source.office.expect("office");
        assert_eq!(office.value.kind, OfficeKind::Kreis);
        assert!(
            office.value.towns.is_empty(),
            "towns come from the assignments table"
        );
        assert_eq!(office.line, 1);
        assert_eq!(office.fields.line("kind"), Some(4));
        assert_eq!(office.fields.line("as_of"), Some(9));
        assert_eq!(
            office.value.as_of.map(|a| a.to_string()).as_deref(),
            Some("2020-01-01")
        );
    }

    #[test]
    fn reports_every_structural_problem_with_its_line() {
        let text = format!(
            "{MINIMAL}telefon = \"1\"\n\n[[offer]]\nid = \"a\"\ncategory = \"cafe\"\nage = {{ from_months = \"0\", to_months = 3 }}\nsource = \"s\"\nas_of = \"2020-02-30\"\n"
        );
        let (_, messages) = office(&text);
        assert_eq!(
            messages,
            [
                "o.toml:10: office \"kreis-x\", field \"telefon\": unknown field; did you mean contact = { phone = ... }? Fields allowed here: id, name, kind, kreis, address, contact, source, as_of, towns",
                "o.toml:12: offer \"a\", field \"title\": this required field is missing.",
                "o.toml:14: offer \"a\", field \"category\": \"cafe\" is not one of treffpunkt, beratung, gesundheit, familienbuero, familienzentrum, bewegung, bildung, sonstiges",
                "o.toml:15: offer \"a\", field \"age.from_months\": must be a whole number without quotes, e.g. 12, but is string",
                "o.toml:17: offer \"a\", field \"as_of\": \"2020-02-30\" is not a date: the day does not exist; write the day of the source as \"YYYY-MM-DD\" (e.g. \"2024-05-03\"), when the source names only the year the year as \"YYYY\" (e.g. \"2024\"), or \"unbekannt\" when the source gives no date",
            ]
        );
    }

    #[test]
    fn reads_as_of_as_a_day_or_a_year() {
        let offer = |as_of: &str| {
            format!(
                "{MINIMAL}\n[[offer]]\nid = \"a\"\ntitle = \"T\"\ncategory = \"treffpunkt\"\nsource = \"s\"\nas_of = {as_of}\n"
            )
        };
        for (written, read) in [
            ("\"2024\"", Some(AsOf::Year(2024))),
            (
                "\"2024-05-03\"",
                Some(AsOf::Day("2024-05-03".parse().expect("date"))),
            ),
            (
                "2024-05-03",
                Some(AsOf::Day("2024-05-03".parse().expect("date"))),
            ),
            ("\"unbekannt\"", None),
        ] {
            let (source, messages) = office(&offer(written));
            assert!(messages.is_empty(), "{written}: {messages:?}");
            let offer = &source.offers[0];
            assert_eq!(offer.value.as_of, read, "{written}");
            // No age line: the source names no age group.
            assert_eq!(offer.value.age, None);
            assert!(!offer.fields.present("age"));
        }
        for (written, expected) in [
            ("\"2024-5\"", "\"2024-5\" is not a date or a year: write the day"),
            ("\"24\"", "\"24\" is not a date or a year"),
            ("\"03.05.2024\"", "is not a date or a year"),
            ("2024", "must be a date \"YYYY-MM-DD\" or a year \"YYYY\" in quotes, e.g. as_of = \"2024\", but is integer"),
            ("2024-05-03T10:00:00", "is not a date or a year"),
        ] {
            let (_, messages) = office(&offer(written));
            assert_eq!(messages.len(), 1, "{written}: {messages:?}");
            assert!(
                messages[0].starts_with("o.toml:16: offer \"a\", field \"as_of\": "),
                "{written}: {messages:?}"
            );
            assert!(messages[0].contains(expected), "{written}: {messages:?}");
        }
    }

    #[test]
    fn reports_syntax_errors_with_line() {
        let (source, messages) = office("[office]\nid = \"x\"\nname = = 1\n");
        assert!(source.office.is_none());
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(
            messages[0].starts_with("o.toml:3: TOML syntax error"),
            "{messages:?}"
        );
    }

    #[test]
    fn marks_reported_fields_and_their_relatives() {
        let mut lines = FieldLines::default();
        lines.reported.insert("age.from_months".into());
        assert!(lines.is_reported("age"));
        assert!(lines.is_reported("age.from_months"));
        assert!(!lines.is_reported("agent"));
        assert!(!lines.is_reported("towns"));
    }

    #[test]
    fn counts_lines() {
        let index = LineIndex::new("a\nb\n\nc");
        assert_eq!(index.line(0), 1);
        assert_eq!(index.line(2), 2);
        assert_eq!(index.line(4), 3);
        assert_eq!(index.line(5), 4);
    }

    #[test]
    fn suggests_fields() {
        assert_eq!(
            suggestion("Telefon", CONTACT_FIELDS),
            "; did you mean \"phone\"?"
        );
        assert_eq!(
            suggestion("telefon", OFFER_FIELDS),
            "; did you mean contact = { phone = ... }?"
        );
        assert_eq!(
            suggestion("titel", OFFER_FIELDS),
            "; did you mean \"title\"?"
        );
        assert_eq!(suggestion("xyz", OFFER_FIELDS), ".");
        assert_eq!(edit_distance("titel", "title"), 2);
        assert_eq!(
            suggestion("Telefon", HELPLINE_FIELDS),
            "; did you mean \"phones\"?"
        );
        assert_eq!(
            suggestion("zeiten", HELPLINE_FIELDS),
            "; did you mean \"hours\"?"
        );
        assert_eq!(
            suggestion("zeiten", OFFER_FIELDS),
            "; did you mean \"schedule\"?"
        );
    }

    fn statewide(text: &str) -> (StatewideSource, Vec<String>) {
        let mut diags = Diagnostics::new();
        let source = read_statewide(Path::new("s.toml"), text, &mut diags);
        (
            source,
            diags.sorted().iter().map(|d| d.to_string()).collect(),
        )
    }

    #[test]
    fn reads_help_lines_in_file_order_with_the_lines_of_their_numbers() {
        let text = "[[helpline]]\nid = \"notruf-112\"\nname = \"Notruf\"\npurpose = \"Bei Lebensgefahr.\"\nphones = [{ number = \"112\" }]\nsource = \"s\"\nas_of = \"unbekannt\"\n\n[[helpline]]\nid = \"apotheken\"\nname = \"Apotheken-Notdienst\"\npurpose = \"Nächste Apotheke.\"\nphones = [\n  { number = \"0800 00 22 8 33\" },\n  { number = \"22 8 33\", label = \"vom Handy\" },\n]\nweb = \"https://www.aponet.de\"\nhours = \"rund um die Uhr\"\nsource = \"s\"\nas_of = \"2020-04-09\"\n";
        let (source, messages) = statewide(text);
        assert!(messages.is_empty(), "{messages:?}");
        let ids: Vec<&str> = source
            .helplines
            .iter()
            .map(|h| h.value.id.as_str())
            .collect();
        assert_eq!(ids, ["notruf-112", "apotheken"]);
        let pharmacy = &source.helplines[1];
        assert_eq!(pharmacy.value.phones.len(), 2);
        assert_eq!(pharmacy.value.phones[1].label.as_deref(), Some("vom Handy"));
        assert_eq!(pharmacy.fields.line("phones[1].number"), Some(15));
        assert_eq!(source.helplines[0].value.as_of, None);
    }

    #[test]
    fn reports_structural_problems_of_a_help_line() {
        let text = "[[helpline]]\nid = \"x\"\ntelefon = \"112\"\nphones = [\"112\", { label = \"L\" }]\nsource = \"s\"\nas_of = \"2020\"\n";
        let (source, messages) = statewide(text);
        // The unreadable first number keeps its place: the label read is that of phones[1].
        let phones = &source.helplines[0].value.phones;
        assert_eq!(phones.len(), 2);
        assert_eq!(phones[1].label.as_deref(), Some("L"));
        assert_eq!(
            messages,
            [
                "s.toml:1: helpline \"x\", field \"name\": this required field is missing.",
                "s.toml:1: helpline \"x\", field \"purpose\": this required field is missing.",
                "s.toml:1: helpline \"x\", field \"phones[1].number\": this required field is missing.",
                "s.toml:3: helpline \"x\", field \"telefon\": unknown field; did you mean \"phones\"? Fields allowed here: id, name, purpose, phones, web, hours, cost, languages, caveat, source, as_of, translations",
                "s.toml:4: helpline \"x\", field \"phones[0]\": must be a number as a table, e.g. { number = \"112\" }, but is string",
            ]
        );
    }
}

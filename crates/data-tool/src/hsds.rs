//! Open Referral HSDS 3.0 export: the assembled directory as CSV tables beside the official `datapackage.json`.
//!
//! Reads the files `build::assemble` made (so the export shows exactly what the app shows) and maps
//! them onto the tables of HSDS 3.0.0; `data/README.md` ("HSDS-Export") describes the mapping. Every
//! table of the official package is written, header-only when the data holds nothing for it, so the
//! package validates with `datapackage.json` unchanged. Ids are UUID v5 over [`NAMESPACE`] and the
//! project's own ids; rows are sorted by those ids' keys; no timestamps: same input, same bytes.

use crate::build::Output;
use kekiz_core::date::AsOf;
use kekiz_core::directory::{
    Address, AgeRange, Category, Confidence, DirectoryIndex, Offer, Office, OfficeFile, OfficeKind,
    Place, Registration, Schedule, Town, Weekday, WelcomeService,
};
use kekiz_core::i18n::in_german;
use kekiz_core::validation::TownKey;
use kekiz_core::words;
use std::collections::{BTreeMap, BTreeSet};
use thiserror::Error;
use uuid::Uuid;

/// The official HSDS 3.0.0 tabular package description, written unchanged into every export.
pub const DATAPACKAGE: &str = include_str!("../hsds/datapackage.json");

/// Namespace of every id in the export (UUID v5 of "<table>:<key>"); changing it changes every id.
pub const NAMESPACE: Uuid = Uuid::from_u128(0x5099dc53_be1c_4f8b_b18c_edc77c1dc859);

/// State written into `addresses.csv`, only for postcodes that belong to an NRW town.
const STATE: &str = "Nordrhein-Westfalen";

/// Note on every schedule row with times: HSDS asks for a UTC offset, which changes with summer time.
const LOCAL_TIME: &str = "Uhrzeiten in deutscher Ortszeit (Europe/Berlin, mit Sommerzeit)";

/// Why an export could not be made.
#[derive(Debug, Error)]
pub enum HsdsError {
    /// A file the export reads is missing from the assembled output.
    #[error("the assembled output has no file {0}")]
    MissingFile(String),
    /// An assembled file could not be read back.
    #[error("cannot read the assembled file {file}: {source}")]
    Json {
        /// The file.
        file: String,
        /// What went wrong.
        source: serde_json::Error,
    },
    /// The embedded `datapackage.json` is not the table package the export expects.
    #[error("the embedded datapackage.json is not a usable HSDS table package: {0}")]
    Schema(String),
    /// A row names a table the package does not have.
    #[error("the HSDS package has no table \"{0}\"")]
    UnknownTable(String),
    /// A row names a field its table does not have.
    #[error("the HSDS table \"{table}\" has no field \"{field}\"")]
    UnknownField {
        /// The table.
        table: String,
        /// The field.
        field: String,
    },
    /// Two rows of one table would get the same id.
    #[error("two rows of the HSDS table \"{table}\" have the key \"{key}\"")]
    DuplicateRow {
        /// The table.
        table: String,
        /// The key both rows have.
        key: String,
    },
    /// A time is not of the form "HH:MM".
    #[error("offer \"{offer}\": the time \"{time}\" is not of the form HH:MM")]
    Time {
        /// The service key of the offer.
        offer: String,
        /// The time as written.
        time: String,
    },
    /// A table could not be written as CSV.
    #[error("cannot write the HSDS table {table}: {source}")]
    Csv {
        /// The CSV file.
        table: String,
        /// What went wrong.
        source: csv::Error,
    },
}

/// The export in memory: every file by path relative to the output folder, and the rows per table.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    /// `datapackage.json`, `README.md` and one CSV file per table of the package, by path.
    pub files: BTreeMap<String, Vec<u8>>,
    /// Number of data rows by CSV file name, e.g. "services.csv" (0 for header-only tables).
    pub rows: BTreeMap<String, usize>,
}

impl Export {
    /// Number of data rows in one CSV file, 0 when it has none or does not exist.
    pub fn rows_in(&self, file: &str) -> usize {
        self.rows.get(file).copied().unwrap_or(0)
    }
}

/// The UUID (v5 over [`NAMESPACE`]) of the row with `key` in the HSDS table (resource) `table`.
pub fn uuid_for(table: &str, key: &str) -> String {
    Uuid::new_v5(&NAMESPACE, format!("{table}:{key}").as_bytes()).to_string()
}

/// A term of one of the export's own taxonomies.
struct Term {
    code: String,
    name: String,
    description: String,
}

/// One of the export's own taxonomies with its terms.
struct Taxonomy {
    name: &'static str,
    description: &'static str,
    terms: Vec<Term>,
}

/// Term of the exact age range in completed months, value "from-to".
const TERM_AGE: &str = "kekiz-age-months";
/// Term of the project's own id of an offer.
const TERM_ID: &str = "kekiz-id";
/// Term of the source of an entry.
const TERM_SOURCE: &str = "kekiz-source";
/// Term of the date of that source ("Stand").
const TERM_AS_OF: &str = "kekiz-as-of";
/// Category term of the welcome-visit services.
const TERM_WELCOME: &str = "kekiz-category-begruessungsdienst";

fn term(code: impl Into<String>, name: &str, description: &str) -> Term {
    Term {
        code: code.into(),
        name: name.to_owned(),
        description: description.to_owned(),
    }
}

const CATEGORIES: [Category; 8] = [
    Category::Treffpunkt,
    Category::Beratung,
    Category::Gesundheit,
    Category::Familienbuero,
    Category::Familienzentrum,
    Category::Bewegung,
    Category::Bildung,
    Category::Sonstiges,
];

const KINDS: [OfficeKind; 4] = [
    OfficeKind::KreisfreieStadt,
    OfficeKind::Kreis,
    OfficeKind::Staedteregion,
    OfficeKind::KreisangehoerigeStadt,
];

/// The word the data files use for a category, e.g. "familienbuero".
fn category_word(category: Category) -> &'static str {
    match category {
        Category::Treffpunkt => "treffpunkt",
        Category::Beratung => "beratung",
        Category::Gesundheit => "gesundheit",
        Category::Familienbuero => "familienbuero",
        Category::Familienzentrum => "familienzentrum",
        Category::Bewegung => "bewegung",
        Category::Bildung => "bildung",
        // Validated data never holds a kind this version does not know.
        Category::Sonstiges | Category::Unknown => "sonstiges",
    }
}

fn category_term(category: Category) -> String {
    format!("kekiz-category-{}", category_word(category))
}

fn kind_term(kind: OfficeKind) -> String {
    format!("kekiz-office-kind-{}", kind.as_str())
}

/// What kind of body runs the office, in German.
fn kind_words(kind: OfficeKind) -> &'static str {
    match kind {
        OfficeKind::KreisfreieStadt => "kreisfreie Stadt",
        OfficeKind::Kreis => "Kreis (Kreisjugendamt)",
        OfficeKind::Staedteregion => "Städteregion",
        OfficeKind::KreisangehoerigeStadt => "kreisangehörige Stadt mit eigenem Jugendamt",
    }
}

fn taxonomies() -> Vec<Taxonomy> {
    vec![
        Taxonomy {
            name: "kekiz-age-months",
            description: "KeKiz-Begleiter: Altersspanne eines Angebots in vollendeten Lebensmonaten des Kindes, genauer als minimum_age/maximum_age in Jahren.",
            terms: vec![term(
                TERM_AGE,
                "Alter in Monaten",
                "Wert „von-bis“: vollendete Lebensmonate des Kindes, beide Enden eingeschlossen; negative Zahlen = Schwangerschaft (-1 = letzter Monat vor dem Geburtstermin). Beispiele: „0-11“ (erstes Lebensjahr), „-9-35“ (ab der Schwangerschaft bis unter 3 Jahren), „-3--1“ (letzte drei Monate der Schwangerschaft).",
            )],
        },
        Taxonomy {
            name: "kekiz-category",
            description: "KeKiz-Begleiter: Art eines Angebots entlang der Präventionskette, und der Begrüßungsdienst der Jugendämter.",
            terms: std::iter::once(term(
                TERM_WELCOME,
                "Begrüßungsdienst",
                "Willkommensbesuch des Jugendamts bei Familien mit einem neugeborenen Kind (Babybegrüßungsdienst).",
            ))
            .chain(CATEGORIES.iter().map(|&c| {
                let name = in_german(&words::category_name(c));
                term(
                    category_term(c),
                    &name,
                    &format!("Angebotsart „{name}“ des KeKiz-Begleiters."),
                )
            }))
            .collect(),
        },
        Taxonomy {
            name: "kekiz-office-kind",
            description: "KeKiz-Begleiter: welche Körperschaft ein Jugendamt trägt (AG-KJHG NRW §1a/§2).",
            terms: KINDS
                .iter()
                .map(|&k| {
                    term(
                        kind_term(k),
                        kind_words(k),
                        &format!("Jugendamt, Träger: {}.", kind_words(k)),
                    )
                })
                .collect(),
        },
        Taxonomy {
            name: "kekiz-provenance",
            description: "KeKiz-Begleiter: Herkunft eines Eintrags: Kennung, Quelle und Stand der Quelle.",
            terms: vec![
                term(
                    TERM_ID,
                    "Kennung",
                    "Die Kennung (id) des Angebots in den Daten des KeKiz-Begleiters; aus ihr ist die UUID abgeleitet.",
                ),
                term(
                    TERM_SOURCE,
                    "Quelle",
                    "Wo die Angaben gelesen wurden (Website, Titel, Jahr), wie in den Daten.",
                ),
                term(
                    TERM_AS_OF,
                    "Stand",
                    "Stand der Quelle: „Stand: JJJJ-MM-TT“, wenn die Quelle den Tag nennt, „Stand: JJJJ“, wenn sie nur das Jahr nennt, „Stand unbekannt“, wenn sie kein Datum nennt.",
                ),
            ],
        },
    ]
}

/// One table of the package: its file, its fields in the package's order, its rows by key.
struct Table {
    path: String,
    fields: Vec<String>,
    rows: BTreeMap<String, Vec<String>>,
}

/// Values of one row by field name; fields left out stay empty.
#[derive(Default)]
struct Row(Vec<(&'static str, String)>);

impl Row {
    fn set(mut self, field: &'static str, value: impl Into<String>) -> Row {
        self.0.push((field, value.into()));
        self
    }

    fn opt<T: Into<String>>(self, field: &'static str, value: Option<T>) -> Row {
        match value {
            Some(value) => self.set(field, value),
            None => self,
        }
    }
}

/// Every table of the official package, filled row by row.
struct Tables(BTreeMap<String, Table>);

impl Tables {
    /// The empty tables of the embedded `datapackage.json`, by resource name.
    fn from_package() -> Result<Tables, HsdsError> {
        let package: serde_json::Value =
            serde_json::from_str(DATAPACKAGE).map_err(|err| HsdsError::Schema(err.to_string()))?;
        let resources = package
            .get("resources")
            .and_then(serde_json::Value::as_array)
            .ok_or_else(|| HsdsError::Schema("no list \"resources\"".to_owned()))?;
        let mut tables = BTreeMap::new();
        for resource in resources {
            let text = |key: &str| {
                resource
                    .get(key)
                    .and_then(serde_json::Value::as_str)
                    .map(str::to_owned)
                    .ok_or_else(|| HsdsError::Schema(format!("a resource without \"{key}\"")))
            };
            let name = text("name")?;
            let path = text("path")?;
            let fields = resource
                .pointer("/schema/fields")
                .and_then(serde_json::Value::as_array)
                .ok_or_else(|| HsdsError::Schema(format!("resource \"{name}\" has no fields")))?
                .iter()
                .map(|field| {
                    field
                        .get("name")
                        .and_then(serde_json::Value::as_str)
                        .map(str::to_owned)
                        .ok_or_else(|| {
                            HsdsError::Schema(format!("a field of \"{name}\" has no name"))
                        })
                })
                .collect::<Result<Vec<_>, _>>()?;
            tables.insert(
                name,
                Table {
                    path,
                    fields,
                    rows: BTreeMap::new(),
                },
            );
        }
        Ok(Tables(tables))
    }

    /// Adds a row with the id [`uuid_for`]`(table, key)` and returns that id.
    fn add(&mut self, table: &str, key: &str, row: Row) -> Result<String, HsdsError> {
        let target = self
            .0
            .get_mut(table)
            .ok_or_else(|| HsdsError::UnknownTable(table.to_owned()))?;
        let id = uuid_for(table, key);
        let mut cells = vec![String::new(); target.fields.len()];
        for (field, value) in std::iter::once(("id", id.clone())).chain(row.0) {
            let at = target
                .fields
                .iter()
                .position(|f| f == field)
                .ok_or_else(|| HsdsError::UnknownField {
                    table: table.to_owned(),
                    field: field.to_owned(),
                })?;
            cells[at] = value;
        }
        if target.rows.insert(key.to_owned(), cells).is_some() {
            return Err(HsdsError::DuplicateRow {
                table: table.to_owned(),
                key: key.to_owned(),
            });
        }
        Ok(id)
    }

    /// Adds an attribute: the taxonomy term `term` (with `value`) applied to a row of `entity`.
    fn attribute(
        &mut self,
        entity: &'static str,
        link_key: &str,
        link_id: &str,
        term: &str,
        link_type: &'static str,
        value: Option<String>,
    ) -> Result<String, HsdsError> {
        self.add(
            "attribute",
            &format!("{entity}:{link_key}/{term}"),
            Row::default()
                .set("link_id", link_id)
                .set("taxonomy_term_id", uuid_for("taxonomy_term", term))
                .set("link_type", link_type)
                .set("link_entity", entity)
                .opt("value", value),
        )
    }

    /// The source and the date of the source of an entry, as two attributes.
    fn provenance(
        &mut self,
        entity: &'static str,
        link_key: &str,
        link_id: &str,
        source: &str,
        as_of: Option<AsOf>,
    ) -> Result<(), HsdsError> {
        self.attribute(
            entity,
            link_key,
            link_id,
            TERM_SOURCE,
            "provenance",
            Some(source.to_owned()),
        )?;
        self.attribute(
            entity,
            link_key,
            link_id,
            TERM_AS_OF,
            "provenance",
            Some(as_of_words(as_of)),
        )?;
        Ok(())
    }

    /// Every table as CSV bytes ("\n" line ends, quotes only where needed), with its row count.
    fn into_files(self) -> Result<Vec<(String, Vec<u8>, usize)>, HsdsError> {
        let mut files = Vec::new();
        for table in self.0.into_values() {
            let csv_error = |source| HsdsError::Csv {
                table: table.path.clone(),
                source,
            };
            let mut writer = csv::WriterBuilder::new()
                .terminator(csv::Terminator::Any(b'\n'))
                .quote_style(csv::QuoteStyle::Necessary)
                .from_writer(Vec::new());
            writer.write_record(&table.fields).map_err(csv_error)?;
            for cells in table.rows.values() {
                writer.write_record(cells).map_err(csv_error)?;
            }
            let bytes = writer
                .into_inner()
                .map_err(|err| csv_error(err.into_error().into()))?;
            files.push((table.path.clone(), bytes, table.rows.len()));
        }
        Ok(files)
    }
}

/// "Stand: 2024-05-03", "Stand: 2024" or "Stand unbekannt": never a day the source does not name.
fn as_of_words(as_of: Option<AsOf>) -> String {
    match as_of {
        Some(as_of) => format!("Stand: {as_of}"),
        None => "Stand unbekannt".to_owned(),
    }
}

/// HSDS `assured_date`: the day of the source, only when the source names the day.
fn assured_date(as_of: Option<AsOf>) -> Option<String> {
    as_of.and_then(AsOf::day).map(|day| day.to_string())
}

/// HSDS `minimum_age` and `maximum_age` in whole years for a range of completed months.
///
/// A child of `y` completed years is in months `12y` to `12y + 11`; the years given are every year
/// of life the month range touches, so the year range is never narrower than the month range and
/// nobody who fits is left out (0-11 months gives 0 to 0 years, 6-18 months 0 to 1). Pregnancy has
/// no age in years: a range starting in pregnancy has no minimum, one within pregnancy neither.
fn age_in_years(range: AgeRange) -> (Option<i32>, Option<i32>) {
    let years = |months: i32| (months >= 0).then(|| months.div_euclid(12));
    (years(range.from_months), years(range.to_months))
}

/// The value of the months attribute, "0-11", "-9-35", "-3--1".
fn months_value(range: AgeRange) -> String {
    format!("{}-{}", range.from_months, range.to_months)
}

/// The two-letter iCalendar day (HSDS `byday`).
fn ical_day(day: Weekday) -> &'static str {
    match day {
        Weekday::Mo => "MO",
        Weekday::Di => "TU",
        Weekday::Mi => "WE",
        Weekday::Do => "TH",
        Weekday::Fr => "FR",
        Weekday::Sa => "SA",
        Weekday::So => "SU",
        // Validated data never holds a day word this version does not know; such a slot is skipped.
        Weekday::Unknown => "",
    }
}

/// "HH:MM" as the "HH:MM:SS" the HSDS `time` fields take.
fn hsds_time(service: &str, time: &str) -> Result<String, HsdsError> {
    let bytes = time.as_bytes();
    let digits = [0, 1, 3, 4]
        .iter()
        .all(|&i| bytes.get(i).is_some_and(u8::is_ascii_digit));
    if bytes.len() == 5 && bytes[2] == b':' && digits {
        Ok(format!("{time}:00"))
    } else {
        Err(HsdsError::Time {
            offer: service.to_owned(),
            time: time.to_owned(),
        })
    }
}

/// What the export knows about all towns: the index's towns and the set of NRW postcodes.
struct Towns<'a> {
    by_ags: BTreeMap<&'a str, &'a Town>,
    postcodes: BTreeSet<&'a str>,
}

impl<'a> Towns<'a> {
    fn new(index: &'a DirectoryIndex) -> Towns<'a> {
        Towns {
            by_ags: index.towns.iter().map(|t| (t.ags.as_str(), t)).collect(),
            postcodes: index
                .towns
                .iter()
                .flat_map(|t| t.postcodes.iter().map(String::as_str))
                .collect(),
        }
    }
}

fn read<T: serde::de::DeserializeOwned>(output: &Output, file: &str) -> Result<T, HsdsError> {
    let bytes = output
        .files
        .get(file)
        .ok_or_else(|| HsdsError::MissingFile(file.to_owned()))?;
    serde_json::from_slice(bytes).map_err(|source| HsdsError::Json {
        file: file.to_owned(),
        source,
    })
}

/// Makes the HSDS 3.0 package from the assembled directory (`build::assemble`).
pub fn export(output: &Output) -> Result<Export, HsdsError> {
    let index: DirectoryIndex = read(output, "index.json")?;
    let mut offices = Vec::new();
    for summary in &index.offices {
        if let Some(file) = &summary.file {
            offices.push(read::<OfficeFile>(output, file)?);
        }
    }
    let towns = Towns::new(&index);
    let mut tables = Tables::from_package()?;
    for taxonomy in taxonomies() {
        let taxonomy_id = tables.add(
            "taxonomy",
            taxonomy.name,
            Row::default()
                .set("name", taxonomy.name)
                .set("description", taxonomy.description),
        )?;
        for term in taxonomy.terms {
            tables.add(
                "taxonomy_term",
                &term.code,
                Row::default()
                    .set("code", term.code.clone())
                    .set("name", term.name)
                    .set("description", term.description)
                    .set("language", "de")
                    .set("taxonomy_id", taxonomy_id.clone()),
            )?;
        }
    }
    for file in &offices {
        add_office(&mut tables, &towns, file)?;
    }
    let mut files = BTreeMap::new();
    let mut rows = BTreeMap::new();
    for (path, bytes, count) in tables.into_files()? {
        rows.insert(path.clone(), count);
        files.insert(path, bytes);
    }
    files.insert(
        "datapackage.json".to_owned(),
        DATAPACKAGE.as_bytes().to_vec(),
    );
    files.insert("README.md".to_owned(), readme(&index).into_bytes());
    Ok(Export { files, rows })
}

/// The note beside the tables: what they are, the schema's licence, the data's attribution.
fn readme(index: &DirectoryIndex) -> String {
    let mut text = String::from(
        "# KeKiz-Begleiter: Angebotsverzeichnis als Open Referral HSDS 3.0\n\n\
         Erzeugt mit `kekiz-data export-hsds`: CSV-Tabellen (UTF-8, Komma, Zeilenende \\n) nach dem\n\
         offiziellen Tabellenschema `datapackage.json` der Human Services Data Specification 3.0.0.\n\
         Prüfen: `frictionless validate datapackage.json`.\n\n\
         - Schema `datapackage.json`: © Open Referral, CC BY-SA 4.0 (openreferral/specification,\n\
         \x20 commit 279fd2e, Mai 2024), unverändert.\n\
         - Herkunft jedes Eintrags: Attribute mit den Begriffen `kekiz-source` (Quelle) und\n\
         \x20 `kekiz-as-of` (Stand) in `attributes.csv`; `assured_date` nur, wenn die Quelle den Tag nennt.\n\
         - Genaue Altersspanne in Monaten: Attribut `kekiz-age-months` (Wert „von-bis“).\n\
         - Uhrzeiten in `schedules.csv`: deutsche Ortszeit (Europe/Berlin).\n\n\
         Quellenangaben:\n\n",
    );
    for line in &index.attribution {
        text.push_str(&format!("- {line}\n"));
    }
    text
}

/// The description every organization needs: what kind of youth office it is, and where.
fn office_description(office: &Office) -> String {
    format!(
        "Jugendamt; Träger: {}; Kreis bzw. kreisfreie Stadt: {}",
        kind_words(office.kind),
        office.kreis
    )
}

fn add_office(tables: &mut Tables, towns: &Towns, file: &OfficeFile) -> Result<(), HsdsError> {
    let office = &file.office;
    let key = office.id.as_str();
    let org_id = tables.add(
        "organization",
        key,
        Row::default()
            .set("name", office.name.as_str())
            .set("description", office_description(office))
            .opt("email", office.contact.email.as_deref())
            .opt("website", office.contact.web.as_deref()),
    )?;
    tables.add(
        "organization_identifier",
        key,
        Row::default()
            .set("organization_id", org_id.as_str())
            .set("identifier_scheme", "KeKiz-Begleiter")
            .set("identifier_type", "Jugendamt-Kennung (id)")
            .set("identifier", key),
    )?;
    tables.attribute(
        "organization",
        key,
        &org_id,
        &kind_term(office.kind),
        "organization_type",
        None,
    )?;
    tables.provenance("organization", key, &org_id, &office.source, office.as_of)?;
    if let Some(phone) = &office.contact.phone {
        tables.add(
            "phone",
            &format!("organization:{key}"),
            Row::default()
                .set("organization_id", org_id.as_str())
                .set("number", phone.as_ref()),
        )?;
    }
    if let Some(address) = &office.address {
        add_location(
            tables,
            towns,
            &format!("organization:{key}"),
            &Place {
                name: Some(office.name.clone()),
                address: address.clone(),
                lat: None,
                lon: None,
            },
            Some(&org_id),
        )?;
    }
    if let Some(welcome) = &file.welcome {
        add_welcome(tables, towns, office, &org_id, welcome)?;
    }
    for offer in &file.offers {
        add_offer(tables, towns, office, &org_id, offer)?;
    }
    Ok(())
}

fn add_welcome(
    tables: &mut Tables,
    towns: &Towns,
    office: &Office,
    org_id: &str,
    welcome: &WelcomeService,
) -> Result<(), HsdsError> {
    let key = format!("welcome:{}", office.id);
    let description = [
        Some(welcome.description.trim().to_owned()),
        welcome
            .timing
            .as_ref()
            .map(|t| format!("Zeitpunkt des Besuchs: {t}")),
    ]
    .into_iter()
    .flatten()
    .filter(|part| !part.is_empty())
    .collect::<Vec<_>>()
    .join(" ");
    let service_id = tables.add(
        "service",
        &key,
        Row::default()
            .set("organization_id", org_id)
            .set("name", welcome.name.as_str())
            .opt(
                "description",
                (!description.is_empty()).then_some(description),
            )
            .opt("url", welcome.contact.web.as_deref())
            .opt("email", welcome.contact.email.as_deref())
            .set("status", "active")
            .opt("assured_date", assured_date(welcome.as_of)),
    )?;
    tables.attribute("service", &key, &service_id, TERM_WELCOME, "category", None)?;
    tables.provenance("service", &key, &service_id, &welcome.source, welcome.as_of)?;
    add_phone(tables, &key, &service_id, welcome.contact.phone.as_deref())?;
    add_areas(tables, towns, &key, &service_id, &office.towns)?;
    Ok(())
}

fn add_offer(
    tables: &mut Tables,
    towns: &Towns,
    office: &Office,
    org_id: &str,
    offer: &Offer,
) -> Result<(), HsdsError> {
    let key = format!("offer:{}", offer.id);
    let (minimum_age, maximum_age) = offer.age.map_or((None, None), age_in_years);
    let application = match offer.registration {
        Registration::Unknown => None,
        known => Some(in_german(&words::registration_in_words(known))),
    };
    let service_id = tables.add(
        "service",
        &key,
        Row::default()
            .set("organization_id", org_id)
            .set("name", offer.title.as_str())
            .opt(
                "description",
                Some(offer.description.trim()).filter(|d| !d.is_empty()),
            )
            .opt("url", offer.contact.web.as_deref())
            .opt("email", offer.contact.email.as_deref())
            .set("status", "active")
            .opt("application_process", application)
            .opt("fees_description", offer.cost.as_deref())
            .opt(
                "eligibility_description",
                offer.age.map(|age| {
                    format!(
                        "Altersgruppe: {}",
                        in_german(&words::age_range_in_words(age))
                    )
                }),
            )
            .opt("minimum_age", minimum_age.map(|y| y.to_string()))
            .opt("maximum_age", maximum_age.map(|y| y.to_string()))
            .opt("assured_date", assured_date(offer.as_of)),
    )?;
    tables.attribute(
        "service",
        &key,
        &service_id,
        TERM_ID,
        "provenance",
        Some(offer.id.to_string()),
    )?;
    tables.attribute(
        "service",
        &key,
        &service_id,
        &category_term(offer.category),
        "category",
        None,
    )?;
    if let Some(age) = offer.age {
        tables.attribute(
            "service",
            &key,
            &service_id,
            TERM_AGE,
            "eligibility",
            Some(months_value(age)),
        )?;
    }
    tables.provenance("service", &key, &service_id, &offer.source, offer.as_of)?;
    add_phone(tables, &key, &service_id, offer.contact.phone.as_deref())?;
    let area = if offer.towns.is_empty() {
        &office.towns
    } else {
        &offer.towns
    };
    add_areas(tables, towns, &key, &service_id, area)?;
    if let Some(place) = &offer.place {
        if let Some(location_id) = add_location(tables, towns, &key, place, None)? {
            tables.add(
                "service_at_location",
                &key,
                Row::default()
                    .set("service_id", service_id.as_str())
                    .set("location_id", location_id),
            )?;
        }
    }
    add_schedules(tables, &key, &service_id, &offer.schedule)?;
    let languages: BTreeSet<&str> = offer.languages.iter().map(String::as_str).collect();
    for code in languages {
        let name = in_german(&words::language_name(code));
        tables.add(
            "language",
            &format!("{key}/{code}"),
            Row::default()
                .set("service_id", service_id.as_str())
                .opt("name", (name != code).then_some(name))
                .set("code", code),
        )?;
    }
    Ok(())
}

fn add_phone(
    tables: &mut Tables,
    key: &str,
    service_id: &str,
    phone: Option<&str>,
) -> Result<(), HsdsError> {
    if let Some(number) = phone {
        tables.add(
            "phone",
            key,
            Row::default()
                .set("service_id", service_id)
                .set("number", number),
        )?;
    }
    Ok(())
}

/// One service area per town: its official name, and its AGS and Kreis in the description.
fn add_areas(
    tables: &mut Tables,
    towns: &Towns,
    key: &str,
    service_id: &str,
    area: &[TownKey],
) -> Result<(), HsdsError> {
    let area: BTreeSet<&str> = area.iter().map(TownKey::as_str).collect();
    for ags in area {
        let town = towns.by_ags.get(ags);
        let mut description = match town {
            Some(town) if town.kreisfrei => format!("AGS {ags}; kreisfreie Stadt"),
            Some(town) => format!("AGS {ags}; Kreis: {}", town.kreis),
            None => format!("AGS {ags}"),
        };
        match town.map(|t| t.confidence) {
            Some(Confidence::Derived) => description.push_str(
                "; Zuständigkeit des Jugendamts abgeleitet (aus einer vollständigen Liste), nicht einzeln belegt",
            ),
            Some(Confidence::Unverified) => {
                description.push_str("; Zuständigkeit des Jugendamts noch nicht bestätigt")
            }
            _ => {}
        }
        tables.add(
            "service_area",
            &format!("{key}/{ags}"),
            Row::default()
                .set("service_id", service_id)
                .set("name", town.map_or(ags, |t| t.name.as_str()))
                .set("description", description),
        )?;
    }
    Ok(())
}

/// Street, postcode and city, when all three are known and the postcode is one of NRW's.
fn full_address<'a>(towns: &Towns, address: &'a Address) -> Option<(&'a str, &'a str, &'a str)> {
    let street = address.street.as_deref()?;
    let postcode = address.postcode.as_deref()?;
    let city = address.city.as_deref()?;
    towns
        .postcodes
        .contains(postcode)
        .then_some((street, postcode, city))
}

/// A location (and its address, when complete); `None` when the place holds nothing at all.
fn add_location(
    tables: &mut Tables,
    towns: &Towns,
    key: &str,
    place: &Place,
    organization_id: Option<&str>,
) -> Result<Option<String>, HsdsError> {
    let full = full_address(towns, &place.address);
    let partial = words::place_in_words(&Place {
        name: None,
        address: place.address.clone(),
        lat: None,
        lon: None,
    });
    let description =
        (full.is_none() && !partial.is_empty()).then(|| format!("Anschrift: {partial}"));
    if place.name.is_none() && description.is_none() && full.is_none() && place.lat.is_none() {
        return Ok(None);
    }
    let location_id = tables.add(
        "location",
        key,
        Row::default()
            .set("location_type", "physical")
            .opt("organization_id", organization_id)
            .opt("name", place.name.as_deref())
            .opt("description", description)
            .opt("latitude", place.lat.map(|v| v.to_string()))
            .opt("longitude", place.lon.map(|v| v.to_string())),
    )?;
    if let Some((street, postcode, city)) = full {
        tables.add(
            "address",
            key,
            Row::default()
                .set("location_id", location_id.as_str())
                .set("address_1", street)
                .set("city", city)
                .set("state_province", STATE)
                .set("postal_code", postcode)
                .set("country", "DE")
                .set("address_type", "physical"),
        )?;
    }
    Ok(Some(location_id))
}

/// One schedule row per weekly slot (monthly, "2MO,4MO", for slots in some weeks of the month
/// only), the schedule's text in each description; a row with only the text when there are no slots.
fn add_schedules(
    tables: &mut Tables,
    key: &str,
    service_id: &str,
    schedule: &Schedule,
) -> Result<(), HsdsError> {
    let text = schedule
        .text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let mut seen = BTreeSet::new();
    for slot in schedule.weekly.iter().filter(|s| s.day != Weekday::Unknown) {
        let mut weeks = slot.weeks_of_month.clone();
        weeks.sort_unstable();
        weeks.dedup();
        let day = ical_day(slot.day);
        let (freq, byday) = if weeks.is_empty() {
            ("WEEKLY", day.to_owned())
        } else {
            let days: Vec<String> = weeks.iter().map(|w| format!("{w}{day}")).collect();
            ("MONTHLY", days.join(","))
        };
        let slot_key = format!("{key}/{freq}-{byday}-{}-{}", slot.opens, slot.closes);
        if !seen.insert(slot_key.clone()) {
            continue;
        }
        let words = in_german(&words::slot_in_words(slot));
        let description = match text {
            Some(text) => format!("{words}; {text}"),
            None => words,
        };
        tables.add(
            "schedule",
            &slot_key,
            Row::default()
                .set("service_id", service_id)
                .set("wkst", "MO")
                .set("freq", freq)
                .set("byday", byday)
                .set("description", description)
                .set("opens_at", hsds_time(key, &slot.opens)?)
                .set("closes_at", hsds_time(key, &slot.closes)?)
                .set("notes", LOCAL_TIME),
        )?;
    }
    if let (true, Some(text)) = (schedule.weekly.is_empty(), text) {
        tables.add(
            "schedule",
            &format!("{key}/text"),
            Row::default()
                .set("service_id", service_id)
                .set("description", text),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use kekiz_core::directory::WeeklySlot;

    fn range(from_months: i32, to_months: i32) -> AgeRange {
        AgeRange {
            from_months,
            to_months,
        }
    }

    #[test]
    fn month_ranges_become_every_year_they_touch() {
        assert_eq!(age_in_years(range(0, 11)), (Some(0), Some(0)));
        assert_eq!(age_in_years(range(6, 18)), (Some(0), Some(1)));
        assert_eq!(age_in_years(range(12, 47)), (Some(1), Some(3)));
        assert_eq!(age_in_years(range(-9, 35)), (None, Some(2)));
        assert_eq!(age_in_years(range(-3, -1)), (None, None));
        assert_eq!(months_value(range(-9, 35)), "-9-35");
        assert_eq!(months_value(range(-3, -1)), "-3--1");
    }

    #[test]
    fn only_a_named_day_becomes_a_date() {
        let day: AsOf = "2024-05-03".parse().expect("a day");
        let year: AsOf = "2024".parse().expect("a year");
        assert_eq!(assured_date(Some(day)).as_deref(), Some("2024-05-03"));
        assert_eq!(assured_date(Some(year)), None);
        assert_eq!(assured_date(None), None);
        assert_eq!(as_of_words(Some(year)), "Stand: 2024");
        assert_eq!(as_of_words(None), "Stand unbekannt");
    }

    #[test]
    fn slots_in_some_weeks_become_monthly_rules() {
        let mut tables = Tables::from_package().expect("package");
        let schedule = Schedule {
            weekly: vec![
                WeeklySlot {
                    day: Weekday::Mo,
                    opens: "16:00".into(),
                    closes: "17:30".into(),
                    weeks_of_month: vec![4, 2],
                },
                WeeklySlot {
                    day: Weekday::Mi,
                    opens: "09:30".into(),
                    closes: "11:00".into(),
                    weeks_of_month: vec![],
                },
            ],
            text: Some("nicht in den Ferien".into()),
        };
        add_schedules(&mut tables, "offer:x", "s", &schedule).expect("adds");
        let table = &tables.0["schedule"];
        let column = |name: &str| {
            let at = table.fields.iter().position(|f| f == name).expect("field");
            table
                .rows
                .values()
                .map(|row| row[at].clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(column("freq"), ["MONTHLY", "WEEKLY"]);
        assert_eq!(column("byday"), ["2MO,4MO", "WE"]);
        assert_eq!(column("bymonthday"), ["", ""]);
        assert_eq!(column("opens_at"), ["16:00:00", "09:30:00"]);
        assert_eq!(
            column("description")[0],
            "jeden 2. und 4. Montag 16:00–17:30 Uhr; nicht in den Ferien"
        );
        assert!(hsds_time("x", "9:30").is_err());
    }

    #[test]
    fn ids_are_stable_version_5_uuids() {
        let id = uuid_for("service", "offer:a");
        assert_eq!(id, uuid_for("service", "offer:a"));
        assert_ne!(id, uuid_for("service", "offer:b"));
        assert_ne!(id, uuid_for("location", "offer:a"));
        let parsed = Uuid::parse_str(&id).expect("a UUID");
        assert_eq!(parsed.get_version_num(), 5);
    }
}

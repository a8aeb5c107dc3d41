//! End-to-end tests of `kekiz-data export-hsds` on a copy of the base fixture.
//!
//! Each test copies `tests/fixtures/base` into a temporary directory, runs the real binary there
//! and reads the CSV tables it wrote. The validation against the official schema with
//! `frictionless` runs in `scripts/test-hsds.sh` (it needs Python).

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;
use std::process::Command;
use uuid::Uuid;

mod common;
use common::{base_fixture_copy, manifest_dir};

const BIN: &str = env!("CARGO_BIN_EXE_kekiz-data");
const TODAY: &str = "2026-11-21";

/// A copy of the base fixture in a temporary directory, as `<tmp>/data`.
struct Fixture {
    root: tempfile::TempDir,
}

/// One table: its header and its rows as field → value.
struct Table {
    header: Vec<String>,
    rows: Vec<BTreeMap<String, String>>,
}

impl Table {
    /// The one row whose `field` is `value`; fails when there is none or more than one.
    fn row(&self, field: &str, value: &str) -> &BTreeMap<String, String> {
        let found: Vec<_> = self.rows.iter().filter(|r| r[field] == value).collect();
        assert_eq!(found.len(), 1, "rows with {field} = {value:?}: {found:?}");
        found[0]
    }

    /// Every row whose `field` is `value`.
    fn rows_with(&self, field: &str, value: &str) -> Vec<&BTreeMap<String, String>> {
        self.rows.iter().filter(|r| r[field] == value).collect()
    }
}

impl Fixture {
    fn new() -> Fixture {
        Fixture {
            root: base_fixture_copy(),
        }
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.root.path().join(relative)
    }

    /// Replaces the one occurrence of `from` in a file of the copy.
    fn replace(&self, relative: &str, from: &str, to: &str) {
        let text = fs::read_to_string(self.path(relative)).expect("read fixture file");
        assert_eq!(text.matches(from).count(), 1, "{from:?} once in {relative}");
        fs::write(self.path(relative), text.replacen(from, to, 1)).expect("write fixture file");
    }

    /// Runs `export-hsds data <out>` and returns exit code and all output.
    fn export(&self, out: &str) -> (i32, String) {
        let output = Command::new(BIN)
            .args(["export-hsds", "data", out, "--today", TODAY])
            .current_dir(self.root.path())
            .output()
            .expect("run kekiz-data");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        (output.status.code().unwrap_or(-1), text)
    }

    /// Runs the export and fails unless it succeeds.
    fn export_ok(&self, out: &str) -> String {
        let (code, text) = self.export(out);
        assert_eq!(code, 0, "export failed:\n{text}");
        text
    }

    /// Every file below `out`, by relative path.
    fn snapshot(&self, out: &str) -> BTreeMap<String, Vec<u8>> {
        let mut files = BTreeMap::new();
        for entry in fs::read_dir(self.path(out)).expect("read output") {
            let entry = entry.expect("output entry");
            assert!(
                entry.path().is_file(),
                "unexpected folder {:?}",
                entry.path()
            );
            files.insert(
                entry.file_name().to_string_lossy().into_owned(),
                fs::read(entry.path()).expect("read output file"),
            );
        }
        files
    }

    fn table(&self, out: &str, file: &str) -> Table {
        let mut reader =
            csv::Reader::from_path(self.path(out).join(file)).expect("open the CSV table");
        let header: Vec<String> = reader
            .headers()
            .expect("header")
            .iter()
            .map(str::to_owned)
            .collect();
        let rows = reader
            .records()
            .map(|record| {
                let record = record.expect("a CSV record");
                header
                    .iter()
                    .cloned()
                    .zip(record.iter().map(str::to_owned))
                    .collect()
            })
            .collect();
        Table { header, rows }
    }
}

/// The tables of the official package: (resource name, file, field names).
fn package_tables() -> Vec<(String, String, Vec<String>)> {
    let text = fs::read_to_string(manifest_dir().join("hsds/datapackage.json"))
        .expect("the crate's copy of datapackage.json");
    let package: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    package["resources"]
        .as_array()
        .expect("resources")
        .iter()
        .map(|r| {
            let fields = r["schema"]["fields"]
                .as_array()
                .expect("fields")
                .iter()
                .map(|f| f["name"].as_str().expect("field name").to_owned())
                .collect();
            (
                r["name"].as_str().expect("name").to_owned(),
                r["path"].as_str().expect("path").to_owned(),
                fields,
            )
        })
        .collect()
}

/// The id of the taxonomy term with `code`.
fn term_id(fixture: &Fixture, code: &str) -> String {
    fixture.table("out", "taxonomy_terms.csv").row("code", code)["id"].clone()
}

/// The value of the attribute with the term `code` on the row `link_id`.
fn attribute(fixture: &Fixture, link_id: &str, code: &str) -> String {
    let term = term_id(fixture, code);
    let attributes = fixture.table("out", "attributes.csv");
    let found: Vec<_> = attributes
        .rows_with("link_id", link_id)
        .into_iter()
        .filter(|r| r["taxonomy_term_id"] == term)
        .collect();
    assert_eq!(found.len(), 1, "attributes {code} of {link_id}: {found:?}");
    found[0]["value"].clone()
}

#[test]
fn two_runs_give_byte_identical_packages() {
    let fixture = Fixture::new();
    fixture.export_ok("out");
    fixture.export_ok("again");
    let first = fixture.snapshot("out");
    let second = fixture.snapshot("again");
    assert!(first.len() > 20, "{:?}", first.keys());
    assert_eq!(first, second);
    // Writing over an existing export gives the same bytes, too.
    fixture.export_ok("out");
    assert_eq!(fixture.snapshot("out"), first);
    for (file, bytes) in &first {
        assert!(!bytes.contains(&b'\r'), "{file} has a carriage return");
    }
}

#[test]
fn every_table_of_the_package_is_written_with_the_expected_rows() {
    let fixture = Fixture::new();
    let stdout = fixture.export_ok("out");
    assert!(
        stdout.starts_with("HSDS 3.0 exportiert: 4 Organisationen, 5 Dienste, 3 Standorte"),
        "{stdout}"
    );
    let official = fs::read(manifest_dir().join("hsds/datapackage.json")).expect("read");
    assert_eq!(
        fs::read(fixture.path("out/datapackage.json")).expect("datapackage.json written"),
        official,
        "datapackage.json must be the official one, unchanged"
    );
    let expected: BTreeMap<&str, usize> = [
        ("organizations.csv", 4),
        ("organization_identifiers.csv", 4),
        // 4 offers and the welcome service of Kreis Düren.
        ("services.csv", 5),
        // The two offer places and the address of Kreis Düren; none has a postcode, so no address.
        ("locations.csv", 3),
        ("addresses.csv", 0),
        ("service_at_location.csv", 2),
        ("phones.csv", 2),
        ("schedules.csv", 2),
        // Welcome: Düren's 3 towns; Merzenich 1, Linnich 1, Greven 1; KiWi: Steinfurt's 2 towns.
        ("service_areas.csv", 8),
        ("languages.csv", 0),
        // Offices 4 × (kind, source, as_of); welcome 3; offers 4 × (id, category, age, source, as_of).
        ("attributes.csv", 35),
        ("taxonomies.csv", 4),
        ("taxonomy_terms.csv", 17),
        ("contacts.csv", 0),
        ("metadata.csv", 0),
    ]
    .into_iter()
    .collect();
    for (name, file, fields) in package_tables() {
        let table = fixture.table("out", &file);
        assert_eq!(table.header, fields, "header of {file} ({name})");
        let rows = expected.get(file.as_str()).copied().unwrap_or(0);
        assert_eq!(table.rows.len(), rows, "rows of {file}");
    }
    assert!(fixture.path("out/README.md").is_file());
}

#[test]
fn an_offers_month_range_is_in_its_attribute_and_its_years_are_conservative() {
    let fixture = Fixture::new();
    fixture.export_ok("out");
    let services = fixture.table("out", "services.csv");
    let kiwi = services.row("name", "KiWi-Cafés im Kreis Steinfurt");
    assert_eq!(
        attribute(&fixture, &kiwi["id"], "kekiz-age-months"),
        "-9-35"
    );
    // From pregnancy: no minimum in years; up to 35 months: every year touched, 0 to 2.
    assert_eq!(kiwi["minimum_age"], "");
    assert_eq!(kiwi["maximum_age"], "2");
    let merzenich = services.row("name", "Schnullercafé Merzenich");
    assert_eq!(
        attribute(&fixture, &merzenich["id"], "kekiz-age-months"),
        "0-11"
    );
    assert_eq!(
        (
            merzenich["minimum_age"].as_str(),
            merzenich["maximum_age"].as_str()
        ),
        ("0", "0")
    );
    assert_eq!(
        attribute(&fixture, &merzenich["id"], "kekiz-id"),
        "dueren-schnullercafe-merzenich"
    );
    // The welcome service names no age: no months attribute, no years.
    let welcome = services.row("name", "Willkommen im Leben");
    assert_eq!(
        (
            welcome["minimum_age"].as_str(),
            welcome["maximum_age"].as_str()
        ),
        ("", "")
    );
    let age_term = term_id(&fixture, "kekiz-age-months");
    let attributes = fixture.table("out", "attributes.csv");
    assert!(attributes
        .rows_with("link_id", &welcome["id"])
        .iter()
        .all(|r| r["taxonomy_term_id"] != age_term));
}

#[test]
fn a_changed_age_range_changes_the_attribute() {
    let fixture = Fixture::new();
    fixture.replace(
        "data/offices/kreis-steinfurt.toml",
        "from_months = -9, to_months = 35",
        "from_months = -3, to_months = -1",
    );
    fixture.export_ok("out");
    let services = fixture.table("out", "services.csv");
    let kiwi = services.row("name", "KiWi-Cafés im Kreis Steinfurt");
    assert_eq!(
        attribute(&fixture, &kiwi["id"], "kekiz-age-months"),
        "-3--1"
    );
    assert_eq!(
        (kiwi["minimum_age"].as_str(), kiwi["maximum_age"].as_str()),
        ("", "")
    );
}

#[test]
fn ids_are_uuids_derived_from_the_project_ids_only() {
    let fixture = Fixture::new();
    fixture.export_ok("out");
    for (_, file, fields) in package_tables() {
        let table = fixture.table("out", &file);
        for field in fields.iter().filter(|f| *f == "id" || f.ends_with("_id")) {
            for row in &table.rows {
                let value = &row[field];
                if value.is_empty() {
                    assert_ne!(field, "id", "{file}: a row without id");
                    continue;
                }
                let uuid = Uuid::parse_str(value)
                    .unwrap_or_else(|e| panic!("{file}.{field} = {value:?}: {e}"));
                assert_eq!(uuid.get_version_num(), 5, "{file}.{field} = {value}");
                assert_eq!(
                    &uuid.hyphenated().to_string(),
                    value,
                    "lower-case hyphenated"
                );
            }
        }
    }
    let id_of = |fixture: &Fixture, file: &str, name: &str| {
        fixture.table("out", file).row("name", name)["id"].clone()
    };
    let merzenich = id_of(&fixture, "services.csv", "Schnullercafé Merzenich");
    let linnich = id_of(&fixture, "services.csv", "Schnullercafé Linnich");
    let dueren = id_of(&fixture, "organizations.csv", "Kreis Düren, Jugendamt");
    // Pinned: the namespace and the key scheme are part of the interface.
    assert_eq!(merzenich, "7673c731-f2e4-51a1-ae3c-8d1c5d9354bf");
    assert_eq!(dueren, "b63e4afa-8b8e-5633-86c2-0947cd709936");
    // Editing what an offer says keeps every id: ids come from the project's ids, not the content.
    let again = Fixture::new();
    again.replace(
        "data/offices/kreis-dueren.toml",
        "title = \"Schnullercafé Linnich\"",
        "title = \"Schnullercafé Linnich (neu)\"",
    );
    again.replace(
        "data/offices/kreis-dueren.toml",
        "name = \"Kreis Düren, Jugendamt\"",
        "name = \"Jugendamt des Kreises Düren\"",
    );
    again.export_ok("out");
    assert_eq!(
        id_of(&again, "services.csv", "Schnullercafé Merzenich"),
        merzenich
    );
    assert_eq!(
        id_of(&again, "services.csv", "Schnullercafé Linnich (neu)"),
        linnich
    );
    assert_eq!(
        id_of(&again, "organizations.csv", "Jugendamt des Kreises Düren"),
        dueren
    );
}

#[test]
fn as_of_becomes_a_date_only_when_the_source_names_the_day() {
    let fixture = Fixture::new();
    fixture.export_ok("out");
    let services = fixture.table("out", "services.csv");
    let merzenich = services.row("name", "Schnullercafé Merzenich");
    assert_eq!(merzenich["assured_date"], "2024-05-03");
    assert_eq!(merzenich["last_modified"], "");
    assert_eq!(
        attribute(&fixture, &merzenich["id"], "kekiz-as-of"),
        "Stand: 2024-05-03"
    );
    let linnich = services.row("name", "Schnullercafé Linnich");
    assert_eq!(linnich["assured_date"], "", "a year alone is no day");
    assert_eq!(
        attribute(&fixture, &linnich["id"], "kekiz-as-of"),
        "Stand: 2024"
    );
    assert_eq!(
        attribute(&fixture, &linnich["id"], "kekiz-source"),
        "kreis-dueren.de (Schnullercafé, 2024)"
    );
    let organizations = fixture.table("out", "organizations.csv");
    let koeln = organizations.row("name", "Jugendamt der Stadt Köln");
    assert_eq!(
        attribute(&fixture, &koeln["id"], "kekiz-as-of"),
        "Stand unbekannt"
    );
    assert_eq!(
        attribute(&fixture, &koeln["id"], "kekiz-source"),
        "recht.nrw.de AG-KJHG NRW §1a (2024)"
    );
}

#[test]
fn schedules_phones_places_and_areas_are_linked() {
    let fixture = Fixture::new();
    fixture.replace(
        "data/offices/stadt-greven.toml",
        "closes = \"11:00\" }] }",
        "closes = \"11:00\", weeks_of_month = [4, 2] }], text = \"nicht in den Ferien\" }",
    );
    fixture.export_ok("out");
    let services = fixture.table("out", "services.csv");
    let greven = services.row("name", "Café Kinderwagen");
    let schedules = fixture.table("out", "schedules.csv");
    let slot = schedules.row("service_id", &greven["id"]);
    assert_eq!(slot["freq"], "MONTHLY");
    assert_eq!(slot["byday"], "2TH,4TH");
    assert_eq!(
        slot["bymonthday"], "",
        "weeks of the month are not days of the month"
    );
    assert_eq!(
        (slot["opens_at"].as_str(), slot["closes_at"].as_str()),
        ("09:30:00", "11:00:00")
    );
    assert!(
        slot["description"].contains("jeden 2. und 4. Donnerstag")
            && slot["description"].contains("nicht in den Ferien"),
        "{slot:?}"
    );
    let merzenich = services.row("name", "Schnullercafé Merzenich");
    let weekly = schedules.row("service_id", &merzenich["id"]);
    assert_eq!(
        (
            weekly["freq"].as_str(),
            weekly["byday"].as_str(),
            weekly["wkst"].as_str()
        ),
        ("WEEKLY", "MO", "MO")
    );
    let link = fixture
        .table("out", "service_at_location.csv")
        .row("service_id", &merzenich["id"])
        .clone();
    let location = fixture
        .table("out", "locations.csv")
        .row("id", &link["location_id"])
        .clone();
    assert_eq!(location["name"], "Evangelisches Gemeindezentrum");
    assert_eq!(
        location["description"],
        "Anschrift: Severin-Böhr-Str., Merzenich"
    );
    let welcome = services.row("name", "Willkommen im Leben");
    let phones = fixture.table("out", "phones.csv");
    assert_eq!(
        phones.row("service_id", &welcome["id"])["number"],
        "02421 22-10 51 315"
    );
    let areas = fixture.table("out", "service_areas.csv");
    let mut names: Vec<&str> = areas
        .rows_with("service_id", &welcome["id"])
        .iter()
        .map(|r| r["name"].as_str())
        .collect();
    names.sort_unstable();
    assert_eq!(names, ["Düren, Stadt", "Linnich, Stadt", "Merzenich"]);
    let merzenich_area = areas.row("service_id", &merzenich["id"]);
    assert!(
        merzenich_area["description"].starts_with("AGS 05358040; Kreis: Düren"),
        "{merzenich_area:?}"
    );
}

#[test]
fn data_errors_stop_the_export_and_write_nothing() {
    let fixture = Fixture::new();
    fixture.replace(
        "data/offices/kreis-dueren.toml",
        "to_months = 11 }\ntowns = [\"05358040\"]",
        "to_months = 300 }\ntowns = [\"05358040\"]",
    );
    let (code, text) = fixture.export("out");
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("data/offices/kreis-dueren.toml:"), "{text}");
    assert!(text.contains("Nichts exportiert"), "{text}");
    assert!(!fixture.path("out").exists(), "nothing may be written");
}

#[test]
fn a_wrong_command_line_exits_with_2() {
    let fixture = Fixture::new();
    let output = Command::new(BIN)
        .args(["export-hsds", "data"])
        .current_dir(fixture.path(""))
        .output()
        .expect("run kekiz-data");
    assert_eq!(output.status.code(), Some(2));
    let help = Command::new(BIN).arg("--help").output().expect("run");
    assert!(String::from_utf8_lossy(&help.stdout).contains("kekiz-data export-hsds DIR OUT"));
}

#[test]
fn complete_addresses_coordinates_and_languages_are_exported() {
    let fixture = Fixture::new();
    fixture.replace(
        "data/offices/kreis-dueren.toml",
        "street = \"Bendenweg 21a\", city = \"Linnich\" } }",
        "street = \"Bendenweg 21a\", postcode = \"52441\", city = \"Linnich\" }, lat = 50.98, lon = 6.27 }\nlanguages = [\"tr\", \"de\"]",
    );
    fixture.export_ok("out");
    let services = fixture.table("out", "services.csv");
    let linnich = services.row("name", "Schnullercafé Linnich");
    let link = fixture
        .table("out", "service_at_location.csv")
        .row("service_id", &linnich["id"])
        .clone();
    let locations = fixture.table("out", "locations.csv");
    let location = locations.row("id", &link["location_id"]);
    assert_eq!(
        (
            location["latitude"].as_str(),
            location["longitude"].as_str(),
            location["description"].as_str()
        ),
        ("50.98", "6.27", ""),
        "a complete address goes to addresses.csv, not into the description"
    );
    let addresses = fixture.table("out", "addresses.csv");
    assert_eq!(addresses.rows.len(), 1);
    let address = addresses.row("location_id", &location["id"]);
    assert_eq!(address["address_1"], "Bendenweg 21a");
    assert_eq!(address["postal_code"], "52441");
    assert_eq!(address["city"], "Linnich");
    assert_eq!(address["state_province"], "Nordrhein-Westfalen");
    assert_eq!(address["country"], "DE");
    let languages = fixture.table("out", "languages.csv");
    let mut spoken: Vec<(String, String)> = languages
        .rows_with("service_id", &linnich["id"])
        .iter()
        .map(|r| (r["code"].clone(), r["name"].clone()))
        .collect();
    spoken.sort();
    assert_eq!(
        spoken,
        [
            ("de".to_owned(), "Deutsch".to_owned()),
            ("tr".to_owned(), "Türkisch".to_owned())
        ]
    );
}

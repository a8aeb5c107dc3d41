//! End-to-end tests of the `kekiz-data` binary on fixture folders and on the real `data/`.
//!
//! Each test copies `tests/fixtures/base` (a small valid data folder) into a temporary directory,
//! breaks one thing, runs the real binary there as `kekiz-data <command> data`, and checks the exit
//! code and that the message names the file, the line, the entry and the field.

use kekiz_core::date::AsOf;
use kekiz_core::directory::{Confidence, DirectoryIndex, OfficeFile, OfficeKind, FORMAT_VERSION};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::{base_fixture_copy, manifest_dir};

const BIN: &str = env!("CARGO_BIN_EXE_kekiz-data");
const TODAY: &str = "2026-11-21";

/// What one run of the binary gave.
struct Outcome {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Outcome {
    fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }

    /// The one output line that contains every part; fails with the whole output otherwise.
    fn line_with(&self, parts: &[&str]) -> String {
        let all = self.all();
        match all
            .lines()
            .find(|line| parts.iter().all(|p| line.contains(p)))
        {
            Some(line) => line.to_owned(),
            None => panic!("no line contains all of {parts:?}; output was:\n{all}"),
        }
    }

    fn assert_failed_with(&self, parts: &[&str]) -> String {
        assert_eq!(
            self.code,
            1,
            "expected exit code 1; output was:\n{}",
            self.all()
        );
        self.line_with(parts)
    }
}

/// A copy of the base fixture in a temporary directory, as `<tmp>/data`.
struct Fixture {
    root: tempfile::TempDir,
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

    fn read(&self, relative: &str) -> String {
        fs::read_to_string(self.path(relative)).expect("read fixture file")
    }

    fn write(&self, relative: &str, text: &str) {
        fs::write(self.path(relative), text).expect("write fixture file");
    }

    /// Replaces the one occurrence of `from` in a file.
    fn replace(&self, relative: &str, from: &str, to: &str) {
        let text = self.read(relative);
        assert_eq!(
            text.matches(from).count(),
            1,
            "{from:?} must occur once in {relative}"
        );
        self.write(relative, &text.replacen(from, to, 1));
    }

    /// The line (from 1) of the first occurrence of `needle` in a file.
    fn line(&self, relative: &str, needle: &str) -> usize {
        let text = self.read(relative);
        let at = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {relative}"));
        text[..at].matches('\n').count() + 1
    }

    /// `relative:line:` for the line of `needle`.
    fn at(&self, relative: &str, needle: &str) -> String {
        format!("{relative}:{}:", self.line(relative, needle))
    }

    fn run(&self, args: &[&str]) -> Outcome {
        run_in(self.root.path(), args)
    }

    fn validate(&self) -> Outcome {
        self.run(&["validate", "data", "--today", TODAY])
    }
}

fn run_in(dir: &Path, args: &[&str]) -> Outcome {
    let output = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run kekiz-data");
    Outcome {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in fs::read_dir(&folder).expect("read output folder") {
            let path = entry.expect("output entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = fs::read(&path).expect("read output file");
                files.insert(path.strip_prefix(dir).expect("inside").to_path_buf(), bytes);
            }
        }
    }
    files
}

const DUEREN: &str = "data/offices/kreis-dueren.toml";
const GREVEN: &str = "data/offices/stadt-greven.toml";
const STEINFURT: &str = "data/offices/kreis-steinfurt.toml";
const ASSIGNMENTS: &str = "data/zustaendigkeit.csv";

#[test]
fn the_base_fixture_is_valid() {
    let fixture = Fixture::new();
    let outcome = fixture.validate();
    assert_eq!(outcome.code, 0, "{}", outcome.all());
    assert_eq!(
        outcome.stdout.trim(),
        "OK: 4 Jugendämter, 4 Angebote, 7 Orte"
    );
}

#[test]
fn reports_a_toml_syntax_error_with_its_line() {
    let fixture = Fixture::new();
    fixture.replace(
        GREVEN,
        "title = \"Café Kinderwagen\"",
        "title = \"Café Kinderwagen",
    );
    let at = fixture.at(GREVEN, "title = ");
    fixture
        .validate()
        .assert_failed_with(&[&at, "TOML syntax error"]);
}

#[test]
fn reports_an_unknown_field_with_a_suggestion() {
    let fixture = Fixture::new();
    fixture.replace(
        DUEREN,
        "kreis = \"Düren\"\n",
        "kreis = \"Düren\"\ntelefon = \"02421 22-1051000\"\n",
    );
    let at = fixture.at(DUEREN, "telefon");
    let line = fixture.validate().assert_failed_with(&[
        &at,
        "office \"kreis-dueren\"",
        "field \"telefon\"",
    ]);
    assert!(
        line.contains("unknown field; did you mean contact = { phone = ... }?"),
        "{line}"
    );
}

#[test]
fn reports_an_unknown_field_inside_a_nested_table() {
    let fixture = Fixture::new();
    fixture.replace(DUEREN, "city = \"Merzenich\"", "ort = \"Merzenich\"");
    let at = fixture.at(DUEREN, "ort = ");
    let line = fixture.validate().assert_failed_with(&[
        &at,
        "offer \"dueren-schnullercafe-merzenich\"",
        "field \"place.address.ort\"",
    ]);
    assert!(line.contains("did you mean \"city\"?"), "{line}");
}

#[test]
fn reports_a_missing_required_field() {
    let fixture = Fixture::new();
    let header = fixture.at(DUEREN, "[[offer]]\nid = \"dueren-schnullercafe-linnich\"");
    fixture.replace(DUEREN, "title = \"Schnullercafé Linnich\"\n", "");
    fixture.validate().assert_failed_with(&[
        &header,
        "offer \"dueren-schnullercafe-linnich\"",
        "field \"title\"",
        "required field is missing",
    ]);
}

#[test]
fn reports_a_missing_id_by_position() {
    let fixture = Fixture::new();
    fixture.replace(DUEREN, "id = \"dueren-schnullercafe-linnich\"\n", "");
    fixture.validate().assert_failed_with(&[
        DUEREN,
        "offer no. 2 (without a readable id)",
        "field \"id\"",
        "missing",
    ]);
}

#[test]
fn reports_a_wrong_type() {
    let fixture = Fixture::new();
    fixture.replace(
        GREVEN,
        "age = { from_months = 0, to_months = 11 }",
        "age = \"0-11\"",
    );
    let at = fixture.at(GREVEN, "age = ");
    fixture.validate().assert_failed_with(&[
        &at,
        "offer \"greven-cafe-kinderwagen\"",
        "field \"age\"",
        "must be a table",
    ]);
}

#[test]
fn reports_an_unknown_category() {
    let fixture = Fixture::new();
    fixture.replace(GREVEN, "category = \"treffpunkt\"", "category = \"cafe\"");
    let at = fixture.at(GREVEN, "category");
    fixture.validate().assert_failed_with(&[
        &at,
        "offer \"greven-cafe-kinderwagen\"",
        "field \"category\"",
        "\"cafe\" is not one of treffpunkt",
    ]);
}

#[test]
fn reports_an_unknown_town_key() {
    let fixture = Fixture::new();
    fixture.replace(
        GREVEN,
        "towns = [\"05566012\"]\nschedule",
        "towns = [\"05566099\"]\nschedule",
    );
    let at = fixture.at(GREVEN, "towns = [\"05566099\"]");
    fixture.validate().assert_failed_with(&[
        &at,
        "offer \"greven-cafe-kinderwagen\"",
        "field \"towns\"",
        "05566099 is not in gemeinden.csv",
    ]);
}

#[test]
fn reports_an_offer_in_a_town_of_another_office() {
    let fixture = Fixture::new();
    fixture.replace(
        GREVEN,
        "towns = [\"05566012\"]\nschedule",
        "towns = [\"05566068\"]\nschedule",
    );
    fixture.validate().assert_failed_with(&[
        GREVEN,
        "offer \"greven-cafe-kinderwagen\"",
        "field \"towns\"",
        "not served by this file's office \"stadt-greven\"",
    ]);
}

#[test]
fn reports_a_reversed_age_range() {
    let fixture = Fixture::new();
    fixture.replace(
        DUEREN,
        "age = { from_months = 0, to_months = 11 }\ntowns = [\"05358036\"]",
        "age = { from_months = 12, to_months = 3 }\ntowns = [\"05358036\"]",
    );
    let at = fixture.at(DUEREN, "from_months = 12");
    let line = fixture.validate().assert_failed_with(&[&at]);
    assert_eq!(
        line,
        format!(
            "{at} offer \"dueren-schnullercafe-linnich\", field \"age\": the age range is reversed (from 12 to 3 months)"
        )
    );
}

#[test]
fn reports_an_impossible_age() {
    let fixture = Fixture::new();
    fixture.replace(GREVEN, "to_months = 11", "to_months = 300");
    let at = fixture.at(GREVEN, "to_months = 300");
    fixture.validate().assert_failed_with(&[
        &at,
        "offer \"greven-cafe-kinderwagen\"",
        "field \"age\"",
        "month 300 is impossible",
    ]);
}

#[test]
fn reports_a_duplicate_offer_id_across_files() {
    let fixture = Fixture::new();
    fixture.replace(
        GREVEN,
        "id = \"greven-cafe-kinderwagen\"",
        "id = \"dueren-schnullercafe-linnich\"",
    );
    let at = fixture.at(GREVEN, "id = \"dueren-schnullercafe-linnich\"");
    let first = fixture.at(DUEREN, "id = \"dueren-schnullercafe-linnich\"");
    let line = fixture.validate().assert_failed_with(&[
        &at,
        "offer \"dueren-schnullercafe-linnich\"",
        "field \"id\"",
        "already used in",
    ]);
    assert!(line.contains(first.trim_end_matches(':')), "{line}");
}

#[test]
fn reports_a_duplicate_office_id() {
    let fixture = Fixture::new();
    let text = fixture
        .read(GREVEN)
        .replace("05566012", "05315000")
        .replace("greven-cafe", "koeln-cafe");
    fixture.write("data/offices/stadt-greven-2.toml", &text);
    let outcome = fixture.validate();
    // Files are read in name order: "stadt-greven-2.toml" comes before "stadt-greven.toml".
    let copy = fixture.at("data/offices/stadt-greven-2.toml", "id = ");
    outcome.assert_failed_with(&[
        &fixture.at(GREVEN, "id = "),
        "office \"stadt-greven\"",
        "field \"id\"",
        &format!(
            "the office id \"stadt-greven\" is already used in {}",
            copy.trim_end_matches(':')
        ),
    ]);
    outcome.line_with(&[
        &copy,
        "field \"id\"",
        "rename the file to offices/stadt-greven.toml",
    ]);
}

#[test]
fn reports_a_file_name_that_does_not_match_the_office_id() {
    let fixture = Fixture::new();
    fs::rename(
        fixture.path(STEINFURT),
        fixture.path("data/offices/kreis-stf.toml"),
    )
    .expect("rename");
    fixture.validate().assert_failed_with(&[
        &fixture.at("data/offices/kreis-stf.toml", "id = "),
        "office \"kreis-steinfurt\"",
        "field \"id\"",
        "the file name must match the office id",
    ]);
}

#[test]
fn a_malformed_id_or_town_key_is_reported_once_by_its_type_at_its_line() {
    let fixture = Fixture::new();
    fixture.replace(
        GREVEN,
        "id = \"greven-cafe-kinderwagen\"",
        "id = \"Greven Café\"",
    );
    fixture.replace(
        GREVEN,
        "towns = [\"05566012\"]\nschedule",
        "towns = [\"0556601\"]\nschedule",
    );
    let outcome = fixture.validate();
    let id_line = outcome.assert_failed_with(&[
        &fixture.at(GREVEN, "id = \"Greven Café\""),
        "field \"id\"",
        "not a valid id",
    ]);
    assert_eq!(
        outcome.all().matches("field \"id\"").count(),
        1,
        "one message for one mistake: {id_line}"
    );
    outcome.line_with(&[
        &fixture.at(GREVEN, "\"0556601\""),
        "field \"towns[0]\"",
        "8 digits",
    ]);
}

#[test]
fn rejects_a_javascript_web_address_by_file_entry_and_field() {
    let fixture = Fixture::new();
    fixture.replace(
        DUEREN,
        "web = \"https://kreis-dueren.de\"",
        "web = \"javascript:alert(1)\"",
    );
    fixture.validate().assert_failed_with(&[
        &fixture.at(DUEREN, "web = \"javascript:alert(1)\""),
        "office \"kreis-dueren\"",
        "field \"contact.web\"",
        "https://",
    ]);
}

#[test]
fn reports_malformed_phone_email_and_url() {
    let fixture = Fixture::new();
    fixture.replace(
        DUEREN,
        "phone = \"02421 22-1051000\"",
        "phone = \"02421 22-1O51000\"",
    );
    fixture.replace(
        DUEREN,
        "email = \"info@kreis-dueren.de\"",
        "email = \"info(at)kreis-dueren.de\"",
    );
    fixture.replace(
        DUEREN,
        "web = \"https://kreis-dueren.de\"",
        "web = \"http://kreis-dueren.de\"",
    );
    let outcome = fixture.validate();
    let office_line = fixture.at(DUEREN, "phone = \"02421 22-1O51000\"");
    outcome.assert_failed_with(&[
        &office_line,
        "office \"kreis-dueren\"",
        "field \"contact.phone\"",
        "\"O\"",
    ]);
    outcome.line_with(&[
        &office_line,
        "office \"kreis-dueren\"",
        "field \"contact.web\"",
        "https://",
    ]);
    outcome.line_with(&[
        &fixture.at(DUEREN, "info(at)"),
        "offer \"dueren-schnullercafe-merzenich\"",
        "field \"contact.email\"",
        "not an e-mail address",
    ]);
    outcome.line_with(&["3 Fehler in 1 Datei"]);
}

#[test]
fn reports_missing_or_empty_source_and_as_of() {
    let fixture = Fixture::new();
    fixture.replace(GREVEN, "source = \"wn.de (Greven)\"", "source = \"\"");
    fixture.replace(STEINFURT, "as_of = \"2020\"\n", "");
    let outcome = fixture.validate();
    outcome.assert_failed_with(&[
        &fixture.at(GREVEN, "source = \"\""),
        "offer \"greven-cafe-kinderwagen\"",
        "field \"source\"",
        "is empty",
    ]);
    outcome.line_with(&[
        &fixture.at(STEINFURT, "[[offer]]"),
        "offer \"steinfurt-kiwi-cafes\"",
        "field \"as_of\"",
        "missing",
    ]);
}

#[test]
fn reports_an_invalid_and_a_future_as_of() {
    let fixture = Fixture::new();
    fixture.replace(STEINFURT, "as_of = \"2020\"", "as_of = \"2027\"");
    fixture.replace(GREVEN, "as_of = \"2009\"\n\n", "as_of = \"2009-02-30\"\n\n");
    fixture.replace(DUEREN, "as_of = \"2024-05-03\"", "as_of = \"2026-11-22\"");
    let outcome = fixture.validate();
    outcome.assert_failed_with(&[
        &fixture.at(STEINFURT, "as_of = \"2027\""),
        "offer \"steinfurt-kiwi-cafes\"",
        "field \"as_of\"",
        "the year 2027 lies in the future (today is 2026-11-21)",
    ]);
    outcome.line_with(&[
        &fixture.at(DUEREN, "2026-11-22"),
        "offer \"dueren-schnullercafe-merzenich\"",
        "field \"as_of\"",
        "the date 2026-11-22 lies in the future (today is 2026-11-21)",
    ]);
    outcome.line_with(&[
        &fixture.at(GREVEN, "2009-02-30"),
        "office \"stadt-greven\"",
        "field \"as_of\"",
        "is not a date",
    ]);
    // The same data is fine on a later day.
    let later = fixture.run(&["validate", "data", "--today", "2027-06-01"]);
    assert!(!later.all().contains("in the future"), "{}", later.all());
}

#[test]
fn accepts_a_year_alone_and_a_whole_day_as_as_of() {
    let fixture = Fixture::new();
    // The year of today is not in the future.
    fixture.replace(DUEREN, "as_of = \"2024\"", "as_of = \"2026\"");
    let outcome = fixture.validate();
    assert_eq!(outcome.code, 0, "{}", outcome.all());
    let built = fixture.run(&["build", "data", "out", "--today", TODAY]);
    assert_eq!(built.code, 0, "{}", built.all());
    let steinfurt_bytes = fixture.read("out/offices/kreis-steinfurt.json");
    assert!(
        steinfurt_bytes.contains("\"as_of\":\"2017\"")
            && steinfurt_bytes.contains("\"as_of\":\"2020\""),
        "{steinfurt_bytes}"
    );
    let steinfurt: OfficeFile = serde_json::from_str(&steinfurt_bytes).expect("parses");
    assert_eq!(steinfurt.office.as_of, Some(AsOf::Year(2017)));
    assert_eq!(
        steinfurt.as_of,
        Some(AsOf::Year(2020)),
        "newest in the file"
    );
    let dueren: OfficeFile =
        serde_json::from_str(&fixture.read("out/offices/kreis-dueren.json")).expect("parses");
    let as_of = |id: &str| {
        dueren
            .offers
            .iter()
            .find(|o| o.id == id)
            .and_then(|o| o.as_of)
            .map(|a| a.to_string())
    };
    assert_eq!(
        as_of("dueren-schnullercafe-linnich").as_deref(),
        Some("2026")
    );
    assert_eq!(
        as_of("dueren-schnullercafe-merzenich").as_deref(),
        Some("2024-05-03")
    );
    // An unquoted TOML date became the same text.
    assert_eq!(
        dueren.office.as_of.map(|a| a.to_string()).as_deref(),
        Some("2020-01-01")
    );
    // The year 2026 counts from 2026-01-01, later than 2024-05-03: it is the newest.
    assert_eq!(dueren.as_of, Some(AsOf::Year(2026)));
}

#[test]
fn rejects_a_malformed_as_of_naming_file_entry_and_field() {
    let fixture = Fixture::new();
    fixture.replace(DUEREN, "as_of = \"2024\"", "as_of = \"2024-5\"");
    fixture.replace(STEINFURT, "as_of = \"2017\"", "as_of = \"24\"");
    fixture.replace(GREVEN, "as_of = \"2009\"\n\n", "as_of = 2009\n\n");
    let outcome = fixture.validate();
    outcome.assert_failed_with(&[
        &fixture.at(DUEREN, "2024-5\""),
        "offer \"dueren-schnullercafe-linnich\"",
        "field \"as_of\"",
        "\"2024-5\" is not a date or a year: write the day of the source as \"YYYY-MM-DD\"",
    ]);
    outcome.line_with(&[
        &fixture.at(STEINFURT, "\"24\""),
        "office \"kreis-steinfurt\"",
        "field \"as_of\"",
        "\"24\" is not a date or a year",
    ]);
    outcome.line_with(&[
        &fixture.at(GREVEN, "as_of = 2009"),
        "office \"stadt-greven\"",
        "field \"as_of\"",
        "in quotes",
    ]);
    outcome.line_with(&["3 Fehler in 3 Dateien"]);
}

#[test]
fn accepts_an_offer_without_age() {
    let fixture = Fixture::new();
    fixture.replace(GREVEN, "age = { from_months = 0, to_months = 11 }\n", "");
    let outcome = fixture.validate();
    assert_eq!(outcome.code, 0, "{}", outcome.all());
    let built = fixture.run(&["build", "data", "out", "--today", TODAY]);
    assert_eq!(built.code, 0, "{}", built.all());
    let text = fixture.read("out/offices/stadt-greven.json");
    assert!(!text.contains("\"age\""), "no age key: {text}");
    let greven: OfficeFile = serde_json::from_str(&text).expect("parses");
    assert_eq!(greven.offers[0].id, "greven-cafe-kinderwagen");
    assert_eq!(greven.offers[0].age, None);
    // Present, the range is still checked.
    let dueren: OfficeFile =
        serde_json::from_str(&fixture.read("out/offices/kreis-dueren.json")).expect("parses");
    assert!(dueren.offers.iter().all(|o| o.age.is_some()));
}

#[test]
fn reports_invalid_times_and_weekdays() {
    let fixture = Fixture::new();
    fixture.replace(GREVEN, "opens = \"09:30\"", "opens = \"25:00\"");
    fixture.replace(
        DUEREN,
        "opens = \"10:00\", closes = \"12:00\"",
        "opens = \"12:00\", closes = \"10:00\"",
    );
    let outcome = fixture.validate();
    outcome.assert_failed_with(&[
        &fixture.at(GREVEN, "25:00"),
        "offer \"greven-cafe-kinderwagen\"",
        "field \"schedule.weekly[0].opens\"",
        "\"25:00\" is not a time of day",
    ]);
    outcome.line_with(&[
        &fixture.at(DUEREN, "opens = \"12:00\""),
        "offer \"dueren-schnullercafe-merzenich\"",
        "field \"schedule.weekly[0]\"",
        "opens at 12:00 but closes at 10:00",
    ]);

    let fixture = Fixture::new();
    fixture.replace(GREVEN, "day = \"do\"", "day = \"donnerstag\"");
    fixture.validate().assert_failed_with(&[
        &fixture.at(GREVEN, "donnerstag"),
        "offer \"greven-cafe-kinderwagen\"",
        "field \"schedule.weekly[0].day\"",
        "\"donnerstag\" is not one of mo, di, mi, do, fr, sa, so",
    ]);
}

#[test]
fn reports_a_malformed_town_key_in_the_assignments_at_its_line() {
    let fixture = Fixture::new();
    fixture.replace(ASSIGNMENTS, "05358040,Merzenich", "0535804,Merzenich");
    let outcome = fixture.validate();
    outcome.assert_failed_with(&[
        &fixture.at(ASSIGNMENTS, "0535804,"),
        "town \"0535804\"",
        "field \"ags\"",
        "8 digits",
    ]);
    // The real Merzenich now has no row: that is said too, by name.
    outcome.assert_failed_with(&[
        ASSIGNMENTS,
        "town \"05358040\"",
        "05358040 (Merzenich) has no row",
    ]);
}

#[test]
fn reports_a_town_assigned_twice() {
    let fixture = Fixture::new();
    let first = fixture.line(ASSIGNMENTS, "05566084,");
    let mut text = fixture.read(ASSIGNMENTS);
    text.push_str("05566084,\"Steinfurt, Stadt\",stadt-greven,confirmed,greven.net (2024),\n");
    fixture.write(ASSIGNMENTS, &text);
    let line = fixture.validate().assert_failed_with(&[
        &format!("{ASSIGNMENTS}:9:"),
        "town \"05566084\"",
        "field \"ags\"",
        "05566084 (Steinfurt, Stadt) is assigned twice",
    ]);
    assert!(line.contains(&format!("also in line {first}")), "{line}");
}

#[test]
fn reports_an_unknown_office_id_and_an_office_that_serves_no_town() {
    let fixture = Fixture::new();
    fixture.replace(ASSIGNMENTS, ",stadt-greven,", ",stadt-grevn,");
    let outcome = fixture.validate();
    outcome.assert_failed_with(&[
        &fixture.at(ASSIGNMENTS, "stadt-grevn"),
        "town \"05566012\"",
        "field \"office_id\"",
        "no office file offices/stadt-grevn.toml",
    ]);
    outcome.assert_failed_with(&[
        &fixture.at(GREVEN, "id = \"stadt-greven\""),
        "office \"stadt-greven\"",
        "field \"id\"",
        "this office serves no town",
    ]);
}

#[test]
fn reports_a_missing_source_and_an_unknown_confidence() {
    let fixture = Fixture::new();
    fixture.replace(
        ASSIGNMENTS,
        "unverified,kreis-steinfurt.de (2020),",
        "unverified,,",
    );
    fixture.replace(
        ASSIGNMENTS,
        "05566012,\"Greven, Stadt\",stadt-greven,confirmed",
        "05566012,\"Greven, Stadt\",stadt-greven,sure",
    );
    let outcome = fixture.validate();
    outcome.assert_failed_with(&[
        &fixture.at(ASSIGNMENTS, "05566068,"),
        "town \"05566068\"",
        "field \"source\"",
        "is empty",
    ]);
    outcome.assert_failed_with(&[
        &fixture.at(ASSIGNMENTS, "05566012,"),
        "town \"05566012\"",
        "field \"confidence\"",
        "\"sure\" is not a confidence",
    ]);
}

#[test]
fn reports_a_town_outside_the_office_kreis() {
    let fixture = Fixture::new();
    fixture.replace(
        ASSIGNMENTS,
        "05358008,\"Düren, Stadt\",kreis-dueren",
        "05358008,\"Düren, Stadt\",stadt-greven",
    );
    fixture.validate().assert_failed_with(&[
        &fixture.at(ASSIGNMENTS, "05358008,"),
        "town \"05358008\"",
        "field \"office_id\"",
        "lies in \"Düren\", but office \"stadt-greven\" lies in \"Steinfurt\"",
    ]);
}

#[test]
fn an_office_file_that_still_lists_towns_is_told_where_they_went() {
    let fixture = Fixture::new();
    fixture.replace(GREVEN, "kind = ", "towns = [\"05566012\"]\nkind = ");
    fixture.validate().assert_failed_with(&[
        &fixture.at(GREVEN, "towns = [\"05566012\"]\nkind"),
        "office \"stadt-greven\"",
        "field \"towns\"",
        "zustaendigkeit.csv",
    ]);
}

#[test]
fn reports_every_problem_in_one_run() {
    let fixture = Fixture::new();
    fixture.replace(
        DUEREN,
        "phone = \"02421 22-10 51 315\"",
        "phone = \"call us\"",
    );
    fixture.replace(
        DUEREN,
        "to_months = 11 }\ntowns = [\"05358036\"]",
        "to_months = -3 }\ntowns = [\"05358036\"]",
    );
    fixture.replace(GREVEN, "closes = \"11:00\"", "closes = \"11:60\"");
    let outcome = fixture.validate();
    assert_eq!(outcome.code, 1, "{}", outcome.all());
    outcome.line_with(&["welcome \"kreis-dueren\"", "field \"contact.phone\""]);
    outcome.line_with(&[
        "offer \"dueren-schnullercafe-linnich\"",
        "field \"age\"",
        "reversed (from 0 to -3 months)",
    ]);
    outcome.line_with(&[
        "offer \"greven-cafe-kinderwagen\"",
        "field \"schedule.weekly[0].closes\"",
    ]);
    assert_eq!(
        outcome.stderr.lines().last(),
        Some("3 Fehler in 2 Dateien"),
        "{}",
        outcome.all()
    );
}

#[test]
fn reports_a_missing_town_list_and_statewide_file() {
    let fixture = Fixture::new();
    fs::remove_file(fixture.path("data/gemeinden.csv")).expect("remove");
    fs::remove_file(fixture.path("data/statewide.toml")).expect("remove");
    let outcome = fixture.validate();
    outcome.assert_failed_with(&["data/gemeinden.csv: the file is missing"]);
    outcome.line_with(&["data/statewide.toml: the file is missing"]);
}

#[test]
fn reports_problems_in_the_statewide_file() {
    let fixture = Fixture::new();
    fixture.replace(
        "data/statewide.toml",
        "tolerance = { unit = \"month\", from = 2, to = 4, extra_days = 15 }",
        "tolerance = { unit = \"month\", from = 4, to = 3 }",
    );
    fixture.replace(
        "data/statewide.toml",
        "rule = \"end_of_life_month\"",
        "rule = \"end_of_month\"",
    );
    let outcome = fixture.validate();
    outcome.assert_failed_with(&[
        &fixture.at("data/statewide.toml", "from = 4, to = 3"),
        "checkup \"U4\"",
        "field \"tolerance\"",
        "reversed",
    ]);
    outcome.line_with(&[
        &fixture.at("data/statewide.toml", "end_of_month"),
        "deadline \"elterngeld\"",
        "field \"due.rule\"",
    ]);
}

#[test]
fn ignores_templates_and_flags_stray_files() {
    let fixture = Fixture::new();
    let template = manifest_dir().join("../../data/offices/_vorlage.toml.example");
    fs::copy(
        &template,
        fixture.path("data/offices/_vorlage.toml.example"),
    )
    .expect("copy template");
    assert_eq!(fixture.validate().code, 0);
    fixture.write("data/offices/notizen.txt", "x");
    fixture
        .validate()
        .assert_failed_with(&["data/offices/notizen.txt", "not a .toml file"]);
}

#[test]
fn the_template_names_only_known_fields() {
    let fixture = Fixture::new();
    let template =
        fs::read_to_string(manifest_dir().join("../../data/offices/_vorlage.toml.example"))
            .expect("template");
    fixture.write("data/offices/vorlage.toml", &template);
    let outcome = fixture.validate();
    assert_eq!(outcome.code, 1);
    let all = outcome.all();
    for forbidden in [
        "unknown field",
        "TOML syntax error",
        "required field is missing",
        "must be ",
    ] {
        assert!(
            !all.contains(forbidden),
            "template problem {forbidden:?}:\n{all}"
        );
    }
    // Its placeholders are caught, so a copy cannot slip through unchanged.
    outcome.line_with(&[
        "data/offices/vorlage.toml",
        "field \"as_of\"",
        "in the future",
    ]);
    outcome.line_with(&[
        "data/offices/vorlage.toml",
        "field \"place.lat\"",
        "outside NRW",
    ]);
}

#[test]
fn usage_errors_exit_with_2() {
    let fixture = Fixture::new();
    assert_eq!(fixture.run(&["validate"]).code, 2);
    assert_eq!(fixture.run(&["check", "data"]).code, 2);
    assert_eq!(
        fixture
            .run(&["validate", "data", "--today", "2026-02-30"])
            .code,
        2
    );
    let help = fixture.run(&["--help"]);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("kekiz-data build DIR OUT"));
}

#[test]
fn build_writes_the_index_and_office_files() {
    let fixture = Fixture::new();
    let outcome = fixture.run(&["build", "data", "out", "--today", TODAY]);
    assert_eq!(outcome.code, 0, "{}", outcome.all());
    assert!(
        outcome
            .stdout
            .starts_with("Gebaut: 7 Orte, 4 Jugendämter (4 mit Datei), 4 Angebote"),
        "{}",
        outcome.stdout
    );
    let files = snapshot(&fixture.path("out"));
    let names: Vec<String> = files.keys().map(|p| p.display().to_string()).collect();
    assert_eq!(
        names,
        [
            "index.json",
            "offices/kreis-dueren.json",
            "offices/kreis-steinfurt.json",
            "offices/stadt-greven.json",
            "offices/stadt-koeln.json"
        ]
    );
    let total: usize = files.values().map(Vec::len).sum();
    assert!(
        outcome
            .stdout
            .contains(&format!("5 Dateien, {total} Bytes in out")),
        "{}",
        outcome.stdout
    );
    let index_bytes = &files[Path::new("index.json")];
    assert!(!index_bytes.contains(&b'\n'), "compact JSON");
    let index: DirectoryIndex = serde_json::from_slice(index_bytes).expect("index parses");
    assert_eq!(index.format, FORMAT_VERSION);
    // The newest as_of: the day 2024-05-03 is newer than the year 2024 (which counts from 1 January).
    assert_eq!(index.as_of.to_string(), "2024-05-03");
    assert!(index
        .attribution
        .iter()
        .any(|a| a.contains("© Statistisches Bundesamt (Destatis)")));
    assert!(index
        .attribution
        .iter()
        .any(|a| a.contains("© OpenStreetMap contributors")));
    let ags: Vec<&str> = index.towns.iter().map(|t| t.ags.as_str()).collect();
    let mut sorted = ags.clone();
    sorted.sort_unstable();
    assert_eq!(ags, sorted);
    let office_of = |ags: &str| {
        index
            .towns
            .iter()
            .find(|t| t.ags == ags)
            .and_then(|t| t.office.clone())
    };
    assert_eq!(office_of("05315000").as_deref(), Some("stadt-koeln"));
    assert_eq!(office_of("05358040").as_deref(), Some("kreis-dueren"));
    assert_eq!(office_of("05358008").as_deref(), Some("kreis-dueren"));
    let confidence_of = |ags: &str| {
        index
            .towns
            .iter()
            .find(|t| t.ags == ags)
            .map(|t| t.confidence)
    };
    assert_eq!(confidence_of("05566068"), Some(Confidence::Unverified));
    assert_eq!(confidence_of("05358040"), Some(Confidence::Derived));
    assert_eq!(confidence_of("05566012"), Some(Confidence::Confirmed));
    // Confirmed is the default and stays out of the JSON; the other two are written.
    let index_text = String::from_utf8_lossy(index_bytes);
    assert_eq!(
        index_text.matches("\"confidence\"").count(),
        2,
        "{index_text}"
    );
    let koeln = index
        .towns
        .iter()
        .find(|t| t.ags == "05315000")
        .expect("Köln");
    assert!(koeln.kreisfrei);
    assert_eq!(koeln.kreis, "Köln");
    assert!(koeln.postcodes.len() > 10);
    let ids: Vec<&str> = index.offices.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "kreis-dueren",
            "kreis-steinfurt",
            "stadt-greven",
            "stadt-koeln"
        ]
    );
    // Every office has a file, even one that gives no date and no contact yet.
    let koeln_summary = &index.offices[3];
    assert_eq!(
        (
            koeln_summary.name.as_str(),
            koeln_summary.file.as_deref(),
            koeln_summary.as_of
        ),
        (
            "Jugendamt der Stadt Köln",
            Some("offices/stadt-koeln.json"),
            None
        )
    );
    let koeln_file: OfficeFile =
        serde_json::from_slice(&files[Path::new("offices/stadt-koeln.json")]).expect("parses");
    assert_eq!(koeln_file.office.towns, ["05315000"]);
    assert_eq!(koeln_file.office.as_of, None, "Stand unbekannt");
    assert_eq!(koeln_file.office.kind, OfficeKind::KreisfreieStadt);
    let dueren_summary = &index.offices[0];
    let dueren_bytes = &files[Path::new("offices/kreis-dueren.json")];
    assert_eq!(
        dueren_summary.file.as_deref(),
        Some("offices/kreis-dueren.json")
    );
    assert_eq!(dueren_summary.file_bytes, dueren_bytes.len() as u64);
    assert_eq!(
        dueren_summary.as_of.map(|d| d.to_string()).as_deref(),
        Some("2024-05-03")
    );
    let dueren: OfficeFile = serde_json::from_slice(dueren_bytes).expect("office file parses");
    assert_eq!(dueren.format, FORMAT_VERSION);
    let offer_ids: Vec<&str> = dueren.offers.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(
        offer_ids,
        [
            "dueren-schnullercafe-linnich",
            "dueren-schnullercafe-merzenich"
        ],
        "sorted by id"
    );
    assert_eq!(dueren.welcome.expect("welcome").name, "Willkommen im Leben");
    assert_eq!(index.statewide.checkups.len(), 2);
    assert_eq!(index.statewide.deadlines.len(), 1);
}

#[test]
fn build_is_deterministic() {
    let fixture = Fixture::new();
    for out in ["out-a", "out-b"] {
        let outcome = fixture.run(&["build", "data", out, "--today", TODAY]);
        assert_eq!(outcome.code, 0, "{}", outcome.all());
    }
    let first = snapshot(&fixture.path("out-a"));
    assert_eq!(first, snapshot(&fixture.path("out-b")));
    // Building again over an existing output gives the same bytes and leaves no temporary folder.
    let again = fixture.run(&["build", "data", "out-a", "--today", "2030-01-01"]);
    assert_eq!(again.code, 0, "{}", again.all());
    assert_eq!(first, snapshot(&fixture.path("out-a")));
    let leftovers: Vec<_> = fs::read_dir(fixture.root.path())
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("kekiz-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_failed_build_leaves_the_existing_output_untouched() {
    let fixture = Fixture::new();
    let first = fixture.run(&["build", "data", "out", "--today", TODAY]);
    assert_eq!(first.code, 0, "{}", first.all());
    let before = snapshot(&fixture.path("out"));
    fixture.replace(GREVEN, "to_months = 11", "to_months = 300");
    fixture.replace(
        DUEREN,
        "title = \"Schnullercafé Merzenich\"",
        "title = \"Schnullercafé Merzenich (neu)\"",
    );
    let failed = fixture.run(&["build", "data", "out", "--today", TODAY]);
    failed.assert_failed_with(&[GREVEN, "field \"age\""]);
    failed.line_with(&["Nichts gebaut: out bleibt unverändert."]);
    assert_eq!(before, snapshot(&fixture.path("out")));
    let entries: Vec<String> = fs::read_dir(fixture.root.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!entries.iter().any(|n| n.contains("kekiz-")), "{entries:?}");
}

#[test]
fn a_build_that_cannot_be_written_fails_cleanly() {
    let fixture = Fixture::new();
    fixture.write("blocker", "a file where a folder should be");
    let outcome = fixture.run(&["build", "data", "blocker/out", "--today", TODAY]);
    outcome.assert_failed_with(&["cannot write", "blocker"]);
    assert_eq!(
        fs::read_to_string(fixture.path("blocker")).expect("still a file"),
        "a file where a folder should be"
    );
}

#[test]
fn stats_prints_the_coverage() {
    let fixture = Fixture::new();
    let outcome = fixture.run(&["stats", "data", "--today", "2025-06-01"]);
    assert_eq!(outcome.code, 0, "{}", outcome.all());
    let out = &outcome.stdout;
    let figure = |label: &str| {
        let line = outcome.line_with(&[label]);
        line[label.len()..]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(figure("Orte mit Jugendamt:"), "7 von 7 (100 %)");
    assert_eq!(figure("  belegt (confirmed):"), "5 von 7 (71 %)");
    assert_eq!(figure("  abgeleitet (derived):"), "1 von 7 (14 %)");
    assert_eq!(figure("  unbestätigt (unverified):"), "1 von 7 (14 %)");
    assert_eq!(figure("Jugendämter mit Datei:"), "4 von 186");
    assert_eq!(
        figure("  mit eigenem Kontakt (Tel., E-Mail, Web):"),
        "1 von 4"
    );
    assert_eq!(figure("  mit Begrüßungsdienst:"), "1 von 4");
    assert_eq!(
        figure("  mit Kontakt zum Begrüßungsdienst:"),
        "1 von 4 (Telefon, E-Mail oder Web)"
    );
    assert_eq!(figure("Angebote insgesamt:"), "4");
    assert_eq!(figure("Einträge ohne Datum (Stand unbekannt):"), "1");
    outcome.line_with(&[
        "unbekannt",
        "data/offices/stadt-koeln.toml:1",
        "office \"stadt-koeln\"",
    ]);
    // The unverified assignment is reported by file, line, town and field.
    outcome.line_with(&[
        "data/zustaendigkeit.csv:7:",
        "town \"05566068\" (Ochtrup, Stadt)",
        "field \"confidence\": unverified",
    ]);
    outcome.line_with(&["kreis-dueren ", " 3 ", " 2 ", "ja, mit Kontakt"]);
    outcome.line_with(&["stadt-greven ", " 1 ", " 1 ", " -"]);
    // Everything but the two offers of 2024 is more than two years older than 2025-06-01.
    outcome.line_with(&["Einträge mit Stand vor 2023-06-01 (älter als zwei Jahre): 9"]);
    outcome.line_with(&[
        "  2009        data/offices/stadt-greven.toml:3",
        "office \"stadt-greven\"",
    ]);
    outcome.line_with(&[
        "2020-01-01",
        "data/offices/kreis-dueren.toml:3",
        "office \"kreis-dueren\"",
    ]);
    outcome.line_with(&["2022", "data/statewide.toml", "checkup \"U4\""]);
    assert!(!out.contains("dueren-schnullercafe-merzenich"), "{out}");
    assert!(!out.contains("dueren-schnullercafe-linnich"), "{out}");
}

#[test]
fn stats_counts_a_year_alone_from_its_first_day() {
    let fixture = Fixture::new();
    // Two years before 2026-03-01 is 2024-03-01: the year "2024" (from 2024-01-01) is old, the day
    // 2024-05-03 is not.
    let outcome = fixture.run(&["stats", "data", "--today", "2026-03-01"]);
    assert_eq!(outcome.code, 0, "{}", outcome.all());
    outcome.line_with(&["Einträge mit Stand vor 2024-03-01 (älter als zwei Jahre): 10"]);
    outcome.line_with(&["  2024  ", "offer \"dueren-schnullercafe-linnich\""]);
    assert!(
        !outcome.stdout.contains("dueren-schnullercafe-merzenich"),
        "{}",
        outcome.stdout
    );
}

#[test]
fn stats_refuses_broken_data() {
    let fixture = Fixture::new();
    fixture.replace(GREVEN, "to_months = 11", "to_months = 300");
    let outcome = fixture.run(&["stats", "data", "--today", TODAY]);
    outcome.assert_failed_with(&[GREVEN, "field \"age\""]);
}

fn real_data() -> PathBuf {
    manifest_dir().join("../../data")
}

#[test]
fn the_real_data_validates() {
    let outcome = run_in(&manifest_dir().join("../.."), &["validate", "data"]);
    assert_eq!(outcome.code, 0, "{}", outcome.all());
    assert!(outcome.stdout.starts_with("OK: "), "{}", outcome.stdout);
    assert!(
        outcome.stdout.trim_end().ends_with(", 396 Orte"),
        "{}",
        outcome.stdout
    );
}

#[test]
fn the_real_town_list_is_the_shared_one() {
    let shared = manifest_dir().join("../../../shared/data/nrw-gemeinden.csv");
    if let Ok(expected) = fs::read(&shared) {
        assert_eq!(
            fs::read(real_data().join("gemeinden.csv")).expect("data/gemeinden.csv"),
            expected
        );
    }
}

#[test]
fn the_real_data_builds_with_every_office_of_nrw() {
    let out = tempfile::tempdir().expect("temporary directory");
    let target = out.path().join("built");
    let data = real_data();
    let outcome = run_in(out.path(), &["build", &data.to_string_lossy(), "built"]);
    assert_eq!(outcome.code, 0, "{}", outcome.all());
    let index: DirectoryIndex =
        serde_json::from_slice(&fs::read(target.join("index.json")).expect("index"))
            .expect("parses");
    assert_eq!(index.towns.len(), 396);
    assert_eq!(index.towns.iter().filter(|t| t.kreisfrei).count(), 22);
    assert!(
        index.towns.iter().all(|t| t.office.is_some()),
        "every town of NRW has its youth office"
    );
    assert_eq!(
        index
            .towns
            .iter()
            .filter(|t| t.confidence == Confidence::Unverified)
            .count(),
        22,
        "the research leaves 22 assignments unverified"
    );
    let published: Vec<&str> = index
        .offices
        .iter()
        .filter(|o| o.file.is_some())
        .map(|o| o.id.as_str())
        .collect();
    for id in [
        "kreis-steinfurt",
        "stadt-emsdetten",
        "stadt-greven",
        "stadt-ibbenbueren",
        "stadt-rheine",
        "kreis-lippe",
        "stadt-bad-salzuflen",
        "stadt-detmold",
        "stadt-lage",
        "stadt-lemgo",
        "kreis-dueren",
        "stadt-dueren",
        "kreis-unna",
        "stadt-bergkamen",
        "stadt-kamen",
        "stadt-luenen",
        "stadt-schwerte",
        "stadt-selm",
        "stadt-unna",
        "stadt-werne",
    ] {
        assert!(published.contains(&id), "{id} is published");
        let file: OfficeFile = serde_json::from_slice(
            &fs::read(target.join(format!("offices/{id}.json"))).expect("office file"),
        )
        .expect("office file parses");
        assert_eq!(file.office.id, id);
    }
    assert_eq!(index.offices.len(), 186, "all youth offices of NRW");
    assert!(
        index.offices.iter().all(|o| o.file.is_some()),
        "each with a file"
    );
    let serving: std::collections::BTreeSet<&str> = index
        .towns
        .iter()
        .filter_map(|t| t.office.as_deref())
        .collect();
    assert_eq!(serving.len(), 186, "every office serves a town");
    let checkups: Vec<&str> = index
        .statewide
        .checkups
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(
        checkups,
        ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U7a", "U8", "U9", "J1"]
    );
    let deadlines: Vec<&str> = index
        .statewide
        .deadlines
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(
        deadlines,
        ["geburt-anmelden", "elterngeld", "kindergeld", "kita-bedarf"]
    );
}

const STATEWIDE: &str = "data/statewide.toml";

#[test]
fn reports_a_malformed_helpline_number_and_a_missing_source() {
    let fixture = Fixture::new();
    fixture.replace(STATEWIDE, "\"0800 00 22 8 33\"", "\"0800 00 22 8 3O\"");
    fixture.replace(
        STATEWIDE,
        "source = \"Feuerwehr, Merkblatt Notruf (2024)\"\n",
        "",
    );
    let outcome = fixture.validate();
    outcome.assert_failed_with(&[
        &fixture.at(STATEWIDE, "0800 00 22 8 3O"),
        "helpline \"apotheken-notdienst\"",
        "field \"phones[0].number\"",
        "the phone number contains \"O\"",
    ]);
    // A missing field is reported at the entry's header.
    outcome.line_with(&[
        &fixture.at(STATEWIDE, "[[helpline]]"),
        "helpline \"notruf-112\"",
        "field \"source\"",
        "this required field is missing",
    ]);
    assert_eq!(
        outcome.stderr.lines().last(),
        Some("2 Fehler in 1 Datei"),
        "{}",
        outcome.all()
    );
}

#[test]
fn reports_a_helpline_without_number_or_web_and_a_long_short_number() {
    let fixture = Fixture::new();
    fixture.replace(STATEWIDE, "phones = [{ number = \"112\" }]\n", "");
    fixture.replace(STATEWIDE, "\"22 8 33\"", "\"22 8 33 44\"");
    let outcome = fixture.validate();
    outcome.assert_failed_with(&[
        &fixture.at(STATEWIDE, "[[helpline]]"),
        "helpline \"notruf-112\"",
        "field \"phones\"",
        "at least one number",
    ]);
    outcome.line_with(&[
        &fixture.at(STATEWIDE, "22 8 33 44"),
        "helpline \"apotheken-notdienst\"",
        "field \"phones[1].number\"",
        "nor a short number of 3 to 6 digits",
    ]);
}

#[test]
fn builds_helplines_in_file_order() {
    let fixture = Fixture::new();
    let outcome = fixture.run(&["build", "data", "out", "--today", TODAY]);
    assert_eq!(outcome.code, 0, "{}", outcome.all());
    assert!(
        outcome
            .stdout
            .contains("2 Notrufnummern und Hilfetelefone;"),
        "{}",
        outcome.stdout
    );
    let index: DirectoryIndex =
        serde_json::from_slice(&fs::read(fixture.path("out/index.json")).expect("index"))
            .expect("parses");
    let ids: Vec<&str> = index
        .statewide
        .helplines
        .iter()
        .map(|h| h.id.as_str())
        .collect();
    assert_eq!(ids, ["notruf-112", "apotheken-notdienst"]);
    let pharmacy = &index.statewide.helplines[1];
    assert_eq!(pharmacy.phones[1].number, "22 8 33");
    assert_eq!(pharmacy.phones[1].label.as_deref(), Some("vom Handy"));
    let stats = fixture.run(&["stats", "data", "--today", TODAY]);
    stats.line_with(&["Notrufnummern und Hilfetelefone:", "2 (landesweit)"]);
}

#[test]
fn the_real_data_puts_the_emergency_number_first() {
    let out = tempfile::tempdir().expect("temporary directory");
    let data = real_data();
    let outcome = run_in(out.path(), &["build", &data.to_string_lossy(), "built"]);
    assert_eq!(outcome.code, 0, "{}", outcome.all());
    let index: DirectoryIndex =
        serde_json::from_slice(&fs::read(out.path().join("built/index.json")).expect("index"))
            .expect("parses");
    let helplines = &index.statewide.helplines;
    let first = helplines.first().expect("at least one help line");
    assert_eq!(first.phones[0].number, "112", "danger to life comes first");
    let numbers: Vec<&str> = helplines
        .iter()
        .flat_map(|h| h.phones.iter().map(|p| p.number.as_str()))
        .collect();
    let at = |number: &str| {
        numbers
            .iter()
            .position(|n| *n == number)
            .unwrap_or_else(|| panic!("{number} is listed: {numbers:?}"))
    };
    assert!(at("112") < at("116 117"), "{numbers:?}");
    assert!(at("116 117") < at("0228 19240"), "{numbers:?}");
    // The research's "do not use" list, and 116 123 (only "mittel").
    for old in [
        "0228 287-3211",
        "08000 116 016",
        "0800 111 0 333",
        "0211 5970 7284",
        "116 123",
    ] {
        assert!(!numbers.contains(&old), "{old} must not be shown");
    }
    for helpline in helplines {
        assert!(
            !helpline.source.is_empty(),
            "{} names its source",
            helpline.id
        );
    }
}

#[test]
fn translations_are_built_and_a_wrong_one_names_file_entry_and_field() {
    let fixture = Fixture::new();
    fixture.replace(
        DUEREN,
        "title = \"Schnullercafé Linnich\"\n",
        "title = \"Schnullercafé Linnich\"\ntranslations.tr = { title = \"Emzik Kafe Linnich\" }\n",
    );
    assert_eq!(fixture.validate().code, 0, "{}", fixture.validate().all());
    let built = fixture.run(&["build", "data", "out", "--today", TODAY]);
    assert_eq!(built.code, 0, "{}", built.all());
    let dueren: OfficeFile =
        serde_json::from_str(&fixture.read("out/offices/kreis-dueren.json")).expect("parses");
    let offer = dueren
        .offers
        .iter()
        .find(|o| o.id == "dueren-schnullercafe-linnich")
        .expect("built");
    assert_eq!(
        kekiz_core::directory::localized(&offer.translations, "title", &offer.title, "tr"),
        ("Emzik Kafe Linnich", "tr")
    );
    assert_eq!(
        kekiz_core::directory::localized(&offer.translations, "title", &offer.title, "ar"),
        ("Schnullercafé Linnich", "de")
    );

    // A field that cannot be translated, and a code that is no language.
    fixture.replace(
        DUEREN,
        "translations.tr = { title = \"Emzik Kafe Linnich\" }",
        "translations.tr = { titel = \"Emzik Kafe Linnich\" }\ntranslations.Turkish = { title = \"x\" }",
    );
    let outcome = fixture.validate();
    outcome.assert_failed_with(&[
        "offer \"dueren-schnullercafe-linnich\"",
        "field \"translations.tr.titel\"",
    ]);
    outcome.line_with(&[
        "data/offices/kreis-dueren.toml",
        "field \"translations.Turkish\"",
        "not a language code",
    ]);
}

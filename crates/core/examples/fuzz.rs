//! A fuzz runner that needs no nightly: seeded, deterministic inputs for every parser that reads
//! untrusted bytes, each input run under `catch_unwind`, with counts per target.
//!
//! `make fuzz` runs it: `cargo run --profile fuzz -p kekiz-core --example fuzz -- 30s`. The
//! `fuzz` profile is the release profile with `panic = "unwind"` (release aborts on a panic, so
//! none could be caught and counted) and with overflow checks and debug assertions on.
//!
//! Arguments: the budget per target, `30s` (seconds) or `2000000` (inputs); `--seed N`;
//! `--only NAME` (one target); `--data DIR` (the built directory, default
//! `target/site-data/data`); `--out DIR` (where the first panicking input of a target is
//! written, default `target/fuzz/panics`); `--replay FILE` with `--only NAME` runs that one
//! input again and shows its panic. Exits with 1 when any input panicked.
//!
//! Inputs mix fully random bytes, byte-level mutations of valid samples, structure-aware
//! mutations of their JSON trees (or of the link's query), and random JSON-ish documents. Valid
//! samples come from the built directory when it is there (`make data`), else from small
//! embedded ones; the profile and link samples are made with the core's own writers.

use kekiz_core::age::BirthInfo;
use kekiz_core::date::Date;
use kekiz_core::directory::{DirectoryIndex, OfficeFile};
use kekiz_core::done::DoneKind;
use kekiz_core::handover::{handover_query, parse_handover};
use kekiz_core::profile::{parse_export, Profile, MAX_IMPORT_BYTES};
use serde_json::{Map, Number, Value};
use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Longest input made; larger ones are cut (the import refuses more than 256 KiB anyway).
const MAX_INPUT: usize = 512 * 1024;
/// Seeds larger than this are mutated only rarely, so that most inputs stay fast.
const BIG_SEED: usize = 16 * 1024;
/// The seed when none is given ("KEKIZ" in ASCII).
const DEFAULT_SEED: u64 = 0x4B_454B_495A;

/// A smallest-but-complete office file, used when no built directory is there.
const EMBEDDED_OFFICE: &str = r#"{"format":2,"as_of":"2020","office":{"id":"kreis-unna","name":"Kreis Unna, Fachbereich Familie und Jugend","kind":"kreis","kreis":"Unna","towns":["05978008"],"address":{"street":"Friedrich-Ebert-Str. 17","postcode":"59425","city":"Unna"},"contact":{"phone":"02303 27 22 51","web":"https://kreis-unna.de"},"source":"kreis-unna.de (2020)","as_of":"2020"},"welcome":{"name":"Neugeborenenbesuch der Familienbüros","description":"Ein freiwilliger Begrüßungsbesuch.","contact":{"phone":"02303 27 22 51","email":"familienbuero@kreis-unna.de"},"source":"kreis-unna.de (2020)","as_of":"2020"},"offers":[{"id":"froendenberg-cafe-knirps","title":"Café Knirps Fröndenberg","description":"Offener Elterntreff.","category":"treffpunkt","towns":["05978012"],"place":{"name":"Treffpunkt Windmühle","address":{"city":"Fröndenberg/Ruhr"}},"schedule":{"weekly":[{"day":"fr","opens":"09:00","closes":"11:30"}],"text":"nicht in den Schulferien"},"languages":[],"registration":"unknown","contact":{},"source":"evangelisch-in-unna.de (30.09.2019)","as_of":"2019-09-30"}]}"#;

/// An office file without offers, used when no built directory is there.
const EMBEDDED_OFFICE_EMPTY: &str = r#"{"format":2,"office":{"id":"stadt-loehne","name":"Jugendamt der Stadt Löhne","kind":"kreisangehoerige-stadt","kreis":"Herford","towns":["05758024"],"contact":{},"source":"kreis-herford.de"},"offers":[]}"#;

/// A small index (one town, office, check-up, deadline and helpline), used when no built
/// directory is there.
const EMBEDDED_INDEX: &str = r#"{"format":2,"as_of":"2025-08-13","attribution":["Gemeindeverzeichnis: © Statistisches Bundesamt (Destatis)"],"towns":[{"ags":"05111000","name":"Düsseldorf, Stadt","kreis":"Düsseldorf","kreisfrei":true,"postcodes":["40210"],"office":"stadt-duesseldorf"}],"offices":[{"id":"hochsauerlandkreis","name":"Jugendamt des Hochsauerlandkreises","kreis":"Hochsauerlandkreis","file":"offices/hochsauerlandkreis.json","file_bytes":433}],"statewide":{"checkups":[{"id":"U1","description":"Erste Untersuchung direkt nach der Geburt.","official":{"unit":"day","from":1,"to":1,"extra_days":0},"source":"G-BA Kinder-Richtlinie"}],"deadlines":[{"id":"geburt-anmelden","title":"Geburt beim Standesamt anzeigen","description":"Innerhalb einer Woche.","due":{"rule":"days_after_birth","value":7},"legal_basis":"§§ 18, 20 PStG","source":"Personenstandsgesetz (PStG)"}],"helplines":[{"id":"notruf-112","name":"Notruf","purpose":"Bei Lebensgefahr sofort anrufen.","phones":[{"number":"112"}],"hours":"rund um die Uhr","cost":"kostenlos","source":"Feuerwehr Essen"}]}}"#;

/// Tokens that JSON parsers and the core's own value checks care about.
#[rustfmt::skip]
const JSON_TOKENS: &[&str] = &[
    "{", "}", "[", "]", ",", ":", "\"", "\\", "null", "true", "false", "0", "-0", "-1", "1e999",
    "-1e999", "1.5", "1E+2", "4294967296", "18446744073709551616", "-9223372036854775809",
    "\\u0000", "\\ud800", "\\udc00", "\\uD83D\\uDE00", "\\\"", "\u{feff}", "\u{0}", "\t", "\n",
    "\"schema\"", "\"app\"", "\"exported\"", "\"profile\"", "\"children\"", "\"town\"", "\"id\"",
    "\"nickname\"", "\"birth\"", "\"born\"", "\"expected\"", "\"done\"", "\"kind\"", "\"on\"",
    "\"format\"", "\"offers\"", "\"office\"", "\"towns\"", "\"weekly\"", "\"day\"", "\"opens\"",
    "\"closes\"", "\"ages\"", "\"as_of\"", "\"2026-02-29\"", "\"2024-02-29\"", "\"9999-12-31\"",
    "\"0000-01-01\"", "\"05566012\"", "\"kekiz-begleiter\"", "\"24:00\"", "\"99:99\"",
];

/// Strings worth trying as values anywhere.
#[rustfmt::skip]
const STRINGS: &[&str] = &[
    "", " ", "2026-02-29", "2024-02-29", "2026-02-30", "2026-13-01", "0000-01-01", "9999-12-31",
    "2026", "0000", "2026-05", "05566012", "05978024", "09162000", "0556601", "U4", "J1",
    "kindergeld", "born", "expected", "checkup", "deadline", "kekiz-begleiter", "mo", "so", "xx",
    "00:00", "23:59", "24:00", "9:5", "treffpunkt", "kreis", "unknown", "day", "week", "month",
    "year", "days_after_birth", "https://", "mailto:a@b", "+49 ", "\u{0}", "\u{feff}", "\u{202e}",
    "𝔘𝔫𝔦", "ÄÖÜäöüß",
];

/// Query fragments for the hand-over link.
#[rustfmt::skip]
const QUERY_TOKENS: &[&str] = &[
    "?", "&", "=", "&&", "==", "%", "%2", "%zz", "%00", "%FF", "%C3%A4", "%E2%80%AE", "%2D", "%26",
    "%3D", "+", "ort", "geboren", "erwartet", "%6Frt", "ORT", "05978024", "05566012", "2026-05",
    "2027-03", "0000-01", "9999-12", "2026-13", "2026-00", "-", "#", "\u{0}", "ä", "\u{1F600}",
];

/// How long or how many inputs each target gets.
#[derive(Debug, Clone, Copy)]
enum Budget {
    /// Run for this long.
    Time(Duration),
    /// Run this many inputs.
    Count(u64),
}

/// What the runner was asked to do.
struct Options {
    budget: Budget,
    seed: u64,
    only: Option<String>,
    data: PathBuf,
    out: PathBuf,
    replay: Option<PathBuf>,
}

/// The kind of text a target reads, which decides the structure-aware mutations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A JSON document.
    Json,
    /// A URL query ("?ort=…&geboren=…").
    Query,
}

/// One parser under test.
struct Target {
    name: &'static str,
    kind: Kind,
    /// Runs the parser on one input; whether it accepted the input.
    run: fn(&[u8]) -> bool,
    seeds: Vec<Vec<u8>>,
}

/// What running one target gave.
struct Report {
    name: &'static str,
    seeds: usize,
    inputs: u64,
    accepted: u64,
    panics: u64,
    first: Option<(String, PathBuf)>,
    elapsed: Duration,
}

thread_local! {
    /// The message of the last panic on this thread, caught by the quiet panic hook.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn main() -> ExitCode {
    if cfg!(panic = "abort") {
        eprintln!(
            "fuzz: built with panic = \"abort\", so no panic could be caught. Run it with \
             `--profile fuzz` (make fuzz), not with --release."
        );
        return ExitCode::from(2);
    }
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(problem) => {
            eprintln!("fuzz: {problem}");
            eprintln!(
                "usage: fuzz <30s | 2000000> [--seed N] [--only NAME] [--data DIR] [--out DIR] \
                 [--replay FILE]"
            );
            return ExitCode::from(2);
        }
    };
    let mut targets = targets(&options.data);
    if let Some(only) = &options.only {
        targets.retain(|t| t.name == only);
        if targets.is_empty() {
            eprintln!("fuzz: no target named {only}");
            return ExitCode::from(2);
        }
    }
    if let Some(file) = &options.replay {
        return replay(&targets, file);
    }
    if let Err(error) = std::fs::create_dir_all(&options.out) {
        eprintln!("fuzz: cannot create {}: {error}", options.out.display());
        return ExitCode::from(2);
    }
    // A panicking input of an earlier run is not this run's finding.
    for target in &targets {
        let _ = std::fs::remove_file(panic_file(&options.out, target.name));
    }
    // Panics are expected and counted: record their message instead of printing it.
    panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        LAST_PANIC.with(|last| *last.borrow_mut() = Some(message));
    }));

    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(targets.len());
    println!(
        "fuzz: {} per target, seed {:#x}, {threads} threads, samples from {}",
        match options.budget {
            Budget::Time(time) => format!("{} s", time.as_secs_f64()),
            Budget::Count(count) => format!("{} inputs", grouped(count)),
        },
        options.seed,
        if options.data.join("index.json").is_file() {
            options.data.display().to_string()
        } else {
            "the embedded samples (no built directory)".to_owned()
        }
    );
    let next = AtomicUsize::new(0);
    let reports: Mutex<Vec<Report>> = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                while let Some(target) = targets.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let report = fuzz(target, &options);
                    println!(
                        "  {:<9} done: {} inputs, {} panics",
                        report.name,
                        grouped(report.inputs),
                        report.panics
                    );
                    if let Ok(mut reports) = reports.lock() {
                        reports.push(report);
                    }
                }
            });
        }
    });
    let mut reports = reports.into_inner().unwrap_or_default();
    reports.sort_by_key(|r| targets.iter().position(|t| t.name == r.name));

    println!();
    println!(
        "{:<9} {:>6} {:>13} {:>11} {:>7} {:>8} {:>11}",
        "target", "seeds", "inputs", "accepted", "panics", "time", "inputs/s"
    );
    let mut total_panics = 0;
    for report in &reports {
        let seconds = report.elapsed.as_secs_f64();
        println!(
            "{:<9} {:>6} {:>13} {:>11} {:>7} {:>7.1}s {:>11}",
            report.name,
            report.seeds,
            grouped(report.inputs),
            grouped(report.accepted),
            report.panics,
            seconds,
            grouped((report.inputs as f64 / seconds.max(1e-9)) as u64)
        );
        total_panics += report.panics;
    }
    for report in &reports {
        if let Some((message, file)) = &report.first {
            println!();
            println!("{}: first panic: {message}", report.name);
            println!("{}: its input is in {}", report.name, file.display());
        }
    }
    if total_panics > 0 {
        println!("\nfuzz: {total_panics} panicking inputs");
        ExitCode::FAILURE
    } else {
        println!("\nfuzz: no panics");
        ExitCode::SUCCESS
    }
}

/// Runs the one target left by `--only` on the input in `file`, with the normal panic message.
fn replay(targets: &[Target], file: &Path) -> ExitCode {
    let [target] = targets else {
        eprintln!("fuzz: --replay needs --only NAME");
        return ExitCode::from(2);
    };
    let input = match std::fs::read(file) {
        Ok(input) => input,
        Err(error) => {
            eprintln!("fuzz: cannot read {}: {error}", file.display());
            return ExitCode::from(2);
        }
    };
    match panic::catch_unwind(|| (target.run)(&input)) {
        Ok(accepted) => {
            println!("{}: no panic (accepted: {accepted})", target.name);
            ExitCode::SUCCESS
        }
        Err(_) => ExitCode::FAILURE,
    }
}

/// Where the first panicking input of target `name` is written.
fn panic_file(out: &Path, name: &str) -> PathBuf {
    out.join(format!("{name}-panic.bin"))
}

/// Reads the command line.
fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let root = root.canonicalize().unwrap_or(root);
    let mut options = Options {
        budget: Budget::Time(Duration::from_secs(10)),
        seed: DEFAULT_SEED,
        only: None,
        data: root.join("target/site-data/data"),
        out: root.join("target/fuzz/panics"),
        replay: None,
    };
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--seed" => {
                let text = value("--seed")?;
                options.seed = text
                    .strip_prefix("0x")
                    .map_or_else(|| text.parse(), |hex| u64::from_str_radix(hex, 16))
                    .map_err(|_| format!("--seed {text} is not a number"))?;
            }
            "--only" => options.only = Some(value("--only")?),
            "--data" => options.data = PathBuf::from(value("--data")?),
            "--out" => options.out = PathBuf::from(value("--out")?),
            "--replay" => options.replay = Some(PathBuf::from(value("--replay")?)),
            budget => {
                options.budget =
                    match budget.strip_suffix('s') {
                        Some(seconds) => Budget::Time(
                            seconds
                                .parse::<f64>()
                                .ok()
                                .filter(|s| s.is_finite() && *s >= 0.0)
                                .map(Duration::from_secs_f64)
                                .ok_or(format!("{budget} is not a number of seconds"))?,
                        ),
                        None => Budget::Count(budget.replace('_', "").parse().map_err(|_| {
                            format!("{budget} is neither seconds (30s) nor a count")
                        })?),
                    }
            }
        }
    }
    Ok(options)
}

/// Runs `target` for the budget and counts its panics; the first panicking input is written out.
fn fuzz(target: &Target, options: &Options) -> Report {
    let mut generator = Generator::new(target, options.seed ^ fnv1a(target.name.as_bytes()));
    let start = Instant::now();
    let (mut inputs, mut accepted, mut panics, mut first) = (0_u64, 0_u64, 0_u64, None);
    let mut input = Vec::new();
    loop {
        match options.budget {
            Budget::Count(count) if inputs >= count => break,
            Budget::Time(time) if inputs % 64 == 0 && start.elapsed() >= time => break,
            _ => {}
        }
        generator.next(&mut input);
        inputs += 1;
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| (target.run)(&input)));
        if matches!(outcome, Ok(true)) {
            accepted += 1;
        } else if outcome.is_err() {
            panics += 1;
            if first.is_none() {
                let message = LAST_PANIC
                    .with(|last| last.borrow_mut().take())
                    .unwrap_or_else(|| "(no message)".to_owned());
                let file = panic_file(&options.out, target.name);
                let message = match std::fs::write(&file, &input) {
                    Ok(()) => message,
                    Err(error) => format!("{message} (input not written: {error})"),
                };
                first = Some((message, file));
            }
        }
    }
    Report {
        name: target.name,
        seeds: target.seeds.len(),
        inputs,
        accepted,
        panics,
        first,
        elapsed: start.elapsed(),
    }
}

// ---------------------------------------------------------------------------------------------
// The targets

/// Every target with its valid samples.
fn targets(data: &Path) -> Vec<Target> {
    vec![
        Target {
            name: "office",
            kind: Kind::Json,
            run: run_office,
            seeds: office_seeds(data),
        },
        Target {
            name: "index",
            kind: Kind::Json,
            run: run_index,
            seeds: index_seeds(data),
        },
        Target {
            name: "export",
            kind: Kind::Json,
            run: run_export,
            seeds: profile_seeds(true),
        },
        Target {
            name: "stored",
            kind: Kind::Json,
            run: run_stored,
            seeds: profile_seeds(false),
        },
        Target {
            name: "handover",
            kind: Kind::Query,
            run: run_handover,
            seeds: handover_seeds(),
        },
    ]
}

/// `serde_json::from_slice::<OfficeFile>`, as the app reads an office file; whether it was read.
fn run_office(data: &[u8]) -> bool {
    serde_json::from_slice::<OfficeFile>(data).is_ok()
}

/// `serde_json::from_slice::<DirectoryIndex>`, as the app reads the index; whether it was read.
fn run_index(data: &[u8]) -> bool {
    serde_json::from_slice::<DirectoryIndex>(data).is_ok()
}

/// [`parse_export`] on the bytes read as text; what it accepts must survive a round trip.
fn run_export(data: &[u8]) -> bool {
    match parse_export(&String::from_utf8_lossy(data)) {
        Ok(profile) => round_trip(&profile),
        Err(error) => rejected(error),
    }
}

/// [`Profile::from_stored_json`] on the bytes read as text; what it accepts must survive a
/// round trip.
fn run_stored(data: &[u8]) -> bool {
    match Profile::from_stored_json(&String::from_utf8_lossy(data)) {
        Ok(profile) => round_trip(&profile),
        Err(error) => rejected(error),
    }
}

/// Renders a refusal's message (which must not panic either); false: the input was not accepted.
fn rejected(error: impl std::fmt::Display) -> bool {
    let _ = error.to_string();
    false
}

/// A profile that was read is stored and exported, and both read back the same; true.
fn round_trip(profile: &Profile) -> bool {
    let stored = profile.to_stored_json();
    assert_eq!(
        Profile::from_stored_json(&stored).as_ref(),
        Ok(profile),
        "stored round trip"
    );
    let export = profile.to_export_json(Date::from_days_since_epoch(20_600));
    // A stored profile may be larger than an export may be; such a one is refused, not read.
    if (export.len() as u64) <= MAX_IMPORT_BYTES {
        assert_eq!(
            parse_export(&export).as_ref(),
            Ok(profile),
            "export round trip"
        );
    }
    true
}

/// [`parse_handover`] on the bytes read as text; a link it accepts is made again and read back.
fn run_handover(data: &[u8]) -> bool {
    match parse_handover(&String::from_utf8_lossy(data)) {
        Ok(Some(handover)) => {
            let _ = handover.is_plausible(Date::from_days_since_epoch(20_600));
            let again = parse_handover(&handover_query(
                &handover.town,
                handover.prefill_birth(),
                handover.language.as_deref(),
            ));
            assert_eq!(again, Ok(Some(handover)), "hand-over round trip");
            true
        }
        Ok(None) => false,
        Err(error) => rejected(error),
    }
}

/// Office files from the built directory, or the embedded ones.
fn office_seeds(data: &Path) -> Vec<Vec<u8>> {
    let mut seeds = vec![
        EMBEDDED_OFFICE.as_bytes().to_vec(),
        EMBEDDED_OFFICE_EMPTY.as_bytes().to_vec(),
    ];
    if let Ok(entries) = std::fs::read_dir(data.join("offices")) {
        let mut files: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        files.sort();
        seeds.extend(files.iter().filter_map(|file| std::fs::read(file).ok()));
    }
    with_small_variants(seeds)
}

/// The built index (and small cuts of it), or the embedded one.
fn index_seeds(data: &Path) -> Vec<Vec<u8>> {
    let mut seeds = vec![EMBEDDED_INDEX.as_bytes().to_vec()];
    if let Ok(index) = std::fs::read(data.join("index.json")) {
        seeds.push(index);
    }
    with_small_variants(seeds)
}

/// Adds, for each seed larger than 4 KiB, copies whose arrays are cut to a few random items:
/// valid documents that parse in microseconds.
fn with_small_variants(mut seeds: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    let mut rng = Rng::new(DEFAULT_SEED);
    let big: Vec<Value> = seeds
        .iter()
        .filter(|seed| seed.len() > 4096)
        .filter_map(|seed| serde_json::from_slice(seed).ok())
        .collect();
    for tree in big {
        for _ in 0..8 {
            let mut cut = tree.clone();
            cut_arrays(&mut rng, &mut cut);
            if let Ok(bytes) = serde_json::to_vec(&cut) {
                seeds.push(bytes);
            }
        }
    }
    seeds
}

/// Cuts every array in `value` to at most three of its items, chosen at random.
fn cut_arrays(rng: &mut Rng, value: &mut Value) {
    match value {
        Value::Array(items) => {
            while items.len() > 3 {
                let at = rng.below(items.len());
                items.swap_remove(at);
            }
            items.iter_mut().for_each(|item| cut_arrays(rng, item));
        }
        Value::Object(fields) => fields.values_mut().for_each(|item| cut_arrays(rng, item)),
        _ => {}
    }
}

/// Profiles written by the core itself (every schema it reads), as export files or as stored.
fn profile_seeds(export: bool) -> Vec<Vec<u8>> {
    let day = Date::from_days_since_epoch;
    let mut family = Profile {
        town: "05566012".parse().ok(),
        ..Profile::default()
    };
    let added = [
        family.add_child(Some("Mia".to_owned()), BirthInfo::Born(day(20_500))),
        family.add_child(None, BirthInfo::Expected(day(20_800))),
    ];
    if let [Ok(first), Ok(_)] = added {
        family.mark_done(first, DoneKind::Checkup, "U4", Some(day(20_560)));
        family.mark_done(first, DoneKind::Deadline, "kindergeld", None);
    }
    let profiles = [Profile::default(), family];
    let exported = day(20_600);
    let mut seeds: Vec<Vec<u8>> = profiles
        .iter()
        .map(|p| {
            if export {
                p.to_export_json(exported)
            } else {
                p.to_stored_json()
            }
        })
        .map(String::into_bytes)
        .collect();
    let older = [
        r#"{"schema":1,"town":"05566012","birth_date":"2026-05-03","due_date":null,"child_name":"Mia"}"#,
        r#"{"schema":1,"town":null,"birth_date":null,"due_date":"2026-12-01","child_name":"  "}"#,
        r#"{"schema":2,"town":"05566012","children":[{"id":1,"nickname":"Mia","birth":{"born":"2026-05-03"}},{"id":2,"birth":{"expected":"2027-01-10"}}]}"#,
    ];
    seeds.extend(older.iter().map(|stored| {
        if export {
            format!(r#"{{"app":"kekiz-begleiter","exported":"2026-11-21","profile":{stored}}}"#)
                .into_bytes()
        } else {
            stored.as_bytes().to_vec()
        }
    }));
    seeds
}

/// Hand-over links made by the core, and a few odd but valid ones.
fn handover_seeds() -> Vec<Vec<u8>> {
    let day = Date::from_days_since_epoch;
    let mut seeds: Vec<Vec<u8>> = [
        BirthInfo::Born(day(20_500)),
        BirthInfo::Expected(day(20_800)),
        BirthInfo::Born(day(0)),
    ]
    .iter()
    .map(|birth| handover_query("05978024", *birth, None).into_bytes())
    .collect();
    seeds.extend(
        [
            "ort=05566012&erwartet=2027-03",
            "?utm_source=flyer&geboren=2026-05&&x&ort=05978024&lang=tr",
            "?%6Frt=05978024&geboren=2026%2D05&x%zz=1",
            "?lang=de",
        ]
        .iter()
        .map(|query| query.as_bytes().to_vec()),
    );
    seeds
}

// ---------------------------------------------------------------------------------------------
// Making inputs

/// wyrand: a tiny, fast, seeded pseudo-random generator (not for secrets).
struct Rng(u64);

impl Rng {
    /// A generator started from `seed`.
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0xA076_1D64_78BD_642F);
        let product = u128::from(self.0) * u128::from(self.0 ^ 0xE703_7ED1_A0B4_28DB);
        ((product >> 64) as u64) ^ (product as u64)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// True with the chance 1 in `n`.
    fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    /// A random item of `items` (which must not be empty).
    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }

    /// A length that is usually small and sometimes large.
    fn length(&mut self, max: usize) -> usize {
        let cap = match self.below(4) {
            0 => 4,
            1 => 32,
            2 => 256,
            _ => max,
        };
        self.below(cap.min(max) + 1)
    }
}

/// Makes the inputs for one target.
struct Generator {
    rng: Rng,
    kind: Kind,
    seeds: Vec<Vec<u8>>,
    /// The indexes of seeds small enough to mutate often.
    small: Vec<usize>,
    /// The seeds that parse as JSON, as trees.
    trees: Vec<Value>,
    /// Byte tokens to insert: the kind's dictionary and pieces of the seeds.
    tokens: Vec<Vec<u8>>,
    /// Object keys seen in the seeds.
    keys: Vec<String>,
    /// Short strings seen in the seeds, and the interesting ones.
    strings: Vec<String>,
}

impl Generator {
    /// A generator for `target`, seeded with `seed`.
    fn new(target: &Target, seed: u64) -> Generator {
        let trees: Vec<Value> = match target.kind {
            Kind::Json => target
                .seeds
                .iter()
                .filter(|seed| seed.len() <= BIG_SEED)
                .filter_map(|seed| serde_json::from_slice(seed).ok())
                .collect(),
            Kind::Query => Vec::new(),
        };
        let mut keys = Vec::new();
        let mut strings: Vec<String> = STRINGS.iter().map(|s| (*s).to_owned()).collect();
        for tree in &trees {
            harvest(tree, &mut keys, &mut strings);
        }
        keys.sort();
        keys.dedup();
        strings.sort();
        strings.dedup();
        let dictionary = match target.kind {
            Kind::Json => JSON_TOKENS,
            Kind::Query => QUERY_TOKENS,
        };
        let mut tokens: Vec<Vec<u8>> = dictionary.iter().map(|t| t.as_bytes().to_vec()).collect();
        if target.kind == Kind::Json {
            tokens.extend(keys.iter().map(|k| format!("\"{k}\"").into_bytes()));
            tokens.extend(strings.iter().map(|s| format!("\"{s}\"").into_bytes()));
        }
        let small = (0..target.seeds.len())
            .filter(|&i| target.seeds[i].len() <= BIG_SEED)
            .collect();
        Generator {
            rng: Rng::new(seed),
            kind: target.kind,
            seeds: target.seeds.clone(),
            small,
            trees,
            tokens,
            keys,
            strings,
        }
    }

    /// The next input, into `out`.
    fn next(&mut self, out: &mut Vec<u8>) {
        out.clear();
        match self.rng.below(20) {
            // Fully random bytes.
            0 | 1 => {
                let len = self.rng.length(1024);
                out.extend((0..len).map(|_| self.rng.next_u64() as u8));
            }
            // A random document or query from the dictionary.
            2..=4 => match self.kind {
                Kind::Json => {
                    if self.rng.one_in(2) {
                        let value = self.random_value(4);
                        self.serialise(&value, out);
                    } else {
                        self.token_soup(out);
                    }
                }
                Kind::Query => self.random_query(out),
            },
            // A valid sample, mutated byte by byte.
            5..=11 => {
                self.pick_seed(out);
                self.mutate_bytes(out);
            }
            // A valid sample, mutated in its structure (and sometimes byte by byte on top).
            _ => {
                match self.kind {
                    Kind::Json if !self.trees.is_empty() => {
                        let at = self.rng.below(self.trees.len());
                        let mut tree = self.trees[at].clone();
                        for _ in 0..=self.rng.below(4) {
                            self.mutate_tree(&mut tree);
                        }
                        self.serialise(&tree, out);
                    }
                    Kind::Json => self.pick_seed(out),
                    Kind::Query => self.mutate_query(out),
                }
                if self.rng.one_in(4) {
                    self.mutate_bytes(out);
                }
            }
        }
        out.truncate(MAX_INPUT);
    }

    /// Copies a seed into `out`: a small one mostly, a big one now and then.
    fn pick_seed(&mut self, out: &mut Vec<u8>) {
        let at = if self.small.is_empty() || self.rng.one_in(1024) {
            self.rng.below(self.seeds.len())
        } else {
            self.small[self.rng.below(self.small.len())]
        };
        if let Some(seed) = self.seeds.get(at) {
            out.extend_from_slice(seed);
        }
    }

    /// Writes `value` as JSON, compact or pretty.
    fn serialise(&mut self, value: &Value, out: &mut Vec<u8>) {
        let written = if self.rng.one_in(4) {
            serde_json::to_writer_pretty(&mut *out, value)
        } else {
            serde_json::to_writer(&mut *out, value)
        };
        if written.is_err() {
            out.clear();
        }
    }

    /// One to eight byte-level mutations of `data`.
    fn mutate_bytes(&mut self, data: &mut Vec<u8>) {
        for _ in 0..=self.rng.below(8) {
            let len = data.len();
            match self.rng.below(12) {
                // Flip a bit.
                0 if len > 0 => {
                    let at = self.rng.below(len);
                    data[at] ^= 1 << self.rng.below(8);
                }
                // Set a byte to one that matters to JSON or to queries.
                1 if len > 0 => {
                    let at = self.rng.below(len);
                    data[at] = *self
                        .rng
                        .pick(b"\"\\{}[],:-+.0123456789eE %&=?\x00\xff\xc3\xa4 \t\n")
                        .unwrap_or(&b' ');
                }
                // Delete a range.
                2 if len > 0 => {
                    let at = self.rng.below(len);
                    let end = (at + self.rng.length(len - at)).min(len);
                    data.drain(at..end);
                }
                // Copy a range to somewhere else (duplicate keys, items, escapes).
                3 if len > 0 => {
                    let from = self.rng.below(len);
                    let end = (from + self.rng.length(len - from)).min(len);
                    let piece = data[from..end].to_vec();
                    let at = self.rng.below(len + 1);
                    data.splice(at..at, piece);
                }
                // Insert a token.
                4 | 5 => {
                    let at = self.rng.below(len + 1);
                    let token = self.rng.pick(&self.tokens).cloned().unwrap_or_default();
                    data.splice(at..at, token);
                }
                // Overwrite a range with a token.
                6 if len > 0 => {
                    let at = self.rng.below(len);
                    let end = (at + self.rng.length(16)).min(len);
                    let token = self.rng.pick(&self.tokens).cloned().unwrap_or_default();
                    data.splice(at..end, token);
                }
                // Cut the end off.
                7 if len > 0 => data.truncate(self.rng.below(len)),
                // Join the start of this with the end of another seed.
                8 => {
                    let mut other = Vec::new();
                    self.pick_seed(&mut other);
                    let keep = self.rng.below(len + 1);
                    let from = self.rng.below(other.len() + 1);
                    data.truncate(keep);
                    data.extend_from_slice(&other[from..]);
                }
                // Replace a number with an extreme one.
                9 => self.replace_number(data),
                // Insert random bytes.
                10 => {
                    let at = self.rng.below(len + 1);
                    let count = self.rng.length(16);
                    let bytes: Vec<u8> = (0..count).map(|_| self.rng.next_u64() as u8).collect();
                    data.splice(at..at, bytes);
                }
                // Repeat a short piece many times (long strings, deep nesting).
                _ if len > 0 => {
                    let from = self.rng.below(len);
                    let end = (from + 1 + self.rng.below(4)).min(len);
                    let piece = data[from..end].to_vec();
                    let times = 1 + self.rng.length(300);
                    let at = self.rng.below(len + 1);
                    data.splice(at..at, piece.repeat(times));
                }
                _ => data.push(self.rng.next_u64() as u8),
            }
            if data.len() > MAX_INPUT {
                data.truncate(MAX_INPUT);
            }
        }
    }

    /// Replaces a run of digits in `data` with an extreme number.
    fn replace_number(&mut self, data: &mut Vec<u8>) {
        let len = data.len();
        if len == 0 {
            return;
        }
        let start = self.rng.below(len);
        let Some(offset) = data[start..].iter().position(u8::is_ascii_digit) else {
            return;
        };
        let from = start + offset;
        let to = data[from..]
            .iter()
            .position(|b| !b.is_ascii_digit())
            .map_or(len, |end| from + end);
        let number = self.extreme_number().to_string();
        data.splice(from..to, number.into_bytes());
    }

    /// A number at or near a boundary, as JSON.
    fn extreme_number(&mut self) -> Value {
        let numbers: [Value; 20] = [
            0.into(),
            1.into(),
            2.into(),
            3.into(),
            4.into(),
            20.into(),
            21.into(),
            (-1).into(),
            255.into(),
            256.into(),
            65_536.into(),
            i32::MAX.into(),
            i64::from(i32::MAX).saturating_add(1).into(),
            u32::MAX.into(),
            u64::from(u32::MAX).saturating_add(1).into(),
            i64::MIN.into(),
            u64::MAX.into(),
            Number::from_f64(1.5).map_or(Value::Null, Value::Number),
            Number::from_f64(-0.0).map_or(Value::Null, Value::Number),
            Number::from_f64(1e300).map_or(Value::Null, Value::Number),
        ];
        let at = self.rng.below(numbers.len());
        numbers[at].clone()
    }

    /// A short random string: one of the known ones, perhaps changed.
    fn random_string(&mut self) -> String {
        let mut text = self.rng.pick(&self.strings).cloned().unwrap_or_default();
        match self.rng.below(6) {
            0 => text.push(char::from_u32(self.rng.below(0x11_0000) as u32).unwrap_or('\u{fffd}')),
            1 => text = text.repeat(1 + self.rng.length(64)),
            2 => {
                let keep = self.rng.below(text.chars().count() + 1);
                text = text.chars().take(keep).collect();
            }
            _ => {}
        }
        text
    }

    /// A random JSON value up to `depth` levels deep, from the seeds' keys and strings.
    fn random_value(&mut self, depth: usize) -> Value {
        match self.rng.below(if depth == 0 { 4 } else { 7 }) {
            0 => Value::Null,
            1 => Value::Bool(self.rng.one_in(2)),
            2 => self.extreme_number(),
            3 => Value::String(self.random_string()),
            4 | 5 => {
                let mut fields = Map::new();
                for _ in 0..self.rng.length(8) {
                    let key = match self.rng.pick(&self.keys) {
                        Some(key) if !self.rng.one_in(8) => key.clone(),
                        _ => self.random_string(),
                    };
                    fields.insert(key, self.random_value(depth - 1));
                }
                Value::Object(fields)
            }
            _ => Value::Array(
                (0..self.rng.length(8))
                    .map(|_| self.random_value(depth - 1))
                    .collect(),
            ),
        }
    }

    /// One structural change somewhere in `tree`.
    fn mutate_tree(&mut self, tree: &mut Value) {
        let mut rng = Rng::new(self.rng.next_u64());
        let op = rng.below(10);
        let mut replacement = match op {
            0 => Some(self.extreme_number()),
            1 => Some(Value::String(self.random_string())),
            2 => Some(self.random_value(3)),
            3 => Some(Value::Null),
            _ => None,
        };
        let mut key = self.rng.pick(&self.keys).cloned().unwrap_or_default();
        let mut extra = self.random_value(2);
        let times = 1 + self.rng.length(40);
        at_random_node(&mut rng, tree, 0, &mut |rng, node| {
            match (op, node) {
                (0..=3, node) => *node = replacement.take().unwrap_or(Value::Null),
                // Duplicate an item many times (more children than allowed, say).
                (4, Value::Array(items)) if !items.is_empty() => {
                    let at = rng.below(items.len());
                    let item = items[at].clone();
                    items.extend(std::iter::repeat_n(item, times));
                }
                // Drop an item or a field.
                (5, Value::Array(items)) if !items.is_empty() => {
                    items.remove(rng.below(items.len()));
                }
                (5, Value::Object(fields)) if !fields.is_empty() => {
                    let at = rng.below(fields.len());
                    if let Some(name) = fields.keys().nth(at).cloned() {
                        fields.remove(&name);
                    }
                }
                // Add a known field with a random value.
                (6, Value::Object(fields)) => {
                    fields.insert(std::mem::take(&mut key), extra.take());
                }
                // Wrap in an array or an object.
                (7, node) => {
                    let inner = node.take();
                    *node = if rng.one_in(2) {
                        Value::Array(vec![inner])
                    } else {
                        Value::Object(Map::from_iter([(std::mem::take(&mut key), inner)]))
                    };
                }
                // Nest deeply (serde_json stops at 128 levels).
                (8, node) if rng.one_in(8) => {
                    let mut inner = node.take();
                    for _ in 0..100 + rng.below(60) {
                        inner = Value::Array(vec![inner]);
                    }
                    *node = inner;
                }
                // Change a string: long, cut, or with a strange character.
                (_, Value::String(text)) => match rng.below(3) {
                    0 => *text = text.repeat(times),
                    1 => {
                        let keep = rng.below(text.chars().count() + 1);
                        *text = text.chars().take(keep).collect();
                    }
                    _ => {
                        text.push(char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('\u{202e}'))
                    }
                },
                (_, node) => *node = extra.take(),
            }
        });
    }

    /// Tokens strung together at random: JSON-ish text that is mostly not JSON.
    fn token_soup(&mut self, out: &mut Vec<u8>) {
        for _ in 0..self.rng.length(64) {
            if let Some(token) = self.rng.pick(&self.tokens) {
                out.extend_from_slice(token);
            }
        }
    }

    /// A query of random parameters: known and unknown names, good and bad values.
    fn random_query(&mut self, out: &mut Vec<u8>) {
        if self.rng.one_in(2) {
            out.push(b'?');
        }
        for i in 0..self.rng.length(6) {
            if i > 0 {
                out.push(b'&');
            }
            let name = *self
                .rng
                .pick(&["ort", "geboren", "erwartet", "%6Frt", "x", ""])
                .unwrap_or(&"ort");
            out.extend_from_slice(name.as_bytes());
            if !self.rng.one_in(8) {
                out.push(b'=');
            }
            for _ in 0..self.rng.length(3) {
                if let Some(token) = self.rng.pick(&self.tokens) {
                    out.extend_from_slice(token);
                }
            }
        }
    }

    /// A valid link with one of its parts changed: a value, a name, or an extra part.
    fn mutate_query(&mut self, out: &mut Vec<u8>) {
        self.pick_seed(out);
        let text = String::from_utf8_lossy(out).into_owned();
        let mut parts: Vec<String> = text
            .trim_start_matches('?')
            .split('&')
            .map(str::to_owned)
            .collect();
        let token = String::from_utf8_lossy(self.rng.pick(&self.tokens).map_or(&[][..], |t| t))
            .into_owned();
        let at = self.rng.below(parts.len());
        match self.rng.below(5) {
            0 => {
                let name = parts[at].split('=').next().unwrap_or_default().to_owned();
                parts[at] = format!("{name}={}", percent_encode_some(&mut self.rng, &token));
            }
            1 => parts.push(parts[at].clone()),
            2 => parts.insert(at, format!("{token}={}", self.random_string())),
            3 => parts[at] = percent_encode_some(&mut self.rng, &parts[at]),
            _ => {
                let other = self.rng.below(parts.len());
                parts.swap(at, other);
            }
        }
        out.clear();
        if self.rng.one_in(2) {
            out.push(b'?');
        }
        out.extend_from_slice(parts.join("&").as_bytes());
    }
}

/// Calls `change` on a random node of `node` (any depth, the root included).
fn at_random_node(
    rng: &mut Rng,
    node: &mut Value,
    depth: usize,
    change: &mut dyn FnMut(&mut Rng, &mut Value),
) {
    let children = match &*node {
        Value::Array(items) => items.len(),
        Value::Object(fields) => fields.len(),
        _ => 0,
    };
    if children > 0 && depth < 64 && !rng.one_in(3) {
        let at = rng.below(children);
        let child = match node {
            Value::Array(items) => items.get_mut(at),
            Value::Object(fields) => fields.values_mut().nth(at),
            _ => None,
        };
        if let Some(child) = child {
            at_random_node(rng, child, depth + 1, change);
            return;
        }
    }
    change(rng, node);
}

/// Collects the object keys and the short strings of `value`.
fn harvest(value: &Value, keys: &mut Vec<String>, strings: &mut Vec<String>) {
    match value {
        Value::Object(fields) => {
            for (key, item) in fields {
                keys.push(key.clone());
                harvest(item, keys, strings);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| harvest(item, keys, strings)),
        Value::String(text) if text.len() <= 40 => strings.push(text.clone()),
        _ => {}
    }
}

/// Percent-encodes some of the bytes of `text` (all of them, or a random few).
fn percent_encode_some(rng: &mut Rng, text: &str) -> String {
    let all = rng.one_in(2);
    let mut out = String::new();
    for byte in text.bytes() {
        if all || rng.one_in(3) || !byte.is_ascii_graphic() {
            out.push_str(&format!("%{byte:02X}"));
        } else {
            out.push(char::from(byte));
        }
    }
    out
}

/// FNV-1a, to give each target its own seed.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xCBF2_9CE4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3)
    })
}

/// A count with thin spaces between groups of three digits: "2 401 152".
fn grouped(count: u64) -> String {
    let digits = count.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(digit);
    }
    out
}

//! Command-line handling of `kekiz-data`: parses the arguments, runs a command, picks the exit code.
//!
//! Exit codes: 0 when all is well, 1 when the data has mistakes (or the build cannot be written),
//! 2 when the command line itself is wrong.

use crate::diagnostic::Diagnostics;
use crate::source::{self, Dataset};
use crate::{build, hsds, stats, validate};
use kekiz_core::date::Date;
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;
use thiserror::Error;

/// How to call the tool.
pub const USAGE: &str = "\
kekiz-data: prüft und baut die Verzeichnisdaten des KeKiz-Begleiters

Aufruf:
  kekiz-data validate DIR            alle Fehler in DIR melden (Datei:Zeile: Eintrag, Feld: Grund)
  kekiz-data build DIR OUT           prüfen, dann OUT/index.json und OUT/offices/<id>.json schreiben
  kekiz-data stats DIR               Abdeckung: Orte, Jugendämter, Angebote, alte Einträge
  kekiz-data export-hsds DIR OUT     prüfen, dann OUT als Open-Referral-HSDS-3.0-Paket schreiben
                                     (CSV-Tabellen und datapackage.json; OUT wird ersetzt)

Optionen:
  --today JJJJ-MM-TT                 dieses Datum statt des heutigen verwenden (für Tests)
  -h, --help                         diese Hilfe

Exit-Code: 0 alles in Ordnung, 1 Fehler in den Daten, 2 falscher Aufruf.
";

/// A wrong command line.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum UsageError {
    /// No or an unknown command.
    #[error("unknown command \"{0}\"; use validate, build, stats or export-hsds")]
    Command(String),
    /// No command at all.
    #[error("no command given")]
    NoCommand,
    /// Wrong number of folders for the command.
    #[error("\"{command}\" expects {expected}")]
    Arguments {
        /// The command.
        command: &'static str,
        /// What it expects.
        expected: &'static str,
    },
    /// `--today` without a valid date.
    #[error("--today expects a date YYYY-MM-DD, got \"{0}\"")]
    Today(String),
    /// An option the tool does not know.
    #[error("unknown option \"{0}\"")]
    Option(String),
}

/// A parsed command line.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Print the usage.
    Help,
    /// `validate DIR`.
    Validate {
        /// The data folder.
        dir: PathBuf,
    },
    /// `build DIR OUT`.
    Build {
        /// The data folder.
        dir: PathBuf,
        /// The output folder.
        out: PathBuf,
    },
    /// `stats DIR`.
    Stats {
        /// The data folder.
        dir: PathBuf,
    },
    /// `export-hsds DIR OUT`.
    ExportHsds {
        /// The data folder.
        dir: PathBuf,
        /// The output folder.
        out: PathBuf,
    },
}

/// Parses the arguments (without the program name) into a command and the date to use as today.
pub fn parse(args: Vec<OsString>) -> Result<(Command, Option<Date>), UsageError> {
    let mut today = None;
    let mut words = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("-h" | "--help" | "help") => return Ok((Command::Help, None)),
            Some("--today") => {
                let value = args
                    .next()
                    .map(|v| v.to_string_lossy().into_owned())
                    .unwrap_or_default();
                today = Some(value.parse().map_err(|_| UsageError::Today(value))?);
            }
            Some(flag) if flag.starts_with("--today=") => {
                let value = &flag["--today=".len()..];
                today = Some(
                    value
                        .parse()
                        .map_err(|_| UsageError::Today(value.to_owned()))?,
                );
            }
            Some(flag) if flag.starts_with('-') && flag.len() > 1 => {
                return Err(UsageError::Option(flag.to_owned()))
            }
            _ => words.push(arg),
        }
    }
    let mut words = words.into_iter();
    let command = words.next().ok_or(UsageError::NoCommand)?;
    let rest: Vec<PathBuf> = words.map(PathBuf::from).collect();
    let command = match (command.to_string_lossy().as_ref(), rest.as_slice()) {
        ("validate", [dir]) => Command::Validate { dir: dir.clone() },
        ("stats", [dir]) => Command::Stats { dir: dir.clone() },
        ("build", [dir, out]) => Command::Build {
            dir: dir.clone(),
            out: out.clone(),
        },
        ("export-hsds", [dir, out]) => Command::ExportHsds {
            dir: dir.clone(),
            out: out.clone(),
        },
        ("validate", _) => {
            return Err(UsageError::Arguments {
                command: "validate",
                expected: "one data folder: kekiz-data validate DIR",
            })
        }
        ("stats", _) => {
            return Err(UsageError::Arguments {
                command: "stats",
                expected: "one data folder: kekiz-data stats DIR",
            })
        }
        ("build", _) => {
            return Err(UsageError::Arguments {
                command: "build",
                expected: "a data folder and an output folder: kekiz-data build DIR OUT",
            })
        }
        ("export-hsds", _) => {
            return Err(UsageError::Arguments {
                command: "export-hsds",
                expected: "a data folder and an output folder: kekiz-data export-hsds DIR OUT",
            })
        }
        (other, _) => return Err(UsageError::Command(other.to_owned())),
    };
    Ok((command, today))
}

/// Today's date (UTC) from the system clock.
fn system_today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days_since_epoch((seconds / 86_400) as i64)
}

/// Reads and checks a data folder; the diagnostics are empty when all is well.
fn load_checked(dir: &std::path::Path, today: Date) -> (Dataset, Diagnostics) {
    let mut diags = Diagnostics::new();
    let data = source::load(dir, &mut diags);
    validate::validate(&data, today, &mut diags);
    (data, diags)
}

fn ok_line(data: &Dataset) -> String {
    let offices = data.offices.iter().filter(|f| f.office.is_some()).count();
    let offers: usize = data.offices.iter().map(|f| f.offers.len()).sum();
    format!(
        "OK: {offices} Jugendämter, {offers} Angebote, {} Orte",
        data.towns.len()
    )
}

/// Runs the tool on the arguments (without the program name) and returns its exit code.
pub fn run(args: Vec<OsString>) -> ExitCode {
    let (command, today) = match parse(args) {
        Ok(parsed) => parsed,
        Err(err) => {
            eprintln!("kekiz-data: {err}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let today = today.unwrap_or_else(system_today);
    match command {
        Command::Help => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Command::Validate { dir } => {
            let (data, diags) = load_checked(&dir, today);
            if diags.is_empty() {
                println!("{}", ok_line(&data));
                ExitCode::SUCCESS
            } else {
                eprint!("{}", diags.report());
                ExitCode::FAILURE
            }
        }
        Command::Stats { dir } => {
            let (data, diags) = load_checked(&dir, today);
            if !diags.is_empty() {
                eprint!("{}", diags.report());
                eprintln!("Die Auswertung braucht fehlerfreie Daten: erst die Fehler beheben.");
                return ExitCode::FAILURE;
            }
            print!("{}", stats::render(&stats::coverage(&data, today)));
            ExitCode::SUCCESS
        }
        Command::Build { dir, out } => {
            let (data, diags) = load_checked(&dir, today);
            if !diags.is_empty() {
                eprint!("{}", diags.report());
                eprintln!("Nichts gebaut: {} bleibt unverändert.", out.display());
                return ExitCode::FAILURE;
            }
            let written = build::assemble(&data).and_then(|output| {
                build::write_atomically(&out, &output)?;
                Ok(output)
            });
            match written {
                Ok(output) => {
                    println!(
                        "Gebaut: {} Orte, {} Jugendämter ({} mit Datei), {} Angebote, {} Untersuchungen, {} Fristen, {} Notrufnummern und Hilfetelefone; {} Dateien, {} Bytes in {}",
                        output.towns,
                        output.offices,
                        output.published,
                        output.offers,
                        output.checkups,
                        output.deadlines,
                        output.helplines,
                        output.files.len(),
                        output.total_bytes(),
                        out.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(err) => {
                    eprintln!("kekiz-data: {err}");
                    eprintln!("Nichts gebaut: {} bleibt unverändert.", out.display());
                    ExitCode::FAILURE
                }
            }
        }
        Command::ExportHsds { dir, out } => export_hsds(&dir, &out, today),
    }
}

/// Why `export-hsds` could not write its package.
#[derive(Debug, Error)]
enum ExportError {
    /// Assembling or writing failed.
    #[error(transparent)]
    Build(#[from] build::BuildError),
    /// Mapping onto HSDS failed.
    #[error(transparent)]
    Hsds(#[from] hsds::HsdsError),
}

/// `export-hsds DIR OUT`: checks like `build`, then writes the HSDS package into OUT.
fn export_hsds(dir: &std::path::Path, out: &std::path::Path, today: Date) -> ExitCode {
    let (data, diags) = load_checked(dir, today);
    if !diags.is_empty() {
        eprint!("{}", diags.report());
        eprintln!("Nichts exportiert: {} bleibt unverändert.", out.display());
        return ExitCode::FAILURE;
    }
    let written = build::assemble(&data)
        .map_err(ExportError::from)
        .and_then(|output| {
            let export = hsds::export(&output)?;
            let files = build::Output {
                files: export.files.clone(),
                ..output
            };
            build::write_atomically(out, &files)?;
            Ok(export)
        });
    match written {
        Ok(export) => {
            println!(
                "HSDS 3.0 exportiert: {} Organisationen, {} Dienste, {} Standorte, {} Zeiten, {} Einzugsgebiete, {} Attribute; {} Dateien in {}",
                export.rows_in("organizations.csv"),
                export.rows_in("services.csv"),
                export.rows_in("locations.csv"),
                export.rows_in("schedules.csv"),
                export.rows_in("service_areas.csv"),
                export.rows_in("attributes.csv"),
                export.files.len(),
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("kekiz-data: {err}");
            eprintln!("Nichts exportiert: {} bleibt unverändert.", out.display());
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn parses_commands_and_today() {
        let (command, today) =
            parse(args(&["build", "data", "out", "--today", "2025-01-31"])).expect("parses");
        assert_eq!(
            command,
            Command::Build {
                dir: "data".into(),
                out: "out".into()
            }
        );
        assert_eq!(today.map(|d| d.to_string()), Some("2025-01-31".to_owned()));
        assert_eq!(
            parse(args(&["validate"])).unwrap_err().to_string(),
            "\"validate\" expects one data folder: kekiz-data validate DIR"
        );
        assert_eq!(
            parse(args(&["check", "x"])),
            Err(UsageError::Command("check".into()))
        );
        assert_eq!(
            parse(args(&["stats", "x", "--today", "2025-13-01"])),
            Err(UsageError::Today("2025-13-01".into()))
        );
        assert_eq!(parse(args(&[])), Err(UsageError::NoCommand));
        assert_eq!(
            parse(args(&["export-hsds", "data", "out"])),
            Ok((
                Command::ExportHsds {
                    dir: "data".into(),
                    out: "out".into()
                },
                None
            ))
        );
        assert_eq!(
            parse(args(&["export-hsds", "data"])).unwrap_err().to_string(),
            "\"export-hsds\" expects a data folder and an output folder: kekiz-data export-hsds DIR OUT"
        );
        assert_eq!(parse(args(&["--help"])), Ok((Command::Help, None)));
    }
}

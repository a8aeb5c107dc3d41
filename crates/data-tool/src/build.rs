//! Turns a validated data folder into the files the app loads: `index.json` and `offices/<id>.json`.
//!
//! Output is compact JSON, sorted throughout and free of timestamps, so the same input always gives
//! the same bytes. Files are written into a temporary sibling folder that replaces the output folder
//! only when complete, so a failed build never leaves half an output behind.

use crate::source::{Dataset, OfficeSource};
use kekiz_core::date::AsOf;
use kekiz_core::directory::{
    Confidence, DirectoryIndex, OfficeFile, OfficeSummary, Statewide, Town, FORMAT_VERSION,
};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Attribution lines that the licences of `gemeinden.csv` ask for; shipped in the index.
pub const ATTRIBUTION: &[&str] = &[
    "Gemeindeverzeichnis: © Statistisches Bundesamt (Destatis), Datenlizenz Deutschland – Namensnennung – Version 2.0",
    "Postleitzahlen: © OpenStreetMap contributors, ODbL",
];

/// Why a build could not be written.
#[derive(Debug, Error)]
pub enum BuildError {
    /// The output path has no folder name (e.g. "/" or "..").
    #[error("the output path {0} does not end in a folder name")]
    OutputName(PathBuf),
    /// A town key that passed validation is not one (a bug in the checks, never the data's).
    #[error("the town key {0} is not one")]
    TownKey(String),
    /// The data folder holds no dated entry, so the index has no "Stand".
    #[error("nothing to build: no entry carries an as_of date")]
    NoDate,
    /// A file could not be encoded.
    #[error("cannot encode {file}: {source}")]
    Json {
        /// The file being encoded.
        file: String,
        /// What went wrong.
        source: serde_json::Error,
    },
    /// Writing, renaming or deleting failed.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The path concerned.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> BuildError + '_ {
    move |source| BuildError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The built files, as bytes, by path relative to the output folder.
#[derive(Debug, Clone, PartialEq)]
pub struct Output {
    /// `index.json` and every `offices/<id>.json`, sorted by path.
    pub files: BTreeMap<String, Vec<u8>>,
    /// Number of towns in the index.
    pub towns: usize,
    /// Number of offices known by name.
    pub offices: usize,
    /// Number of offices with a published file.
    pub published: usize,
    /// Number of offers over all files.
    pub offers: usize,
    /// Number of check-ups.
    pub checkups: usize,
    /// Number of deadlines.
    pub deadlines: usize,
    /// Number of help lines.
    pub helplines: usize,
}

impl Output {
    /// Total size of all files in bytes.
    pub fn total_bytes(&self) -> u64 {
        self.files.values().map(|bytes| bytes.len() as u64).sum()
    }
}

/// Which office serves which town, and how sure that is: the rows of the assignments table.
pub fn town_offices(data: &Dataset) -> BTreeMap<String, (String, Confidence)> {
    data.assignments
        .iter()
        .map(|row| {
            let confidence = row.confidence.unwrap_or(Confidence::Unverified);
            (row.ags.clone(), (row.office_id.clone(), confidence))
        })
        .collect()
}

fn office_file(source: &OfficeSource, towns: Vec<String>) -> Option<OfficeFile> {
    let office = source.office.as_ref()?;
    let mut office = office.value.clone();
    // The assignments table was checked before: every key in it is a town key.
    office.towns = towns
        .into_iter()
        .filter_map(|ags| ags.parse().ok())
        .collect();
    office.towns.sort();
    let welcome = source.welcome.as_ref().map(|w| w.value.clone());
    let mut offers: Vec<_> = source.offers.iter().map(|o| o.value.clone()).collect();
    offers.sort_by(|a, b| a.id.cmp(&b.id));
    for offer in &mut offers {
        offer.towns.sort();
    }
    let as_of = std::iter::once(office.as_of)
        .chain(welcome.iter().map(|w| w.as_of))
        .chain(offers.iter().map(|o| o.as_of))
        .flatten()
        .max();
    Some(OfficeFile {
        format: FORMAT_VERSION,
        as_of,
        office,
        welcome,
        offers,
    })
}

fn encode<T: serde::Serialize>(file: &str, value: &T) -> Result<Vec<u8>, BuildError> {
    serde_json::to_vec(value).map_err(|source| BuildError::Json {
        file: file.to_owned(),
        source,
    })
}

/// Builds every output file in memory from data that passed validation.
pub fn assemble(data: &Dataset) -> Result<Output, BuildError> {
    let mut files = BTreeMap::new();
    let mut summaries: BTreeMap<String, OfficeSummary> = BTreeMap::new();
    let offices_of = town_offices(data);
    let mut served: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (ags, (office, _)) in &offices_of {
        served.entry(office).or_default().push(ags.clone());
    }
    // Newest by the order of `AsOf` (earliest day it may stand for): never fresher than a source.
    let mut newest: Option<AsOf> = None;
    let mut offers = 0;
    let mut published = 0;
    for source in &data.offices {
        let id = source.office.as_ref().map(|o| o.value.id.as_str());
        let towns = id
            .and_then(|id| served.get(id))
            .cloned()
            .unwrap_or_default();
        let Some(file) = office_file(source, towns) else {
            continue;
        };
        let path = format!("offices/{}.json", file.office.id);
        let bytes = encode(&path, &file)?;
        newest = newest.max(file.as_of);
        offers += file.offers.len();
        published += 1;
        summaries.insert(
            file.office.id.to_string(),
            OfficeSummary {
                id: file.office.id.clone(),
                name: file.office.name.clone(),
                kreis: file.office.kreis.clone(),
                file: Some(path.clone()),
                file_bytes: bytes.len() as u64,
                as_of: file.as_of,
            },
        );
        files.insert(path, bytes);
    }
    let mut statewide = Statewide {
        checkups: data
            .statewide
            .iter()
            .flat_map(|s| s.checkups.iter().map(|c| c.value.clone()))
            .collect(),
        deadlines: data
            .statewide
            .iter()
            .flat_map(|s| s.deadlines.iter().map(|d| d.value.clone()))
            .collect(),
        // In file order: the order the app shows them in.
        helplines: data
            .statewide
            .iter()
            .flat_map(|s| s.helplines.iter().map(|h| h.value.clone()))
            .collect(),
    };
    let statewide_dates = statewide
        .checkups
        .iter()
        .map(|c| c.as_of)
        .chain(statewide.deadlines.iter().map(|d| d.as_of))
        .chain(statewide.helplines.iter().map(|h| h.as_of));
    newest = newest.max(statewide_dates.flatten().max());
    // Each language's statewide texts go into a file of their own: a family loads only its own.
    let translations = statewide.take_translations();
    let mut towns: Vec<Town> = data
        .towns
        .iter()
        .map(|row| -> Result<Town, BuildError> {
            Ok(Town {
                ags: row
                    .ags
                    .parse()
                    .map_err(|_| BuildError::TownKey(row.ags.clone()))?,
                name: row.name.clone(),
                kreis: row.kreis_display().to_owned(),
                kreisfrei: row.kreisfrei(),
                postcodes: row.postcodes.clone(),
                office: offices_of
                    .get(&row.ags)
                    .and_then(|(office, _)| office.parse().ok()),
                confidence: offices_of
                    .get(&row.ags)
                    .map_or(Confidence::Unverified, |(_, confidence)| *confidence),
            })
        })
        .collect::<Result<_, _>>()?;
    towns.sort_by(|a, b| a.ags.cmp(&b.ags));
    let index = DirectoryIndex {
        format: FORMAT_VERSION,
        as_of: newest.ok_or(BuildError::NoDate)?,
        attribution: ATTRIBUTION.iter().map(|line| (*line).to_owned()).collect(),
        towns,
        offices: summaries.into_values().collect(),
        statewide,
    };
    let output = Output {
        towns: index.towns.len(),
        offices: index.offices.len(),
        published,
        offers,
        checkups: index.statewide.checkups.len(),
        deadlines: index.statewide.deadlines.len(),
        helplines: index.statewide.helplines.len(),
        files: BTreeMap::new(),
    };
    files.insert("index.json".to_owned(), encode("index.json", &index)?);
    for texts in translations {
        let name = format!("statewide-{}.json", texts.language);
        let bytes = encode(&name, &texts)?;
        files.insert(name, bytes);
    }
    Ok(Output { files, ..output })
}

/// Writes `output` into `out`, replacing what was there only once every file is written.
pub fn write_atomically(out: &Path, output: &Output) -> Result<(), BuildError> {
    let name = out
        .file_name()
        .ok_or_else(|| BuildError::OutputName(out.to_path_buf()))?
        .to_string_lossy()
        .into_owned();
    let parent = match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(io(&parent))?;
    let fresh = parent.join(format!(".{name}.kekiz-new"));
    let old = parent.join(format!(".{name}.kekiz-old"));
    remove_if_present(&fresh)?;
    if let Err(err) = write_all(&fresh, output) {
        let _ = fs::remove_dir_all(&fresh);
        return Err(err);
    }
    let had_old = out.exists();
    if had_old {
        remove_if_present(&old)?;
        if let Err(source) = fs::rename(out, &old) {
            let _ = fs::remove_dir_all(&fresh);
            return Err(BuildError::Io {
                path: out.to_path_buf(),
                source,
            });
        }
    }
    if let Err(source) = fs::rename(&fresh, out) {
        if had_old {
            let _ = fs::rename(&old, out);
        }
        let _ = fs::remove_dir_all(&fresh);
        return Err(BuildError::Io {
            path: out.to_path_buf(),
            source,
        });
    }
    if had_old {
        remove_if_present(&old)?;
    }
    Ok(())
}

fn remove_if_present(path: &Path) -> Result<(), BuildError> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => fs::remove_dir_all(path).map_err(io(path)),
        Ok(_) => fs::remove_file(path).map_err(io(path)),
        Err(_) => Ok(()),
    }
}

fn write_all(folder: &Path, output: &Output) -> Result<(), BuildError> {
    fs::create_dir_all(folder).map_err(io(folder))?;
    for (relative, bytes) in &output.files {
        let path = folder.join(relative);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(io(dir))?;
        }
        fs::write(&path, bytes).map_err(io(&path))?;
    }
    Ok(())
}

//! Which youth office is responsible for a town, and whether it has published its data yet.
//!
//! Called by the app after a town is chosen: to fetch the right office file, and to say honestly
//! when no office or no data is known ("Für diesen Ort liegen noch keine Angebote vor").

use crate::directory::{Contact, DirectoryIndex, Office, OfficeSummary, Town, WelcomeService};
use thiserror::Error;

/// What the index knows about the youth office of one town.
#[derive(Debug, Clone, PartialEq)]
pub enum ResponsibleOffice {
    /// The office is known and has published a data file (`summary.file`).
    Published(OfficeSummary),
    /// The office is known by name, but has published no data yet (e.g. most kreisfreie Städte).
    NoDataYet(OfficeSummary),
    /// No office is recorded for the town yet; `kreis` names its Kreis for the sentence
    /// "Für den Kreis X ist das zuständige Jugendamt noch nicht hinterlegt".
    NotYetKnown {
        /// Name of the town's Kreis or kreisfreie Stadt.
        kreis: String,
    },
}

impl ResponsibleOffice {
    /// The office's summary when the office is known.
    pub fn summary(&self) -> Option<&OfficeSummary> {
        match self {
            ResponsibleOffice::Published(s) | ResponsibleOffice::NoDataYet(s) => Some(s),
            ResponsibleOffice::NotYetKnown { .. } => None,
        }
    }
}

/// Why no answer about the office can be given.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OfficeError {
    /// The town key is not in the index (an old profile, a typo in a link).
    #[error("unknown town key {0}")]
    UnknownTown(String),
}

impl OfficeError {
    /// What the person reads.
    pub fn message(&self) -> crate::i18n::Msg {
        match self {
            OfficeError::UnknownTown(key) => {
                crate::i18n::Msg::new("welcome.unknown_town").ltr("key", key)
            }
        }
    }
}

/// The town with this AGS in the index.
pub fn find_town<'a>(index: &'a DirectoryIndex, ags: &str) -> Option<&'a Town> {
    // Towns are sorted by AGS; fall back to a scan should a file not be.
    match index.towns.binary_search_by(|t| t.ags.as_str().cmp(ags)) {
        Ok(i) => index.towns.get(i),
        Err(_) => index.towns.iter().find(|t| t.ags == ags),
    }
}

/// The name a town is shown by ("Schwerte" for "Schwerte, Hansestadt an der Ruhr"); empty for
/// a key the directory does not know.
pub fn town_name<'a>(index: &'a DirectoryIndex, ags: &str) -> &'a str {
    find_town(index, ags).map_or("", crate::town::display_name)
}

/// Which contact the welcome card offers for an office's welcome service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WelcomeContact<'a> {
    /// The service's own phone, e-mail or web address.
    Service(&'a Contact),
    /// The service names none: the office's contact instead (and the card says so).
    Office(&'a Contact),
    /// Neither names one: the card says that no contact is known.
    Unknown,
}

/// The contact of `welcome`, falling back to the office's when the service has none.
pub fn welcome_contact<'a>(welcome: &'a WelcomeService, office: &'a Office) -> WelcomeContact<'a> {
    let empty = Contact::default();
    if welcome.contact != empty {
        WelcomeContact::Service(&welcome.contact)
    } else if office.contact != empty {
        WelcomeContact::Office(&office.contact)
    } else {
        WelcomeContact::Unknown
    }
}

/// The youth office responsible for the town `ags`, and whether it has published data.
///
/// A town whose office id is missing from the index's office list counts as not yet known.
pub fn responsible_office(
    index: &DirectoryIndex,
    ags: &str,
) -> Result<ResponsibleOffice, OfficeError> {
    let town = find_town(index, ags).ok_or_else(|| OfficeError::UnknownTown(ags.to_owned()))?;
    let summary = town
        .office
        .as_deref()
        .and_then(|id| index.offices.iter().find(|o| o.id == id));
    Ok(match summary {
        Some(s) if s.file.is_some() => ResponsibleOffice::Published(s.clone()),
        Some(s) => ResponsibleOffice::NoDataYet(s.clone()),
        None => ResponsibleOffice::NotYetKnown {
            kreis: town.kreis.clone(),
        },
    })
}

/// The office files a volunteer keeps offline for one Kreis ("Für Besuche bereithalten").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KreisFiles {
    /// Paths of the files under the app's root, e.g. "/data/offices/kreis-unna.json".
    pub paths: Vec<String>,
    /// Their size together, in bytes.
    pub bytes: u64,
    /// The newest `as_of` among them.
    pub newest: Option<crate::date::AsOf>,
}

/// The Kreise (and kreisfreie Städte) with at least one published office file, sorted.
pub fn kreise_with_data(index: &DirectoryIndex) -> Vec<String> {
    let mut names: Vec<String> = index
        .offices
        .iter()
        .filter(|o| o.file.is_some())
        .map(|o| o.kreis.clone())
        .collect();
    crate::sort::sort(&mut names);
    names.dedup();
    names
}

/// Every published office file of the offices in `kreis`, with their size and newest date.
pub fn files_of_kreis(index: &DirectoryIndex, kreis: &str) -> KreisFiles {
    let offices = index.offices.iter().filter(|o| o.kreis == kreis);
    let published: Vec<&OfficeSummary> = offices.filter(|o| o.file.is_some()).collect();
    KreisFiles {
        paths: published
            .iter()
            .filter_map(|o| o.file.as_ref().map(|f| format!("/data/{f}")))
            .collect(),
        bytes: published.iter().map(|o| o.file_bytes).sum(),
        newest: published.iter().filter_map(|o| o.as_of).max(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::{Statewide, FORMAT_VERSION};
    use crate::testdata::d;

    fn town(ags: &str, name: &str, kreis: &str, office: Option<&str>) -> Town {
        Town {
            ags: ags.parse().expect("test town"),
            name: name.to_owned(),
            kreis: kreis.to_owned(),
            kreisfrei: office == Some("stadt-muenster"),
            postcodes: Vec::new(),
            office: office.map(|id| id.parse().expect("test office id")),
            confidence: Default::default(),
        }
    }

    fn summary(id: &str, file: Option<&str>) -> OfficeSummary {
        OfficeSummary {
            id: id.parse().expect("test office id"),
            name: format!("{id}, Jugendamt"),
            kreis: "x".to_owned(),
            file: file.map(str::to_owned),
            file_bytes: 0,
            as_of: None,
        }
    }

    fn index() -> DirectoryIndex {
        DirectoryIndex {
            format: FORMAT_VERSION,
            as_of: d("2026-01-01").into(),
            attribution: Vec::new(),
            towns: vec![
                town(
                    "05515000",
                    "Münster, Stadt",
                    "Münster, Stadt",
                    Some("stadt-muenster"),
                ),
                town(
                    "05566012",
                    "Greven, Stadt",
                    "Steinfurt",
                    Some("kreis-steinfurt"),
                ),
                town("05758004", "Bünde, Stadt", "Herford", None),
                town("05766008", "Detmold, Stadt", "Lippe", Some("gone")),
            ],
            offices: vec![
                summary("kreis-steinfurt", Some("offices/kreis-steinfurt.json")),
                summary("stadt-muenster", None),
            ],
            statewide: Statewide {
                checkups: Vec::new(),
                deadlines: Vec::new(),
                helplines: Vec::new(),
            },
        }
    }

    #[test]
    fn each_case() {
        let index = index();
        assert!(
            matches!(responsible_office(&index, "05566012"), Ok(ResponsibleOffice::Published(s)) if s.id == "kreis-steinfurt")
        );
        assert!(
            matches!(responsible_office(&index, "05515000"), Ok(ResponsibleOffice::NoDataYet(s)) if s.id == "stadt-muenster")
        );
        assert_eq!(
            responsible_office(&index, "05758004"),
            Ok(ResponsibleOffice::NotYetKnown {
                kreis: "Herford".to_owned()
            })
        );
        assert_eq!(
            responsible_office(&index, "05766008"),
            Ok(ResponsibleOffice::NotYetKnown {
                kreis: "Lippe".to_owned()
            })
        );
        assert_eq!(
            responsible_office(&index, "09162000"),
            Err(OfficeError::UnknownTown("09162000".to_owned()))
        );
        assert_eq!(
            find_town(&index, "05566012").map(|t| t.name.as_str()),
            Some("Greven, Stadt")
        );
    }

    #[test]
    fn a_kreis_keeps_every_published_office_file() {
        let mut unna = summary("kreis-unna", Some("offices/kreis-unna.json"));
        unna.kreis = "Unna".into();
        unna.file_bytes = 300;
        unna.as_of = Some("2020".parse().expect("year"));
        let mut luenen = summary("stadt-luenen", Some("offices/stadt-luenen.json"));
        luenen.kreis = "Unna".into();
        luenen.file_bytes = 1000;
        luenen.as_of = Some("2024".parse().expect("year"));
        let mut selm = summary("stadt-selm", None);
        selm.kreis = "Unna".into();
        let mut lippe = summary("kreis-lippe", Some("offices/kreis-lippe.json"));
        lippe.kreis = "Lippe".into();
        let mut directory = index();
        directory.offices = vec![lippe, unna, luenen, selm];
        assert_eq!(
            kreise_with_data(&directory),
            vec!["Lippe".to_owned(), "Unna".to_owned()]
        );
        let files = files_of_kreis(&directory, "Unna");
        assert_eq!(
            files.paths,
            vec![
                "/data/offices/kreis-unna.json",
                "/data/offices/stadt-luenen.json"
            ]
        );
        assert_eq!(files.bytes, 1300);
        assert_eq!(files.newest, Some("2024".parse().expect("year")));
        assert_eq!(files_of_kreis(&directory, "Kleve"), KreisFiles::default());
    }

    #[test]
    fn the_welcome_card_falls_back_to_the_office_contact_then_to_none() {
        let mut office: Office = serde_json::from_str(
            r#"{"id":"kreis-dueren","name":"Jugendamt","kind":"kreis","kreis":"Düren","towns":[],"source":"x","contact":{"phone":"02421 22-0"}}"#,
        )
        .expect("test office");
        let mut welcome: WelcomeService =
            serde_json::from_str(r#"{"name":"Babybegrüßung","source":"x"}"#).expect("test service");
        assert_eq!(
            welcome_contact(&welcome, &office),
            WelcomeContact::Office(&office.contact)
        );
        office.contact = Contact::default();
        assert_eq!(welcome_contact(&welcome, &office), WelcomeContact::Unknown);
        welcome.contact.web = "https://www.kreis-dueren.de".parse().ok();
        assert_eq!(
            welcome_contact(&welcome, &office),
            WelcomeContact::Service(&welcome.contact)
        );
    }

    #[test]
    fn towns_are_named_without_their_official_suffix() {
        let index = index();
        assert_eq!(town_name(&index, "05566012"), "Greven");
        assert_eq!(town_name(&index, "05999999"), "");
    }
}

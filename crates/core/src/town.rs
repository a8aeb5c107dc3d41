//! Town search as people type ("Wohnort"): by name or postcode, insensitive to case, umlauts and ß.
//!
//! Called by the app's onboarding and visit-mode town field: build a [`TownIndex`] once from the
//! index's towns, then call [`TownIndex::search`] on every keystroke.
//!
//! Rules:
//! - Names are compared without the official suffix ([`display_name`]: "Greven, Stadt" → "Greven"),
//!   in lower case, with separators (space, hyphen, slash, brackets, dots) as one space, and with
//!   umlauts folded two ways: "Fröndenberg" matches "frondenberg" and "froendenberg"; ß matches "ss".
//! - Ranking: exact name, then name prefix, then a word inside the name starting with the query
//!   ("ruhr" → "Fröndenberg/Ruhr"), then anywhere inside the name (only for queries of at least
//!   [`MIN_SUBSTRING_CHARS`] letters); ties go to the shorter name, then alphabetical, then AGS.
//! - Digits are postcodes: five digits find every town the postcode touches (one postcode can
//!   belong to several towns), two to four digits every town with a postcode starting so (the
//!   smallest such postcode is reported). Exact postcode first, then by that postcode, then name.
//!   A single digit finds nothing. Digits and letters together ("48268 Greven") must both match.

use crate::directory::{Ags, Town};
use crate::text::{fold, sort_key, Umlauts};

/// Queries shorter than this (in letters) match only at the start of a name or word.
pub const MIN_SUBSTRING_CHARS: usize = 3;

/// The name of a town without its official suffix: everything before the first ", ".
pub fn display_name(town: &Town) -> &str {
    display_name_of(&town.name)
}

/// The name without its official suffix: "Schwerte, Hansestadt an der Ruhr" → "Schwerte".
pub fn display_name_of(name: &str) -> &str {
    name.split_once(", ").map_or(name, |(head, _)| head).trim()
}

/// How a name matched the query, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NameMatch {
    /// The whole name.
    Exact,
    /// The start of the name.
    Prefix,
    /// The start of a later word in the name.
    WordPrefix,
    /// Somewhere inside the name.
    Substring,
}

/// Why a town was found.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TownMatch {
    /// By its name.
    Name(NameMatch),
    /// By this postcode of the town (the one typed, or the smallest starting with the typed digits).
    Postcode(String),
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TownHit {
    /// The town's AGS.
    pub ags: Ags,
    /// Its name without suffix, e.g. "Greven".
    pub name: String,
    /// Its Kreis, to tell apart towns of the same name.
    pub kreis: String,
    /// Why it was found.
    pub matched: TownMatch,
}

impl TownHit {
    /// The line to show: "48268 · Greven" for a postcode match, else the name.
    pub fn label(&self) -> String {
        match &self.matched {
            TownMatch::Postcode(code) => format!("{code} · {}", self.name),
            TownMatch::Name(_) => self.name.clone(),
        }
    }
}

/// One town, prepared for search.
#[derive(Debug, Clone)]
struct Entry {
    ags: Ags,
    name: String,
    kreis: String,
    plain: String,
    spelled: String,
    order: String,
    postcodes: Vec<String>,
}

/// All towns prepared for fast search; build once, search on every keystroke.
#[derive(Debug, Clone, Default)]
pub struct TownIndex {
    entries: Vec<Entry>,
}

/// A candidate during a search: rank, then tie-breaks, then its entry.
type Candidate<'a> = ((u8, u8), Option<&'a str>, usize, &'a str, &'a str, usize);

impl TownIndex {
    /// Prepares `towns` for search (folds every name once).
    pub fn new(towns: &[Town]) -> TownIndex {
        let entries = towns
            .iter()
            .map(|town| {
                let name = display_name(town).to_owned();
                let mut postcodes = town.postcodes.clone();
                crate::sort::sort(&mut postcodes);
                postcodes.dedup();
                Entry {
                    ags: town.ags.clone(),
                    plain: fold(&name, Umlauts::Plain),
                    spelled: fold(&name, Umlauts::Spelled),
                    order: sort_key(&name),
                    kreis: town.kreis.clone(),
                    name,
                    postcodes,
                }
            })
            .collect();
        TownIndex { entries }
    }

    /// Number of towns.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no towns.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The name without suffix of the town `ags`, e.g. to show a stored town.
    pub fn name(&self, ags: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|e| e.ags == ags)
            .map(|e| e.name.as_str())
    }

    /// The towns matching what was typed, best first, at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Vec<TownHit> {
        let query = query.split(',').next().unwrap_or_default();
        let plain = fold(query, Umlauts::Plain);
        let spelled = fold(query, Umlauts::Spelled);
        let mut digits: Option<String> = None;
        for token in plain
            .split(' ')
            .filter(|t| t.bytes().all(|b| b.is_ascii_digit()))
        {
            if digits.is_some() || !(2..=5).contains(&token.len()) {
                return Vec::new(); // one postcode of 2 to 5 digits at most
            }
            digits = Some(token.to_owned());
        }
        let text = |folded: &str| -> String {
            folded
                .split(' ')
                .filter(|t| !t.bytes().all(|b| b.is_ascii_digit()))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let (plain, spelled) = if digits.is_some() {
            (text(&plain), text(&spelled))
        } else {
            (plain, spelled)
        };
        if limit == 0 || (digits.is_none() && plain.is_empty()) {
            return Vec::new();
        }
        let substring_ok =
            plain.chars().filter(|c| c.is_alphabetic()).count() >= MIN_SUBSTRING_CHARS;

        let mut found: Vec<Candidate<'_>> = Vec::new();
        for (i, entry) in self.entries.iter().enumerate() {
            let name_rank = if plain.is_empty() {
                Some(NameMatch::Exact)
            } else {
                let a = name_match(&entry.plain, &plain, substring_ok);
                let b = name_match(&entry.spelled, &spelled, substring_ok);
                match (a, b) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                }
            };
            let Some(name_rank) = name_rank else { continue };
            let code = match digits.as_deref() {
                None => None,
                Some(typed) => match entry.postcodes.iter().find(|p| p.starts_with(typed)) {
                    Some(code) => Some(code.as_str()),
                    None => continue,
                },
            };
            let exact_code =
                u8::from(!matches!((code, digits.as_deref()), (Some(c), Some(t)) if c == t));
            let rank = if plain.is_empty() {
                (exact_code, 0)
            } else {
                (name_rank as u8, exact_code)
            };
            let length = if plain.is_empty() {
                0
            } else {
                entry.name.chars().count()
            };
            found.push((
                rank,
                code,
                length,
                entry.order.as_str(),
                entry.ags.as_str(),
                i,
            ));
        }
        crate::sort::sort(&mut found);
        found
            .into_iter()
            .take(limit)
            .map(|(rank, code, _, _, _, i)| {
                let entry = &self.entries[i];
                let matched = match code {
                    Some(code) => TownMatch::Postcode(code.to_owned()),
                    None => TownMatch::Name(name_rank_of(rank.0)),
                };
                TownHit {
                    ags: entry.ags.clone(),
                    name: entry.name.clone(),
                    kreis: entry.kreis.clone(),
                    matched,
                }
            })
            .collect()
    }
}

/// How `query` matches the folded `name`, if at all.
fn name_match(name: &str, query: &str, substring_ok: bool) -> Option<NameMatch> {
    if name == query {
        return Some(NameMatch::Exact);
    }
    if name.starts_with(query) {
        return Some(NameMatch::Prefix);
    }
    let mut inside = false;
    for (at, _) in name.match_indices(query) {
        if name.as_bytes().get(at.wrapping_sub(1)) == Some(&b' ') {
            return Some(NameMatch::WordPrefix);
        }
        inside = true;
    }
    (inside && substring_ok).then_some(NameMatch::Substring)
}

fn name_rank_of(rank: u8) -> NameMatch {
    match rank {
        0 => NameMatch::Exact,
        1 => NameMatch::Prefix,
        2 => NameMatch::WordPrefix,
        _ => NameMatch::Substring,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn town(ags: &str, name: &str, kreis: &str, postcodes: &str) -> Town {
        Town {
            ags: ags.parse().expect("test town"),
            name: name.to_owned(),
            kreis: kreis.to_owned(),
            kreisfrei: false,
            postcodes: postcodes.split(' ').map(str::to_owned).collect(),
            office: None,
            confidence: Default::default(),
        }
    }

    fn towns() -> Vec<Town> {
        vec![
            town("05566012", "Greven, Stadt", "Steinfurt", "48268"),
            town("05566016", "Hörstel, Stadt", "Steinfurt", "48477"),
            town("05978012", "Fröndenberg/Ruhr, Stadt", "Unna", "58730"),
            town(
                "05978028",
                "Schwerte, Hansestadt an der Ruhr",
                "Unna",
                "58239",
            ),
            town(
                "05515000",
                "Münster, Stadt",
                "Münster, Stadt",
                "48143 48145 48147 48149 48151 48153 48155 48157 48159 48161 48163 48165 48167",
            ),
            town("05566008", "Emsdetten, Stadt", "Steinfurt", "48282"),
            town(
                "05566076",
                "Saerbeck, NRW-Klimakommune",
                "Steinfurt",
                "48369",
            ),
            town(
                "05754028",
                "Schloß Holte-Stukenbrock, Stadt",
                "Gütersloh",
                "33758",
            ),
            town(
                "05382044",
                "Neunkirchen-Seelscheid",
                "Rhein-Sieg-Kreis",
                "53819",
            ),
            town("05566060", "Neuenkirchen", "Steinfurt", "48485"),
            town(
                "05374048",
                "Wermelskirchen, Stadt",
                "Rheinisch-Bergischer Kreis",
                "42929",
            ),
            town("05562008", "Gronau (Westf.), Stadt", "Borken", "48599"),
            // Two towns sharing a postcode.
            town("05554008", "Borken, Stadt", "Borken", "46325 46359"),
            town("05554036", "Heiden", "Borken", "46359"),
            town(
                "05970016",
                "Grevenbroich, Stadt",
                "Rhein-Kreis Neuss",
                "41515 41516 41517",
            ),
        ]
    }

    fn names(hits: &[TownHit]) -> Vec<&str> {
        hits.iter().map(|h| h.name.as_str()).collect()
    }

    #[test]
    fn display_names_lose_their_suffix() {
        assert_eq!(display_name_of("Greven, Stadt"), "Greven");
        assert_eq!(
            display_name_of("Schwerte, Hansestadt an der Ruhr"),
            "Schwerte"
        );
        assert_eq!(
            display_name_of("Mettmann, Fundort des Neanderthalers, Stadt"),
            "Mettmann"
        );
        assert_eq!(display_name_of("Heiden"), "Heiden");
    }

    #[test]
    fn finds_by_name_whatever_the_umlauts() {
        let index = TownIndex::new(&towns());
        for query in [
            "frondenberg",
            "Fröndenberg",
            "froendenberg",
            "FRÖNDENBERG/RUHR",
            "fröndenberg ruhr",
        ] {
            assert_eq!(
                names(&index.search(query, 5)),
                vec!["Fröndenberg/Ruhr"],
                "{query}"
            );
        }
        for query in ["Horstel", "hoerstel", "Hörstel, Stadt", "hör"] {
            assert_eq!(names(&index.search(query, 5)), vec!["Hörstel"], "{query}");
        }
        assert_eq!(
            names(&index.search("schloss holte", 5)),
            vec!["Schloß Holte-Stukenbrock"]
        );
        assert_eq!(
            names(&index.search("Schloß", 5)),
            vec!["Schloß Holte-Stukenbrock"]
        );
        assert_eq!(names(&index.search("Mün", 5)), vec!["Münster"]);
        assert_eq!(names(&index.search("muenster", 5)), vec!["Münster"]);
        assert_eq!(names(&index.search("Saerbeck", 5)), vec!["Saerbeck"]);
        // "ue" spelled out does not blur "Neuenkirchen" into "Neunkirchen".
        assert_eq!(
            names(&index.search("Neuenkirchen", 5)),
            vec!["Neuenkirchen"]
        );
        assert_eq!(
            names(&index.search("Neunkirchen", 5)),
            vec!["Neunkirchen-Seelscheid"]
        );
    }

    #[test]
    fn ranks_exact_then_prefix_then_word_then_substring() {
        let index = TownIndex::new(&towns());
        let hits = index.search("greven", 5);
        assert_eq!(names(&hits), vec!["Greven", "Grevenbroich"]);
        assert_eq!(hits[0].matched, TownMatch::Name(NameMatch::Exact));
        assert_eq!(hits[1].matched, TownMatch::Name(NameMatch::Prefix));
        assert_eq!(
            names(&index.search("gre", 5)),
            vec!["Greven", "Grevenbroich"]
        );
        // "kirchen": none starts with it; the word "Seelscheid" does not; substrings by length.
        let hits = index.search("kirchen", 5);
        assert_eq!(
            names(&hits),
            vec!["Neuenkirchen", "Wermelskirchen", "Neunkirchen-Seelscheid"]
        );
        assert!(hits
            .iter()
            .all(|h| h.matched == TownMatch::Name(NameMatch::Substring)));
        let hits = index.search("ruhr", 5);
        assert_eq!(names(&hits), vec!["Fröndenberg/Ruhr"]);
        assert_eq!(hits[0].matched, TownMatch::Name(NameMatch::WordPrefix));
        // Word prefix beats substring: "stuk" starts a word of "Schloß Holte-Stukenbrock".
        assert_eq!(
            index.search("stuk", 5)[0].matched,
            TownMatch::Name(NameMatch::WordPrefix)
        );
        // Two letters match only at word starts.
        assert!(index.search("ve", 5).is_empty());
        assert_eq!(names(&index.search("westf", 5)), vec!["Gronau (Westf.)"]);
        assert_eq!(index.search("gre", 1).len(), 1);
        assert!(index.search("gre", 0).is_empty());
        assert!(index.search("  ", 5).is_empty());
        assert!(index.search("xyz", 5).is_empty());
    }

    #[test]
    fn finds_by_postcode() {
        let index = TownIndex::new(&towns());
        let hits = index.search("48268", 5);
        assert_eq!(names(&hits), vec!["Greven"]);
        assert_eq!(hits[0].label(), "48268 · Greven");
        // One postcode, two towns: both offered.
        let hits = index.search("46359", 5);
        assert_eq!(names(&hits), vec!["Borken", "Heiden"]);
        assert!(hits
            .iter()
            .all(|h| h.matched == TownMatch::Postcode("46359".to_owned())));
        // Prefixes: ordered by the matching postcode.
        let hits = index.search("482", 10);
        assert_eq!(names(&hits), vec!["Greven", "Emsdetten"]);
        assert_eq!(hits[1].label(), "48282 · Emsdetten");
        let hits = index.search("4814", 10);
        assert_eq!(hits[0].label(), "48143 · Münster");
        assert!(index.search("4", 5).is_empty());
        assert!(index.search("482680", 5).is_empty());
        assert!(index.search("99999", 5).is_empty());
        // Postcode and name together.
        assert_eq!(names(&index.search("46359 Heiden", 5)), vec!["Heiden"]);
        assert_eq!(names(&index.search("48268 · Greven", 5)), vec!["Greven"]);
        assert!(index.search("48268 Münster", 5).is_empty());
    }

    #[test]
    fn names_by_ags() {
        let index = TownIndex::new(&towns());
        assert_eq!(index.len(), 15);
        assert_eq!(index.name("05566012"), Some("Greven"));
        assert_eq!(index.name("00000000"), None);
    }

    #[test]
    fn real_towns_are_found_by_name_and_postcode() {
        let towns = crate::testdata::real_towns();
        assert_eq!(towns.len(), 396);
        let index = TownIndex::new(&towns);
        for town in &towns {
            let hits = index.search(display_name(town), 3);
            assert_eq!(
                hits.first().map(|h| h.ags.as_str()),
                Some(town.ags.as_str()),
                "{}",
                town.name
            );
            assert_eq!(hits[0].matched, TownMatch::Name(NameMatch::Exact));
            for code in &town.postcodes {
                assert!(
                    index.search(code, 50).iter().any(|h| h.ags == town.ags),
                    "{code} {}",
                    town.name
                );
            }
        }
        let first = |q: &str| index.search(q, 5).first().map(|h| h.label());
        assert_eq!(first("frondenberg").as_deref(), Some("Fröndenberg/Ruhr"));
        assert_eq!(first("froendenberg").as_deref(), Some("Fröndenberg/Ruhr"));
        assert_eq!(first("Horstel").as_deref(), Some("Hörstel"));
        assert_eq!(first("hoerstel").as_deref(), Some("Hörstel"));
        assert_eq!(first("48268").as_deref(), Some("48268 · Greven"));
        assert_eq!(first("gre").as_deref(), Some("Greven"));
        assert_eq!(first("Mün").as_deref(), Some("Münster"));
        assert_eq!(first("muenster").as_deref(), Some("Münster"));
        assert_eq!(
            first("schloss holte").as_deref(),
            Some("Schloß Holte-Stukenbrock")
        );
        assert_eq!(first("Schwerte").as_deref(), Some("Schwerte"));
        assert_eq!(first("duesseldorf").as_deref(), Some("Düsseldorf"));
        assert_eq!(first("koeln").as_deref(), Some("Köln"));
    }
}

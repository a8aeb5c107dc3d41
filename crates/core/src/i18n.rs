//! Screen words in many languages: catalogue files (one plain-text file per language), messages
//! as a key plus arguments, CLDR plural rules, dates in the language's own pattern, and the check
//! that a translation has exactly German's keys and placeholders.
//!
//! The core never writes finished sentences: it returns [`Msg`] values, and the app renders them
//! with the catalogue of the language shown ([`Catalogue::render`]).
//!
//! A catalogue file:
//! ```text
//! # A comment.
//! @name = Deutsch
//! @dir = ltr
//! welcome.title = Willkommen beim KeKiz-Begleiter
//! age.months[one] = {n} Monat
//! age.months[other] = {n} Monate
//! ```
//! `{name}` is a placeholder; `key[category]` is one plural form, chosen by the argument `n`;
//! `\n` in a text is a line break.

use crate::date::Date;
use std::collections::BTreeMap;
use std::fmt;
use thiserror::Error;

/// Left-to-right isolate: keeps a phone number or a date in one piece inside right-to-left text.
const LRI: char = '\u{2066}';
/// First-strong isolate: a long date with the month's name in the language's own script keeps
/// that script's direction, and stays one piece.
const FSI: char = '\u{2068}';
/// Pop directional isolate: ends [`LRI`] and [`FSI`].
const PDI: char = '\u{2069}';

/// The writing direction of a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    /// Left to right.
    Ltr,
    /// Right to left (Arabic, Farsi).
    Rtl,
}

impl Dir {
    /// The value of the HTML `dir` attribute.
    pub fn attribute(self) -> &'static str {
        match self {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
        }
    }
}

/// A CLDR plural category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Plural {
    /// "zero" (Arabic 0).
    Zero,
    /// "one".
    One,
    /// "two" (Arabic 2).
    Two,
    /// "few".
    Few,
    /// "many".
    Many,
    /// "other": every language has it.
    Other,
}

impl Plural {
    /// The category's name as written in a catalogue key: `key[few]`.
    pub fn name(self) -> &'static str {
        match self {
            Plural::Zero => "zero",
            Plural::One => "one",
            Plural::Two => "two",
            Plural::Few => "few",
            Plural::Many => "many",
            Plural::Other => "other",
        }
    }

    fn from_name(name: &str) -> Option<Plural> {
        [
            Plural::Zero,
            Plural::One,
            Plural::Two,
            Plural::Few,
            Plural::Many,
            Plural::Other,
        ]
        .into_iter()
        .find(|p| p.name() == name)
    }
}

/// The CLDR plural category of a whole number `n` in a language (CLDR 46 rules for integers).
/// A language without its own rule here counts like German: 1 is "one", the rest "other".
pub fn plural_category(language: &str, n: u64) -> Plural {
    let (n10, n100) = (n % 10, n % 100);
    let slavic_few = (2..=4).contains(&n10) && !(12..=14).contains(&n100);
    match primary(language) {
        "ar" => match n {
            0 => Plural::Zero,
            1 => Plural::One,
            2 => Plural::Two,
            _ if (3..=10).contains(&n100) => Plural::Few,
            _ if (11..=99).contains(&n100) => Plural::Many,
            _ => Plural::Other,
        },
        "ru" | "uk" => {
            if n10 == 1 && n100 != 11 {
                Plural::One
            } else if slavic_few {
                Plural::Few
            } else {
                Plural::Many
            }
        }
        "pl" => {
            if n == 1 {
                Plural::One
            } else if slavic_few {
                Plural::Few
            } else {
                Plural::Many
            }
        }
        "ro" => {
            if n == 1 {
                Plural::One
            } else if n == 0 || (2..=19).contains(&n100) {
                Plural::Few
            } else {
                Plural::Other
            }
        }
        // Persian: CLDR counts 0 with 1 ("i = 0 or n = 1").
        "fa" if n <= 1 => Plural::One,
        _ if n == 1 => Plural::One,
        _ => Plural::Other,
    }
}

/// The plural categories whole numbers reach in a language: the forms its catalogue must have.
pub fn plural_categories(language: &str) -> &'static [Plural] {
    match primary(language) {
        "ar" => &[
            Plural::Zero,
            Plural::One,
            Plural::Two,
            Plural::Few,
            Plural::Many,
            Plural::Other,
        ],
        "ru" | "uk" | "pl" => &[Plural::One, Plural::Few, Plural::Many, Plural::Other],
        "ro" => &[Plural::One, Plural::Few, Plural::Other],
        _ => &[Plural::One, Plural::Other],
    }
}

/// "pt-BR" → "pt", "uk" → "uk".
fn primary(language: &str) -> &str {
    language.split(['-', '_']).next().unwrap_or(language)
}

/// A value inside a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Text as it is (a town's name, a nickname).
    Text(String),
    /// A whole number; the argument `n` also chooses the plural form.
    Num(i64),
    /// A date in the language's short pattern (`date.short`: "21.11.2026").
    Date(Date),
    /// A date with the month's name (`date.long`: "21. November 2026").
    LongDate(Date),
    /// Text that reads left to right in every language: a phone number, postcode, web address.
    Ltr(String),
    /// Another message, rendered in the same language.
    Msg(Box<Msg>),
    /// Messages joined as a list: "a, b und c" (`list.pair`, `list.more`).
    List(Vec<Msg>),
}

/// Something to say: a catalogue key and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    /// The key in the catalogues.
    pub key: &'static str,
    /// The placeholders' values, by name.
    pub args: Vec<(&'static str, Arg)>,
}

impl Msg {
    /// A message without arguments.
    pub fn new(key: &'static str) -> Msg {
        Msg {
            key,
            args: Vec::new(),
        }
    }

    /// Adds an argument.
    pub fn arg(mut self, name: &'static str, value: Arg) -> Msg {
        self.args.push((name, value));
        self
    }

    /// Adds text as it is.
    pub fn text(self, name: &'static str, value: impl Into<String>) -> Msg {
        self.arg(name, Arg::Text(value.into()))
    }

    /// Adds a number (`n` chooses the plural form).
    pub fn num(self, name: &'static str, value: i64) -> Msg {
        self.arg(name, Arg::Num(value))
    }

    /// Adds a date in the short pattern.
    pub fn date(self, name: &'static str, value: Date) -> Msg {
        self.arg(name, Arg::Date(value))
    }

    /// Adds a date with the month's name.
    pub fn long_date(self, name: &'static str, value: Date) -> Msg {
        self.arg(name, Arg::LongDate(value))
    }

    /// Adds left-to-right text (phone, postcode, address on the web).
    pub fn ltr(self, name: &'static str, value: impl Into<String>) -> Msg {
        self.arg(name, Arg::Ltr(value.into()))
    }

    /// Adds another message.
    pub fn msg(self, name: &'static str, value: Msg) -> Msg {
        self.arg(name, Arg::Msg(Box::new(value)))
    }

    /// Adds a list of messages.
    pub fn list(self, name: &'static str, value: Vec<Msg>) -> Msg {
        self.arg(name, Arg::List(value))
    }

    fn plural_count(&self) -> Option<u64> {
        self.args.iter().find_map(|(name, arg)| match (name, arg) {
            (&"n", Arg::Num(n)) => Some(n.unsigned_abs()),
            _ => None,
        })
    }
}

/// The words of one language, as read from its catalogue file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
    /// The language code ("de", "ar").
    pub code: String,
    /// The language's name in itself ("Deutsch", "العربية").
    pub name: String,
    /// Its writing direction.
    pub dir: Dir,
    /// Texts by key; a plural form's key ends in `[category]`.
    entries: BTreeMap<String, String>,
    /// The line of each key, for messages about the file.
    lines: BTreeMap<String, usize>,
}

/// Why a catalogue file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CatalogueError {
    /// A line is neither a comment, nor `key = text`, nor `@name`/`@dir`.
    #[error("{file}, line {line}: expected `key = text`, found `{found}`")]
    Syntax {
        /// The file's name.
        file: String,
        /// The line number, from 1.
        line: usize,
        /// The line.
        found: String,
    },
    /// A key is written twice.
    #[error("{file}, line {line}: key `{key}` is already on line {first}")]
    Duplicate {
        /// The file's name.
        file: String,
        /// The line number, from 1.
        line: usize,
        /// The key.
        key: String,
        /// Where it was first.
        first: usize,
    },
    /// A key has an unknown plural category or forbidden characters.
    #[error("{file}, line {line}: `{key}` is not a key (letters, digits, `.`, `_`, `-`, and an optional [zero|one|two|few|many|other])")]
    BadKey {
        /// The file's name.
        file: String,
        /// The line number, from 1.
        line: usize,
        /// The key.
        key: String,
    },
    /// `@name` or `@dir` is missing or wrong.
    #[error("{file}: {problem}")]
    Header {
        /// The file's name.
        file: String,
        /// What is wrong.
        problem: String,
    },
}

/// Reads a catalogue file for the language `code`; `file` names it in error messages.
pub fn parse_catalogue(code: &str, file: &str, text: &str) -> Result<Catalogue, CatalogueError> {
    let mut catalogue = Catalogue {
        code: code.to_owned(),
        name: String::new(),
        dir: Dir::Ltr,
        entries: BTreeMap::new(),
        lines: BTreeMap::new(),
    };
    let mut dir = None;
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some((key, value)) = trimmed.split_once('=') else {
            return Err(CatalogueError::Syntax {
                file: file.to_owned(),
                line,
                found: trimmed.chars().take(60).collect(),
            });
        };
        let (key, value) = (key.trim(), value.trim().replace("\\n", "\n"));
        match key {
            "@name" => catalogue.name = value,
            "@dir" => {
                dir = Some(match value.as_str() {
                    "ltr" => Dir::Ltr,
                    "rtl" => Dir::Rtl,
                    other => {
                        return Err(CatalogueError::Header {
                            file: file.to_owned(),
                            problem: format!("@dir must be ltr or rtl, not `{other}`"),
                        })
                    }
                })
            }
            _ if !is_key(key) => {
                return Err(CatalogueError::BadKey {
                    file: file.to_owned(),
                    line,
                    key: key.to_owned(),
                })
            }
            _ => {
                if let Some(first) = catalogue.lines.get(key) {
                    return Err(CatalogueError::Duplicate {
                        file: file.to_owned(),
                        line,
                        key: key.to_owned(),
                        first: *first,
                    });
                }
                catalogue.lines.insert(key.to_owned(), line);
                catalogue.entries.insert(key.to_owned(), value);
            }
        }
    }
    if catalogue.name.is_empty() {
        return Err(CatalogueError::Header {
            file: file.to_owned(),
            problem: "`@name = <the language's name in itself>` is missing".to_owned(),
        });
    }
    catalogue.dir = dir.ok_or_else(|| CatalogueError::Header {
        file: file.to_owned(),
        problem: "`@dir = ltr` or `@dir = rtl` is missing".to_owned(),
    })?;
    Ok(catalogue)
}

/// `base` or `base[category]`, base of letters, digits, `.`, `_`, `-`.
fn is_key(key: &str) -> bool {
    let (base, category) = split_plural(key);
    !base.is_empty()
        && base
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
        && category.is_none_or(|c| Plural::from_name(c).is_some())
}

/// "a.b[one]" → ("a.b", Some("one")).
fn split_plural(key: &str) -> (&str, Option<&str>) {
    match key.strip_suffix(']').and_then(|k| k.split_once('[')) {
        Some((base, category)) => (base, Some(category)),
        None => (key, None),
    }
}

impl Catalogue {
    /// A catalogue without words (every message then shows its German text).
    pub fn empty(code: &str) -> Catalogue {
        Catalogue {
            code: code.to_owned(),
            name: code.to_owned(),
            dir: Dir::Ltr,
            entries: BTreeMap::new(),
            lines: BTreeMap::new(),
        }
    }

    /// Whether the catalogue has a text for `key` (plain or in any plural form).
    pub fn has(&self, key: &str) -> bool {
        self.pattern(key, None).is_some()
    }

    /// The keys as written, plural forms included ("a[one]").
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// The text for `key`, in the plural form of `count` when it has forms.
    fn pattern(&self, key: &str, count: Option<u64>) -> Option<&str> {
        if let Some(text) = self.entries.get(key) {
            return Some(text);
        }
        let category = count.map_or(Plural::Other, |n| plural_category(&self.code, n));
        [category, Plural::Other]
            .into_iter()
            .find_map(|c| self.entries.get(&format!("{key}[{}]", c.name())))
            .map(String::as_str)
    }

    /// The message in this language; a key this catalogue lacks comes from `fallback` (German),
    /// and a key neither has shows as the key itself, so that nothing is silently blank.
    pub fn render(&self, msg: &Msg, fallback: &Catalogue) -> String {
        let count = msg.plural_count();
        let (pattern, language) = match self.pattern(msg.key, count) {
            Some(p) => (p, self),
            None => match fallback.pattern(msg.key, count) {
                Some(p) => (p, fallback),
                None => return msg.key.to_owned(),
            },
        };
        let mut out = String::with_capacity(pattern.len() + 16);
        let mut rest = pattern;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                rest = "";
                break;
            };
            let name = &after[..close];
            match msg.args.iter().find(|(n, _)| *n == name) {
                Some((_, arg)) => out.push_str(&language.render_arg(arg, fallback)),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }

    fn render_arg(&self, arg: &Arg, fallback: &Catalogue) -> String {
        match arg {
            Arg::Text(text) => text.clone(),
            Arg::Num(n) => n.to_string(),
            Arg::Date(date) => self.isolate(self.render(&short_date(*date), fallback)),
            Arg::LongDate(date) => match self.dir {
                Dir::Ltr => self.render(&long_date(*date), fallback),
                Dir::Rtl => format!("{FSI}{}{PDI}", self.render(&long_date(*date), fallback)),
            },
            Arg::Ltr(text) => self.isolate(text.clone()),
            Arg::Msg(msg) => self.render(msg, fallback),
            Arg::List(items) => {
                let items: Vec<String> = items.iter().map(|m| self.render(m, fallback)).collect();
                self.join_list(items, fallback)
            }
        }
    }

    /// "a", "a und b", "a, b und c" with the language's `list.pair` and `list.more`.
    fn join_list(&self, mut items: Vec<String>, fallback: &Catalogue) -> String {
        let Some(last) = items.pop() else {
            return String::new();
        };
        let Some(mut joined) = items.first().cloned() else {
            return last;
        };
        for item in &items[1..] {
            joined = self.render(
                &Msg::new("list.more")
                    .text("a", joined)
                    .text("b", item.clone()),
                fallback,
            );
        }
        self.render(
            &Msg::new("list.pair").text("a", joined).text("b", last),
            fallback,
        )
    }

    /// Wraps left-to-right text in an isolate inside right-to-left text; unchanged otherwise.
    fn isolate(&self, text: String) -> String {
        match self.dir {
            Dir::Ltr => text,
            Dir::Rtl => format!("{LRI}{text}{PDI}"),
        }
    }
}

/// The short date message: `date.short` with `{dd}`, `{mm}`, `{yyyy}`, `{d}`, `{m}`.
fn short_date(date: Date) -> Msg {
    Msg::new("date.short")
        .text("dd", format!("{:02}", date.day()))
        .text("mm", format!("{:02}", date.month()))
        .text("yyyy", format!("{:04}", date.year()))
        .num("d", i64::from(date.day()))
        .num("m", i64::from(date.month()))
}

/// The long date message: `date.long` with `{d}`, `{month}` (from `month.1` … `month.12`), `{yyyy}`.
fn long_date(date: Date) -> Msg {
    const MONTHS: [&str; 12] = [
        "month.1", "month.2", "month.3", "month.4", "month.5", "month.6", "month.7", "month.8",
        "month.9", "month.10", "month.11", "month.12",
    ];
    let month = MONTHS
        .get(usize::from(date.month().saturating_sub(1)))
        .copied()
        .unwrap_or("month.1");
    Msg::new("date.long")
        .num("d", i64::from(date.day()))
        .msg("month", Msg::new(month))
        .text("yyyy", format!("{:04}", date.year()))
}

/// A language of the app, as listed in the page's `kekiz-languages` meta tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// The code ("tr"); its catalogue is `/lang/<code>.txt`.
    pub code: String,
    /// Its name in itself ("Türkçe").
    pub name: String,
    /// Its writing direction.
    pub dir: Dir,
}

/// Reads the language list "de|Deutsch|ltr;ar|العربية|rtl"; malformed entries are left out.
pub fn parse_language_list(text: &str) -> Vec<Language> {
    text.split(';')
        .filter_map(|entry| {
            let mut parts = entry.trim().split('|');
            let (code, name, dir) = (parts.next()?, parts.next()?, parts.next()?);
            let valid_code =
                (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase());
            let dir = match dir.trim() {
                "ltr" => Dir::Ltr,
                "rtl" => Dir::Rtl,
                _ => return None,
            };
            (valid_code && !name.trim().is_empty()).then(|| Language {
                code: code.to_owned(),
                name: name.trim().to_owned(),
                dir,
            })
        })
        .collect()
}

/// The first of the browser's preferred languages ("tr-TR", "en-US", "de") that the app has,
/// else German.
pub fn preferred_language<'a>(preferred: &[String], available: &'a [Language]) -> &'a str {
    preferred
        .iter()
        .find_map(|wanted| {
            let wanted = primary(wanted.trim()).to_ascii_lowercase();
            available
                .iter()
                .find(|l| l.code == wanted)
                .map(|l| l.code.as_str())
        })
        .unwrap_or("de")
}

/// The language the app starts in: the one the family chose (stored with the profile), else the
/// one a handed-over link names, else the browser's preference; each only when the app has it.
pub fn starting_language<'a>(
    chosen: Option<&str>,
    linked: Option<&str>,
    preferred: &[String],
    available: &'a [Language],
) -> &'a str {
    [chosen, linked]
        .into_iter()
        .flatten()
        .find_map(|code| available.iter().find(|l| l.code == code))
        .map_or_else(
            || preferred_language(preferred, available),
            |l| l.code.as_str(),
        )
}

/// A way in which a translation differs from German.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogueProblem {
    /// A German key has no text in the language.
    Missing {
        /// The language.
        language: String,
        /// The key.
        key: String,
    },
    /// The language has a key German does not have.
    Extra {
        /// The language.
        language: String,
        /// The key.
        key: String,
        /// Its line.
        line: usize,
    },
    /// A placeholder differs from German's.
    Placeholder {
        /// The language.
        language: String,
        /// The key.
        key: String,
        /// The placeholder.
        placeholder: String,
        /// True when German has it and the translation lacks it; false when only the translation has it.
        missing: bool,
    },
    /// A plural key lacks a form the language's numbers need.
    PluralForm {
        /// The language.
        language: String,
        /// The key.
        key: String,
        /// The missing category.
        category: &'static str,
    },
}

impl fmt::Display for CatalogueProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogueProblem::Missing { language, key } => {
                write!(f, "{language}: key `{key}` is missing (German has it)")
            }
            CatalogueProblem::Extra {
                language,
                key,
                line,
            } => write!(
                f,
                "{language}, line {line}: key `{key}` is not in German (extra or misspelt)"
            ),
            CatalogueProblem::Placeholder {
                language,
                key,
                placeholder,
                missing: true,
            } => write!(
                f,
                "{language}: key `{key}` lacks the placeholder {{{placeholder}}} that German has"
            ),
            CatalogueProblem::Placeholder {
                language,
                key,
                placeholder,
                missing: false,
            } => write!(
                f,
                "{language}: key `{key}` has the placeholder {{{placeholder}}} that German does not have"
            ),
            CatalogueProblem::PluralForm {
                language,
                key,
                category,
            } => write!(
                f,
                "{language}: key `{key}` needs the plural form `{key}[{category}]`"
            ),
        }
    }
}

/// The placeholders `{name}` of a text, sorted, each once.
fn placeholders(text: &str) -> Vec<String> {
    let mut found: Vec<String> = text
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_owned()))
        .collect();
    found.sort();
    found.dedup();
    found
}

/// Every way `other` differs from `german`: missing and extra keys, placeholders that differ,
/// plural forms the language needs. Plural keys are compared by their base key; each form's
/// placeholders must be German's (German's forms together).
pub fn compare_catalogues(german: &Catalogue, other: &Catalogue) -> Vec<CatalogueProblem> {
    let language = other.code.clone();
    let mut problems = Vec::new();
    let bases = |c: &Catalogue| -> BTreeMap<String, Vec<String>> {
        let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (key, text) in &c.entries {
            map.entry(split_plural(key).0.to_owned())
                .or_default()
                .extend(placeholders(text));
        }
        for names in map.values_mut() {
            names.sort();
            names.dedup();
        }
        map
    };
    let (german_bases, other_bases) = (bases(german), bases(other));
    for (key, german_names) in &german_bases {
        let Some(names) = other_bases.get(key) else {
            problems.push(CatalogueProblem::Missing {
                language: language.clone(),
                key: key.clone(),
            });
            continue;
        };
        for name in german_names.iter().filter(|n| !names.contains(n)) {
            // A plural form may leave out the count ("einen Monat"); every other name must stay.
            if name != "n" {
                problems.push(CatalogueProblem::Placeholder {
                    language: language.clone(),
                    key: key.clone(),
                    placeholder: name.clone(),
                    missing: true,
                });
            }
        }
        for name in names.iter().filter(|n| !german_names.contains(n)) {
            problems.push(CatalogueProblem::Placeholder {
                language: language.clone(),
                key: key.clone(),
                placeholder: name.clone(),
                missing: false,
            });
        }
        let german_is_plural = german.entries.contains_key(&format!("{key}[other]"));
        if german_is_plural {
            for category in plural_categories(&other.code) {
                if !other
                    .entries
                    .contains_key(&format!("{key}[{}]", category.name()))
                {
                    problems.push(CatalogueProblem::PluralForm {
                        language: language.clone(),
                        key: key.clone(),
                        category: category.name(),
                    });
                }
            }
        }
    }
    for (key, line) in &other.lines {
        if !german_bases.contains_key(split_plural(key).0) {
            problems.push(CatalogueProblem::Extra {
                language: language.clone(),
                key: key.clone(),
                line: *line,
            });
        }
    }
    problems
}

/// The German catalogue of the app (public/lang/de.txt): canonical, built into every binary.
/// A broken file gives an empty catalogue (every message then shows its key); the native
/// catalogue test fails on it long before that.
pub fn german() -> &'static Catalogue {
    static GERMAN: std::sync::OnceLock<Catalogue> = std::sync::OnceLock::new();
    GERMAN.get_or_init(|| {
        parse_catalogue("de", "de.txt", include_str!("../../../public/lang/de.txt"))
            .unwrap_or_else(|_| Catalogue::empty("de"))
    })
}

/// A message in German (the data tool's exports, the core's tests).
pub fn in_german(msg: &Msg) -> String {
    german().render(msg, german())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GERMAN: &str = "# Test\n@name = Deutsch\n@dir = ltr\n\
        date.short = {dd}.{mm}.{yyyy}\n\
        date.long = {d}. {month} {yyyy}\n\
        month.11 = November\n\
        list.pair = {a} und {b}\n\
        list.more = {a}, {b}\n\
        age.months[one] = {n} Monat\n\
        age.months[other] = {n} Monate\n\
        due = bis {date}\n\
        call = Anruf unter {phone}\n";

    fn german() -> Catalogue {
        parse_catalogue("de", "de.txt", GERMAN).expect("valid")
    }

    #[test]
    fn plural_rules_follow_cldr_for_german_arabic_russian_and_polish() {
        use Plural::*;
        let de: Vec<Plural> = [0, 1, 2, 5].map(|n| plural_category("de", n)).to_vec();
        assert_eq!(de, [Other, One, Other, Other]);
        let ar: Vec<Plural> = [0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111]
            .map(|n| plural_category("ar", n))
            .to_vec();
        assert_eq!(
            ar,
            [Zero, One, Two, Few, Few, Many, Many, Other, Other, Few, Many]
        );
        let ru: Vec<Plural> = [1, 2, 4, 5, 11, 12, 21, 22, 25, 111, 101]
            .map(|n| plural_category("ru", n))
            .to_vec();
        assert_eq!(
            ru,
            [One, Few, Few, Many, Many, Many, One, Few, Many, Many, One]
        );
        assert_eq!(plural_category("uk-UA", 23), Few);
        let pl: Vec<Plural> = [1, 2, 5, 12, 21, 22, 25]
            .map(|n| plural_category("pl", n))
            .to_vec();
        assert_eq!(pl, [One, Few, Many, Many, Many, Few, Many]);
        assert_eq!(plural_category("ro", 0), Few);
        assert_eq!(plural_category("ro", 19), Few);
        assert_eq!(plural_category("ro", 20), Other);
        assert_eq!(plural_category("fa", 0), One);
    }

    #[test]
    fn messages_choose_the_plural_form_and_fill_placeholders() {
        let de = german();
        let month = |n| Msg::new("age.months").num("n", n);
        assert_eq!(de.render(&month(1), &de), "1 Monat");
        assert_eq!(de.render(&month(5), &de), "5 Monate");
        let ru = parse_catalogue(
            "ru",
            "ru.txt",
            "@name = Русский\n@dir = ltr\nage.months[one] = {n} месяц\n\
             age.months[few] = {n} месяца\nage.months[many] = {n} месяцев\nage.months[other] = {n} месяца\n",
        )
        .expect("valid");
        let forms: Vec<String> = [1, 3, 5, 21, 11]
            .map(|n| ru.render(&month(n), &de))
            .to_vec();
        assert_eq!(
            forms,
            ["1 месяц", "3 месяца", "5 месяцев", "21 месяц", "11 месяцев"]
        );
        // A key the language lacks falls back to German; one nobody has shows as the key.
        assert_eq!(
            ru.render(&Msg::new("list.pair").text("a", "x").text("b", "y"), &de),
            "x und y"
        );
        assert_eq!(ru.render(&Msg::new("no.such.key"), &de), "no.such.key");
    }

    #[test]
    fn dates_follow_each_languages_pattern() {
        let de = german();
        let date = Date::new(2026, 11, 21).expect("valid");
        assert_eq!(
            de.render(&Msg::new("due").date("date", date), &de),
            "bis 21.11.2026"
        );
        assert_eq!(
            de.render(&Msg::new("due").long_date("date", date), &de),
            "bis 21. November 2026"
        );
        let pl = parse_catalogue(
            "pl",
            "pl.txt",
            "@name = Polski\n@dir = ltr\ndate.short = {dd}.{mm}.{yyyy}\n\
             date.long = {d} {month} {yyyy}\nmonth.11 = listopada\ndue = do {date}\n",
        )
        .expect("valid");
        assert_eq!(
            pl.render(&Msg::new("due").long_date("date", date), &de),
            "do 21 listopada 2026"
        );
        let ru = parse_catalogue(
            "ru",
            "ru.txt",
            "@name = Русский\n@dir = ltr\ndate.short = {dd}.{mm}.{yyyy}\n\
             date.long = {d} {month} {yyyy} г.\nmonth.11 = ноября\ndue = до {date}\n",
        )
        .expect("valid");
        assert_eq!(
            ru.render(&Msg::new("due").long_date("date", date), &de),
            "до 21 ноября 2026 г."
        );
        let ar = parse_catalogue(
            "ar",
            "ar.txt",
            "@name = العربية\n@dir = rtl\ndate.short = {dd}/{mm}/{yyyy}\ndate.long = {d} {month} {yyyy}\n\
             month.11 = نوفمبر\ndue = حتى {date}\ncall = اتصل على {phone}\n",
        )
        .expect("valid");
        // Dates and phone numbers stay left to right inside Arabic text.
        assert_eq!(
            ar.render(&Msg::new("due").date("date", date), &de),
            "حتى \u{2066}21/11/2026\u{2069}"
        );
        assert_eq!(
            ar.render(&Msg::new("due").long_date("date", date), &de),
            "حتى \u{2068}21 نوفمبر 2026\u{2069}"
        );
        assert_eq!(
            ar.render(&Msg::new("call").ltr("phone", "0221 / 221-28591"), &de),
            "اتصل على \u{2066}0221 / 221-28591\u{2069}"
        );
    }

    #[test]
    fn lists_join_with_the_languages_words() {
        let de = german();
        let list = |n: usize| {
            Msg::new("due").list(
                "date",
                ["month.11", "month.11", "month.11"][..n]
                    .iter()
                    .map(|k| Msg::new(k))
                    .collect(),
            )
        };
        assert_eq!(de.render(&list(1), &de), "bis November");
        assert_eq!(de.render(&list(2), &de), "bis November und November");
        assert_eq!(
            de.render(&list(3), &de),
            "bis November, November und November"
        );
    }

    #[test]
    fn bad_files_name_the_file_and_line() {
        let error = parse_catalogue(
            "tr",
            "tr.txt",
            "@name = Türkçe\n@dir = ltr\nno equals sign\n",
        )
        .expect_err("bad");
        assert_eq!(
            error.to_string(),
            "tr.txt, line 3: expected `key = text`, found `no equals sign`"
        );
        let error = parse_catalogue("tr", "tr.txt", "@name = T\n@dir = ltr\na = 1\na = 2\n")
            .expect_err("bad");
        assert!(error
            .to_string()
            .contains("line 4: key `a` is already on line 3"));
        let error = parse_catalogue("tr", "tr.txt", "@name = T\n@dir = ltr\na[some] = 1\n")
            .expect_err("bad");
        assert!(matches!(error, CatalogueError::BadKey { line: 3, .. }));
        let error = parse_catalogue("tr", "tr.txt", "@name = T\na = 1\n").expect_err("bad");
        assert!(error.to_string().contains("@dir"));
    }

    #[test]
    fn comparison_names_language_key_and_placeholder() {
        let de = german();
        let tr = parse_catalogue(
            "tr",
            "tr.txt",
            "@name = Türkçe\n@dir = ltr\ndate.short = {dd}.{mm}.{yyyy}\n\
             date.long = {d} {month} {yyyy}\nmonth.11 = Kasım\nlist.pair = {a} ve {b}\n\
             list.more = {a}, {b}\nage.months[one] = {n} ay\ndue = {tarih} tarihine kadar\nextra.key = x\n",
        )
        .expect("valid");
        let problems: Vec<String> = compare_catalogues(&de, &tr)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            problems,
            [
                "tr: key `age.months` needs the plural form `age.months[other]`",
                "tr: key `call` is missing (German has it)",
                "tr: key `due` lacks the placeholder {date} that German has",
                "tr: key `due` has the placeholder {tarih} that German does not have",
                "tr, line 10: key `extra.key` is not in German (extra or misspelt)",
            ]
        );
    }

    #[test]
    fn the_browser_preference_picks_an_available_language() {
        let list =
            parse_language_list("de|Deutsch|ltr; tr|Türkçe|ltr;ar|العربية|rtl;bad|x;X|Y|ltr");
        assert_eq!(list.len(), 3);
        assert_eq!(list[2].dir, Dir::Rtl);
        let prefs = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            preferred_language(&prefs(&["pt-BR", "tr-TR", "de"]), &list),
            "tr"
        );
        assert_eq!(preferred_language(&prefs(&["AR"]), &list), "ar");
        assert_eq!(preferred_language(&prefs(&["fr"]), &list), "de");
        assert_eq!(preferred_language(&[], &list), "de");
        // The family's choice wins over a link, a link over the browser; unknown codes are skipped.
        let browser = prefs(&["tr"]);
        assert_eq!(
            starting_language(Some("ar"), Some("tr"), &browser, &list),
            "ar"
        );
        assert_eq!(starting_language(None, Some("ar"), &browser, &list), "ar");
        assert_eq!(starting_language(Some("xx"), None, &browser, &list), "tr");
        assert_eq!(starting_language(None, None, &[], &list), "de");
    }
}

//! Problems found in the data folder, one line each: file, line, entry, field and a plain reason.
//!
//! Every check of `source` and `validate` pushes into a [`Diagnostics`] list instead of stopping,
//! so that one run of `kekiz-data validate` shows every mistake at once.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

/// Which entry of a file a problem belongs to, e.g. `offer "dueren-schnullercafe-linnich"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryRef {
    /// Kind of entry as written in the file: "office", "welcome", "offer", "checkup", "deadline",
    /// "helpline", "town".
    pub kind: &'static str,
    /// Its id, when it has a readable one.
    pub id: Option<String>,
    /// Its position among the entries of that kind in the file, counting from 1.
    pub number: usize,
}

impl EntryRef {
    /// An entry known by its id.
    pub fn named(kind: &'static str, id: impl Into<String>) -> EntryRef {
        EntryRef {
            kind,
            id: Some(id.into()),
            number: 1,
        }
    }
}

impl fmt::Display for EntryRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "{} \"{}\"", self.kind, id),
            None => write!(
                f,
                "{} no. {} (without a readable id)",
                self.kind, self.number
            ),
        }
    }
}

/// One problem: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, as reached from the data folder given on the command line.
    pub file: PathBuf,
    /// Line in that file (from 1), when known.
    pub line: Option<usize>,
    /// The entry, when the problem lies inside one.
    pub entry: Option<EntryRef>,
    /// The field (dotted path such as "contact.phone"), when the problem lies in one.
    pub field: Option<String>,
    /// What is wrong, in plain words.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        f.write_str(": ")?;
        match (&self.entry, &self.field) {
            (Some(entry), Some(field)) => write!(f, "{entry}, field \"{field}\": ")?,
            (Some(entry), None) => write!(f, "{entry}: ")?,
            (None, Some(field)) => write!(f, "field \"{field}\": ")?,
            (None, None) => {}
        }
        f.write_str(&self.message)
    }
}

/// All problems of one run, in the order found; [`Diagnostics::sorted`] orders them by file and line.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty list.
    pub fn new() -> Diagnostics {
        Diagnostics::default()
    }

    /// Adds a problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Adds a problem that concerns a whole file.
    pub fn file_error(&mut self, file: &Path, line: Option<usize>, message: impl Into<String>) {
        self.push(Diagnostic {
            file: file.to_path_buf(),
            line,
            entry: None,
            field: None,
            message: message.into(),
        });
    }

    /// Whether nothing is wrong.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The problems ordered by file, then line, then the order they were found in.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut items: Vec<&Diagnostic> = self.items.iter().collect();
        items.sort_by(|a, b| (&a.file, a.line.unwrap_or(0)).cmp(&(&b.file, b.line.unwrap_or(0))));
        items
    }

    /// The closing line, e.g. "3 Fehler in 2 Dateien".
    pub fn summary(&self) -> String {
        let files: BTreeSet<&PathBuf> = self.items.iter().map(|d| &d.file).collect();
        let file_word = if files.len() == 1 { "Datei" } else { "Dateien" };
        format!(
            "{} Fehler in {} {}",
            self.items.len(),
            files.len(),
            file_word
        )
    }

    /// Every problem, one per line, followed by the summary line.
    pub fn report(&self) -> String {
        let mut out = String::new();
        for diagnostic in self.sorted() {
            out.push_str(&diagnostic.to_string());
            out.push('\n');
        }
        out.push_str(&self.summary());
        out.push('\n');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_a_compiler_message() {
        let d = Diagnostic {
            file: PathBuf::from("data/offices/kreis-dueren.toml"),
            line: Some(42),
            entry: Some(EntryRef::named("offer", "dueren-schnullercafe-linnich")),
            field: Some("age".into()),
            message: "the age range is reversed (from 12 to 3 months)".into(),
        };
        assert_eq!(
            d.to_string(),
            "data/offices/kreis-dueren.toml:42: offer \"dueren-schnullercafe-linnich\", field \"age\": the age range is reversed (from 12 to 3 months)"
        );
    }

    #[test]
    fn sorts_and_summarises() {
        let mut list = Diagnostics::new();
        list.file_error(Path::new("b.toml"), Some(3), "x");
        list.file_error(Path::new("a.toml"), Some(9), "y");
        list.file_error(Path::new("a.toml"), Some(2), "z");
        let lines: Vec<String> = list.sorted().iter().map(|d| d.to_string()).collect();
        assert_eq!(lines, ["a.toml:2: z", "a.toml:9: y", "b.toml:3: x"]);
        assert_eq!(list.summary(), "3 Fehler in 2 Dateien");
        let mut one = Diagnostics::new();
        one.file_error(Path::new("a.toml"), None, "z");
        assert_eq!(one.summary(), "1 Fehler in 1 Datei");
    }
}

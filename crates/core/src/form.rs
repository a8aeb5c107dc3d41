//! The onboarding form's rules: what the typed fields mean, and the plain-German message for
//! each field that cannot be right. Called by the app's onboarding, settings and visit forms,
//! which only show these messages beside their fields.

use crate::age::BirthInfo;
use crate::date::Date;
use crate::i18n::Msg;
use crate::profile::{validate_child_input, ChildInputError};
use thiserror::Error;

/// Which date the family gives: the birth date or, during pregnancy, the due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateKind {
    /// "Geburtsdatum".
    #[default]
    Birth,
    /// "Entbindungstermin".
    Due,
}

impl DateKind {
    /// The field's label, one of the canonical screen words.
    pub fn label(self) -> Msg {
        Msg::new(match self {
            DateKind::Birth => "form.birth_date",
            DateKind::Due => "form.due_date",
        })
    }
}

/// What the family typed for one child.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChildForm {
    /// Birth date or due date.
    pub kind: DateKind,
    /// The date field's value as the browser gives it ("2026-05-03", or empty).
    pub date: String,
    /// "Name des Kindes", optional.
    pub nickname: String,
}

/// Why the date field cannot be right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum DateFieldError {
    /// Nothing entered in the field of this kind.
    #[error("no {0:?} date entered")]
    Missing(DateKind),
    /// Not a date that exists.
    #[error("not a date that exists")]
    Unreadable,
    /// A date, but not a possible one for this child.
    #[error(transparent)]
    Implausible(#[from] ChildInputError),
}

impl DateFieldError {
    /// What the person reads beside the field.
    pub fn message(&self) -> Msg {
        match self {
            DateFieldError::Missing(DateKind::Birth) => Msg::new("form.missing_birth"),
            DateFieldError::Missing(DateKind::Due) => Msg::new("form.missing_due"),
            DateFieldError::Unreadable => Msg::new("form.unreadable"),
            DateFieldError::Implausible(problem) => problem.message(),
        }
    }
}

/// The message when no town has been chosen from the list.
pub fn no_town_chosen() -> Msg {
    Msg::new("form.no_town")
}

/// Longest nickname kept; longer input is cut, since the name is only a label on the phone.
pub use crate::profile::NICKNAME_MAX_CHARS;

impl ChildForm {
    /// The child's birth information, or why the date field cannot be right on `today`.
    pub fn birth(&self, today: Date) -> Result<BirthInfo, DateFieldError> {
        let text = self.date.trim();
        if text.is_empty() {
            return Err(DateFieldError::Missing(self.kind));
        }
        let date: Date = text.parse().map_err(|_| DateFieldError::Unreadable)?;
        let birth = match self.kind {
            DateKind::Birth => BirthInfo::Born(date),
            DateKind::Due => BirthInfo::Expected(date),
        };
        validate_child_input(birth, today)?;
        Ok(birth)
    }

    /// The nickname, trimmed and cut to [`NICKNAME_MAX_CHARS`]; `None` when left empty.
    pub fn nickname(&self) -> Option<String> {
        let name: String = self
            .nickname
            .trim()
            .chars()
            .take(NICKNAME_MAX_CHARS)
            .collect();
        (!name.is_empty()).then_some(name)
    }

    /// The form filled with what is known of a child, for changing it.
    pub fn of(birth: BirthInfo, nickname: Option<&str>) -> ChildForm {
        let (kind, date) = match birth {
            BirthInfo::Born(date) => (DateKind::Birth, date),
            BirthInfo::Expected(date) => (DateKind::Due, date),
        };
        ChildForm {
            kind,
            date: date.to_string(),
            nickname: nickname.unwrap_or_default().to_owned(),
        }
    }
}

/// How a town's Kreis reads in a suggestion list: "Kreis Steinfurt", "Städteregion Aachen",
/// or "kreisfreie Stadt" (Destatis names a kreisfreie Stadt's Kreis like the town: "Köln, Stadt").
pub fn kreis_label(kreis: &str, kreisfrei: bool) -> Msg {
    if kreisfrei {
        Msg::new("form.kreisfrei")
    } else if kreis.starts_with("Städteregion") {
        Msg::new("common.as_is").text("text", kreis)
    } else {
        Msg::new("form.kreis").text("kreis", kreis)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        text.parse().expect("test date")
    }

    fn form(kind: DateKind, date: &str) -> ChildForm {
        ChildForm {
            kind,
            date: date.to_owned(),
            nickname: String::new(),
        }
    }

    #[test]
    fn an_empty_date_names_the_field() {
        let error = form(DateKind::Due, " ")
            .birth(day("2026-11-21"))
            .unwrap_err();
        assert_eq!(
            crate::i18n::in_german(&error.message()),
            "Bitte geben Sie den Entbindungstermin ein."
        );
        let error = form(DateKind::Birth, "")
            .birth(day("2026-11-21"))
            .unwrap_err();
        assert_eq!(
            crate::i18n::in_german(&error.message()),
            "Bitte geben Sie das Geburtsdatum ein."
        );
    }

    #[test]
    fn a_day_that_does_not_exist_is_unreadable() {
        assert_eq!(
            form(DateKind::Birth, "2025-02-29").birth(day("2026-11-21")),
            Err(DateFieldError::Unreadable)
        );
        assert_eq!(
            form(DateKind::Birth, "3.5.2026").birth(day("2026-11-21")),
            Err(DateFieldError::Unreadable)
        );
    }

    #[test]
    fn a_birth_date_in_the_future_is_implausible() {
        let error = form(DateKind::Birth, "2026-11-22")
            .birth(day("2026-11-21"))
            .unwrap_err();
        assert_eq!(
            error,
            DateFieldError::Implausible(ChildInputError::BirthInFuture)
        );
        assert!(crate::i18n::in_german(&error.message()).contains("Zukunft"));
    }

    #[test]
    fn a_valid_due_date_gives_an_expected_child() {
        assert_eq!(
            form(DateKind::Due, "2027-03-01").birth(day("2026-11-21")),
            Ok(BirthInfo::Expected(day("2027-03-01")))
        );
    }

    #[test]
    fn the_form_of_a_child_round_trips() {
        let birth = BirthInfo::Born(day("2026-05-03"));
        let filled = ChildForm::of(birth, Some("Mia"));
        assert_eq!(filled.birth(day("2026-11-21")), Ok(birth));
        assert_eq!(filled.nickname(), Some("Mia".to_owned()));
    }

    #[test]
    fn nicknames_are_trimmed_cut_and_optional() {
        let mut filled = form(DateKind::Birth, "2026-05-03");
        filled.nickname = "   ".into();
        assert_eq!(filled.nickname(), None);
        filled.nickname = format!("  {}  ", "x".repeat(100));
        assert_eq!(
            filled.nickname().map(|n| n.chars().count()),
            Some(NICKNAME_MAX_CHARS)
        );
    }

    #[test]
    fn kreis_labels() {
        let label = |kreis, kreisfrei| crate::i18n::in_german(&kreis_label(kreis, kreisfrei));
        assert_eq!(label("Steinfurt", false), "Kreis Steinfurt");
        assert_eq!(label("Städteregion Aachen", false), "Städteregion Aachen");
        assert_eq!(label("Köln, Stadt", true), "kreisfreie Stadt");
    }
}

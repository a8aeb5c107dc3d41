//! "Erledigt": the check-ups and deadlines a family has marked done for one child, optionally
//! with the day it happened.
//!
//! Stored with the child in the profile (schema 3); `matching::child_view` leaves marked items out
//! of the open lists and lists them apart, so a done item is never overdue or "jetzt fällig".

use crate::date::Date;
use serde::{Deserialize, Serialize};

/// What kind of item a mark refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DoneKind {
    /// A check-up, by its id ("U4").
    Checkup,
    /// A deadline, by its id ("kindergeld").
    Deadline,
}

/// One item marked done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DoneMark {
    /// Check-up or deadline.
    pub kind: DoneKind,
    /// Its id in the statewide rules.
    pub id: String,
    /// The day it happened, when the family gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on: Option<Date>,
}

/// Whether `marks` holds the item `kind`/`id`.
pub fn is_done(marks: &[DoneMark], kind: DoneKind, id: &str) -> bool {
    marks.iter().any(|m| m.kind == kind && m.id == id)
}

/// Marks the item done (replacing the day of an earlier mark of the same item).
pub fn mark_done(marks: &mut Vec<DoneMark>, kind: DoneKind, id: &str, on: Option<Date>) {
    match marks.iter_mut().find(|m| m.kind == kind && m.id == id) {
        Some(mark) => mark.on = on,
        None => marks.push(DoneMark {
            kind,
            id: id.to_owned(),
            on,
        }),
    }
}

/// Takes the mark off the item again; whether there was one.
pub fn unmark_done(marks: &mut Vec<DoneMark>, kind: DoneKind, id: &str) -> bool {
    let before = marks.len();
    marks.retain(|m| !(m.kind == kind && m.id == id));
    marks.len() != before
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata::d;

    #[test]
    fn marking_twice_keeps_one_mark_with_the_last_day_and_unmarking_removes_it() {
        let mut marks = Vec::new();
        mark_done(&mut marks, DoneKind::Checkup, "U4", None);
        mark_done(&mut marks, DoneKind::Checkup, "U4", Some(d("2026-10-01")));
        assert_eq!(marks.len(), 1);
        assert_eq!(marks[0].on, Some(d("2026-10-01")));
        assert!(is_done(&marks, DoneKind::Checkup, "U4"));
        assert!(
            !is_done(&marks, DoneKind::Deadline, "U4"),
            "kinds are apart"
        );
        assert!(unmark_done(&mut marks, DoneKind::Checkup, "U4"));
        assert!(!unmark_done(&mut marks, DoneKind::Checkup, "U4"));
        assert!(marks.is_empty());
    }

    #[test]
    fn a_mark_is_stored_compactly() {
        let mark = DoneMark {
            kind: DoneKind::Deadline,
            id: "kindergeld".into(),
            on: None,
        };
        assert_eq!(
            serde_json::to_string(&mark).expect("json"),
            r#"{"kind":"deadline","id":"kindergeld"}"#
        );
    }
}

//! Test fixtures shared by the core's unit tests: the statewide rules as research/domain.md states them.
//!
//! Only compiled for tests; the data engineer writes the same numbers into `data/statewide.toml`.

use crate::date::{AsOf, Date};
use crate::directory::{
    CheckupRule, DeadlineRule, DueRule, LateRule, LifeSpan, LifeUnit, Statewide, Town,
};

/// A date from ISO text; panics on a typo in a test.
pub fn d(text: &str) -> Date {
    text.parse().expect("test date")
}

fn span(unit: LifeUnit, from: u32, to: u32, extra_days: u32) -> LifeSpan {
    LifeSpan {
        unit,
        from,
        to,
        extra_days,
    }
}

fn checkup(id: &str, official: LifeSpan, tolerance: Option<LifeSpan>) -> CheckupRule {
    CheckupRule {
        translations: Default::default(),
        id: id.to_owned(),
        description: String::new(),
        official,
        tolerance,
        source: "G-BA Kinder-Richtlinie".to_owned(),
        as_of: Some(AsOf::Year(2026)),
    }
}

/// U1 to J1 with the official and tolerance windows of research/domain.md.
pub fn checkup_rules() -> Vec<CheckupRule> {
    use LifeUnit::{Day, Month, Week, Year};
    vec![
        checkup("U1", span(Day, 1, 1, 0), None),
        checkup("U2", span(Day, 3, 10, 0), Some(span(Day, 3, 14, 0))),
        checkup("U3", span(Week, 4, 5, 0), Some(span(Week, 3, 8, 0))),
        checkup("U4", span(Month, 3, 4, 0), Some(span(Month, 2, 4, 15))),
        checkup("U5", span(Month, 6, 7, 0), Some(span(Month, 5, 8, 0))),
        checkup("U6", span(Month, 10, 12, 0), Some(span(Month, 9, 14, 0))),
        checkup("U7", span(Month, 21, 24, 0), Some(span(Month, 20, 27, 0))),
        checkup("U7a", span(Month, 34, 36, 0), Some(span(Month, 33, 38, 0))),
        checkup("U8", span(Month, 46, 48, 0), Some(span(Month, 43, 50, 0))),
        checkup("U9", span(Month, 60, 64, 0), Some(span(Month, 58, 66, 0))),
        checkup("J1", span(Year, 14, 14, 0), Some(span(Year, 13, 15, 0))),
    ]
}

fn deadline(id: &str, title: &str, due: DueRule, legal_basis: &str) -> DeadlineRule {
    let late = match id {
        "elterngeld" => Some(LateRule::RetroLifeMonths {
            months: 3,
            last_life_month: 14,
        }),
        "kindergeld" => Some(LateRule::RetroCalendarMonths {
            months: 6,
            until_months: 216,
        }),
        "kita-bedarf" => Some(LateRule::NoticeAhead {
            months: 6,
            from_months: 12,
            until_months: 72,
        }),
        _ => None,
    };
    DeadlineRule {
        translations: Default::default(),
        late,
        id: id.to_owned(),
        title: title.to_owned(),
        description: String::new(),
        due,
        legal_basis: legal_basis.to_owned(),
        source: "research/domain.md".to_owned(),
        as_of: Some(AsOf::Year(2026)),
    }
}

/// The four deadlines of research/domain.md.
pub fn deadline_rules() -> Vec<DeadlineRule> {
    vec![
        deadline(
            "geburt-anmelden",
            "Geburt beim Standesamt anzeigen",
            DueRule::DaysAfterBirth(7),
            "§§ 18, 20 PStG",
        ),
        deadline(
            "elterngeld",
            "Elterngeld beantragen",
            DueRule::EndOfLifeMonth(3),
            "§ 7 Abs. 1 BEEG",
        ),
        deadline(
            "kindergeld",
            "Kindergeld beantragen",
            DueRule::EndOfCalendarMonthAfterBirth(6),
            "§ 66 Abs. 3 EStG",
        ),
        deadline(
            "kita-bedarf",
            "Kita-Bedarf anmelden",
            DueRule::MonthsAfterBirth(6),
            "§ 5 KiBiz",
        ),
    ]
}

/// Check-ups and deadlines together.
pub fn statewide() -> Statewide {
    Statewide {
        checkups: checkup_rules(),
        deadlines: deadline_rules(),
        helplines: Vec::new(),
    }
}

pub use real_towns::real_towns;

// Shared with the benchmark (benches/matching.rs), which includes the same file.
#[path = "real_towns.rs"]
mod real_towns;

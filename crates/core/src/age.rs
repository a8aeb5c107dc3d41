//! A child's age from its birth date or due date and today: days, weeks, months, years, weeks of pregnancy.
//!
//! Called by `matching` (age in months for offers), `checkup`, `deadline` and `words`, and by the app
//! for the age line of each child. The "n-th unit of life" rule for [`LifeSpan`]s is written here once.
//!
//! # Rules
//! - Completed months: see [`Date::months_until`]. Month `k` is completed on the day whose day of the
//!   month equals the birth day, clamped to the month's end (born 31 Jan: 1 month on 28/29 Feb).
//!   Completed years are completed months divided by 12 (born 29 Feb: 1 year on 28 Feb).
//! - Age in months for matching ([`Age::months`]): the largest `k` with `anchor + k months <= today`,
//!   where the anchor is the birth date or the due date. After birth that is the completed months;
//!   before the due date it is negative: -1 in the last month before the due date (from
//!   `due - 1 month` to the day before the due date), -n from `due - n months` to the day before
//!   `due - (n-1) months`. So an offer fits from exactly `anchor + from_months months` on.
//! - Weeks of pregnancy: the due date is 40+0 (40 completed weeks). With `d` days to go, the
//!   completed weeks are `40 - ceil(d / 7)` and the extra days `(7 - d % 7) % 7` ("29+3"); the
//!   running week of pregnancy (SSW, "in der 30. SSW") is the completed weeks plus one.
//! - A due date that has been reached counts as the birth date for offers (the child is most likely
//!   born), but the age says so ([`Stage::PastDueDate`]) and check-ups and deadlines wait for the
//!   real birth date.
//! - A birth date after today (only in unchecked data) is treated like a due date.

use crate::date::{Date, DateSpan};
use crate::directory::{LifeSpan, LifeUnit};
use serde::{Deserialize, Serialize};

/// Days of a full-term pregnancy from the first day of the last period to the due date (40+0).
const PREGNANCY_DAYS: i64 = 280;

/// What the family told us about the child's birth: the date of birth, or the expected due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BirthInfo {
    /// Born on this date (stored as `{"born":"2026-05-03"}`).
    Born(Date),
    /// Expected on this due date (stored as `{"expected":"2026-05-03"}`).
    Expected(Date),
}

impl BirthInfo {
    /// The date ages count from: the birth date or the due date.
    pub fn anchor(self) -> Date {
        match self {
            BirthInfo::Born(date) | BirthInfo::Expected(date) => date,
        }
    }

    /// The birth date when the child is born, `None` for an expected child.
    pub fn birth_date(self) -> Option<Date> {
        match self {
            BirthInfo::Born(date) => Some(date),
            BirthInfo::Expected(_) => None,
        }
    }
}

/// A child's age on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Age {
    /// Age in months as offers count it (negative during pregnancy); see the module rules.
    pub months: i32,
    /// Where the child stands, with the details for words.
    pub stage: Stage,
}

/// The stage of life on one day, with its details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    /// Before the due date.
    Pregnancy {
        /// Completed weeks of pregnancy (the 29 of "29+3"), 0 at the earliest.
        completed_weeks: u32,
        /// Days beyond the completed weeks (the 3 of "29+3"), 0 to 6.
        extra_days: u32,
        /// The running week of pregnancy (SSW), completed weeks plus one: "in der 30. SSW".
        week: u32,
        /// Days until the due date, at least 1.
        days_until_due: i64,
    },
    /// An expected child whose due date has come; the birth date is not entered yet.
    PastDueDate {
        /// Days since the due date, 0 on the due date itself.
        days_past: i64,
    },
    /// Born.
    Born {
        /// Days since birth, 0 on the day of birth (so it is the `days + 1`-th day of life).
        days: i64,
        /// Completed weeks.
        weeks: i64,
        /// Completed months.
        months: i32,
        /// Completed years.
        years: i32,
    },
}

/// The age of a child on `today`.
pub fn age_on(birth: BirthInfo, today: Date) -> Age {
    let anchor = birth.anchor();
    let months = age_in_months(anchor, today);
    let days = anchor.days_until(today);
    let stage = if days < 0 {
        let to_go = -days;
        // Days of pregnancy so far, 0 at the least (a due date more than 40 weeks ahead).
        let elapsed = u32::try_from(PREGNANCY_DAYS - to_go).unwrap_or(0);
        let completed = elapsed / 7;
        Stage::Pregnancy {
            completed_weeks: completed,
            extra_days: elapsed % 7,
            week: completed + 1,
            days_until_due: to_go,
        }
    } else if matches!(birth, BirthInfo::Expected(_)) {
        Stage::PastDueDate { days_past: days }
    } else {
        Stage::Born {
            days,
            weeks: days / 7,
            months,
            years: months / 12,
        }
    };
    Age { months, stage }
}

/// Age in months on `day` counted from `anchor` (birth or due date): the largest `k` with
/// `anchor + k months <= day`; negative before the anchor.
pub fn age_in_months(anchor: Date, day: Date) -> i32 {
    anchor.months_until(day)
}

/// The first day on which the age in months counted from `anchor` reaches `months`.
pub fn day_age_reaches(anchor: Date, months: i32) -> Date {
    anchor.add_months(months)
}

/// The first day of the `n`-th unit of life (counting from 1; 0 counts as 1).
///
/// The n-th day of life is `birth + (n-1)` days; the n-th week starts at `birth + 7(n-1)` days; the
/// n-th month at `birth + (n-1)` months; the n-th year at `birth + (n-1)` years.
pub fn unit_of_life_start(birth: Date, unit: LifeUnit, n: u32) -> Date {
    let before = i64::from(n.saturating_sub(1));
    match unit {
        LifeUnit::Day => birth.add_days(before),
        LifeUnit::Week => birth.add_days(7 * before),
        LifeUnit::Month => birth.add_months(months_of(before)),
        LifeUnit::Year => birth.add_months(months_of(12 * before)),
    }
}

/// The last day of the `n`-th unit of life: the day before the `n+1`-th unit starts.
pub fn unit_of_life_end(birth: Date, unit: LifeUnit, n: u32) -> Date {
    unit_of_life_start(birth, unit, n.max(1).saturating_add(1)).add_days(-1)
}

/// The dates of a [`LifeSpan`]: the first day of its `from`-th unit to the last day of its `to`-th
/// unit plus `extra_days`, both inclusive.
pub fn life_span_dates(birth: Date, span: LifeSpan) -> DateSpan {
    DateSpan {
        first: unit_of_life_start(birth, span.unit, span.from),
        last: unit_of_life_end(birth, span.unit, span.to).add_days(i64::from(span.extra_days)),
    }
}

/// A month count as `i32`, saturating (only absurd unit numbers reach the limit).
fn months_of(months: i64) -> i32 {
    i32::try_from(months).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        text.parse().expect("test date")
    }

    fn born(birth: &str, today: &str) -> Stage {
        age_on(BirthInfo::Born(d(birth)), d(today)).stage
    }

    fn expected(due: &str, today: &str) -> Age {
        age_on(BirthInfo::Expected(d(due)), d(today))
    }

    #[test]
    fn born_child_counts_days_weeks_months_years() {
        assert_eq!(
            born("2026-05-03", "2026-05-03"),
            Stage::Born {
                days: 0,
                weeks: 0,
                months: 0,
                years: 0
            }
        );
        assert_eq!(
            born("2026-05-03", "2026-05-24"),
            Stage::Born {
                days: 21,
                weeks: 3,
                months: 0,
                years: 0
            }
        );
        assert_eq!(
            born("2026-05-03", "2026-06-03"),
            Stage::Born {
                days: 31,
                weeks: 4,
                months: 1,
                years: 0
            }
        );
        assert_eq!(
            born("2026-01-31", "2026-02-28"),
            Stage::Born {
                days: 28,
                weeks: 4,
                months: 1,
                years: 0
            }
        );
        assert_eq!(
            born("2024-02-29", "2025-02-28"),
            Stage::Born {
                days: 365,
                weeks: 52,
                months: 12,
                years: 1
            }
        );
        assert_eq!(
            born("2024-02-29", "2025-02-27"),
            Stage::Born {
                days: 364,
                weeks: 52,
                months: 11,
                years: 0
            }
        );
        assert_eq!(
            born("2024-05-03", "2026-06-02"),
            Stage::Born {
                days: 760,
                weeks: 108,
                months: 24,
                years: 2
            }
        );
    }

    #[test]
    fn pregnancy_weeks_count_to_40_at_the_due_date() {
        let age = expected("2026-05-03", "2026-05-02");
        assert_eq!(age.months, -1);
        assert_eq!(
            age.stage,
            Stage::Pregnancy {
                completed_weeks: 39,
                extra_days: 6,
                week: 40,
                days_until_due: 1
            }
        );
        // Exactly 7 days before: 39+0.
        assert_eq!(
            expected("2026-05-03", "2026-04-26").stage,
            Stage::Pregnancy {
                completed_weeks: 39,
                extra_days: 0,
                week: 40,
                days_until_due: 7
            }
        );
        // 10 weeks and 4 days before: 29+3, in the 30th week.
        assert_eq!(
            expected("2026-05-03", "2026-02-18").stage,
            Stage::Pregnancy {
                completed_weeks: 29,
                extra_days: 3,
                week: 30,
                days_until_due: 74
            }
        );
        // Further away than a whole pregnancy: week 1 at the least.
        let early = expected("2026-05-03", "2025-07-01").stage;
        assert!(matches!(
            early,
            Stage::Pregnancy {
                completed_weeks: 0,
                week: 1,
                ..
            }
        ));
    }

    #[test]
    fn pregnancy_months_are_negative_and_end_at_the_due_date() {
        assert_eq!(expected("2026-05-03", "2026-04-03").months, -1);
        assert_eq!(expected("2026-05-03", "2026-04-02").months, -2);
        assert_eq!(expected("2026-05-03", "2026-03-03").months, -2);
        assert_eq!(expected("2026-05-03", "2026-03-02").months, -3);
        let due_day = expected("2026-05-03", "2026-05-03");
        assert_eq!(
            due_day,
            Age {
                months: 0,
                stage: Stage::PastDueDate { days_past: 0 }
            }
        );
        assert_eq!(expected("2026-05-03", "2026-06-05").months, 1);
    }

    #[test]
    fn a_future_birth_date_counts_like_a_due_date() {
        let age = age_on(BirthInfo::Born(d("2026-05-03")), d("2026-05-01"));
        assert_eq!(age.months, -1);
        assert!(matches!(
            age.stage,
            Stage::Pregnancy {
                days_until_due: 2,
                ..
            }
        ));
    }

    #[test]
    fn units_of_life() {
        let birth = d("2026-01-31");
        assert_eq!(unit_of_life_start(birth, LifeUnit::Day, 1), birth);
        assert_eq!(unit_of_life_end(birth, LifeUnit::Day, 1), birth);
        assert_eq!(unit_of_life_start(birth, LifeUnit::Day, 3), d("2026-02-02"));
        assert_eq!(
            unit_of_life_start(birth, LifeUnit::Week, 2),
            d("2026-02-07")
        );
        assert_eq!(unit_of_life_end(birth, LifeUnit::Week, 1), d("2026-02-06"));
        assert_eq!(unit_of_life_start(birth, LifeUnit::Month, 1), birth);
        assert_eq!(unit_of_life_end(birth, LifeUnit::Month, 1), d("2026-02-27"));
        assert_eq!(
            unit_of_life_start(birth, LifeUnit::Month, 2),
            d("2026-02-28")
        );
        assert_eq!(unit_of_life_end(birth, LifeUnit::Month, 2), d("2026-03-30"));
        assert_eq!(
            unit_of_life_start(birth, LifeUnit::Year, 14),
            d("2039-01-31")
        );
        assert_eq!(unit_of_life_end(birth, LifeUnit::Year, 14), d("2040-01-30"));
        let leap = d("2024-02-29");
        assert_eq!(unit_of_life_start(leap, LifeUnit::Year, 2), d("2025-02-28"));
        assert_eq!(unit_of_life_end(leap, LifeUnit::Year, 1), d("2025-02-27"));
        let span = LifeSpan {
            unit: LifeUnit::Month,
            from: 2,
            to: 4,
            extra_days: 15,
        };
        assert_eq!(
            life_span_dates(d("2026-05-03"), span),
            DateSpan {
                first: d("2026-06-03"),
                last: d("2026-09-17")
            }
        );
    }

    #[test]
    fn the_nth_month_of_life_is_age_n_minus_one() {
        let birth = d("2026-01-31");
        for n in 1..40 {
            let start = unit_of_life_start(birth, LifeUnit::Month, n);
            let end = unit_of_life_end(birth, LifeUnit::Month, n);
            assert_eq!(age_in_months(birth, start), n as i32 - 1);
            assert_eq!(age_in_months(birth, end), n as i32 - 1);
            assert_eq!(age_in_months(birth, end.add_days(1)), n as i32);
            assert_eq!(day_age_reaches(birth, n as i32 - 1), start);
        }
    }

    #[test]
    fn birth_info_is_stored_tagged() {
        let json = serde_json::to_string(&BirthInfo::Born(d("2026-05-03"))).expect("serialises");
        assert_eq!(json, r#"{"born":"2026-05-03"}"#);
        let back: BirthInfo = serde_json::from_str(r#"{"expected":"2026-12-01"}"#).expect("parses");
        assert_eq!(back, BirthInfo::Expected(d("2026-12-01")));
    }
}

//! Deadlines after a birth (birth registration, Elterngeld, Kindergeld, Kita notice) as dates with a status.
//!
//! Called by `matching::child_view` for the "Fristen" section and by the app's calendar export.
//! The rules come from `Statewide::deadlines`; only a born child gets dates, an expected child gets
//! every deadline as "after birth".

use crate::age::{unit_of_life_end, BirthInfo};
use crate::date::Date;
use crate::directory::{DeadlineRule, DueRule, LifeUnit};

/// A deadline this many days away or fewer counts as due soon.
pub const DUE_SOON_DAYS: i64 = 14;

/// A passed deadline stays on the family page this many days after its date ("Frist abgelaufen"),
/// because some money can still be claimed late (Elterngeld and Kindergeld are then paid for fewer
/// months); after that it is left out.
pub const PASSED_SHOWN_DAYS: i64 = 30;

/// Where today stands relative to a deadline's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DeadlineStatus {
    /// More than [`DUE_SOON_DAYS`] days to go.
    Open,
    /// Between 0 (the date is today) and [`DUE_SOON_DAYS`] days to go.
    DueSoon,
    /// The date is over.
    Passed,
}

/// When a deadline falls for one child.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineWhen {
    /// The child is not born yet (or its birth date not entered): the date follows from the birth.
    AfterBirth,
    /// The last day of the deadline, with the status today.
    On {
        /// Last day, inclusive.
        date: Date,
        /// Days from today to that date (0 = today, negative = passed).
        days_left: i64,
        /// Status today.
        status: DeadlineStatus,
    },
}

/// One deadline for one child.
#[derive(Debug, Clone, PartialEq)]
pub struct Deadline {
    /// The rule it comes from (title, description, legal basis, source).
    pub rule: DeadlineRule,
    /// When it falls.
    pub when: DeadlineWhen,
}

/// The last day of a deadline for a child born on `birth`.
pub fn deadline_date(due: DueRule, birth: Date) -> Date {
    match due {
        DueRule::DaysAfterBirth(days) => birth.add_days(i64::from(days)),
        DueRule::EndOfLifeMonth(n) => unit_of_life_end(birth, LifeUnit::Month, n),
        DueRule::EndOfCalendarMonthAfterBirth(n) => {
            birth.first_of_month().add_months(months(n)).last_of_month()
        }
        DueRule::MonthsAfterBirth(n) => birth.add_months(months(n)),
    }
}

/// The status on `today` of a deadline whose last day is `date`.
pub fn deadline_status(date: Date, today: Date) -> DeadlineStatus {
    match today.days_until(date) {
        left if left < 0 => DeadlineStatus::Passed,
        left if left <= DUE_SOON_DAYS => DeadlineStatus::DueSoon,
        _ => DeadlineStatus::Open,
    }
}

/// Every deadline for a child: dated ones sorted by date (then id); for an expected child all are
/// [`DeadlineWhen::AfterBirth`] in the order of `rules`.
pub fn all_deadlines(rules: &[DeadlineRule], birth: BirthInfo, today: Date) -> Vec<Deadline> {
    let mut list: Vec<Deadline> = rules
        .iter()
        .map(|rule| {
            let when = match birth.birth_date() {
                None => DeadlineWhen::AfterBirth,
                Some(born) => {
                    let date = deadline_date(rule.due, born);
                    DeadlineWhen::On {
                        date,
                        days_left: today.days_until(date),
                        status: deadline_status(date, today),
                    }
                }
            };
            Deadline {
                rule: rule.clone(),
                when,
            }
        })
        .collect();
    list.sort_by(|a, b| match (a.when, b.when) {
        (DeadlineWhen::On { date: x, .. }, DeadlineWhen::On { date: y, .. }) => {
            x.cmp(&y).then_with(|| a.rule.id.cmp(&b.rule.id))
        }
        _ => std::cmp::Ordering::Equal,
    });
    list
}

/// The deadlines the family page shows: all of [`all_deadlines`] except those passed more than
/// [`PASSED_SHOWN_DAYS`] days ago.
pub fn deadlines_to_show(rules: &[DeadlineRule], birth: BirthInfo, today: Date) -> Vec<Deadline> {
    all_deadlines(rules, birth, today)
        .into_iter()
        .filter(|d| match d.when {
            DeadlineWhen::AfterBirth => true,
            DeadlineWhen::On { days_left, .. } => days_left >= -PASSED_SHOWN_DAYS,
        })
        .collect()
}

/// A month count from the data as `i32`, saturating.
fn months(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata::{d, deadline_rules};

    fn dates(birth: &str) -> Vec<(String, Date)> {
        all_deadlines(&deadline_rules(), BirthInfo::Born(d(birth)), d(birth))
            .into_iter()
            .map(|x| match x.when {
                DeadlineWhen::On { date, .. } => (x.rule.id, date),
                DeadlineWhen::AfterBirth => panic!("born child has dates"),
            })
            .collect()
    }

    #[test]
    fn dates_follow_the_rules() {
        let s = |id: &str, date: &str| (id.to_owned(), d(date));
        assert_eq!(
            dates("2026-05-03"),
            vec![
                s("geburt-anmelden", "2026-05-10"),
                s("elterngeld", "2026-08-02"),
                s("kita-bedarf", "2026-11-03"),
                s("kindergeld", "2026-11-30"),
            ]
        );
        assert_eq!(
            dates("2026-01-31"),
            vec![
                s("geburt-anmelden", "2026-02-07"),
                s("elterngeld", "2026-04-29"),
                s("kindergeld", "2026-07-31"),
                s("kita-bedarf", "2026-07-31"),
            ]
        );
        assert_eq!(
            deadline_date(DueRule::EndOfCalendarMonthAfterBirth(6), d("2026-08-31")),
            d("2027-02-28")
        );
    }

    #[test]
    fn status_edges() {
        let date = d("2026-05-10");
        assert_eq!(deadline_status(date, d("2026-04-25")), DeadlineStatus::Open);
        assert_eq!(
            deadline_status(date, d("2026-04-26")),
            DeadlineStatus::DueSoon
        );
        assert_eq!(
            deadline_status(date, d("2026-05-10")),
            DeadlineStatus::DueSoon
        );
        assert_eq!(
            deadline_status(date, d("2026-05-11")),
            DeadlineStatus::Passed
        );
    }

    #[test]
    fn expected_children_get_after_birth_and_old_deadlines_leave_the_page() {
        let rules = deadline_rules();
        let expected = all_deadlines(
            &rules,
            BirthInfo::Expected(d("2026-05-03")),
            d("2026-04-01"),
        );
        assert_eq!(expected.len(), 4);
        assert!(expected.iter().all(|x| x.when == DeadlineWhen::AfterBirth));
        assert_eq!(expected[0].rule.id, "geburt-anmelden");

        let born = BirthInfo::Born(d("2026-05-03"));
        // Registration passed on 10 May; shown until 9 June, gone on 10 June.
        let ids = |today: &str| -> Vec<String> {
            deadlines_to_show(&rules, born, d(today))
                .into_iter()
                .map(|x| x.rule.id)
                .collect()
        };
        assert!(ids("2026-06-09").contains(&"geburt-anmelden".to_owned()));
        assert!(!ids("2026-06-10").contains(&"geburt-anmelden".to_owned()));
        assert!(ids("2027-06-01").is_empty());
    }
}

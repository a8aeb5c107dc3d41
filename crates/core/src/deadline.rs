//! Deadlines after a birth (birth registration, Elterngeld, Kindergeld, Kita notice) as dates with a status.
//!
//! Called by `matching::child_view` for the "Fristen" section and by the app's calendar export.
//! The rules come from `Statewide::deadlines`; only a born child gets dates, an expected child gets
//! every deadline as "after birth". After its date a deadline with a [`LateRule`] stays as long as
//! applying still brings something, with what applying today brings ([`LateAction`]).

use crate::age::{age_in_months, unit_of_life_end, unit_of_life_start, BirthInfo};
use crate::date::Date;
use crate::directory::{DeadlineRule, DueRule, LateRule, LifeUnit};
use crate::done::{is_done, DoneKind, DoneMark};

/// A deadline this many days away or fewer counts as due soon.
pub const DUE_SOON_DAYS: i64 = 14;

/// A passed deadline without a [`LateRule`] stays on the family page this many days after its date
/// ("Frist abgelaufen"); after that it is left out.
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
    /// The date has passed, and applying today still brings something: what, and until when.
    Late {
        /// The deadline's date (passed).
        date: Date,
        /// What applying today brings.
        action: LateAction,
    },
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

/// What applying today brings after a deadline's date has passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LateAction {
    /// Paid from the `life_month`-th month of life (starting `from`) when the application arrives
    /// by `apply_by` (the last day of the current month of life).
    PaidFromLifeMonth {
        /// First month of life paid.
        life_month: u32,
        /// Its first day.
        from: Date,
        /// Apply by this day to keep that month.
        apply_by: Date,
    },
    /// Paid from the month starting `from` when the application arrives by `apply_by` (the last
    /// day of the current calendar month).
    PaidFromMonth {
        /// First day of the first month paid.
        from: Date,
        /// Apply by this day to keep that month.
        apply_by: Date,
    },
    /// A need notified today is met from `from` at the earliest.
    StartFrom {
        /// The earliest start.
        from: Date,
    },
}

impl LateAction {
    /// The day by which acting keeps what this action promises (today for a notice).
    pub fn act_by(self, today: Date) -> Date {
        match self {
            LateAction::PaidFromLifeMonth { apply_by, .. }
            | LateAction::PaidFromMonth { apply_by, .. } => apply_by,
            LateAction::StartFrom { .. } => today,
        }
    }
}

/// What applying on `today` still brings for a child born on `birth` under `late`, or `None`
/// when it brings nothing any more (or the rule is unknown to this app).
pub fn late_action(late: LateRule, birth: Date, today: Date) -> Option<LateAction> {
    match late {
        LateRule::RetroLifeMonths {
            months,
            last_life_month,
        } => {
            // The month of life today: completed months plus one.
            let current = u32::try_from(age_in_months(birth, today))
                .ok()?
                .saturating_add(1);
            let life_month = current.saturating_sub(months).max(1);
            (life_month <= last_life_month).then(|| LateAction::PaidFromLifeMonth {
                life_month,
                from: unit_of_life_start(birth, LifeUnit::Month, life_month),
                apply_by: unit_of_life_end(birth, LifeUnit::Month, current),
            })
        }
        LateRule::RetroCalendarMonths {
            months: back,
            until_months,
        } => {
            let from = today
                .first_of_month()
                .add_months(-months(back))
                .max(birth.first_of_month());
            (from < birth.add_months(months(until_months))).then_some(LateAction::PaidFromMonth {
                from,
                apply_by: today.last_of_month(),
            })
        }
        LateRule::NoticeAhead {
            months: ahead,
            from_months,
            until_months,
        } => {
            let from = today
                .add_months(months(ahead))
                .max(birth.add_months(months(from_months)));
            (from < birth.add_months(months(until_months)))
                .then_some(LateAction::StartFrom { from })
        }
        LateRule::Unknown => None,
    }
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
                    let status = deadline_status(date, today);
                    let late = (status == DeadlineStatus::Passed)
                        .then_some(rule.late)
                        .flatten()
                        .and_then(|late| late_action(late, born, today));
                    match late {
                        Some(action) => DeadlineWhen::Late { date, action },
                        None => DeadlineWhen::On {
                            date,
                            days_left: today.days_until(date),
                            status,
                        },
                    }
                }
            };
            Deadline {
                rule: rule.clone(),
                when,
            }
        })
        .collect();
    crate::sort::sort_by(&mut list, |a, b| match (a.when.date(), b.when.date()) {
        (Some(x), Some(y)) => x.cmp(&y).then_with(|| a.rule.id.cmp(&b.rule.id)),
        _ => std::cmp::Ordering::Equal,
    });
    list
}

impl DeadlineWhen {
    /// The deadline's date, once the child is born.
    pub fn date(self) -> Option<Date> {
        match self {
            DeadlineWhen::AfterBirth => None,
            DeadlineWhen::Late { date, .. } | DeadlineWhen::On { date, .. } => Some(date),
        }
    }
}

/// The deadlines the family page shows: all of [`all_deadlines`] that are not marked done in
/// `done`, except those passed more than [`PASSED_SHOWN_DAYS`] days ago without a late action.
pub fn deadlines_to_show(
    rules: &[DeadlineRule],
    birth: BirthInfo,
    today: Date,
    done: &[DoneMark],
) -> Vec<Deadline> {
    all_deadlines(rules, birth, today)
        .into_iter()
        .filter(|d| !is_done(done, DoneKind::Deadline, &d.rule.id))
        .filter(|d| match d.when {
            DeadlineWhen::AfterBirth | DeadlineWhen::Late { .. } => true,
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
            .map(|x| match x.when.date() {
                Some(date) => (x.rule.id, date),
                None => panic!("born child has dates"),
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
            deadlines_to_show(&rules, born, d(today), &[])
                .into_iter()
                .map(|x| x.rule.id)
                .collect()
        };
        assert!(ids("2026-06-09").contains(&"geburt-anmelden".to_owned()));
        assert!(!ids("2026-06-10").contains(&"geburt-anmelden".to_owned()));
        // A year on, the three claims with a late rule still bring something; registration is gone.
        assert_eq!(
            ids("2027-06-01"),
            ["elterngeld", "kita-bedarf", "kindergeld"]
        );
    }

    fn late(id: &str, birth: &str, today: &str) -> Option<LateAction> {
        let rule = deadline_rules()
            .into_iter()
            .find(|r| r.id == id)
            .expect("rule");
        let born = BirthInfo::Born(d(birth));
        all_deadlines(&[rule], born, d(today))
            .into_iter()
            .find_map(|x| match x.when {
                DeadlineWhen::Late { action, .. } => Some(action),
                _ => None,
            })
    }

    #[test]
    fn kindergeld_after_its_date_is_paid_back_six_calendar_months() {
        let paid = |from: &str, by: &str| {
            Some(LateAction::PaidFromMonth {
                from: d(from),
                apply_by: d(by),
            })
        };
        // Born 3 May: the date is 30 November; until then nothing is lost.
        assert_eq!(late("kindergeld", "2026-05-03", "2026-11-30"), None);
        assert_eq!(
            late("kindergeld", "2026-05-03", "2026-12-01"),
            paid("2026-06-01", "2026-12-31")
        );
        assert_eq!(
            late("kindergeld", "2026-05-03", "2026-12-31"),
            paid("2026-06-01", "2026-12-31")
        );
        assert_eq!(
            late("kindergeld", "2026-05-03", "2027-01-01"),
            paid("2026-07-01", "2027-01-31")
        );
        // Born on the 31st and at the end of February.
        assert_eq!(late("kindergeld", "2026-01-31", "2026-07-31"), None);
        assert_eq!(
            late("kindergeld", "2026-01-31", "2026-08-01"),
            paid("2026-02-01", "2026-08-31")
        );
        assert_eq!(
            late("kindergeld", "2026-02-28", "2026-09-01"),
            paid("2026-03-01", "2026-09-30")
        );
        // The claim goes on: years later applying still brings six months back, until 18.
        assert_eq!(
            late("kindergeld", "2026-05-03", "2030-03-15"),
            paid("2029-09-01", "2030-03-31")
        );
        // The 18th birthday is 3 May 2044: May is still a month under 18, June is not.
        assert_eq!(
            late("kindergeld", "2026-05-03", "2044-11-30"),
            paid("2044-05-01", "2044-11-30")
        );
        assert_eq!(late("kindergeld", "2026-05-03", "2044-12-01"), None);
    }

    #[test]
    fn elterngeld_after_its_date_is_paid_back_three_months_of_life_up_to_the_fourteenth() {
        let paid = |life_month: u32, from: &str, by: &str| {
            Some(LateAction::PaidFromLifeMonth {
                life_month,
                from: d(from),
                apply_by: d(by),
            })
        };
        // Born 3 May: the 3rd month of life ends on 2 August.
        assert_eq!(late("elterngeld", "2026-05-03", "2026-08-02"), None);
        // Applying in the 4th month of life still brings the 1st.
        assert_eq!(
            late("elterngeld", "2026-05-03", "2026-08-03"),
            paid(1, "2026-05-03", "2026-09-02")
        );
        // In the 7th month of life (3 Nov to 2 Dec): from the 4th, which began on 3 August.
        assert_eq!(
            late("elterngeld", "2026-05-03", "2026-12-01"),
            paid(4, "2026-08-03", "2026-12-02")
        );
        assert_eq!(
            late("elterngeld", "2026-05-03", "2026-12-03"),
            paid(5, "2026-09-03", "2027-01-02")
        );
        // The 17th month of life still reaches the 14th; from the 18th nothing is left.
        assert_eq!(
            late("elterngeld", "2026-05-03", "2027-10-02"),
            paid(14, "2027-06-03", "2027-10-02")
        );
        assert_eq!(late("elterngeld", "2026-05-03", "2027-10-03"), None);
        // Born on the 31st: months of life start on the 28th of February, 31st of March, 30th of April.
        assert_eq!(late("elterngeld", "2026-01-31", "2026-04-29"), None);
        assert_eq!(
            late("elterngeld", "2026-01-31", "2026-04-30"),
            paid(1, "2026-01-31", "2026-05-30")
        );
        assert_eq!(
            late("elterngeld", "2026-01-31", "2026-05-31"),
            paid(2, "2026-02-28", "2026-06-29")
        );
    }

    #[test]
    fn a_kita_need_notified_late_is_met_six_months_on_and_not_before_the_first_birthday() {
        let start = |from: &str| Some(LateAction::StartFrom { from: d(from) });
        assert_eq!(late("kita-bedarf", "2026-05-03", "2026-11-03"), None);
        assert_eq!(
            late("kita-bedarf", "2026-05-03", "2026-11-04"),
            start("2027-05-04")
        );
        assert_eq!(
            late("kita-bedarf", "2026-05-03", "2026-12-01"),
            start("2027-06-01")
        );
        // Born on 31 August: the date is 28 February; a day later the 1st birthday has passed too.
        assert_eq!(
            late("kita-bedarf", "2026-08-31", "2027-03-01"),
            start("2027-09-01")
        );
        // Until school age (72 months): a start must come before the 6th birthday.
        assert_eq!(
            late("kita-bedarf", "2026-05-03", "2031-11-02"),
            start("2032-05-02")
        );
        assert_eq!(late("kita-bedarf", "2026-05-03", "2031-11-03"), None);
    }

    #[test]
    fn a_passed_deadline_with_a_late_action_stays_and_leaves_once_marked_done() {
        let rules = deadline_rules();
        let born = BirthInfo::Born(d("2026-05-03"));
        let ids = |done: &[DoneMark]| -> Vec<String> {
            deadlines_to_show(&rules, born, d("2027-01-15"), done)
                .into_iter()
                .map(|x| x.rule.id)
                .collect()
        };
        assert_eq!(ids(&[]), ["elterngeld", "kita-bedarf", "kindergeld"]);
        let kindergeld = DoneMark {
            kind: DoneKind::Deadline,
            id: "kindergeld".into(),
            on: None,
        };
        assert_eq!(ids(&[kindergeld]), ["elterngeld", "kita-bedarf"]);
        // A check-up mark of the same id does not hide a deadline.
        let other_kind = DoneMark {
            kind: DoneKind::Checkup,
            id: "kindergeld".into(),
            on: None,
        };
        assert_eq!(ids(&[other_kind]).len(), 3);
    }

    #[test]
    fn an_unknown_late_rule_degrades_to_a_passed_deadline() {
        let rule: LateRule =
            serde_json::from_str(r#"{"rule":"retro_weeks","weeks":4}"#).expect("parses");
        assert_eq!(rule, LateRule::Unknown);
        assert_eq!(late_action(rule, d("2026-05-03"), d("2026-12-01")), None);
    }
}

//! Child check-ups (U1 to J1) as dates for one child: official and tolerance windows, and a status.
//!
//! Called by `matching::child_view` for the "Vorsorge-Untersuchungen" section and by the app's
//! calendar export. The windows come from `Statewide::checkups`; the day arithmetic is
//! [`crate::age::life_span_dates`].

use crate::age::life_span_dates;
use crate::date::{Date, DateSpan};
use crate::directory::CheckupRule;
use crate::done::{is_done, DoneKind, DoneMark};

/// A running check-up whose last possible day is this many days away or fewer stands out.
pub const CLOSING_SOON_DAYS: i64 = 14;

/// Where today stands relative to a check-up's windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CheckupStatus {
    /// Before both windows open.
    Upcoming,
    /// In the tolerance window, before the official window opens: already possible.
    Early,
    /// Within the official window.
    Due,
    /// After the official window, still within the tolerance window: overdue, still possible.
    Overdue,
    /// After the tolerance window (or the official one when there is no tolerance).
    Past,
}

impl CheckupStatus {
    /// Whether the check-up can be done today (early, due or overdue).
    pub fn is_running(self) -> bool {
        matches!(
            self,
            CheckupStatus::Early | CheckupStatus::Due | CheckupStatus::Overdue
        )
    }
}

/// One check-up for one child: its rule, its windows as dates, its status today.
#[derive(Debug, Clone, PartialEq)]
pub struct Checkup {
    /// The rule it comes from (id such as "U4", description, source).
    pub rule: CheckupRule,
    /// The official window, both ends inclusive.
    pub official: DateSpan,
    /// The tolerance window, both ends inclusive, when there is one.
    pub tolerance: Option<DateSpan>,
    /// Status today.
    pub status: CheckupStatus,
}

impl Checkup {
    /// The last day on which the check-up is possible: the end of the tolerance (or official) window.
    pub fn last_possible_day(&self) -> Date {
        self.tolerance
            .map_or(self.official.last, |t| t.last.max(self.official.last))
    }

    /// The last possible day, when the check-up is running and that day is at most
    /// [`CLOSING_SOON_DAYS`] days after `today`: "Nur noch bis … möglich".
    pub fn closes_soon(&self, today: Date) -> Option<Date> {
        let last = self.last_possible_day();
        (self.status.is_running() && today.days_until(last) <= CLOSING_SOON_DAYS).then_some(last)
    }
}

/// The status of a check-up with these windows on `today`.
pub fn checkup_status(
    official: DateSpan,
    tolerance: Option<DateSpan>,
    today: Date,
) -> CheckupStatus {
    if official.contains(today) {
        CheckupStatus::Due
    } else if tolerance.is_some_and(|t| t.contains(today)) {
        if today < official.first {
            CheckupStatus::Early
        } else {
            CheckupStatus::Overdue
        }
    } else if today < official.first {
        CheckupStatus::Upcoming
    } else {
        CheckupStatus::Past
    }
}

/// One check-up rule as dates for a child born on `birth`, with its status on `today`.
pub fn checkup_for(rule: &CheckupRule, birth: Date, today: Date) -> Checkup {
    let official = life_span_dates(birth, rule.official);
    let tolerance = rule.tolerance.map(|span| life_span_dates(birth, span));
    Checkup {
        rule: rule.clone(),
        official,
        tolerance,
        status: checkup_status(official, tolerance, today),
    }
}

/// Every check-up as dates, in the order of `rules` (U1 first).
pub fn all_checkups(rules: &[CheckupRule], birth: Date, today: Date) -> Vec<Checkup> {
    rules
        .iter()
        .map(|rule| checkup_for(rule, birth, today))
        .collect()
}

/// The check-ups the family page shows: of those not marked done in `done`, every running one
/// (early, due or overdue: overdue ones stay until their tolerance ends) and, when none is early
/// or due, the next upcoming one.
pub fn checkups_to_show(
    rules: &[CheckupRule],
    birth: Date,
    today: Date,
    done: &[DoneMark],
) -> Vec<Checkup> {
    let all: Vec<Checkup> = all_checkups(rules, birth, today)
        .into_iter()
        .filter(|c| !is_done(done, DoneKind::Checkup, &c.rule.id))
        .collect();
    let current = all
        .iter()
        .any(|c| matches!(c.status, CheckupStatus::Early | CheckupStatus::Due));
    let next_upcoming = if current {
        None
    } else {
        all.iter()
            .filter(|c| c.status == CheckupStatus::Upcoming)
            .min_by_key(|c| {
                c.tolerance
                    .map_or(c.official.first, |t| t.first.min(c.official.first))
            })
            .map(|c| c.rule.id.clone())
    };
    all.into_iter()
        .filter(|c| c.status.is_running() || next_upcoming.as_deref() == Some(c.rule.id.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata::{checkup_rules, d};
    use CheckupStatus::{Due, Early, Overdue, Past, Upcoming};

    /// Check-up id, official first and last day, tolerance first and last day (as dates, by hand).
    type Row = (
        &'static str,
        &'static str,
        &'static str,
        Option<(&'static str, &'static str)>,
    );

    /// Windows for a child born on 31 Jan 2026 (month ends clamp: 28 Feb, 30 Apr, 30 Jun, …).
    const BORN_2026_01_31: [Row; 11] = [
        ("U1", "2026-01-31", "2026-01-31", None),
        (
            "U2",
            "2026-02-02",
            "2026-02-09",
            Some(("2026-02-02", "2026-02-13")),
        ),
        (
            "U3",
            "2026-02-21",
            "2026-03-06",
            Some(("2026-02-14", "2026-03-27")),
        ),
        (
            "U4",
            "2026-03-31",
            "2026-05-30",
            Some(("2026-02-28", "2026-06-14")),
        ),
        (
            "U5",
            "2026-06-30",
            "2026-08-30",
            Some(("2026-05-31", "2026-09-29")),
        ),
        (
            "U6",
            "2026-10-31",
            "2027-01-30",
            Some(("2026-09-30", "2027-03-30")),
        ),
        (
            "U7",
            "2027-09-30",
            "2028-01-30",
            Some(("2027-08-31", "2028-04-29")),
        ),
        (
            "U7a",
            "2028-10-31",
            "2029-01-30",
            Some(("2028-09-30", "2029-03-30")),
        ),
        (
            "U8",
            "2029-10-31",
            "2030-01-30",
            Some(("2029-07-31", "2030-03-30")),
        ),
        (
            "U9",
            "2030-12-31",
            "2031-05-30",
            Some(("2030-10-31", "2031-07-30")),
        ),
        (
            "J1",
            "2039-01-31",
            "2040-01-30",
            Some(("2038-01-31", "2041-01-30")),
        ),
    ];

    /// Windows for a child born on 3 May 2026.
    const BORN_2026_05_03: [Row; 11] = [
        ("U1", "2026-05-03", "2026-05-03", None),
        (
            "U2",
            "2026-05-05",
            "2026-05-12",
            Some(("2026-05-05", "2026-05-16")),
        ),
        (
            "U3",
            "2026-05-24",
            "2026-06-06",
            Some(("2026-05-17", "2026-06-27")),
        ),
        (
            "U4",
            "2026-07-03",
            "2026-09-02",
            Some(("2026-06-03", "2026-09-17")),
        ),
        (
            "U5",
            "2026-10-03",
            "2026-12-02",
            Some(("2026-09-03", "2027-01-02")),
        ),
        (
            "U6",
            "2027-02-03",
            "2027-05-02",
            Some(("2027-01-03", "2027-07-02")),
        ),
        (
            "U7",
            "2028-01-03",
            "2028-05-02",
            Some(("2027-12-03", "2028-08-02")),
        ),
        (
            "U7a",
            "2029-02-03",
            "2029-05-02",
            Some(("2029-01-03", "2029-07-02")),
        ),
        (
            "U8",
            "2030-02-03",
            "2030-05-02",
            Some(("2029-11-03", "2030-07-02")),
        ),
        (
            "U9",
            "2031-04-03",
            "2031-09-02",
            Some(("2031-02-03", "2031-11-02")),
        ),
        (
            "J1",
            "2039-05-03",
            "2040-05-02",
            Some(("2038-05-03", "2041-05-02")),
        ),
    ];

    fn check_table(birth: &str, table: &[Row]) {
        let rules = checkup_rules();
        assert_eq!(rules.len(), table.len());
        for (rule, &(id, first, last, tolerance)) in rules.iter().zip(table) {
            assert_eq!(rule.id, id);
            let official = DateSpan {
                first: d(first),
                last: d(last),
            };
            let tolerance = tolerance.map(|(first, last)| DateSpan {
                first: d(first),
                last: d(last),
            });
            let at = |day: Date| checkup_for(rule, d(birth), day);
            let c = at(d(first));
            assert_eq!(
                (c.official, c.tolerance),
                (official, tolerance),
                "{id} born {birth}"
            );

            // Every edge: first and last day of each window, and the days before and after.
            let expect = |day: Date, status: CheckupStatus| {
                assert_eq!(at(day).status, status, "{id} born {birth} on {day}");
            };
            expect(official.first, Due);
            expect(official.last, Due);
            match tolerance {
                None => {
                    expect(official.first.add_days(-1), Upcoming);
                    expect(official.last.add_days(1), Past);
                }
                Some(t) => {
                    expect(t.first.add_days(-1), Upcoming);
                    expect(t.first, if t.first < official.first { Early } else { Due });
                    expect(
                        official.first.add_days(-1),
                        if t.first < official.first {
                            Early
                        } else {
                            Upcoming
                        },
                    );
                    expect(official.last.add_days(1), Overdue);
                    expect(t.last, Overdue);
                    expect(t.last.add_days(1), Past);
                }
            }
        }
    }

    #[test]
    fn every_window_edge_born_on_the_31st() {
        check_table("2026-01-31", &BORN_2026_01_31);
    }

    #[test]
    fn every_window_edge_born_on_the_3rd() {
        check_table("2026-05-03", &BORN_2026_05_03);
    }

    #[test]
    fn windows_for_a_leap_day_birth() {
        let rules = checkup_rules();
        let u4 = checkup_for(&rules[3], d("2024-02-29"), d("2024-05-01"));
        assert_eq!(
            u4.official,
            DateSpan {
                first: d("2024-04-29"),
                last: d("2024-06-28")
            }
        );
        assert_eq!(
            u4.tolerance,
            Some(DateSpan {
                first: d("2024-03-29"),
                last: d("2024-07-13")
            })
        );
        let j1 = checkup_for(&rules[10], d("2024-02-29"), d("2024-05-01"));
        assert_eq!(
            j1.official,
            DateSpan {
                first: d("2037-02-28"),
                last: d("2038-02-27")
            }
        );
        assert_eq!(j1.last_possible_day(), d("2039-02-27"));
    }

    fn shown(birth: &str, today: &str) -> Vec<(String, CheckupStatus)> {
        checkups_to_show(&checkup_rules(), d(birth), d(today), &[])
            .into_iter()
            .map(|c| (c.rule.id, c.status))
            .collect()
    }

    #[test]
    fn the_family_page_shows_running_and_next_checkups() {
        let id = |s: &str| s.to_owned();
        // Day of birth: U1 due.
        assert_eq!(shown("2026-05-03", "2026-05-03"), vec![(id("U1"), Due)]);
        // Day 2: nothing running, U2 next.
        assert_eq!(
            shown("2026-05-03", "2026-05-04"),
            vec![(id("U2"), Upcoming)]
        );
        // 14th day of life: U2 overdue on its last day, U3 next; the day after, U3 early.
        assert_eq!(
            shown("2026-05-03", "2026-05-16"),
            vec![(id("U2"), Overdue), (id("U3"), Upcoming)]
        );
        assert_eq!(shown("2026-05-03", "2026-05-17"), vec![(id("U3"), Early)]);
        // 4 months and 10 days: U4 overdue until its tolerance ends, U5 early.
        assert_eq!(
            shown("2026-05-03", "2026-09-13"),
            vec![(id("U4"), Overdue), (id("U5"), Early)]
        );
        // 15 months: U6 overdue until its tolerance ends on 2 July 2027; U7 shown as next only after.
        assert_eq!(
            shown("2026-05-03", "2027-07-02"),
            vec![(id("U6"), Overdue), (id("U7"), Upcoming)]
        );
        assert_eq!(
            shown("2026-05-03", "2027-07-03"),
            vec![(id("U7"), Upcoming)]
        );
        // Six years: J1 comes next.
        assert_eq!(
            shown("2026-05-03", "2032-05-03"),
            vec![(id("J1"), Upcoming)]
        );
        // After the 15th birthday: nothing left.
        assert_eq!(shown("2026-05-03", "2041-05-03"), vec![]);
    }

    #[test]
    fn a_running_checkup_stands_out_in_its_last_fourteen_days() {
        // Born 3 May 2026: U4 is possible until 2026-09-17 (2nd to 4.5th month of life).
        let u4 = |today: &str| {
            all_checkups(&checkup_rules(), d("2026-05-03"), d(today))
                .into_iter()
                .find(|c| c.rule.id == "U4")
                .expect("U4")
        };
        assert_eq!(u4("2026-09-01").last_possible_day(), d("2026-09-17"));
        assert_eq!(u4("2026-09-02").closes_soon(d("2026-09-02")), None);
        assert_eq!(
            u4("2026-09-03").closes_soon(d("2026-09-03")),
            Some(d("2026-09-17"))
        );
        assert_eq!(
            u4("2026-09-17").closes_soon(d("2026-09-17")),
            Some(d("2026-09-17"))
        );
        assert_eq!(
            u4("2026-09-18").closes_soon(d("2026-09-18")),
            None,
            "past: not running"
        );
        // Not yet running: nothing to stand out.
        assert_eq!(u4("2026-05-10").closes_soon(d("2026-05-10")), None);
    }
}

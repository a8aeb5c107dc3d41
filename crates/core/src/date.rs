//! Calendar dates (proleptic Gregorian, no time zone): parsing, formatting, day and month arithmetic.
//!
//! Every other core module counts with these dates; the app hands in "today" as a [`Date`].

use crate::directory::Weekday;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;
use thiserror::Error;

/// A calendar date such as 2026-11-21; serialised as the ISO text "YYYY-MM-DD".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a text is not a valid date.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DateError {
    /// The text is not of the form YYYY-MM-DD.
    #[error("„{0}“ ist kein Datum der Form JJJJ-MM-TT")]
    Format(String),
    /// The form is right but the day does not exist (for example 2025-02-29).
    #[error("den Tag {0} gibt es nicht")]
    NoSuchDay(String),
}

impl Date {
    /// The date of year, month (1-12) and day, or `None` when that day does not exist.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1 to 31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil: exact for every proleptic Gregorian date.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date that lies `days` days after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// This date moved by `days` days (negative moves back).
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// This date moved by `months` calendar months (negative moves back); a day that the target
    /// month lacks is clamped to its last day (31 Jan + 1 month = 28 or 29 Feb).
    pub fn add_months(self, months: i32) -> Date {
        let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(months);
        let year = clamp_year(total.div_euclid(12));
        let month = (total.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// This date moved by `years` years, clamped like [`Date::add_months`] (29 Feb + 1 year = 28 Feb).
    pub fn add_years(self, years: i32) -> Date {
        self.add_months(years.saturating_mul(12))
    }

    /// The largest whole number of months `k` with `self.add_months(k) <= other` (negative when
    /// `other` lies before `self`).
    ///
    /// From a birth date this is the number of completed months: month `k` is completed on the day
    /// whose day of the month equals the birth day, clamped to the month's end (born 31 Jan: one
    /// month on 28/29 Feb, two months on 31 Mar). Before a due date it is `-n` from
    /// `due.add_months(-n)` up to the day before `due.add_months(-(n - 1))`.
    pub fn months_until(self, other: Date) -> i32 {
        let span = (i64::from(other.year) - i64::from(self.year)) * 12 + i64::from(other.month)
            - i64::from(self.month);
        let span = i32::try_from(span).unwrap_or(if span < 0 { i32::MIN } else { i32::MAX });
        // `self.add_months(span)` lies in `other`'s month; step back once when it is later.
        if self.add_months(span) > other {
            span.saturating_sub(1)
        } else {
            span
        }
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        match self.days_since_epoch().rem_euclid(7) {
            0 => Weekday::Do,
            1 => Weekday::Fr,
            2 => Weekday::Sa,
            3 => Weekday::So,
            4 => Weekday::Mo,
            5 => Weekday::Di,
            _ => Weekday::Mi,
        }
    }

    /// The first day of this date's month.
    pub fn first_of_month(self) -> Date {
        Date { day: 1, ..self }
    }

    /// The last day of this date's month.
    pub fn last_of_month(self) -> Date {
        Date {
            day: days_in_month(self.year, self.month),
            ..self
        }
    }

    /// The date as Germans write it: "21.11.2026" (day and month with two digits).
    pub fn german(self) -> String {
        format!("{:02}.{:02}.{:04}", self.day, self.month, self.year)
    }
}

/// A stretch of days, both ends inclusive, e.g. a check-up window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateSpan {
    /// First day.
    pub first: Date,
    /// Last day, inclusive.
    pub last: Date,
}

impl DateSpan {
    /// Whether `day` lies within the span, ends included.
    pub fn contains(self, day: Date) -> bool {
        self.first <= day && day <= self.last
    }
}

/// A year number in the range of `i32`, saturating at its ends.
fn clamp_year(year: i64) -> i32 {
    i32::try_from(year).unwrap_or(if year < 0 { i32::MIN } else { i32::MAX })
}

/// Whether `year` is a Gregorian leap year.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days of `month` (1-12) in `year`; 0 for a month outside 1-12.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Date, DateError> {
        let bytes = text.as_bytes();
        let well_formed = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !well_formed {
            return Err(DateError::Format(text.to_owned()));
        }
        let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().unwrap_or(0);
        let (year, month, day) = (number(0..4), number(5..7), number(8..10));
        Date::new(year as i32, month as u8, day as u8)
            .ok_or_else(|| DateError::NoSuchDay(text.to_owned()))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// The date an entry was last checked: a full day, or only a year when the source names no more.
///
/// Serialised as text, in TOML and JSON alike: "2024-05-03" for a day, "2024" for a year alone.
/// Anything else (e.g. "2024-5", "24", "03.05.2024") is rejected with [`AsOfError`].
///
/// # Order
///
/// Values are ordered by the **earliest day they may stand for** ([`AsOf::first_day`]):
/// `Year(2024)` counts as 2024-01-01. This is the conservative reading for both uses:
/// - "older than two years" (the editors' check list): a year is old as soon as its first day is,
///   so an entry of `Year(2024)` is never taken for fresher than its source may be;
/// - "newest as_of" (`max`, the "Stand der Angebote"): the result is a lower bound; the directory is
///   at least that fresh, never claimed fresher than a source shows.
///
/// When a year and a day share their first day (`Year(2024)` and `Day(2024-01-01)`), the year sorts
/// first, so that the order is total and agrees with `==`; `max` then picks the exact day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AsOf {
    /// The source names the exact day.
    Day(Date),
    /// The source names only the year.
    Year(i32),
}

/// Why a text is not a valid `as_of`.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AsOfError {
    /// The text is neither of the form YYYY-MM-DD nor YYYY.
    #[error("„{0}“ ist kein Stand der Form JJJJ-MM-TT (ganzer Tag) oder JJJJ (nur das Jahr)")]
    Format(String),
    /// The form is right but the day does not exist (for example 2025-02-29).
    #[error("den Tag {0} gibt es nicht")]
    NoSuchDay(String),
}

impl AsOf {
    /// The earliest day this may stand for: the day itself, or 1 January of the year.
    pub fn first_day(self) -> Date {
        match self {
            AsOf::Day(date) => date,
            AsOf::Year(year) => Date {
                year,
                month: 1,
                day: 1,
            },
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        match self {
            AsOf::Day(date) => date.year(),
            AsOf::Year(year) => year,
        }
    }

    /// The day, when the source names it.
    pub fn day(self) -> Option<Date> {
        match self {
            AsOf::Day(date) => Some(date),
            AsOf::Year(_) => None,
        }
    }

    /// Whether it lies after `today`: a day after today, or a year after today's year.
    pub fn is_after(self, today: Date) -> bool {
        self.first_day() > today
    }

    /// As Germans write it: "03.05.2024" for a day, "2024" for a year alone.
    pub fn german(self) -> String {
        match self {
            AsOf::Day(date) => date.german(),
            AsOf::Year(year) => format!("{year:04}"),
        }
    }
}

impl From<Date> for AsOf {
    fn from(date: Date) -> AsOf {
        AsOf::Day(date)
    }
}

impl Ord for AsOf {
    fn cmp(&self, other: &AsOf) -> std::cmp::Ordering {
        // See the type's documentation: earliest day first; at the same day the year first.
        (self.first_day(), self.day().is_some()).cmp(&(other.first_day(), other.day().is_some()))
    }
}

impl PartialOrd for AsOf {
    fn partial_cmp(&self, other: &AsOf) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The ISO form, "2024-05-03" or "2024": a valid HTML datetime string for `<time datetime=…>`.
/// Honours width and alignment (`{:<10}`).
impl fmt::Display for AsOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            AsOf::Day(date) => date.to_string(),
            AsOf::Year(year) => format!("{year:04}"),
        };
        f.pad(&text)
    }
}

impl FromStr for AsOf {
    type Err = AsOfError;

    fn from_str(text: &str) -> Result<AsOf, AsOfError> {
        let bytes = text.as_bytes();
        if bytes.len() == 4 && bytes.iter().all(u8::is_ascii_digit) {
            let year = text
                .parse::<i32>()
                .map_err(|_| AsOfError::Format(text.to_owned()))?;
            return Ok(AsOf::Year(year));
        }
        match text.parse::<Date>() {
            Ok(date) => Ok(AsOf::Day(date)),
            Err(DateError::Format(_)) => Err(AsOfError::Format(text.to_owned())),
            Err(DateError::NoSuchDay(_)) => Err(AsOfError::NoSuchDay(text.to_owned())),
        }
    }
}

impl Serialize for AsOf {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for AsOf {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<AsOf, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = AsOf;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a text \"YYYY-MM-DD\" (a day) or \"YYYY\" (a year alone)")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<AsOf, E> {
                text.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, Months, NaiveDate};
    use proptest::prelude::*;

    fn d(text: &str) -> Date {
        text.parse().expect("test date")
    }

    fn to_chrono(date: Date) -> NaiveDate {
        NaiveDate::from_ymd_opt(date.year(), u32::from(date.month()), u32::from(date.day()))
            .expect("valid")
    }

    fn from_chrono(date: NaiveDate) -> Date {
        Date::new(date.year(), date.month() as u8, date.day() as u8).expect("valid")
    }

    /// Dates between 1900 and 2200, the range the app can meet (and then some).
    fn any_date() -> impl Strategy<Value = Date> {
        (-25_567_i64..84_000).prop_map(Date::from_days_since_epoch)
    }

    #[test]
    fn add_months_clamps_to_the_month_end() {
        assert_eq!(d("2026-01-31").add_months(1), d("2026-02-28"));
        assert_eq!(d("2028-01-31").add_months(1), d("2028-02-29"));
        assert_eq!(d("2026-03-31").add_months(1), d("2026-04-30"));
        assert_eq!(d("2026-03-31").add_months(-1), d("2026-02-28"));
        assert_eq!(d("2026-11-30").add_months(3), d("2027-02-28"));
        assert_eq!(d("2026-12-15").add_months(1), d("2027-01-15"));
        assert_eq!(d("2026-01-15").add_months(-1), d("2025-12-15"));
        assert_eq!(d("2024-02-29").add_years(1), d("2025-02-28"));
        assert_eq!(d("2024-02-29").add_years(4), d("2028-02-29"));
    }

    #[test]
    fn months_until_counts_completed_months() {
        // Born 31 Jan: one month completed on the last day of February.
        assert_eq!(d("2026-01-31").months_until(d("2026-02-27")), 0);
        assert_eq!(d("2026-01-31").months_until(d("2026-02-28")), 1);
        assert_eq!(d("2026-01-31").months_until(d("2026-03-30")), 1);
        assert_eq!(d("2026-01-31").months_until(d("2026-03-31")), 2);
        assert_eq!(d("2026-01-31").months_until(d("2026-04-30")), 3);
        // Born 30 Nov, across the year end.
        assert_eq!(d("2026-11-30").months_until(d("2026-12-29")), 0);
        assert_eq!(d("2026-11-30").months_until(d("2026-12-30")), 1);
        assert_eq!(d("2026-11-30").months_until(d("2027-02-27")), 2);
        assert_eq!(d("2026-11-30").months_until(d("2027-02-28")), 3);
        // Born 29 Feb.
        assert_eq!(d("2024-02-29").months_until(d("2025-02-27")), 11);
        assert_eq!(d("2024-02-29").months_until(d("2025-02-28")), 12);
        assert_eq!(d("2024-02-29").months_until(d("2024-03-28")), 0);
        assert_eq!(d("2024-02-29").months_until(d("2024-03-29")), 1);
        // Before the date: -1 in the last month.
        assert_eq!(d("2026-05-03").months_until(d("2026-05-03")), 0);
        assert_eq!(d("2026-05-03").months_until(d("2026-05-02")), -1);
        assert_eq!(d("2026-05-03").months_until(d("2026-04-03")), -1);
        assert_eq!(d("2026-05-03").months_until(d("2026-04-02")), -2);
        assert_eq!(d("2026-03-31").months_until(d("2026-02-28")), -1);
        assert_eq!(d("2026-03-31").months_until(d("2026-02-27")), -2);
    }

    #[test]
    fn weekday_and_month_ends() {
        assert_eq!(d("2026-11-21").weekday(), Weekday::Sa);
        assert_eq!(d("1970-01-01").weekday(), Weekday::Do);
        assert_eq!(d("2026-05-04").weekday(), Weekday::Mo);
        assert_eq!(d("2028-02-10").last_of_month(), d("2028-02-29"));
        assert_eq!(d("2028-02-10").first_of_month(), d("2028-02-01"));
        assert_eq!(d("2026-05-03").german(), "03.05.2026");
        assert_eq!(d("2026-11-21").german(), "21.11.2026");
    }

    #[test]
    fn parses_and_rejects() {
        assert_eq!(d("2026-11-21").to_string(), "2026-11-21");
        assert!(matches!(
            "2025-02-29".parse::<Date>(),
            Err(DateError::NoSuchDay(_))
        ));
        assert!(matches!(
            "21.11.2026".parse::<Date>(),
            Err(DateError::Format(_))
        ));
        assert!(matches!(
            "2026-1-21".parse::<Date>(),
            Err(DateError::Format(_))
        ));
        let span = DateSpan {
            first: d("2026-01-01"),
            last: d("2026-01-03"),
        };
        assert!(span.contains(d("2026-01-01")) && span.contains(d("2026-01-03")));
        assert!(!span.contains(d("2025-12-31")) && !span.contains(d("2026-01-04")));
    }

    fn a(text: &str) -> AsOf {
        text.parse().expect("test as_of")
    }

    #[test]
    fn as_of_parses_a_day_or_a_year() {
        assert_eq!(a("2024-05-03"), AsOf::Day(d("2024-05-03")));
        assert_eq!(a("2024"), AsOf::Year(2024));
        for bad in [
            "2024-5",
            "2024-5-3",
            "24",
            "02024",
            "2024-05",
            "03.05.2024",
            "",
            " 2024",
            "2024 ",
            "-202",
            "+202",
            "2O24",
        ] {
            assert_eq!(
                bad.parse::<AsOf>(),
                Err(AsOfError::Format(bad.to_owned())),
                "{bad:?}"
            );
        }
        assert_eq!(
            "2025-02-29".parse::<AsOf>(),
            Err(AsOfError::NoSuchDay("2025-02-29".to_owned()))
        );
        assert!(AsOfError::Format("24".into()).to_string().contains("JJJJ"));
    }

    #[test]
    fn as_of_reads_in_german_and_in_iso() {
        assert_eq!(a("2024-05-03").german(), "03.05.2024");
        assert_eq!(a("2024").german(), "2024");
        assert_eq!(a("2024-05-03").to_string(), "2024-05-03");
        assert_eq!(a("2024").to_string(), "2024");
        assert_eq!(format!("[{:<10}]", a("2024")), "[2024      ]");
        assert_eq!(format!("[{:<10}]", a("2024-05-03")), "[2024-05-03]");
        assert_eq!(AsOf::from(d("2024-05-03")), a("2024-05-03"));
        assert_eq!(a("2024-05-03").year(), 2024);
        assert_eq!(a("2024").day(), None);
    }

    #[test]
    fn as_of_orders_by_its_first_day() {
        assert_eq!(a("2024").first_day(), d("2024-01-01"));
        assert_eq!(a("2024-05-03").first_day(), d("2024-05-03"));
        assert!(a("2023-12-31") < a("2024"));
        assert!(
            a("2024") < a("2024-01-01"),
            "a year before the same first day"
        );
        assert!(a("2024-01-01") < a("2024-01-02"));
        assert!(a("2024-12-31") < a("2025"));
        assert_eq!(
            [a("2024"), a("2009"), a("2024-05-03"), a("2020-01-01")]
                .iter()
                .max(),
            Some(&a("2024-05-03"))
        );
        // In the future: a day after today, a year after today's year.
        let today = d("2026-11-21");
        assert!(!a("2026").is_after(today));
        assert!(a("2027").is_after(today));
        assert!(!a("2026-11-21").is_after(today));
        assert!(a("2026-11-22").is_after(today));
    }

    #[test]
    fn as_of_serialises_as_text_in_json_and_toml() {
        #[derive(Debug, PartialEq, Serialize, Deserialize)]
        struct Entry {
            as_of: AsOf,
        }
        let day = Entry {
            as_of: a("2024-05-03"),
        };
        let year = Entry { as_of: a("2024") };
        assert_eq!(
            serde_json::to_string(&day).expect("json"),
            r#"{"as_of":"2024-05-03"}"#
        );
        assert_eq!(
            serde_json::to_string(&year).expect("json"),
            r#"{"as_of":"2024"}"#
        );
        assert_eq!(
            serde_json::from_str::<Entry>(r#"{"as_of":"2024"}"#).expect("json"),
            year
        );
        assert_eq!(
            serde_json::from_str::<Entry>(r#"{"as_of":"2024-05-03"}"#).expect("json"),
            day
        );
        assert_eq!(toml::to_string(&year).expect("toml"), "as_of = \"2024\"\n");
        assert_eq!(
            toml::from_str::<Entry>("as_of = \"2024\"").expect("toml"),
            year
        );
        assert_eq!(
            toml::from_str::<Entry>("as_of = \"2024-05-03\"").expect("toml"),
            day
        );
        for bad in [
            r#"{"as_of":"2024-5"}"#,
            r#"{"as_of":"24"}"#,
            r#"{"as_of":2024}"#,
        ] {
            let err = serde_json::from_str::<Entry>(bad)
                .expect_err(bad)
                .to_string();
            assert!(err.contains("JJJJ") || err.contains("YYYY"), "{bad}: {err}");
        }
        assert!(toml::from_str::<Entry>("as_of = \"2024-5\"").is_err());
        assert!(toml::from_str::<Entry>("as_of = 2024").is_err());
    }

    proptest! {
        #[test]
        fn as_of_order_agrees_with_first_day(x in any_date(), y in any_date(), xy in any::<bool>(), yy in any::<bool>()) {
            let pick = |date: Date, year_only: bool| if year_only { AsOf::Year(date.year()) } else { AsOf::Day(date) };
            let (p, q) = (pick(x, xy), pick(y, yy));
            if p.first_day() != q.first_day() {
                prop_assert_eq!(p.cmp(&q), p.first_day().cmp(&q.first_day()));
            }
            prop_assert_eq!(p.cmp(&q) == std::cmp::Ordering::Equal, p == q);
            prop_assert_eq!(p.to_string().parse::<AsOf>(), Ok(p));
            prop_assert!(p.first_day() <= x);
        }

        #[test]
        fn add_days_and_days_until_agree_with_chrono(date in any_date(), days in -40_000_i64..40_000) {
            let moved = date.add_days(days);
            let oracle = to_chrono(date) + chrono::Duration::days(days);
            prop_assert_eq!(to_chrono(moved), oracle);
            prop_assert_eq!(date.days_until(moved), days);
            prop_assert_eq!(from_chrono(to_chrono(date)), date);
        }

        #[test]
        fn add_months_agrees_with_chrono(date in any_date(), months in -1_200_i32..1_200) {
            let oracle = if months >= 0 {
                to_chrono(date).checked_add_months(Months::new(months.unsigned_abs()))
            } else {
                to_chrono(date).checked_sub_months(Months::new(months.unsigned_abs()))
            };
            prop_assert_eq!(Some(to_chrono(date.add_months(months))), oracle);
        }

        #[test]
        fn months_until_is_the_largest_fitting_month(start in any_date(), days in -3_000_i64..3_000) {
            let other = start.add_days(days);
            let k = start.months_until(other);
            let fits = |k: i32| {
                let moved = if k >= 0 {
                    to_chrono(start).checked_add_months(Months::new(k.unsigned_abs()))
                } else {
                    to_chrono(start).checked_sub_months(Months::new(k.unsigned_abs()))
                };
                moved.is_some_and(|m| m <= to_chrono(other))
            };
            prop_assert!(fits(k));
            prop_assert!(!fits(k + 1));
        }

        #[test]
        fn weekday_agrees_with_chrono(date in any_date()) {
            let oracle = to_chrono(date).weekday().num_days_from_monday();
            let ours = [Weekday::Mo, Weekday::Di, Weekday::Mi, Weekday::Do, Weekday::Fr, Weekday::Sa, Weekday::So]
                .iter()
                .position(|w| *w == date.weekday());
            prop_assert_eq!(ours, Some(oracle as usize));
        }
    }
}

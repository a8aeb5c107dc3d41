//! Dates, ages, age ranges, schedules, deadlines and names as messages: which words to say is
//! a rule of the core (tested here), how they read is the catalogue's (German in
//! public/lang/de.txt, the other languages beside it).
//!
//! Called by the app's pages and widgets (family page, offer details, visit mode, print view),
//! which render each [`Msg`] in the language shown.

use crate::age::{Age, Stage};
use crate::date::DateSpan;
use crate::deadline::{DeadlineStatus, DeadlineWhen, LateAction};
use crate::directory::{AgeRange, DueRule, Schedule, Weekday, WeeklySlot};
use crate::i18n::Msg;

/// A span of days: "am 21.11.2026" for one day, else "vom 21.11.2026 bis 20.12.2026".
pub fn date_span_in_words(span: DateSpan) -> Msg {
    if span.first == span.last {
        Msg::new("words.on_day").date("date", span.first)
    } else {
        Msg::new("words.from_to")
            .date("from", span.first)
            .date("to", span.last)
    }
}

/// Days from today to a date in words: "heute", "morgen", "in 5 Tagen", "gestern", "vor 3 Tagen".
pub fn days_left_in_words(days: i64) -> Msg {
    match days {
        0 => Msg::new("words.today"),
        1 => Msg::new("words.tomorrow"),
        -1 => Msg::new("words.yesterday"),
        n if n > 1 => Msg::new("words.in_days").num("n", n),
        n => Msg::new("words.days_ago").num("n", n.saturating_abs()),
    }
}

/// An offer's age range in words ([`age_range_in_words`]), or "Altersgruppe nicht angegeben" when
/// the source names none (`offer.age` is `None`).
pub fn age_range_in_words_opt(range: Option<AgeRange>) -> Msg {
    range.map_or_else(|| Msg::new("age.unknown"), age_range_in_words)
}

/// An offer's age range in words, e.g. "in der Schwangerschaft", "von 0 bis 12 Monaten",
/// "von 1 bis 3 Jahren", "von 6 Monaten bis unter 3 Jahren", "ab der Schwangerschaft bis 3 Jahre".
///
/// The numbers are completed months as in the data; an end of 23, 35, 47, … months reads as
/// "unter 2, 3, 4, … Jahren" (the child fits until the day before that birthday).
pub fn age_range_in_words(range: AgeRange) -> Msg {
    let (from, to) = (range.from_months, range.to_months);
    let months = |key, from: i32, to: i32| {
        Msg::new(key)
            .num("from", i64::from(from))
            .num("n", i64::from(to))
    };
    if from > to {
        return months("age.range_months", from, to);
    }
    if to < 0 {
        return match (from, to) {
            (-8..=-1, -1) => Msg::new("age.pregnancy_last_months").num("n", i64::from(-from)),
            _ => Msg::new("age.pregnancy"),
        };
    }
    let end = End::of(to);
    if from < 0 {
        return match end {
            End::Months(0) => Msg::new("age.pregnancy_to_first_month"),
            End::Months(m) => Msg::new("age.pregnancy_to_months").num("n", i64::from(m)),
            End::Years(y) => Msg::new("age.pregnancy_to_years").num("n", i64::from(y)),
            End::UnderYears(y) => Msg::new("age.pregnancy_to_under_years").num("n", i64::from(y)),
        };
    }
    if from == to {
        return match from {
            0 => Msg::new("age.first_month"),
            m if m % 12 == 0 => Msg::new("age.at_years").num("n", i64::from(m / 12)),
            m => Msg::new("age.at_months").num("n", i64::from(m)),
        };
    }
    match (end, from % 12 == 0) {
        (End::Months(m), _) => months("age.range_months", from, m),
        (End::Years(y), true) => months("age.range_years", from / 12, y),
        (End::UnderYears(y), true) => months("age.range_under_years", from / 12, y),
        (End::Years(y), false) => Msg::new("age.range_months_to_years")
            .msg("from", months_dative(from))
            .num("n", i64::from(y)),
        (End::UnderYears(y), false) => Msg::new("age.range_months_to_under_years")
            .msg("from", months_dative(from))
            .num("n", i64::from(y)),
    }
}

/// How the upper end of an age range reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    /// In months.
    Months(i32),
    /// In whole years (24, 36, … months).
    Years(i32),
    /// Just under whole years (23, 35, … months).
    UnderYears(i32),
}

impl End {
    fn of(to: i32) -> End {
        if to >= 24 && to % 12 == 0 {
            End::Years(to / 12)
        } else if to >= 23 && (to + 1) % 12 == 0 {
            End::UnderYears((to + 1) / 12)
        } else {
            End::Months(to)
        }
    }
}

fn months_dative(m: i32) -> Msg {
    Msg::new("age.months_dative").num("n", i64::from(m))
}

/// A child's age in words: "heute geboren", "5 Tage", "3 Wochen" (until 2 months), "5 Monate"
/// (until 2 years), "2 Jahre und 1 Monat", "in der 30. Schwangerschaftswoche",
/// "3 Tage nach dem Entbindungstermin".
pub fn age_in_words(age: &Age) -> Msg {
    let n = |key, value: i64| Msg::new(key).num("n", value);
    match age.stage {
        Stage::Pregnancy { week, .. } => {
            Msg::new("age.pregnancy_week").num("week", i64::from(week))
        }
        Stage::PastDueDate { days_past: 0 } => Msg::new("age.due_today"),
        Stage::PastDueDate { days_past } => n("age.past_due", days_past),
        Stage::Born { days: 0, .. } => Msg::new("age.born_today"),
        Stage::Born { days, .. } if days < 14 => n("age.days", days),
        Stage::Born { weeks, months, .. } if months < 2 => n("age.weeks", weeks),
        Stage::Born { months, .. } if months < 24 => n("age.months", i64::from(months)),
        Stage::Born { months, years, .. } => match months - 12 * years {
            0 => n("age.years", i64::from(years)),
            rest => Msg::new("age.years_and_months")
                .msg("years", n("age.years", i64::from(years)))
                .msg("months", n("age.months", i64::from(rest))),
        },
    }
}

/// The name of a weekday: "Montag".
pub fn weekday_name(day: Weekday) -> Msg {
    Msg::new(match day {
        Weekday::Mo => "weekday.mo",
        Weekday::Di => "weekday.di",
        Weekday::Mi => "weekday.mi",
        Weekday::Do => "weekday.do",
        Weekday::Fr => "weekday.fr",
        Weekday::Sa => "weekday.sa",
        Weekday::So => "weekday.so",
        Weekday::Unknown => "weekday.unknown",
    })
}

/// "Every such weekday" as an adverb: "montags".
pub fn weekday_adverb(day: Weekday) -> Msg {
    Msg::new(match day {
        Weekday::Mo => "weekday.every_mo",
        Weekday::Di => "weekday.every_di",
        Weekday::Mi => "weekday.every_mi",
        Weekday::Do => "weekday.every_do",
        Weekday::Fr => "weekday.every_fr",
        Weekday::Sa => "weekday.every_sa",
        Weekday::So => "weekday.every_so",
        Weekday::Unknown => "weekday.unknown",
    })
}

/// One weekly slot in words: "mittwochs 9:30–11:00 Uhr", "jeden 2. und 4. Montag 16:00–17:30 Uhr".
pub fn slot_in_words(slot: &WeeklySlot) -> Msg {
    let time = time_span(&slot.opens, &slot.closes);
    if slot.weeks_of_month.is_empty() {
        Msg::new("schedule.weekly")
            .list("days", vec![weekday_adverb(slot.day)])
            .msg("time", time)
    } else {
        let mut weeks = slot.weeks_of_month.clone();
        crate::sort::sort(&mut weeks);
        weeks.dedup();
        let weeks = weeks
            .iter()
            .map(|w| Msg::new("schedule.week_number").num("nth", i64::from(*w)))
            .collect();
        Msg::new("schedule.nth_weekday")
            .list("weeks", weeks)
            .msg("day", weekday_name(slot.day))
            .msg("time", time)
    }
}

/// One line of a schedule: the app's words, or the directory's own text as written (German).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScheduleLine {
    /// Weekly slots, or the note on times this version cannot read.
    Words(Msg),
    /// The schedule's free text from the data.
    DataText(String),
}

/// A schedule in lines: the weekly slots (every-week slots with the same times share a line:
/// "montags und mittwochs 9:30–11:00 Uhr"), then the data's free text, then a note when some
/// slot falls on a day this version does not know.
pub fn schedule_in_words(schedule: &Schedule) -> Vec<ScheduleLine> {
    let mut lines = Vec::new();
    // Slots on a day word this version does not know are left out, and said so, below.
    let mut used: Vec<bool> = schedule
        .weekly
        .iter()
        .map(|slot| slot.day == Weekday::Unknown)
        .collect();
    let unknown_days = used.iter().any(|unknown| *unknown);
    for (i, slot) in schedule.weekly.iter().enumerate() {
        if used[i] {
            continue;
        }
        if !slot.weeks_of_month.is_empty() {
            lines.push(ScheduleLine::Words(slot_in_words(slot)));
            continue;
        }
        let mut days = Vec::new();
        for (j, other) in schedule.weekly.iter().enumerate().skip(i) {
            if !used[j]
                && other.weeks_of_month.is_empty()
                && other.opens == slot.opens
                && other.closes == slot.closes
            {
                used[j] = true;
                days.push(other.day);
            }
        }
        crate::sort::sort(&mut days);
        days.dedup();
        lines.push(ScheduleLine::Words(
            Msg::new("schedule.weekly")
                .list("days", days.into_iter().map(weekday_adverb).collect())
                .msg("time", time_span(&slot.opens, &slot.closes)),
        ));
    }
    if let Some(text) = schedule
        .text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        lines.push(ScheduleLine::DataText(text.to_owned()));
    }
    if unknown_days {
        lines.push(ScheduleLine::Words(Msg::new("schedule.more_times")));
    }
    lines
}

/// "9:30–11:00 Uhr" from "09:30" and "11:00".
fn time_span(opens: &str, closes: &str) -> Msg {
    Msg::new("schedule.time")
        .ltr("opens", clock(opens))
        .ltr("closes", clock(closes))
}

/// "09:30" → "9:30"; anything not of the form HH:MM stays as written.
fn clock(time: &str) -> &str {
    let b = time.as_bytes();
    if b.len() == 5 && b[0] == b'0' && b[1].is_ascii_digit() && b[2] == b':' {
        &time[1..]
    } else {
        time
    }
}

/// How a deadline's date follows from the birth, in words: "innerhalb von 7 Tagen nach der Geburt",
/// "bis zum Ende des 3. Lebensmonats", "bis zum Ende des 6. Kalendermonats nach dem Geburtsmonat",
/// "bis 6 Monate nach der Geburt".
pub fn due_rule_in_words(due: DueRule) -> Msg {
    match due {
        DueRule::DaysAfterBirth(1) => Msg::new("due.day_after_birth"),
        DueRule::DaysAfterBirth(n) => Msg::new("due.days_after_birth").num("n", i64::from(n)),
        DueRule::EndOfLifeMonth(n) => Msg::new("due.end_of_life_month").num("nth", i64::from(n)),
        DueRule::EndOfCalendarMonthAfterBirth(n) => {
            Msg::new("due.end_of_calendar_month").num("nth", i64::from(n))
        }
        DueRule::MonthsAfterBirth(n) => Msg::new("due.months_after_birth").num("n", i64::from(n)),
    }
}

/// The `href` for a web address from the data: only a valid `https:` address, never anything
/// else a data file might hold (`javascript:`, `data:`, …).
pub fn web_href(url: &str) -> Option<&str> {
    crate::validation::https_url(url).ok().map(|()| url)
}

/// The `mailto:` link for an e-mail address from the data, when it is a valid address.
pub fn mailto_href(address: &str) -> Option<String> {
    crate::validation::email(address)
        .ok()
        .map(|()| format!("mailto:{address}"))
}

/// What applying today still brings after a deadline's date, as an action with its consequence:
/// "Jetzt beantragen: gezahlt wird dann ab 1. Juni 2026. Antrag bis 31.12.2026, sonst ab 1. Juli 2026."
pub fn late_action_in_words(action: LateAction) -> Msg {
    match action {
        LateAction::PaidFromLifeMonth {
            life_month,
            from,
            apply_by,
        } => Msg::new("late.paid_from_life_month")
            .date("apply_by", apply_by)
            .num("nth", i64::from(life_month))
            .date("from", from),
        LateAction::PaidFromMonth { from, apply_by } => Msg::new("late.paid_from_month")
            .long_date("from", from)
            .date("apply_by", apply_by)
            .long_date("later", from.add_months(1)),
        LateAction::StartFrom { from } => Msg::new("late.start_from").date("from", from),
    }
}

/// The line under a deadline's title: "bis 30.11.2026 (in 5 Tagen)", or once it has passed with a
/// late action "Die Frist war der 30.11.2026 – beantragen lohnt sich trotzdem."
pub fn deadline_when_in_words(when: DeadlineWhen, due: DueRule) -> Msg {
    match when {
        DeadlineWhen::AfterBirth => due_rule_in_words(due),
        DeadlineWhen::Late { date, .. } => Msg::new("deadline.late").date("date", date),
        DeadlineWhen::On {
            date,
            days_left,
            status,
        } => {
            let note = match status {
                DeadlineStatus::Passed => Msg::new("deadline.passed"),
                _ => days_left_in_words(days_left),
            };
            Msg::new("deadline.until")
                .date("date", date)
                .msg("note", note)
        }
    }
}

/// A phone number as written ("02551 69-2305", "+49 (0) 2551 69 23 05") as a tel: link
/// ("tel:+492551692305"); `None` when it is not a full German or international number.
///
/// Spaces, hyphens, slashes, dots and brackets are dropped, "(0)" after a country code too; a
/// leading "00" becomes "+", a leading single "0" becomes "+49".
pub fn phone_uri(text: &str) -> Option<String> {
    let text = text.trim().replace("(0)", "");
    let mut digits = String::with_capacity(text.len());
    let mut plus = false;
    for c in text.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if digits.is_empty() && !plus => plus = true,
            ' ' | '-' | '–' | '/' | '.' | '(' | ')' | '\u{a0}' | '\u{202f}' => {}
            _ => return None,
        }
    }
    let international = if plus {
        digits
    } else if let Some(rest) = digits.strip_prefix("00") {
        rest.to_owned()
    } else if let Some(rest) = digits.strip_prefix('0') {
        format!("49{rest}")
    } else {
        return None;
    };
    // A country code and at least a short subscriber number; E.164 allows 15 digits at most.
    if international.len() < 7 || international.len() > 15 || international.starts_with('0') {
        return None;
    }
    Some(format!("tel:+{international}"))
}

/// A help line's number as a tel: link: a full number as [`phone_uri`] makes it, a short number
/// ("112", "116 117") dialled as it is ("tel:112", "tel:116117"); `None` for anything else.
pub fn helpline_phone_uri(text: &str) -> Option<String> {
    phone_uri(text)
        .or_else(|| crate::validation::short_number(text).map(|digits| format!("tel:{digits}")))
}

/// A place in one line: "Familienzentrum „Bachpiraten“, Bendenweg 21a, Linnich"; only the
/// parts the data holds, empty when it holds none.
pub fn place_in_words(place: &crate::directory::Place) -> String {
    let address = &place.address;
    let town = match (&address.postcode, &address.city) {
        (Some(code), Some(city)) => Some(format!("{code} {city}")),
        (None, Some(city)) => Some(city.clone()),
        (Some(code), None) => Some(code.clone()),
        (None, None) => None,
    };
    [place.name.clone(), address.street.clone(), town]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod place_tests {
    use super::place_in_words;
    use crate::directory::{Address, Place};

    #[test]
    fn places_read_as_one_line_of_the_known_parts() {
        let mut place = Place {
            name: Some("Haus für Alle".into()),
            address: Address {
                street: Some("Wilhelmstr. 13".into()),
                postcode: None,
                city: Some("Düren".into()),
            },
            lat: None,
            lon: None,
        };
        assert_eq!(
            place_in_words(&place),
            "Haus für Alle, Wilhelmstr. 13, Düren"
        );
        place.address.postcode = Some("52349".into());
        place.name = None;
        assert_eq!(place_in_words(&place), "Wilhelmstr. 13, 52349 Düren");
        assert_eq!(place_in_words(&Place::default()), "");
    }
}

/// The name of a language given as an ISO 639-1 code ("tr" → "Türkisch"); an unknown code
/// stays as written.
pub fn language_name(code: &str) -> Msg {
    let key = match code {
        "de" => "language.de",
        "en" => "language.en",
        "tr" => "language.tr",
        "ar" => "language.ar",
        "ru" => "language.ru",
        "uk" => "language.uk",
        "pl" => "language.pl",
        "ro" => "language.ro",
        "bg" => "language.bg",
        "fa" => "language.fa",
        "ku" => "language.ku",
        "fr" => "language.fr",
        "es" => "language.es",
        "it" => "language.it",
        "el" => "language.el",
        "sq" => "language.sq",
        "sr" => "language.sr",
        "hr" => "language.hr",
        "ti" => "language.ti",
        "so" => "language.so",
        _ => return Msg::new("common.as_is").text("text", code),
    };
    Msg::new(key)
}

/// The name of an offer's category.
pub fn category_name(category: crate::directory::Category) -> Msg {
    use crate::directory::Category;
    Msg::new(match category {
        Category::Treffpunkt => "category.treffpunkt",
        Category::Beratung => "category.beratung",
        Category::Gesundheit => "category.gesundheit",
        Category::Familienbuero => "category.familienbuero",
        Category::Familienzentrum => "category.familienzentrum",
        Category::Bewegung => "category.bewegung",
        Category::Bildung => "category.bildung",
        Category::Sonstiges => "category.sonstiges",
        Category::Unknown => "category.unknown",
    })
}

/// Whether one has to register, in words.
pub fn registration_in_words(registration: crate::directory::Registration) -> Msg {
    use crate::directory::Registration;
    Msg::new(match registration {
        Registration::Yes => "registration.yes",
        Registration::No => "registration.no",
        Registration::Unknown => "registration.unknown",
    })
}

/// A check-up's status today in words, for its badge.
pub fn checkup_status_in_words(status: crate::checkup::CheckupStatus) -> Msg {
    use crate::checkup::CheckupStatus;
    Msg::new(match status {
        CheckupStatus::Upcoming => "checkup_status.upcoming",
        CheckupStatus::Early => "checkup_status.early",
        CheckupStatus::Due => "checkup_status.due",
        CheckupStatus::Overdue => "checkup_status.overdue",
        CheckupStatus::Past => "checkup_status.past",
    })
}

/// A file size: "812 Bytes", "4,6 KB", "1,2 MB" (the decimal sign is the language's; 1 KB =
/// 1024 bytes).
pub fn bytes_in_words(bytes: u64) -> Msg {
    // Tenths, rounded, in integers: no float formatting needed.
    let tenths = |unit: u64| (bytes.saturating_mul(10).saturating_add(unit / 2)) / unit;
    let decimal = |key, t: u64| {
        Msg::new(key)
            .num("whole", i64::try_from(t / 10).unwrap_or(i64::MAX))
            .num("tenth", i64::try_from(t % 10).unwrap_or(0))
    };
    if bytes < 1024 {
        Msg::new("bytes.bytes").num("n", i64::try_from(bytes).unwrap_or(0))
    } else if bytes < 1024 * 1024 {
        decimal("bytes.kb", tenths(1024))
    } else {
        decimal("bytes.mb", tenths(1024 * 1024))
    }
}

/// How a child is called on screen: its nickname, or "Ihr Kind" when it is the only child, or
/// "Kind 2" by its position (counting from 0) among `count` children.
pub fn child_label(nickname: Option<&str>, position: usize, count: usize) -> Msg {
    match nickname {
        Some(name) => Msg::new("common.as_is").text("text", name),
        None if count == 1 => Msg::new("child.only"),
        None => Msg::new("child.numbered")
            .num("number", i64::try_from(position + 1).unwrap_or(i64::MAX)),
    }
}

#[cfg(test)]
mod name_tests {
    use super::*;
    use crate::checkup::CheckupStatus;
    use crate::directory::{Category, Registration};
    use crate::i18n::in_german;

    #[test]
    fn languages_categories_registration_and_status_read_in_german() {
        assert_eq!(in_german(&language_name("tr")), "Türkisch");
        assert_eq!(in_german(&language_name("xx")), "xx");
        assert_eq!(
            in_german(&category_name(Category::Familienbuero)),
            "Familienbüro"
        );
        assert!(in_german(&registration_in_words(Registration::Unknown)).contains("nicht bekannt"));
        assert_eq!(
            in_german(&checkup_status_in_words(CheckupStatus::Overdue)),
            "überfällig – noch möglich"
        );
    }

    #[test]
    fn sizes_read_with_a_decimal_comma() {
        assert_eq!(in_german(&bytes_in_words(812)), "812 Bytes");
        assert_eq!(in_german(&bytes_in_words(4713)), "4,6 KB");
        assert_eq!(in_german(&bytes_in_words(1024)), "1,0 KB");
        assert_eq!(in_german(&bytes_in_words(1_258_291)), "1,2 MB");
    }

    #[test]
    fn children_are_named_by_nickname_or_position() {
        assert_eq!(in_german(&child_label(Some("Mia"), 0, 2)), "Mia");
        assert_eq!(in_german(&child_label(None, 0, 1)), "Ihr Kind");
        assert_eq!(in_german(&child_label(None, 1, 2)), "Kind 2");
    }
}

/// A link to the place on OpenStreetMap: by coordinates when known, else by street and town;
/// `None` when the data has neither (a town name alone would point nowhere useful).
pub fn map_url(place: &crate::directory::Place) -> Option<String> {
    if let (Some(lat), Some(lon)) = (place.lat, place.lon) {
        return Some(format!(
            "https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
        ));
    }
    let address = &place.address;
    (address.street.is_some() && address.city.is_some()).then(|| {
        let query: String = place_in_words(place)
            .bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                    (b as char).to_string()
                }
                b' ' => "+".to_owned(),
                _ => format!("%{b:02X}"),
            })
            .collect();
        format!("https://www.openstreetmap.org/search?query={query}")
    })
}

#[cfg(test)]
mod label_and_map_tests {
    use super::*;
    use crate::directory::{Address, Place};

    #[test]
    fn map_links_use_coordinates_or_an_encoded_address() {
        let mut place = Place {
            name: None,
            address: Address {
                street: Some("Severin-Böhr-Str.".into()),
                postcode: None,
                city: Some("Merzenich".into()),
            },
            lat: None,
            lon: None,
        };
        assert_eq!(
            map_url(&place).as_deref(),
            Some("https://www.openstreetmap.org/search?query=Severin-B%C3%B6hr-Str.%2C+Merzenich")
        );
        place.lat = Some(50.83);
        place.lon = Some(6.53);
        assert_eq!(
            map_url(&place).as_deref(),
            Some("https://www.openstreetmap.org/?mlat=50.83&mlon=6.53#map=17/50.83/6.53")
        );
        assert_eq!(
            map_url(&Place {
                address: Address {
                    city: Some("Merzenich".into()),
                    ..Address::default()
                },
                ..Place::default()
            }),
            None
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::age::{age_on, BirthInfo};
    use crate::date::Date;
    use crate::i18n::in_german;
    use crate::testdata::d;

    fn range(from: i32, to: i32) -> String {
        in_german(&age_range_in_words(AgeRange {
            from_months: from,
            to_months: to,
        }))
    }

    #[test]
    fn dates() {
        assert_eq!(
            in_german(&date_span_in_words(DateSpan {
                first: d("2026-05-03"),
                last: d("2026-05-03")
            })),
            "am 03.05.2026"
        );
        assert_eq!(
            in_german(&date_span_in_words(DateSpan {
                first: d("2026-11-21"),
                last: d("2026-12-20")
            })),
            "vom 21.11.2026 bis 20.12.2026"
        );
        assert_eq!(in_german(&days_left_in_words(0)), "heute");
        assert_eq!(in_german(&days_left_in_words(1)), "morgen");
        assert_eq!(in_german(&days_left_in_words(5)), "in 5 Tagen");
        assert_eq!(in_german(&days_left_in_words(-1)), "gestern");
        assert_eq!(in_german(&days_left_in_words(-3)), "vor 3 Tagen");
    }

    #[test]
    fn unknown_age_group_is_said_honestly() {
        assert_eq!(
            in_german(&age_range_in_words_opt(None)),
            "Altersgruppe nicht angegeben"
        );
        assert_eq!(
            in_german(&age_range_in_words_opt(Some(AgeRange {
                from_months: 12,
                to_months: 35
            }))),
            "von 1 bis unter 3 Jahren"
        );
    }

    #[test]
    fn age_ranges() {
        assert_eq!(range(-9, -1), "in der Schwangerschaft");
        assert_eq!(
            range(-3, -1),
            "in den letzten 3 Monaten der Schwangerschaft"
        );
        assert_eq!(range(-1, -1), "im letzten Monat der Schwangerschaft");
        assert_eq!(range(-9, -4), "in der Schwangerschaft");
        assert_eq!(range(0, 12), "von 0 bis 12 Monaten");
        assert_eq!(range(6, 18), "von 6 bis 18 Monaten");
        assert_eq!(range(12, 36), "von 1 bis 3 Jahren");
        assert_eq!(range(0, 36), "von 0 bis 3 Jahren");
        assert_eq!(range(12, 35), "von 1 bis unter 3 Jahren");
        assert_eq!(range(6, 36), "von 6 Monaten bis 3 Jahren");
        assert_eq!(range(1, 72), "von 1 Monat bis 6 Jahren");
        assert_eq!(range(0, 215), "von 0 bis unter 18 Jahren");
        assert_eq!(range(-9, 36), "ab der Schwangerschaft bis 3 Jahre");
        assert_eq!(range(-9, 12), "ab der Schwangerschaft bis 12 Monate");
        assert_eq!(range(-9, 1), "ab der Schwangerschaft bis 1 Monat");
        assert_eq!(range(-9, 35), "ab der Schwangerschaft bis unter 3 Jahren");
        assert_eq!(
            range(-9, 0),
            "ab der Schwangerschaft bis zum Ende des ersten Lebensmonats"
        );
        assert_eq!(range(0, 0), "im ersten Lebensmonat");
        assert_eq!(range(6, 6), "im Alter von 6 Monaten");
        assert_eq!(range(12, 12), "im Alter von 1 Jahr");
        assert_eq!(range(5, 2), "von 5 bis 2 Monaten");
    }

    #[test]
    fn ages() {
        let born = |birth: &str, today: &str| {
            in_german(&age_in_words(&age_on(BirthInfo::Born(d(birth)), d(today))))
        };
        assert_eq!(born("2026-05-03", "2026-05-03"), "heute geboren");
        assert_eq!(born("2026-05-03", "2026-05-04"), "1 Tag");
        assert_eq!(born("2026-05-03", "2026-05-08"), "5 Tage");
        assert_eq!(born("2026-05-03", "2026-05-24"), "3 Wochen");
        assert_eq!(born("2026-05-03", "2026-07-02"), "8 Wochen");
        assert_eq!(born("2026-05-03", "2026-07-03"), "2 Monate");
        assert_eq!(born("2026-05-03", "2026-10-10"), "5 Monate");
        assert_eq!(born("2026-05-03", "2028-05-02"), "23 Monate");
        assert_eq!(born("2026-05-03", "2028-05-03"), "2 Jahre");
        assert_eq!(born("2026-05-03", "2028-06-03"), "2 Jahre und 1 Monat");
        assert_eq!(born("2026-05-03", "2031-01-01"), "4 Jahre und 7 Monate");
        let due = |due: &str, today: &str| {
            in_german(&age_in_words(&age_on(
                BirthInfo::Expected(d(due)),
                d(today),
            )))
        };
        assert_eq!(
            due("2026-05-03", "2026-02-18"),
            "in der 30. Schwangerschaftswoche"
        );
        assert_eq!(
            due("2026-05-03", "2026-05-02"),
            "in der 40. Schwangerschaftswoche"
        );
        assert_eq!(
            due("2026-05-03", "2026-05-03"),
            "Entbindungstermin ist heute"
        );
        assert_eq!(
            due("2026-05-03", "2026-05-04"),
            "1 Tag nach dem Entbindungstermin"
        );
        assert_eq!(
            due("2026-05-03", "2026-05-06"),
            "3 Tage nach dem Entbindungstermin"
        );
    }

    fn lines(schedule: &Schedule) -> Vec<String> {
        schedule_in_words(schedule)
            .iter()
            .map(|line| match line {
                ScheduleLine::Words(msg) => in_german(msg),
                ScheduleLine::DataText(text) => format!("({text})"),
            })
            .collect()
    }

    fn slot(day: Weekday, opens: &str, closes: &str, weeks: &[u8]) -> WeeklySlot {
        WeeklySlot {
            day,
            opens: opens.to_owned(),
            closes: closes.to_owned(),
            weeks_of_month: weeks.to_vec(),
        }
    }

    #[test]
    fn schedules() {
        assert_eq!(
            in_german(&slot_in_words(&slot(Weekday::Mi, "09:30", "11:00", &[]))),
            "mittwochs 9:30–11:00 Uhr"
        );
        assert_eq!(
            in_german(&slot_in_words(&slot(
                Weekday::Mo,
                "16:00",
                "17:30",
                &[4, 2]
            ))),
            "jeden 2. und 4. Montag 16:00–17:30 Uhr"
        );
        assert_eq!(
            in_german(&slot_in_words(&slot(
                Weekday::Fr,
                "10:00",
                "12:00",
                &[1, 3, 5]
            ))),
            "jeden 1., 3. und 5. Freitag 10:00–12:00 Uhr"
        );
        let schedule = Schedule {
            weekly: vec![
                slot(Weekday::Mi, "09:30", "11:00", &[]),
                slot(Weekday::Di, "15:00", "16:00", &[1]),
                slot(Weekday::Mo, "09:30", "11:00", &[]),
                slot(Weekday::Fr, "09:30", "11:00", &[]),
                slot(Weekday::Do, "14:00", "16:00", &[]),
            ],
            text: Some(" in den Schulferien geschlossen ".to_owned()),
        };
        assert_eq!(
            lines(&schedule),
            vec![
                "montags, mittwochs und freitags 9:30–11:00 Uhr",
                "jeden 1. Dienstag 15:00–16:00 Uhr",
                "donnerstags 14:00–16:00 Uhr",
                "(in den Schulferien geschlossen)",
            ]
        );
        assert!(schedule_in_words(&Schedule::default()).is_empty());
    }

    #[test]
    fn deadlines() {
        assert_eq!(
            in_german(&due_rule_in_words(DueRule::DaysAfterBirth(7))),
            "innerhalb von 7 Tagen nach der Geburt"
        );
        assert_eq!(
            in_german(&due_rule_in_words(DueRule::EndOfLifeMonth(3))),
            "bis zum Ende des 3. Lebensmonats"
        );
        assert_eq!(
            in_german(&due_rule_in_words(DueRule::EndOfCalendarMonthAfterBirth(6))),
            "bis zum Ende des 6. Kalendermonats nach dem Geburtsmonat"
        );
        assert_eq!(
            in_german(&due_rule_in_words(DueRule::MonthsAfterBirth(6))),
            "bis 6 Monate nach der Geburt"
        );
    }

    #[test]
    fn phone_numbers() {
        let uri = |t: &str| phone_uri(t);
        assert_eq!(uri("02551 69-2305").as_deref(), Some("tel:+492551692305"));
        assert_eq!(uri("02551/69-2305").as_deref(), Some("tel:+492551692305"));
        assert_eq!(
            uri("+49 (0) 2551 69 23 05").as_deref(),
            Some("tel:+492551692305")
        );
        assert_eq!(uri("+49 2551 692305").as_deref(), Some("tel:+492551692305"));
        assert_eq!(
            uri("0049 2551 692305").as_deref(),
            Some("tel:+492551692305")
        );
        assert_eq!(uri("(02551) 69-2305").as_deref(), Some("tel:+492551692305"));
        assert_eq!(uri("0800 111 0 550").as_deref(), Some("tel:+498001110550"));
        assert_eq!(uri("+31 20 123 4567").as_deref(), Some("tel:+31201234567"));
        assert_eq!(uri("69-2305"), None);
        assert_eq!(uri("02551 69-2305 (Frau X)"), None);
        assert_eq!(uri(""), None);
        assert_eq!(uri("0"), None);
        assert_eq!(uri("++49 2551"), None);
    }

    #[test]
    fn helpline_numbers() {
        let uri = |t: &str| helpline_phone_uri(t);
        assert_eq!(uri("112").as_deref(), Some("tel:112"));
        assert_eq!(uri("116 117").as_deref(), Some("tel:116117"));
        assert_eq!(uri("22 8 33").as_deref(), Some("tel:22833"));
        assert_eq!(uri("0228 19240").as_deref(), Some("tel:+4922819240"));
        assert_eq!(uri("0800 00 22 8 33").as_deref(), Some("tel:+498000022833"));
        assert_eq!(uri("11"), None);
        assert_eq!(uri("1234567"), None);
        assert_eq!(uri("112 (Notruf)"), None);
    }

    #[test]
    fn late_actions_read_as_actions_with_their_consequence() {
        use crate::deadline::LateAction;
        let d = |t: &str| -> Date { t.parse().expect("date") };
        assert_eq!(in_german(&late_action_in_words(LateAction::PaidFromMonth {
                from: d("2026-06-01"),
                apply_by: d("2026-12-31")
            })),
            "Jetzt beantragen: Gezahlt wird dann ab 1. Juni 2026. Antrag bis 31.12.2026, sonst erst ab 1. Juli 2026."
        );
        assert_eq!(in_german(&late_action_in_words(LateAction::PaidFromLifeMonth {
                life_month: 4,
                from: d("2026-03-12"),
                apply_by: d("2026-07-11")
            })),
            "Jetzt beantragen: Bei Antrag in diesem Lebensmonat (bis 11.07.2026) gibt es das Geld noch ab dem 4. Lebensmonat (ab 12.03.2026)."
        );
        assert_eq!(
            in_german(&late_action_in_words(LateAction::StartFrom {
                from: d("2027-06-01")
            })),
            "Jetzt anmelden: ein Platz ab frühestens 01.06.2027."
        );
        assert_eq!(
            in_german(&deadline_when_in_words(
                crate::deadline::DeadlineWhen::Late {
                    date: d("2026-11-30"),
                    action: LateAction::StartFrom {
                        from: d("2027-06-01")
                    }
                },
                DueRule::MonthsAfterBirth(6)
            )),
            "Die Frist war der 30.11.2026 – es lohnt sich trotzdem noch."
        );
    }

    #[test]
    fn a_slot_on_an_unknown_day_is_left_out_and_said_so() {
        let slot = |day: Weekday| WeeklySlot {
            day,
            opens: "10:00".into(),
            closes: "12:00".into(),
            weeks_of_month: Vec::new(),
        };
        let schedule = Schedule {
            weekly: vec![slot(Weekday::Unknown), slot(Weekday::Mo)],
            text: None,
        };
        assert_eq!(
            lines(&schedule),
            [
                "montags 10:00–12:00 Uhr",
                "Weitere Zeiten: bitte beim Angebot nachfragen."
            ]
        );
    }

    #[test]
    fn only_https_and_valid_addresses_become_links() {
        assert_eq!(
            web_href("https://luenen.de/familie"),
            Some("https://luenen.de/familie")
        );
        assert_eq!(web_href("javascript:alert(1)"), None);
        assert_eq!(web_href("http://luenen.de"), None);
        assert_eq!(web_href("data:text/html,x"), None);
        assert_eq!(
            mailto_href("familienbuero@luenen.de").as_deref(),
            Some("mailto:familienbuero@luenen.de")
        );
        assert_eq!(mailto_href("x@y.de?subject=hi&body=javascript:"), None);
    }
}

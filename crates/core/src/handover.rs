//! The handover link a volunteer gives a family by QR code: town key and birth (or due) month only.
//!
//! Called by the app's visit page ("Besuchsmodus": [`handover_link`], then [`crate::qr::qr_svg`])
//! and by its start-up, which reads `location.search` with [`parse_handover`] and prefills the
//! onboarding form with [`Handover::prefill_date`]. The link carries no name and no exact day on
//! purpose: `?ort=05978024&geboren=2026-05` or `?ort=05978024&erwartet=2027-03`.

use crate::age::BirthInfo;
use crate::date::{AsOf, Date};
use crate::directory::Ags;
use crate::i18n::Msg;
use crate::profile::{is_nrw_ags, DUE_DATE_GRACE_DAYS};
use std::fmt;
use thiserror::Error;

/// The query parameter for the town key (AGS).
pub const PARAM_TOWN: &str = "ort";
/// The query parameter for the birth month of a born child.
pub const PARAM_BORN: &str = "geboren";
/// The query parameter for the due month of an expected child.
pub const PARAM_EXPECTED: &str = "erwartet";
/// The parameter naming the language the family's page was shown in.
pub const PARAM_LANGUAGE: &str = "sprache";

/// A calendar month such as 2026-05; shown as "2026-05".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: i32,
    month: u8,
}

impl YearMonth {
    /// The month of `year` and `month` (1-12), or `None` for a month outside 1-12.
    pub fn new(year: i32, month: u8) -> Option<YearMonth> {
        (1..=12)
            .contains(&month)
            .then_some(YearMonth { year, month })
    }

    /// The month a date lies in.
    pub fn of(date: Date) -> YearMonth {
        YearMonth {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The first day of the month.
    pub fn first_day(self) -> Date {
        AsOf::Year(self.year)
            .first_day()
            .add_months(i32::from(self.month) - 1)
    }

    /// The last day of the month.
    pub fn last_day(self) -> Date {
        self.first_day().last_of_month()
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// What a handover link tells: the town and the birth or due month.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Handover {
    /// The family's town (AGS, 8 digits, "05…").
    pub town: Ags,
    /// The birth month, or the due month when `expected`.
    pub month: YearMonth,
    /// Whether the child is expected (`month` is the due month) rather than born.
    pub expected: bool,
    /// The language the family's page was shown in ("ar"), when the link names a valid code.
    pub language: Option<String>,
}

/// Why a handover link cannot be read; each text speaks to the parent who opened it.
///
/// No text repeats anything taken from the link: anyone can make a link, so its values could
/// be made to read like a message from the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum HandoverError {
    /// The `ort` value is not 8 digits starting with "05".
    #[error("no NRW town in the link")]
    BadTown,
    /// A month value is not of the form YYYY-MM with a month from 01 to 12.
    #[error("no valid month in the link")]
    BadMonth,
    /// Both `geboren` and `erwartet` are present.
    #[error("both a birth and a due month in the link")]
    BothMonths,
    /// Neither `geboren` nor `erwartet` is present.
    #[error("neither a birth nor a due month in the link")]
    NoMonth,
    /// One of the link's parameters appears more than once; the parameter's name (one of the
    /// app's own constants, never text from the link).
    #[error("`{0}` more than once in the link")]
    Repeated(&'static str),
    /// A value has broken percent-encoding (a "%" without two hex digits, or no UTF-8 text).
    #[error("broken percent-encoding in the link")]
    Encoding,
}

impl HandoverError {
    /// What the parent who opened the link reads.
    pub fn message(&self) -> Msg {
        match self {
            HandoverError::BadTown => Msg::new("handover_error.bad_town"),
            HandoverError::BadMonth => Msg::new("handover_error.bad_month"),
            HandoverError::BothMonths => Msg::new("handover_error.both_months"),
            HandoverError::NoMonth => Msg::new("handover_error.no_month"),
            HandoverError::Repeated(name) => Msg::new("handover_error.repeated").ltr("name", *name),
            HandoverError::Encoding => Msg::new("handover_error.encoding"),
        }
    }
}

/// The query of a handover link: "?ort=05978024&geboren=2026-05" or "?ort=…&erwartet=2027-03".
///
/// Only the month of the birth or due date goes in; the day is dropped on purpose.
///
/// A `language` other than German adds `&sprache=<code>`, so that the family's phone opens in
/// the language the family's page was shown in.
pub fn handover_query(town: &str, birth: BirthInfo, language: Option<&str>) -> String {
    let (param, date) = match birth {
        BirthInfo::Born(date) => (PARAM_BORN, date),
        BirthInfo::Expected(date) => (PARAM_EXPECTED, date),
    };
    let language = language
        .filter(|code| *code != "de" && is_language_code(code))
        .map(|code| format!("&{PARAM_LANGUAGE}={code}"))
        .unwrap_or_default();
    format!(
        "?{PARAM_TOWN}={}&{param}={}{language}",
        percent_encode(town),
        YearMonth::of(date)
    )
}

/// Two or three small letters ("tr", "ar"): the only language value a link may carry.
fn is_language_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

/// The whole handover link: `origin` (e.g. "https://kekiz.example") + "/" + [`handover_query`].
pub fn handover_link(origin: &str, town: &str, birth: BirthInfo, language: Option<&str>) -> String {
    format!(
        "{}/{}",
        origin.trim_end_matches('/'),
        handover_query(town, birth, language)
    )
}

/// Reads a handover from `location.search` (with or without the leading "?").
///
/// `Ok(None)` when there is no `ort` parameter (a normal visit); other parameters are ignored.
pub fn parse_handover(query: &str) -> Result<Option<Handover>, HandoverError> {
    let query = query.strip_prefix('?').unwrap_or(query);
    let (mut town, mut born, mut expected, mut language) = (None, None, None, None);
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        // A key that does not decode cannot be one of ours: it is someone else's parameter.
        let Ok(key) = percent_decode(raw_key) else {
            continue;
        };
        let (slot, name) = match key.as_str() {
            PARAM_TOWN => (&mut town, PARAM_TOWN),
            PARAM_BORN => (&mut born, PARAM_BORN),
            PARAM_EXPECTED => (&mut expected, PARAM_EXPECTED),
            PARAM_LANGUAGE => (&mut language, PARAM_LANGUAGE),
            _ => continue,
        };
        if slot.is_some() {
            return Err(HandoverError::Repeated(name));
        }
        *slot = Some(percent_decode(raw_value)?);
    }
    let Some(town) = town else {
        return Ok(None);
    };
    if !is_nrw_ags(&town) {
        return Err(HandoverError::BadTown);
    }
    let town: Ags = town.parse().map_err(|_| HandoverError::BadTown)?;
    let (month, expected) = match (born, expected) {
        (Some(month), None) => (parse_month(&month)?, false),
        (None, Some(month)) => (parse_month(&month)?, true),
        (Some(_), Some(_)) => return Err(HandoverError::BothMonths),
        (None, None) => return Err(HandoverError::NoMonth),
    };
    Ok(Some(Handover {
        town,
        month,
        expected,
        // A language the link cannot name correctly is ignored: the page is then German.
        language: language.filter(|code| is_language_code(code)),
    }))
}

impl Handover {
    /// The date the onboarding form is prefilled with: the first day of the month (the family
    /// confirms or corrects the day).
    pub fn prefill_date(&self) -> Date {
        self.month.first_day()
    }

    /// The prefilled birth information: born or expected on [`Handover::prefill_date`].
    pub fn prefill_birth(&self) -> BirthInfo {
        if self.expected {
            BirthInfo::Expected(self.prefill_date())
        } else {
            BirthInfo::Born(self.prefill_date())
        }
    }

    /// Whether the month fits `today`: some day of it would pass the onboarding check
    /// ([`crate::profile::validate_child_input`]).
    ///
    /// Born: the month is not after today's month, and not 18 years or more ago. Expected: the
    /// month is not more than 10 months ahead, and did not end more than
    /// [`DUE_DATE_GRACE_DAYS`] days ago.
    pub fn is_plausible(&self, today: Date) -> bool {
        let (first, last) = (self.month.first_day(), self.month.last_day());
        if self.expected {
            first <= today.add_months(10) && today.days_until(last) >= -DUE_DATE_GRACE_DAYS
        } else {
            first <= today && last.add_years(18) > today
        }
    }
}

/// A month value "YYYY-MM" with a month from 01 to 12.
fn parse_month(text: &str) -> Result<YearMonth, HandoverError> {
    let bytes = text.as_bytes();
    let well_formed = bytes.len() == 7
        && bytes[4] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || b.is_ascii_digit());
    let month = well_formed
        .then(|| {
            let year = text[..4].parse::<i32>().ok()?;
            let month = text[5..].parse::<u8>().ok()?;
            YearMonth::new(year, month)
        })
        .flatten();
    month.ok_or(HandoverError::BadMonth)
}

/// Percent-encodes everything but the URI's unreserved characters (A-Z a-z 0-9 - . _ ~).
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes "%XX" escapes and "+" (a space in a form-encoded query); the result must be UTF-8.
fn percent_decode(text: &str) -> Result<String, HandoverError> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = |at: usize| {
                    bytes
                        .get(at)
                        .and_then(|&b| char::from(b).to_digit(16))
                        .ok_or(HandoverError::Encoding)
                };
                let value = hex(i + 1)? * 16 + hex(i + 2)?;
                out.push(u8::try_from(value).map_err(|_| HandoverError::Encoding)?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_err(|_| HandoverError::Encoding)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata::d;
    use proptest::prelude::*;

    fn handover(town: &str, month: &str, expected: bool) -> Handover {
        Handover {
            town: town.parse().expect("test town"),
            month: parse_month(month).expect("test month"),
            expected,
            language: None,
        }
    }

    #[test]
    fn the_link_may_carry_a_language_code_and_nothing_else() {
        let born = BirthInfo::Born(d("2026-05-03"));
        let query = handover_query("05978024", born, Some("ar"));
        assert_eq!(query, "?ort=05978024&geboren=2026-05&sprache=ar");
        let parsed = parse_handover(&query).expect("valid").expect("a handover");
        assert_eq!(parsed.language.as_deref(), Some("ar"));
        // German is the default and adds nothing; a value that is no code is never written or read.
        assert_eq!(
            handover_query("05978024", born, Some("de")),
            "?ort=05978024&geboren=2026-05"
        );
        assert_eq!(
            handover_query("05978024", born, Some("<x>")),
            "?ort=05978024&geboren=2026-05"
        );
        let odd = parse_handover("?ort=05978024&geboren=2026-05&sprache=Ruf%20an")
            .expect("still a handover")
            .expect("a handover");
        assert_eq!(odd.language, None);
    }

    #[test]
    fn query_and_link_for_a_born_and_an_expected_child() {
        let born = BirthInfo::Born(d("2026-05-03"));
        let expected = BirthInfo::Expected(d("2027-03-28"));
        assert_eq!(
            handover_query("05978024", born, None),
            "?ort=05978024&geboren=2026-05"
        );
        assert_eq!(
            handover_query("05978024", expected, None),
            "?ort=05978024&erwartet=2027-03"
        );
        assert_eq!(
            handover_link("https://kekiz.example", "05978024", born, None),
            "https://kekiz.example/?ort=05978024&geboren=2026-05"
        );
        assert_eq!(
            handover_link("https://kekiz.example/", "05978024", expected, None),
            "https://kekiz.example/?ort=05978024&erwartet=2027-03"
        );
    }

    #[test]
    fn round_trip_born_and_expected() {
        let born = BirthInfo::Born(d("2026-05-03"));
        let parsed = parse_handover(&handover_query("05978024", born, None)).expect("valid");
        assert_eq!(parsed, Some(handover("05978024", "2026-05", false)));
        let parsed = parsed.expect("a handover");
        assert_eq!(parsed.prefill_date(), d("2026-05-01"));
        assert_eq!(parsed.prefill_birth(), BirthInfo::Born(d("2026-05-01")));
        assert_eq!(parsed.month.to_string(), "2026-05");

        let expected = BirthInfo::Expected(d("2027-12-31"));
        let parsed = parse_handover(&handover_query("05566012", expected, None)).expect("valid");
        assert_eq!(parsed, Some(handover("05566012", "2027-12", true)));
        let parsed = parsed.expect("a handover");
        assert_eq!(parsed.prefill_date(), d("2027-12-01"));
        assert_eq!(parsed.prefill_birth(), BirthInfo::Expected(d("2027-12-01")));
    }

    #[test]
    fn leading_question_mark_is_optional_and_other_parameters_are_ignored() {
        let want = Some(handover("05978024", "2026-05", false));
        assert_eq!(
            parse_handover("ort=05978024&geboren=2026-05"),
            Ok(want.clone())
        );
        assert_eq!(
            parse_handover("?utm_source=flyer&geboren=2026-05&&x&ort=05978024&lang=tr"),
            Ok(want.clone())
        );
        // Percent-encoded keys and values decode; an undecodable foreign key is skipped.
        assert_eq!(
            parse_handover("?%6Frt=05978024&geboren=2026%2D05&x%zz=1"),
            Ok(want)
        );
    }

    #[test]
    fn no_town_is_a_normal_visit() {
        assert_eq!(parse_handover(""), Ok(None));
        assert_eq!(parse_handover("?"), Ok(None));
        assert_eq!(parse_handover("?lang=de"), Ok(None));
        assert_eq!(parse_handover("?geboren=2026-05"), Ok(None));
        assert_eq!(parse_handover("?orte=05978024&geboren=2026-05"), Ok(None));
    }

    #[test]
    fn each_error() {
        use HandoverError::*;
        for town in ["", "09162000", "0597802", "0597802x", "05978024+"] {
            assert_eq!(
                parse_handover(&format!("?ort={town}&geboren=2026-05")),
                Err(BadTown),
                "{town}"
            );
        }

        for month in [
            "2026-13",
            "2026-00",
            "2026-5",
            "26-05",
            "2026-05-03",
            "2026_05",
            "",
            "+026-05",
        ] {
            assert_eq!(
                parse_handover(&format!("?ort=05978024&geboren={month}")),
                Err(BadMonth),
                "{month}"
            );
        }
        assert_eq!(
            parse_handover("?ort=05978024&erwartet=2027-1a"),
            Err(BadMonth)
        );

        assert_eq!(
            parse_handover("?ort=05978024&geboren=2026-05&erwartet=2027-03"),
            Err(BothMonths)
        );
        assert_eq!(parse_handover("?ort=05978024"), Err(NoMonth));
        assert_eq!(
            parse_handover("?ort=05978024&geboren=2026-05&ort=05566012"),
            Err(Repeated("ort"))
        );
        assert_eq!(
            parse_handover("?ort=05978024&geboren=2026-05&geboren=2026-06"),
            Err(Repeated("geboren"))
        );

        for garbage in ["%", "%4", "%zz", "05978024%", "%FF%FE"] {
            assert_eq!(
                parse_handover(&format!("?ort={garbage}&geboren=2026-05")),
                Err(Encoding),
                "{garbage}"
            );
        }
        assert_eq!(
            parse_handover("?ort=05978024&erwartet=2027-0%"),
            Err(Encoding)
        );
    }

    #[test]
    fn errors_speak_german() {
        assert_eq!(
            crate::i18n::in_german(&HandoverError::BadTown.message()),
            "Der Link nennt keinen Wohnort in NRW. Bitte wählen Sie Ihren Wohnort selbst aus."
        );
        assert!(crate::i18n::in_german(&HandoverError::NoMonth.message()).contains("Geburtsmonat"));
    }

    /// Text a hostile link might carry, to be found in no error message.
    const MARKER: &str = "XSS-MARKER-7f3a";

    /// Every error message, for the marker check.
    const EVERY_ERROR: [HandoverError; 6] = [
        HandoverError::BadTown,
        HandoverError::BadMonth,
        HandoverError::BothMonths,
        HandoverError::NoMonth,
        HandoverError::Repeated(PARAM_TOWN),
        HandoverError::Encoding,
    ];

    #[test]
    fn no_error_repeats_text_from_the_link() {
        let fake = format!("Bitte rufen Sie 0900 an {MARKER}");
        let encoded = percent_encode(&fake);
        let queries = [
            format!("?ort={MARKER}&geboren=2026-05"),
            format!("?ort={encoded}&geboren=2026-05"),
            format!("?ort=05978024&geboren={MARKER}"),
            format!("?ort=05978024&erwartet={encoded}"),
            format!("?ort=05978024&geboren=2026-05&erwartet={MARKER}"),
            format!("?ort=05978024&{MARKER}=1"),
            format!("?ort=05978024&geboren=2026-05&geboren={MARKER}"),
            format!("?ort=05978024&ort={MARKER}"),
            format!("?ort={MARKER}%&geboren=2026-05"),
            format!("?ort=05978024&geboren={MARKER}%FF"),
            format!("?ort={MARKER}"),
            format!("?ort=05978024{MARKER}&geboren=2026-05{MARKER}"),
        ];
        let mut errors = Vec::new();
        for query in &queries {
            match parse_handover(query) {
                Err(error) => errors.push(error),
                Ok(parsed) => panic!("{query} parsed as {parsed:?}"),
            }
        }
        for error in errors.iter().chain(&EVERY_ERROR) {
            let message = error.to_string();
            assert!(!message.contains(MARKER), "{message}");
            assert!(!message.contains("0900"), "{message}");
        }
    }

    #[test]
    fn plausible_months() {
        let today = d("2026-05-20");
        let born = |m: &str| handover("05978024", m, false).is_plausible(today);
        let expected = |m: &str| handover("05978024", m, true).is_plausible(today);
        // Born: up to this month, back to the month of the 18th birthday.
        assert!(born("2026-05"));
        assert!(!born("2026-06"));
        assert!(
            born("2008-05"),
            "born 31 May 2008 is still 17 on 20 May 2026"
        );
        assert!(!born("2008-04"));
        // Expected: up to 10 months ahead; back to a month that ended at most 14 days ago.
        assert!(expected("2027-03"));
        assert!(!expected("2027-04"));
        assert!(expected("2026-05"));
        assert!(!expected("2026-04"), "April ended 20 days before 20 May");
        assert!(handover("05978024", "2026-04", true).is_plausible(d("2026-05-14")));
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (-40_000_i64..60_000).prop_map(Date::from_days_since_epoch)
    }

    proptest! {
        #[test]
        fn the_query_never_holds_the_day(date in any_date(), expected in any::<bool>()) {
            prop_assume!((1000..=9999).contains(&date.year()));
            let birth = if expected { BirthInfo::Expected(date) } else { BirthInfo::Born(date) };
            let query = handover_query("05978024", birth, None);
            prop_assert!(!query.contains(&date.to_string()));
            prop_assert!(!query.contains(&date.german()));
            let parsed = parse_handover(&query).expect("own query parses").expect("has a town");
            prop_assert_eq!(parsed.month, YearMonth::of(date));
            prop_assert_eq!(parsed.expected, expected);
            prop_assert_eq!(parsed.town.as_str(), "05978024");
            prop_assert_eq!(parsed.prefill_date(), date.first_of_month());
        }

        #[test]
        fn parsing_never_panics(text in ".{0,60}") {
            let _ = parse_handover(&text);
        }

        #[test]
        fn no_message_holds_text_from_the_link(
            before in "[a-z=&%0-9?+-]{0,20}",
            after in "[a-z=&%0-9?+-]{0,20}",
        ) {
            let query = format!("{before}{MARKER}{after}");
            if let Err(error) = parse_handover(&query) {
                prop_assert!(!error.to_string().contains(MARKER));
            }
        }
    }
}

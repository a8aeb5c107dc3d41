//! Pure field validators for directory entries: phone, e-mail, web address, AGS, ids, ages, times.
//!
//! Called by the data editors' tool (`kekiz-data validate`) for every field it reads, and open to
//! the app for anything a person types. Each check returns a [`FieldError`] whose text says in
//! plain words what is wrong and how the value should look.

use crate::directory::AgeRange;
use thiserror::Error;

/// Earliest month an age range may start: ten months before the due date.
pub const MIN_AGE_MONTHS: i32 = -10;

/// Latest month an age range may end: the 18th birthday (216 completed months).
pub const MAX_AGE_MONTHS: i32 = 216;

/// Why a field's value is not acceptable; the text is meant for the person who wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FieldError {
    /// The value is empty or only blanks.
    #[error("the value is empty; leave the field out when it is unknown")]
    Empty,
    /// The value starts or ends with blanks.
    #[error("the value starts or ends with a blank; remove it")]
    Untrimmed,
    /// A phone number contains a character other than digits and the usual separators.
    #[error("the phone number contains \"{0}\"; use only digits, blanks, \"-\", \"/\", \"(\", \")\" and a leading \"+\"")]
    PhoneCharacter(char),
    /// A phone number does not start with an area code or a country code.
    #[error(
        "a phone number starts with 0 (area code) or + (country code), e.g. \"02551 69-2305\""
    )]
    PhoneStart,
    /// A phone number has too few or too many digits.
    #[error("a phone number has 6 to 15 digits; this one has {0}")]
    PhoneLength(usize),
    /// A help line's number that is neither a full number nor a short number.
    #[error("\"{0}\" is neither a full phone number starting with 0 (area code) or + (country code), e.g. \"0228 19240\", nor a short number of 3 to 6 digits, e.g. \"112\" or \"116 117\"")]
    HelplineNumber(String),
    /// Not of the form name@domain.tld.
    #[error("\"{0}\" is not an e-mail address of the form name@beispiel.de")]
    Email(String),
    /// A web address that does not start with https://.
    #[error("a web address must start with https:// (http and other schemes are not accepted)")]
    UrlScheme,
    /// A web address whose host is missing or malformed.
    #[error("\"{0}\" is not a web address of the form https://www.beispiel.de/seite")]
    UrlHost(String),
    /// A web address containing blanks or control characters.
    #[error("a web address must not contain blanks")]
    UrlBlank,
    /// Not 8 digits.
    #[error("\"{0}\" is not a municipality key (AGS): it has exactly 8 digits, e.g. \"05566012\"")]
    AgsFormat(String),
    /// 8 digits, but not an NRW key.
    #[error("\"{0}\" is not an NRW municipality key: NRW keys start with 05")]
    AgsNotNrw(String),
    /// An id with characters other than a-z, 0-9 and single hyphens inside.
    #[error("\"{0}\" is not a valid id: use lower-case letters a-z, digits and single hyphens inside (write ä, ö, ü, ß as ae, oe, ue, ss), e.g. \"kreis-steinfurt\"")]
    IdSyntax(String),
    /// An id that is too long to be practical.
    #[error("the id is {0} characters long; keep it to at most 80")]
    IdLength(usize),
    /// `from` is greater than `to`.
    #[error("the age range is reversed (from {from} to {to} months)")]
    AgeReversed {
        /// First month given.
        from: i32,
        /// Last month given.
        to: i32,
    },
    /// A month outside the range the app can show.
    #[error("month {0} is impossible here: ages run from -10 (ten months before the due date) to 216 (the 18th birthday)")]
    AgeOutOfRange(i32),
    /// Not a time of day "HH:MM".
    #[error("\"{0}\" is not a time of day: write HH:MM between 00:00 and 23:59, e.g. \"09:30\"")]
    Time(String),
    /// Closing time not after opening time.
    #[error("the slot opens at {opens} but closes at {closes}; the closing time must come later")]
    OpensAfterCloses {
        /// Opening time as written.
        opens: String,
        /// Closing time as written.
        closes: String,
    },
    /// A week of the month outside 1-5.
    #[error("week {0} of the month does not exist: use 1 to 5")]
    WeekOfMonth(u8),
    /// Not a German postcode.
    #[error("\"{0}\" is not a postcode: it has exactly 5 digits, e.g. \"48565\"")]
    Postcode(String),
    /// Not an ISO 639-1 language code.
    #[error("\"{0}\" is not a language code: use two lower-case letters (ISO 639-1), e.g. \"de\", \"tr\", \"ar\"")]
    Language(String),
}

/// Rejects empty text and text with leading or trailing blanks.
pub fn text(value: &str) -> Result<(), FieldError> {
    if value.trim().is_empty() {
        Err(FieldError::Empty)
    } else if value.trim() != value {
        Err(FieldError::Untrimmed)
    } else {
        Ok(())
    }
}

/// Checks a phone number as people write it in Germany: "02551 69-2305", "+49 2551 692305".
pub fn phone(value: &str) -> Result<(), FieldError> {
    text(value)?;
    for (i, c) in value.chars().enumerate() {
        let allowed =
            c.is_ascii_digit() || matches!(c, ' ' | '-' | '/' | '(' | ')') || (c == '+' && i == 0);
        if !allowed {
            return Err(FieldError::PhoneCharacter(c));
        }
    }
    let first_digit_or_plus = value.chars().find(|c| *c != '(');
    if !matches!(first_digit_or_plus, Some('0') | Some('+')) {
        return Err(FieldError::PhoneStart);
    }
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if !(6..=15).contains(&digits) {
        return Err(FieldError::PhoneLength(digits));
    }
    Ok(())
}

/// The digits of a short number as written ("112", "116 117", "22 8 33"): 3 to 6 digits, blanks
/// between them allowed, no leading 0; `None` for anything else. Only statewide help lines have
/// short numbers: an office's local number without area code is never one.
pub fn short_number(value: &str) -> Option<String> {
    let value = value.trim();
    if !value.chars().all(|c| c.is_ascii_digit() || c == ' ') {
        return None;
    }
    let digits: String = value.chars().filter(char::is_ascii_digit).collect();
    let fits = (3..=6).contains(&digits.len()) && !digits.starts_with('0');
    fits.then_some(digits)
}

/// Checks a help line's number: a full number as [`phone`] accepts it, or a short number (see
/// [`short_number`]) such as "112" or "116 117".
pub fn helpline_phone(value: &str) -> Result<(), FieldError> {
    text(value)?;
    if short_number(value).is_some() {
        return Ok(());
    }
    match phone(value) {
        Err(FieldError::PhoneStart) => Err(FieldError::HelplineNumber(value.to_owned())),
        other => other,
    }
}

/// Checks an e-mail address: one "@", a plain local part, a domain with a dot and a top-level name.
pub fn email(value: &str) -> Result<(), FieldError> {
    text(value)?;
    let bad = || FieldError::Email(value.to_owned());
    let (local, domain) = value.split_once('@').ok_or_else(bad)?;
    let local_ok = !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c));
    if !local_ok || !domain_name(domain) {
        return Err(bad());
    }
    Ok(())
}

/// Checks a web address: `https://`, a host name with a dot, optionally a port, path, query.
pub fn https_url(value: &str) -> Result<(), FieldError> {
    text(value)?;
    if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(FieldError::UrlBlank);
    }
    let rest = value
        .strip_prefix("https://")
        .ok_or(FieldError::UrlScheme)?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if !port.is_empty() && port.chars().all(|c| c.is_ascii_digit()) => host,
        Some(_) => return Err(FieldError::UrlHost(value.to_owned())),
        None => authority,
    };
    if authority.contains('@') || !domain_name(host) {
        return Err(FieldError::UrlHost(value.to_owned()));
    }
    Ok(())
}

/// Whether `host` is a domain name of at least two labels, letters/digits/hyphens (umlauts allowed).
fn domain_name(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic))
}

/// Checks an official municipality key of NRW: 8 digits starting with "05".
pub fn ags(value: &str) -> Result<(), FieldError> {
    if value.len() != 8 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(FieldError::AgsFormat(value.to_owned()));
    }
    if !value.starts_with("05") {
        return Err(FieldError::AgsNotNrw(value.to_owned()));
    }
    Ok(())
}

/// Checks the syntax of an id: lower-case ASCII letters and digits, words joined by single hyphens.
fn id(value: &str) -> Result<(), FieldError> {
    let syntax_ok = !value.is_empty()
        && value.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if !syntax_ok {
        return Err(FieldError::IdSyntax(value.to_owned()));
    }
    if value.len() > 80 {
        return Err(FieldError::IdLength(value.len()));
    }
    Ok(())
}

/// Checks a youth office id such as "kreis-steinfurt" or "stadt-luenen".
pub fn office_id(value: &str) -> Result<(), FieldError> {
    id(value)
}

/// Checks an offer id such as "dueren-schnullercafe-linnich".
pub fn offer_id(value: &str) -> Result<(), FieldError> {
    id(value)
}

/// Checks an age range in completed months: both ends within -10..=216, `from` not after `to`.
pub fn age_range(range: &AgeRange) -> Result<(), FieldError> {
    for month in [range.from_months, range.to_months] {
        if !(MIN_AGE_MONTHS..=MAX_AGE_MONTHS).contains(&month) {
            return Err(FieldError::AgeOutOfRange(month));
        }
    }
    if range.from_months > range.to_months {
        return Err(FieldError::AgeReversed {
            from: range.from_months,
            to: range.to_months,
        });
    }
    Ok(())
}

/// Parses a time of day "HH:MM" (00:00 to 23:59) into minutes after midnight.
pub fn time_of_day(value: &str) -> Result<u16, FieldError> {
    let bad = || FieldError::Time(value.to_owned());
    let bytes = value.as_bytes();
    if bytes.len() != 5 || bytes[2] != b':' {
        return Err(bad());
    }
    let (hours, minutes) = (&value[..2], &value[3..]);
    if !hours
        .bytes()
        .chain(minutes.bytes())
        .all(|b| b.is_ascii_digit())
    {
        return Err(bad());
    }
    let hours: u16 = hours.parse().map_err(|_| bad())?;
    let minutes: u16 = minutes.parse().map_err(|_| bad())?;
    if hours > 23 || minutes > 59 {
        return Err(bad());
    }
    Ok(hours * 60 + minutes)
}

/// Checks a weekly slot's times: both valid, closing after opening.
pub fn opening_hours(opens: &str, closes: &str) -> Result<(), FieldError> {
    let start = time_of_day(opens)?;
    let end = time_of_day(closes)?;
    if end <= start {
        return Err(FieldError::OpensAfterCloses {
            opens: opens.to_owned(),
            closes: closes.to_owned(),
        });
    }
    Ok(())
}

/// Checks a week of the month for "only the 2nd and 4th Monday" slots: 1 to 5.
pub fn week_of_month(week: u8) -> Result<(), FieldError> {
    if (1..=5).contains(&week) {
        Ok(())
    } else {
        Err(FieldError::WeekOfMonth(week))
    }
}

/// Checks a German postcode: exactly 5 digits.
pub fn postcode(value: &str) -> Result<(), FieldError> {
    if value.len() == 5 && value.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(FieldError::Postcode(value.to_owned()))
    }
}

/// Checks a language code: two lower-case ASCII letters (ISO 639-1).
pub fn language(value: &str) -> Result<(), FieldError> {
    if value.len() == 2 && value.bytes().all(|b| b.is_ascii_lowercase()) {
        Ok(())
    } else {
        Err(FieldError::Language(value.to_owned()))
    }
}

/// Defines a text that is checked when it is made, and so when it is deserialised: the app and
/// the data tool share one rule, and no unchecked value reaches a link or a lookup.
macro_rules! checked_text {
    ($(#[$doc:meta])* $name:ident, $check:path) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// The checked text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = FieldError;
            fn try_from(value: String) -> Result<Self, FieldError> {
                $check(&value)?;
                Ok(Self(value))
            }
        }

        impl std::str::FromStr for $name {
            type Err = FieldError;
            fn from_str(value: &str) -> Result<Self, FieldError> {
                Self::try_from(value.to_owned())
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                &self.0 == other
            }
        }
    };
}

checked_text!(
    /// A phone number as a source writes it, checked by [`phone`].
    Phone,
    phone
);
checked_text!(
    /// An e-mail address, checked by [`email`].
    Email,
    email
);
checked_text!(
    /// A web address, only `https:`, checked by [`https_url`].
    WebUrl,
    https_url
);
checked_text!(
    /// An official municipality key (AGS) of NRW, 8 digits, checked by [`ags`].
    TownKey,
    ags
);
checked_text!(
    /// A youth office's id ("kreis-steinfurt"), checked by [`office_id`].
    OfficeId,
    office_id
);
checked_text!(
    /// An offer's id ("greven-cafe-kinderwagen"), checked by [`offer_id`].
    OfferId,
    offer_id
);

#[cfg(test)]
mod tests {
    use super::*;

    fn range(from_months: i32, to_months: i32) -> AgeRange {
        AgeRange {
            from_months,
            to_months,
        }
    }

    #[test]
    fn accepts_phone_numbers_as_written_in_the_sources() {
        for number in [
            "02551 69-2305",
            "02572 922333",
            "02421 22-1051000",
            "02421 22-10 51 315",
            "02303 27 22 51",
            "02306 104-1702",
            "+49 2551 692305",
            "(02551) 69-2305",
            "0800/1110333",
        ] {
            assert_eq!(phone(number), Ok(()), "{number}");
        }
    }

    #[test]
    fn rejects_malformed_phone_numbers() {
        assert_eq!(phone(""), Err(FieldError::Empty));
        assert_eq!(phone(" 02551 1"), Err(FieldError::Untrimmed));
        assert_eq!(phone("02551 69-23O5"), Err(FieldError::PhoneCharacter('O')));
        assert_eq!(phone("0251+1234"), Err(FieldError::PhoneCharacter('+')));
        assert_eq!(phone("2551 692305"), Err(FieldError::PhoneStart));
        assert_eq!(phone("0251"), Err(FieldError::PhoneLength(4)));
        assert_eq!(phone("0123456789012345"), Err(FieldError::PhoneLength(16)));
        assert_eq!(
            phone("tel. 0251 1234"),
            Err(FieldError::PhoneCharacter('t'))
        );
    }

    #[test]
    fn accepts_full_and_short_helpline_numbers() {
        for number in [
            "112",
            "110",
            "116 117",
            "116117",
            "22 8 33",
            "0228 19240",
            "0800 111 0 550",
        ] {
            assert_eq!(helpline_phone(number), Ok(()), "{number}");
        }
        assert_eq!(short_number("116 117").as_deref(), Some("116117"));
        assert_eq!(short_number("22 8 33").as_deref(), Some("22833"));
        assert_eq!(short_number("0228"), None, "a leading 0 is an area code");
        assert_eq!(short_number("11"), None);
        assert_eq!(short_number("1234567"), None);
        assert_eq!(short_number("116-117"), None);
    }

    #[test]
    fn rejects_malformed_helpline_numbers() {
        assert_eq!(helpline_phone(""), Err(FieldError::Empty));
        assert_eq!(helpline_phone(" 112"), Err(FieldError::Untrimmed));
        assert_eq!(
            helpline_phone("1234567"),
            Err(FieldError::HelplineNumber("1234567".into()))
        );
        assert_eq!(
            helpline_phone("11"),
            Err(FieldError::HelplineNumber("11".into()))
        );
        assert_eq!(
            helpline_phone("0228 1924O"),
            Err(FieldError::PhoneCharacter('O'))
        );
        assert_eq!(helpline_phone("0228"), Err(FieldError::PhoneLength(4)));
    }

    #[test]
    fn checks_email_addresses() {
        for ok in [
            "familienbuero@emsdetten.de",
            "familienbuero@kreis-unna.de",
            "a.b+c@sub.beispiel.de",
            "info@bürgerbüro.de",
        ] {
            assert_eq!(email(ok), Ok(()), "{ok}");
        }
        for bad in [
            "familienbuero",
            "@emsdetten.de",
            "a@b",
            "a@b.c",
            "a@@b.de",
            "a b@c.de",
            "a@-b.de",
            ".a@b.de",
            "a..b@c.de",
            "a@b..de",
        ] {
            assert!(matches!(email(bad), Err(FieldError::Email(_))), "{bad}");
        }
        assert_eq!(email(""), Err(FieldError::Empty));
    }

    #[test]
    fn accepts_only_https_web_addresses() {
        for ok in [
            "https://kreis-dueren.de",
            "https://luenen.de/familie",
            "https://www.kreis-lippe.de/a?b=c#d",
            "https://localhost.de:8443/",
        ] {
            assert_eq!(https_url(ok), Ok(()), "{ok}");
        }
        assert_eq!(
            https_url("http://kreis-dueren.de"),
            Err(FieldError::UrlScheme)
        );
        assert_eq!(https_url("kreis-dueren.de"), Err(FieldError::UrlScheme));
        assert_eq!(
            https_url("https://kreis dueren.de"),
            Err(FieldError::UrlBlank)
        );
        for bad in [
            "https://",
            "https://dueren",
            "https://.de",
            "https://a.de:x",
            "https://user@a.de",
            "https://a.1",
        ] {
            assert!(
                matches!(https_url(bad), Err(FieldError::UrlHost(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn checks_municipality_keys() {
        assert_eq!(ags("05566012"), Ok(()));
        assert_eq!(ags("5566012"), Err(FieldError::AgsFormat("5566012".into())));
        assert_eq!(
            ags("0556601a"),
            Err(FieldError::AgsFormat("0556601a".into()))
        );
        assert_eq!(
            ags("09162000"),
            Err(FieldError::AgsNotNrw("09162000".into()))
        );
    }

    #[test]
    fn checks_id_syntax() {
        for ok in [
            "kreis-steinfurt",
            "stadt-luenen",
            "dueren-schnullercafe-linnich",
            "u7a",
            "elterncafe-24",
        ] {
            assert_eq!(office_id(ok), Ok(()), "{ok}");
            assert_eq!(offer_id(ok), Ok(()), "{ok}");
        }
        for bad in [
            "",
            "Kreis-Steinfurt",
            "stadt-lünen",
            "a--b",
            "-a",
            "a-",
            "a_b",
            "a b",
            "a.b",
        ] {
            assert!(
                matches!(offer_id(bad), Err(FieldError::IdSyntax(_))),
                "{bad:?}"
            );
        }
        assert_eq!(office_id(&"a".repeat(81)), Err(FieldError::IdLength(81)));
    }

    #[test]
    fn checks_age_ranges() {
        assert_eq!(age_range(&range(0, 11)), Ok(()));
        assert_eq!(age_range(&range(-9, 35)), Ok(()));
        assert_eq!(age_range(&range(-10, 216)), Ok(()));
        assert_eq!(age_range(&range(5, 5)), Ok(()));
        assert_eq!(
            age_range(&range(12, 3)),
            Err(FieldError::AgeReversed { from: 12, to: 3 })
        );
        assert_eq!(
            age_range(&range(-11, 3)),
            Err(FieldError::AgeOutOfRange(-11))
        );
        assert_eq!(
            age_range(&range(0, 217)),
            Err(FieldError::AgeOutOfRange(217))
        );
        assert_eq!(
            FieldError::AgeReversed { from: 12, to: 3 }.to_string(),
            "the age range is reversed (from 12 to 3 months)"
        );
    }

    #[test]
    fn parses_times_and_slots() {
        assert_eq!(time_of_day("00:00"), Ok(0));
        assert_eq!(time_of_day("09:30"), Ok(570));
        assert_eq!(time_of_day("23:59"), Ok(1439));
        for bad in [
            "25:00", "24:00", "9:30", "09:60", "0930", "09:3a", "+9:30", "09:30 ",
        ] {
            assert_eq!(time_of_day(bad), Err(FieldError::Time(bad.into())), "{bad}");
        }
        assert_eq!(opening_hours("09:30", "11:00"), Ok(()));
        assert_eq!(
            opening_hours("12:00", "10:00"),
            Err(FieldError::OpensAfterCloses {
                opens: "12:00".into(),
                closes: "10:00".into()
            })
        );
        assert!(opening_hours("10:00", "10:00").is_err());
        assert_eq!(
            opening_hours("10:00", "25:00"),
            Err(FieldError::Time("25:00".into()))
        );
    }

    #[test]
    fn checks_small_fields() {
        assert_eq!(week_of_month(2), Ok(()));
        assert_eq!(week_of_month(0), Err(FieldError::WeekOfMonth(0)));
        assert_eq!(week_of_month(6), Err(FieldError::WeekOfMonth(6)));
        assert_eq!(postcode("48565"), Ok(()));
        assert!(postcode("4856").is_err());
        assert!(postcode("4856a").is_err());
        assert_eq!(language("tr"), Ok(()));
        assert!(language("TR").is_err());
        assert!(language("deu").is_err());
        assert_eq!(text("a b"), Ok(()));
        assert_eq!(text("  "), Err(FieldError::Empty));
    }

    #[test]
    fn checked_texts_refuse_what_their_rule_refuses_also_when_deserialised() {
        assert!("02551 69-2305".parse::<Phone>().is_ok());
        assert!("javascript:alert(1)".parse::<WebUrl>().is_err());
        assert!(serde_json::from_str::<WebUrl>(r#""javascript:alert(1)""#).is_err());
        assert!(serde_json::from_str::<Email>(r#""x@y.de?body=1""#).is_err());
        let web: WebUrl = serde_json::from_str(r#""https://luenen.de""#).expect("valid");
        assert_eq!(web, "https://luenen.de");
        assert_eq!(
            serde_json::to_string(&web).expect("json"),
            r#""https://luenen.de""#
        );
    }
}

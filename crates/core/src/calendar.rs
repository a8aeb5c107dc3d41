//! "In den Kalender": one child's check-ups and deadlines as an RFC 5545 iCalendar (.ics) text.
//!
//! Called by the app's family page, which offers the text as a file download for a born child;
//! the text is made on the device, with no network. Every event is all-day, carries a stable UID
//! (so a second import updates instead of duplicating) and a reminder a week before it starts.

use crate::age::BirthInfo;
use crate::checkup::all_checkups;
use crate::date::Date;
use crate::deadline::{all_deadlines, DeadlineWhen};
use crate::directory::{localized, Statewide};
use crate::done::{is_done, DoneKind, DoneMark};
use crate::i18n::Msg;
use crate::words::{date_span_in_words, due_rule_in_words, late_action_in_words};

/// How the calendar speaks: messages in the language shown, and that language's code for the
/// directory's translated texts.
pub struct Words<'a> {
    /// Renders a message in the language shown.
    pub say: &'a dyn Fn(&Msg) -> String,
    /// The language shown ("de", "ar").
    pub language: &'a str,
}

/// The calendar's product identifier (PRODID).
pub const PRODID: &str = "-//KeKiz-Begleiter//DE";

/// The domain part of every event's UID.
pub const UID_DOMAIN: &str = "kekiz-begleiter";

/// Each event's reminder fires this many days before the event starts.
pub const REMINDER_DAYS_BEFORE: u32 = 7;

/// The longest content line in octets, without its CRLF (RFC 5545 §3.1).
const MAX_LINE_OCTETS: usize = 75;

/// The .ics text for a child born on `birth`: every check-up whose tolerance (or official) window
/// has not ended before `today`, spanning its official window, every deadline from `today` on, and
/// for a passed deadline that still brings something its action on the day to act by. Items marked
/// done in `done` are left out.
///
/// `child_label` names the child in titles (e.g. "Mia"); `child_key` (e.g. "kind-1", reduced to
/// a-z, 0-9 and "-") makes the UIDs stable across exports. `say` renders a message in the
/// language shown. The text depends only on the inputs.
pub fn calendar_ics(
    rules: &Statewide,
    birth: Date,
    child: (&str, &str),
    today: Date,
    done: &[DoneMark],
    words: &Words<'_>,
) -> String {
    let (child_label, child_key) = child;
    let say = words.say;
    let label = child_label.trim();
    let key = match uid_part(child_key) {
        key if key.is_empty() => "kind".to_owned(),
        key => key,
    };
    let suffix = if label.is_empty() {
        String::new()
    } else {
        format!(" – {label}")
    };
    let mut ics = Ics::default();
    ics.line("BEGIN:VCALENDAR");
    ics.line("VERSION:2.0");
    ics.line(&format!("PRODID:{PRODID}"));
    ics.line("CALSCALE:GREGORIAN");
    ics.line("METHOD:PUBLISH");
    ics.text(
        "X-WR-CALNAME",
        format!("KeKiz-Begleiter {label}").trim_end(),
    );

    for checkup in all_checkups(&rules.checkups, birth, today) {
        if checkup.last_possible_day() < today || is_done(done, DoneKind::Checkup, &checkup.rule.id)
        {
            continue;
        }
        let id = &checkup.rule.id;
        let mut description = Vec::new();
        let explained = localized(
            &checkup.rule.translations,
            "description",
            &checkup.rule.description,
            words.language,
        )
        .0;
        if !explained.trim().is_empty() {
            description.push(explained.trim().to_owned());
        }
        description.push(say(
            &Msg::new("calendar.recommended").msg("span", date_span_in_words(checkup.official))
        ));
        if let Some(tolerance) = checkup.tolerance.filter(|&t| t != checkup.official) {
            description.push(say(
                &Msg::new("calendar.tolerance").msg("span", date_span_in_words(tolerance))
            ));
        }
        description.push(say(&Msg::new("calendar.make_appointment")));
        if !checkup.rule.source.trim().is_empty() {
            description.push(say(
                &Msg::new("calendar.source").text("source", checkup.rule.source.trim())
            ));
        }
        ics.event(&Event {
            uid: format!("{key}-{}@{UID_DOMAIN}", uid_part(id)),
            stamp: today,
            first: checkup.official.first,
            last: checkup.official.last,
            summary: say(&Msg::new("calendar.checkup_summary")
                .text("id", id.as_str())
                .text("suffix", &suffix)),
            description: description.join("\n"),
            reminder: say(&Msg::new("calendar.checkup_reminder")
                .text("id", id.as_str())
                .text("suffix", &suffix)),
        });
    }

    for deadline in all_deadlines(&rules.deadlines, BirthInfo::Born(birth), today) {
        let rule = &deadline.rule;
        let title = localized(&rule.translations, "title", &rule.title, words.language)
            .0
            .trim();
        if is_done(done, DoneKind::Deadline, &rule.id) {
            continue;
        }
        let date = match deadline.when {
            DeadlineWhen::On { date, .. } if date >= today => date,
            DeadlineWhen::Late { date, action } => {
                let act_by = action.act_by(today);
                let mut description = vec![
                    say(&late_action_in_words(action)),
                    say(&Msg::new("calendar.deadline_was").date("date", date)),
                ];
                if !rule.legal_basis.trim().is_empty() {
                    description
                        .push(say(&Msg::new("calendar.legal_basis")
                            .text("basis", rule.legal_basis.trim())));
                }
                ics.event(&Event {
                    uid: format!("{key}-{}-jetzt@{UID_DOMAIN}", uid_part(&rule.id)),
                    stamp: today,
                    first: act_by,
                    last: act_by,
                    summary: say(&Msg::new("calendar.act_now_summary")
                        .text("title", title)
                        .text("suffix", &suffix)),
                    description: description.join("\n"),
                    reminder: say(&Msg::new("calendar.act_now_reminder")
                        .text("title", title)
                        .text("suffix", &suffix)),
                });
                continue;
            }
            _ => continue,
        };
        let mut description = Vec::new();
        let explained = localized(
            &rule.translations,
            "description",
            &rule.description,
            words.language,
        )
        .0;
        if !explained.trim().is_empty() {
            description.push(explained.trim().to_owned());
        }
        description.push(say(&Msg::new("calendar.deadline_line")
            .msg("rule", due_rule_in_words(rule.due))
            .date("date", date)));
        if !rule.legal_basis.trim().is_empty() {
            description.push(say(
                &Msg::new("calendar.legal_basis").text("basis", rule.legal_basis.trim())
            ));
        }
        ics.event(&Event {
            uid: format!("{key}-{}@{UID_DOMAIN}", uid_part(&rule.id)),
            stamp: today,
            first: date,
            last: date,
            summary: say(&Msg::new("calendar.deadline_summary")
                .text("title", title)
                .text("suffix", &suffix)),
            description: description.join("\n"),
            reminder: say(&Msg::new("calendar.deadline_reminder")
                .num("n", i64::from(REMINDER_DAYS_BEFORE))
                .text("title", title)
                .text("suffix", &suffix)),
        });
    }

    ics.line("END:VCALENDAR");
    ics.out
}

/// One all-day event, days inclusive.
struct Event {
    uid: String,
    stamp: Date,
    first: Date,
    last: Date,
    summary: String,
    description: String,
    reminder: String,
}

/// The text being written: folded content lines, each ending in CRLF.
#[derive(Default)]
struct Ics {
    out: String,
}

impl Ics {
    /// Appends one content line, folded.
    fn line(&mut self, line: &str) {
        fold_line(line, &mut self.out);
    }

    /// Appends a property with a TEXT value, escaped.
    fn text(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{}", escape_text(value)));
    }

    /// Appends a VEVENT with its VALARM.
    fn event(&mut self, event: &Event) {
        self.line("BEGIN:VEVENT");
        self.text("UID", &event.uid);
        self.line(&format!("DTSTAMP:{}T000000Z", basic_date(event.stamp)));
        self.line("SEQUENCE:0");
        self.line(&format!("DTSTART;VALUE=DATE:{}", basic_date(event.first)));
        // All-day events end (exclusively) on the day after their last day.
        self.line(&format!(
            "DTEND;VALUE=DATE:{}",
            basic_date(event.last.add_days(1))
        ));
        self.text("SUMMARY", &event.summary);
        self.text("DESCRIPTION", &event.description);
        self.line("TRANSP:TRANSPARENT");
        self.line("BEGIN:VALARM");
        self.line("ACTION:DISPLAY");
        self.text("DESCRIPTION", &event.reminder);
        self.line(&format!("TRIGGER:-P{REMINDER_DAYS_BEFORE}D"));
        self.line("END:VALARM");
        self.line("END:VEVENT");
    }
}

/// A date in the iCalendar DATE form: "20260703".
fn basic_date(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// A UID part: lower case, every character other than a-z, 0-9 and "-" becomes "-".
fn uid_part(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| match c.to_ascii_lowercase() {
            c @ ('a'..='z' | '0'..='9' | '-') => c,
            _ => '-',
        })
        .collect()
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma get a backslash, a line
/// break (CRLF, LF or CR) becomes "\n", a tab a space; other control characters are dropped.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` to `out`, folded to at most 75 octets per physical line (a continuation line
/// starts with a space, which counts), never inside a UTF-8 character, each ended by CRLF.
fn fold_line(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    const GERMAN: Words<'static> = Words {
        say: &crate::i18n::in_german,
        language: "de",
    };
    use crate::checkup::checkup_for;
    use crate::testdata::{d, statewide};
    use icalendar::parser::{read_calendar, unfold, Component};

    fn folded(line: &str) -> String {
        let mut out = String::new();
        fold_line(line, &mut out);
        out
    }

    #[test]
    fn escaping_text() {
        assert_eq!(
            escape_text("a\\b;c,d\ne\r\nf\rg\th\u{7}i"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ng hi"
        );
        assert_eq!(
            escape_text("Öffnungszeiten: Mo–Fr"),
            "Öffnungszeiten: Mo–Fr"
        );
        assert_eq!(escape_text(""), "");
    }

    #[test]
    fn short_lines_are_not_folded() {
        assert_eq!(folded("VERSION:2.0"), "VERSION:2.0\r\n");
        let exactly = "X".repeat(75);
        assert_eq!(folded(&exactly), format!("{exactly}\r\n"));
        assert_eq!(folded(&"X".repeat(76)), format!("{exactly}\r\n X\r\n"));
    }

    #[test]
    fn folding_a_long_german_line_never_splits_an_umlaut() {
        // 74 ASCII octets, then "ü" (2 octets) would straddle octet 75: it moves to the next line.
        let line = format!("SUMMARY:{}ü Größenprüfung für Säuglinge", "x".repeat(66));
        let text = folded(&line);
        let lines: Vec<&str> = text.split_terminator("\r\n").collect();
        assert_eq!(lines[0].len(), 74);
        assert!(lines[1].starts_with(" ü"));
        // A long run of umlauts: every line at most 75 octets, and unfolding gives the line back.
        let umlauts = format!("DESCRIPTION:{}", "äöüßÄÖÜ–".repeat(40));
        let text = folded(&umlauts);
        assert!(text.ends_with("\r\n"));
        for physical in text.split_terminator("\r\n") {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        assert_eq!(unfold(text.trim_end_matches("\r\n")), umlauts);
        assert_eq!(text.replace("\r\n ", "").trim_end(), umlauts);
    }

    #[test]
    fn uid_parts_are_reduced_to_safe_characters() {
        assert_eq!(uid_part("kind-1"), "kind-1");
        assert_eq!(uid_part(" Kind 2/Ö "), "kind-2--");
        assert_eq!(uid_part("U7a"), "u7a");
    }

    /// A property's value in a parsed component.
    fn prop<'a>(component: &'a Component<'_>, name: &str) -> &'a str {
        component
            .find_prop(name)
            .map(|p| p.val.as_str())
            .unwrap_or_else(|| panic!("{name} missing"))
    }

    fn params_of(component: &Component<'_>, name: &str) -> Vec<(String, String)> {
        component
            .find_prop(name)
            .map(|p| {
                p.params
                    .iter()
                    .map(|q| {
                        (
                            q.key.as_str().to_owned(),
                            q.val
                                .as_ref()
                                .map(|v| v.as_str().to_owned())
                                .unwrap_or_default(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    fn check_wire_format(ics: &str) {
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        // Every line ends with CRLF: no bare LF or CR anywhere.
        assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count());
        assert_eq!(ics.matches('\r').count(), ics.matches("\r\n").count());
        for line in ics.split_terminator("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
    }

    #[test]
    fn the_calendar_parses_with_an_independent_parser() {
        let rules = statewide();
        let birth = d("2026-05-03");
        let today = d("2026-06-10");
        let label = "Jürgen-Özgür Ääöüß Mustermann-Großkönig, genannt „Jü“";
        let ics = calendar_ics(&rules, birth, (label, "kind-1"), today, &[], &GERMAN);
        check_wire_format(&ics);

        let unfolded = unfold(&ics);
        let calendar = read_calendar(&unfolded).expect("parses");
        let calendar_props: Vec<(&str, &str)> = calendar
            .properties
            .iter()
            .map(|p| (p.name.as_str(), p.val.as_str()))
            .collect();
        assert!(calendar_props.contains(&("VERSION", "2.0")));
        assert!(calendar_props.contains(&("PRODID", "-//KeKiz-Begleiter//DE")));
        assert!(calendar_props.contains(&("CALSCALE", "GREGORIAN")));
        assert!(calendar_props.contains(&("METHOD", "PUBLISH")));
        let name = calendar
            .properties
            .iter()
            .find(|p| p.name.as_str() == "X-WR-CALNAME")
            .expect("calendar name");
        assert_eq!(name.val.as_str(), format!("KeKiz-Begleiter {label}"));
        assert!(ics.contains("Mustermann-Großkönig\\, genannt"));
        // The long label forces folding inside every SUMMARY.
        assert!(ics.contains("\r\n "));
        assert!("SUMMARY:U4 (Vorsorge-Untersuchung) – ".len() + label.len() > 75);

        let events: Vec<&Component> = calendar
            .components
            .iter()
            .filter(|c| c.name.as_str() == "VEVENT")
            .collect();
        // On 10 June 2026 (5 weeks old): U2 is over (tolerance ended 16 May); U3 (tolerance until
        // 27 June) to J1 remain: 9 check-ups. Deadlines: birth registration (10 May) is over;
        // Elterngeld, Kindergeld and the Kita notice remain.
        let checkups: Vec<&&Component> = events
            .iter()
            .filter(|e| prop(e, "SUMMARY").contains("Vorsorge-Untersuchung"))
            .collect();
        assert_eq!(checkups.len(), 9);
        assert_eq!(events.len(), 9 + 3);

        for rule in &rules.checkups[2..] {
            let checkup = checkup_for(rule, birth, today);
            let uid = format!("kind-1-{}@kekiz-begleiter", rule.id.to_lowercase());
            let event = events
                .iter()
                .find(|e| prop(e, "UID") == uid)
                .unwrap_or_else(|| panic!("{uid}"));
            assert_eq!(
                prop(event, "DTSTART"),
                basic_date(checkup.official.first),
                "{uid}"
            );
            assert_eq!(
                prop(event, "DTEND"),
                basic_date(checkup.official.last.add_days(1)),
                "{uid}"
            );
            assert_eq!(
                params_of(event, "DTSTART"),
                vec![("VALUE".to_owned(), "DATE".to_owned())]
            );
            assert_eq!(
                prop(event, "SUMMARY"),
                format!("{} (Vorsorge-Untersuchung) – {label}", rule.id)
            );
            assert!(prop(event, "DESCRIPTION").contains("Kinderarztpraxis"));
        }
        let u4 = events
            .iter()
            .find(|e| prop(e, "UID") == "kind-1-u4@kekiz-begleiter")
            .expect("U4");
        assert_eq!(prop(u4, "DTSTART"), "20260703");
        assert_eq!(prop(u4, "DTEND"), "20260903");
        assert_eq!(
            prop(u4, "DESCRIPTION"),
            "Empfohlener Zeitraum: vom 03.07.2026 bis 02.09.2026.\n\
             Mit Toleranz möglich: vom 03.06.2026 bis 17.09.2026.\n\
             Bitte vereinbaren Sie rechtzeitig einen Termin in Ihrer Kinderarztpraxis.\n\
             Quelle: G-BA Kinder-Richtlinie"
        );

        let elterngeld = events
            .iter()
            .find(|e| prop(e, "UID") == "kind-1-elterngeld@kekiz-begleiter")
            .expect("Elterngeld");
        assert_eq!(prop(elterngeld, "DTSTART"), "20260802");
        assert_eq!(prop(elterngeld, "DTEND"), "20260803");
        assert_eq!(
            prop(elterngeld, "SUMMARY"),
            format!("Frist: Elterngeld beantragen – {label}")
        );
        assert_eq!(
            prop(elterngeld, "DESCRIPTION"),
            "Frist: bis zum Ende des 3. Lebensmonats (letzter Tag: 02.08.2026).\n\
             Rechtsgrundlage: § 7 Abs. 1 BEEG"
        );
        assert!(events
            .iter()
            .all(|e| prop(e, "UID") != "kind-1-geburt-anmelden@kekiz-begleiter"));

        for event in &events {
            assert_eq!(prop(event, "DTSTAMP"), "20260610T000000Z");
            let alarms: Vec<&Component> = event
                .components
                .iter()
                .filter(|c| c.name.as_str() == "VALARM")
                .collect();
            assert_eq!(alarms.len(), 1, "{}", prop(event, "UID"));
            assert_eq!(prop(alarms[0], "TRIGGER"), "-P7D");
            assert_eq!(prop(alarms[0], "ACTION"), "DISPLAY");
            assert!(prop(alarms[0], "DESCRIPTION").contains(label));
        }
    }

    #[test]
    fn text_with_special_characters_survives_the_round_trip() {
        let mut rules = statewide();
        rules.deadlines[1].description =
            "Antrag bei der Elterngeldstelle; Formular, Geburtsurkunde \\ Kopie.\nZweite Zeile: „Ä“".to_owned();
        let ics = calendar_ics(
            &rules,
            d("2026-05-03"),
            ("Mia", "kind-1"),
            d("2026-05-03"),
            &[],
            &GERMAN,
        );
        check_wire_format(&ics);
        let unfolded = unfold(&ics);
        let calendar = read_calendar(&unfolded).expect("parses");
        let elterngeld = calendar
            .components
            .iter()
            .find(|e| prop(e, "UID") == "kind-1-elterngeld@kekiz-begleiter")
            .expect("Elterngeld");
        assert!(prop(elterngeld, "DESCRIPTION").starts_with(
            "Antrag bei der Elterngeldstelle; Formular, Geburtsurkunde \\ Kopie.\nZweite Zeile: „Ä“\nFrist:"
        ));
        // On the day of birth every check-up and every deadline lies ahead.
        let events = calendar
            .components
            .iter()
            .filter(|c| c.name.as_str() == "VEVENT")
            .count();
        assert_eq!(events, 11 + 4);
    }

    #[test]
    fn uids_are_stable_across_exports() {
        let rules = statewide();
        let uids = |today: &str| -> Vec<String> {
            let ics = calendar_ics(
                &rules,
                d("2026-05-03"),
                ("Mia", "Kind-1"),
                d(today),
                &[],
                &GERMAN,
            );
            let unfolded = unfold(&ics);
            let calendar = read_calendar(&unfolded).expect("parses");
            calendar
                .components
                .iter()
                .map(|e| prop(e, "UID").to_owned())
                .collect()
        };
        let early = uids("2026-05-03");
        let later = uids("2026-09-20");
        assert_eq!(early.len(), 15);
        assert!(early.iter().all(|u| u.starts_with("kind-1-")));
        // Later exports hold fewer events, each with the same UID as before; a passed deadline's
        // action keeps its deadline's UID with "-jetzt", stable from one export to the next.
        assert!(later.len() < early.len());
        assert!(
            later
                .iter()
                .all(|u| early.contains(&u.replace("-jetzt@", "@"))),
            "{later:?}"
        );
        assert!(later.iter().any(|u| u.contains("-jetzt@")));
        assert_eq!(
            uids("2026-09-21")
                .iter()
                .filter(|u| u.contains("-jetzt@"))
                .count(),
            later.iter().filter(|u| u.contains("-jetzt@")).count()
        );
        // Another child, other UIDs.
        let other = calendar_ics(
            &rules,
            d("2026-05-03"),
            ("Mia", "kind-2"),
            d("2026-05-03"),
            &[],
            &GERMAN,
        );
        assert!(!other.contains("kind-1-"));
    }

    #[test]
    fn the_text_is_deterministic_and_empty_labels_are_fine() {
        let rules = statewide();
        let a = calendar_ics(
            &rules,
            d("2026-05-03"),
            ("", ""),
            d("2026-05-10"),
            &[],
            &GERMAN,
        );
        let b = calendar_ics(
            &rules,
            d("2026-05-03"),
            ("", ""),
            d("2026-05-10"),
            &[],
            &GERMAN,
        );
        assert_eq!(a, b);
        assert!(a.contains("X-WR-CALNAME:KeKiz-Begleiter\r\n"));
        assert!(a.contains("SUMMARY:U3 (Vorsorge-Untersuchung)\r\n"));
        assert!(a.contains("UID:kind-u3@kekiz-begleiter\r\n"));
        // The deadline of 10 May is today: still in the calendar.
        assert!(a.contains("UID:kind-geburt-anmelden@kekiz-begleiter\r\n"));
    }

    #[test]
    fn a_grown_child_gets_an_empty_calendar() {
        let ics = calendar_ics(
            &statewide(),
            d("2000-01-01"),
            ("Alt", "kind-1"),
            d("2026-05-03"),
            &[],
            &GERMAN,
        );
        check_wire_format(&ics);
        assert!(!ics.contains("BEGIN:VEVENT"));
        assert!(read_calendar(&unfold(&ics)).is_ok());
    }

    #[test]
    fn done_items_leave_the_calendar_and_late_deadlines_come_with_their_action() {
        let rules = statewide();
        let birth = d("2026-05-03");
        let today = d("2026-12-01");
        let all = calendar_ics(&rules, birth, ("Mia", "kind-1"), today, &[], &GERMAN);
        check_wire_format(&all);
        assert!(all.contains("UID:kind-1-u6@kekiz-begleiter\r\n"));
        // Kindergeld's date (30 Nov) has passed: the action sits on the last day of this month.
        let late = all
            .split("BEGIN:VEVENT")
            .find(|e| e.contains("UID:kind-1-kindergeld-jetzt@kekiz-begleiter"))
            .expect("late Kindergeld event");
        assert!(late.contains("DTSTART;VALUE=DATE:20261231"), "{late}");
        assert!(late.contains("Jetzt: Kindergeld beantragen"), "{late}");
        let mut done = Vec::new();
        crate::done::mark_done(&mut done, DoneKind::Checkup, "U6", None);
        crate::done::mark_done(&mut done, DoneKind::Deadline, "kindergeld", None);
        let marked = calendar_ics(&rules, birth, ("Mia", "kind-1"), today, &done, &GERMAN);
        check_wire_format(&marked);
        assert!(
            !marked.contains("kind-1-u6@"),
            "a done check-up is left out"
        );
        assert!(
            !marked.contains("kind-1-kindergeld"),
            "a done deadline is left out"
        );
        assert!(
            marked.contains("kind-1-elterngeld-jetzt@"),
            "the others stay"
        );
    }

    #[test]
    fn the_calendar_speaks_the_language_shown_with_the_datas_translations() {
        let mut rules = statewide();
        for rule in &mut rules.deadlines {
            rule.translations.insert(
                "tr".to_owned(),
                std::collections::BTreeMap::from([("title".to_owned(), format!("TR {}", rule.id))]),
            );
        }
        let say = |msg: &Msg| format!("<{}>", crate::i18n::in_german(msg));
        let words = Words {
            say: &say,
            language: "tr",
        };
        let ics = calendar_ics(
            &rules,
            d("2026-05-03"),
            ("Mia", "kind-1"),
            d("2026-05-04"),
            &[],
            &words,
        );
        let unfolded = unfold(&ics);
        let first = &rules.deadlines[0].id;
        assert!(unfolded.contains(&format!("TR {first}")), "{unfolded}");
        assert!(
            !unfolded.contains(rules.deadlines[0].title.as_str()),
            "{unfolded}"
        );
        // Every sentence of the app's own went through `say`.
        assert!(unfolded.contains("SUMMARY:<Frist: TR "), "{unfolded}");
    }
}

//! Benchmarks for the budgets in DESIGN.md: one family's page under 1 ms, a town search under 100 µs.
//!
//! Run with `cargo bench -p kekiz-core`. Builds a whole-state directory in code: the 396 real towns
//! (data/gemeinden.csv), 186 offices, 20,000 offers with seeded random age ranges and town lists.

use criterion::{criterion_group, criterion_main, Criterion};
use kekiz_core::age::BirthInfo;
use kekiz_core::date::Date;
use kekiz_core::directory::{
    AgeRange, Category, CheckupRule, Contact, DeadlineRule, DueRule, LifeSpan, LifeUnit, Offer,
    Office, OfficeFile, OfficeKind, Registration, Schedule, Statewide, Town, TownKey, Weekday,
    WeeklySlot,
};
use kekiz_core::matching::child_view;
use kekiz_core::town::TownIndex;
use std::hint::black_box;
use std::time::Duration;

const OFFICES: usize = 186;
const OFFERS: usize = 20_000;

/// A linear congruential generator (Knuth's MMIX constants): seeded, so every run sees the same data.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn date(text: &str) -> Date {
    text.parse().expect("bench date")
}

// The real towns: the same reader the core's unit tests use.
#[path = "../src/real_towns.rs"]
mod real_towns;

fn statewide() -> Statewide {
    let span = |unit, from, to, extra_days| LifeSpan {
        unit,
        from,
        to,
        extra_days,
    };
    let rows = [
        ("U1", span(LifeUnit::Day, 1, 1, 0), None),
        (
            "U2",
            span(LifeUnit::Day, 3, 10, 0),
            Some(span(LifeUnit::Day, 3, 14, 0)),
        ),
        (
            "U3",
            span(LifeUnit::Week, 4, 5, 0),
            Some(span(LifeUnit::Week, 3, 8, 0)),
        ),
        (
            "U4",
            span(LifeUnit::Month, 3, 4, 0),
            Some(span(LifeUnit::Month, 2, 4, 15)),
        ),
        (
            "U5",
            span(LifeUnit::Month, 6, 7, 0),
            Some(span(LifeUnit::Month, 5, 8, 0)),
        ),
        (
            "U6",
            span(LifeUnit::Month, 10, 12, 0),
            Some(span(LifeUnit::Month, 9, 14, 0)),
        ),
        (
            "U7",
            span(LifeUnit::Month, 21, 24, 0),
            Some(span(LifeUnit::Month, 20, 27, 0)),
        ),
        (
            "U7a",
            span(LifeUnit::Month, 34, 36, 0),
            Some(span(LifeUnit::Month, 33, 38, 0)),
        ),
        (
            "U8",
            span(LifeUnit::Month, 46, 48, 0),
            Some(span(LifeUnit::Month, 43, 50, 0)),
        ),
        (
            "U9",
            span(LifeUnit::Month, 60, 64, 0),
            Some(span(LifeUnit::Month, 58, 66, 0)),
        ),
        (
            "J1",
            span(LifeUnit::Year, 14, 14, 0),
            Some(span(LifeUnit::Year, 13, 15, 0)),
        ),
    ];
    let checkups = rows
        .into_iter()
        .map(|(id, official, tolerance)| CheckupRule {
            translations: Default::default(),
            id: id.to_owned(),
            description: String::new(),
            official,
            tolerance,
            source: "bench".to_owned(),
            as_of: Some(date("2026-01-01").into()),
        })
        .collect();
    let deadlines = [
        ("geburt", DueRule::DaysAfterBirth(7)),
        ("elterngeld", DueRule::EndOfLifeMonth(3)),
        ("kindergeld", DueRule::EndOfCalendarMonthAfterBirth(6)),
        ("kita", DueRule::MonthsAfterBirth(6)),
    ]
    .into_iter()
    .map(|(id, due)| DeadlineRule {
        translations: Default::default(),
        late: None,
        id: id.to_owned(),
        title: id.to_owned(),
        description: String::new(),
        due,
        legal_basis: String::new(),
        source: "bench".to_owned(),
        as_of: Some(date("2026-01-01").into()),
    })
    .collect();
    Statewide {
        checkups,
        deadlines,
        helplines: Vec::new(),
    }
}

const TITLES: [&str; 8] = [
    "Babycafé",
    "Krabbelgruppe",
    "Elterncafé",
    "PEKiP",
    "Familienzentrum",
    "Ärztliche Beratung",
    "Eltern-Kind-Turnen",
    "Schnullercafé",
];

/// 186 office files holding 20,000 offers between them; offices are skewed (some hold many more
/// offers than others), as real ones will be.
fn office_files(towns: &[Town]) -> Vec<OfficeFile> {
    let mut rng = Lcg(0x5eed_f1c3);
    let mut files: Vec<OfficeFile> = (0..OFFICES)
        .map(|i| {
            let served: Vec<TownKey> = towns
                .iter()
                .enumerate()
                .filter(|(t, _)| t % OFFICES == i)
                .map(|(_, t)| t.ags.clone())
                .collect();
            OfficeFile {
                format: 1,
                as_of: Some(date("2026-01-01").into()),
                office: Office {
                    id: format!("office-{i:03}").parse().expect("bench office id"),
                    name: format!("Jugendamt {i}"),
                    kind: OfficeKind::Kreis,
                    kreis: format!("Kreis {i}"),
                    towns: served,
                    address: None,
                    contact: Contact::default(),
                    source: "bench".to_owned(),
                    as_of: Some(date("2026-01-01").into()),
                },
                welcome: None,
                offers: Vec::new(),
            }
        })
        .collect();
    for n in 0..OFFERS {
        // Square of a uniform number: office 0 gets the most offers.
        let r = rng.below(1000);
        let office = r * r * OFFICES / 1_000_000;
        let file = &mut files[office];
        let from = rng.below(120) as i32 - 9;
        let to = from + rng.below(60) as i32;
        let towns: Vec<TownKey> = match rng.below(3) {
            0 => Vec::new(),
            _ => {
                let served = &file.office.towns;
                (0..1 + rng.below(3))
                    .map(|_| served[rng.below(served.len())].clone())
                    .collect()
            }
        };
        file.offers.push(Offer {
            translations: Default::default(),
            id: format!("offer-{n:05}").parse().expect("bench offer id"),
            title: format!("{} {}", TITLES[rng.below(TITLES.len())], rng.below(500)),
            description: "Ein Angebot für Familien mit kleinen Kindern.".to_owned(),
            category: Category::Treffpunkt,
            // One offer in twenty names no age group (it goes to "unknown_age").
            age: (n % 20 != 0).then_some(AgeRange {
                from_months: from,
                to_months: to,
            }),
            towns,
            place: None,
            schedule: Schedule {
                weekly: vec![WeeklySlot {
                    day: Weekday::Mi,
                    opens: "09:30".to_owned(),
                    closes: "11:00".to_owned(),
                    weeks_of_month: Vec::new(),
                }],
                text: None,
            },
            languages: vec!["de".to_owned()],
            cost: Some("kostenlos".to_owned()),
            registration: Registration::No,
            contact: Contact::default(),
            source: "bench".to_owned(),
            as_of: Some(date("2026-01-01").into()),
        });
    }
    files
}

fn benches(c: &mut Criterion) {
    let towns = real_towns::real_towns();
    let files = office_files(&towns);
    let statewide = statewide();
    let today = date("2026-11-21");
    let birth = BirthInfo::Born(date("2026-03-14"));
    let largest = files
        .iter()
        .max_by_key(|f| f.offers.len())
        .expect("offices");
    let typical = &files[OFFICES / 2];
    let mut everything = largest.clone();
    everything.offers = files
        .iter()
        .flat_map(|f| f.offers.iter().cloned())
        .collect();
    println!(
        "offers: largest office {}, typical office {}, all {}",
        largest.offers.len(),
        typical.offers.len(),
        everything.offers.len()
    );

    let mut group = c.benchmark_group("child_view");
    for (name, file) in [
        ("typical office", typical),
        ("largest office", largest),
        ("all 20000 in one file", &everything),
    ] {
        let town = file.office.towns[0].clone();
        group.bench_function(name, |b| {
            b.iter(|| {
                child_view(
                    Some(black_box(file)),
                    black_box(&town),
                    black_box(birth),
                    &statewide,
                    today,
                    &[],
                )
            })
        });
    }
    group.bench_function("expected child, largest office", |b| {
        let town = largest.office.towns[0].clone();
        let expected = BirthInfo::Expected(date("2027-02-01"));
        b.iter(|| {
            child_view(
                Some(black_box(largest)),
                black_box(&town),
                black_box(expected),
                &statewide,
                today,
                &[],
            )
        })
    });
    group.finish();

    let index = TownIndex::new(&towns);
    let mut group = c.benchmark_group("town_search");
    group.bench_function("build index (396 towns)", |b| {
        b.iter(|| TownIndex::new(black_box(&towns)))
    });
    for query in ["gre", "frondenberg", "48268", "Mün", "48", "kirchen"] {
        group.bench_function(query, |b| b.iter(|| index.search(black_box(query), 8)));
    }
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .without_plots()
}

criterion_group! { name = matching; config = config(); targets = benches }
criterion_main!(matching);

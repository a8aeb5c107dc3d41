//! The real NRW towns read from the repository's data/gemeinden.csv, for tests and the
//! benchmark: the core's unit tests include it through `testdata`, and benches/matching.rs
//! includes this same file with `#[path]`, so it names `Town` through `super`.

use super::Town;

/// The real NRW towns from the repository's `data/gemeinden.csv` (Destatis; postcodes from
/// OpenStreetMap), read with a tiny CSV reader.
pub fn real_towns() -> Vec<Town> {
    let text = include_str!("../../../data/gemeinden.csv");
    let mut lines = text.lines();
    let header = split_csv_line(lines.next().unwrap_or_default());
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .expect("column present")
    };
    let (ags, name, kreis, kind, plz) = (
        column("ags"),
        column("name"),
        column("kreis"),
        column("kreis_type"),
        column("plz_all"),
    );
    lines
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let row = split_csv_line(line);
            Town {
                ags: row[ags].parse().expect("a valid key in the real town list"),
                name: row[name].clone(),
                kreis: row[kreis].clone(),
                kreisfrei: row[kind] == "kreisfreie Stadt",
                postcodes: row[plz].split_whitespace().map(str::to_owned).collect(),
                office: None,
                confidence: Default::default(),
            }
        })
        .collect()
}

/// The fields of one CSV line: commas separate, double quotes enclose, "" is a quote.
fn split_csv_line(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().expect("one field").push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            _ => fields.last_mut().expect("one field").push(c),
        }
    }
    fields
}

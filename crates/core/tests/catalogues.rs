//! The catalogues in public/lang/: every language has exactly German's keys, placeholders and
//! the plural forms its numbers need; index.html lists exactly these languages; and every key
//! the code names is in German (and every German key is named somewhere in the code).

use kekiz_core::i18n::{compare_catalogues, parse_catalogue, parse_language_list, Catalogue};
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every catalogue file, parsed, German first.
fn catalogues() -> Vec<Catalogue> {
    let dir = root().join("public/lang");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("public/lang exists")
        .map(|entry| entry.expect("readable").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort_by_key(|p| p.file_stem() != Some("de".as_ref()));
    files
        .iter()
        .map(|path| {
            let code = path
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("file name");
            let text = fs::read_to_string(path).expect("readable");
            let name = format!("public/lang/{code}.txt");
            parse_catalogue(code, &name, &text).unwrap_or_else(|error| panic!("{error}"))
        })
        .collect()
}

#[test]
fn every_language_has_exactly_the_german_keys_and_placeholders() {
    let all = catalogues();
    assert_eq!(all[0].code, "de", "public/lang/de.txt is missing");
    assert!(
        all.len() >= 10,
        "ten languages expected, found {}",
        all.len()
    );
    let problems: Vec<String> = all[1..]
        .iter()
        .flat_map(|other| compare_catalogues(&all[0], other))
        .map(|problem| problem.to_string())
        .collect();
    assert!(
        problems.is_empty(),
        "{} catalogue problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_page_lists_exactly_the_catalogues() {
    let html = fs::read_to_string(root().join("index.html")).expect("index.html");
    let start = html
        .find("name=\"kekiz-languages\" content=\"")
        .expect("index.html has <meta name=\"kekiz-languages\" content=\"…\">");
    let rest = &html[start + "name=\"kekiz-languages\" content=\"".len()..];
    let listed = parse_language_list(&rest[..rest.find('"').expect("closing quote")]);
    let mut listed_codes: Vec<&str> = listed.iter().map(|l| l.code.as_str()).collect();
    let all = catalogues();
    let mut file_codes: Vec<&str> = all.iter().map(|c| c.code.as_str()).collect();
    listed_codes.sort_unstable();
    file_codes.sort_unstable();
    assert_eq!(
        listed_codes, file_codes,
        "index.html's language list and public/lang/ differ"
    );
    for language in &listed {
        let catalogue = all
            .iter()
            .find(|c| c.code == language.code)
            .expect("listed");
        assert_eq!(
            language.name, catalogue.name,
            "{}: @name and index.html differ",
            language.code
        );
        assert_eq!(
            language.dir, catalogue.dir,
            "{}: @dir and index.html differ",
            language.code
        );
    }
}

/// Every string literal in the Rust sources of the app and the core.
fn literals() -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![root().join("src"), root().join("crates/core/src")];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("readable") {
            let path = entry.expect("readable").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = fs::read_to_string(&path).expect("readable");
                found.extend(text.split('"').skip(1).step_by(2).map(str::to_owned));
            }
        }
    }
    found
}

#[test]
fn the_code_names_only_german_keys_and_every_german_key_is_used() {
    let german = &catalogues()[0];
    let literals = literals();
    let is_key_like = |s: &str| {
        s.contains('.')
            && !s.contains(' ')
            && s.split('.').count() >= 2
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'_')
            && !s.ends_with('.')
    };
    let prefixes: std::collections::BTreeSet<String> = german
        .keys()
        .map(|k| k.split('.').next().unwrap_or_default().to_owned())
        .collect();
    let unknown: Vec<&String> = literals
        .iter()
        .filter(|s| is_key_like(s))
        .filter(|s| prefixes.contains(s.split('.').next().unwrap_or_default()))
        .filter(|s| !german.has(s))
        .collect();
    assert!(
        unknown.is_empty(),
        "keys in the code that public/lang/de.txt lacks: {unknown:?}"
    );
    let unused: Vec<&str> = german
        .keys()
        .map(|k| k.split('[').next().unwrap_or(k))
        .filter(|k| !literals.iter().any(|l| l == k))
        .collect();
    assert!(
        unused.is_empty(),
        "keys in public/lang/de.txt that no code names: {unused:?}"
    );
}

#[test]
fn the_static_first_screen_in_index_html_says_what_the_app_says() {
    let html = fs::read_to_string(root().join("index.html")).expect("index.html");
    let german = &catalogues()[0];
    let say = |key: &'static str| german.render(&kekiz_core::i18n::Msg::new(key), german);
    for key in [
        "onboarding.title",
        "onboarding.lead",
        "app.skip_link",
        "app.emergency_link",
        "app.nav.visit",
        "app.nav.settings",
    ] {
        let text = say(key);
        assert!(
            html.contains(&format!(">{text}<")),
            "index.html's static first screen lacks `{key}` = {text}"
        );
    }
}

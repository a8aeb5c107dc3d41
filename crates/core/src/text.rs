//! Text folding for search and sorting: case, umlauts and ß, in two forms.
//!
//! Used inside the core by `town` (search) and `matching` (title order); not public.

/// How umlauts are folded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Umlauts {
    /// ä → a, ö → o, ü → u: "Fröndenberg" → "frondenberg".
    Plain,
    /// ä → ae, ö → oe, ü → ue: "Fröndenberg" → "froendenberg".
    Spelled,
}

/// Lower case, umlauts folded as `umlauts` says, ß → ss, a few accented letters to their base,
/// every run of other characters (spaces, hyphens, slashes, dots, brackets) to one space, trimmed.
pub(crate) fn fold(text: &str, umlauts: Umlauts) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let mut gap = false;
    for c in text.chars() {
        let mapped: &str = match c {
            'ä' | 'Ä' => pick(umlauts, "a", "ae"),
            'ö' | 'Ö' => pick(umlauts, "o", "oe"),
            'ü' | 'Ü' => pick(umlauts, "u", "ue"),
            'ß' | 'ẞ' => "ss",
            'à' | 'á' | 'â' | 'À' | 'Á' | 'Â' => "a",
            'è' | 'é' | 'ê' | 'È' | 'É' | 'Ê' => "e",
            'ç' | 'Ç' => "c",
            _ if c.is_alphanumeric() => {
                if gap && !out.is_empty() {
                    out.push(' ');
                }
                gap = false;
                crate::lowercase::push_lower(&mut out, c);
                continue;
            }
            _ => {
                gap = true;
                continue;
            }
        };
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        out.push_str(mapped);
    }
    out
}

fn pick(umlauts: Umlauts, plain: &'static str, spelled: &'static str) -> &'static str {
    match umlauts {
        Umlauts::Plain => plain,
        Umlauts::Spelled => spelled,
    }
}

/// The key German-aware enough for sorting titles: lower case, umlauts as their base letter
/// (DIN 5007-1, "Ärzte" sorts with "Arzte"), ß as ss.
pub(crate) fn sort_key(text: &str) -> String {
    fold(text, Umlauts::Plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_umlauts_and_separators() {
        assert_eq!(fold("Fröndenberg/Ruhr", Umlauts::Plain), "frondenberg ruhr");
        assert_eq!(
            fold("Fröndenberg/Ruhr", Umlauts::Spelled),
            "froendenberg ruhr"
        );
        assert_eq!(
            fold("  Schloß Holte-Stukenbrock ", Umlauts::Plain),
            "schloss holte stukenbrock"
        );
        assert_eq!(fold("Stolberg (Rhld.)", Umlauts::Plain), "stolberg rhld");
        assert_eq!(fold("ÜBACH", Umlauts::Spelled), "uebach");
        assert_eq!(fold("", Umlauts::Plain), "");
        assert_eq!(fold("--", Umlauts::Plain), "");
    }
}

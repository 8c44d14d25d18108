//! Units as readers type them: every unit of the bundled sheets, in either language, after a number in
//! either notation, reads back (in any case and spacing); and no text after a number makes the parser panic.
#![cfg(not(target_arch = "wasm32"))]

use plan_widget::i18n::Locale;
use plan_widget::num::{format_fixed, parse_number, NumError};
use plan_widget::sheet::Sheet;
use proptest::prelude::*;

/// The unit labels (Vietnamese, English) of every bundled sheet.
fn labels() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/sheets");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let sheet = Sheet::parse(&std::fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap();
        out.extend(sheet.units.iter().map(|u| (u.label.vi.clone(), u.label.en.clone())));
    }
    assert!(!out.is_empty());
    out
}

proptest! {
    #[test]
    fn every_sheet_unit_reads_back_in_both_languages(n in -1_000_000i64..1_000_000i64, d in 0u8..=2, i in 0usize..64) {
        let labels = labels();
        let (vi, en) = &labels[i % labels.len()];
        let x = n as f64 / 10f64.powi(i32::from(d));
        for locale in [Locale::Vi, Locale::En] {
            // As labelled, and as typed in a hurry: another case, doubled spaces or hyphens, no space before.
            let typed = [vi.to_uppercase().replace(' ', "  "), en.to_lowercase().replace(' ', "-")];
            for (k, label) in [vi, en, &typed[0], &typed[1]].into_iter().enumerate() {
                let gap = if k == 3 { "" } else { " " };
                let text = format!("{}{gap}{label}", format_fixed(x, d, locale));
                prop_assert_eq!(parse_number(&text, locale, &[vi, en]), Ok(x), "{}", text);
            }
        }
    }

    #[test]
    fn any_text_after_a_number_is_a_unit_or_an_error(tail in "\\PC{0,40}") {
        for locale in [Locale::Vi, Locale::En] {
            let text = format!("1.234,5 {tail}");
            match parse_number(&text, locale, &["tỷ đồng", "billion VND"]) {
                Err(NumError::UnknownUnit(u)) => prop_assert!(!u.is_empty() && u.chars().count() <= 21, "{:?}", u),
                Ok(x) => prop_assert!(x.is_finite()),
                Err(_) => {}
            }
        }
    }
}

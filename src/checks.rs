//! What must hold for any input whatsoever, checked by the fuzz targets (`fuzz/`) on generated input and
//! by the native corpus replay (`tests/fuzz_corpus.rs`) on every input the fuzzers kept. Each function
//! panics when a property fails: that is how a fuzzer reports it.

use crate::engine::{apply_preset, project, Preset};
use crate::i18n::Locale;
use crate::num::{format_fixed, format_trimmed, parse_number};
use crate::present;
use crate::scenario::Scenario;
use crate::sheet::Sheet;
use crate::ui::{Action, State};

const LOCALES: [Locale; 2] = [Locale::Vi, Locale::En];

/// Any bytes as a scenario for the Kon Tum sheet: reading never panics; a scenario that reads is the
/// same after its JSON round trip, and projects, presets and reads out without panicking.
pub fn scenario(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(sheet) = Sheet::kontum() else { panic!("the bundled sheet must be valid") };
    let Ok(s) = Scenario::parse(text, &sheet) else { return };
    let again = Scenario::parse(&s.to_json_pretty(), &sheet);
    assert_eq!(again.as_ref(), Ok(&s), "a scenario must survive its JSON form");
    exercise(&sheet, &s);
    // As the widget opens it from a file, and shows it.
    let mut state = State::new(sheet, Locale::Vi, None);
    state.act(Action { act: "import", arg: "scenario", value: text });
    show(&mut state);
}

/// Any bytes as a target sheet: reading never panics; a sheet that reads projects an empty scenario and
/// renders every text without panicking.
pub fn sheet(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(sheet) = Sheet::parse(text) else { return };
    let s = Scenario::empty(&sheet);
    exercise(&sheet, &s);
    show(&mut State::new(sheet, Locale::En, None));
}

/// Any text as a URL fragment: decoding never panics, and a scenario that decodes encodes to a fragment
/// that decodes to the same scenario.
pub fn fragment(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(sheet) = Sheet::kontum() else { panic!("the bundled sheet must be valid") };
    // As the widget opens a link: the sheet it names, then the scenario or a notice of its problems.
    let _ = crate::fragment::sheet_id(text);
    let opened = crate::ui::initial_sheet(None, Some(text));
    assert_eq!(opened.as_ref().map(|s| s.id.as_str()), Ok(sheet.id.as_str()), "no sheet is kept here");
    show(&mut State::new(sheet.clone(), Locale::Vi, Some(text)));
    let Ok(s) = crate::fragment::decode(text, &sheet) else { return };
    let again = crate::fragment::decode(&crate::fragment::encode(&s, &sheet), &sheet);
    assert_eq!(again.as_ref(), Ok(&s), "a decoded fragment must survive encoding");
    exercise(&sheet, &s);
}

/// Any text as a number in either locale: parsing never panics, and what parses is finite and prints.
pub fn number(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for l in LOCALES {
        if let Ok(x) = parse_number(text, l, &["%", "tỷ đồng", "billion VND"]) {
            assert!(x.is_finite(), "{text:?} parsed to {x}");
            for d in [0, 2, 6] {
                let printed = format_fixed(x, d, l);
                assert!(parse_number(&printed, l, &[]).is_ok(), "{printed:?} does not read back");
            }
            let _ = format_trimmed(x, 2, l);
        }
    }
}

/// Builds the whole widget's view in both languages, with a card's assumptions and data table open.
fn show(state: &mut State) {
    for l in LOCALES {
        state.locale = l;
        let _ = state.view();
    }
    if let Some(t) = state.sheet.targets.first().map(|t| t.id.clone()) {
        state.act(Action { act: "more", arg: &t, value: "" });
        state.act(Action { act: "table", arg: &format!("table-{t}"), value: "" });
        let _ = state.view();
    }
}

fn exercise(sheet: &Sheet, s: &Scenario) {
    for preset in Preset::ALL {
        let p = project(sheet, &apply_preset(sheet, s, preset));
        assert_eq!(p.results.len(), sheet.targets.len());
        for l in LOCALES {
            let _ = present::scoreboard(&p, l);
            let _ = crate::ui::parts::summary_table(sheet, &p, l);
            for r in &p.results {
                let Some(t) = sheet.target(&r.id) else { continue };
                let input = s.inputs.get(&r.id);
                let _ = crate::ui::parts::card_output(sheet, t, input, r.outcome.as_ref(), l);
                if let (Some(o), Some(i)) = (&r.outcome, input) {
                    assert!(o.probability.is_none_or(|p| (0.0..=1.0).contains(&p)), "{}: {:?}", r.id, o.probability);
                    let _ = crate::ui::parts::target_table(sheet, t, o, i, s.as_of, l);
                }
            }
        }
    }
}

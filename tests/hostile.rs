//! Hostile inputs (docs/robustness.md): each gets a clear error or is shown as plain text, and nothing
//! panics. Browser-side cases (blocked storage, message floods) are in tests/e2e/hostile.test.mjs.
#![cfg(not(target_arch = "wasm32"))]

use plan_widget::engine::project;
use plan_widget::i18n::Locale;
use plan_widget::markup::Node;
use plan_widget::num::{parse_number, NumError};
use plan_widget::present;
use plan_widget::problem::ProblemKind;
use plan_widget::scenario::Scenario;
use plan_widget::sheet::{Sheet, MAX_TARGETS};
use std::process::Command;

#[path = "support/synthetic.rs"]
mod synthetic;

const SCRIPT: &str = "<script>alert(1)</script><img src=x onerror=alert(2)>";

#[test]
fn html_and_script_in_every_text_field_stay_text() {
    let json = synthetic::sheet_json(3)
        .replace("Chỉ tiêu 0", SCRIPT)
        .replace("Target 1", SCRIPT)
        .replace("Lĩnh vực 0", SCRIPT)
        .replace(r#""vi": "Thử""#, &format!(r#""vi": "{}""#, SCRIPT.replace('"', "'")));
    let sheet = Sheet::parse(&json).expect("markup in text fields is just text");
    let text = format!(
        r#"{{"version": 1, "sheet": "synthetic-3", "name": "{s}", "notes": "{s}", "as_of": "2023-06-30",
            "inputs": {{"t0": {{"achieved": 5, "note": "{s}"}}}}}}"#,
        s = SCRIPT
    );
    let scenario = Scenario::parse(&text, &sheet).unwrap();
    let p = project(&sheet, &scenario);
    for l in [Locale::Vi, Locale::En] {
        for t in &sheet.targets {
            let out = Node::new("div").children(present::card_output(
                &sheet,
                t,
                scenario.inputs.get(&t.id),
                p.get(&t.id).and_then(|r| r.outcome.as_ref()),
                l,
            ));
            assert_only_text(&out);
        }
        assert_only_text(&Node::new("div").children(present::masthead(&sheet, l)));
        assert_only_text(&present::summary_table(&sheet, &p, l));
    }
    // The markup is carried as text, exactly.
    let out = Node::new("div").children(present::card_output(
        &sheet,
        &sheet.targets[0],
        scenario.inputs.get("t0"),
        p.get("t0").and_then(|r| r.outcome.as_ref()),
        Locale::Vi,
    ));
    assert!(out.text_content().contains(SCRIPT));
}

/// Elements in a markup tree come only from the code's own tags, never from data.
fn assert_only_text(n: &Node) {
    const TAGS: [&str; 19] = [
        "div", "p", "span", "h1", "h3", "header", "dl", "dt", "dd", "ul", "li", "q", "table", "caption", "thead",
        "tbody", "tr", "th", "td",
    ];
    assert!(TAGS.contains(&n.tag) || n.tag == "time", "unexpected element <{}>", n.tag);
    for c in &n.children {
        assert_only_text(c);
    }
}

#[test]
fn enormous_numbers_are_refused() {
    assert_eq!(parse_number("1e308", Locale::En, &[]), Err(NumError::Unexpected('e')));
    assert_eq!(parse_number(&"9".repeat(40), Locale::En, &[]), Err(NumError::TooLarge));
    let sheet = Sheet::kontum().unwrap();
    for n in ["1e300", "1.000001e15", "-1e16", "123456789012345678901234567890"] {
        let text = format!(
            r#"{{"version": 1, "sheet": "kontum-15-nq-tu-2022", "as_of": "2022-09-30", "inputs": {{"jobs": {{"achieved": {n}}}}}}}"#
        );
        let p = Scenario::parse(&text, &sheet).expect_err(n);
        assert!(p.iter().any(|p| p.place == "jobs" && p.kind == ProblemKind::TooLarge), "{n}: {p:?}");
    }
}

#[test]
fn nan_and_infinity_are_refused_in_json_and_typing() {
    let sheet = Sheet::kontum().unwrap();
    for spelled in [r#""NaN""#, r#""Infinity""#, r#""-Infinity""#, "NaN", "Infinity"] {
        let text = format!(
            r#"{{"version": 1, "sheet": "kontum-15-nq-tu-2022", "as_of": "2022-09-30", "inputs": {{"jobs": {{"achieved": {spelled}}}}}}}"#
        );
        assert!(Scenario::parse(&text, &sheet).is_err(), "{spelled}");
    }
    for typed in ["NaN", "Infinity", "-inf", "∞"] {
        for l in [Locale::Vi, Locale::En] {
            assert!(matches!(parse_number(typed, l, &[]), Err(NumError::Unexpected(_))), "{typed}");
        }
    }
}

#[test]
fn a_hundred_thousand_targets_are_refused_with_one_message() {
    let json = synthetic::sheet_json(100_000);
    let problems = Sheet::parse(&json).expect_err("too many targets");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].kind, ProblemKind::TooMany(MAX_TARGETS));
    // At the limit, the sheet reads and projects.
    let sheet = Sheet::parse(&synthetic::sheet_json(MAX_TARGETS)).unwrap();
    let scenario = Scenario::parse(&synthetic::scenario_json(MAX_TARGETS), &sheet).unwrap();
    assert_eq!(project(&sheet, &scenario).with_data, MAX_TARGETS);
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let sheet = Sheet::kontum().unwrap();
    for depth in [200, 10_000, 1_000_000] {
        let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(Sheet::parse(&deep).is_err());
        assert!(Scenario::parse(&deep, &sheet).is_err());
        let deep_object = format!("{}1{}", r#"{"a":"#.repeat(depth), "}".repeat(depth));
        assert!(Scenario::parse(&deep_object, &sheet).is_err());
    }
}

fn targets(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_targets")).args(args).output().unwrap()
}

#[test]
fn a_file_over_10_mb_and_invalid_utf8_are_refused_by_the_command() {
    let dir = std::env::temp_dir().join(format!("plan-widget-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("big.json");
    std::fs::write(&big, vec![b' '; 10 * 1024 * 1024 + 1]).unwrap();
    let out = targets(&["check", "--sheet", big.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is too large"));
    let bad = dir.join("bad.json");
    std::fs::write(&bad, [b'{', 0xff, 0xfe, b'}']).unwrap();
    let out = targets(&["project", "--scenario", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8"));
    std::fs::remove_dir_all(&dir).unwrap();
}

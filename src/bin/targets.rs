//! `targets`: the projection engine for data desks and tests.
//!
//! ```text
//! targets project --scenario FILE [--sheet FILE] [--format json|csv] [--method flat|profile|last-year] [--lang en|vi]
//! targets check (--sheet FILE | --scenario FILE [--sheet FILE]) [--lang en|vi]
//! targets link --scenario FILE [--base URL] [--sheet FILE]
//! targets sheet (--from-csv FILE | --to-csv FILE | --to-tsv FILE) [--lang en|vi]
//! targets backtest --as-of YYYY-MM-DD [--sheet FILE]
//! ```
//! Exit code 0 on success, 2 on invalid input or usage, with every problem on stderr.
//!
//! Nothing from a file or an argument reaches the terminal as a control character: a crafted sheet
//! could otherwise move the cursor or recolour the screen (a green "ok" over a failure). Every control
//! character (C0, DEL, C1) in the output is written visibly: as `\u{1b}` in plain text and CSV, as the
//! JSON escape `\u001b` in JSON (so the JSON stays valid). Line ends stay (a line feed, or a carriage
//! return before one). The readers already take control characters out of a sheet's and a scenario's
//! texts; this is what holds for a path, an option, or anything they may let through.

use plan_widget::engine::{project, Method};
use plan_widget::i18n::Locale;
use plan_widget::problem::{messages, Problem, ProblemKind};
use plan_widget::report;
use plan_widget::scenario::Scenario;
use plan_widget::sheet::Sheet;
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage:
  targets project --scenario FILE [--sheet FILE] [--format json|csv] [--method flat|profile|last-year] [--lang en|vi]
                  (--method: flat, the pace so far; profile, the months' usual shares of the period
                  where the sheet gives a target's; last-year, against the same period last year where
                  an input has its figures; a target the method does not apply to is projected flat.
                  By default the best each target's inputs allow: last-year, else profile, else flat)
  targets check (--sheet FILE | --scenario FILE [--sheet FILE]) [--lang en|vi]
  targets link --scenario FILE [--base URL] [--sheet FILE]   (the share URL; base http://127.0.0.1:8080/)
  targets sheet --from-csv FILE   (a spreadsheet's table, CSV or TSV, as a JSON sheet; docs/sheet-format.md)
  targets sheet --to-csv FILE | --to-tsv FILE   (a JSON sheet as a table)
  targets backtest --as-of YYYY-MM-DD [--sheet FILE]
                  (each earlier year of each target's history at that point of the year, projected as it
                  would have been then, with a range from the years before it alone; CSV)
Without --sheet, the bundled Kon Tum sheet (kontum-15-nq-tu-2022) is used.";

/// Files larger than this are refused rather than read into memory.
const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

enum Command {
    Project,
    Check,
    Link,
    Sheet,
    Backtest,
}

struct Args {
    command: Command,
    scenario: Option<String>,
    sheet: Option<String>,
    format: String,
    /// `--method M` projects every target by M where it applies and by the pace so far elsewhere; none
    /// takes the best each target's inputs allow.
    method: Option<Method>,
    locale: Locale,
    base: String,
    /// `sheet`: the table to read (`--from-csv`), or the JSON sheet to write as a table and the separator.
    from_table: Option<String>,
    to_table: Option<(String, char)>,
    /// `backtest`: the point of the year.
    as_of: Option<String>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let command = match args.next().as_deref() {
        Some("project") => Command::Project,
        Some("check") => Command::Check,
        Some("link") => Command::Link,
        Some("sheet") => Command::Sheet,
        Some("backtest") => Command::Backtest,
        Some("-h" | "--help") => return Err(String::new()),
        Some(other) => return Err(format!("unknown command {other:?}")),
        None => return Err("no command given".into()),
    };
    let mut out = Args {
        command,
        scenario: None,
        sheet: None,
        format: "json".into(),
        method: None,
        locale: Locale::En,
        base: "http://127.0.0.1:8080/".into(),
        from_table: None,
        to_table: None,
        as_of: None,
    };
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--scenario" => out.scenario = Some(value()?),
            "--sheet" => out.sheet = Some(value()?),
            "--base" => out.base = value()?,
            "--from-csv" => out.from_table = Some(value()?),
            "--to-csv" => out.to_table = Some((value()?, ',')),
            "--to-tsv" => out.to_table = Some((value()?, '\t')),
            "--as-of" => out.as_of = Some(value()?),
            "--format" => {
                out.format = value()?;
                if out.format != "json" && out.format != "csv" {
                    return Err(format!("unknown format {:?}: use json or csv", out.format));
                }
            }
            "--method" => {
                let code = value()?;
                out.method = Some(
                    Method::parse(&code).ok_or(format!("unknown method {code:?}: use flat, profile or last-year"))?,
                );
            }
            "--lang" => {
                let code = value()?;
                out.locale = Locale::from_code(&code).ok_or(format!("unknown language {code:?}: use en or vi"))?;
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(out)
}

/// Reads a file as UTF-8 text; a missing, unreadable, oversized or non-UTF-8 file is a problem.
fn read_text(path: &str) -> Result<String, Vec<Problem>> {
    let fail = |kind: ProblemKind| vec![Problem { place: path.to_string(), field: String::new(), kind }];
    let file = std::fs::File::open(path).map_err(|e| fail(ProblemKind::NotJson(e.to_string())))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| fail(ProblemKind::NotJson(e.to_string())))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(ProblemKind::TooLarge));
    }
    String::from_utf8(bytes).map_err(|_| fail(ProblemKind::NotJson("not UTF-8 text".into())))
}

fn load_sheet(path: Option<&str>) -> Result<Sheet, Vec<Problem>> {
    match path {
        None => Sheet::kontum(),
        Some(p) => Sheet::parse(&read_text(p)?),
    }
}

fn run(args: &Args) -> Result<String, Vec<Problem>> {
    if let Command::Sheet = args.command {
        return match (&args.from_table, &args.to_table) {
            (Some(path), None) => {
                let (_, json) = plan_widget::table::from_table_json(&read_text(path)?)?;
                Ok(serde_json::to_string_pretty(&json).unwrap_or_default() + "\n")
            }
            (None, Some((path, sep))) => Ok(plan_widget::table::to_table(&Sheet::parse(&read_text(path)?)?, *sep)),
            _ => Err(vec![Problem { place: String::new(), field: "--from-csv".into(), kind: ProblemKind::Missing }]),
        };
    }
    let sheet = load_sheet(args.sheet.as_deref())?;
    match args.command {
        Command::Project => {
            let path = args.scenario.as_deref().ok_or_else(|| {
                vec![Problem { place: String::new(), field: "--scenario".into(), kind: ProblemKind::Missing }]
            })?;
            let mut scenario = Scenario::parse(&read_text(path)?, &sheet)?;
            if let Some(m) = args.method {
                for (id, input) in scenario.inputs.iter_mut() {
                    let applies = sheet.target(id).is_some_and(|t| m.applies(t, input));
                    input.method = Some(if applies { m } else { Method::Flat });
                }
            }
            let projection = project(&sheet, &scenario);
            Ok(if args.format == "csv" {
                report::to_csv(&sheet, &projection)
            } else {
                let json = report::to_json(&sheet, &scenario, &projection);
                serde_json::to_string_pretty(&json).unwrap_or_default() + "\n"
            })
        }
        Command::Link => {
            let path = args.scenario.as_deref().ok_or_else(|| {
                vec![Problem { place: String::new(), field: "--scenario".into(), kind: ProblemKind::Missing }]
            })?;
            let scenario = Scenario::parse(&read_text(path)?, &sheet)?;
            let base = args.base.split('#').next().unwrap_or_default();
            Ok(format!("{base}#{}\n", plan_widget::fragment::encode(&scenario, &sheet)))
        }
        Command::Sheet => Ok(String::new()),
        Command::Backtest => {
            let text = args.as_of.as_deref().ok_or_else(|| {
                vec![Problem { place: String::new(), field: "--as-of".into(), kind: ProblemKind::Missing }]
            })?;
            let as_of = plan_widget::date::Date::parse(text).ok_or_else(|| {
                vec![Problem { place: String::new(), field: "--as-of".into(), kind: ProblemKind::BadDate(text.into()) }]
            })?;
            Ok(backtest_csv(&sheet, as_of))
        }
        Command::Check => {
            if let Some(path) = args.scenario.as_deref() {
                let scenario = Scenario::parse(&read_text(path)?, &sheet)?;
                Ok(format!("ok: scenario {path:?} for sheet {} ({} inputs)\n", sheet.id, scenario.inputs.len()))
            } else if args.sheet.is_some() {
                Ok(format!("ok: sheet {} ({} targets)\n", sheet.id, sheet.targets.len()))
            } else {
                Err(vec![Problem { place: String::new(), field: "--sheet".into(), kind: ProblemKind::Missing }])
            }
        }
    }
}

/// The backtest of every target with history, one row per earlier year and method: the error is
/// `|ln(outcome / projected)|` for a flow, `|outcome − projected|` in points for an average.
fn backtest_csv(sheet: &Sheet, as_of: plan_widget::date::Date) -> String {
    use plan_widget::engine::backtest;
    use plan_widget::sheet::Kind;
    let mut out = String::from("id,as_of,method,to_date,projected,low,high,outcome,covered,error,years\n");
    let n = |x: f64| report::csv_num(Some(x));
    for t in sheet.targets.iter().filter(|t| !t.history.is_empty()) {
        let methods: &[Method] = match (t.kind, t.profile.is_some()) {
            (Kind::Flow, true) => &[Method::Flat, Method::Profile, Method::LastYear],
            (Kind::Flow, false) => &[Method::Flat, Method::LastYear],
            _ => &[Method::Flat],
        };
        for &m in methods {
            for c in backtest(sheet, t, as_of, m) {
                let error = if t.kind == Kind::Flow {
                    (c.outcome / c.projected).ln().abs()
                } else {
                    (c.outcome - c.projected).abs()
                };
                let (low, high, covered) = match c.range {
                    Some((lo, hi)) => (n(lo), n(hi), (lo <= c.outcome && c.outcome <= hi).to_string()),
                    None => (String::new(), String::new(), String::new()),
                };
                let cells = [
                    report::csv_field(&t.id),
                    c.as_of.iso(),
                    m.code().into(),
                    n(c.to_date),
                    n(c.projected),
                    low,
                    high,
                    n(c.outcome),
                    covered,
                    n(error),
                    c.years.to_string(),
                ];
                out.push_str(&cells.join(","));
                out.push('\n');
            }
        }
    }
    out
}

/// How [`visible`] writes a control character.
#[derive(Clone, Copy, PartialEq)]
enum Escape {
    /// `\u{1b}`, as Rust writes it: plain text and CSV.
    Text,
    /// `\u001b`, a JSON string's escape.
    Json,
    /// As `Text`, but a tab stays: it separates a TSV table's fields.
    Tsv,
}

/// `text` with every control character (C0, DEL, C1) written visibly, except the line ends: a line feed,
/// and a carriage return just before one.
fn visible(text: &str, escape: Escape) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let line_end = c == '\n' || (c == '\r' && chars.peek() == Some(&'\n'));
        if !c.is_control() || line_end || (c == '\t' && escape == Escape::Tsv) {
            out.push(c);
        } else if escape == Escape::Json {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
    }
    out
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("{}", visible(&e, Escape::Text));
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(out) => {
            let json = matches!(args.command, Command::Project) && args.format == "json"
                || matches!(args.command, Command::Sheet) && args.from_table.is_some();
            let tsv = matches!(args.to_table, Some((_, '\t')));
            let escape = if json {
                Escape::Json
            } else if tsv {
                Escape::Tsv
            } else {
                Escape::Text
            };
            print!("{}", visible(&out, escape));
            ExitCode::SUCCESS
        }
        Err(problems) => {
            eprintln!("{}", visible(&messages(&problems, args.locale), Escape::Text));
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_written_visibly_and_line_ends_stay() {
        let text = "ok\u{1b}[32m\tx\r\ny\rz\u{7f}\u{9b}\u{0}\n";
        assert_eq!(visible(text, Escape::Text), "ok\\u{1b}[32m\\u{9}x\r\ny\\u{d}z\\u{7f}\\u{9b}\\u{0}\n");
        assert_eq!(visible(text, Escape::Json), "ok\\u001b[32m\\u0009x\r\ny\\u000dz\\u007f\\u009b\\u0000\n");
        let json = visible("{\"a\": \"\u{9b}\u{7f}\"}", Escape::Json);
        assert_eq!(serde_json::from_str::<serde_json::Value>(&json).unwrap()["a"], "\u{9b}\u{7f}", "JSON stays valid");
        assert_eq!(visible("Kịch bản – ệ\n", Escape::Text), "Kịch bản – ệ\n");
    }
}

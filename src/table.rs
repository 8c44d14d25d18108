//! Target sheets as a spreadsheet's table (docs/sheet-format.md, "Sheets from a spreadsheet"): one row
//! per target, with rows for the sheet itself, its units, areas and milestones, as CSV or TSV (what a
//! spreadsheet's copy gives). [`from_table`] builds the sheet's JSON form and reads it with
//! [`Sheet::parse`], so a table is checked exactly as a JSON sheet is, and names each problem by its row;
//! [`to_table`] writes a sheet back, keeping every field ([`from_table`] of it is the same sheet).

use crate::problem::{Problem, ProblemKind};
use crate::sheet::Sheet;
use serde_json::{Map, Number, Value};

/// The columns, in the order [`to_table`] writes them. A table may hold them in any order and leave out
/// those it does not use; `section` and `id` are required.
pub const COLUMNS: [&str; 43] = [
    "section",
    "id",
    "format",
    "title.vi",
    "title.en",
    "resolution.number",
    "resolution.issuer.vi",
    "resolution.issuer.en",
    "resolution.date",
    "period.start",
    "period.end",
    "area",
    "clause",
    "label.vi",
    "label.en",
    "wording",
    "translation",
    "comparator",
    "value",
    "value_high",
    "better",
    "approximately",
    "tolerance",
    "baseline.value",
    "baseline.date",
    "change",
    "unit",
    "kind",
    "bound",
    "decimals",
    "part_of",
    "weights",
    "frequency",
    "deadline",
    "date",
    "history_source.vi",
    "history_source.en",
    "profile",
    "profile_source.vi",
    "profile_source.en",
    "as_of",
    "to_date",
    "total",
];

/// The largest table read, in rows: a sheet's targets and milestones, with room for its units and areas.
const MAX_ROWS: usize = 3 * crate::sheet::MAX_TARGETS;

/// Splits `text` into rows of fields: RFC 4180 quoting ("a ""b""" is `a "b"`, a quoted field may hold
/// the separator and line ends), the separator being the first of tab, semicolon and comma found in the
/// first line. A byte-order mark and blank lines are passed over.
pub fn split(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let sep = ['\t', ';', ','].into_iter().find(|c| first.contains(*c)).unwrap_or(',');
    let mut rows = Vec::new();
    let (mut row, mut field) = (Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' if quoted => quoted = false,
            '"' if field.is_empty() => quoted = true,
            c if c == sep && !quoted => row.push(std::mem::take(&mut field)),
            '\r' if !quoted && chars.peek() == Some(&'\n') => {}
            '\n' | '\r' if !quoted => {
                row.push(std::mem::take(&mut field));
                if row.iter().any(|f| !f.trim().is_empty()) {
                    rows.push(std::mem::take(&mut row));
                }
                row.clear();
            }
            c => field.push(c),
        }
    }
    row.push(field);
    if row.iter().any(|f| !f.trim().is_empty()) {
        rows.push(row);
    }
    rows
}

/// A place in a table: its row (counted from 1, the header being row 1), and what the JSON reader calls
/// it there. `problem::place_name` says it in words ("dòng 5 · budget-revenue").
fn at_row(row: usize, place: &str) -> String {
    format!("row:{row}:{place}")
}

/// Reads a sheet from a table's text, with every problem named by its row and field.
pub fn from_table(text: &str) -> Result<Sheet, Vec<Problem>> {
    from_table_json(text).map(|(sheet, _)| sheet)
}

/// The sheet a table holds, and its JSON form (what `targets sheet --from-csv` writes).
pub fn from_table_json(text: &str) -> Result<(Sheet, Value), Vec<Problem>> {
    let rows = split(text);
    let mut problems = Vec::new();
    let Some((header, body)) = rows.split_first() else {
        return Err(vec![Problem { place: String::new(), field: "section".into(), kind: ProblemKind::Missing }]);
    };
    if body.len() > MAX_ROWS {
        return Err(vec![Problem {
            place: String::new(),
            field: "targets".into(),
            kind: ProblemKind::TooMany(MAX_ROWS),
        }]);
    }
    let header: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
    for h in &header {
        if !COLUMNS.contains(&h.as_str()) && !h.is_empty() {
            problems.push(Problem {
                place: at_row(1, ""),
                field: h.clone(),
                kind: ProblemKind::NotOneOf(h.clone(), "section, id, and the columns of docs/sheet-format.md"),
            });
        }
    }
    for required in ["section", "id"] {
        if !header.iter().any(|h| h == required) {
            problems.push(Problem { place: at_row(1, ""), field: required.into(), kind: ProblemKind::Missing });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let problems = std::cell::RefCell::new(problems);
    let mut root = Map::new();
    let (mut units, mut areas, mut targets) = (Map::new(), Vec::new(), Vec::new());
    // Where each JSON place came from, to name problems by row.
    let mut rows_of: Vec<(String, usize)> = Vec::new();
    for (i, cells) in body.iter().enumerate() {
        let row = i + 2;
        // A cell as written (a text keeps its spaces, as a JSON sheet's does); a blank one is no value.
        let cell = |name: &str| -> Option<&str> {
            let at = header.iter().position(|h| h == name)?;
            cells.get(at).map(String::as_str).filter(|c| !c.trim().is_empty())
        };
        let number = |name: &str| -> Option<Value> {
            let text = cell(name)?.trim();
            match text.parse::<Number>() {
                Ok(n) => Some(Value::Number(n)),
                Err(_) => {
                    problems.borrow_mut().push(Problem {
                        place: at_row(row, ""),
                        field: name.into(),
                        kind: ProblemKind::WrongType("number"),
                    });
                    None
                }
            }
        };
        let text_pair = |base: &str| -> Option<Value> {
            let (vi, en) = (cell(&format!("{base}.vi")), cell(&format!("{base}.en")));
            (vi.is_some() || en.is_some()).then(|| {
                let mut o = Map::new();
                if let Some(vi) = vi {
                    o.insert("vi".into(), vi.into());
                }
                if let Some(en) = en {
                    o.insert("en".into(), en.into());
                }
                Value::Object(o)
            })
        };
        let id = cell("id").unwrap_or("").trim().to_string();
        match cell("section").map(|s| s.trim().to_lowercase()).as_deref() {
            Some("sheet") => {
                root.insert("format".into(), number("format").unwrap_or(Value::Null));
                root.insert("id".into(), id.into());
                if let Some(t) = text_pair("title") {
                    root.insert("title".into(), t);
                }
                let mut resolution = Map::new();
                if let Some(n) = cell("resolution.number") {
                    resolution.insert("number".into(), n.into());
                }
                if let Some(t) = text_pair("resolution.issuer") {
                    resolution.insert("issuer".into(), t);
                }
                if let Some(d) = cell("resolution.date") {
                    resolution.insert("date".into(), d.into());
                }
                root.insert("resolution".into(), Value::Object(resolution));
                let mut period = Map::new();
                for (col, key) in [("period.start", "start"), ("period.end", "end")] {
                    if let Some(d) = cell(col) {
                        period.insert(key.into(), d.into());
                    }
                }
                root.insert("period".into(), Value::Object(period));
                for place in ["", "period", "resolution"] {
                    rows_of.push((place.into(), row));
                }
            }
            Some("unit") => {
                let mut o = Map::new();
                if let Some(t) = text_pair("label") {
                    o.insert("label".into(), t);
                }
                rows_of.push((format!("units.{id}"), row));
                units.insert(id, Value::Object(o));
            }
            Some("area") => {
                let mut o = Map::new();
                o.insert("id".into(), id.clone().into());
                if let Some(c) = cell("clause") {
                    o.insert("clause".into(), c.into());
                }
                if let Some(t) = text_pair("label") {
                    o.insert("label".into(), t);
                }
                rows_of.push((id, row));
                rows_of.push((format!("areas[{}]", areas.len()), row));
                areas.push(Value::Object(o));
            }
            Some("target") => {
                let mut o = Map::new();
                o.insert("id".into(), id.clone().into());
                for key in [
                    "area",
                    "clause",
                    "wording",
                    "translation",
                    "comparator",
                    "better",
                    "change",
                    "unit",
                    "kind",
                    "part_of",
                    "frequency",
                    "deadline",
                ] {
                    if let Some(v) = cell(key) {
                        o.insert(key.into(), v.into());
                    }
                }
                if let Some(t) = text_pair("label") {
                    o.insert("label".into(), t);
                }
                for key in ["history_source", "profile_source"] {
                    if let Some(t) = text_pair(key) {
                        o.insert(key.into(), t);
                    }
                }
                let (low, high) = (number("value"), number("value_high"));
                match (low, high) {
                    (Some(l), Some(h)) => o.insert("value".into(), Value::Array(vec![l, h])),
                    (Some(v), None) => o.insert("value".into(), v),
                    (None, Some(h)) => o.insert("value".into(), Value::Array(vec![Value::Null, h])),
                    (None, None) => None,
                };
                for key in ["tolerance", "bound", "decimals"] {
                    if let Some(v) = number(key) {
                        o.insert(key.into(), v);
                    }
                }
                match cell("approximately").map(|s| s.trim().to_lowercase()).as_deref() {
                    None | Some("false") => {}
                    Some("true") => {
                        o.insert("approximately".into(), true.into());
                    }
                    Some(other) => {
                        o.insert("approximately".into(), other.into());
                    }
                }
                if cell("baseline.value").is_some() || cell("baseline.date").is_some() {
                    let mut b = Map::new();
                    if let Some(v) = number("baseline.value") {
                        b.insert("value".into(), v);
                    }
                    if let Some(d) = cell("baseline.date") {
                        b.insert("date".into(), d.into());
                    }
                    o.insert("baseline".into(), Value::Object(b));
                }
                // A list of numbers in one cell, separated by spaces: a month's weight or share each.
                for key in ["weights", "profile"] {
                    if let Some(ws) = cell(key) {
                        let mut list = Vec::new();
                        for w in ws.split_whitespace() {
                            match w.parse::<Number>() {
                                Ok(n) => list.push(Value::Number(n)),
                                Err(_) => problems.borrow_mut().push(Problem {
                                    place: at_row(row, &id),
                                    field: key.into(),
                                    kind: ProblemKind::WrongType("number"),
                                }),
                            }
                        }
                        o.insert(key.into(), Value::Array(list));
                    }
                }
                rows_of.push((id, row));
                rows_of.push((format!("targets[{}]", targets.len()), row));
                targets.push(Value::Object(o));
            }
            // A row of a list under the target above it: its texts and numbers by column.
            Some(section @ ("milestone" | "history")) => {
                let (list_key, texts, numbers): (&str, &[&str], &[&str]) = if section == "milestone" {
                    ("milestones", &["date", "comparator", "clause", "wording"], &["value"])
                } else {
                    ("history", &["as_of"], &["to_date", "total"])
                };
                let Some(t) = targets.iter_mut().rev().find(|t| t["id"] == id.as_str()) else {
                    problems.borrow_mut().push(Problem {
                        place: at_row(row, ""),
                        field: "id".into(),
                        kind: ProblemKind::UnknownReference(id),
                    });
                    continue;
                };
                let mut m = Map::new();
                for key in texts {
                    if let Some(v) = cell(key) {
                        m.insert((*key).into(), v.into());
                    }
                }
                for key in numbers {
                    if let Some(v) = number(key) {
                        m.insert((*key).into(), v);
                    }
                }
                let list = t
                    .as_object_mut()
                    .and_then(|o| o.entry(list_key).or_insert_with(|| Value::Array(Vec::new())).as_array_mut());
                if let Some(list) = list {
                    rows_of.push((format!("{id}.{list_key}[{}]", list.len()), row));
                    list.push(Value::Object(m));
                }
            }
            other => problems.borrow_mut().push(Problem {
                place: at_row(row, ""),
                field: "section".into(),
                kind: match other {
                    None => ProblemKind::Missing,
                    Some(s) => ProblemKind::NotOneOf(s.to_string(), "sheet, unit, area, target, milestone, history"),
                },
            }),
        }
    }
    root.insert("units".into(), Value::Object(units));
    root.insert("areas".into(), Value::Array(areas));
    root.insert("targets".into(), Value::Array(targets));
    let mut problems = problems.into_inner();
    let json = Value::Object(root);
    let read = Sheet::parse(&json.to_string());
    let found = match read {
        Ok(sheet) if problems.is_empty() => return Ok((sheet, json)),
        Ok(_) => Vec::new(),
        Err(p) => p,
    };
    // Each problem of the JSON reader, at the row its place came from.
    problems.extend(found.into_iter().map(|mut p| {
        if let Some((_, row)) = rows_of.iter().find(|(place, _)| *place == p.place) {
            p.place = at_row(*row, &p.place);
        }
        p
    }));
    Err(problems)
}

/// Reads a sheet from a file's text, whichever form it has: JSON (it opens with `{`), else a table.
pub fn read_any(text: &str) -> Result<Sheet, Vec<Problem>> {
    if text.trim_start_matches('\u{feff}').trim_start().starts_with('{') {
        Sheet::parse(text)
    } else {
        from_table(text)
    }
}

/// Writes `sheet` as a table, with `sep` between fields (`,` for CSV, a tab for TSV).
pub fn to_table(sheet: &Sheet, sep: char) -> String {
    let mut out = String::new();
    let mut line = |cells: &[(&str, String)]| {
        let row: Vec<String> = COLUMNS
            .iter()
            .map(|c| cells.iter().find(|(k, _)| k == c).map(|(_, v)| quote(v, sep)).unwrap_or_default())
            .collect();
        out.push_str(&row.join(&sep.to_string()));
        out.push('\n');
    };
    let header: Vec<(&str, String)> = COLUMNS.iter().map(|c| (*c, c.to_string())).collect();
    line(&header);
    let n = |x: f64| x.to_string();
    line(&[
        ("section", "sheet".into()),
        ("id", sheet.id.clone()),
        ("format", crate::sheet::SHEET_FORMAT.to_string()),
        ("title.vi", sheet.title.vi.clone()),
        ("title.en", sheet.title.en.clone()),
        ("resolution.number", sheet.number.clone()),
        ("resolution.issuer.vi", sheet.issuer.vi.clone()),
        ("resolution.issuer.en", sheet.issuer.en.clone()),
        ("resolution.date", sheet.date.iso()),
        ("period.start", sheet.start.iso()),
        ("period.end", sheet.end.iso()),
    ]);
    for u in &sheet.units {
        line(&[
            ("section", "unit".into()),
            ("id", u.id.clone()),
            ("label.vi", u.label.vi.clone()),
            ("label.en", u.label.en.clone()),
        ]);
    }
    for a in &sheet.areas {
        line(&[
            ("section", "area".into()),
            ("id", a.id.clone()),
            ("clause", a.clause.clone()),
            ("label.vi", a.label.vi.clone()),
            ("label.en", a.label.en.clone()),
        ]);
    }
    for t in &sheet.targets {
        let mut cells = vec![
            ("section", "target".to_string()),
            ("id", t.id.clone()),
            ("area", t.area.clone()),
            ("clause", t.clause.clone()),
            ("label.vi", t.label.vi.clone()),
            ("label.en", t.label.en.clone()),
            ("wording", t.wording.clone()),
            ("comparator", t.comparator.code().into()),
            ("value", n(t.value)),
            ("unit", sheet.unit(t).id.clone()),
            ("kind", t.kind.code().into()),
            ("decimals", t.decimals.to_string()),
        ];
        if let Some(tr) = &t.translation {
            cells.push(("translation", tr.clone()));
        }
        if let Some(h) = t.high {
            cells.push(("value_high", n(h)));
        }
        // `better` is written only where the comparator does not imply it (or a baseline's change).
        if t.comparator.implied_better() != Some(t.better) || t.baseline.is_some() {
            cells.push(("better", t.better.code().into()));
        }
        if let Some(tol) = t.tolerance {
            cells.push(("approximately", "true".into()));
            cells.push(("tolerance", n(tol)));
        }
        if let Some(b) = t.baseline {
            cells.push(("baseline.value", n(b.value)));
            cells.push(("baseline.date", b.date.iso()));
            cells.push(("change", b.change.code().into()));
        }
        if let Some(b) = t.bound {
            cells.push(("bound", n(b)));
        }
        if let Some(p) = &t.part_of {
            cells.push(("part_of", p.clone()));
        }
        if t.quarterly {
            cells.push(("frequency", "quarterly".into()));
        }
        if let Some(d) = t.deadline {
            cells.push(("deadline", d.iso()));
        }
        if let Some(ws) = &t.weights {
            cells.push(("weights", ws.iter().map(|w| n(*w)).collect::<Vec<_>>().join(" ")));
        }
        if let Some(src) = &t.history_source {
            cells.push(("history_source.vi", src.vi.clone()));
            cells.push(("history_source.en", src.en.clone()));
        }
        if let Some(p) = &t.profile {
            cells.push(("profile", p.iter().map(|x| n(*x)).collect::<Vec<_>>().join(" ")));
        }
        if let Some(src) = &t.profile_source {
            cells.push(("profile_source.vi", src.vi.clone()));
            cells.push(("profile_source.en", src.en.clone()));
        }
        line(&cells);
        for m in &t.milestones {
            line(&[
                ("section", "milestone".into()),
                ("id", t.id.clone()),
                ("date", m.date.iso()),
                ("comparator", m.comparator.code().into()),
                ("value", n(m.value)),
                ("clause", m.clause.clone()),
                ("wording", m.wording.clone()),
            ]);
        }
        for p in &t.history {
            line(&[
                ("section", "history".into()),
                ("id", t.id.clone()),
                ("as_of", p.as_of.iso()),
                ("to_date", n(p.to_date)),
                ("total", n(p.total)),
            ]);
        }
    }
    out
}

/// A field as a table holds it: quoted when it holds the separator, a quote or a line end. A text that
/// a spreadsheet would run as a formula is not changed here: the sheet's own text is read back as text,
/// and this table is meant for spreadsheets of the newsroom's own sheets.
fn quote(s: &str, sep: char) -> String {
    if s.contains([sep, '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn the_bundled_sheets_survive_their_table() {
        for text in [
            crate::sheet::KONTUM_SHEET_JSON,
            include_str!("../data/sheets/kontum-2022-year-plan.json"),
            include_str!("../data/sheets/vn-68-2022-qh15-2023.json"),
        ] {
            let sheet = Sheet::parse(text).unwrap();
            for sep in [',', '\t'] {
                let table = to_table(&sheet, sep);
                assert_eq!(from_table(&table), Ok(sheet.clone()), "{table}");
            }
        }
    }

    #[test]
    fn a_table_splits_as_a_spreadsheet_writes_it() {
        let rows = split("\u{feff}a;b;c\r\n\"x;1\";\"say \"\"hi\"\"\";\"two\nlines\"\r\n\r\n;;\n1;2;3");
        assert_eq!(rows, [vec!["a", "b", "c"], vec!["x;1", "say \"hi\"", "two\nlines"], vec!["1", "2", "3"]]);
    }

    #[test]
    fn problems_are_named_by_row_and_field() {
        let sheet = Sheet::kontum().unwrap();
        let table = to_table(&sheet, ',');
        // Break the revenue target's comparator and value, and add a row of an unknown section.
        let broken: String = table
            .lines()
            .map(|l| {
                if l.starts_with("target,budget-revenue,") {
                    l.replace(",>,1700,", ",=>,1.700 tỷ,")
                } else {
                    l.to_string()
                }
            })
            .chain(["nope,x".to_string()])
            .collect::<Vec<_>>()
            .join("\n");
        let problems = from_table(&broken).unwrap_err();
        let said: Vec<String> = problems.iter().map(|p| p.message(Locale::En)).collect();
        let row = table.lines().position(|l| l.starts_with("target,budget-revenue,")).unwrap() + 1;
        assert!(said.iter().any(|m| m.starts_with(&format!("row {row} · value: must be a number"))), "{said:?}");
        assert!(said.iter().any(|m| m.starts_with(&format!("row {row} · budget-revenue · comparison"))), "{said:?}");
        // The sheet's own places read in their words at a row too: a period's start is a date.
        let empty_period = from_table("section,id\nsheet,x\n").unwrap_err();
        let start = empty_period.iter().find(|p| p.field == "start").unwrap().message(Locale::Vi);
        assert!(start.starts_with("dòng 2 · kỳ thực hiện (period) · ngày bắt đầu (start)"), "{start}");
        let vi = problems.iter().map(|p| p.message(Locale::Vi)).collect::<Vec<_>>();
        assert!(vi.iter().any(|m| m.starts_with("dòng ") && m.contains("«nope»")), "{vi:?}");
    }
}

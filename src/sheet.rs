//! The target sheet: a resolution's identity, its period, its areas and its numeric targets, read from
//! JSON (see `docs/sheet-format.md`) and validated into typed values. The Kon Tum sheet is embedded in
//! the binary at compile time, so the widget needs no request to show it.

use crate::date::Date;
use crate::i18n::Locale;
use crate::problem::{
    clean, parse_json, Problem, ProblemKind, Reader, MAX_ID_CHARS, MAX_LABEL_CHARS, MAX_WORDING_CHARS,
};
use serde_json::{Map, Value};

/// The sheet format this code reads.
pub const SHEET_FORMAT: u64 = 1;

/// The most targets a sheet may hold. A resolution has tens; a page of thousands of cards would not be
/// usable, and a cap keeps a hostile file from stalling the page (lookups by id are linear).
pub const MAX_TARGETS: usize = 2000;

/// The id of the bundled sheet.
pub const KONTUM_SHEET_ID: &str = "kontum-15-nq-tu-2022";

/// The bundled sheet of Resolution 15-NQ/TU of Kon Tum province (second half of 2022).
pub const KONTUM_SHEET_JSON: &str = include_str!("../data/sheets/kontum-15-nq-tu-2022.json");

/// Text in both of the widget's languages.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Text {
    pub vi: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, locale: Locale) -> &str {
        locale.pick(&self.vi, &self.en)
    }
}

/// How a target's value is compared with what is achieved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comparator {
    /// At least the value: "từ X trở lên", "đạt X", "X trở lên".
    AtLeast,
    /// More than the value: "trên X". Exactly X does not meet it.
    MoreThan,
}

impl Comparator {
    pub fn parse(s: &str) -> Option<Comparator> {
        match s {
            ">=" => Some(Comparator::AtLeast),
            ">" => Some(Comparator::MoreThan),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Comparator::AtLeast => ">=",
            Comparator::MoreThan => ">",
        }
    }

    /// The symbol shown next to the value.
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::AtLeast => "≥",
            Comparator::MoreThan => ">",
        }
    }

    /// The words a screen reader says for the symbol.
    pub fn words(self, locale: Locale) -> &'static str {
        match self {
            Comparator::AtLeast => locale.pick("từ … trở lên", "at least"),
            Comparator::MoreThan => locale.pick("trên", "more than"),
        }
    }

    /// Whether `value` meets `target` under this comparator. Differences smaller than a billionth of the
    /// target are floating-point noise, not progress: exactly 1,700 never meets "more than 1,700", and
    /// 1,699.9999999999998 reached by adding monthly paces does meet "at least 1,700".
    pub fn met(self, value: f64, target: f64) -> bool {
        let eps = 1e-9 * target.abs().max(1.0);
        match self {
            Comparator::AtLeast => value >= target - eps,
            Comparator::MoreThan => value > target + eps,
        }
    }
}

/// How a target's indicator accumulates over the period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Summed over the period (revenue, hectares planted, new members).
    Flow,
    /// Read at the period's end (a coverage share, the share of the plan disbursed).
    Level,
    /// A rate averaged over the period (GRDP growth, a resolution rate).
    Average,
}

impl Kind {
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "flow" => Some(Kind::Flow),
            "level" => Some(Kind::Level),
            "average" => Some(Kind::Average),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Kind::Flow => "flow",
            Kind::Level => "level",
            Kind::Average => "average",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    pub id: String,
    pub label: Text,
}

impl Unit {
    /// Whether the unit is written straight after the number, as "%" is ("92,75%").
    pub fn attaches(&self) -> bool {
        self.label.vi == "%"
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Area {
    pub id: String,
    pub clause: String,
    pub label: Text,
}

/// A dated checkpoint inside the period, such as "70% disbursed by 30 September".
#[derive(Clone, Debug, PartialEq)]
pub struct Milestone {
    pub date: Date,
    pub comparator: Comparator,
    pub value: f64,
    pub clause: String,
    pub wording: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    /// The target's place in `Sheet::targets` (and in a `Projection`'s results of the whole sheet).
    pub index: usize,
    pub id: String,
    pub area: String,
    pub clause: String,
    /// The resolution's own words, in Vietnamese.
    pub wording: String,
    pub label: Text,
    /// An English rendering of `wording`, for English readers.
    pub translation: Option<String>,
    pub comparator: Comparator,
    pub value: f64,
    /// Index into `Sheet::units`.
    pub unit: usize,
    pub kind: Kind,
    /// A natural upper bound (100 for shares) that no projection crosses.
    pub bound: Option<f64>,
    /// Digits after the decimal separator when showing this target's values.
    pub decimals: u8,
    /// The id of the target this one is a part of.
    pub part_of: Option<String>,
    /// For an average: the weight of each month of the period (equal when absent).
    pub weights: Option<Vec<f64>>,
    pub milestones: Vec<Milestone>,
}

/// A validated target sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub id: String,
    pub title: Text,
    pub number: String,
    pub issuer: Text,
    pub date: Date,
    pub start: Date,
    pub end: Date,
    pub units: Vec<Unit>,
    pub areas: Vec<Area>,
    pub targets: Vec<Target>,
}

impl Sheet {
    /// The bundled Kon Tum sheet. It is checked by the tests, so reading it cannot fail at run time; if
    /// it ever did, the error would name the problem rather than panic.
    pub fn kontum() -> Result<Sheet, Vec<Problem>> {
        Sheet::parse(KONTUM_SHEET_JSON)
    }

    /// Reads and validates a sheet, reporting every problem found. Every text is kept without control
    /// characters (tab, line feed and carriage return become a space) and is refused when longer than
    /// its cap ([`MAX_ID_CHARS`], [`MAX_LABEL_CHARS`], [`MAX_WORDING_CHARS`]; see
    /// [`crate::problem::clean`]). Ids are compared, and references resolved, once cleaned.
    pub fn parse(text: &str) -> Result<Sheet, Vec<Problem>> {
        let value = parse_json(text)?;
        let mut r = Reader::default();
        let sheet = read_sheet(&mut r, &value);
        match sheet {
            Some(s) if r.problems.is_empty() => Ok(s),
            _ => Err(r.problems),
        }
    }

    /// The number of months in the period (the period covers whole calendar months).
    pub fn months(&self) -> u32 {
        (self.end.month_index() - self.start.month_index() + 1) as u32
    }

    pub fn target(&self, id: &str) -> Option<&Target> {
        self.targets.iter().find(|t| t.id == id)
    }

    pub fn unit(&self, target: &Target) -> &Unit {
        &self.units[target.unit]
    }

    /// The targets of one area, in sheet order.
    pub fn targets_in<'a>(&'a self, area: &'a str) -> impl Iterator<Item = &'a Target> + 'a {
        self.targets.iter().filter(move |t| t.area == area)
    }
}

/// A text in both languages, each of at most [`MAX_LABEL_CHARS`] characters.
fn read_text(r: &mut Reader, obj: &Map<String, Value>, place: &str, field: &str) -> Option<Text> {
    let o = r.object(obj.get(field), place, field)?;
    let vi = text_field(r, o, place, field, "vi");
    let en = text_field(r, o, place, field, "en");
    Some(Text { vi: vi?, en: en? })
}

fn text_field(r: &mut Reader, o: &Map<String, Value>, place: &str, field: &str, lang: &str) -> Option<String> {
    let field = format!("{field}.{lang}");
    match o.get(lang) {
        Some(Value::String(s)) => r.text_value(s, place, &field, MAX_LABEL_CHARS, true),
        None => {
            r.push(place, &field, ProblemKind::Missing);
            None
        }
        Some(_) => {
            r.push(place, &field, ProblemKind::WrongType("string"));
            None
        }
    }
}

/// An object's id as a place in messages: cleaned, or `None` when it is missing, blank or too long (the
/// place is then the object's index, and the id's own problem is recorded where it is read).
fn id_place(o: &Map<String, Value>) -> Option<String> {
    let id = o.get("id").and_then(Value::as_str)?;
    Some(clean(id)).filter(|id| !id.trim().is_empty() && id.chars().count() <= MAX_ID_CHARS)
}

fn read_sheet(r: &mut Reader, value: &Value) -> Option<Sheet> {
    let root = r.object(Some(value), "", "")?;
    match root.get("format") {
        Some(Value::Number(n)) if n.as_u64() == Some(SHEET_FORMAT) => {}
        Some(other) => r.push("", "format", ProblemKind::UnknownVersion(other.to_string())),
        None => r.push("", "format", ProblemKind::Missing),
    }
    let id = r.text(root, "", "id", MAX_ID_CHARS);
    let title = read_text(r, root, "", "title");
    let resolution = r.object(root.get("resolution"), "", "resolution");
    let (number, issuer, date) = match resolution {
        Some(res) => (
            r.text(res, "resolution", "number", MAX_LABEL_CHARS),
            read_text(r, res, "resolution", "issuer"),
            r.date(res, "resolution", "date"),
        ),
        None => (None, None, None),
    };
    let (start, end) = match r.object(root.get("period"), "", "period") {
        Some(p) => (r.date(p, "period", "start"), r.date(p, "period", "end")),
        None => (None, None),
    };
    if let (Some(s), Some(e)) = (start, end) {
        if s.day != 1 || !e.is_last_day_of_month() || e < s {
            r.push("period", "", ProblemKind::PeriodNotWholeMonths);
        }
    }
    let months = match (start, end) {
        (Some(s), Some(e)) if e >= s => Some((e.month_index() - s.month_index() + 1) as usize),
        _ => None,
    };

    let mut units = Vec::new();
    match root.get("units") {
        Some(Value::Object(m)) => {
            for (uid, v) in m {
                let place = format!("units.{uid}");
                let Some(uid) = r.text_value(uid, &place, "id", MAX_ID_CHARS, true) else { continue };
                let place = format!("units.{uid}");
                if units.iter().any(|u: &Unit| u.id == uid) {
                    r.push(&place, "id", ProblemKind::Duplicate(uid.clone()));
                }
                if let Some(label) = r.object(Some(v), &place, "").and_then(|o| read_text(r, o, &place, "label")) {
                    units.push(Unit { id: uid, label });
                }
            }
        }
        Some(_) => r.push("", "units", ProblemKind::WrongType("object")),
        None => r.push("", "units", ProblemKind::Missing),
    }

    let mut areas: Vec<Area> = Vec::new();
    if let Some(list) = r.array(root, "", "areas") {
        for (i, v) in list.iter().enumerate() {
            let Some(o) = r.object(Some(v), &format!("areas[{i}]"), "") else { continue };
            let place = id_place(o).unwrap_or_else(|| format!("areas[{i}]"));
            let aid = r.text(o, &place, "id", MAX_ID_CHARS);
            let clause = r.text(o, &place, "clause", MAX_LABEL_CHARS);
            let label = read_text(r, o, &place, "label");
            if let Some(aid) = &aid {
                if areas.iter().any(|a| &a.id == aid) {
                    r.push(&place, "id", ProblemKind::Duplicate(aid.clone()));
                }
            }
            if let (Some(id), Some(clause), Some(label)) = (aid, clause, label) {
                areas.push(Area { id, clause, label });
            }
        }
    }

    let mut targets: Vec<Target> = Vec::new();
    let mut seen_ids: Vec<String> = Vec::new();
    let list = r.array(root, "", "targets");
    if list.is_some_and(|l| l.len() > MAX_TARGETS) {
        r.push("", "targets", ProblemKind::TooMany(MAX_TARGETS));
    }
    if let Some(list) = list.filter(|l| l.len() <= MAX_TARGETS) {
        for (i, v) in list.iter().enumerate() {
            let Some(o) = r.object(Some(v), &format!("targets[{i}]"), "") else { continue };
            let named = id_place(o);
            let place = named.clone().unwrap_or_else(|| format!("targets[{i}]"));
            if let Some(id) = named {
                if seen_ids.contains(&id) {
                    r.push(&place, "id", ProblemKind::Duplicate(id.clone()));
                }
                seen_ids.push(id);
            }
            if let Some(mut t) = read_target(r, o, &place, &units, &areas, months, start, end) {
                t.index = targets.len();
                targets.push(t);
            }
        }
        if list.is_empty() {
            r.push("", "targets", ProblemKind::Missing);
        }
    }
    // A part-of must name another target of the sheet.
    for t in &targets {
        if let Some(whole) = &t.part_of {
            if whole == &t.id || !seen_ids.iter().any(|s| s == whole) {
                r.push(&t.id, "part_of", ProblemKind::UnknownReference(whole.clone()));
            }
        }
    }
    Some(Sheet {
        id: id?,
        title: title?,
        number: number?,
        issuer: issuer?,
        date: date?,
        start: start?,
        end: end?,
        units,
        areas,
        targets,
    })
}

#[allow(clippy::too_many_arguments)]
fn read_target(
    r: &mut Reader,
    o: &Map<String, Value>,
    place: &str,
    units: &[Unit],
    areas: &[Area],
    months: Option<usize>,
    start: Option<Date>,
    end: Option<Date>,
) -> Option<Target> {
    let id = r.text(o, place, "id", MAX_ID_CHARS);
    let area = r.text(o, place, "area", MAX_ID_CHARS);
    if let Some(a) = &area {
        if !areas.iter().any(|x| &x.id == a) {
            r.push(place, "area", ProblemKind::UnknownReference(a.clone()));
        }
    }
    let clause = r.text(o, place, "clause", MAX_LABEL_CHARS);
    let wording = r.text(o, place, "wording", MAX_WORDING_CHARS);
    let label = read_text(r, o, place, "label");
    let translation = r.opt_text(o, place, "translation", MAX_WORDING_CHARS);
    let comparator = r.string(o, place, "comparator").and_then(|c| {
        let parsed = Comparator::parse(&c);
        if parsed.is_none() {
            r.push(place, "comparator", ProblemKind::NotOneOf(c, ">=, >"));
        }
        parsed
    });
    let value = r.number(o, place, "value");
    let unit = r.text(o, place, "unit", MAX_ID_CHARS).and_then(|u| {
        let found = units.iter().position(|x| x.id == u);
        if found.is_none() {
            r.push(place, "unit", ProblemKind::UnknownReference(u));
        }
        found
    });
    let kind = r.string(o, place, "kind").and_then(|k| {
        let parsed = Kind::parse(&k);
        if parsed.is_none() {
            r.push(place, "kind", ProblemKind::NotOneOf(k, "flow, level, average"));
        }
        parsed
    });
    let bound = r.opt_number(o, place, "bound");
    if let (Some(b), Some(v)) = (bound, value) {
        if v > b {
            r.push(place, "value", ProblemKind::AboveBound(b));
        }
    }
    if value.is_some_and(|v| v < 0.0) {
        r.push(place, "value", ProblemKind::Negative);
    }
    let decimals = match r.opt_number(o, place, "decimals") {
        None => Some(0),
        Some(d) if (0.0..=6.0).contains(&d) && d.fract() == 0.0 => Some(d as u8),
        Some(_) => {
            r.push(place, "decimals", ProblemKind::NotOneOf(o["decimals"].to_string(), "0–6"));
            None
        }
    };
    let part_of = r.opt_text(o, place, "part_of", MAX_ID_CHARS);
    let weights = match o.get("weights") {
        None | Some(Value::Null) => None,
        Some(Value::Array(ws)) => {
            let mut out = Vec::with_capacity(ws.len());
            for (j, w) in ws.iter().enumerate() {
                let field = format!("weights[{j}]");
                if let Some(x) = r.number_value(w, place, &field) {
                    if x <= 0.0 {
                        r.push(place, &field, ProblemKind::NotPositive);
                    }
                    out.push(x);
                }
            }
            if let Some(m) = months {
                if ws.len() != m {
                    r.push(place, "weights", ProblemKind::WrongLength(m));
                }
            }
            Some(out)
        }
        Some(_) => {
            r.push(place, "weights", ProblemKind::WrongType("array"));
            None
        }
    };
    let mut milestones = Vec::new();
    match o.get("milestones") {
        None | Some(Value::Null) => {}
        Some(Value::Array(ms)) => {
            for (j, m) in ms.iter().enumerate() {
                let mplace = format!("{place}.milestones[{j}]");
                let Some(mo) = r.object(Some(m), &mplace, "") else { continue };
                let date = r.date(mo, &mplace, "date");
                if let (Some(d), Some(s), Some(e)) = (date, start, end) {
                    if d < s || d > e {
                        r.push(&mplace, "date", ProblemKind::DateOutsidePeriod(d.iso()));
                    }
                }
                let comparator = r.string(mo, &mplace, "comparator").and_then(|c| {
                    let parsed = Comparator::parse(&c);
                    if parsed.is_none() {
                        r.push(&mplace, "comparator", ProblemKind::NotOneOf(c, ">=, >"));
                    }
                    parsed
                });
                let mvalue = r.number(mo, &mplace, "value");
                let mclause = r.text(mo, &mplace, "clause", MAX_LABEL_CHARS);
                let mwording = r.text(mo, &mplace, "wording", MAX_WORDING_CHARS);
                if let (Some(date), Some(comparator), Some(value), Some(clause), Some(wording)) =
                    (date, comparator, mvalue, mclause, mwording)
                {
                    milestones.push(Milestone { date, comparator, value, clause, wording });
                }
            }
        }
        Some(_) => r.push(place, "milestones", ProblemKind::WrongType("array")),
    }
    Some(Target {
        index: 0,
        id: id?,
        area: area?,
        clause: clause?,
        wording: wording?,
        label: label?,
        translation,
        comparator: comparator?,
        value: value?,
        unit: unit?,
        kind: kind?,
        bound,
        decimals: decimals?,
        part_of,
        weights,
        milestones,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const IDS: [&str; 19] = [
        "grdp-growth",
        "budget-revenue",
        "social-investment",
        "private-investment",
        "disbursement",
        "new-enterprises",
        "planting-fruit-trees",
        "planting-macadamia",
        "planting-ginseng",
        "planting-medicinal",
        "new-rural-communes",
        "jobs",
        "health-insurance",
        "em-residential-land",
        "em-production-land",
        "crime-report-resolution",
        "case-discovery",
        "new-party-members",
        "village-heads-party-members",
    ];

    #[test]
    fn the_kontum_sheet_holds_every_target_as_the_resolution_states_it() {
        let sheet = Sheet::kontum().expect("bundled sheet is valid");
        assert_eq!(sheet.id, "kontum-15-nq-tu-2022");
        assert_eq!(sheet.number, "15-NQ/TU");
        assert_eq!(sheet.date.iso(), "2022-07-06");
        assert_eq!((sheet.start.iso(), sheet.end.iso()), ("2022-07-01".into(), "2022-12-31".into()));
        assert_eq!(sheet.months(), 6);
        let ids: Vec<&str> = sheet.targets.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, IDS);
        let areas: Vec<&str> = sheet.areas.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(areas, ["economy", "society", "security", "party"]);
        // (id, comparator, value, unit, kind, bound, clause)
        use Comparator::*;
        use Kind::*;
        type Row = (&'static str, Comparator, f64, &'static str, Kind, Option<f64>, &'static str);
        let expected: [Row; 19] = [
            ("grdp-growth", AtLeast, 10.3, "percent", Average, None, "II.1.1"),
            ("budget-revenue", MoreThan, 1700.0, "billion-vnd", Flow, None, "II.1.1"),
            ("social-investment", AtLeast, 12650.0, "billion-vnd", Flow, None, "II.1.1"),
            ("private-investment", MoreThan, 8250.0, "billion-vnd", Flow, None, "II.1.1"),
            ("disbursement", AtLeast, 100.0, "percent", Level, Some(100.0), "II.1.1"),
            ("new-enterprises", AtLeast, 110.0, "enterprises", Flow, None, "II.1.1"),
            ("planting-fruit-trees", AtLeast, 2250.0, "ha", Flow, None, "II.1.1"),
            ("planting-macadamia", AtLeast, 780.0, "ha", Flow, None, "II.1.1"),
            ("planting-ginseng", AtLeast, 490.0, "ha", Flow, None, "II.1.1"),
            ("planting-medicinal", AtLeast, 1610.0, "ha", Flow, None, "II.1.1"),
            ("new-rural-communes", AtLeast, 8.0, "communes", Flow, None, "II.1.1"),
            ("jobs", AtLeast, 2500.0, "workers", Flow, None, "II.1.2"),
            ("health-insurance", AtLeast, 92.75, "percent", Level, Some(100.0), "II.1.2"),
            ("em-residential-land", AtLeast, 97.06, "percent", Level, Some(100.0), "II.1.2"),
            ("em-production-land", AtLeast, 97.18, "percent", Level, Some(100.0), "II.1.2"),
            ("crime-report-resolution", AtLeast, 90.0, "percent", Average, Some(100.0), "II.1.3"),
            ("case-discovery", AtLeast, 80.0, "percent", Average, Some(100.0), "II.1.3"),
            ("new-party-members", MoreThan, 525.0, "party-members", Flow, None, "II.1.4"),
            ("village-heads-party-members", MoreThan, 85.0, "percent", Level, Some(100.0), "II.1.4"),
        ];
        for (id, cmp, value, unit, kind, bound, clause) in expected {
            let t = sheet.target(id).unwrap();
            assert_eq!(t.comparator, cmp, "{id}");
            assert_eq!(t.value, value, "{id}");
            assert_eq!(sheet.unit(t).id, unit, "{id}");
            assert_eq!(t.kind, kind, "{id}");
            assert_eq!(t.bound, bound, "{id}");
            assert_eq!(t.clause, clause, "{id}");
            assert!(!t.label.vi.is_empty() && !t.label.en.is_empty(), "{id}");
        }
        // "trên" means more than, "từ ... trở lên" and "đạt" mean at least: the wording says so.
        for t in &sheet.targets {
            let says_more_than =
                t.wording.split("trên ").skip(1).any(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
            assert_eq!(t.comparator == MoreThan, says_more_than, "{}: {}", t.id, t.wording);
        }
        assert_eq!(sheet.target("private-investment").unwrap().part_of.as_deref(), Some("social-investment"));
        let disbursement = sheet.target("disbursement").unwrap();
        let ms: Vec<(String, f64, &str)> =
            disbursement.milestones.iter().map(|m| (m.date.iso(), m.value, m.clause.as_str())).collect();
        assert_eq!(ms, [("2022-09-30".into(), 70.0, "II.2.1"), ("2022-12-31".into(), 100.0, "II.2.1")]);
    }

    /// A minimal valid sheet, as JSON, for breaking one field at a time.
    fn minimal() -> Value {
        serde_json::json!({
            "format": 1,
            "id": "t",
            "title": {"vi": "T", "en": "T"},
            "resolution": {"number": "1", "issuer": {"vi": "I", "en": "I"}, "date": "2023-01-01"},
            "period": {"start": "2023-01-01", "end": "2023-12-31"},
            "units": {"u": {"label": {"vi": "u", "en": "u"}}},
            "areas": [{"id": "a", "clause": "1", "label": {"vi": "A", "en": "A"}}],
            "targets": [
                {"id": "x", "area": "a", "clause": "1", "wording": "w", "label": {"vi": "X", "en": "X"},
                 "comparator": ">=", "value": 10, "unit": "u", "kind": "flow"},
                {"id": "y", "area": "a", "clause": "1", "wording": "w", "label": {"vi": "Y", "en": "Y"},
                 "comparator": ">", "value": 5, "unit": "u", "kind": "level", "bound": 100, "part_of": "x"}
            ]
        })
    }

    fn problems_after(edit: impl FnOnce(&mut Value)) -> Vec<Problem> {
        let mut v = minimal();
        edit(&mut v);
        Sheet::parse(&v.to_string()).expect_err("the edited sheet must be rejected")
    }

    fn assert_problem(problems: &[Problem], place: &str, field: &str) {
        assert!(
            problems.iter().any(|p| p.place == place && p.field == field),
            "expected a problem at {place} · {field}, got {problems:?}"
        );
    }

    #[test]
    fn the_minimal_sheet_is_valid() {
        let sheet = Sheet::parse(&minimal().to_string()).unwrap();
        assert_eq!(sheet.months(), 12);
        assert_eq!(sheet.targets.len(), 2);
    }

    #[test]
    fn schema_breaks_are_rejected_naming_the_target_and_field() {
        let p = problems_after(|v| v["targets"][0]["comparator"] = "=>".into());
        assert_problem(&p, "x", "comparator");
        assert!(p[0].message(Locale::En).contains("=>"), "{}", p[0].message(Locale::En));
        assert_problem(&problems_after(|v| v["targets"][1]["kind"] = "stock".into()), "y", "kind");
        assert_problem(&problems_after(|v| v["targets"][1]["id"] = "x".into()), "x", "id");
        assert_problem(&problems_after(|v| v["targets"][0]["label"] = serde_json::json!({"vi": "X"})), "x", "label.en");
        assert_problem(&problems_after(|v| v["targets"][0]["label"]["vi"] = "".into()), "x", "label.vi");
        assert_problem(&problems_after(|v| v["targets"][1]["part_of"] = "nothing".into()), "y", "part_of");
        assert_problem(&problems_after(|v| v["targets"][0]["value"] = "NaN".into()), "x", "value");
        assert_problem(&problems_after(|v| v["targets"][0]["value"] = "ten".into()), "x", "value");
        assert_problem(&problems_after(|v| v["targets"][0]["unit"] = "kg".into()), "x", "unit");
        assert_problem(&problems_after(|v| v["targets"][0]["area"] = "elsewhere".into()), "x", "area");
        assert_problem(&problems_after(|v| v["targets"][1]["value"] = 101.into()), "y", "value");
        assert_problem(&problems_after(|v| v["targets"][0]["value"] = (-1).into()), "x", "value");
        assert_problem(&problems_after(|v| v["period"]["start"] = "2023-01-02".into()), "period", "");
        assert_problem(&problems_after(|v| v["period"]["end"] = "2023-13-01".into()), "period", "end");
        assert_problem(&problems_after(|v| v["format"] = 2.into()), "", "format");
        assert_problem(&problems_after(|v| v["targets"][0]["weights"] = serde_json::json!([1, 2])), "x", "weights");
        assert_problem(
            &problems_after(|v| v["targets"][0].as_object_mut().unwrap().remove("wording").map(drop).unwrap()),
            "x",
            "wording",
        );
    }

    #[test]
    fn a_sheet_of_too_many_targets_is_refused_at_once() {
        let p = problems_after(|v| {
            let t = v["targets"][0].clone();
            v["targets"] = Value::Array(vec![t; MAX_TARGETS + 1]);
        });
        assert_eq!(p.len(), 1, "refused before reading the targets: {:?}", &p[..p.len().min(3)]);
        assert_problem(&p, "", "targets");
        assert!(p[0].message(Locale::En).contains("2,000"), "{}", p[0].message(Locale::En));
    }

    #[test]
    fn several_problems_are_reported_together() {
        let p = problems_after(|v| {
            v["targets"][0]["comparator"] = "<>".into();
            v["targets"][1]["kind"] = "stock".into();
        });
        assert_problem(&p, "x", "comparator");
        assert_problem(&p, "y", "kind");
    }

    #[test]
    fn text_that_is_not_a_sheet_gives_an_error_not_a_panic() {
        for text in ["", "{", "[]", "null", "\"x\"", "{\"format\": 1}", &"[".repeat(100_000)] {
            assert!(Sheet::parse(text).is_err(), "{text:.20}");
        }
    }

    #[test]
    fn exactly_the_target_does_not_meet_more_than() {
        assert!(!Comparator::MoreThan.met(1700.0, 1700.0));
        assert!(Comparator::MoreThan.met(1700.5, 1700.0));
        assert!(Comparator::AtLeast.met(1700.0, 1700.0));
        assert!(!Comparator::AtLeast.met(1699.99, 1700.0));
        // Floating-point noise from summing paces does not decide a target.
        assert!(Comparator::AtLeast.met(0.1 + 0.2, 0.3));
        assert!(!Comparator::MoreThan.met(0.1 + 0.2, 0.3));
    }
}

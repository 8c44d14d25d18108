//! The target sheet: a resolution's identity, its period, its areas and its numeric targets, read from
//! JSON (see `docs/sheet-format.md`) and validated into typed values. The Kon Tum sheet is embedded in
//! the binary at compile time, so the widget needs no request to show it.

use crate::date::Date;
use crate::i18n::Locale;
use crate::problem::{
    clean, parse_json, Problem, ProblemKind, Reader, MAX_ID_CHARS, MAX_LABEL_CHARS, MAX_WORDING_CHARS,
};
use serde_json::{Map, Value};

/// The newest sheet format this code reads; format 1 sheets read as they always did
/// (docs/sheet-format.md). Format 2 adds targets where lower is better, ranges, "about", and changes
/// from a baseline.
pub const SHEET_FORMAT: u64 = 2;

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
    /// At most the value: "không quá X", "tối đa X" (format 2).
    AtMost,
    /// Less than the value: "dưới X" (format 2).
    LessThan,
    /// A range: "từ X đến Y", "X - Y%" (format 2); the target's `better` says which end is near.
    Between,
}

impl Comparator {
    /// The comparators of format 1, and of format 2.
    pub const FORMAT_1: &'static str = ">=, >";
    pub const FORMAT_2: &'static str = ">=, >, <=, <, between";

    pub fn parse(s: &str) -> Option<Comparator> {
        match s {
            ">=" => Some(Comparator::AtLeast),
            ">" => Some(Comparator::MoreThan),
            "<=" => Some(Comparator::AtMost),
            "<" => Some(Comparator::LessThan),
            "between" => Some(Comparator::Between),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Comparator::AtLeast => ">=",
            Comparator::MoreThan => ">",
            Comparator::AtMost => "<=",
            Comparator::LessThan => "<",
            Comparator::Between => "between",
        }
    }

    /// The symbol shown next to the value (a range shows its two ends instead).
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::AtLeast => "≥",
            Comparator::MoreThan => ">",
            Comparator::AtMost => "≤",
            Comparator::LessThan => "<",
            Comparator::Between => "",
        }
    }

    /// The words a screen reader says for the symbol.
    pub fn words(self, locale: Locale) -> &'static str {
        match self {
            Comparator::AtLeast => locale.pick("từ … trở lên", "at least"),
            Comparator::MoreThan => locale.pick("trên", "more than"),
            Comparator::AtMost => locale.pick("không quá", "at most"),
            Comparator::LessThan => locale.pick("dưới", "less than"),
            Comparator::Between => locale.pick("trong khoảng", "within"),
        }
    }

    /// The way that is better under this comparator alone; `None` for a range (the sheet says).
    pub fn implied_better(self) -> Option<Better> {
        match self {
            Comparator::AtLeast | Comparator::MoreThan => Some(Better::Higher),
            Comparator::AtMost | Comparator::LessThan => Some(Better::Lower),
            Comparator::Between => None,
        }
    }

    /// Whether the comparator excludes the value itself.
    pub fn strict(self) -> bool {
        matches!(self, Comparator::MoreThan | Comparator::LessThan)
    }

    /// Whether `value` meets `target` under this comparator (a range's near end for `Between`, which a
    /// milestone cannot have). Differences smaller than a billionth of the target are floating-point
    /// noise, not progress: exactly 1,700 never meets "more than 1,700", and 1,699.9999999999998 reached
    /// by adding monthly paces does meet "at least 1,700".
    pub fn met(self, value: f64, target: f64) -> bool {
        let eps = 1e-9 * target.abs().max(1.0);
        match self {
            Comparator::AtLeast | Comparator::Between => value >= target - eps,
            Comparator::MoreThan => value > target + eps,
            Comparator::AtMost => value <= target + eps,
            Comparator::LessThan => value < target - eps,
        }
    }
}

/// Which way is good for a target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Better {
    Higher,
    Lower,
}

impl Better {
    pub fn parse(s: &str) -> Option<Better> {
        match s {
            "higher" => Some(Better::Higher),
            "lower" => Some(Better::Lower),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Better::Higher => "higher",
            Better::Lower => "lower",
        }
    }

    /// +1 when higher is better, -1 when lower is: a value times the sign grows as it gets better.
    pub fn sign(self) -> f64 {
        match self {
            Better::Higher => 1.0,
            Better::Lower => -1.0,
        }
    }
}

/// How a change from a baseline is measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// In the indicator's own unit ("giảm 1,5 điểm %").
    Points,
    /// As a percentage of the baseline.
    Percent,
}

impl Change {
    pub fn code(self) -> &'static str {
        match self {
            Change::Points => "points",
            Change::Percent => "percent",
        }
    }
}

/// The value a change is measured from, and how.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Baseline {
    pub value: f64,
    pub date: Date,
    pub change: Change,
}

/// What meeting a target means for the indicator at the period's end, whatever the sheet's words: the
/// indicator must be on the `better` side of `threshold` (strictly, when `strict`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rule {
    pub better: Better,
    pub strict: bool,
    pub threshold: f64,
}

impl Rule {
    /// The single-valued comparator the indicator must satisfy against `threshold`.
    pub fn comparator(self) -> Comparator {
        match (self.better, self.strict) {
            (Better::Higher, false) => Comparator::AtLeast,
            (Better::Higher, true) => Comparator::MoreThan,
            (Better::Lower, false) => Comparator::AtMost,
            (Better::Lower, true) => Comparator::LessThan,
        }
    }

    pub fn met(self, x: f64) -> bool {
        self.comparator().met(x, self.threshold)
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

/// An earlier year's figure at the same point of its period, and that period's outcome as first
/// published (sheet format 2, `history`): what the spread of a projection is calibrated on
/// (docs/methodology.md, "A range from history").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Past {
    /// The day the figure refers to, in an earlier year's period (its end).
    pub as_of: Date,
    /// A flow's total from the period's start to `as_of`, an average's value so far.
    pub to_date: f64,
    /// The whole period's outcome.
    pub total: f64,
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
    /// The value, or a range's low end.
    pub value: f64,
    /// A range's high end.
    pub high: Option<f64>,
    /// Which way is good (implied by the comparator, or given with a range).
    pub better: Better,
    /// "Khoảng X": met within this much of the value, on the worse side.
    pub tolerance: Option<f64>,
    /// A change from a baseline: the comparator and the value apply to the change, measured in the
    /// better direction.
    pub baseline: Option<Baseline>,
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
    /// Earlier years' figures at points of their periods and their outcomes (flows and averages), in
    /// the order given, with where they come from.
    pub history: Vec<Past>,
    pub history_source: Option<Text>,
    /// The usual share of the period's total (a flow's, or a level's change over the period) that each
    /// month brings, from earlier years, as given (adding up to 1 within rounding; sheet format 2, `profile`); with where it
    /// comes from. The base projection then follows the calendar (docs/methodology.md, "Seasonal
    /// profiles").
    pub profile: Option<Vec<f64>>,
    pub profile_source: Option<Text>,
    /// Published for whole quarters only (sheet format 2, `"frequency": "quarterly"`): GDP, say. Its
    /// figure is the one at the last quarter's end, counted from the period's start.
    pub quarterly: bool,
    /// The day the target is judged when it is not the period's end (sheet format 2, `deadline`): the
    /// budget year's disbursement runs to 31 January of the next year (Public Investment Law 2019,
    /// article 68). A month's last day, after the period's start and at most a year after its end.
    pub deadline: Option<Date>,
}

impl Target {
    /// What meeting the target means for the indicator at the period's end (docs/methodology.md,
    /// "Which way is better"): a range is met from its near end, "about" moves the value to the worse
    /// side by the tolerance, and a change from a baseline becomes a level.
    pub fn rule(&self) -> Rule {
        // The comparator and the value apply to the change where there is a baseline, and a change is
        // measured in the better direction: more of it is better.
        let (mut threshold, strict) = match (self.comparator, self.judged_way(), self.high) {
            (Comparator::Between, Better::Lower, Some(high)) => (high, false),
            (c, _, _) => (self.value, c.strict()),
        };
        if let Some(tol) = self.tolerance {
            threshold -= self.judged_way().sign() * tol;
        }
        if let Some(b) = self.baseline {
            threshold = b.level(threshold, self.better);
        }
        Rule { better: self.better, strict, threshold }
    }

    /// Which way is better for what the comparator and the value apply to: the target's own way, or
    /// higher for a change from a baseline.
    pub fn judged_way(&self) -> Better {
        if self.baseline.is_some() {
            Better::Higher
        } else {
            self.better
        }
    }

    /// Whether the indicator at `x` meets the target.
    pub fn met(&self, x: f64) -> bool {
        self.rule().met(x)
    }

    /// The change from the baseline at `x`, in the better direction, when the target is one.
    pub fn change_at(&self, x: f64) -> Option<f64> {
        self.baseline.map(|b| b.change_to(x, self.better))
    }

    /// How far `x` goes toward the target, as a ratio (1 meets the value): the change against the
    /// change asked for; for lower-is-better, the value against `x`; else `x` against the value.
    /// `None` where a ratio means nothing (a zero value, a level at or below zero where lower is better).
    pub fn attainment(&self, x: f64) -> Option<f64> {
        let goal = match (self.comparator, self.judged_way(), self.high) {
            (Comparator::Between, Better::Lower, Some(high)) => high,
            _ => self.value,
        };
        if let Some(c) = self.change_at(x) {
            return (goal != 0.0).then(|| c / goal);
        }
        match self.better {
            Better::Higher => (goal != 0.0).then(|| x / goal),
            Better::Lower => (x > 0.0).then(|| goal / x),
        }
    }
}

impl Baseline {
    /// The indicator's level at which the change in the `better` direction is `change`.
    pub fn level(self, change: f64, better: Better) -> f64 {
        match self.change {
            Change::Points => self.value + better.sign() * change,
            Change::Percent => self.value * (1.0 + better.sign() * change / 100.0),
        }
    }

    /// The change from the baseline to `x`, in the `better` direction.
    pub fn change_to(self, x: f64, better: Better) -> f64 {
        let d = better.sign() * (x - self.value);
        match self.change {
            Change::Points => d,
            Change::Percent if self.value != 0.0 => d / self.value.abs() * 100.0,
            Change::Percent => 0.0,
        }
    }
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

    /// The day `t` is judged: its own deadline, or the period's end.
    pub fn judged_on(&self, t: &Target) -> Date {
        t.deadline.unwrap_or(self.end)
    }

    /// The last day any target is judged: the period's end, or a later deadline of a target's own.
    pub fn last_day(&self) -> Date {
        self.targets.iter().filter_map(|t| t.deadline).fold(self.end, Date::max)
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
    let format = match root.get("format") {
        Some(Value::Number(n)) if matches!(n.as_u64(), Some(1..=SHEET_FORMAT)) => n.as_u64().unwrap_or(1),
        Some(other) => {
            r.push("", "format", ProblemKind::UnknownVersion(other.to_string()));
            SHEET_FORMAT
        }
        None => {
            r.push("", "format", ProblemKind::Missing);
            SHEET_FORMAT
        }
    };
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
            if let Some(mut t) = read_target(r, o, &place, &units, &areas, months, (start, end), format) {
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
    (start, end): (Option<Date>, Option<Date>),
    format: u64,
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
    let allowed = if format >= 2 { Comparator::FORMAT_2 } else { Comparator::FORMAT_1 };
    let comparator = r.string(o, place, "comparator").and_then(|c| {
        let parsed = Comparator::parse(&c).filter(|p| format >= 2 || p.implied_better() == Some(Better::Higher));
        if parsed.is_none() {
            r.push(place, "comparator", ProblemKind::NotOneOf(c, allowed));
        }
        parsed
    });
    // A range's value is [low, high]; every other value is one number.
    let (value, high) = match (comparator, o.get("value")) {
        (Some(Comparator::Between), Some(Value::Array(ends))) => {
            let ends: Vec<Option<f64>> =
                ends.iter().enumerate().map(|(j, v)| r.number_value(v, place, &format!("value[{j}]"))).collect();
            match ends.as_slice() {
                [Some(low), Some(high)] => {
                    if low >= high {
                        r.push(place, "value", ProblemKind::RangeOrder);
                    }
                    (Some(*low), Some(*high))
                }
                [_, _] => (None, None),
                _ => {
                    r.push(place, "value", ProblemKind::WrongLength(2));
                    (None, None)
                }
            }
        }
        (Some(Comparator::Between), Some(_)) => {
            r.push(place, "value", ProblemKind::WrongType("[low, high]"));
            (None, None)
        }
        _ => (r.number(o, place, "value"), None),
    };
    if high.is_some_and(|h| h < 0.0) {
        r.push(place, "value[1]", ProblemKind::Negative);
    }
    let better = match (r.opt_string(o, place, "better"), comparator) {
        (None, Some(c)) => {
            if c.implied_better().is_none() {
                r.push(place, "better", ProblemKind::Missing);
            }
            c.implied_better()
        }
        (None, None) => None,
        (Some(b), c) => match Better::parse(&b) {
            None => {
                r.push(place, "better", ProblemKind::NotOneOf(b, "higher, lower"));
                None
            }
            Some(b) => {
                // With a baseline the comparator applies to the change, which is measured in the better
                // direction: it implies nothing about which way is better.
                let about_change = o.get("baseline").is_some_and(|b| !b.is_null());
                if let Some(implied) = c.and_then(Comparator::implied_better).filter(|i| *i != b && !about_change) {
                    r.push(place, "better", ProblemKind::Contradicts(implied.code().into()));
                }
                Some(b)
            }
        },
    };
    let tolerance = match o.get("approximately") {
        None | Some(Value::Null) | Some(Value::Bool(false)) => {
            if o.get("tolerance").is_some_and(|t| !t.is_null()) {
                r.push(place, "approximately", ProblemKind::Missing);
            }
            None
        }
        Some(Value::Bool(true)) => match r.opt_number(o, place, "tolerance") {
            None => {
                r.push(place, "tolerance", ProblemKind::Missing);
                None
            }
            Some(t) if t <= 0.0 => {
                r.push(place, "tolerance", ProblemKind::NotPositive);
                None
            }
            Some(t) => Some(t),
        },
        Some(_) => {
            r.push(place, "approximately", ProblemKind::WrongType("true"));
            None
        }
    };
    let change = r.opt_string(o, place, "change").and_then(|c| match c.as_str() {
        "points" => Some(Change::Points),
        "percent" => Some(Change::Percent),
        _ => {
            r.push(place, "change", ProblemKind::NotOneOf(c, "points, percent"));
            None
        }
    });
    let baseline = match o.get("baseline") {
        None | Some(Value::Null) => {
            if change.is_some() {
                r.push(place, "baseline", ProblemKind::Missing);
            }
            None
        }
        Some(b) => {
            let bplace = format!("{place}.baseline");
            let read = r
                .object(Some(b), place, "baseline")
                .map(|bo| (r.number(bo, &bplace, "value"), r.date(bo, &bplace, "date")));
            if change.is_none() && o.get("change").is_none() {
                r.push(place, "change", ProblemKind::Missing);
            }
            match (read, change) {
                (Some((Some(value), Some(date))), Some(change)) => Some(Baseline { value, date, change }),
                _ => None,
            }
        }
    };
    // A change is asked to be at least (or more than) an amount, or within a range.
    if let (Some(_), Some(c)) = (&baseline, comparator) {
        if c.implied_better() == Some(Better::Lower) {
            r.push(place, "comparator", ProblemKind::NotOneOf(c.code().into(), ">=, >, between"));
        }
    }
    if format < 2 {
        for field in [
            "better",
            "approximately",
            "tolerance",
            "baseline",
            "change",
            "history",
            "history_source",
            "profile",
            "profile_source",
            "frequency",
            "deadline",
        ] {
            if o.get(field).is_some() {
                r.push(place, field, ProblemKind::UnknownVersion("1".into()));
            }
        }
    }
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
    if let (Some(b), Some(h)) = (bound, high) {
        if h > b {
            r.push(place, "value[1]", ProblemKind::AboveBound(b));
        }
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
    // A deadline of its own: the target's months (for its weights, profile, quarters and milestones)
    // run from the period's start to it.
    let deadline = if o.get("deadline").is_some_and(|d| !d.is_null()) { r.date(o, place, "deadline") } else { None };
    if let (Some(d), Some(s), Some(e)) = (deadline, start, end) {
        let latest = Date { year: e.year + 1, ..e };
        if d <= s || d == e || d > latest || !d.is_last_day_of_month() {
            r.push(place, "deadline", ProblemKind::DeadlineOutOfRange(d.iso()));
        }
    }
    let (months, end) = match (deadline, start) {
        (Some(d), Some(s)) if d > s => (Some((d.month_index() - s.month_index() + 1) as usize), Some(d)),
        _ => (months, end),
    };
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
                        let kind = match deadline {
                            Some(_) if d >= s => ProblemKind::AfterDeadline(d.iso()),
                            _ => ProblemKind::DateOutsidePeriod(d.iso()),
                        };
                        r.push(&mplace, "date", kind);
                    }
                }
                // A milestone is one value: no range.
                let comparator = r.string(mo, &mplace, "comparator").and_then(|c| {
                    let parsed = Comparator::parse(&c)
                        .filter(|p| p.implied_better().is_some_and(|b| format >= 2 || b == Better::Higher));
                    if parsed.is_none() {
                        let allowed = if format >= 2 { ">=, >, <=, <" } else { Comparator::FORMAT_1 };
                        r.push(&mplace, "comparator", ProblemKind::NotOneOf(c, allowed));
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
    let history = read_history(r, o, place, kind, start);
    let history_source = match o.get("history_source") {
        None | Some(Value::Null) => {
            if !history.is_empty() {
                r.push(place, "history_source", ProblemKind::Missing);
            }
            None
        }
        Some(_) => read_text(r, o, place, "history_source"),
    };
    let profile = read_profile(r, o, place, kind, months);
    let quarterly = match r.opt_text(o, place, "frequency", MAX_ID_CHARS).as_deref() {
        None | Some("monthly") => false,
        Some("quarterly") => {
            if months.is_some_and(|m| m % 3 != 0) {
                r.push(place, "frequency", ProblemKind::NotWholeQuarters);
            }
            true
        }
        Some(other) => {
            r.push(place, "frequency", ProblemKind::NotOneOf(other.into(), "monthly, quarterly"));
            false
        }
    };
    let profile_source = match o.get("profile_source") {
        None | Some(Value::Null) => {
            if profile.is_some() {
                r.push(place, "profile_source", ProblemKind::Missing);
            }
            None
        }
        Some(_) => read_text(r, o, place, "profile_source"),
    };
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
        high,
        better: better?,
        tolerance,
        baseline,
        unit: unit?,
        kind: kind?,
        bound,
        decimals: decimals?,
        part_of,
        weights,
        milestones,
        history,
        history_source,
        profile,
        profile_source,
        quarterly,
        deadline,
    })
}

/// How far a profile's shares may add up away from 1: published shares are rounded.
const PROFILE_SUM_SLACK: f64 = 0.005;

/// A target's `profile`: one share for each month of the period, none negative, adding up to 1 (within
/// [`PROFILE_SUM_SLACK`]: the engine reads each as its part of their sum), for a flow or a level (whose change over the period
/// the months share); an average has no total to share.
fn read_profile(
    r: &mut Reader,
    o: &Map<String, Value>,
    place: &str,
    kind: Option<Kind>,
    months: Option<usize>,
) -> Option<Vec<f64>> {
    let list = match o.get("profile") {
        None | Some(Value::Null) => return None,
        Some(Value::Array(list)) => list,
        Some(_) => {
            r.push(place, "profile", ProblemKind::WrongType("array"));
            return None;
        }
    };
    if kind == Some(Kind::Average) {
        r.push(place, "profile", ProblemKind::AssumptionForKind("profile", "average"));
        return None;
    }
    let before = r.problems.len();
    let mut shares = Vec::with_capacity(list.len());
    for (j, v) in list.iter().enumerate() {
        let field = format!("profile[{j}]");
        if let Some(x) = r.number_value(v, place, &field) {
            if x < 0.0 {
                r.push(place, &field, ProblemKind::Negative);
            }
            shares.push(x);
        }
    }
    if let Some(m) = months.filter(|m| *m != list.len()) {
        r.push(place, "profile", ProblemKind::WrongLength(m));
    }
    let sum: f64 = shares.iter().sum();
    if r.problems.len() == before && (sum - 1.0).abs() > PROFILE_SUM_SLACK {
        r.push(place, "profile", ProblemKind::SharesSum(sum));
    }
    (r.problems.len() == before).then_some(shares)
}

/// A target's `history`: each entry a day before the period (an earlier year's), a flow's figure to
/// that day positive and not above the period's total, no day twice.
fn read_history(
    r: &mut Reader,
    o: &Map<String, Value>,
    place: &str,
    kind: Option<Kind>,
    start: Option<Date>,
) -> Vec<Past> {
    let mut out: Vec<Past> = Vec::new();
    let list = match o.get("history") {
        None | Some(Value::Null) => return out,
        Some(Value::Array(list)) => list,
        Some(_) => {
            r.push(place, "history", ProblemKind::WrongType("array"));
            return out;
        }
    };
    if kind == Some(Kind::Level) {
        r.push(place, "history", ProblemKind::AssumptionForKind("history", "level"));
        return out;
    }
    for (j, v) in list.iter().enumerate() {
        let hplace = format!("{place}.history[{j}]");
        let Some(ho) = r.object(Some(v), &hplace, "") else { continue };
        let as_of = r.date(ho, &hplace, "as_of");
        let to_date = r.number(ho, &hplace, "to_date");
        let total = r.number(ho, &hplace, "total");
        if let (Some(d), Some(s)) = (as_of, start) {
            if d >= s {
                r.push(&hplace, "as_of", ProblemKind::NotBeforePeriod(d.iso()));
            }
        }
        if let Some(d) = as_of.filter(|d| out.iter().any(|p| p.as_of == *d)) {
            r.push(&hplace, "as_of", ProblemKind::Duplicate(d.iso()));
        }
        if kind == Some(Kind::Flow) {
            match (to_date, total) {
                (Some(d), _) if d <= 0.0 => r.push(&hplace, "to_date", ProblemKind::NotPositive),
                (Some(d), Some(t)) if t < d => r.push(&hplace, "total", ProblemKind::TotalBelowToDate),
                _ => {}
            }
        }
        if let (Some(as_of), Some(to_date), Some(total)) = (as_of, to_date, total) {
            out.push(Past { as_of, to_date, total });
        }
    }
    out
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
        assert_eq!(ms, [("2022-09-30".into(), 70.0, "II.2.1"), ("2023-01-31".into(), 100.0, "II.2.1")]);
        // "Đến hết niên độ năm 2022": the budget year's disbursement runs to 31 January 2023.
        assert_eq!(disbursement.deadline.map(|d| d.iso()).as_deref(), Some("2023-01-31"));
        assert_eq!(sheet.last_day().iso(), "2023-01-31");
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
        assert_problem(&problems_after(|v| v["format"] = 3.into()), "", "format");
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

    /// A format 2 sheet with one target per construct of issue 13.
    pub(crate) fn format_2() -> Value {
        let t = |id: &str, extra: Value| {
            let mut o = serde_json::json!({"id": id, "area": "a", "clause": "1", "wording": "w",
                "label": {"vi": id, "en": id}, "unit": "pct", "kind": "level", "bound": 100});
            if let (Some(o), Value::Object(e)) = (o.as_object_mut(), extra) {
                o.extend(e);
            }
            o
        };
        // The minimal sheet's frame, in format 2, with a unit of percent and these targets.
        let mut sheet = minimal();
        sheet["format"] = 2.into();
        sheet["units"]["pct"] = serde_json::json!({"label": {"vi": "%", "en": "%"}});
        sheet["targets"] = serde_json::json!([
            t("unemployment", serde_json::json!({"comparator": "<", "value": 4})),
            t("cpi", serde_json::json!({"comparator": "<=", "value": 4.5})),
            t(
                "growth",
                serde_json::json!({"comparator": "between", "value": [8, 8.5], "better": "higher", "kind": "average"})
            ),
            t(
                "prices",
                serde_json::json!({"comparator": "between", "value": [3.5, 4], "better": "lower", "kind": "average"})
            ),
            t("trained", serde_json::json!({"comparator": ">=", "value": 70, "approximately": true, "tolerance": 0.5})),
            t(
                "poverty",
                serde_json::json!({"comparator": ">", "value": 1.5, "better": "lower",
                    "baseline": {"value": 4.2, "date": "2021-12-31"}, "change": "points", "decimals": 2})
            )
        ]);
        sheet
    }

    #[test]
    fn a_quarterly_target_needs_a_period_of_whole_quarters() {
        let with = |frequency: &str, end: &str, format: u8| {
            let mut v = minimal();
            v["format"] = format.into();
            v["period"]["end"] = end.into();
            v["targets"][0]["frequency"] = frequency.into();
            Sheet::parse(&v.to_string())
        };
        assert!(with("quarterly", "2023-12-31", 2).unwrap().targets[0].quarterly);
        assert!(!with("monthly", "2023-12-31", 2).unwrap().targets[0].quarterly);
        assert_problem(&with("quarterly", "2023-11-30", 2).unwrap_err(), "x", "frequency");
        assert_problem(&with("weekly", "2023-12-31", 2).unwrap_err(), "x", "frequency");
        assert_problem(&with("quarterly", "2023-12-31", 1).unwrap_err(), "x", "frequency");
    }

    #[test]
    fn a_deadline_is_a_months_last_day_within_a_year_of_the_periods_end() {
        let with = |deadline: &str, format: u8| {
            let mut v = minimal();
            v["format"] = format.into();
            v["targets"][0]["deadline"] = deadline.into();
            Sheet::parse(&v.to_string())
        };
        let end = with("2023-06-30", 2).unwrap().end;
        assert_problem(&with(&end.iso(), 2).unwrap_err(), "x", "deadline");
        let later = Date { year: end.year + 1, ..end };
        let sheet = with(&later.iso(), 2).unwrap();
        assert_eq!((sheet.targets[0].deadline, sheet.last_day()), (Some(later), later));
        let next = Date::end_of_month_index(later.month_index() + 1).iso();
        for bad in [next.as_str(), "2023-06-15", "2023-01-01", "2000-01-31", "2023-13-01"] {
            assert_problem(&with(bad, 2).unwrap_err(), "x", "deadline");
        }
        assert_problem(&with(&later.iso(), 1).unwrap_err(), "x", "deadline");
        // The target's months run to its deadline: its weights (and profile) have one a month to it.
        let mut v = minimal();
        v["format"] = 2.into();
        let months = Sheet::parse(&v.to_string()).unwrap().months() as usize;
        v["targets"][0]["kind"] = "average".into();
        v["targets"][0]["deadline"] = Date::end_of_month_index(end.month_index() + 1).iso().into();
        v["targets"][0]["weights"] = serde_json::json!(vec![1.0; months]);
        assert_problem(&Sheet::parse(&v.to_string()).unwrap_err(), "x", "weights");
        v["targets"][0]["weights"] = serde_json::json!(vec![1.0; months + 1]);
        assert!(Sheet::parse(&v.to_string()).is_ok());
        // A deadline before the period's end: a milestone after it is after the deadline, not outside
        // the period.
        let mut v = minimal();
        v["format"] = 2.into();
        v["targets"][0]["deadline"] = "2023-06-30".into();
        v["targets"][0]["milestones"] =
            serde_json::json!([{"date": "2023-09-30", "comparator": ">=", "value": 5, "clause": "c", "wording": "w"}]);
        let problems = Sheet::parse(&v.to_string()).unwrap_err();
        assert!(problems.iter().any(|p| p.kind == ProblemKind::AfterDeadline("2023-09-30".into())), "{problems:?}");
    }

    #[test]
    fn a_profile_has_a_share_for_each_month_adding_up_to_1_and_a_source() {
        // Issue 14, item 1 (format 2): one share per month of the period, none negative, adding up to 1
        // within rounding, with its source; for flows and levels.
        let src = serde_json::json!({"vi": "Nguồn", "en": "Source"});
        let even =
            serde_json::json!([0.083, 0.083, 0.083, 0.083, 0.083, 0.083, 0.083, 0.083, 0.083, 0.083, 0.083, 0.087]);
        let with = |profile: Value, source: bool, kind: &str| {
            let mut v = minimal();
            v["format"] = 2.into();
            v["targets"][0]["kind"] = kind.into();
            v["targets"][0]["profile"] = profile;
            if source {
                v["targets"][0]["profile_source"] = src.clone();
            }
            Sheet::parse(&v.to_string())
        };
        let sheet = with(even.clone(), true, "flow").unwrap();
        assert_eq!(sheet.targets[0].profile.as_ref().map(Vec::len), Some(12));
        assert_eq!(sheet.targets[0].profile_source.as_ref().map(|t| t.vi.as_str()), Some("Nguồn"));
        assert!(with(even.clone(), true, "level").is_ok());
        let problems = |profile: Value, source: bool, kind: &str| with(profile, source, kind).unwrap_err();
        assert_problem(&problems(even.clone(), false, "flow"), "x", "profile_source");
        assert_problem(&problems(even.clone(), true, "average"), "x", "profile");
        assert_problem(&problems(serde_json::json!([0.5, 0.5]), true, "flow"), "x", "profile");
        let mut negative = even.clone();
        negative[0] = (-0.083).into();
        negative[1] = 0.249.into();
        assert_problem(&problems(negative, true, "flow"), "x", "profile[0]");
        // Shares that add up to 0.9 are not a profile; rounding within half a percent is.
        let short =
            serde_json::json!([0.075, 0.075, 0.075, 0.075, 0.075, 0.075, 0.075, 0.075, 0.075, 0.075, 0.075, 0.075]);
        let p = problems(short, true, "flow");
        assert_problem(&p, "x", "profile");
        assert_eq!(
            p[0].message(Locale::En),
            "x · monthly profile (profile): the shares must add up to 1 (they add up to 0.9)"
        );
        assert_problem(&problems(serde_json::json!("even"), true, "flow"), "x", "profile");
        // Format 1 does not know it.
        let old = problems_after(|v| {
            v["targets"][0]["profile"] = even.clone();
            v["targets"][0]["profile_source"] = src.clone();
        });
        assert_problem(&old, "x", "profile");
        assert_problem(&old, "x", "profile_source");
    }

    #[test]
    fn history_is_read_for_flows_and_averages_before_the_period_with_its_source() {
        // Issue 14, item 3: earlier years' figures (format 2), each entry checked and named.
        let src = serde_json::json!({"vi": "Nguồn", "en": "Source"});
        let mut v = minimal();
        v["format"] = 2.into();
        v["targets"][0]["history"] = serde_json::json!([{"as_of": "2022-09-30", "to_date": 4, "total": 9}]);
        v["targets"][0]["history_source"] = src.clone();
        let sheet = Sheet::parse(&v.to_string()).unwrap();
        let d = Date::parse("2022-09-30").unwrap();
        assert_eq!(sheet.targets[0].history, vec![Past { as_of: d, to_date: 4.0, total: 9.0 }]);
        assert_eq!(sheet.targets[0].history_source.as_ref().map(|t| t.en.as_str()), Some("Source"));
        let with = |history: Value, source: bool| {
            problems_after(|v| {
                v["format"] = 2.into();
                v["targets"][0]["history"] = history;
                if source {
                    v["targets"][0]["history_source"] = src.clone();
                }
            })
        };
        let one = |as_of: &str, to_date: f64, total: f64| serde_json::json!([{"as_of": as_of, "to_date": to_date, "total": total}]);
        assert_problem(&with(one("2022-09-30", 4.0, 9.0), false), "x", "history_source");
        assert_problem(&with(one("2023-03-31", 4.0, 9.0), true), "x.history[0]", "as_of");
        assert_problem(&with(one("2022-09-30", 0.0, 9.0), true), "x.history[0]", "to_date");
        assert_problem(&with(one("2022-09-30", 9.0, 4.0), true), "x.history[0]", "total");
        let twice = serde_json::json!([{"as_of": "2022-09-30", "to_date": 1, "total": 2}, {"as_of": "2022-09-30", "to_date": 1, "total": 2}]);
        assert_problem(&with(twice, true), "x.history[1]", "as_of");
        assert_problem(&with(serde_json::json!({"as_of": "2022-09-30"}), true), "x", "history");
        // A level's flat projection needs its start in each year: not read this round.
        let level = problems_after(|v| {
            v["format"] = 2.into();
            v["targets"][0]["kind"] = "level".into();
            v["targets"][0]["history"] = one("2022-09-30", 4.0, 9.0);
            v["targets"][0]["history_source"] = src.clone();
        });
        assert_problem(&level, "x", "history");
        // Format 1 does not know it.
        let old = problems_after(|v| {
            v["targets"][0]["history"] = one("2022-09-30", 4.0, 9.0);
            v["targets"][0]["history_source"] = src.clone();
        });
        assert_problem(&old, "x", "history");
        // Problems name the entry in the reader's words.
        let p = &with(one("2023-03-31", 4.0, 9.0), true)[0];
        assert!(p.message(Locale::En).contains("earlier year, entry 1"), "{}", p.message(Locale::En));
    }

    #[test]
    fn format_2_reads_each_construct_with_its_meaning() {
        let sheet = Sheet::parse(&format_2().to_string()).unwrap();
        let rule = |id: &str| sheet.target(id).unwrap().rule();
        // "dưới 4%": lower is better, 4 itself does not meet it.
        let r = rule("unemployment");
        assert_eq!((r.better, r.strict, r.threshold), (Better::Lower, true, 4.0));
        assert!(r.met(3.99) && !r.met(4.0));
        assert!(rule("cpi").met(4.5) && !rule("cpi").met(4.51));
        // A range where higher is better is met from its low end; where lower is better, its high end.
        assert_eq!(rule("growth").threshold, 8.0);
        assert!(rule("growth").met(8.0) && !rule("growth").met(7.99));
        assert_eq!((rule("prices").better, rule("prices").threshold), (Better::Lower, 4.0));
        let growth = sheet.target("growth").unwrap();
        assert_eq!((growth.value, growth.high), (8.0, Some(8.5)));
        // "Khoảng 70%" with a tolerance of 0.5: met from 69.5.
        assert!(rule("trained").met(69.5) && !rule("trained").met(69.4));
        // "Giảm trên 1,5%" from 4.2%: met when the year ends below 2.7%.
        let poverty = sheet.target("poverty").unwrap();
        assert!((poverty.rule().threshold - 2.7).abs() < 1e-12);
        assert!(poverty.met(2.69) && !poverty.met(2.7));
        assert!((poverty.change_at(2.5).unwrap() - 1.7).abs() < 1e-12);
        assert!((poverty.attainment(2.7).unwrap() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn format_2_contradictions_are_all_named_at_once() {
        let mut v = format_2();
        let targets = v["targets"].as_array_mut().unwrap();
        // A range without `better`, a range upside down, `better` against the comparator, a baseline
        // without `change`, "about" without a tolerance, a negative value.
        targets[2].as_object_mut().unwrap().remove("better");
        targets[3]["value"] = serde_json::json!([4, 3.5]);
        targets[0]["better"] = "higher".into();
        targets[5].as_object_mut().unwrap().remove("change");
        targets[4].as_object_mut().unwrap().remove("tolerance");
        targets[1]["value"] = (-1).into();
        let problems = Sheet::parse(&v.to_string()).unwrap_err();
        for (place, field) in [
            ("growth", "better"),
            ("prices", "value"),
            ("unemployment", "better"),
            ("poverty", "change"),
            ("trained", "tolerance"),
            ("cpi", "value"),
        ] {
            assert_problem(&problems, place, field);
        }
        let said = problems.iter().find(|p| p.place == "unemployment").unwrap().message(Locale::En);
        assert!(said.contains("contradicts the comparison"), "{said}");
        let said = problems.iter().find(|p| p.place == "prices").unwrap().message(Locale::Vi);
        assert!(said.contains("đầu thấp của khoảng phải nhỏ hơn đầu cao"), "{said}");
    }

    #[test]
    fn format_1_keeps_its_meaning_and_refuses_format_2_words() {
        let mut v = minimal();
        v["targets"][0]["comparator"] = "<=".into();
        v["targets"][1]["better"] = "lower".into();
        let problems = Sheet::parse(&v.to_string()).unwrap_err();
        assert_problem(&problems, "x", "comparator");
        assert_problem(&problems, "y", "better");
        // The same words in a format 2 sheet read.
        v["format"] = 2.into();
        v["targets"][1]["comparator"] = "<".into();
        assert!(Sheet::parse(&v.to_string()).is_ok());
    }

    #[test]
    fn format_2_targets_project_with_their_meanings() {
        use crate::engine::{project_target, Status};
        use crate::scenario::Input;
        let sheet = Sheet::parse(&format_2().to_string()).unwrap();
        let sep = Date::parse("2023-09-30").unwrap();
        let run = |id: &str, input: Input| {
            let t = sheet.target(id).unwrap();
            let o = project_target(&sheet, t, &input, sep);
            let reading = crate::present::reading(&sheet, t, Some(&input), Some(&o), Locale::En);
            (o, reading)
        };
        let level = |achieved: f64, start: f64| Input { achieved, start: Some(start), ..Input::default() };
        let average = |achieved: f64| Input { achieved, ..Input::default() };
        // "Dưới 4%", falling: on track, below the ceiling.
        let (o, said) = run("unemployment", level(3.8, 3.9));
        assert_eq!(o.status, Status::OnTrack);
        assert!(said.ends_with("That stays below the ceiling: it meets the target."), "{said}");
        // Rising past it: the fall needed is the required rate, negative.
        let (o, said) = run("unemployment", level(4.2, 3.9));
        assert!(o.required_rate.is_some_and(|r| r < 0.0) && o.status != Status::OnTrack, "{o:?}");
        assert!(said.ends_with("That is above the ceiling: it falls short."), "{said}");
        // A range: where the projection falls.
        assert!(run("growth", average(9.0)).1.ends_with("That exceeds the range."));
        assert!(run("growth", average(8.2)).1.ends_with("That is within the range."));
        assert!(run("prices", average(3.2)).1.ends_with("That is below the whole range."));
        assert!(run("prices", average(4.3)).1.ends_with("That is above the range."));
        // "Khoảng 70%": 69.6 meets it, 69 does not.
        assert_eq!(run("trained", level(69.6, 69.0)).0.status, Status::OnTrack);
        assert_ne!(run("trained", level(69.0, 69.0)).0.status, Status::OnTrack);
        // Met within "about" only, a little below 70: the reading says so.
        let said = run("trained", level(69.6, 69.0)).1;
        assert!(said.ends_with("That is a little below 70%, within \"about\": it meets the target."), "{said}");
        assert!(run("trained", level(70.3, 69.0)).1.ends_with(" That meets the target."));
        // "Giảm trên 1,5%" from 4.2%: down to 3.0 by September, 2.6 by December, a fall of 1.6.
        let (o, said) = run("poverty", level(3.0, 4.2));
        assert!((o.projected - 2.6).abs() < 1e-9, "{}", o.projected);
        assert_eq!(o.status, Status::OnTrack);
        assert!(said.contains("That is a fall of 1.60 percentage points."), "{said}");
        let t = sheet.target("poverty").unwrap();
        assert_eq!(crate::present::target_value(&sheet, t, Locale::Vi), "giảm trên 1,5 điểm % so với 4,2%");
        assert_eq!(crate::present::goal_symbol(sheet.target("trained").unwrap()), "≈");
        assert_eq!(crate::present::target_value(&sheet, sheet.target("growth").unwrap(), Locale::Vi), "8–8,5%");
    }
}

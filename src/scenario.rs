//! A scenario: what a reader enters (figures achieved so far, as of a date, and assumptions for the
//! months left). Its JSON form (`docs/scenario-format.md`) is the one format used everywhere: files,
//! saved scenarios, the URL and the command-line tool.

use crate::date::Date;
use crate::engine::Method;
use crate::problem::{clean, parse_json, Problem, ProblemKind, Reader, MAX_ID_CHARS, MAX_NAME_CHARS, MAX_NOTE_CHARS};
use crate::sheet::{Kind, Sheet, Target, Text};
use serde_json::{json, Map, Value};

/// The scenario format this code writes. Older versions are migrated on reading (there are none yet:
/// version 1 is the first).
pub const SCENARIO_VERSION: u64 = 1;

/// An assumption for the months left. Exactly one per target, and it must fit the target's kind.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Assume {
    /// A flow's amount per month.
    Pace(f64),
    /// A level's change per month.
    Change(f64),
    /// An average's value over the rest of the period.
    Value(f64),
    /// A multiple of the default assumption (the pace, trend or average so far).
    Factor(f64),
}

impl Assume {
    pub fn field(self) -> &'static str {
        match self {
            Assume::Pace(_) => "pace",
            Assume::Change(_) => "change",
            Assume::Value(_) => "value",
            Assume::Factor(_) => "factor",
        }
    }

    pub fn amount(self) -> f64 {
        match self {
            Assume::Pace(x) | Assume::Change(x) | Assume::Value(x) | Assume::Factor(x) => x,
        }
    }

    /// Whether this assumption applies to a target of `kind`.
    pub fn fits(self, kind: Kind) -> bool {
        matches!(
            (self, kind),
            (Assume::Factor(_), _)
                | (Assume::Pace(_), Kind::Flow)
                | (Assume::Change(_), Kind::Level)
                | (Assume::Value(_), Kind::Average)
        )
    }

    /// The assumption field that a target of `kind` takes for an explicit rate.
    pub fn rate_for(kind: Kind, x: f64) -> Assume {
        match kind {
            Kind::Flow => Assume::Pace(x),
            Kind::Level => Assume::Change(x),
            Kind::Average => Assume::Value(x),
        }
    }
}

/// What is known of one target.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Input {
    /// A flow's total so far in the period, a level's value now, an average's value so far.
    pub achieved: f64,
    /// A level's value at the period's start, from which its trend follows.
    pub start: Option<f64>,
    pub assume: Option<Assume>,
    /// The standard deviation of one month's increment (or of one month's value, for an average), in
    /// the target's unit.
    pub volatility: Option<f64>,
    /// The same period a year earlier, for a flow: the base projection is then
    /// `total × achieved / to_date` (docs/methodology.md, "Same period last year").
    pub last_year: Option<LastYear>,
    /// The method the reader chose for the base projection (`"method"`): the pace so far set against
    /// the target's profile, say. None lets the engine take the best the inputs allow
    /// ([`crate::engine::method_for`]).
    pub method: Option<Method>,
    /// Where the figure comes from, or why it is an estimate; shown as text beside it.
    pub note: Option<Text>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub sheet: String,
    pub name: String,
    /// Free text shown with the scenario, such as its sources.
    pub notes: String,
    /// The date the figures refer to (the end of that day).
    pub as_of: Date,
    /// Inputs by target id. Targets without an input have no data.
    pub inputs: Inputs,
}

/// Inputs by target id, kept sorted by id. A sorted list rather than a `BTreeMap`: a scenario holds a
/// few dozen inputs at most, and the map's code costs kilobytes of WASM (docs/performance.md).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Inputs(Vec<(String, Input)>);

impl Inputs {
    fn position(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(id))
    }

    pub fn get(&self, id: &str) -> Option<&Input> {
        self.position(id).ok().map(|i| &self.0[i].1)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Input> {
        self.position(id).ok().map(|i| &mut self.0[i].1)
    }

    pub fn contains_key(&self, id: &str) -> bool {
        self.position(id).is_ok()
    }

    /// Sets the input of `id`, returning the one it replaces.
    pub fn insert(&mut self, id: String, input: Input) -> Option<Input> {
        match self.position(&id) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, input)),
            Err(i) => {
                self.0.insert(i, (id, input));
                None
            }
        }
    }

    pub fn remove(&mut self, id: &str) -> Option<Input> {
        self.position(id).ok().map(|i| self.0.remove(i).1)
    }

    /// The input of `id`, created empty if there is none.
    pub fn entry_or_default(&mut self, id: &str) -> &mut Input {
        let i = match self.position(id) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (id.to_string(), Input::default()));
                i
            }
        };
        &mut self.0[i].1
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Input)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&str, &mut Input)> {
        self.0.iter_mut().map(|(k, v)| (k.as_str(), v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Tests read inputs as `inputs["id"]`; the widget's own code uses `get`, which cannot panic.
#[cfg(test)]
impl std::ops::Index<&str> for Inputs {
    type Output = Input;

    /// The input of `id`; panics if there is none.
    fn index(&self, id: &str) -> &Input {
        self.get(id).unwrap_or_else(|| panic!("no input for {id}"))
    }
}

const INPUT_FIELDS: &str = "achieved, start, assume, volatility, last_year, method, note";
const METHODS: &str = "flat, profile, last-year";
const LAST_YEAR_FIELDS: &str = "to_date, total";

/// A flow's figures for the same period a year earlier: to the same day of the period, and for the
/// whole period (`"last_year": {"to_date": 500, "total": 1400}`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LastYear {
    pub to_date: f64,
    pub total: f64,
}
const ASSUME_FIELDS: &str = "pace, change, value, factor";
const TOP_FIELDS: &str = "version, sheet, name, notes, as_of, inputs";

impl Scenario {
    /// A scenario with no inputs, as of the end of the period's first month.
    pub fn empty(sheet: &Sheet) -> Scenario {
        Scenario {
            sheet: sheet.id.clone(),
            name: String::new(),
            notes: String::new(),
            as_of: Date::end_of_month_index(sheet.start.month_index()),
            inputs: Inputs::default(),
        }
    }

    /// Reads and validates a scenario for `sheet`, reporting every problem found. Its texts (name,
    /// notes, each note) are kept without control characters (tab, line feed and carriage return become
    /// a space; see [`crate::problem::clean`]), and refused when longer than [`MAX_NAME_CHARS`] (the
    /// name) or [`MAX_NOTE_CHARS`] (the notes, a note in each language). Target ids are looked up once
    /// cleaned.
    pub fn parse(text: &str, sheet: &Sheet) -> Result<Scenario, Vec<Problem>> {
        Scenario::from_value(&parse_json(text)?, sheet)
    }

    pub fn from_value(value: &Value, sheet: &Sheet) -> Result<Scenario, Vec<Problem>> {
        let mut r = Reader::default();
        let scenario = read(&mut r, value, sheet);
        match scenario {
            Some(s) if r.problems.is_empty() => Ok(s),
            _ => Err(r.problems),
        }
    }

    /// The JSON form, with keys in a stable order and only the fields that are set.
    pub fn to_value(&self) -> Value {
        let mut inputs = Map::new();
        for (id, input) in self.inputs.iter() {
            let mut o = Map::new();
            o.insert("achieved".into(), json!(input.achieved));
            if let Some(s) = input.start {
                o.insert("start".into(), json!(s));
            }
            if let Some(a) = input.assume {
                o.insert("assume".into(), json!({ a.field(): a.amount() }));
            }
            if let Some(v) = input.volatility {
                o.insert("volatility".into(), json!(v));
            }
            if let Some(ly) = input.last_year {
                o.insert("last_year".into(), json!({"to_date": ly.to_date, "total": ly.total}));
            }
            if let Some(m) = input.method {
                o.insert("method".into(), json!(m.code()));
            }
            match &input.note {
                Some(n) if n.vi == n.en => {
                    o.insert("note".into(), json!(n.vi));
                }
                Some(n) => {
                    o.insert("note".into(), json!({"vi": n.vi, "en": n.en}));
                }
                None => {}
            }
            inputs.insert(id.to_string(), Value::Object(o));
        }
        let mut root = Map::new();
        root.insert("version".into(), json!(SCENARIO_VERSION));
        root.insert("sheet".into(), json!(self.sheet));
        root.insert("name".into(), json!(self.name));
        if !self.notes.is_empty() {
            root.insert("notes".into(), json!(self.notes));
        }
        root.insert("as_of".into(), json!(self.as_of.iso()));
        root.insert("inputs".into(), Value::Object(inputs));
        Value::Object(root)
    }

    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(&self.to_value()).unwrap_or_default()
    }
}

fn read(r: &mut Reader, value: &Value, sheet: &Sheet) -> Option<Scenario> {
    let root = r.object(Some(value), "", "")?;
    match root.get("version") {
        Some(Value::Number(n)) if n.as_u64() == Some(SCENARIO_VERSION) => {}
        Some(other) => r.push("", "version", ProblemKind::UnknownVersion(other.to_string())),
        None => r.push("", "version", ProblemKind::Missing),
    }
    for key in root.keys() {
        if !TOP_FIELDS.split(", ").any(|f| f == key) {
            r.push("", key, ProblemKind::NotOneOf(key.clone(), TOP_FIELDS));
        }
    }
    let sheet_id = r.text(root, "", "sheet", MAX_ID_CHARS);
    if let Some(id) = &sheet_id {
        if id != &sheet.id {
            r.push("", "sheet", ProblemKind::OtherSheet(id.clone()));
        }
    }
    let mut free_text = |field: &str, max: usize| match root.get(field) {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => r.text_value(s, "", field, max, false).unwrap_or_default(),
        Some(_) => {
            r.push("", field, ProblemKind::WrongType("string"));
            String::new()
        }
    };
    let name = free_text("name", MAX_NAME_CHARS);
    let notes = free_text("notes", MAX_NOTE_CHARS);
    let as_of = r.date(root, "", "as_of");
    if let Some(d) = as_of {
        if d < sheet.start || d > sheet.last_day() {
            r.push("", "as_of", ProblemKind::DateOutsidePeriod(d.iso()));
        }
    }
    let mut inputs = Inputs::default();
    match root.get("inputs") {
        None | Some(Value::Null) => {}
        // More inputs than the sheet has targets cannot all be right: refuse before looking them up.
        Some(Value::Object(m)) if m.len() > sheet.targets.len() => {
            r.push("", "inputs", ProblemKind::TooMany(sheet.targets.len()));
        }
        Some(Value::Object(m)) => {
            for (id, v) in m {
                let id = clean(id);
                let Some(target) = sheet.target(&id) else {
                    r.push(&id, "", ProblemKind::UnknownReference(id.clone()));
                    continue;
                };
                if inputs.contains_key(&id) {
                    r.push(&id, "", ProblemKind::Duplicate(id.clone()));
                }
                if let Some(input) = read_input(r, v, target) {
                    inputs.insert(id, input);
                }
            }
        }
        Some(_) => r.push("", "inputs", ProblemKind::WrongType("object")),
    }
    Some(Scenario { sheet: sheet_id?, name, notes, as_of: as_of?, inputs })
}

/// Checks that `x` lies within what the target's kind and bound allow.
fn check_range(r: &mut Reader, target: &Target, field: &str, x: f64) {
    let bounded = target.bound.is_some();
    if x < 0.0 && (target.kind == Kind::Flow || bounded) {
        r.push(&target.id, field, ProblemKind::Negative);
    }
    if let Some(b) = target.bound {
        if x > b {
            r.push(&target.id, field, ProblemKind::AboveBound(b));
        }
    }
}

fn read_input(r: &mut Reader, v: &Value, target: &Target) -> Option<Input> {
    let place = target.id.as_str();
    let o = r.object(Some(v), place, "")?;
    for key in o.keys() {
        if !INPUT_FIELDS.split(", ").any(|f| f == key) {
            r.push(place, key, ProblemKind::NotOneOf(key.clone(), INPUT_FIELDS));
        }
    }
    let achieved = r.number(o, place, "achieved");
    if let Some(a) = achieved {
        check_range(r, target, "achieved", a);
    }
    let start = r.opt_number(o, place, "start");
    if let Some(s) = start {
        if target.kind != Kind::Level {
            r.push(place, "start", ProblemKind::AssumptionForKind("start", target.kind.code()));
        } else {
            check_range(r, target, "start", s);
        }
    }
    let assume = match o.get("assume") {
        None | Some(Value::Null) => None,
        Some(Value::Object(a)) => read_assume(r, a, target),
        Some(_) => {
            r.push(place, "assume", ProblemKind::WrongType("object"));
            None
        }
    };
    let volatility = r.opt_number(o, place, "volatility");
    if volatility.is_some_and(|x| x < 0.0) {
        r.push(place, "volatility", ProblemKind::Negative);
    }
    let last_year = match o.get("last_year") {
        None | Some(Value::Null) => None,
        Some(Value::Object(ly)) => {
            for key in ly.keys() {
                if !LAST_YEAR_FIELDS.split(", ").any(|f| f == key) {
                    r.push(place, &format!("last_year.{key}"), ProblemKind::NotOneOf(key.clone(), LAST_YEAR_FIELDS));
                }
            }
            // Each named by its path from the input, as every problem is.
            let part = |r: &mut Reader, key: &str| match ly.get(key) {
                Some(v) => r.number_value(v, place, &format!("last_year.{key}")),
                None => {
                    r.push(place, &format!("last_year.{key}"), ProblemKind::Missing);
                    None
                }
            };
            let to_date = part(r, "to_date");
            let total = part(r, "total");
            if target.kind != Kind::Flow {
                r.push(place, "last_year", ProblemKind::AssumptionForKind("last_year", target.kind.code()));
            }
            match (to_date, total) {
                (Some(d), _) if d <= 0.0 => {
                    r.push(place, "last_year.to_date", ProblemKind::NotPositive);
                    None
                }
                (Some(d), Some(t)) if t < d => {
                    r.push(place, "last_year.total", ProblemKind::TotalBelowToDate);
                    None
                }
                (Some(to_date), Some(total)) => Some(LastYear { to_date, total }),
                _ => None,
            }
        }
        Some(_) => {
            r.push(place, "last_year", ProblemKind::WrongType("object"));
            None
        }
    };
    let note = match o.get("note") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => {
            r.text_value(s, place, "note", MAX_NOTE_CHARS, false).map(|s| Text { vi: s.clone(), en: s })
        }
        Some(Value::Object(n)) => {
            let lang = |r: &mut Reader, code: &str| match n.get(code) {
                Some(Value::String(s)) => r.text_value(s, place, &format!("note.{code}"), MAX_NOTE_CHARS, false),
                _ => {
                    r.push(place, &format!("note.{code}"), ProblemKind::WrongType("string"));
                    None
                }
            };
            let (vi, en) = (lang(r, "vi"), lang(r, "en"));
            Some(Text { vi: vi?, en: en? })
        }
        Some(_) => {
            r.push(place, "note", ProblemKind::WrongType("string"));
            None
        }
    };
    let mut input = Input { achieved: achieved?, start, assume, volatility, last_year, method: None, note };
    input.method = read_method(r, o, target, &input);
    Some(input)
}

/// The input's `method`: one of [`METHODS`], and one that applies to the target with this input (a
/// profile needs the target's, and a level's start; the same period last year needs its figures).
fn read_method(r: &mut Reader, o: &Map<String, Value>, target: &Target, input: &Input) -> Option<Method> {
    let place = target.id.as_str();
    let code = r.opt_text(o, place, "method", 16)?;
    let Some(method) = Method::parse(&code) else {
        r.push(place, "method", ProblemKind::NotOneOf(code, METHODS));
        return None;
    };
    if method.applies(target, input) {
        return Some(method);
    }
    let needs = match method {
        Method::Profile if target.profile.is_none() || target.kind == Kind::Average => "profile",
        Method::Profile => "start",
        _ => "last_year",
    };
    r.push(place, "method", ProblemKind::Needs(needs));
    None
}

fn read_assume(r: &mut Reader, a: &Map<String, Value>, target: &Target) -> Option<Assume> {
    let place = target.id.as_str();
    if a.len() != 1 {
        r.push(place, "assume", ProblemKind::OneAssumption);
        return None;
    }
    let (key, v) = a.iter().next()?;
    let field = format!("assume.{key}");
    let x = match key.as_str() {
        "pace" | "change" | "value" | "factor" => r.number_value(v, place, &field)?,
        _ => {
            r.push(place, &field, ProblemKind::NotOneOf(key.clone(), ASSUME_FIELDS));
            return None;
        }
    };
    let assume = match key.as_str() {
        "pace" => Assume::Pace(x),
        "change" => Assume::Change(x),
        "value" => Assume::Value(x),
        _ => Assume::Factor(x),
    };
    if !assume.fits(target.kind) {
        r.push(place, &field, ProblemKind::AssumptionForKind(assume.field(), target.kind.code()));
        return None;
    }
    match assume {
        Assume::Pace(p) | Assume::Factor(p) if p < 0.0 => r.push(place, &field, ProblemKind::Negative),
        Assume::Value(v) => check_range(r, target, &field, v),
        _ => {}
    }
    Some(assume)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kontum() -> Sheet {
        Sheet::kontum().unwrap()
    }

    const EXAMPLE: &str = r#"{
      "version": 1,
      "sheet": "kontum-15-nq-tu-2022",
      "name": "Published figures, 30 Sep 2022",
      "as_of": "2022-09-30",
      "inputs": {
        "budget-revenue": { "achieved": 630 },
        "disbursement":   { "start": 37, "achieved": 60 },
        "grdp-growth":    { "achieved": 9.0, "assume": { "value": 10.5 } },
        "social-investment": { "achieved": 6485, "assume": { "factor": 1.1 }, "volatility": 400,
                               "note": { "vi": "Ước tính", "en": "Estimate" } },
        "jobs": { "achieved": 900, "note": "Sở LĐ-TB&XH" }
      }
    }"#;

    #[test]
    fn the_documented_example_reads_and_round_trips() {
        let sheet = kontum();
        let s = Scenario::parse(EXAMPLE, &sheet).unwrap();
        assert_eq!(s.as_of.iso(), "2022-09-30");
        assert_eq!(s.inputs.len(), 5);
        assert_eq!(s.inputs["social-investment"].note.as_ref().map(|n| n.en.as_str()), Some("Estimate"));
        assert_eq!(s.inputs["jobs"].note.as_ref().map(|n| n.vi.as_str()), Some("Sở LĐ-TB&XH"));
        assert_eq!(s.inputs["disbursement"].start, Some(37.0));
        assert_eq!(s.inputs["grdp-growth"].assume, Some(Assume::Value(10.5)));
        assert_eq!(s.inputs["social-investment"].volatility, Some(400.0));
        let again = Scenario::parse(&s.to_json_pretty(), &sheet).unwrap();
        assert_eq!(again, s);
    }

    fn problems(text: &str) -> Vec<Problem> {
        Scenario::parse(text, &kontum()).expect_err("must be rejected")
    }

    fn has(problems: &[Problem], place: &str, field: &str) -> bool {
        problems.iter().any(|p| p.place == place && p.field == field)
    }

    #[test]
    fn bad_scenarios_are_rejected_with_every_problem_named() {
        let p = problems(
            r#"{"version": 1, "sheet": "kontum-15-nq-tu-2022", "as_of": "2022-09-30", "inputs": {
                "no-such-target": {"achieved": 1},
                "disbursement": {"achieved": 60, "assume": {"pace": 5}},
                "budget-revenue": {"achieved": -3},
                "jobs": {"achieved": "NaN"},
                "health-insurance": {"achieved": 101},
                "grdp-growth": {"achieved": 9, "assume": {"value": 10, "factor": 1}},
                "new-enterprises": {"achieved": 5, "volatility": -1, "acheived": 3},
                "case-discovery": {"achieved": 70, "start": 60}
            }}"#,
        );
        assert!(has(&p, "no-such-target", ""), "{p:?}");
        assert!(has(&p, "disbursement", "assume.pace"), "{p:?}");
        assert!(has(&p, "budget-revenue", "achieved"), "{p:?}");
        assert!(has(&p, "jobs", "achieved"), "{p:?}");
        assert!(has(&p, "health-insurance", "achieved"), "{p:?}");
        assert!(has(&p, "grdp-growth", "assume"), "{p:?}");
        assert!(has(&p, "new-enterprises", "volatility"), "{p:?}");
        assert!(has(&p, "new-enterprises", "acheived"), "{p:?}");
        assert!(has(&p, "case-discovery", "start"), "{p:?}");
        assert_eq!(p.len(), 9, "{p:#?}");
    }

    #[test]
    fn the_file_level_fields_are_checked() {
        let p = problems(r#"{"version": 2, "sheet": "other", "as_of": "2022-06-30", "inputs": []}"#);
        assert!(
            has(&p, "", "version") && has(&p, "", "sheet") && has(&p, "", "as_of") && has(&p, "", "inputs"),
            "{p:?}"
        );
        let p = problems(r#"{"version": 1, "sheet": "kontum-15-nq-tu-2022", "as_of": "2023-02-01"}"#);
        assert!(has(&p, "", "as_of"), "a date after the period is an error, not a clamp: {p:?}");
        let p = problems(r#"{"sheet": "kontum-15-nq-tu-2022", "as_of": "2022-09-31"}"#);
        assert!(has(&p, "", "version") && has(&p, "", "as_of"), "{p:?}");
        let p = problems(
            r#"{"version": 1, "sheet": "kontum-15-nq-tu-2022", "as_of": "2022-09-30", "inputs": {"jobs": {"achieved": 1e300}}}"#,
        );
        assert!(has(&p, "jobs", "achieved"), "an absurd figure is refused: {p:?}");
        for text in ["", "[]", "{", "null", "1e999", r#"{"version": 1e400}"#] {
            assert!(Scenario::parse(text, &kontum()).is_err(), "{text}");
        }
    }

    #[test]
    fn more_inputs_than_targets_are_refused_at_once() {
        let inputs: Vec<String> = (0..5000).map(|i| format!(r#""x{i}": {{"achieved": 1}}"#)).collect();
        let text = format!(
            r#"{{"version": 1, "sheet": "kontum-15-nq-tu-2022", "as_of": "2022-09-30", "inputs": {{{}}}}}"#,
            inputs.join(",")
        );
        let p = problems(&text);
        assert_eq!(p.len(), 1);
        assert!(has(&p, "", "inputs"));
    }

    #[test]
    fn messages_name_the_target_and_field_in_both_languages() {
        let p = problems(
            r#"{"version": 1, "sheet": "kontum-15-nq-tu-2022", "as_of": "2022-09-30", "inputs": {"disbursement": {"achieved": 60, "assume": {"pace": 5}}}}"#,
        );
        let en = p[0].message(crate::i18n::Locale::En);
        let vi = p[0].message(crate::i18n::Locale::Vi);
        assert!(en.starts_with("disbursement · assumed pace a month (assume.pace):") && en.contains("level"), "{en}");
        assert!(vi.starts_with("disbursement · giả định tốc độ mỗi tháng (assume.pace):") && vi != en, "{vi}");
    }
}

//! The widget's state and what the reader's actions do to it, as plain data and pure functions: the
//! browser layer (`app`) turns DOM events into [`Action`]s, calls [`State::act`], and patches the page
//! to [`State::view`]. Everything here is tested natively.
//!
//! Why not one Leptos component per part: every reactive closure compiles to its own copy of Leptos's
//! machinery, and the widget's features would not fit the size budget that way (docs/performance.md).

use crate::date::Date;
use crate::engine::{apply_preset, project, Preset, Projection};
use crate::i18n::Locale;
use crate::num::{parse_field, InputError};
use crate::present::{self, Field};
use crate::problem::Problem;
use crate::scenario::Scenario;
use crate::sheet::Sheet;

pub mod parts;
mod tools;
mod view;

pub use view::Cards;

use crate::embed::{Flags, Start, Theme};
pub use tools::{Command, Notice, Tool, MAX_FILE};

/// The published figures of 30 September 2022, the widget's default scenario.
pub const PUBLISHED_JSON: &str = include_str!("../../data/scenarios/kontum-published-2022-09-30.json");

/// The published figures shipped for each sheet that has some, by sheet id: a sheet with published
/// figures opens on them, and "Published figures" is one of its sources.
pub const PUBLISHED: [(&str, &str); 2] = [
    (crate::sheet::KONTUM_SHEET_ID, PUBLISHED_JSON),
    ("vn-68-2022-qh15-2023", include_str!("../../data/scenarios/vn-68-2022-qh15-2023-09-30.json")),
];

/// The published figures of the sheet `id`, as their file's text.
pub fn published_json(id: &str) -> Option<&'static str> {
    PUBLISHED.iter().find(|(sheet, _)| *sheet == id).map(|(_, json)| *json)
}

/// Where the sheet came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetFrom {
    /// Embedded in the widget.
    Bundled,
    /// A sheet shipped with the widget (`dist/sheets/`), opened by `?sheet=ID`.
    Shipped(String),
    /// Another file on the widget's origin, opened by `?sheet=PATH`.
    Url(String),
    /// A file the reader opened in this browser (and kept there).
    File,
}

impl SheetFrom {
    /// The provenance of a sheet not shipped with the widget, as the page, the exports and the PNG say
    /// it; `None` for the bundled and shipped sheets.
    pub fn provenance(&self, l: Locale) -> Option<String> {
        match self {
            SheetFrom::Bundled | SheetFrom::Shipped(_) => None,
            SheetFrom::Url(path) => {
                let path: String = path.chars().take(120).collect();
                Some(l.pick(
                    format!("Bảng chỉ tiêu từ {path}, không phải bảng đi kèm công cụ."),
                    format!("Sheet from {path}, not one shipped with the widget."),
                ))
            }
            SheetFrom::File => Some(
                l.pick(
                    "Bảng chỉ tiêu từ một tệp đã mở trong trình duyệt này, không phải bảng đi kèm công cụ.",
                    "Sheet from a file opened in this browser, not one shipped with the widget.",
                )
                .to_string(),
            ),
        }
    }
}

/// Where the reader's scenario started from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Published,
    Empty,
    /// The scenario came in the page's URL fragment (a shared link).
    Link,
    /// A scenario the reader saved in this browser; its name is the scenario's.
    Saved,
    /// A scenario file the reader imported; its name is the scenario's.
    File,
}

impl Source {
    pub fn name(self, locale: Locale) -> &'static str {
        match self {
            Source::Published => locale.pick("Số liệu đã công bố", "Published figures"),
            Source::Empty => locale.pick("Trống (chỉ có chỉ tiêu)", "Empty (targets only)"),
            Source::Link => locale.pick("Kịch bản từ đường dẫn", "Scenario from the link"),
            Source::Saved => locale.pick("Kịch bản đã lưu", "Saved scenario"),
            Source::File => locale.pick("Kịch bản từ tệp", "Scenario from a file"),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Source::Published => "published",
            Source::Empty => "empty",
            Source::Link => "link",
            Source::Saved => "saved",
            Source::File => "file",
        }
    }

    /// Where a sheet's widget starts: its published figures when it has some, else empty.
    pub fn default_for(sheet: &Sheet) -> Source {
        if published_json(&sheet.id).is_some() {
            Source::Published
        } else {
            Source::Empty
        }
    }

    /// The scenario this source starts from (empty when the sheet has no published figures).
    pub fn scenario(self, sheet: &Sheet) -> Scenario {
        match self {
            // The published scenarios are checked by the tests; should one ever fail, the widget opens empty.
            // Each is read once per sheet id and kept: the label and the sources line ask on every render,
            // and a file's sheet may not take a shipped sheet's id, so the id names the same sheet.
            Source::Published => {
                thread_local! {
                    static READ: std::cell::RefCell<Vec<(String, Option<Scenario>)>> = const { std::cell::RefCell::new(Vec::new()) };
                }
                let read = READ.with(|r| {
                    let mut r = r.borrow_mut();
                    if let Some((_, s)) = r.iter().find(|(id, _)| *id == sheet.id) {
                        return s.clone();
                    }
                    let s = published_json(&sheet.id).and_then(|json| Scenario::parse(json, sheet).ok());
                    r.push((sheet.id.clone(), s.clone()));
                    s
                });
                read.unwrap_or_else(|| Scenario::empty(sheet))
            }
            _ => Scenario::empty(sheet),
        }
    }
}

/// The sheet the widget opens with: the one kept from a file (`kept`, its stored entry) when the
/// link's `fragment` names it, else the bundled one. A kept entry that does not read is passed over.
pub fn initial_sheet(kept: Option<&str>, fragment: Option<&str>) -> Result<Sheet, Vec<crate::problem::Problem>> {
    if let (Some(kept), Some(id)) = (kept, fragment.and_then(crate::fragment::sheet_id)) {
        if let Some(sheet) = crate::saved::decode_sheet(kept).ok().and_then(|text| crate::table::read_any(&text).ok()) {
            // A kept sheet may not pass for a shipped one (another page of the origin may have stored it).
            if sheet.id == id && !crate::embed::is_shipped(&sheet.id) {
                return Ok(sheet);
            }
        }
    }
    Sheet::kontum()
}

pub fn preset_name(preset: Preset, locale: Locale) -> &'static str {
    match preset {
        Preset::Low => locale.pick("Thấp", "Low"),
        Preset::Base => locale.pick("Cơ sở", "Base"),
        Preset::High => locale.pick("Cao", "High"),
        Preset::Required => locale.pick("Tốc độ cần thiết", "Required pace"),
    }
}

/// What the reader typed into a number field, kept while it is what the field shows: text that did not
/// parse (with its error), or text that did, kept as typed ("92,50" is not rewritten as "92,5").
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// The input's id, `TARGET-FIELD`.
    pub id: String,
    pub text: String,
    pub error: Option<InputError>,
    /// The field's committed value when the reader typed: once the value changes by other means (a
    /// preset, a reset), the field shows the new value instead.
    pub value: Option<f64>,
    /// The value in force before the reader began this entry: while the text does not read, this one
    /// stays in force (a half-typed "1,2,3" never leaves 1.2 behind). The field's `change` (the reader
    /// leaves it) makes the value then in force the new start.
    pub origin: Option<f64>,
}

/// A reader's action, read from the element it happened on: `data-act` names it, `data-arg` says on
/// what, and `value` is the element's value for inputs and selects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Action<'a> {
    pub act: &'a str,
    pub arg: &'a str,
    pub value: &'a str,
}

/// The widget's whole state. The scenario shown and its projection are derived from the rest by
/// [`State::refresh`] after every change.
#[derive(Clone, Debug)]
pub struct State {
    pub sheet: Sheet,
    /// Where the sheet came from: links and snippets carry a shipped sheet's id or another sheet's path
    /// so that they reopen it, and the page shows the provenance of any sheet not shipped with it.
    pub sheet_from: SheetFrom,
    /// A digest of the text a shipped sheet was read from (`text_digest`; 0 for any other): a file
    /// that holds the same text is that sheet.
    pub shipped_digest: u64,
    /// Counts the sheets opened: whatever was built from an earlier sheet (a cached card) is stale.
    pub sheet_version: u32,
    pub locale: Locale,
    /// What the reader entered (or loaded).
    pub base: Scenario,
    /// The preset in force on top of `base`: it sets every assumption from the pace so far. `None`
    /// after the reader types an assumption by hand (no preset button is then pressed).
    pub preset: Option<Preset>,
    pub source: Source,
    /// Whether the reader changed anything since choosing the source.
    pub edited: bool,
    /// Whether the scenario came from the page's link (embed flags that choose a scenario then yield).
    pub linked: bool,
    /// The date the figures opened belong to (the scenario's as-of date when it was opened), and the
    /// targets whose figure the reader typed since, with the as-of date then: a figure whose date is
    /// not the scenario's is read as if it were, and the reader is told so (`State::stale`).
    pub figures_as_of: Date,
    pub retyped: Vec<(String, Date)>,
    /// The problems of a link whose scenario could not be read (the default opened instead).
    pub link_problems: Vec<Problem>,
    /// Whether charts use the dark palette.
    pub dark: bool,
    /// The widths in CSS pixels of the summary chart's box and of a card chart's box, measured by the
    /// browser layer on load and on resize; 0 while unknown, when the view draws no chart.
    pub widths: (u32, u32),
    /// In a sheet of more than [`LAZY_CHARTS`] targets, the cards (by `Target::index`) that have come near
    /// the viewport: only they draw their charts. Every card's label, figures and data table are there
    /// from the first render.
    pub near: Vec<bool>,
    /// The targets whose extra assumptions are open.
    pub expanded: Vec<String>,
    /// The data tables open for sighted readers, by id.
    pub tables: Vec<String>,
    pub drafts: Vec<Draft>,
    /// A card's other figures (its start, assumptions, last year) while its main figure is empty: a
    /// scenario has no input without that figure, and retyping it brings them back.
    pub parked: Vec<(String, crate::scenario::Input)>,
    /// Embed flags: only these targets' cards (all when empty), no controls, the colour theme.
    pub only: Vec<String>,
    /// Target ids the embed flags named that the sheet does not have (cut short), shown on the page.
    pub unknown_targets: Vec<String>,
    pub compact: bool,
    pub theme: Theme,
    /// The widget page's address without query or fragment, for links and snippets.
    pub page: String,
    /// The tool panel open (share, saved, compare, data), the name typed for saving, the scenario
    /// compared with, whether the embed snippet is compact, and the last message of a tool.
    pub tool: Option<Tool>,
    pub name_draft: String,
    /// A sheet pasted into the Data tool, until it is opened.
    pub paste: String,
    pub compare_with: String,
    pub embed_compact: bool,
    pub notice: Option<Notice>,
    /// Saved scenarios, by storage key: each reads, or says why not.
    pub saved: Vec<(String, Result<crate::saved::Entry, crate::saved::Damage>)>,
    /// The keys of saved scenarios the browser refused to store (storage blocked or full): listed and
    /// opened during this visit only, and marked so.
    pub visit_only: Vec<String>,
    /// What the browser layer must do after an action (downloads, storage, the clipboard).
    pub outbox: Vec<Command>,
    /// Derived: `base` with `preset` applied, and its projection; the version counts the derivations, so
    /// that the browser layer knows when the URL's fragment may need writing without encoding it.
    pub scenario: Scenario,
    pub scenario_version: u32,
    pub projection: Projection,
}

impl State {
    /// The state for `sheet`, starting from the scenario in `fragment` (the URL's `#...`) when there is
    /// one that reads, else from the published figures.
    pub fn new(sheet: Sheet, locale: Locale, fragment: Option<&str>) -> State {
        let source = Source::default_for(&sheet);
        // A sheet other than the bundled one at the start was kept from a file (`initial_sheet`).
        let sheet_from = if sheet.id == crate::sheet::KONTUM_SHEET_ID { SheetFrom::Bundled } else { SheetFrom::File };
        let base = source.scenario(&sheet);
        let mut state = State {
            scenario: base.clone(),
            scenario_version: 0,
            projection: Projection::default(),
            figures_as_of: base.as_of,
            retyped: Vec::new(),
            parked: Vec::new(),
            sheet,
            sheet_from,
            shipped_digest: 0,
            sheet_version: 0,
            locale,
            preset: Preset::in_force(&base),
            base,
            source,
            edited: false,
            linked: false,
            link_problems: Vec::new(),
            dark: false,
            widths: (340, 300),
            near: Vec::new(),
            expanded: Vec::new(),
            tables: Vec::new(),
            drafts: Vec::new(),
            only: Vec::new(),
            unknown_targets: Vec::new(),
            compact: false,
            theme: Theme::Auto,
            page: String::new(),
            tool: None,
            name_draft: String::new(),
            paste: String::new(),
            compare_with: "high".into(),
            embed_compact: false,
            notice: None,
            visit_only: Vec::new(),
            saved: Vec::new(),
            outbox: Vec::new(),
        };
        match fragment.filter(|f| !f.trim_start_matches('#').is_empty()) {
            Some(f) => state.open_link(f),
            None => state.refresh(),
        }
        state
    }

    /// Derives the scenario shown and its projection (of the targets shown, when the embed chose some).
    pub fn refresh(&mut self) {
        self.scenario_version = self.scenario_version.wrapping_add(1);
        self.scenario = match self.preset {
            Some(p) => apply_preset(&self.sheet, &self.base, p),
            None => self.base.clone(),
        };
        self.projection = project(&self.sheet, &self.scenario);
        if !self.only.is_empty() {
            self.projection = self.projection.only(&self.only);
        }
    }

    /// Applies the embed flags (`docs/embed.md`). Returns a warning for each target id the sheet does not
    /// have. A scenario named by the flags applies only when no link's scenario was opened.
    pub fn apply_flags(&mut self, flags: &Flags) -> Vec<String> {
        let mut warnings = Vec::new();
        self.only.clear();
        self.unknown_targets.clear();
        for id in &flags.targets {
            if self.sheet.target(id).is_some() {
                if !self.only.contains(id) {
                    self.only.push(id.clone());
                }
            } else {
                let shown: String = id.chars().take(40).collect();
                warnings.push(format!("plan-widget: no target \"{shown}\" in this sheet; ignored"));
                if self.unknown_targets.len() < 10 {
                    self.unknown_targets.push(shown);
                }
            }
        }
        if let Some(l) = flags.lang {
            self.locale = l;
        }
        self.theme = flags.theme;
        self.compact = flags.compact;
        self.embed_compact = flags.compact;
        if !self.linked {
            match flags.start {
                Some(Start::Empty) => self.load(Source::Empty),
                Some(Start::Preset(p)) => self.preset = Some(p),
                _ => {}
            }
        }
        self.refresh();
        warnings
    }

    /// The URL fragment for the scenario shown: the published figures as they are travel by name (so
    /// that a link or an embed shows their notes and sources), and the preset in force is named.
    pub fn fragment(&self) -> String {
        use crate::fragment::{Origin, Published};
        let published = match (self.source, self.edited) {
            (Source::Published, false) => Some(Published::AsThey),
            (Source::Published, true) => Some(Published::Edited),
            _ => None,
        };
        crate::fragment::encode_link(&self.scenario, &self.sheet, Origin { published, preset: self.preset })
    }

    /// The day target `t`'s figure should refer to at the scenario's date: the date itself, the last
    /// quarter's end for a quarterly target, and at most the day the target is judged.
    pub fn due_date(&self, t: &crate::sheet::Target) -> Date {
        crate::engine::figure_date(&self.sheet, t, self.scenario.as_of).unwrap_or(self.scenario.as_of)
    }

    /// The targets whose figure is dated other than the day it should refer to (the as-of date was moved
    /// after they were entered), and the date each belongs to.
    pub fn stale(&self) -> impl Iterator<Item = (&crate::sheet::Target, Date)> {
        self.sheet.targets.iter().filter_map(move |t| self.stale_date(t).map(|d| (t, d)))
    }

    /// The date of target `t`'s figure when it is not the one the scenario's date calls for (it has a
    /// figure, typed before the as-of date moved; for a quarterly target, before the quarter it belongs
    /// to changed). The list of figures typed since is short: a reader types them one by one.
    pub fn stale_date(&self, t: &crate::sheet::Target) -> Option<Date> {
        if !self.scenario.inputs.contains_key(&t.id) {
            return None;
        }
        let date = self.retyped.iter().find(|(id, _)| *id == t.id).map_or(self.figures_as_of, |(_, d)| *d);
        let of = |d: Date| crate::engine::figure_date(&self.sheet, t, d);
        (of(date) != of(self.scenario.as_of)).then_some(of(date).unwrap_or(date))
    }

    /// Changes what the reader entered. A figure's change keeps the preset in force (it then follows
    /// the new pace so far); a change of an assumption (`by_hand`) ends it: the preset's assumptions
    /// become the reader's own, the hand edit goes on top, and no preset is in force. Presets never
    /// compound: each is derived from the pace so far (`engine::apply_preset`).
    pub fn edit(&mut self, by_hand: bool, change: impl FnOnce(&mut Scenario)) {
        if by_hand && self.preset.is_some() {
            self.base = self.scenario.clone();
            self.preset = None;
        }
        change(&mut self.base);
        self.edited = true;
        self.refresh();
    }

    /// Starts from no figures at the date in force, and says what was set aside.
    fn start_empty(&mut self) {
        let l = self.locale;
        let dropped = self.base.inputs.iter().count();
        let mut empty = Scenario::empty(&self.sheet);
        empty.as_of = self.scenario.as_of;
        self.open(empty, Source::Empty);
        self.notice = if dropped > 0 {
            Notice::ok(l.pick(
                format!("Đã bắt đầu từ bảng trống: đã bỏ số liệu của {dropped} chỉ tiêu (chọn lại nguồn hoặc \"Khôi phục mặc định\" để mở lại)."),
                format!("Started from an empty sheet: the figures of {dropped} targets were set aside (choose the source again, or \"Reset to default\", to reopen them)."),
            ))
        } else {
            None
        };
    }

    /// Starts again from `source`.
    pub fn load(&mut self, source: Source) {
        self.open(source.scenario(&self.sheet), source);
    }

    /// The scenario's name as the reader sees it: its source (or its own name, for a saved or imported
    /// scenario), the preset, and whether it was edited.
    pub fn scenario_name(&self) -> String {
        let l = self.locale;
        let mut name = match self.source {
            Source::Saved | Source::File | Source::Link if !self.base.name.is_empty() => self.base.name.clone(),
            s => self.source_label(s),
        };
        if let Some(p) = self.preset.filter(|p| *p != Preset::Base) {
            name = format!("{name} · {}", preset_name(p, l));
        }
        if self.edited {
            name.push_str(l.pick(" · đã chỉnh sửa", " · edited"));
        }
        // Within the cap a scenario's name is read with, so that what the widget writes reads back.
        name.chars().take(crate::problem::MAX_NAME_CHARS).collect()
    }

    /// A source as the reader sees it; the published figures with the date they belong to.
    pub fn source_label(&self, s: Source) -> String {
        let l = self.locale;
        match s {
            Source::Published => {
                let date = Source::Published.scenario(&self.sheet).as_of;
                format!("{} ({})", s.name(l), present::date_short(date, l))
            }
            s => s.name(l).to_string(),
        }
    }

    /// Whether the sheet has published figures.
    pub fn has_published(&self) -> bool {
        published_json(&self.sheet.id).is_some()
    }

    /// Does what `action` says. Returns whether anything changed (the page then needs patching).
    /// Unknown actions and values that do not read change nothing.
    pub fn act(&mut self, a: Action) -> bool {
        match a.act {
            "lang" => match Locale::from_code(a.arg) {
                Some(l) if l != self.locale => {
                    self.locale = l;
                    self.notice = None;
                    // Typed text is in the old language's notation: show the values in the new one.
                    self.drafts.clear();
                }
                _ => return false,
            },
            "preset" => match Preset::ALL.into_iter().find(|p| p.code() == a.arg) {
                Some(p) if Some(p) != self.preset => {
                    self.preset = Some(p);
                    self.refresh();
                }
                _ => return false,
            },
            "as-of" => match Date::parse(a.value) {
                Some(d) if d != self.scenario.as_of => self.edit(false, |s| s.as_of = d),
                _ => return false,
            },
            "source" => match a.value {
                "published" => self.load(Source::Published),
                "empty" => self.start_empty(),
                _ => return false,
            },
            "reset" => {
                self.notice = None;
                self.load(Source::default_for(&self.sheet))
            }
            "near" => return self.come_near(a.arg),
            "more" => toggle(&mut self.expanded, a.arg),
            "table" => toggle(&mut self.tables, a.arg),
            "method" => return self.choose_method(a.arg),
            "field" => return self.type_into(a.arg, a.value),
            "field-done" => return self.leave_field(a.arg),
            _ => return self.tool_act(a),
        }
        true
    }

    /// The reader typed `text` into the field `TARGET:FIELD`. Text that parses and lies in range is
    /// committed at once; other text shows a message and keeps the last good value.
    fn type_into(&mut self, arg: &str, text: &str) -> bool {
        let Some((id, code)) = arg.rsplit_once(':') else { return false };
        let Some(field) = Field::ALL.into_iter().find(|f| f.code() == code) else { return false };
        let Some(t) = self.sheet.target(id).cloned() else { return false };
        let specs = self.field_specs(&t);
        let spec = &specs[field as usize];
        let unit = self.sheet.unit(&t);
        let units = [unit.label.vi.as_str(), unit.label.en.as_str()];
        let draft_id = format!("{id}-{code}");
        // The entry goes on while the field shows the reader's text for the value in force.
        let origin =
            self.drafts.iter().find(|d| d.id == draft_id && d.value == spec.value).map_or(spec.value, |d| d.origin);
        self.drafts.retain(|d| d.id != draft_id);
        let (value, error) = match parse_field(text, self.locale, &units, spec.min, spec.max) {
            Ok(v) => (v, None),
            Err(e) => (origin, Some(e)),
        };
        // Last year's figures come as a pair: the first typed waits in its field (a draft that reads) until
        // the other is there, and the two are then set together.
        let pair = match field {
            Field::LastYearToDate => Some(Field::LastYearTotal),
            Field::LastYearTotal => Some(Field::LastYearToDate),
            _ => None,
        };
        if let (Some(other), Some(v), None, None) = (pair, value, error.as_ref(), spec.value) {
            let other_id = format!("{id}-{}", other.code());
            let waiting = self.drafts.iter().find(|d| d.id == other_id && d.error.is_none() && d.value.is_none());
            let other_value =
                waiting.and_then(|d| parse_field(&d.text, self.locale, &units, Some(0.0), None).ok().flatten());
            if let Some(o) = other_value {
                let (to_date, total) = if field == Field::LastYearToDate { (v, o) } else { (o, v) };
                if to_date > 0.0 && total >= to_date {
                    let ly = crate::scenario::LastYear { to_date, total };
                    self.edit(false, |s| {
                        if let Some(i) = s.inputs.get_mut(&t.id) {
                            i.last_year = Some(ly);
                        }
                    });
                    self.drafts.retain(|d| d.id != other_id);
                }
            }
            // Either way the text stays as typed; it stands for the pair once set.
            let value = self.scenario.inputs.get(id).and_then(|i| i.last_year).map(|ly| {
                if field == Field::LastYearToDate {
                    ly.to_date
                } else {
                    ly.total
                }
            });
            self.drafts.push(Draft { id: draft_id, text: text.to_string(), error: None, value, origin: value });
            return true;
        }
        if value != spec.value {
            // Emptying the main figure, even for a moment while it is retyped, parks the card's other
            // figures; typing it again brings them back.
            let mut parked = None;
            if field == Field::Achieved {
                let i = self.parked.iter().position(|(p, _)| p == id);
                parked = i.map(|i| self.parked.swap_remove(i).1);
                if let (None, Some(input)) = (value, self.base.inputs.get(id)) {
                    self.parked.push((id.to_string(), input.clone()));
                }
            }
            self.edit(field == Field::Assume, |s| {
                present::apply_field(&mut s.inputs, &t, field, value);
                if let (Some(mut p), Some(a)) = (parked.filter(|_| spec.value.is_none()), value) {
                    p.achieved = a;
                    p.note = None;
                    p.method = p.method.filter(|m| m.applies(&t, &p));
                    *s.inputs.entry_or_default(&t.id) = p;
                }
            });
            // A figure typed now belongs to the scenario's date.
            if field == Field::Achieved && error.is_none() {
                let as_of = self.scenario.as_of;
                self.retyped.retain(|(t, _)| *t != id);
                self.retyped.push((id.to_string(), as_of));
            }
        }
        self.drafts.push(Draft { id: draft_id, text: text.to_string(), error, value, origin });
        true
    }

    /// Cards came near the viewport (their ids, one per line): in a large sheet they now draw their
    /// charts, and keep them.
    fn come_near(&mut self, ids: &str) -> bool {
        let mut changed = false;
        for id in ids.split('\n') {
            let Some(i) = self.sheet.targets.iter().position(|t| t.id == id) else { continue };
            if self.near.len() <= i {
                self.near.resize(self.sheet.targets.len(), false);
            }
            changed |= !std::mem::replace(&mut self.near[i], true);
        }
        changed
    }

    /// Whether target `t`'s card draws its chart: always in a sheet of up to [`LAZY_CHARTS`] targets, in a
    /// larger one once the card has come near the viewport.
    pub fn draws_chart(&self, t: &crate::sheet::Target) -> bool {
        self.sheet.targets.len() <= LAZY_CHARTS || self.near.get(t.index).copied().unwrap_or(false)
    }

    /// The reader chose how a target is projected, `TARGET:METHOD` (a profile, or the pace so far):
    /// kept in the scenario, so that a link and a saved scenario keep it.
    fn choose_method(&mut self, arg: &str) -> bool {
        let Some((id, code)) = arg.rsplit_once(':') else { return false };
        let (Some(m), Some(t)) = (crate::engine::Method::parse(code), self.sheet.target(id)) else { return false };
        let Some(input) = self.base.inputs.get(id) else { return false };
        if !m.applies(t, input) || input.method == Some(m) {
            return false;
        }
        self.edit(false, |s| {
            if let Some(i) = s.inputs.get_mut(id) {
                i.method = Some(m);
            }
        });
        true
    }

    /// The reader left the field `TARGET:FIELD`: the value in force is where the next entry starts.
    fn leave_field(&mut self, arg: &str) -> bool {
        let Some(id) = arg.rsplit_once(':').map(|(t, f)| format!("{t}-{f}")) else { return false };
        let Some(d) = self.drafts.iter_mut().find(|d| d.id == id && d.error.is_none() && d.origin != d.value) else {
            return false;
        };
        d.origin = d.value;
        true
    }

    /// The six fields of a target's card.
    pub fn field_specs(&self, t: &crate::sheet::Target) -> [present::FieldSpec; 6] {
        let input = self.scenario.inputs.get(&t.id);
        let outcome = self.projection.for_target(t).and_then(|r| r.outcome.as_ref());
        // A quarterly target's figure is the last quarter's (its first, before one has ended).
        let as_of = crate::engine::figure_date(&self.sheet, t, self.scenario.as_of)
            .unwrap_or_else(|| crate::engine::quarter_end(&self.sheet, 1));
        present::field_specs(t, input, outcome, self.sheet.start, as_of, self.locale)
    }

    /// What a field shows: the reader's text while it stands for the committed value (or is in error),
    /// else the committed value in the reader's notation; and that draft (with its error), if any.
    pub fn field_text(&self, id: &str, value: Option<f64>) -> (String, Option<&Draft>) {
        match self.drafts.iter().find(|d| d.id == id && d.value == value) {
            Some(d) => (d.text.clone(), Some(d)),
            None => (value.map(|x| crate::num::format_trimmed(x, 6, self.locale)).unwrap_or_default(), None),
        }
    }
}

fn toggle(list: &mut Vec<String>, id: &str) {
    match list.iter().position(|x| x == id) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(id.to_string()),
    }
}

/// The largest sheet whose cards all draw their charts at once; a larger one draws them as cards come
/// near the viewport (a thousand charts are 70,000 SVG elements, 45% of such a page).
pub const LAZY_CHARTS: usize = 40;

#[cfg(test)]
mod tests;

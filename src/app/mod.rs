//! The widget's components. They only wire signals to the pure logic in the crate's other modules:
//! `Ctx` holds the state (the sheet, the language, the scenario the reader entered and the preset applied
//! to it), and everything shown is derived from it.

use crate::date::Date;
use crate::engine::{apply_preset, project, Preset, Projection};
use crate::i18n::Locale;
use crate::markup::Node;
use crate::present;
use crate::problem::messages;
use crate::scenario::Scenario;
use crate::sheet::Sheet;
use leptos::either::Either;
use leptos::prelude::*;

mod card;
mod chart;
mod field;
mod platform;
mod render;

use render::Markup;

pub use card::TargetCard;
pub use field::NumberField;

/// The published figures of 30 September 2022, the widget's default scenario.
pub const PUBLISHED_JSON: &str = include_str!("../../data/scenarios/kontum-published-2022-09-30.json");

/// Mounts the widget into the page's `#app` element, replacing the HTML skeleton shown while the
/// WASM loaded.
pub fn mount() {
    let Some(root) = platform::take_root() else { return };
    let locale = platform::initial_locale();
    leptos::mount::mount_to(root, move || view! { <App initial_locale=locale/> }).forget();
}

/// Where the reader's scenario started from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Published,
    Empty,
    /// The scenario came in the page's URL fragment (a shared link).
    Link,
}

impl Source {
    pub fn name(self, locale: Locale) -> &'static str {
        match self {
            Source::Published => locale.pick("Số liệu đã công bố (30/9/2022)", "Published figures (30 Sep 2022)"),
            Source::Empty => locale.pick("Trống (chỉ có chỉ tiêu)", "Empty (targets only)"),
            Source::Link => locale.pick("Kịch bản từ đường dẫn", "Scenario from the link"),
        }
    }

    /// The scenario this source starts from.
    pub fn scenario(self, sheet: &Sheet) -> Scenario {
        match self {
            // The published scenario is checked by the tests; should it ever fail, the widget opens empty.
            Source::Published => Scenario::parse(PUBLISHED_JSON, sheet).unwrap_or_else(|_| Scenario::empty(sheet)),
            Source::Empty | Source::Link => Scenario::empty(sheet),
        }
    }
}

/// A piece of interface text in the reader's language. Every call returns the same closure type, so
/// Leptos compiles the code that renders it once for all of them: it saves bytes in the WASM.
pub(crate) fn tr(
    locale: RwSignal<Locale>,
    vi: &'static str,
    en: &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || locale.get().pick(vi, en)
}

/// An event handler that runs `callback`. Every handler made here has the same type for an event type,
/// so Leptos compiles the code that attaches handlers once rather than once per handler.
pub(crate) fn handler<E: 'static>(callback: Callback<E>) -> impl Fn(E) + 'static {
    move |ev| callback.run(ev)
}

/// A reactive string attribute ("true"/"false" and the like) as a type-erased signal, for the same reason.
pub(crate) fn attr(f: impl Fn() -> String + Send + Sync + 'static) -> Signal<String> {
    Signal::derive(f)
}

pub fn preset_name(preset: Preset, locale: Locale) -> &'static str {
    match preset {
        Preset::Low => locale.pick("Thấp", "Low"),
        Preset::Base => locale.pick("Cơ sở", "Base"),
        Preset::High => locale.pick("Cao", "High"),
        Preset::Required => locale.pick("Tốc độ cần thiết", "Required pace"),
    }
}

/// The widget's state. Every field is a handle to reactive state, so `Ctx` is `Copy`.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub sheet: StoredValue<Sheet>,
    pub locale: RwSignal<Locale>,
    /// What the reader entered (or loaded).
    pub base: RwSignal<Scenario>,
    /// The preset applied on top of `base`.
    pub preset: RwSignal<Preset>,
    pub source: RwSignal<Source>,
    /// Whether the reader changed anything since choosing the source.
    pub edited: RwSignal<bool>,
    /// The scenario shown: `base` with `preset` applied.
    pub scenario: Memo<Scenario>,
    /// The scenario's as-of date alone, for what depends on the date but not on the figures.
    pub as_of: Memo<Date>,
    pub projection: Memo<Projection>,
    /// Whether charts use the dark palette, and a counter bumped when the layout width changes.
    pub dark: RwSignal<bool>,
    pub resized: RwSignal<u32>,
    /// The problems of a link whose scenario could not be read (the default opened instead).
    pub link_problems: RwSignal<Vec<crate::problem::Problem>>,
}

impl Ctx {
    /// The state for `sheet`, starting from the scenario in `fragment` (the URL's `#...`) when there is
    /// one that reads, else from the published figures.
    pub fn new(sheet: Sheet, locale: Locale, fragment: Option<String>) -> Ctx {
        let (start, source, link_problems) = match fragment.filter(|f| !f.trim_start_matches('#').is_empty()) {
            None => (Source::Published.scenario(&sheet), Source::Published, Vec::new()),
            Some(f) => match crate::fragment::decode(&f, &sheet) {
                Ok(s) => (s, Source::Link, Vec::new()),
                Err(problems) => (Source::Published.scenario(&sheet), Source::Published, problems),
            },
        };
        let base = RwSignal::new(start);
        let sheet = StoredValue::new(sheet);
        let preset = RwSignal::new(Preset::Base);
        let scenario = Memo::new(move |_| sheet.with_value(|s| base.with(|b| apply_preset(s, b, preset.get()))));
        let projection = Memo::new(move |_| sheet.with_value(|s| scenario.with(|sc| project(s, sc))));
        let as_of = Memo::new(move |_| scenario.read().as_of);
        Ctx {
            as_of,
            sheet,
            locale: RwSignal::new(locale),
            base,
            preset,
            source: RwSignal::new(source),
            link_problems: RwSignal::new(link_problems),
            edited: RwSignal::new(false),
            scenario,
            projection,
            dark: RwSignal::new(platform::prefers_dark()),
            resized: RwSignal::new(0),
        }
    }

    /// Changes the scenario. A preset in force is first made part of what the reader entered, so an
    /// edit never silently undoes it and presets never compound.
    pub fn edit(&self, change: impl FnOnce(&mut Scenario)) {
        if self.preset.get_untracked() != Preset::Base {
            self.base.set(self.scenario.get_untracked());
            self.preset.set(Preset::Base);
        }
        self.base.update(change);
        self.edited.set(true);
    }

    /// Starts again from `source`.
    pub fn load(&self, source: Source) {
        let scenario = self.sheet.with_value(|s| source.scenario(s));
        self.base.set(scenario);
        self.preset.set(Preset::Base);
        self.source.set(source);
        self.edited.set(false);
        self.link_problems.set(Vec::new());
    }

    /// The scenario's name as the reader sees it: its source, the preset, and whether it was edited.
    pub fn scenario_name(&self, locale: Locale) -> String {
        let mut name = self.source.get().name(locale).to_string();
        let preset = self.preset.get();
        if preset != Preset::Base {
            name = format!("{name} · {}", preset_name(preset, locale));
        }
        if self.edited.get() {
            name.push_str(locale.pick(" · đã chỉnh sửa", " · edited"));
        }
        name
    }
}

/// The whole widget for the bundled sheet.
#[component]
pub fn App(#[prop(optional)] initial_locale: Locale) -> impl IntoView {
    match Sheet::kontum() {
        Ok(sheet) => {
            let ctx = Ctx::new(sheet, initial_locale, platform::fragment());
            Effect::new(move |_| platform::remember_locale(ctx.locale.get()));
            // The scenario lives in the URL's fragment, replaced (not pushed) as the reader types.
            Effect::new(move |_| {
                let f = ctx.sheet.with_value(|s| ctx.scenario.with(|sc| crate::fragment::encode(sc, s)));
                platform::replace_fragment(&f);
            });
            platform::watch_layout(ctx.dark, ctx.resized);
            Either::Left(view! { <Widget ctx=ctx/> })
        }
        Err(problems) => {
            let locale = initial_locale;
            Either::Right(view! {
                <div class="problems" role="alert">
                    <pre>{messages(&problems, locale)}</pre>
                </div>
            })
        }
    }
}

/// The widget for a sheet and its state.
#[component]
pub fn Widget(ctx: Ctx) -> impl IntoView {
    let locale = ctx.locale;
    let areas = ctx.sheet.with_value(|s| s.areas.clone());
    view! {
        <div class="widget" lang=move || locale.get().code()>
            <LanguageSwitch locale=locale/>
            <Masthead ctx=ctx/>
            <Summary ctx=ctx/>
            <Controls ctx=ctx/>
            {areas
                .into_iter()
                .map(|area| {
                    let heading_id = format!("area-{}", area.id);
                    let labelled_by = heading_id.clone();
                    let ids: Vec<String> = ctx.sheet.with_value(|s| s.targets_in(&area.id).map(|t| t.id.clone()).collect());
                    let title = area.label.clone();
                    view! {
                        <section class="area" aria-labelledby=labelled_by>
                            <h2 id=heading_id>
                                {move || title.get(locale.get()).to_string()}
                                <span class="clause">{area.clause.clone()}</span>
                            </h2>
                            <ul class="targets">
                                {ids.into_iter().map(|id| view! { <TargetCard ctx=ctx id=id/> }).collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()}
            <Footer ctx=ctx/>
        </div>
    }
}

#[component]
fn Masthead(ctx: Ctx) -> impl IntoView {
    let nodes = Signal::derive(move || {
        let l = ctx.locale.get();
        ctx.sheet.with_value(|s| present::masthead(s, l))
    });
    view! { <Markup nodes=nodes/> }
}

/// The scoreboard, the scenario's name and date, and the attainment chart of all targets.
#[component]
fn Summary(ctx: Ctx) -> impl IntoView {
    let locale = ctx.locale;
    let lines = Signal::derive(move || {
        let l = locale.get();
        let name = ctx.scenario_name(l);
        let mut lines = ctx.link_problems.with(|p| present::link_notice(p, l));
        lines.extend(ctx.projection.with(|p| present::summary_lines(p, &name, ctx.scenario.read().as_of, l)));
        lines
    });
    let score = move || present::scoreboard(&ctx.projection.read(), locale.get());
    view! {
        <section class="summary" aria-labelledby="summary-title">
            <h2 id="summary-title" class="sr-only">{tr(locale, "Tóm tắt", "Summary")}</h2>
            <Markup nodes=lines/>
            <chart::SummaryChart ctx=ctx/>
            <p class="sr-only" aria-live="polite" aria-atomic="true">{score}</p>
        </section>
    }
}

/// The as-of month, the scenario's source, the presets and reset.
#[component]
fn Controls(ctx: Ctx) -> impl IntoView {
    let locale = ctx.locale;
    let months = ctx.sheet.with_value(|s| {
        (s.start.month_index()..=s.end.month_index()).map(Date::end_of_month_index).collect::<Vec<_>>()
    });
    // The selects' options come from markup, filled in by one effect each: the select elements stay, so
    // a reader choosing with the keyboard keeps the focus.
    let (as_of_select, source_select) =
        (NodeRef::<leptos::html::Select>::new(), NodeRef::<leptos::html::Select>::new());
    Effect::new(move |_| {
        let l = locale.get();
        let current = ctx.as_of.get();
        let Some(el) = as_of_select.get() else { return };
        // The month ends, and the scenario's own date in its place among them if it is not one.
        let mut dates = months.clone();
        if !dates.contains(&current) {
            let at = dates.iter().position(|d| *d > current).unwrap_or(dates.len());
            dates.insert(at, current);
        }
        let options: Vec<Node> = dates
            .into_iter()
            .map(|d| Node::text_el("option", "", present::date_long(d, l)).attr("value", d.iso()))
            .collect();
        render::replace_children(&el, &options);
        el.set_value(&current.iso());
    });
    Effect::new(move |_| {
        let l = locale.get();
        let source = ctx.source.get();
        let Some(el) = source_select.get() else { return };
        let mut choices = vec![("published", Source::Published), ("empty", Source::Empty)];
        if source == Source::Link {
            choices.push(("link", Source::Link));
        }
        let options: Vec<Node> =
            choices.iter().map(|(value, s)| Node::text_el("option", "", s.name(l)).attr("value", *value)).collect();
        render::replace_children(&el, &options);
        el.set_value(choices.iter().find(|(_, s)| *s == source).map_or("published", |(v, _)| v));
    });
    let on_as_of = move |ev: leptos::ev::Event| {
        if let Some(d) = Date::parse(&event_target_value(&ev)) {
            ctx.edit(|s| s.as_of = d);
        }
    };
    let on_source = move |ev: leptos::ev::Event| match event_target_value(&ev).as_str() {
        "empty" => ctx.load(Source::Empty),
        "published" => ctx.load(Source::Published),
        _ => {}
    };
    let preset_button = move |p: Preset| {
        view! {
            <button
                type="button"
                class="seg"
                aria-pressed=attr(move || (ctx.preset.get() == p).to_string())
                on:click=handler(Callback::new(move |_| ctx.preset.set(p)))
            >
                {move || preset_name(p, locale.get())}
            </button>
        }
    };
    view! {
        <section class="controls" aria-labelledby="controls-title">
            <h2 id="controls-title">{tr(locale, "Kịch bản", "Scenario")}</h2>
            <div class="control-row">
                <label class="control">
                    <span>{tr(locale, "Số liệu đến ngày", "Figures as of")}</span>
                    <select id="as-of" node_ref=as_of_select on:change=handler(Callback::new(on_as_of))></select>
                </label>
                <label class="control">
                    <span>{tr(locale, "Bắt đầu từ", "Start from")}</span>
                    <select id="source" node_ref=source_select on:change=handler(Callback::new(on_source))></select>
                </label>
            </div>
            <div class="presets" role="group" aria-labelledby="presets-label">
                <span id="presets-label" class="presets-label">
                    {tr(locale, "Giả định cho các tháng còn lại", "Assumptions for the months left")}
                </span>
                <div class="seg-group">{Preset::ALL.into_iter().map(preset_button).collect_view()}</div>
                <p class="hint">
                    {tr(locale, "Thấp, Cao: tốc độ giả định × 0,8 và × 1,2. Tốc độ cần thiết: mỗi chỉ tiêu vừa đủ đạt.", "Low, High: the assumed pace × 0.8 and × 1.2. Required pace: each target exactly met.")}
                </p>
            </div>
            <button type="button" class="reset" on:click=handler(Callback::new(move |_| ctx.load(Source::Published)))>
                {tr(locale, "Khôi phục mặc định", "Reset to default")}
            </button>
        </section>
    }
}

#[component]
fn Footer(ctx: Ctx) -> impl IntoView {
    let nodes = Signal::derive(move || present::footer(ctx.source.get() == Source::Published, ctx.locale.get()));
    view! {
        <footer class="footer">
            <Markup nodes=nodes/>
        </footer>
    }
}

/// Two buttons that switch the language; the current one is pressed.
#[component]
pub fn LanguageSwitch(locale: RwSignal<Locale>) -> impl IntoView {
    let button = move |l: Locale, text: &'static str| {
        view! {
            <button
                type="button"
                lang=l.code()
                aria-pressed=attr(move || (locale.get() == l).to_string())
                on:click=handler(Callback::new(move |_| locale.set(l)))
            >
                {text}
            </button>
        }
    };
    view! {
        <div class="lang-switch" role="group" aria-label=tr(locale, "Ngôn ngữ", "Language")>
            {button(Locale::Vi, "Tiếng Việt")}
            {button(Locale::En, "English")}
        </div>
    }
}

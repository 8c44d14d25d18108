//! The whole widget as a `markup::Node` tree, built from the state alone. Elements the reader acts on
//! carry `data-act` (what the action is) and `data-arg` (on what); see [`super::Action`].

use super::{preset_name, Source, State};
use crate::charts::{attainment, svg, trajectory, Palette};
use crate::date::Date;
use crate::engine::{months_elapsed, trajectory as path_of, Outcome, Preset, Status};
use crate::i18n::Locale;
use crate::markup::Node;
use crate::present::{self, Field};
use crate::scenario::Input;
use crate::sheet::{Kind, Target};
use std::rc::Rc;

/// The cards of the last view, each with what it was built from, so that the next view reuses every
/// card whose inputs are the same (the same `Rc`, which the page's patch skips). Building a card costs
/// its chart; with a thousand targets, rebuilding all of them on every keystroke took half a second on a
/// phone (docs/performance.md).
///
/// The summary table's rows are kept the same way: with a thousand targets, formatting every row again
/// on every keystroke was most of the summary's cost.
#[derive(Default)]
pub struct Cards {
    cards: Vec<(CardKey, Rc<Node>)>,
    rows: Vec<(RowKey, Rc<Node>)>,
}

/// Everything a summary row is built from (`parts::summary_row`): the sheet and the target's place in it
/// (the sheet's version changes with the sheet), and what its result shows.
#[derive(PartialEq, Clone, Copy)]
struct RowKey {
    sheet: u32,
    index: usize,
    locale: Locale,
    status: crate::engine::Status,
    projected: Option<f64>,
    attainment: Option<f64>,
}

/// Everything a card is built from. [`State::card`] reads nothing else; the test
/// `a_cached_view_is_the_view` holds the two to each other.
#[derive(PartialEq)]
struct CardKey {
    sheet: u32,
    id: String,
    input: Option<Input>,
    outcome: Option<Outcome>,
    as_of: Date,
    locale: Locale,
    width: u32,
    dark: bool,
    compact: bool,
    /// Whether the source is the published figures (a card without a figure says none was found).
    published: bool,
    /// The date of the card's figure when it is not the scenario's (`State::stale`).
    stale: Option<Date>,
    expanded: bool,
    table: bool,
    /// Whether the card draws its chart (`State::draws_chart`).
    chart: bool,
    drafts: Vec<super::Draft>,
}

/// A button that does `act` on `arg`.
pub(super) fn button(class: &str, act: &str, arg: &str, text: impl Into<String>) -> Node {
    Node::text_el("button", class, text).attr("type", "button").attr("data-act", act).attr("data-arg", arg)
}

/// A button of which each card has one, showing `shown`: its name adds what it acts on ("Show the data
/// table: State budget revenue"), after the words shown (WCAG's "label in name"), so that no two
/// controls share a name.
fn button_for(class: &str, act: &str, arg: &str, shown: &str, subject: &str) -> Node {
    button(class, act, arg, shown).attr("aria-label", format!("{shown}: {subject}"))
}

/// A chart drawn at `width`; none while the width is unknown (0): the browser layer renders the
/// widget once without charts, measures their boxes, and then draws each chart once, at its width.
fn chart_at(width: u32, draw: impl FnOnce(u32) -> Node) -> Vec<Node> {
    if width == 0 {
        Vec::new()
    } else {
        vec![draw(width)]
    }
}

/// The `size` of a text box (in average characters) that shows `example` whole: a box's width in
/// characters is an average, and digits and spaces are narrower than it, so a little is added.
pub(super) fn example_size(example: &str) -> String {
    (example.chars().count().max(6) + 2).to_string()
}

/// A `hidden` attribute when `hide` holds.
fn hidden(node: Node, hide: bool) -> Node {
    if hide {
        node.attr("hidden", "")
    } else {
        node
    }
}

fn pressed(node: Node, on: bool) -> Node {
    node.attr("aria-pressed", if on { "true" } else { "false" })
}

fn wrap(class: &str, nodes: Vec<Node>) -> Node {
    Node::new("div").class(class).children(nodes)
}

impl State {
    fn palette(&self) -> &'static Palette {
        if self.dark {
            &Palette::DARK
        } else {
            &Palette::LIGHT
        }
    }

    /// The whole widget.
    pub fn view(&self) -> Node {
        self.view_with(&mut Cards::default())
    }

    /// The whole widget, reusing the cards in `cache` that have not changed and keeping the new ones.
    pub fn view_with(&self, cache: &mut Cards) -> Node {
        let l = self.locale;
        let shown = |t: &&Target| self.only.is_empty() || self.only.contains(&t.id);
        // Cards come in the same order each time, so the cache is read by position.
        let old = std::mem::take(&mut cache.cards);
        let mut old = old.into_iter();
        let mut card = |t: &Target| {
            let key = self.card_key(t);
            let node = match old.next() {
                Some((k, node)) if k == key => node,
                _ => Rc::new(self.card(t)),
            };
            cache.cards.push((key, node.clone()));
            node
        };
        let areas: Vec<Node> = self
            .sheet
            .areas
            .iter()
            .filter_map(|area| {
                let cards: Vec<Rc<Node>> = self.sheet.targets_in(&area.id).filter(shown).map(&mut card).collect();
                if cards.is_empty() {
                    return None;
                }
                let heading = format!("area-{}", area.id);
                Some(
                    Node::new("section").class("area").attr("aria-labelledby", heading.clone()).children([
                        // The clause is the document's own reference ("chỉ tiêu 1–5"), in its language.
                        Node::new("h2")
                            .attr("id", heading)
                            .text(area.label.get(l))
                            .child(Node::text_el("span", "clause", area.clause.clone()).attr("lang", "vi")),
                        Node::new("ul").class("targets").shared(cards),
                    ]),
                )
            })
            .collect();
        let mut footer = crate::ui::parts::footer(
            self.source == Source::Published && self.sheet.id == crate::sheet::KONTUM_SHEET_ID,
            l,
        );
        // Another sheet's published figures: where they come from, in their file's words.
        if self.source == Source::Published && self.sheet.id != crate::sheet::KONTUM_SHEET_ID {
            let notes = crate::ui::parts::published_sources(&self.sheet.id, l)
                .map_or_else(|| Source::Published.scenario(&self.sheet).notes, str::to_string);
            footer.push(Node::text_el("p", "sources", format!("{} {notes}", l.pick("Nguồn số liệu:", "Sources:"))));
        }
        if self.compact && !self.page.is_empty() {
            footer.push(
                Node::new("p").class("open-full").child(
                    Node::text_el("a", "", l.pick("Mở công cụ đầy đủ ↗", "Open the full widget ↗"))
                        .attr("href", format!("{}?lang={}#{}", self.page, l.code(), self.fragment()))
                        .attr("target", "_blank")
                        .attr("rel", "noopener"),
                ),
            );
        }
        let mut widget = Node::new("div")
            .class(match (self.compact, self.sheet.targets.len() > crate::ui::LAZY_CHARTS) {
                (true, _) => "widget compact",
                (false, true) => "widget many",
                (false, false) => "widget",
            })
            .attr("lang", l.code())
            .child(self.language_switch())
            .child(wrap(
                "",
                crate::ui::parts::masthead(&self.sheet, l)
                    .into_iter()
                    .chain(crate::ui::parts::resolution_link(&self.sheet, l))
                    // Where a sheet not shipped with the widget comes from, on every view.
                    .chain(self.sheet_from.provenance(l).map(|p| Node::text_el("p", "provenance", format!("⚠ {p}"))))
                    .collect(),
            ))
            .child(self.summary(&mut cache.rows));
        if !self.compact {
            widget = widget.child(self.controls());
        }
        widget
            // The notice has a place of its own, so that one appearing never shifts the tools after it
            // (the page's patch would rebuild them, and focus and a selection in them would be lost).
            .child(Node::new("div").class("notice-slot").children(self.notice()))
            .children(self.tools())
            .children(areas)
            .child(Node::new("footer").class("footer").child(wrap("", footer)))
    }

    /// Two buttons that switch the language; the current one is pressed.
    fn language_switch(&self) -> Node {
        let b = |l: Locale, text: &str| {
            pressed(button("", "lang", l.code(), text).attr("lang", l.code()), self.locale == l)
        };
        Node::new("div")
            .class("lang-switch")
            .attr("role", "group")
            .attr("aria-label", self.locale.pick("Ngôn ngữ", "Language"))
            .children([b(Locale::Vi, "Tiếng Việt"), b(Locale::En, "English")])
    }

    /// The scoreboard, the scenario's name and date, and the attainment chart of all targets.
    fn summary(&self, cache: &mut Vec<(RowKey, Rc<Node>)>) -> Node {
        let l = self.locale;
        let mut lines = crate::ui::parts::link_notice(&self.link_problems, l);
        if !self.unknown_targets.is_empty() {
            let ids = self.unknown_targets.iter().map(|id| format!("\"{id}\"")).collect::<Vec<_>>().join(", ");
            let rest = if self.only.is_empty() {
                l.pick("đang hiện mọi chỉ tiêu", "all targets are shown")
            } else {
                l.pick("đang hiện các chỉ tiêu còn lại", "the other targets named are shown")
            };
            lines.push(
                Node::text_el(
                    "p",
                    "notice",
                    l.pick(
                        format!("Bảng chỉ tiêu này không có chỉ tiêu {ids} mà địa chỉ trang nêu; {rest}."),
                        format!("This target sheet has no target {ids}, which the page's address names; {rest}."),
                    ),
                )
                .attr("role", "status"),
            );
        }
        lines.extend(crate::ui::parts::summary_lines(&self.projection, &self.scenario_name(), self.scenario.as_of, l));
        if !self.compact {
            // On a phone the first field is a screen and more below: say on the first screen that
            // figures can be typed, and take the reader there.
            let first = self.sheet.targets.iter().find(|t| self.only.is_empty() || self.only.contains(&t.id));
            if let Some(t) = first {
                lines.push(Node::new("p").class("try-it").children([
                    Node::text_el(
                        "span",
                        "",
                        l.pick(
                            "✎ Bạn có thể nhập số liệu và giả định của mình vào từng chỉ tiêu bên dưới; mọi dự báo được tính lại ngay. ",
                            "✎ You can type your own figures and assumptions into each target below; every projection follows at once. ",
                        ),
                    ),
                    button("link-button", "focus", &format!("{}-achieved", t.id), l.pick("Nhập số liệu", "Type a figure")),
                ]));
            }
        }
        // Each stale figure's date, and the day it should refer to.
        let stale: Vec<(Date, Date)> = self.stale().map(|(t, d)| (d, self.due_date(t))).collect();
        if let Some(&(date, due)) = stale.first() {
            let n = stale.len();
            let (then, now) = (present::date_short(date, l), present::date_short(due, l));
            let text = if stale.iter().all(|s| *s == (date, due)) {
                l.pick(
                    format!("⚠ Số liệu của {n} chỉ tiêu là số liệu đến {then}, nhưng đang được tính như số liệu đến {now}. Hãy nhập số liệu mới cho các chỉ tiêu được đánh dấu, hoặc chọn lại ngày {then}."),
                    if n == 1 {
                        format!("⚠ The figure of 1 target is as of {then}, but is read as the figure to {now}. Type a new figure into the target marked, or set the date to {then}.")
                    } else {
                        format!("⚠ The figures of {n} targets are as of {then}, but are read as figures to {now}. Type new figures into the targets marked, or set the date to {then}.")
                    },
                )
            } else {
                l.pick(
                    format!("⚠ Số liệu của {n} chỉ tiêu không phải số liệu của ngày đang được tính. Hãy nhập số liệu mới cho các chỉ tiêu được đánh dấu, hoặc chọn lại ngày."),
                    format!("⚠ The figures of {n} targets are not those of the days they are read at. Type new figures into the targets marked, or set the date again."),
                )
            };
            lines.push(Node::text_el("p", "figures-dated", text));
        }
        Node::new("section").class("summary").attr("aria-labelledby", "summary-title").children([
            Node::text_el("h2", "sr-only", l.pick("Tóm tắt", "Summary")).attr("id", "summary-title"),
            wrap("", lines),
            // A compact embed shows the cards' main figures only: no summary chart.
            if self.compact {
                Node::new("div")
            } else {
                Node::new("div")
                    .class("chart summary-chart")
                    .child(wrap("plot", chart_at(self.widths.0, |w| self.summary_chart(w))))
                    .children(self.data_table(
                        "summary-table",
                        l.pick("tất cả chỉ tiêu", "all targets"),
                        crate::ui::parts::summary_table_caption(l),
                        crate::ui::parts::summary_table_of(self.summary_rows(cache), l),
                    ))
            },
            Node::text_el("p", "sr-only", present::scoreboard(&self.projection, l))
                .attr("aria-live", "polite")
                .attr("aria-atomic", "true"),
        ])
    }

    /// The summary table's rows, reusing those in `cache` whose target shows the same result.
    fn summary_rows(&self, cache: &mut Vec<(RowKey, Rc<Node>)>) -> Vec<Rc<Node>> {
        let old = std::mem::take(cache);
        let mut old = old.into_iter();
        let rows = self.sheet.targets.iter().filter_map(|t| {
            let r = self.projection.for_target(t)?;
            let o = r.outcome.as_ref();
            let key = RowKey {
                sheet: self.sheet_version,
                index: t.index,
                locale: self.locale,
                status: r.status(),
                projected: o.and_then(crate::engine::Outcome::projected_value),
                attainment: o.and_then(|o| o.attainment),
            };
            // Rows come in the same order each time, so the cache is read by position.
            let node = match old.next() {
                Some((k, node)) if k == key => node,
                _ => Rc::new(crate::ui::parts::summary_row(&self.sheet, t, r, self.locale)),
            };
            cache.push((key, node.clone()));
            Some(node)
        });
        rows.collect()
    }

    /// A data table behind a chart: always in the document for screen readers, opened for sighted
    /// readers by its button, and keyboard-scrollable when open. Open, its box is a tab stop, so it is a
    /// region named `name` (the table's caption): a screen reader says what the focus landed on. The
    /// button's name says whose table it shows (`subject`): every card has one of the same words.
    fn data_table(&self, id: &str, subject: &str, name: &str, table: Node) -> [Node; 2] {
        let l = self.locale;
        let open = self.tables.iter().any(|t| t == id);
        let text = if open {
            l.pick("Ẩn bảng số liệu", "Hide the data table")
        } else {
            l.pick("Xem bảng số liệu", "Show the data table")
        };
        let mut wrap_box = Node::new("div")
            .attr("id", id)
            .class(if open { "table-wrap" } else { "table-wrap sr-only" })
            .attr("tabindex", if open { "0" } else { "-1" });
        if open {
            wrap_box = wrap_box.attr("role", "region").attr("aria-label", name);
        }
        [
            button_for("table-toggle", "table", id, text, subject)
                .attr("aria-expanded", open.to_string())
                .attr("aria-controls", id),
            wrap_box.child(wrap("", vec![table])),
        ]
    }

    /// The summary chart, `width` pixels wide: one bar of attainment per target with data, against the
    /// 100% line.
    pub(super) fn summary_chart(&self, width: u32) -> Node {
        let l = self.locale;
        let rows: Vec<attainment::Row> = self
            .sheet
            .targets
            .iter()
            .filter_map(|t| {
                let o = self.projection.for_target(t)?.outcome.as_ref()?;
                let a = o.attainment?;
                Some(attainment::Row {
                    label: t.label.get(l).to_string(),
                    attainment: a,
                    low: t.attainment(o.low).unwrap_or(a).min(t.attainment(o.high).unwrap_or(a)),
                    high: t.attainment(o.low).unwrap_or(a).max(t.attainment(o.high).unwrap_or(a)),
                    status: o.status,
                    note: format!("{} {}", present::status_icon(o.status), present::percent(a, l)),
                })
            })
            .collect();
        if rows.is_empty() {
            return Node::text_el(
                "p",
                "empty-chart",
                l.pick(
                    "Chưa có chỉ tiêu nào có số liệu. Nhập số liệu đã đạt vào một chỉ tiêu bên dưới.",
                    "No target has data yet. Enter what has been achieved for a target below.",
                ),
            );
        }
        let label = format!(
            "{} {}",
            l.pick("Biểu đồ mức đạt so với chỉ tiêu:", "Chart of attainment against each target:"),
            present::scoreboard(&self.projection, l)
        );
        let target_label = l.pick("chỉ tiêu", "target");
        let pal = self.palette();
        svg::chart(width, attainment::height_for(rows.len()) as u32, &label, |area| {
            let _ = attainment::draw(area, &attainment::Params { rows: &rows, palette: pal, scale: 1.0, target_label });
        })
    }

    /// The as-of month, the scenario's source, the presets and reset.
    fn controls(&self) -> Node {
        let l = self.locale;
        let current = self.scenario.as_of;
        // The month ends, and the scenario's own date in its place among them if it is not one.
        let mut dates: Vec<Date> = (self.sheet.start.month_index()..=self.sheet.last_day().month_index())
            .map(Date::end_of_month_index)
            .collect();
        if !dates.contains(&current) {
            let at = dates.iter().position(|d| *d > current).unwrap_or(dates.len());
            dates.insert(at, current);
        }
        let months =
            dates.into_iter().map(|d| Node::text_el("option", "", present::date_long(d, l)).attr("value", d.iso()));
        let mut sources = Vec::new();
        if self.has_published() {
            sources.push(Source::Published);
        }
        sources.push(Source::Empty);
        if !matches!(self.source, Source::Published | Source::Empty) {
            sources.push(self.source);
        }
        let sources =
            sources.into_iter().map(|s| Node::text_el("option", "", self.source_label(s)).attr("value", s.code()));
        let control = |label: &str, id: &str, options: Vec<Node>, value: String| {
            Node::new("label")
                .class("control")
                .child(Node::text_el("span", "", label))
                .child(Node::new("select").attr("id", id).attr("data-act", id).children(options).attr("value", value))
        };
        let presets = Preset::ALL
            .into_iter()
            .map(|p| pressed(button("seg", "preset", p.code(), preset_name(p, l)), self.preset == Some(p)));
        Node::new("section").class("controls").attr("aria-labelledby", "controls-title").children([
            Node::text_el("h2", "", l.pick("Kịch bản", "Scenario")).attr("id", "controls-title"),
            Node::new("div").class("control-row").children([
                control(l.pick("Số liệu đến ngày", "Figures as of"), "as-of", months.collect(), current.iso()),
                control(l.pick("Bắt đầu từ", "Start from"), "source", sources.collect(), self.source.code().into()),
            ]),
            Node::new("div").class("presets").attr("role", "group").attr("aria-labelledby", "presets-label").children(
                [
                    Node::text_el(
                        "span",
                        "presets-label",
                        l.pick("Giả định cho các tháng còn lại", "Assumptions for the months left"),
                    )
                    .attr("id", "presets-label"),
                    Node::new("div").class("seg-group").children(presets),
                    Node::text_el(
                        "p",
                        "hint",
                        l.pick(
                            "Cơ sở: giữ tốc độ từ đầu kỳ. Thấp, Cao: tốc độ từ đầu kỳ × 0,8 và × 1,2. Tốc độ cần thiết: mỗi chỉ tiêu vừa đủ đạt.",
                            "Base: the pace so far. Low, High: the pace so far × 0.8 and × 1.2. Required pace: each target just met.",
                        ),
                    ),
                ],
            ),
            button("reset", "reset", "", l.pick("Khôi phục mặc định", "Reset to default")),
        ])
    }

    fn card_key(&self, t: &Target) -> CardKey {
        let prefix = format!("{}-", t.id);
        CardKey {
            sheet: self.sheet_version,
            id: t.id.clone(),
            input: self.scenario.inputs.get(&t.id).cloned(),
            outcome: self.projection.for_target(t).and_then(|r| r.outcome.clone()),
            as_of: self.scenario.as_of,
            locale: self.locale,
            width: self.widths.1,
            dark: self.dark,
            compact: self.compact,
            published: self.source == Source::Published,
            stale: self.stale_date(t),
            expanded: self.expanded.contains(&t.id),
            table: self.tables.iter().any(|x| x.strip_prefix("table-") == Some(&t.id)),
            chart: self.draws_chart(t),
            // A draft's id is `TARGET-FIELD`, and no field's code holds a '-'.
            drafts: self
                .drafts
                .iter()
                .filter(|d| d.id.strip_prefix(&prefix).is_some_and(|f| !f.contains('-')))
                .cloned()
                .collect(),
        }
    }

    /// A target's card: its output, the reader's inputs, the chart with its data table, and the wording.
    fn card(&self, t: &Target) -> Node {
        let l = self.locale;
        let input = self.scenario.inputs.get(&t.id);
        let outcome = self.projection.for_target(t).and_then(|r| r.outcome.as_ref());
        let status = outcome.map_or(Status::NoData, |o| o.status);
        let specs = self.field_specs(t);
        let field = |f: Field| self.field(t, f, &specs[f as usize]);
        let expanded = self.expanded.contains(&t.id);
        let more_id = format!("more-{}", t.id);
        let more_text = if expanded {
            l.pick("Ẩn giả định", "Hide assumptions")
        } else {
            l.pick("Thêm giả định", "More assumptions")
        };
        // Fields not shown are not built (their wrappers stay, empty and hidden): a card of a large
        // sheet stays light, and the page builds a field when it is asked for.
        let mut start_box = hidden(Node::new("div"), !specs[Field::Start as usize].shown);
        if specs[Field::Start as usize].shown {
            start_box = start_box.child(field(Field::Start));
        }
        let mut more = hidden(Node::new("div"), !specs[Field::Assume as usize].shown);
        if specs[Field::Assume as usize].shown {
            let mut panel = hidden(Node::new("div").attr("id", more_id.clone()).class("inputs more-inputs"), !expanded);
            if expanded {
                panel = panel.child(field(Field::Assume)).child(field(Field::Volatility));
                if specs[Field::LastYearToDate as usize].shown {
                    panel = panel.child(field(Field::LastYearToDate)).child(field(Field::LastYearTotal));
                }
            }
            more = more
                .child(
                    button_for("more", "more", &t.id, more_text, t.label.get(l))
                        .attr("aria-expanded", expanded.to_string())
                        .attr("aria-controls", more_id),
                )
                .child(panel);
        }
        let mut output = crate::ui::parts::card_output(&self.sheet, t, input, outcome, l);
        if let Some(date) = self.stale_date(t) {
            // Against the day the figure should refer to (a target judged on 31 December, as of 31 January,
            // wants December's), and in the right direction when the date was moved back.
            let due = self.due_date(t);
            let (then, now) = (present::date_short(date, l), present::date_short(due, l));
            output.push(Node::text_el(
                "p",
                "stale",
                if date < due {
                    l.pick(
                        format!("⚠ Số liệu này là của ngày {then}, chưa cập nhật đến {now}."),
                        format!("⚠ This figure is as of {then}, not yet updated to {now}."),
                    )
                } else {
                    l.pick(
                        format!("⚠ Số liệu này là của ngày {then}, sau ngày {now}, nhưng đang được tính như số liệu đến {now}."),
                        format!("⚠ This figure is as of {then}, after {now}, but is read as the figure to {now}."),
                    )
                },
            ));
        }
        // A quarterly figure is the last quarter's, whatever day the scenario is of; before the first
        // quarter's end there is none, and a figure typed is kept but not used.
        if outcome.is_some() && crate::engine::figure_date(&self.sheet, t, self.scenario.as_of).is_none() {
            let first = present::date_short(crate::engine::quarter_end(&self.sheet, 1), l);
            output.push(Node::text_el(
                "p",
                "quarter-note",
                l.pick(
                    format!("Chỉ tiêu này có số liệu theo quý: quý đầu tiên kết thúc ngày {first}; đến lúc đó số đã nhập chưa được dùng."),
                    format!("This target is published by quarter: the first quarter ends on {first}; until then the figure typed is not used."),
                ),
            ));
        }
        match outcome.map(|o| o.figures_as_of).filter(|d| t.quarterly && *d != self.scenario.as_of) {
            Some(quarter_end) if self.stale_date(t).is_none() => {
                let end = present::date_short(quarter_end, l);
                output.push(Node::text_el(
                    "p",
                    "quarter-note",
                    l.pick(
                        format!("Chỉ tiêu này có số liệu theo quý: số mới nhất là đến hết quý, ngày {end}."),
                        format!(
                            "This target is published by quarter: the latest figure is to the quarter's end, {end}."
                        ),
                    ),
                ));
            }
            _ => {}
        }
        let card = Node::new("li")
            .class(if t.part_of.is_some() { "target card part" } else { "target card" })
            .attr("data-target", t.id.clone())
            .attr("data-status", status.code());
        if input.is_none() && self.source == Source::Published {
            output.push(Node::text_el(
                "p",
                "no-figure",
                l.pick(
                    "Không tìm thấy số liệu công bố của chỉ tiêu này trong kỳ.",
                    "No published figure was found for this target in the period.",
                ),
            ));
        }
        if self.compact {
            // A compact embed shows each card's main figure only: the target, the status, the result
            // and its reading; no fields, milestones or chart (a link opens the full widget).
            // Without a figure the reading asks for one in a box a compact card does not have.
            let kept: &[&str] = if input.is_some() {
                &["target-head", "status", "results", "reading", "stale", "no-figure"]
            } else {
                &["target-head", "status", "results", "stale", "no-figure"]
            };
            output.retain(|n| kept.iter().any(|c| n.has_class(c)));
            return card.child(wrap("", output)).child(wrap("", crate::ui::parts::wording(t, l)));
        }
        // The switch's box stays, empty and hidden, where there is no choice: a box that came and went would
        // shift the fields after it, and the page would rebuild the field being typed in.
        let switch = self.method_switch(t);
        let switch_box = hidden(Node::new("div"), switch.is_none()).children(switch);
        let mut card = card.child(wrap("", output)).child(switch_box);
        card = card.child(Node::new("div").class("inputs").children([field(Field::Achieved), start_box])).child(more);
        if let (Some(o), Some(i)) = (outcome.filter(|o| !o.no_figure_yet), input) {
            let table = crate::ui::parts::target_table(&self.sheet, t, o, i, o.figures_as_of, l);
            let chart = Node::new("div")
                .class("chart target-chart")
                .child(wrap(
                    "plot",
                    chart_at(if self.draws_chart(t) { self.widths.1 } else { 0 }, |w| self.target_chart(t, o, i, w)),
                ))
                .children(self.data_table(
                    &format!("table-{}", t.id),
                    t.label.get(l),
                    &crate::ui::parts::target_table_caption(t, l),
                    table,
                ))
                .child(button_for(
                    "png",
                    "export",
                    &format!("png:{}", t.id),
                    l.pick("Tải biểu đồ (PNG)", "Download the chart (PNG)"),
                    t.label.get(l),
                ));
            card = card.child(chart);
        }
        card.child(wrap("", crate::ui::parts::wording(t, l)))
    }

    /// For a target with a profile, while months are left: buttons that choose between the months' usual
    /// shares, the same period last year (where its figures are given) and the pace so far, the one in
    /// force pressed. None where the engine would not use the profile (no figure, a level without its
    /// start, no share yet in the months so far).
    fn method_switch(&self, t: &Target) -> Option<Node> {
        use crate::engine::Method;
        let l = self.locale;
        let input = self.scenario.inputs.get(&t.id)?;
        let outcome = self.projection.for_target(t).and_then(|r| r.outcome.as_ref())?;
        // The methods the engine would use if chosen now (a profile with no share yet in the months so
        // far would not): a switch only where there is a choice, and only for a target with a profile.
        let (elapsed, total) =
            (months_elapsed(&self.sheet, outcome.figures_as_of), crate::engine::months_for(&self.sheet, t));
        let usable =
            |m: Method| crate::engine::method_for(t, &Input { method: Some(m), ..input.clone() }, elapsed, total) == m;
        if outcome.over || !usable(Method::Profile) {
            return None;
        }
        let choices = [
            (Method::Profile, l.pick("tỷ trọng các tháng", "usual months")),
            (Method::LastYear, l.pick("cùng kỳ năm trước", "last year")),
            (Method::Flat, l.pick("tốc độ đều", "even pace")),
        ];
        let label_id = format!("method-{}", t.id);
        Some(
            Node::new("div")
                .class("method-switch")
                .attr("role", "group")
                .attr("aria-labelledby", label_id.clone())
                .child(
                    Node::text_el("span", "method-label", l.pick("Cách dự báo:", "Project by:")).attr("id", label_id),
                )
                .children(choices.into_iter().filter(|(m, _)| *m == Method::Flat || usable(*m)).map(|(m, text)| {
                    let arg = format!("{}:{}", t.id, m.code());
                    pressed(button("method-choice", "method", &arg, text), outcome.method == m)
                })),
        )
    }

    /// A number field that reads numbers as people type them in the reader's language ("1.700",
    /// "92,75"). Its text and message come from [`State::field_text`].
    fn field(&self, t: &Target, f: Field, spec: &present::FieldSpec) -> Node {
        let id = format!("{}-{}", t.id, f.code());
        let (text, draft) = self.field_text(&id, spec.value);
        let error = draft.and_then(|d| d.error.as_ref());
        let l = self.locale;
        // While the text does not read, the value before it stays in force, and the message says so.
        let message = error.map_or_else(String::new, |e| match spec.value {
            Some(v) => {
                let v = crate::num::format_trimmed(v, 6, l);
                l.pick(
                    format!("{} Vẫn dùng số trước đó ({v}) cho đến khi số hợp lệ.", e.message(l)),
                    format!("{} The previous figure ({v}) stays in use until the number reads.", e.message(l)),
                )
            }
            None => l.pick(
                format!("{} Chưa dùng số nào cho đến khi số hợp lệ.", e.message(l)),
                format!("{} No figure is used until the number reads.", e.message(l)),
            ),
        });
        // The first of last year's two figures waits for the other, and says so.
        let waiting = matches!(f, Field::LastYearToDate | Field::LastYearTotal)
            && error.is_none()
            && spec.value.is_none()
            && !text.trim().is_empty();
        // A number as typed that reads as a decimal here but as thousands in the other language's notation
        // ("1.800" in English is 1.8): it is used as read, and the reader is told how it was read.
        let other = spec.value.zip(crate::num::other_notation(&text, l)).filter(|_| draft.is_some() && error.is_none());
        let message = if waiting {
            l.pick(
                "Nhập thêm số còn lại của năm trước để dự báo theo cùng kỳ.",
                "Type last year's other figure too, to project against the same period.",
            )
            .to_string()
        } else if let Some((v, n)) = other {
            let (v, grouped) = (crate::num::format_trimmed(v, 6, l), crate::num::format_fixed(n as f64, 0, l));
            l.pick(
                format!("Đọc là {v}: trong tiếng Việt dấu phẩy là dấu thập phân. Muốn nhập {n}, hãy gõ {grouped}."),
                format!("Read as {v}: in English a point marks decimals. For {n}, type {grouped}."),
            )
        } else {
            message
        };
        let msg_id = format!("{id}-msg");
        let unit = present::field_unit(&self.sheet, t, f, l);
        // The label names the unit and the target for screen readers (every card has a field of the same
        // words); sighted readers see the unit beside the box and the target above it.
        let label = Node::new("label").attr("for", id.clone()).text(spec.label.clone()).child(Node::text_el(
            "span",
            "sr-only",
            format!(" ({unit}), {}", t.label.get(l)),
        ));
        Node::new("div").class(if error.is_some() { "field invalid" } else { "field" }).children([
            label,
            Node::new("div").class("field-box").children([
                Node::new("input")
                    .attr("id", id)
                    .attr("type", "text")
                    .attr("inputmode", "decimal")
                    .attr("autocomplete", "off")
                    .attr("spellcheck", "false")
                    .attr("aria-invalid", if error.is_some() { "true" } else { "false" })
                    .attr("aria-describedby", msg_id.clone())
                    .attr("placeholder", spec.placeholder.clone())
                    // At least as wide as the example, so that it is never cut off (style/widget.css).
                    .attr("size", example_size(&spec.placeholder))
                    .attr("data-act", "field")
                    .attr("data-arg", format!("{}:{}", t.id, f.code()))
                    .attr("value", text),
                Node::text_el("span", "unit", unit).attr("aria-hidden", "true"),
            ]),
            Node::text_el("p", "field-msg", message).attr("id", msg_id).attr("aria-live", "polite"),
        ])
    }

    /// A target's chart: the path so far, the projection with its band, the target and the milestones.
    pub(super) fn target_chart(&self, t: &Target, o: &Outcome, i: &Input, width: u32) -> Node {
        let l = self.locale;
        let s = &self.sheet;
        let tr = path_of(s, t, i, self.scenario.as_of, 12);
        let months = present::month_labels(s, t, l);
        let milestones: Vec<(f64, f64)> = t.milestones.iter().map(|m| (months_elapsed(s, m.date), m.value)).collect();
        let decimals = if t.value >= 100.0 { 0 } else { t.decimals.min(1) };
        let format_y = |v: f64| crate::num::format_fixed(v, decimals, l);
        // The line is the level that meets the target: for a range, "about" or a change from a baseline,
        // labelled with that level (the card says the target in the resolution's terms).
        let rule = t.rule();
        let target_label = if t.high.is_some() || t.tolerance.is_some() || t.baseline.is_some() {
            format!("{} {}", rule.comparator().symbol(), present::value(s, t, rule.threshold, l))
        } else {
            format!("{} {}", present::goal_symbol(t), present::target_value(s, t, l)).trim().to_string()
        };
        // A short name; the reading stands beside the chart as its description, and the data table after it.
        let label = format!("{}: {}", l.pick("Biểu đồ", "Chart"), t.label.get(l));
        let palette = self.palette();
        svg::chart(width, trajectory::HEIGHT as u32, &label, |area| {
            let _ = trajectory::draw(
                area,
                &trajectory::Params {
                    trajectory: &tr,
                    total: crate::engine::months_for(s, t),
                    target: rule.threshold,
                    // A range as levels: a change from a baseline is drawn where it would leave the indicator.
                    range: t.high.map(|h| match t.baseline {
                        Some(b) => (b.level(t.value, t.better), b.level(h, t.better)),
                        None => (t.value, h),
                    }),
                    baseline: t.baseline.map(|b| b.value),
                    target_label: &target_label,
                    milestones: &milestones,
                    month_labels: &months,
                    format_y: &format_y,
                    status: o.status,
                    from_zero: t.kind == Kind::Flow,
                    palette,
                    scale: 1.0,
                },
            );
        })
        // Its description is the card's reading of the result, which says what the chart shows.
        .attr("aria-describedby", crate::ui::parts::reading_id(t))
    }
}

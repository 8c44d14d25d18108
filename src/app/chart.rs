//! Chart components: SVG drawn by the pure chart modules through `charts::svg`, sized to the width of
//! their box, and a data table behind each chart that screen readers always find and sighted readers
//! can open.

use super::render::Markup;
use super::{attr, handler, Ctx};
use crate::charts::{attainment, svg, trajectory, Palette};
use crate::engine::{months_elapsed, trajectory as path_of, Outcome};
use crate::markup::Node;
use crate::present;
use crate::scenario::Input;
use crate::sheet::Target;
use leptos::html::Div;
use leptos::prelude::*;

fn palette(ctx: &Ctx) -> &'static Palette {
    if ctx.dark.get() {
        &Palette::DARK
    } else {
        &Palette::LIGHT
    }
}

/// The width in CSS pixels of a chart's box, measured when the box appears and when the window is
/// resized, never while the chart re-renders: reading a width right after DOM writes forces the browser
/// to lay the page out (it was most of a keystroke's time, docs/performance.md).
fn box_width(ctx: Ctx, node: NodeRef<Div>) -> RwSignal<u32> {
    let width = RwSignal::new(340);
    Effect::new(move |_| {
        let _ = ctx.resized.get();
        if let Some(w) = node.get().map(|el| el.client_width()).filter(|w| *w > 0) {
            width.set(w as u32);
        }
    });
    width
}

/// A data table behind a chart: always in the document for screen readers, opened for sighted readers by
/// its button, and keyboard-scrollable when open.
#[component]
fn DataTable(ctx: Ctx, id: String, table: Signal<Vec<Node>>) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <button
            type="button"
            class="table-toggle"
            aria-expanded=attr(move || open.get().to_string())
            aria-controls=id.clone()
            on:click=handler(Callback::new(move |_| open.update(|o| *o = !*o)))
        >
            {move || {
                let l = ctx.locale.get();
                if open.get() { l.pick("Ẩn bảng số liệu", "Hide the data table") } else { l.pick("Xem bảng số liệu", "Show the data table") }
            }}
        </button>
        <div
            id=id
            class="table-wrap"
            class:sr-only=Signal::derive(move || !open.get())
            tabindex=attr(move || if open.get() { "0" } else { "-1" }.to_string())
        >
            <Markup nodes=table/>
        </div>
    }
}

/// The summary: one bar of attainment per target with data, against the 100% line.
#[component]
pub fn SummaryChart(ctx: Ctx) -> impl IntoView {
    let locale = ctx.locale;
    let boxed = NodeRef::<Div>::new();
    let box_px = box_width(ctx, boxed);
    let chart = Signal::derive(move || {
        let l = locale.get();
        let width = box_px.get();
        let pal = palette(&ctx);
        ctx.sheet.with_value(|s| {
            ctx.projection.with(|p| {
                let rows: Vec<attainment::Row> = p
                    .results
                    .iter()
                    .filter_map(|r| {
                        let o = r.outcome.as_ref()?;
                        let t = s.target(&r.id)?;
                        let a = o.attainment?;
                        Some(attainment::Row {
                            label: t.label.get(l).to_string(),
                            attainment: a,
                            low: o.low / t.value,
                            high: o.high / t.value,
                            status: o.status,
                            note: format!("{} {}", present::status_icon(o.status), present::percent(a, l)),
                        })
                    })
                    .collect();
                if rows.is_empty() {
                    return vec![Node::text_el(
                        "p",
                        "empty-chart",
                        l.pick(
                            "Chưa có chỉ tiêu nào có số liệu. Nhập số liệu đã đạt vào một chỉ tiêu bên dưới.",
                            "No target has data yet. Enter what has been achieved for a target below.",
                        ),
                    )];
                }
                let label = format!(
                    "{} {}",
                    l.pick("Biểu đồ mức đạt so với chỉ tiêu:", "Chart of attainment against each target:"),
                    present::scoreboard(p, l)
                );
                let target_label = l.pick("chỉ tiêu", "target");
                vec![svg::chart(width, attainment::height_for(rows.len()) as u32, &label, |area| {
                    let _ = attainment::draw(
                        area,
                        &attainment::Params { rows: &rows, palette: pal, scale: 1.0, target_label },
                    );
                })]
            })
        })
    });
    let table = Signal::derive(move || {
        let l = locale.get();
        vec![ctx.sheet.with_value(|s| ctx.projection.with(|p| present::summary_table(s, p, l)))]
    });
    view! {
        <div class="chart summary-chart" node_ref=boxed>
            <Markup nodes=chart class="plot"/>
            <DataTable ctx=ctx id="summary-table".into() table=table/>
        </div>
    }
}

/// A target's chart and its data table.
#[component]
pub fn TargetChart(
    ctx: Ctx,
    target: StoredValue<Target>,
    outcome: Memo<Option<Outcome>>,
    input: Memo<Option<Input>>,
) -> impl IntoView {
    let locale = ctx.locale;
    let boxed = NodeRef::<Div>::new();
    let box_px = box_width(ctx, boxed);
    let chart = Signal::derive(move || {
        let l = locale.get();
        let width = box_px.get();
        let (Some(o), Some(i)) = (outcome.get(), input.get()) else { return Vec::new() };
        let as_of = ctx.as_of.get();
        let pal = palette(&ctx);
        ctx.sheet.with_value(|s| {
            target.with_value(|t| {
                let tr = path_of(s, t, &i, as_of, 12);
                let months = present::month_labels(s, l);
                let milestones: Vec<(f64, f64)> =
                    t.milestones.iter().map(|m| (months_elapsed(s, m.date), m.value)).collect();
                let decimals = if t.value >= 100.0 { 0 } else { t.decimals.min(1) };
                let format_y = |v: f64| crate::num::format_fixed(v, decimals, l);
                let target_label = format!("{} {}", t.comparator.symbol(), present::target_value(s, t, l));
                // A short name: the reading and the data table stand beside the chart.
                let label = format!("{}: {}", l.pick("Biểu đồ", "Chart"), t.label.get(l));
                vec![svg::chart(width, trajectory::HEIGHT as u32, &label, |area| {
                    let _ = trajectory::draw(
                        area,
                        &trajectory::Params {
                            trajectory: &tr,
                            total: f64::from(s.months()),
                            target: t.value,
                            target_label: &target_label,
                            milestones: &milestones,
                            month_labels: &months,
                            format_y: &format_y,
                            status: o.status,
                            from_zero: t.kind == crate::sheet::Kind::Flow,
                            palette: pal,
                            scale: 1.0,
                        },
                    );
                })]
            })
        })
    });
    let table_id = StoredValue::new(target.with_value(|t| format!("table-{}", t.id)));
    let has_outcome = Memo::new(move |_| outcome.read().is_some());
    let table = Signal::derive(move || {
        let l = locale.get();
        let (Some(o), Some(i)) = (outcome.get(), input.get()) else { return Vec::new() };
        let as_of = ctx.as_of.get();
        vec![ctx.sheet.with_value(|s| target.with_value(|t| present::target_table(s, t, &o, &i, as_of, l)))]
    });
    view! {
        {move || has_outcome.get().then(|| view! {
            <div class="chart target-chart" node_ref=boxed>
                <Markup nodes=chart class="plot"/>
                <DataTable ctx=ctx id=table_id.get_value() table=table/>
            </div>
        })}
    }
}

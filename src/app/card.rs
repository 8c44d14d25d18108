//! A target's card: the output (target, status, projection, required pace, milestones, reading) built as
//! markup by `present::card_output`, the reader's inputs, and the chart with its data table.

use super::chart::TargetChart;
use super::render::Markup;
use super::{attr, handler, Ctx, NumberField};
use crate::engine::Status;
use crate::present::{self, Field};
use leptos::prelude::*;

#[component]
pub fn TargetCard(ctx: Ctx, id: String) -> impl IntoView {
    let target = ctx.sheet.with_value(|s| s.target(&id).cloned())?;
    let locale = ctx.locale;
    let part = target.part_of.is_some();
    let t = StoredValue::new(target);
    let key = StoredValue::new(id.clone());
    let outcome =
        Memo::new(move |_| key.with_value(|k| ctx.projection.with(|p| p.get(k).and_then(|r| r.outcome.clone()))));
    let input = Memo::new(move |_| key.with_value(|k| ctx.scenario.with(|s| s.inputs.get(k).cloned())));
    let expanded = RwSignal::new(false);
    // The unit labels a reader may type after a number, in either language.
    let units = StoredValue::new(ctx.sheet.with_value(|s| {
        t.with_value(|t| {
            let u = s.unit(t);
            vec![u.label.vi.clone(), u.label.en.clone()]
        })
    }));

    let output = Signal::derive(move || {
        let l = locale.get();
        let (i, o) = (input.read(), outcome.read());
        ctx.sheet.with_value(|s| t.with_value(|t| present::card_output(s, t, i.as_ref(), o.as_ref(), l)))
    });
    let wording = Signal::derive(move || t.with_value(|t| present::wording(t, locale.get())));

    // All four fields from one memo; each field reads its own entry through the same accessor.
    let specs = Memo::new(move |_| {
        let l = locale.get();
        let as_of = ctx.as_of.get();
        let start = ctx.sheet.with_value(|s| s.start);
        t.with_value(|t| present::field_specs(t, input.read().as_ref(), outcome.read().as_ref(), start, as_of, l))
    });
    let spec = move |f: Field| Signal::derive(move || specs.with(|s| s[f as usize].clone()));
    // Edits go through `Ctx::edit`, so a preset in force is kept.
    let commit = move |f: Field| {
        Callback::new(move |v: Option<f64>| {
            t.with_value(|t| ctx.edit(|s| present::apply_field(&mut s.inputs, t, f, v)))
        })
    };
    // Conditions as memos: they change only when the answer does, so typing never re-creates a field.
    let has_input = Memo::new(move |_| specs.with(|s| s[Field::Assume as usize].shown));
    let shows_start = Memo::new(move |_| specs.with(|s| s[Field::Start as usize].shown));
    let field = move |f: Field| {
        let id = key.with_value(|k| format!("{k}-{}", f.code()));
        view! { <NumberField id=id spec=spec(f) on_commit=commit(f) locale=locale units=units/> }
    };
    let more_id = StoredValue::new(format!("more-{id}"));
    Some(view! {
        <li
            class="target card"
            class:part=part
            data-target=id.clone()
            data-status=attr(move || outcome.read().as_ref().map_or(Status::NoData, |o| o.status).code().to_string())
        >
            <Markup nodes=output/>
            <div class="inputs">
                {field(Field::Achieved)}
                <div hidden=Signal::derive(move || !shows_start.get())>{field(Field::Start)}</div>
            </div>
            // Always in the page, hidden without an input: cheaper than mounting it on demand.
            <div hidden=Signal::derive(move || !has_input.get())>
                <button
                    type="button"
                    class="more"
                    aria-expanded=attr(move || expanded.get().to_string())
                    aria-controls=more_id.get_value()
                    on:click=handler(Callback::new(move |_| expanded.update(|e| *e = !*e)))
                >
                    {move || {
                        let l = locale.get();
                        if expanded.get() { l.pick("Ẩn giả định", "Hide assumptions") } else { l.pick("Thêm giả định", "More assumptions") }
                    }}
                </button>
                <div id=more_id.get_value() class="inputs more-inputs" hidden=Signal::derive(move || !expanded.get())>
                    {field(Field::Assume)}
                    {field(Field::Volatility)}
                </div>
            </div>
            <TargetChart ctx=ctx target=t outcome=outcome input=input/>
            <Markup nodes=wording/>
        </li>
    })
}

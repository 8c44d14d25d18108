//! A number field that reads numbers as people type them in the reader's language ("1.700", "92,75"),
//! in the manner of a spin button with `parser` and `format` callbacks. Every keystroke that parses is
//! committed at once; one that does not shows a message and keeps the last good value.
//!
//! The input's own text is the state while the reader types; one effect writes the committed value,
//! placeholder and message into the elements (fewer reactive bindings, fewer bytes of WASM).

use super::handler;
use crate::i18n::Locale;
use crate::num::{format_trimmed, parse_field, InputError};
use crate::present::FieldSpec;
use leptos::html::{Div, Input, P};
use leptos::prelude::*;

#[component]
pub fn NumberField(
    /// The input's id; the message's id is derived from it.
    id: String,
    /// The label, the committed value shown when the reader is not typing, the placeholder and the range.
    spec: Signal<FieldSpec>,
    /// Called with each value that parses and lies in range; `None` when the field is emptied.
    on_commit: Callback<Option<f64>>,
    locale: RwSignal<Locale>,
    /// Unit labels the reader may type after the number ("%", "tỷ đồng").
    units: StoredValue<Vec<String>>,
) -> impl IntoView {
    let error = RwSignal::new(None::<InputError>);
    let (wrap, input, message) = (NodeRef::<Div>::new(), NodeRef::<Input>::new(), NodeRef::<P>::new());
    let parse = move |t: &str, l: Locale, range: (Option<f64>, Option<f64>)| {
        units.with_value(|u| {
            let refs: Vec<&str> = u.iter().map(String::as_str).collect();
            parse_field(t, l, &refs, range.0, range.1)
        })
    };
    // Shows the committed value unless the input already says it (the reader is typing it).
    Effect::new(move |_| {
        let (v, placeholder) = spec.with(|s| (s.value, s.placeholder.clone()));
        let l = locale.get();
        let Some(el) = input.get() else { return };
        el.set_placeholder(&placeholder);
        if !parse(&el.value(), l, (None, None)).is_ok_and(|x| x == v) {
            el.set_value(&v.map(|x| format_trimmed(x, 6, l)).unwrap_or_default());
            error.set(None);
        }
    });
    // The message, the invalid state and its announcement follow the error.
    Effect::new(move |_| {
        let l = locale.get();
        let (Some(w), Some(i), Some(m)) = (wrap.get(), input.get(), message.get()) else { return };
        let text = error.with(|e| e.as_ref().map(|e| e.message(l)));
        let _ = w.class_list().toggle_with_force("invalid", text.is_some());
        let _ = i.set_attribute("aria-invalid", if text.is_some() { "true" } else { "false" });
        m.set_text_content(text.as_deref());
    });
    let on_input = move |ev: leptos::ev::Event| {
        let t = event_target_value(&ev);
        let range = spec.with_untracked(|s| (s.min, s.max));
        match parse(&t, locale.get_untracked(), range) {
            Ok(v) => {
                error.set(None);
                on_commit.run(v);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let message_id = format!("{id}-msg");
    let described = message_id.clone();
    view! {
        <div class="field" node_ref=wrap>
            <label for=id.clone()>{move || spec.read().label.clone()}</label>
            <input
                id=id
                node_ref=input
                type="text"
                inputmode="decimal"
                autocomplete="off"
                spellcheck="false"
                aria-invalid="false"
                aria-describedby=described
                on:input=handler(Callback::new(on_input))
            />
            <p id=message_id class="field-msg" aria-live="polite" node_ref=message></p>
        </div>
    }
}

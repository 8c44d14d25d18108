//! A number field that reads numbers as people type them in the reader's language ("1.700", "92,75"),
//! in the manner of a spin button with `parser` and `format` callbacks. Every keystroke that parses is
//! committed at once; one that does not shows a message and keeps the last good value.

use super::{attr, handler};
use crate::i18n::Locale;
use crate::num::{format_trimmed, parse_field, InputError};
use crate::present::FieldSpec;
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
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<InputError>);
    let parse = move |t: &str, l: Locale, range: (Option<f64>, Option<f64>)| {
        units.with_value(|u| {
            let refs: Vec<&str> = u.iter().map(String::as_str).collect();
            parse_field(t, l, &refs, range.0, range.1)
        })
    };
    // Shows the committed value unless the text already says it (the reader is typing it).
    Effect::new(move |_| {
        let v = spec.read().value;
        let l = locale.get();
        let says_it = parse(&text.get_untracked(), l, (None, None)).is_ok_and(|x| x == v);
        if !says_it {
            text.set(v.map(|x| format_trimmed(x, 6, l)).unwrap_or_default());
            error.set(None);
        }
    });
    let on_input = move |ev: leptos::ev::Event| {
        let t = event_target_value(&ev);
        text.set(t.clone());
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
        <div class="field" class:invalid=Signal::derive(move || error.read().is_some())>
            <label for=id.clone()>{move || spec.read().label.clone()}</label>
            <input
                id=id
                type="text"
                inputmode="decimal"
                autocomplete="off"
                spellcheck="false"
                prop:value=move || text.get()
                placeholder=attr(move || spec.read().placeholder.clone())
                aria-invalid=attr(move || error.read().is_some().to_string())
                aria-describedby=described
                on:input=handler(Callback::new(on_input))
            />
            <p id=message_id class="field-msg" aria-live="polite">
                {move || error.read().as_ref().map(|e| e.message(locale.get()))}
            </p>
        </div>
    }
}

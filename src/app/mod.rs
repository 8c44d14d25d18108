//! The widget's components. They only wire signals to the pure logic in the crate's other modules.

use crate::i18n::Locale;
use crate::present;
use crate::problem::messages;
use crate::sheet::{Sheet, Target};
use leptos::prelude::*;
use std::sync::Arc;

mod platform;

/// Mounts the widget into the page's `#app` element, replacing the HTML skeleton shown while the
/// WASM loaded.
pub fn mount() {
    console_error_panic_hook::set_once();
    let Some(root) = platform::take_root() else { return };
    let locale = platform::initial_locale();
    leptos::mount::mount_to(root, move || view! { <App initial_locale=locale/> }).forget();
}

/// The whole widget for the bundled sheet.
#[component]
pub fn App(#[prop(optional)] initial_locale: Locale) -> impl IntoView {
    let locale = RwSignal::new(initial_locale);
    Effect::new(move |_| platform::remember_locale(locale.get()));
    match Sheet::kontum() {
        Ok(sheet) => view! { <SheetView sheet=Arc::new(sheet) locale=locale/> }.into_any(),
        Err(problems) => view! {
            <div class="problems" role="alert">
                <pre>{move || messages(&problems, locale.get())}</pre>
            </div>
        }
        .into_any(),
    }
}

/// The header and the targets of one sheet, grouped by area.
#[component]
pub fn SheetView(sheet: Arc<Sheet>, locale: RwSignal<Locale>) -> impl IntoView {
    let header_sheet = sheet.clone();
    let header = move || {
        let s = &header_sheet;
        let l = locale.get();
        view! {
            <header class="masthead">
                <p class="kicker">
                    {l.pick("Nghị quyết số ", "Resolution No. ")}{s.number.clone()}
                    {" · "}{present::date_long(s.date, l)}
                </p>
                <h1>{s.title.get(l).to_string()}</h1>
                <p class="issuer">{s.issuer.get(l).to_string()}</p>
                <p class="period">
                    {l.pick("Kỳ thực hiện: ", "Period: ")}{present::period(s, l)}
                </p>
            </header>
        }
    };
    let areas = sheet.areas.clone();
    view! {
        <div class="widget" lang=move || locale.get().code()>
            <LanguageSwitch locale=locale/>
            {header}
            {areas
                .into_iter()
                .map(|area| {
                    let sheet = sheet.clone();
                    let title = area.label.clone();
                    let clause = area.clause.clone();
                    let heading_id = format!("area-{}", area.id);
                    let labelled_by = heading_id.clone();
                    let targets: Vec<Target> = sheet.targets_in(&area.id).cloned().collect();
                    view! {
                        <section class="area" aria-labelledby=labelled_by>
                            <h2 id=heading_id>
                                {move || title.get(locale.get()).to_string()}
                                <span class="clause">{clause}</span>
                            </h2>
                            <ul class="targets">
                                {targets
                                    .into_iter()
                                    .map(|t| view! { <TargetRow sheet=sheet.clone() target=t locale=locale/> })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// One target: its label, comparator and value, the resolution's words and the clause.
#[component]
pub fn TargetRow(sheet: Arc<Sheet>, target: Target, locale: RwSignal<Locale>) -> impl IntoView {
    let id = target.id.clone();
    let part = target.part_of.is_some();
    let t = target.clone();
    let s = sheet.clone();
    let value = move || present::target_value(&s, &t, locale.get());
    let t2 = target.clone();
    view! {
        <li class="target" class:part=part data-target=id>
            <div class="target-head">
                <h3 class="label">{move || t2.label.get(locale.get()).to_string()}</h3>
                <p class="goal">
                    <span class="cmp" aria-hidden="true">{target.comparator.symbol()}</span>
                    <span class="sr-only">{move || target.comparator.words(locale.get())}" "</span>
                    <span class="value">{value}</span>
                </p>
            </div>
            <p class="wording">
                <q lang="vi">{target.wording.clone()}</q>
                <span class="clause">{target.clause.clone()}</span>
            </p>
            {move || {
                let translation = target.translation.clone().filter(|_| locale.get() == Locale::En)?;
                Some(view! { <p class="translation" lang="en">{translation}</p> })
            }}
        </li>
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
                aria-pressed=move || (locale.get() == l).to_string()
                on:click=move |_| locale.set(l)
            >
                {text}
            </button>
        }
    };
    view! {
        <div class="lang-switch" role="group" aria-label=move || locale.get().pick("Ngôn ngữ", "Language")>
            {button(Locale::Vi, "Tiếng Việt")}
            {button(Locale::En, "English")}
        </div>
    }
}

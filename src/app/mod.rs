//! The browser layer: it mounts the widget, turns the reader's events into `ui::Action`s, and patches the
//! page to the state's view. All that the widget shows and does is decided by the pure `ui` module.
//!
//! One Leptos signal holds the `ui::State`; one effect renders it, patching the elements already there
//! (`dom::patch`), so the focus and the caret stay put; four delegated listeners on the root element
//! (click, input, change, and the window's resize) feed actions back. Leptos batches the changes of one
//! task into one render.

use crate::i18n::Locale;
use crate::markup::Node;
use crate::sheet::Sheet;
use crate::ui::{Action, State};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

mod dom;
mod platform;

/// Mounts the widget into the page's `#app` element, replacing the HTML skeleton shown while the
/// WASM loaded.
pub fn mount() {
    let Some(root) = platform::take_root() else { return };
    start(root, platform::initial_locale(), platform::fragment());
}

/// Mounts the widget for the bundled sheet into `root`, in `locale`, starting from the scenario in
/// `fragment` if it reads.
pub fn start(root: web_sys::HtmlElement, locale: Locale, fragment: Option<String>) {
    let el: web_sys::Element = root.clone().unchecked_into();
    leptos::mount::mount_to(root, move || match Sheet::kontum() {
        Ok(sheet) => run(el, State::new(sheet, locale, fragment.as_deref())),
        Err(problems) => show(&el, &[crate::present::problems(&problems, locale)]),
    })
    .forget();
}

fn show(root: &web_sys::Element, nodes: &[Node]) {
    if let Some(doc) = root.owner_document() {
        dom::patch_children(&doc, root, &[], nodes, false);
    }
}

fn run(root: web_sys::Element, mut initial: State) {
    initial.dark = platform::prefers_dark();
    let state = RwSignal::new(initial);
    let host = root.clone();
    Effect::new(move |shown: Option<Node>| {
        state.with(|s| {
            let page = s.view();
            if let Some(doc) = host.owner_document() {
                match &shown {
                    Some(old) => {
                        dom::patch_children(&doc, &host, std::slice::from_ref(old), std::slice::from_ref(&page), false)
                    }
                    None => dom::patch_children(&doc, &host, &[], std::slice::from_ref(&page), false),
                }
            }
            platform::remember_locale(s.locale);
            // The scenario lives in the URL's fragment, replaced (not pushed) once typing pauses.
            platform::replace_fragment(&s.fragment());
            page
        })
    });
    // The reader's actions, delegated: the element acted on names the action in `data-act`.
    let on_event = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let Some(el) = dom::actor(&ev) else { return };
        let kind = ev.type_();
        let field = matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA");
        // Inputs and selects act on what is typed or chosen; everything else on a click.
        if field == (kind == "click") {
            return;
        }
        let (act, arg) =
            (el.get_attribute("data-act").unwrap_or_default(), el.get_attribute("data-arg").unwrap_or_default());
        let value = js_sys::Reflect::get(&el, &"value".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
        state.maybe_update(|s| s.act(Action { act: &act, arg: &arg, value: &value }));
    });
    for kind in ["click", "input", "change"] {
        let _ = root.add_event_listener_with_callback(kind, on_event.as_ref().unchecked_ref());
    }
    on_event.forget();
    // Charts are drawn at the width of their boxes, measured after the first render and on resize.
    let measure = move || {
        let width = |sel: &str| root.query_selector(sel).ok().flatten().map(|e| e.client_width()).filter(|w| *w > 0);
        let summary = width(".summary-chart .plot");
        let card = width(".target-chart .plot");
        state.maybe_update(|s| {
            let w = (summary.map_or(s.widths.0, |w| w as u32), card.map_or(s.widths.1, |w| w as u32));
            std::mem::replace(&mut s.widths, w) != w
        });
    };
    request_animation_frame(measure.clone());
    platform::watch_layout(move |dark| state.maybe_update(|s| std::mem::replace(&mut s.dark, dark) != dark), measure);
}

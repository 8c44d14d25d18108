//! The browser layer: it mounts the widget, turns the reader's events into `ui::Action`s, and patches the
//! page to the state's view. All that the widget shows and does is decided by the pure `ui` module.
//!
//! One Leptos signal holds the `ui::State`; one effect renders it, patching the elements already there
//! (`dom::patch`), so the focus and the caret stay put; four delegated listeners on the root element
//! (click, input, change, and the window's resize) feed actions back. Leptos batches the changes of one
//! task into one render.

use crate::embed::{Flags, Theme};
use crate::i18n::Locale;
use crate::markup::Node;
use crate::ui::{Action, Command, State};
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::JsCast;

mod dom;
mod platform;

/// Mounts the widget into the page's `#app` element, replacing the HTML skeleton shown while the
/// WASM loaded, with the page's query flags (`docs/embed.md`) and the scenario in its fragment.
pub fn mount() {
    let Some(root) = platform::take_root() else { return };
    start(root, platform::initial_locale(), platform::fragment(), &platform::query());
}

/// Mounts the widget into `root`, in `locale`, with the flags of `query`, starting from the scenario in
/// `fragment` if it reads, for the bundled sheet or the one kept from a file that the fragment names.
pub fn start(root: web_sys::HtmlElement, locale: Locale, fragment: Option<String>, query: &str) {
    let el: web_sys::Element = root.clone().unchecked_into();
    let query = query.to_string();
    let (flags, warnings) = crate::embed::read(&crate::embed::query_pairs(&query));
    warnings.iter().for_each(|w| platform::warn(w));
    let kept = platform::stored_item(crate::saved::SHEET_KEY);
    leptos::mount::mount_to(root, move || match crate::ui::initial_sheet(kept.as_deref(), fragment.as_deref()) {
        Ok(sheet) => run(el, State::new(sheet, locale, fragment.as_deref()), flags, fragment, query),
        Err(problems) => build_into(&el, &crate::ui::parts::problems(&problems, locale)),
    })
    .forget();
}

/// Builds `node` at the end of `parent`, as a render builds a new part of the widget.
pub fn build_into(parent: &web_sys::Element, node: &Node) {
    let _ = parent.append_child(&dom::build(node, false));
}

/// Does what `a` says, then what the state asks of the browser (downloads, storage, the clipboard).
fn dispatch(state: RwSignal<State>, act: &str, arg: &str, value: &str) {
    let commands = state
        .try_maybe_update(|s| {
            let changed = s.act(Action { act, arg, value });
            (changed, std::mem::take(&mut s.outbox))
        })
        .unwrap_or_default();
    for c in commands {
        match c {
            Command::Download { name, mime, body } => platform::download(&name, mime, &body),
            Command::Png { name, svg, width, height } => leptos::task::spawn_local(async move {
                if platform::download_png(name, svg, width, height).await.is_none() {
                    dispatch(state, "download-failed", "", "");
                }
            }),
            Command::Store { key, value } => {
                if !platform::store(&key, &value) {
                    dispatch(state, "store-failed", &key, "");
                }
            }
            Command::Remove { key } => platform::unstore(&key),
            Command::Focus { id } => platform::focus(&id),
            Command::Copy { id } => leptos::task::spawn_local(async move {
                let done = if platform::copy(&id).await { "copied" } else { "copy-failed" };
                dispatch(state, done, &id, "");
            }),
        }
    }
}

fn run(root: web_sys::Element, mut initial: State, flags: Flags, fragment: Option<String>, query: String) {
    initial.page = platform::page_url();
    initial.set_saved(platform::stored(crate::saved::PREFIX));
    initial.apply_flags(&flags).iter().for_each(|w| platform::warn(w));
    platform::set_theme(flags.theme);
    initial.dark = match flags.theme {
        Theme::Auto => platform::prefers_dark(),
        t => t == Theme::Dark,
    };
    let theme = flags.theme;
    initial.widths = (0, 0);
    let state = RwSignal::new(initial);
    let host = root.clone();
    // Charts are drawn at the width of their boxes, measured on resize and after a render while a width is
    // unknown: the first render has no charts, so each chart is drawn once, at its width.
    let measure = move || {
        let width = |sel: &str| host.query_selector(sel).ok().flatten().map(|e| e.client_width()).filter(|w| *w > 0);
        let summary = width(".summary-chart .plot");
        let card = width(".target-chart .plot");
        state.maybe_update(|s| {
            let w = (summary.map_or(s.widths.0, |w| w as u32), card.map_or(s.widths.1, |w| w as u32));
            std::mem::replace(&mut s.widths, w) != w
        });
    };
    let host = root.clone();
    let remeasure = measure.clone();
    // What was last written to storage and the URL (the scenario by its version): written again only
    // when it changes, not on every render (a toggle or a resize changes neither).
    let (mut written_locale, mut written_scenario) = (None, None);
    // The document's title follows the sheet and the language.
    let mut written_title = String::new();
    // The cards of the last render: a card whose inputs did not change is not built again.
    let mut cards = crate::ui::Cards::default();
    // Whether a render is patching the page: an event the page fires while it changes (a focused field
    // taken out fires `change`) must not reach the state while the render reads it.
    let rendering = Rc::new(std::cell::Cell::new(false));
    let in_render = rendering.clone();
    // In a large sheet, charts are drawn as their cards come near the viewport. The cards are watched
    // afresh whenever the set of cards can have changed: a new sheet, or other cards chosen by the embed's
    // flags (a new observation reports at once which are near). A keystroke asks the page for nothing.
    let observer = platform::watch_near(move |ids| dispatch(state, "near", ids, ""));
    let mut watched: Option<(u32, Vec<String>)> = None;
    Effect::new(move |shown: Option<Rc<Node>>| {
        state.with(|s| {
            let page = Rc::new(s.view_with(&mut cards));
            in_render.set(true);
            dom::patch_children(&host, shown.as_slice(), std::slice::from_ref(&page), false);
            in_render.set(false);
            if let Some(observer) = observer.as_ref().filter(|_| s.sheet.targets.len() > crate::ui::LAZY_CHARTS) {
                if watched.as_ref().is_none_or(|(v, only)| (*v, only) != (s.sheet_version, &s.only)) {
                    watched = Some((s.sheet_version, s.only.clone()));
                    observer.disconnect();
                    if let Ok(cards) = host.query_selector_all("[data-target]") {
                        for i in 0..cards.length() {
                            if let Some(card) = cards.item(i).and_then(|n| n.dyn_into().ok()) {
                                observer.observe(&card);
                            }
                        }
                    }
                }
            }
            if s.widths.0 == 0 || s.widths.1 == 0 {
                request_animation_frame(remeasure.clone());
            }
            if written_locale != Some(s.locale) {
                written_locale = Some(s.locale);
                platform::remember_locale(s.locale);
            }
            let title = crate::ui::parts::document_title(&s.sheet, s.locale);
            if title != written_title {
                platform::set_title(&title);
                written_title = title;
            }
            // The scenario lives in the URL's fragment, replaced (not pushed) once typing pauses, and
            // encoded only then.
            if written_scenario != Some(s.scenario_version) {
                written_scenario = Some(s.scenario_version);
                platform::replace_fragment(move || state.try_with_untracked(State::fragment));
            }
            page
        })
    });
    // The reader's actions, delegated: the element acted on names the action in `data-act`.
    let on_event = Rc::new(move |ev: &web_sys::Event| {
        let Some(el) = dom::actor(ev) else { return };
        let kind = ev.type_();
        // Enter in a box that names an action in `data-enter` (the Saved tool's name: Save) does it. The
        // box is in no form, so Enter has no default to prevent (the listener is passive).
        if kind == "keydown" {
            let key = js_sys::Reflect::get(ev, &"key".into()).ok().and_then(|k| k.as_string());
            if let (Some("Enter"), Some(act)) = (key.as_deref(), el.get_attribute("data-enter")) {
                dispatch(state, &act, "", "");
            }
            return;
        }
        let field = matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA");
        // Inputs and selects act on what is typed or chosen; everything else on a click. A checkbox or a
        // file input acts once, on its change.
        let once = el.get_attribute("type").is_some_and(|t| t == "checkbox" || t == "file");
        if field == (kind == "click") || (once && kind != "change") {
            return;
        }
        let (mut act, arg) =
            (el.get_attribute("data-act").unwrap_or_default(), el.get_attribute("data-arg").unwrap_or_default());
        // A number field's `change` means the reader left it: its entry is over.
        if act == "field" && kind == "change" {
            act = "field-done".into();
        }
        if act == "file" {
            leptos::task::spawn_local(async move {
                match platform::read_file(el, crate::ui::MAX_FILE).await {
                    Ok(text) => dispatch(state, "import", &arg, &text),
                    Err(why) => dispatch(state, "import-failed", why, ""),
                }
            });
            return;
        }
        let value = js_sys::Reflect::get(&el, &"value".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
        if rendering.get() {
            // Fired by the render itself: acted on once it is done.
            leptos::task::spawn_local(async move { dispatch(state, &act, &arg, &value) });
        } else {
            dispatch(state, &act, &arg, &value);
        }
    });
    // Listeners for the page's life (gloo-events).
    for kind in ["click", "input", "change", "keydown"] {
        let on_event = on_event.clone();
        gloo_events::EventListener::new(&root, kind, move |ev| on_event(ev)).forget();
    }
    // A sheet named by `?sheet=` is fetched from the widget's own origin; the flags and the link then
    // apply to it. One that cannot be had leaves the bundled sheet, with a message.
    if let Some(request) = flags.sheet.clone() {
        let flags = flags.clone();
        leptos::task::spawn_local(async move {
            let path = request.path().to_string();
            match platform::fetch_text(&path, crate::ui::MAX_FILE).await {
                Ok(text) => {
                    state.update(|s| {
                        s.open_sheet_url(&request, &text);
                        s.apply_flags(&flags);
                        if let Some(f) = fragment.as_deref().filter(|f| !f.is_empty()) {
                            s.open_link(f);
                        }
                    });
                }
                Err(why) => dispatch(state, "sheet-failed", &path, &why),
            }
        });
    }
    platform::watch_layout(
        move |dark| {
            if theme == Theme::Auto {
                state.maybe_update(|s| std::mem::replace(&mut s.dark, dark) != dark)
            }
        },
        measure,
    );
    // Inside a frame, the parent learns the widget's height (pym.js and Datawrapper message formats).
    let id = flags.child_id.clone().unwrap_or_else(|| {
        format!("{}{query}", web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default())
    });
    platform::post_height(id);
}

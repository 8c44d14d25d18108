//! The few places the widget touches the browser directly: the query string, localStorage and the
//! document. Every call that can fail is handled; none panics.

use crate::i18n::Locale;
use wasm_bindgen::JsCast;

const LANG_KEY: &str = "plan-widget:lang";

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The value of a query flag such as `?lang=en`.
pub fn query_flag(name: &str) -> Option<String> {
    let search = window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
}

fn storage() -> Option<web_sys::Storage> {
    // Reading `localStorage` throws in some privacy modes; that is an absent store, not an error.
    window()?.local_storage().ok().flatten()
}

/// The language to start in: `?lang=`, else the reader's stored choice, else Vietnamese.
pub fn initial_locale() -> Locale {
    query_flag("lang")
        .and_then(|c| Locale::from_code(&c))
        .or_else(|| storage()?.get_item(LANG_KEY).ok().flatten().and_then(|c| Locale::from_code(&c)))
        .unwrap_or_default()
}

/// Stores the reader's language and sets the document's `lang`. A full or blocked store is ignored:
/// the choice then lasts for this visit only.
pub fn remember_locale(locale: Locale) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_KEY, locale.code());
    }
    if let Some(el) = window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = el.set_attribute("lang", locale.code());
    }
}

/// Empties the page's `#app` element (it holds the skeleton) and returns it for mounting.
pub fn take_root() -> Option<web_sys::HtmlElement> {
    let el = window()?.document()?.get_element_by_id("app")?;
    el.set_text_content(None);
    let _ = el.set_attribute("aria-busy", "false");
    el.dyn_into::<web_sys::HtmlElement>().ok()
}

fn dark_query() -> Option<web_sys::MediaQueryList> {
    window()?.match_media("(prefers-color-scheme: dark)").ok().flatten()
}

/// Whether the reader's system asks for dark colours.
pub fn prefers_dark() -> bool {
    dark_query().is_some_and(|q| q.matches())
}

/// Calls `on_dark` when the system's colour scheme changes, and `on_resize` when the window's width
/// changes, so charts redraw in the right colours and at the right size.
pub fn watch_layout(on_dark: impl Fn(bool) + 'static, on_resize: impl Fn() + 'static) {
    use wasm_bindgen::closure::Closure;
    if let Some(q) = dark_query() {
        let on_change = Closure::<dyn Fn()>::new(move || on_dark(prefers_dark()));
        let _ = q.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        on_change.forget();
    }
    if let Some(w) = window() {
        let width = std::cell::Cell::new(w.inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(0.0));
        let on_resize = Closure::<dyn Fn()>::new(move || {
            let now = window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).unwrap_or(0.0);
            if now != width.get() {
                width.set(now);
                on_resize();
            }
        });
        let _ = w.add_event_listener_with_callback("resize", on_resize.as_ref().unchecked_ref());
        on_resize.forget();
    }
}

/// The page's URL fragment without its `#`, if it has one. The fragment never reaches a server.
pub fn fragment() -> Option<String> {
    let hash = window()?.location().hash().ok()?;
    let hash = hash.strip_prefix('#').unwrap_or(&hash).to_string();
    (!hash.is_empty()).then_some(hash)
}

thread_local! {
    /// The pending write of the fragment, if any: a newer scenario replaces it.
    static PENDING: std::cell::Cell<Option<i32>> = const { std::cell::Cell::new(None) };
}

/// Puts `fragment` in the URL without adding a history entry (one per keystroke would bury the back
/// button), once typing pauses for a quarter of a second: `replaceState` is slow enough to delay the
/// next paint. A failure (a sandboxed frame that forbids it) leaves the URL as it was.
pub fn replace_fragment(fragment: &str) {
    let Some(w) = window() else { return };
    if let Some(handle) = PENDING.with(|p| p.take()) {
        w.clear_timeout_with_handle(handle);
    }
    let fragment = fragment.to_string();
    let write = wasm_bindgen::closure::Closure::once_into_js(move || {
        PENDING.with(|p| p.set(None));
        let Some(w) = window() else { return };
        if w.location().hash().ok().as_deref().map(|h| h.trim_start_matches('#')) == Some(fragment.as_str()) {
            return;
        }
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{fragment}")));
        }
    });
    if let Ok(handle) = w.set_timeout_with_callback_and_timeout_and_arguments_0(write.unchecked_ref(), 250) {
        PENDING.with(|p| p.set(Some(handle)));
    }
}

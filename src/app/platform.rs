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
        .or_else(|| stored_item(LANG_KEY).and_then(|c| Locale::from_code(&c)))
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

/// Sets the document's title (the browser's tab, history and bookmarks).
pub fn set_title(title: &str) {
    if let Some(d) = window().and_then(|w| w.document()) {
        d.set_title(title);
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
/// The listeners (gloo-events) live as long as the page.
pub fn watch_layout(on_dark: impl Fn(bool) + 'static, on_resize: impl Fn() + 'static) {
    use gloo_events::EventListener;
    if let Some(q) = dark_query() {
        EventListener::new(&q, "change", move |_| on_dark(prefers_dark())).forget();
    }
    if let Some(w) = window() {
        let width = std::cell::Cell::new(w.inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(0.0));
        EventListener::new(&w, "resize", move |_| {
            let now = window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).unwrap_or(0.0);
            if now != width.get() {
                width.set(now);
                on_resize();
            }
        })
        .forget();
    }
}

/// The page's URL fragment without its `#`, if it has one. The fragment never reaches a server.
pub fn fragment() -> Option<String> {
    let hash = window()?.location().hash().ok()?;
    let hash = hash.strip_prefix('#').unwrap_or(&hash).to_string();
    (!hash.is_empty()).then_some(hash)
}

thread_local! {
    /// The pending write of the fragment, if any: a newer scenario replaces it, and dropping the
    /// `Timeout` cancels the older one (gloo-timers).
    static PENDING: std::cell::RefCell<Option<gloo_timers::callback::Timeout>> = const { std::cell::RefCell::new(None) };
    /// The address of the last file offered for download. Kept until the next download replaces it:
    /// dropping a gloo-file `ObjectUrl` revokes it, and revoking it right after the click could cancel
    /// a download the browser has not started yet.
    static LAST_DOWNLOAD: std::cell::RefCell<Option<gloo_file::ObjectUrl>> = const { std::cell::RefCell::new(None) };
}

/// Puts the fragment that `fragment` gives (if any) in the URL without adding a history entry (one per keystroke
/// would bury the back button), once typing pauses for a quarter of a second: `replaceState` is slow
/// enough to delay the next paint, and encoding a scenario of a thousand targets takes milliseconds, so
/// both wait. A failure (a sandboxed frame that forbids it) leaves the URL as it was.
pub fn replace_fragment(fragment: impl FnOnce() -> Option<String> + 'static) {
    let write = gloo_timers::callback::Timeout::new(250, move || {
        let (Some(fragment), Some(w)) = (fragment(), window()) else { return };
        if w.location().hash().ok().as_deref().map(|h| h.trim_start_matches('#')) == Some(fragment.as_str()) {
            return;
        }
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{fragment}")));
        }
    });
    // The write waiting before, if any, is dropped here: cancelled.
    PENDING.with(|p| p.replace(Some(write)));
}

/// The page's query string (`?…`), or empty.
pub fn query() -> String {
    window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The page's address without query or fragment.
pub fn page_url() -> String {
    let Some(l) = window().map(|w| w.location()) else { return String::new() };
    format!("{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default())
}

pub fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

/// The stored value of `key`, if any. A blocked store reads as empty.
pub fn stored_item(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Every stored `(key, value)` whose key starts with `prefix`. A blocked store reads as empty.
pub fn stored(prefix: &str) -> Vec<(String, String)> {
    let Some(s) = storage() else { return Vec::new() };
    let n = s.length().unwrap_or(0).min(10_000);
    (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .filter_map(|k| s.get_item(&k).ok().flatten().map(|v| (k, v)))
        .collect()
}

/// Stores `value` under `key`; `false` when the store is blocked or full.
pub fn store(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn unstore(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Marks the document with the forced colour theme (`light`, `dark`), or none for the system's.
pub fn set_theme(theme: crate::embed::Theme) {
    if let Some(el) = window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = match theme {
            crate::embed::Theme::Auto => el.remove_attribute("data-theme"),
            t => el.set_attribute("data-theme", t.code()),
        };
    }
}

/// Offers `href` (a blob or data URL) as a download named `name`.
fn download_href(href: &str, name: &str) {
    let Some(doc) = window().and_then(|w| w.document()) else { return };
    let Ok(a) = doc.create_element("a") else { return };
    let _ = a.set_attribute("href", href);
    let _ = a.set_attribute("download", name);
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
        if let Some(a) = a.dyn_ref::<web_sys::HtmlElement>() {
            a.click();
        }
        a.remove();
    }
}

/// An object URL for `body` of type `mime`, revoked when dropped (gloo-file).
fn blob_url(body: &str, mime: &str) -> gloo_file::ObjectUrl {
    gloo_file::ObjectUrl::from(gloo_file::Blob::new_with_options(body, Some(mime)))
}

/// Offers `body` as a file download. Its address lives until the next download.
pub fn download(name: &str, mime: &str, body: &str) {
    let url = blob_url(body, mime);
    download_href(&url, name);
    LAST_DOWNLOAD.with(|last| last.replace(Some(url)));
}

/// Draws the SVG document `svg` on a canvas at twice its size and offers it as a PNG download.
pub async fn download_png(name: String, svg: String, width: u32, height: u32) -> Option<()> {
    let url = blob_url(&svg, "image/svg+xml");
    let img = web_sys::HtmlImageElement::new().ok()?;
    img.set_src(&url);
    let decoded = wasm_bindgen_futures::JsFuture::from(img.decode()).await;
    drop(url);
    decoded.ok()?;
    let doc = window()?.document()?;
    let canvas: web_sys::HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(width * 2);
    canvas.set_height(height * 2);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.scale(2.0, 2.0).ok()?;
    ctx.draw_image_with_html_image_element(&img, 0.0, 0.0).ok()?;
    download_href(&canvas.to_data_url_with_type("image/png").ok()?, &name);
    Some(())
}

/// Copies the value of the input or text area with id `id` to the clipboard, and selects it so a reader
/// whose browser refuses the clipboard can copy it by hand.
pub async fn copy(id: &str) -> bool {
    let Some(w) = window() else { return false };
    let Some(el) = w.document().and_then(|d| d.get_element_by_id(id)) else { return false };
    let value = js_sys::Reflect::get(&el, &"value".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
    // Selected either way: when the browser refuses the write, the reader copies the selection.
    if let Ok(select) = js_sys::Reflect::get(&el, &"select".into()) {
        if let Some(f) = select.dyn_ref::<js_sys::Function>() {
            let _ = f.call0(&el);
        }
    }
    // The clipboard is missing outside secure contexts, and a frame may be refused it: both are a "no".
    let navigator = w.navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| c.is_object());
    if !has_clipboard {
        return false;
    }
    wasm_bindgen_futures::JsFuture::from(navigator.clipboard().write_text(&value)).await.is_ok()
}

/// Moves the focus to the element with `id`; the browser scrolls it into view.
pub fn focus(id: &str) {
    let el = window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// The text of the first file chosen in a file input, or why not: `large` (over `max` bytes) or
/// `unreadable`.
pub async fn read_file(input: web_sys::Element, max: usize) -> Result<String, &'static str> {
    let input: web_sys::HtmlInputElement = input.dyn_into().map_err(|_| "unreadable")?;
    let file = input.files().and_then(|f| f.get(0)).ok_or("unreadable")?;
    // Cleared, so choosing the same file again is a new choice.
    input.set_value("");
    if file.size() > max as f64 {
        return Err("large");
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.map_err(|_| "unreadable")?;
    text.as_string().ok_or("unreadable")
}

/// Fetches a JSON file from the widget's own origin (the CSP allows no other), reading at most `max`
/// bytes: a response that is not JSON or declares more is refused before its body is read
/// (`embed::refuse_sheet_response`), and one that sends more is cancelled at the limit.
pub async fn fetch_text(path: &str, max: usize) -> Result<String, String> {
    use js_sys::{Function, Reflect, Uint8Array};
    use wasm_bindgen_futures::JsFuture;
    let w = window().ok_or("no window")?;
    let response = JsFuture::from(w.fetch_with_str(path)).await.map_err(|_| "network error")?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response")?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let header = |name: &str| {
        let headers = Reflect::get(&response, &"headers".into()).ok()?;
        let get = Reflect::get(&headers, &"get".into()).ok()?.dyn_into::<Function>().ok()?;
        get.call1(&headers, &name.into()).ok()?.as_string()
    };
    if let Some(why) =
        crate::embed::refuse_sheet_response(header("content-type").as_deref(), header("content-length").as_deref(), max)
    {
        let _ = response.body().map(|b| b.cancel());
        return Err(why.into());
    }
    let body = response.body().ok_or("unreadable")?;
    let reader = Reflect::get(&body, &"getReader".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call0(&body).ok())
        .ok_or("unreadable")?;
    let read =
        Reflect::get(&reader, &"read".into()).ok().and_then(|f| f.dyn_into::<Function>().ok()).ok_or("unreadable")?;
    let mut bytes = Vec::new();
    loop {
        let promise =
            read.call0(&reader).map_err(|_| "unreadable")?.dyn_into::<js_sys::Promise>().map_err(|_| "unreadable")?;
        let chunk = JsFuture::from(promise).await.map_err(|_| "unreadable")?;
        if Reflect::get(&chunk, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
            break;
        }
        let value: Uint8Array =
            Reflect::get(&chunk, &"value".into()).ok().and_then(|v| v.dyn_into().ok()).ok_or("unreadable")?;
        if bytes.len() + value.length() as usize > max {
            if let Some(cancel) =
                Reflect::get(&reader, &"cancel".into()).ok().and_then(|f| f.dyn_into::<Function>().ok())
            {
                let _ = cancel.call0(&reader);
            }
            return Err("large".into());
        }
        let at = bytes.len();
        bytes.resize(at + value.length() as usize, 0);
        value.copy_to(&mut bytes[at..]);
    }
    String::from_utf8(bytes).map_err(|_| "not-utf8".into())
}

/// An observer of cards (`[data-target]` elements) coming within a screen's height of the viewport: it
/// calls `near` with their ids, one per line (an id holds no line end). None where the browser has none.
pub fn watch_near(near: impl Fn(&str) + 'static) -> Option<web_sys::IntersectionObserver> {
    let callback = wasm_bindgen::closure::Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let mut ids = String::new();
        for entry in entries.iter() {
            let Ok(entry) = entry.dyn_into::<web_sys::IntersectionObserverEntry>() else { continue };
            if let Some(id) = entry.target().get_attribute("data-target").filter(|_| entry.is_intersecting()) {
                if !ids.is_empty() {
                    ids.push('\n');
                }
                ids.push_str(&id);
            }
        }
        if !ids.is_empty() {
            near(&ids);
        }
    });
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin("100% 0px");
    let observer = web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init).ok()?;
    callback.forget();
    Some(observer)
}

/// Inside a frame, posts the page's height to the parent whenever the layout changes, as pym.js and
/// Datawrapper-style listeners expect. Posts nothing else, and listens to no message.
pub fn post_height(id: String) {
    let Some(w) = window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    if js_sys::Object::is(&parent, &w) {
        return;
    }
    let Some(html) = w.document().and_then(|d| d.document_element()) else { return };
    let last = std::cell::Cell::new(0u32);
    let target = html.clone();
    let post = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        let h = target.get_bounding_client_rect().height().ceil() as u32;
        if h == last.get() || h == 0 {
            return;
        }
        last.set(h);
        let _ = parent.post_message(&crate::embed::pym_message(&id, h).into(), "*");
        if let Ok(v) = js_sys::JSON::parse(&crate::embed::datawrapper_message(&id, h)) {
            let _ = parent.post_message(&v, "*");
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()) {
        observer.observe(&html);
    }
    post.forget();
}

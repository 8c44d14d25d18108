//! The embed contract: the query flags that choose what the widget shows (`docs/embed.md`), the height
//! messages it posts to a parent page, and the snippet a newsroom pastes.
//!
//! Flags are read from the query string's decoded pairs. Unknown flags are ignored; a value that does
//! not read falls back to the default with a warning (the browser layer prints it to the console).

use crate::engine::Preset;
use crate::i18n::Locale;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    /// The reader's system setting.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn code(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// A starting scenario named in the `scenario` flag: a source, or a preset applied to the published
/// figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    Published,
    Empty,
    Preset(Preset),
}

impl Start {
    pub fn from_code(code: &str) -> Option<Start> {
        match code {
            "published" => Some(Start::Published),
            "empty" => Some(Start::Empty),
            _ => Preset::ALL.into_iter().find(|p| p.code() == code).map(Start::Preset),
        }
    }
}

/// What the query string asks for.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Flags {
    /// `target=ID[,ID…]`: only these cards (checked against the sheet by `ui::State::apply_flags`).
    pub targets: Vec<String>,
    pub lang: Option<Locale>,
    pub theme: Theme,
    /// `compact=1`: the cards without the scenario controls and tools.
    pub compact: bool,
    pub start: Option<Start>,
    /// `sheet=ID` or `sheet=PATH`: a shipped sheet, or a target sheet to load from the same origin.
    pub sheet: Option<SheetRequest>,
    /// `childId=…`: the id a pym.js parent gave this frame, echoed in height messages.
    pub child_id: Option<String>,
}

/// The decoded `(name, value)` pairs of a query string such as `?lang=en&target=a,b` (`+` is a space).
/// A pair that does not decode is left out; at most 50 pairs are read.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    let decode = |s: &str| crate::fragment::percent_decode(&s.replace('+', " "));
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .take(50)
        .filter_map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            Some((decode(k)?, decode(v)?))
        })
        .collect()
}

/// Reads the flags from the query string's decoded `(name, value)` pairs. Returns the flags and a
/// warning for each value that did not read.
pub fn read(pairs: &[(String, String)]) -> (Flags, Vec<String>) {
    let mut f = Flags::default();
    let mut warnings = Vec::new();
    let mut warn = |name: &str, value: &str, default: &str| {
        let shown: String = value.chars().take(40).collect();
        warnings.push(format!("plan-widget: ignored {name}=\"{shown}\"; using {default}"));
    };
    for (name, value) in pairs {
        let v = value.trim();
        match name.as_str() {
            "target" => {
                f.targets = v.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).take(2000).collect()
            }
            "lang" => match Locale::from_code(v) {
                Some(l) => f.lang = Some(l),
                None => warn(name, v, "the reader's language"),
            },
            "theme" => match v {
                "light" => f.theme = Theme::Light,
                "dark" => f.theme = Theme::Dark,
                "auto" => f.theme = Theme::Auto,
                _ => warn(name, v, "auto"),
            },
            "compact" => match v {
                "1" | "true" => f.compact = true,
                "0" | "false" => f.compact = false,
                _ => warn(name, v, "0"),
            },
            "scenario" => match Start::from_code(v) {
                Some(s) => f.start = Some(s),
                None => warn(name, v, "the published figures"),
            },
            "sheet" => match SheetRequest::of(v) {
                Some(r) => f.sheet = Some(r),
                None => warn(name, v, "the bundled sheet"),
            },
            "childId" if !v.is_empty() && v.len() <= 200 => f.child_id = Some(v.to_string()),
            _ => {}
        }
    }
    (f, warnings)
}

/// The sheets shipped with the widget (`dist/sheets/`, from `data/sheets/`): their ids and files. A
/// test holds this list to the folder. No sheet from elsewhere may take one of these ids.
pub const SHIPPED_SHEETS: [(&str, &str); 3] = [
    (crate::sheet::KONTUM_SHEET_ID, "sheets/kontum-15-nq-tu-2022.json"),
    ("kontum-2022-year-plan", "sheets/kontum-2022-year-plan.json"),
    ("vn-68-2022-qh15-2023", "sheets/vn-68-2022-qh15-2023.json"),
];

/// Whether `id` is the id of a sheet shipped with the widget.
pub fn is_shipped(id: &str) -> bool {
    SHIPPED_SHEETS.iter().any(|(s, _)| *s == id)
}

/// What `?sheet=` asks for: a shipped sheet, by its id (or by its file's path, as earlier links wrote
/// it), or another file on the widget's origin, whose provenance the page then shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetRequest {
    Shipped { id: &'static str, path: &'static str },
    Other(String),
}

impl SheetRequest {
    /// The request for a `?sheet=` value, or `None` for one that is not on the widget's origin.
    pub fn of(value: &str) -> Option<SheetRequest> {
        let plain = value.strip_prefix("./").unwrap_or(value);
        if let Some(&(id, path)) = SHIPPED_SHEETS.iter().find(|(id, path)| *id == value || *path == plain) {
            return Some(SheetRequest::Shipped { id, path });
        }
        same_origin_path(value).map(SheetRequest::Other)
    }

    pub fn path(&self) -> &str {
        match self {
            SheetRequest::Shipped { path, .. } => path,
            SheetRequest::Other(p) => p,
        }
    }
}

/// Why a response for `?sheet=` is not read, from its headers alone, before its body: `not-json` when
/// its type is neither JSON nor a spreadsheet's table (CSV or TSV, which `table::read_any` reads with the
/// same checks), `large` when it declares more than `max` bytes. The body is then read only up
/// to `max` bytes (`app::platform::fetch_text`), whatever the headers said.
pub fn refuse_sheet_response(content_type: Option<&str>, length: Option<&str>, max: usize) -> Option<&'static str> {
    let json = content_type.is_some_and(|t| {
        let t = t.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        t == "application/json"
            || t.ends_with("+json")
            || t == "text/json"
            || t == "text/csv"
            || t == "text/tab-separated-values"
    });
    if !json {
        return Some("not-json");
    }
    match length.map(|l| l.trim().parse::<u64>()) {
        Some(Ok(n)) if n > max as u64 => Some("large"),
        _ => None,
    }
}

/// A path on the widget's own origin: relative or absolute, with no scheme, host (`//`) or backslash.
pub fn same_origin_path(p: &str) -> Option<String> {
    let ok = !p.is_empty()
        && p.len() <= 500
        && !p.starts_with("//")
        && !p.contains('\\')
        && !p.contains(':')
        && !p.chars().any(char::is_control);
    ok.then(|| p.to_string())
}

/// A value for a query string: percent-encoded as UTF-8, except unreserved characters and `/`, so that
/// a path such as `sheets/kontum-2022-year-plan.json` stays readable.
pub fn query_value(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for b in v.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The pym.js height message (`pymxPYMx{id}xPYMxheightxPYMx{height}`).
pub fn pym_message(id: &str, height: u32) -> String {
    format!("pymxPYMx{id}xPYMxheightxPYMx{height}")
}

/// The Datawrapper-style height message, as JSON: `{"datawrapper-height":{"ID":HEIGHT}}`.
pub fn datawrapper_message(id: &str, height: u32) -> String {
    let mut map = serde_json::Map::new();
    map.insert(id.to_string(), serde_json::Value::from(height));
    let mut outer = serde_json::Map::new();
    outer.insert("datawrapper-height".into(), serde_json::Value::Object(map));
    serde_json::Value::Object(outer).to_string()
}

/// Escapes text for an HTML attribute in a snippet the reader copies.
fn attr_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The height listener's file, shipped beside the widget as `embed.js` (`web/embed.js`).
pub const LISTENER_FILE: &str = "embed.js";

/// The `<iframe>` snippet for `url`, titled `title`, and the tag of the height listener beside the
/// widget page `page`. Neither has inline script or style, so that a host with a strict
/// Content-Security-Policy can use it as it is, allowing the widget's origin in `frame-src` and
/// `script-src`: the frame is full width, lazy, borderless and without an inner scrollbar by its
/// attributes alone, and the listener sets its height through the style object, which a CSP allows. The
/// frame may write to the clipboard (its Share tool copies links), which a cross-origin frame may not
/// do unless the host allows it.
pub fn iframe_snippet(url: &str, title: &str, page: &str) -> String {
    let base = page.rfind('/').map_or("", |i| &page[..=i]);
    format!(
        "<iframe src=\"{}\" title=\"{}\" allow=\"clipboard-write\" loading=\"lazy\" scrolling=\"no\" width=\"100%\" height=\"900\" frameborder=\"0\"></iframe>\n<script src=\"{}{LISTENER_FILE}\" async></script>",
        attr_escape(url),
        attr_escape(title),
        attr_escape(base),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_sheets_are_the_files_in_data_sheets() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/sheets");
        let mut files: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        files.sort();
        let mut listed: Vec<String> =
            SHIPPED_SHEETS.iter().map(|(_, p)| p.trim_start_matches("sheets/").to_string()).collect();
        listed.sort();
        assert_eq!(files, listed);
        for (id, path) in SHIPPED_SHEETS {
            let text = std::fs::read_to_string(format!("{dir}/{}", path.trim_start_matches("sheets/"))).unwrap();
            assert_eq!(crate::sheet::Sheet::parse(&text).unwrap().id, id, "{path}");
        }
    }

    #[test]
    fn sheet_asks_for_a_shipped_sheet_by_id_or_its_path_and_anything_else_is_other() {
        let year = SheetRequest::Shipped { id: "kontum-2022-year-plan", path: "sheets/kontum-2022-year-plan.json" };
        for v in ["kontum-2022-year-plan", "sheets/kontum-2022-year-plan.json", "./sheets/kontum-2022-year-plan.json"] {
            assert_eq!(SheetRequest::of(v), Some(year.clone()), "{v}");
        }
        assert_eq!(SheetRequest::of("/uploads/kontum.json"), Some(SheetRequest::Other("/uploads/kontum.json".into())));
        assert_eq!(
            SheetRequest::of("../sheets/kontum-2022-year-plan.json").map(|r| r.path().to_string()),
            Some("../sheets/kontum-2022-year-plan.json".into())
        );
        assert_eq!(SheetRequest::of("https://evil.example/s.json"), None);
    }

    #[test]
    fn a_sheet_response_is_refused_by_its_headers_before_its_body() {
        let max = 10 * 1024 * 1024;
        let cases = [
            (Some("application/json; charset=utf-8"), Some("2000"), None),
            (Some("application/json"), None, None),
            (Some("application/ld+json"), Some("10"), None),
            (Some("application/json"), Some("419430400"), Some("large")),
            (Some("application/json"), Some("10485761"), Some("large")),
            (Some("application/json"), Some("10485760"), None),
            (Some("text/csv; charset=utf-8"), Some("10"), None),
            (Some("text/tab-separated-values"), None, None),
            (Some("text/html"), Some("10"), Some("not-json")),
            (Some("text/plain"), Some("10"), Some("not-json")),
            (Some("application/octet-stream"), Some("10"), Some("not-json")),
            (None, Some("10"), Some("not-json")),
        ];
        for (t, n, why) in cases {
            assert_eq!(refuse_sheet_response(t, n, max), why, "{t:?} {n:?}");
        }
    }

    #[test]
    fn a_query_value_keeps_a_path_readable_and_reads_back() {
        let path = "sheets/kế hoạch&x=1.json";
        let v = query_value(path);
        assert_eq!(v, "sheets/k%E1%BA%BF%20ho%E1%BA%A1ch%26x%3D1.json");
        assert_eq!(query_pairs(&format!("?sheet={v}&lang=en")), pairs(&[("sheet", path), ("lang", "en")]));
    }

    #[test]
    fn the_snippet_lets_the_frame_copy() {
        assert!(iframe_snippet("https://w.example/", "t", "https://w.example/").contains(" allow=\"clipboard-write\" "));
    }

    fn pairs(q: &[(&str, &str)]) -> Vec<(String, String)> {
        q.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn reads_every_flag() {
        let (f, w) = read(&pairs(&[
            ("target", "budget-revenue, grdp-growth,"),
            ("lang", "en"),
            ("theme", "dark"),
            ("compact", "1"),
            ("scenario", "high"),
            ("sheet", "data/other.json"),
            ("childId", "chart-1"),
        ]));
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(f.targets, ["budget-revenue", "grdp-growth"]);
        assert_eq!((f.lang, f.theme, f.compact), (Some(Locale::En), Theme::Dark, true));
        assert_eq!(f.start, Some(Start::Preset(Preset::High)));
        assert_eq!(f.sheet, Some(SheetRequest::Other("data/other.json".into())));
        assert_eq!(f.child_id.as_deref(), Some("chart-1"));
    }

    #[test]
    fn decodes_a_query_string() {
        assert_eq!(
            query_pairs("?lang=en&target=a%2Cb&n=x+y&bad=%zz&flag"),
            pairs(&[("lang", "en"), ("target", "a,b"), ("n", "x y"), ("flag", "")])
        );
        assert!(query_pairs("").is_empty());
    }

    #[test]
    fn unknown_flags_are_ignored_and_bad_values_fall_back_with_a_warning() {
        let (f, w) = read(&pairs(&[
            ("colour", "red"),
            ("lang", "fr"),
            ("theme", "sepia"),
            ("compact", "yes"),
            ("scenario", "<script>"),
            ("sheet", "https://evil.example/s.json"),
        ]));
        assert_eq!(f, Flags::default());
        assert_eq!(w.len(), 5, "{w:?}");
        assert!(w[0].contains("lang") && w[0].contains("fr"));
    }

    #[test]
    fn a_sheet_must_come_from_the_same_origin() {
        for bad in ["//evil.example/s.json", "https://x/s.json", "javascript:alert(1)", "a\\b", "", "data:,{}"] {
            assert_eq!(same_origin_path(bad), None, "{bad}");
        }
        for good in ["s.json", "/data/sheets/s.json", "../sheets/s.json?v=2"] {
            assert_eq!(same_origin_path(good).as_deref(), Some(good));
        }
    }

    #[test]
    fn height_messages_in_both_formats() {
        assert_eq!(pym_message("w1", 812), "pymxPYMxw1xPYMxheightxPYMx812");
        assert_eq!(datawrapper_message("w\"1", 812), r#"{"datawrapper-height":{"w\"1":812}}"#);
    }

    #[test]
    fn the_snippet_escapes_what_it_quotes() {
        let s = iframe_snippet("https://x/?a=1&b=\"2\"", "Kon Tum <2022>", "https://x/w/index.html");
        assert!(s.contains(r#"src="https://x/?a=1&amp;b=&quot;2&quot;""#), "{s}");
        assert!(s.contains(r#"title="Kon Tum &lt;2022&gt;""#));
        assert!(s.contains(r#"loading="lazy""#) && s.contains(r#"width="100%""#));
        assert!(s.ends_with(r#"<script src="https://x/w/embed.js" async></script>"#), "{s}");
    }

    #[test]
    fn the_snippet_has_no_inline_script_or_style() {
        // Issue 15, item 5: a host's `default-src 'self'` blocked the inline style and the inline listener.
        let s = iframe_snippet("https://w.example/?lang=vi#v1;as=2022-09-30", "t", "https://w.example/");
        assert!(!s.contains("style="), "{s}");
        for script in s.split("<script").skip(1) {
            assert!(script.trim_start().starts_with("src="), "only scripts by URL: {s}");
            assert!(script.contains("></script>") && !script.contains(">\n"), "with no inline body: {s}");
        }
    }
}

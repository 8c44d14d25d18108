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
    /// `sheet=PATH`: a target sheet to load from the same origin.
    pub sheet: Option<String>,
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
            "sheet" => match same_origin_path(v) {
                Some(p) => f.sheet = Some(p),
                None => warn(name, v, "the bundled sheet"),
            },
            "childId" if !v.is_empty() && v.len() <= 200 => f.child_id = Some(v.to_string()),
            _ => {}
        }
    }
    (f, warnings)
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

/// The listener a host page pastes once: it sets each widget frame's height from its messages. It
/// trusts only the frame that sent the message, and reads only a number.
pub const LISTENER: &str = r#"<script>
window.addEventListener("message", function (e) {
  var d = e.data;
  if (typeof d === "string") { try { d = JSON.parse(d); } catch (_) { return; } }
  var h = d && d["datawrapper-height"];
  if (!h) return;
  document.querySelectorAll("iframe").forEach(function (f) {
    if (f.contentWindow !== e.source) return;
    for (var k in h) { var n = Number(h[k]); if (n > 0 && n < 100000) f.style.height = n + "px"; }
  });
});
</script>"#;

/// The `<iframe>` snippet for `url`, titled `title`: full width, lazy, no border, no inner scrollbar;
/// the frame may write to the clipboard (its Share tool copies links), which a cross-origin frame may
/// not do unless the host allows it.
pub fn iframe_snippet(url: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" allow=\"clipboard-write\" loading=\"lazy\" scrolling=\"no\" style=\"width:100%;min-width:280px;max-width:100%;height:900px;border:0\"></iframe>",
        attr_escape(url),
        attr_escape(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_value_keeps_a_path_readable_and_reads_back() {
        let path = "sheets/kế hoạch&x=1.json";
        let v = query_value(path);
        assert_eq!(v, "sheets/k%E1%BA%BF%20ho%E1%BA%A1ch%26x%3D1.json");
        assert_eq!(query_pairs(&format!("?sheet={v}&lang=en")), pairs(&[("sheet", path), ("lang", "en")]));
    }

    #[test]
    fn the_snippet_lets_the_frame_copy() {
        assert!(iframe_snippet("https://w.example/", "t").contains(" allow=\"clipboard-write\" "));
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
        assert_eq!(f.sheet.as_deref(), Some("data/other.json"));
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
        let s = iframe_snippet("https://x/?a=1&b=\"2\"", "Kon Tum <2022>");
        assert!(s.contains(r#"src="https://x/?a=1&amp;b=&quot;2&quot;""#), "{s}");
        assert!(s.contains(r#"title="Kon Tum &lt;2022&gt;""#));
        assert!(s.contains(r#"loading="lazy""#) && s.contains("width:100%"));
    }
}

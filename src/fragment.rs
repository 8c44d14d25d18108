//! The scenario in the URL fragment (`#...`), which never reaches a server. Compact, versioned, and
//! writable by hand (`docs/url-state.md`):
//!
//! ```text
//! #v1;as=2022-09-30;budget-revenue=630;disbursement=60,s37;grdp-growth=9,v10.5;social-investment=6485,f1.1,d400
//! ```
//!
//! Fields are separated by `;`. `v1` is the version and comes first. `as` is the as-of date; `n` the
//! scenario's name (percent-encoded); `sheet` the sheet's id when it is not the bundled one. Every other
//! field is a target's id with its input: what is achieved, then optional parts each led by a letter:
//! `s` start, `p` pace, `c` change, `v` value, `f` factor, `d` volatility (the monthly deviation).
//! Numbers use a point for decimals and no grouping. Decoding builds the scenario's JSON form and reads
//! it with `Scenario::from_value`, so a link is checked exactly as a file is.

use crate::engine::Preset;
use crate::problem::{excerpt, Problem, ProblemKind};
use crate::scenario::{Assume, Scenario, SCENARIO_VERSION};
use crate::sheet::Sheet;
use serde_json::{Map, Value};

/// The fragment format this code writes.
pub const FRAGMENT_VERSION: u32 = 1;

/// The longest fragment read; a longer one is refused before any work (a sheet's worth of inputs is a
/// few kilobytes).
pub const MAX_FRAGMENT: usize = 64 * 1024;

/// Characters kept as they are in the name; everything else is percent-encoded as UTF-8.
fn is_plain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'!' | b'*' | b'(' | b')' | b'\'')
}

fn percent_encode(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if is_plain(b) {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out
}

/// The link's own keys (besides the version that opens it): a target with one of these ids is written
/// with every byte encoded.
const RESERVED: [&str; 5] = ["as", "n", "src", "preset", "sheet"];

/// `s` with every byte percent-encoded: "n" is "%6E".
fn encode_every_byte(s: &str) -> String {
    s.bytes().map(|b| format!("%{b:02X}")).collect()
}

pub(crate) fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// A number as the fragment writes it: the shortest decimal that reads back exactly, without exponent.
fn number(x: f64) -> String {
    let s = format!("{x}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// What a link says beyond its scenario: whether it is the bundled sheet's published figures (as they
/// are, or as the reader changed them), and the preset in force.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    pub published: Option<Published>,
    /// Low, High or Required (Base, the pace so far, is what a scenario without assumptions means).
    pub preset: Option<Preset>,
}

/// How a link holds the published figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Published {
    /// `src=published`: by name, with no figures, so that the page shows them with their notes and
    /// sources (and any correction made to them since).
    AsThey,
    /// `src=published-edited`: the figures in the link are the published ones as the reader changed them.
    Edited,
}

/// The fragment for `scenario` (without the leading `#`). Targets come in id order.
pub fn encode(scenario: &Scenario, sheet: &Sheet) -> String {
    encode_link(scenario, sheet, Origin::default())
}

/// The fragment for `scenario` with its `origin`: the published figures as they are travel by name.
pub fn encode_link(scenario: &Scenario, sheet: &Sheet, origin: Origin) -> String {
    let mut parts = vec![format!("v{FRAGMENT_VERSION}")];
    if sheet.id != crate::sheet::KONTUM_SHEET_ID {
        parts.push(format!("sheet={}", percent_encode(&sheet.id)));
    }
    parts.push(format!("as={}", scenario.as_of.iso()));
    match origin.published {
        Some(Published::AsThey) => parts.push("src=published".into()),
        Some(Published::Edited) => parts.push("src=published-edited".into()),
        None if !scenario.name.is_empty() => parts.push(format!("n={}", percent_encode(&scenario.name))),
        None => {}
    }
    if let Some(p) = origin.preset.filter(|p| *p != Preset::Base) {
        parts.push(format!("preset={}", p.code()));
    }
    if origin.published == Some(Published::AsThey) {
        return parts.join(";");
    }
    for (id, input) in scenario.inputs.iter() {
        // Keys are read trimmed: an id that trims to one of the link's own keys is written encoded too.
        let mut field = if RESERVED.contains(&id.trim()) { encode_every_byte(id) } else { percent_encode(id) };
        field.push('=');
        field.push_str(&number(input.achieved));
        let assume = input.assume.map(|a| {
            let letter = match a {
                Assume::Pace(_) => ",p",
                Assume::Change(_) => ",c",
                Assume::Value(_) => ",v",
                Assume::Factor(_) => ",f",
            };
            (letter, a.amount())
        });
        let parts_of_input = [
            input.start.map(|x| (",s", x)),
            assume,
            input.volatility.map(|x| (",d", x)),
            input.last_year.map(|ly| (",y", ly.to_date)),
            input.last_year.map(|ly| (",t", ly.total)),
        ];
        for (letter, x) in parts_of_input.into_iter().flatten() {
            field.push_str(letter);
            field.push_str(&number(x));
        }
        if let Some(m) = input.method {
            field.push_str(",m");
            field.push_str(m.code());
        }
        parts.push(field);
    }
    parts.join(";")
}

fn problem(field: &str, kind: ProblemKind) -> Problem {
    Problem { place: String::new(), field: field.to_string(), kind }
}

/// The id of the sheet a fragment names (`sheet=`), if any: links for the bundled sheet name none.
pub fn sheet_id(fragment: &str) -> Option<String> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_FRAGMENT {
        return None;
    }
    fragment.split(';').find_map(|f| f.strip_prefix("sheet=")).and_then(percent_decode)
}

/// Reads a fragment (with or without its leading `#`) into a scenario for `sheet`, or every problem
/// found. Versions before the current one will be migrated here; there are none yet.
pub fn decode(fragment: &str, sheet: &Sheet) -> Result<Scenario, Vec<Problem>> {
    decode_link(fragment, sheet).map(|(s, _)| s)
}

/// Reads a fragment as [`decode`] does, with what it says of its origin. A link of the published
/// figures as they are has no figures of its own: its scenario is empty, and the widget opens the
/// published one.
pub fn decode_link(fragment: &str, sheet: &Sheet) -> Result<(Scenario, Origin), Vec<Problem>> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_FRAGMENT {
        return Err(vec![problem("", ProblemKind::TooLarge)]);
    }
    let mut fields = fragment.split(';');
    match fields.next() {
        Some("v1") => {}
        Some(v) if v.starts_with('v') && v.len() > 1 && v[1..].bytes().all(|b| b.is_ascii_digit()) => {
            return Err(vec![problem("v", ProblemKind::UnknownVersion(v[1..].to_string()))]);
        }
        _ => return Err(vec![problem("v", ProblemKind::Missing)]),
    }
    let mut problems = Vec::new();
    let mut root = Map::new();
    root.insert("version".into(), Value::from(SCENARIO_VERSION));
    root.insert("sheet".into(), Value::String(sheet.id.clone()));
    let mut inputs = Map::new();
    let mut origin = Origin::default();
    for field in fields.filter(|f| !f.is_empty()) {
        let Some((key, value)) = field.split_once('=') else {
            problems.push(problem(&excerpt(field), ProblemKind::Missing));
            continue;
        };
        // Keys are written plainly (target ids are ASCII), but a link pasted from a message may hold
        // encoded spaces ("%20as"): keys are decoded and trimmed, and so are values other than the name.
        // A target's own id is kept as it is (ids may hold any character, a space included); anything
        // else is trimmed.
        let decoded = percent_decode(key).unwrap_or_else(|| key.to_string());
        // The link's own keys are written plainly (spaces aside); a target whose id is one of them is
        // written encoded ("%6E" for a target "n"), and read as the target's.
        let plainly = !key.replace("%20", "").contains('%');
        let own = plainly && RESERVED.contains(&decoded.trim());
        let key = if own || sheet.target(&decoded).is_none() { decoded.trim() } else { decoded.as_str() };
        let plain = percent_decode(value).unwrap_or_else(|| value.to_string());
        let value = if own && key == "n" { value } else { plain.trim() };
        match if own { key } else { "" } {
            "src" => match value {
                "published" => origin.published = Some(Published::AsThey),
                "published-edited" => origin.published = Some(Published::Edited),
                _ => {
                    problems.push(problem("src", ProblemKind::NotOneOf(excerpt(value), "published, published-edited")))
                }
            },
            "preset" => match Preset::ALL.into_iter().find(|p| p.code() == value) {
                Some(p) => origin.preset = Some(p),
                None => {
                    problems.push(problem("preset", ProblemKind::NotOneOf(excerpt(value), "low, base, high, required")))
                }
            },
            "as" => {
                root.insert("as_of".into(), Value::String(value.to_string()));
            }
            "n" => match percent_decode(value) {
                Some(name) => {
                    root.insert("name".into(), Value::String(name));
                }
                None => problems.push(problem("n", ProblemKind::NotOneOf(excerpt(value), "%XX"))),
            },
            "sheet" => {
                let id = value.to_string();
                if id != sheet.id {
                    problems.push(problem("sheet", ProblemKind::OtherSheet(id)));
                }
            }
            _ => match input(value) {
                Ok(v) => {
                    if inputs.insert(key.to_string(), v).is_some() {
                        problems.push(Problem {
                            place: key.to_string(),
                            field: String::new(),
                            kind: ProblemKind::Duplicate(key.to_string()),
                        });
                    }
                }
                Err(e) => problems.push(Problem { place: key.to_string(), field: String::new(), kind: e }),
            },
        }
    }
    if origin.published == Some(Published::AsThey) && !inputs.is_empty() {
        problems.push(problem("src", ProblemKind::NotOneOf("published".into(), "published-edited")));
    }
    root.insert("inputs".into(), Value::Object(inputs));
    if !problems.is_empty() {
        return Err(problems);
    }
    Scenario::from_value(&Value::Object(root), sheet).map(|s| (s, origin))
}

/// One target's input: "630", "60,s37", "9,v10.5", "6485,f1.1,d400", as the JSON form of an input.
fn input(text: &str) -> Result<Value, ProblemKind> {
    let mut parts = text.split(',');
    // A number is kept as the text it is (JSON's own number syntax, read by the JSON parser), so it is
    // read exactly as a file's number is. Only plain decimals: no exponents, "inf" or "NaN".
    let num = |s: &str| -> Result<Value, ProblemKind> {
        let plain = !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
        match serde_json::from_str::<Value>(s) {
            Ok(v @ Value::Number(_)) if plain => Ok(v),
            _ => Err(ProblemKind::WrongType("number")),
        }
    };
    let mut o = Map::new();
    o.insert("achieved".into(), num(parts.next().unwrap_or(""))?);
    for part in parts {
        let (letter, rest) = part.split_at(part.char_indices().nth(1).map_or(part.len(), |(i, _)| i));
        // The method chosen, by its code ("630,mflat"); the scenario's reader checks it.
        if letter == "m" {
            o.insert("method".into(), rest.into());
            continue;
        }
        let value = num(rest)?;
        match letter {
            "s" => o.insert("start".into(), value),
            "d" => o.insert("volatility".into(), value),
            // Last year's figures: to the same day (`y`) and for the whole period (`t`).
            "y" | "t" => {
                let last_year = o.entry("last_year").or_insert_with(|| Value::Object(Map::new()));
                if let Value::Object(ly) = last_year {
                    ly.insert(if letter == "y" { "to_date" } else { "total" }.into(), value);
                }
                None
            }
            "p" | "c" | "v" | "f" => {
                let field = match letter {
                    "p" => "pace",
                    "c" => "change",
                    "v" => "value",
                    _ => "factor",
                };
                let mut assume = Map::new();
                assume.insert(field.into(), value);
                o.insert("assume".into(), Value::Object(assume))
            }
            other => return Err(ProblemKind::NotOneOf(other.to_string(), "s, p, c, v, f, d, y, t, m")),
        };
    }
    Ok(Value::Object(o))
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str =
        "#v1;as=2022-09-30;budget-revenue=630;disbursement=60,s37;grdp-growth=9,v10.5;social-investment=6485,f1.1,d400";

    #[test]
    fn a_link_names_its_sheet_unless_it_is_the_bundled_one() {
        assert_eq!(sheet_id("#v1;sheet=kontum-2022-year-plan;as=2022-09-30").as_deref(), Some("kontum-2022-year-plan"));
        assert_eq!(sheet_id("v1;as=2022-09-30;sheet=a%20b").as_deref(), Some("a b"));
        assert_eq!(sheet_id("#v1;as=2022-09-30;budget-revenue=630"), None);
        assert_eq!(sheet_id("v1;sheet=%zz"), None);
    }

    #[test]
    fn the_documented_example_reads_as_the_scenario_file_does() {
        let sheet = Sheet::kontum().unwrap();
        let s = decode(EXAMPLE, &sheet).unwrap();
        assert_eq!(s.as_of.iso(), "2022-09-30");
        assert_eq!(s.inputs.get("disbursement").and_then(|i| i.start), Some(37.0));
        assert_eq!(s.inputs.get("grdp-growth").and_then(|i| i.assume), Some(Assume::Value(10.5)));
        assert_eq!(s.inputs.get("social-investment").and_then(|i| i.volatility), Some(400.0));
        // Written back in the same form: targets in id order, shortest numbers.
        assert_eq!(format!("#{}", encode(&s, &sheet)), EXAMPLE);
    }

    #[test]
    fn a_chosen_method_travels_in_the_link_and_one_that_does_not_apply_is_named() {
        let sheet = Sheet::parse(include_str!("../data/sheets/kontum-2022-year-plan.json")).unwrap();
        let link = "#v1;sheet=kontum-2022-year-plan;as=2022-09-30;budget-revenue-2022=2930,mflat";
        let s = decode(link, &sheet).unwrap();
        assert_eq!(s.inputs.get("budget-revenue-2022").and_then(|i| i.method), Some(crate::engine::Method::Flat));
        assert_eq!(format!("#{}", encode(&s, &sheet)), link);
        // No profile for the enterprises: the choice is refused and named, not dropped.
        let bad = decode("#v1;as=2022-09-30;new-enterprises-2022=250,mprofile", &sheet).unwrap_err();
        assert_eq!(bad[0].field, "method");
        assert_eq!(bad[0].kind, ProblemKind::Needs("profile"));
        assert!(decode("#v1;as=2022-09-30;budget-revenue-2022=2930,mseasonal", &sheet).is_err());
    }

    #[test]
    fn a_target_named_like_one_of_the_links_own_keys_survives() {
        // Found by the property test of issue 15, item 7: a target "n" was read as the scenario's name.
        // Ids are not trimmed, keys are read trimmed: "n " and " as" are the link's keys too.
        let targets: Vec<serde_json::Value> = ["n", "as", "src", "preset", "sheet", "n ", " as", "sheet "]
            .iter()
            .map(|id| {
                serde_json::json!({"id": id, "area": "a", "clause": "1", "wording": "w",
                    "label": {"vi": "L", "en": "L"}, "comparator": ">=", "value": 10, "unit": "u", "kind": "flow"})
            })
            .collect();
        let sheet = Sheet::parse(
            &serde_json::json!({
                "format": 1, "id": "ids", "title": {"vi": "T", "en": "T"},
                "resolution": {"number": "0", "issuer": {"vi": "X", "en": "X"}, "date": "2023-01-01"},
                "period": {"start": "2023-01-01", "end": "2023-12-31"},
                "units": {"u": {"label": {"vi": "u", "en": "u"}}},
                "areas": [{"id": "a", "clause": "1", "label": {"vi": "A", "en": "A"}}],
                "targets": targets
            })
            .to_string(),
        )
        .unwrap();
        let mut s = Scenario::empty(&sheet);
        s.name = "Tên".into();
        for (i, t) in sheet.targets.iter().enumerate() {
            s.inputs.insert(t.id.clone(), crate::scenario::Input { achieved: i as f64, ..Default::default() });
        }
        let link = encode(&s, &sheet);
        assert!(link.contains(";%6E=0") && link.contains(";%61%73=1"), "{link}");
        assert_eq!(decode(&link, &sheet), Ok(s));
    }

    #[test]
    fn names_with_any_characters_survive() {
        let sheet = Sheet::kontum().unwrap();
        let mut s = Scenario::empty(&sheet);
        s.name = "Số liệu; a=b #1 100% <b>".into();
        let f = encode(&s, &sheet);
        assert!(!f.contains(' ') && !f.contains('#') && !f[3..].contains("a=b"), "{f}");
        assert_eq!(decode(&f, &sheet), Ok(s));
    }

    #[test]
    fn broken_links_give_problems_not_panics() {
        let sheet = Sheet::kontum().unwrap();
        let cases = [
            ("", "v"),
            ("#", "v"),
            ("#v9;as=2022-09-30", "v"),
            ("#x1;as=2022-09-30", "v"),
            ("#v1;as=2022-13-01", "as_of"),
            ("#v1;as=2023-02-01", "as_of"),
            ("#v1", "as_of"),
        ];
        for (f, field) in cases {
            let p = decode(f, &sheet).expect_err(f);
            assert!(p.iter().any(|p| p.field == field), "{f}: {p:?}");
        }
        for (f, place) in [
            ("#v1;as=2022-09-30;jobs=abc", "jobs"),
            ("#v1;as=2022-09-30;jobs=1,x5", "jobs"),
            ("#v1;as=2022-09-30;jobs=inf", "jobs"),
            ("#v1;as=2022-09-30;jobs=1e3", "jobs"),
            ("#v1;as=2022-09-30;nope=1", "nope"),
            ("#v1;as=2022-09-30;disbursement=60,p5", "disbursement"),
            ("#v1;as=2022-09-30;jobs=1;jobs=2", "jobs"),
        ] {
            let p = decode(f, &sheet).expect_err(f);
            assert!(p.iter().any(|p| p.place == place), "{f}: {p:?}");
        }
        assert!(decode(&format!("#v1;n={}", "a".repeat(MAX_FRAGMENT)), &sheet).is_err());
        // Every truncation of a valid link is read or refused, never a panic.
        for end in 0..=EXAMPLE.len() {
            if EXAMPLE.is_char_boundary(end) {
                let _ = decode(&EXAMPLE[..end], &sheet);
            }
        }
        assert!(decode("#v1;n=%E1%BB", &sheet).is_err(), "a cut UTF-8 sequence");
    }
}

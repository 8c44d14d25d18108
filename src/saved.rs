//! Saved scenarios as stored in the browser's `localStorage`: one entry per key, so a damaged entry never
//! takes the others with it. An entry is a small JSON object with a schema version:
//!
//! ```json
//! {"v":1,"name":"High case","sheet":"kontum-15-nq-tu-2022","scenario":"v1;as=2022-09-30;…"}
//! ```
//!
//! The sheet last opened from a file is kept too, under [`SHEET_KEY`], so that a reload (whose link names
//! that sheet) opens it again: `{"v":1,"sheet":"<the sheet's JSON text>"}`.
//!
//! The scenario is kept in its URL-fragment form (`docs/url-state.md`), which carries its own version and
//! is read exactly as a shared link is. Reading returns a localised reason instead of failing.

use crate::i18n::Locale;
use serde_json::{Map, Value};

/// Every saved scenario's key starts with this; the rest is the name.
pub const PREFIX: &str = "plan-widget:scenario:";
/// The schema version written now.
pub const VERSION: u64 = 1;
/// Names are kept short enough to show on a phone.
pub const MAX_NAME: usize = 80;
/// An entry larger than this is not read (a fragment is at most 64 KiB).
pub const MAX_ENTRY: usize = 70 * 1024;

/// The key of the sheet last opened from a file.
pub const SHEET_KEY: &str = "plan-widget:sheet";
/// A sheet larger than this is not kept: a browser keeps about 5 MB per site, shared with the saved
/// scenarios.
pub const MAX_SHEET: usize = 2 * 1024 * 1024;

/// A stored entry that reads.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub name: String,
    pub sheet: String,
    /// The scenario in its fragment form.
    pub scenario: String,
}

/// Why an entry could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum Damage {
    NotJson,
    Missing(&'static str),
    /// Written by a newer version of the widget.
    Future(u64),
    TooLarge,
}

impl Damage {
    pub fn message(&self, l: Locale) -> String {
        match self {
            Damage::NotJson => l.pick("dữ liệu lưu bị hỏng", "the stored data is damaged").into(),
            Damage::Missing(f) => l.pick(format!("thiếu trường \"{f}\""), format!("the field \"{f}\" is missing")),
            Damage::Future(v) => l.pick(
                format!("được lưu bởi phiên bản mới hơn (v{v}) của công cụ"),
                format!("saved by a newer version (v{v}) of the widget"),
            ),
            Damage::TooLarge => l.pick("quá lớn", "too large").into(),
        }
    }
}

/// The storage key for a scenario named `name`.
pub fn key(name: &str) -> String {
    format!("{PREFIX}{name}")
}

/// A name as typed, tidied: spaces collapsed, at most [`MAX_NAME`] characters. Empty when nothing is left.
pub fn clean_name(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").chars().filter(|c| !c.is_control()).take(MAX_NAME).collect()
}

/// A stored form: an object of text fields with the current schema version.
fn stored_form(fields: &[(&str, &str)]) -> String {
    let mut m = Map::new();
    m.insert("v".into(), Value::from(VERSION));
    for (k, v) in fields {
        m.insert((*k).into(), Value::from(*v));
    }
    Value::Object(m).to_string()
}

/// The object a stored form of a version this widget reads holds, if it is at most `max` bytes. Version
/// 1 is the only one yet; a later version adds its migration here.
fn read_stored(text: &str, max: usize) -> Result<Map<String, Value>, Damage> {
    if text.len() > max {
        return Err(Damage::TooLarge);
    }
    match serde_json::from_str(text) {
        Ok(Value::Object(obj)) => match obj.get("v").and_then(Value::as_u64) {
            Some(1) => Ok(obj),
            Some(v) => Err(Damage::Future(v)),
            None => Err(Damage::Missing("v")),
        },
        _ => Err(Damage::NotJson),
    }
}

fn text_of(obj: &Map<String, Value>, field: &'static str) -> Result<String, Damage> {
    obj.get(field).and_then(Value::as_str).map(String::from).ok_or(Damage::Missing(field))
}

/// The stored form of an entry, in the current version.
pub fn encode(entry: &Entry) -> String {
    stored_form(&[("name", &entry.name), ("sheet", &entry.sheet), ("scenario", &entry.scenario)])
}

/// Reads a stored entry of any version this widget knows, migrating older ones.
pub fn decode(text: &str) -> Result<Entry, Damage> {
    let obj = read_stored(text, MAX_ENTRY)?;
    Ok(Entry {
        name: clean_name(&text_of(&obj, "name")?),
        sheet: text_of(&obj, "sheet")?,
        scenario: text_of(&obj, "scenario")?,
    })
}

/// The stored form of a sheet opened from a file (its JSON text, as read).
pub fn encode_sheet(text: &str) -> String {
    stored_form(&[("sheet", text)])
}

/// The JSON text of a kept sheet, from its stored form of any version this widget knows.
pub fn decode_sheet(text: &str) -> Result<String, Damage> {
    // The text is escaped once more inside the entry: allow for that.
    text_of(&read_stored(text, 2 * MAX_SHEET)?, "sheet")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> Entry {
        Entry {
            name: "Cao \"2\" <b>".into(),
            sheet: "kontum-15-nq-tu-2022".into(),
            scenario: "v1;as=2022-09-30".into(),
        }
    }

    #[test]
    fn round_trips() {
        assert_eq!(decode(&encode(&entry())), Ok(entry()));
    }

    #[test]
    fn damaged_and_future_entries_say_why() {
        assert_eq!(decode("{"), Err(Damage::NotJson));
        assert_eq!(decode("[1]"), Err(Damage::NotJson));
        assert_eq!(decode(r#"{"name":"a"}"#), Err(Damage::Missing("v")));
        assert_eq!(decode(r#"{"v":1,"name":"a","sheet":"s"}"#), Err(Damage::Missing("scenario")));
        assert_eq!(decode(r#"{"v":7,"name":"a"}"#), Err(Damage::Future(7)));
        assert_eq!(decode(&"x".repeat(MAX_ENTRY + 1)), Err(Damage::TooLarge));
        // Every truncation of a good entry is an error, never a panic.
        let good = encode(&entry());
        for n in 0..good.len() {
            if good.is_char_boundary(n) {
                assert!(decode(&good[..n]).is_err(), "{n}");
            }
        }
        assert!(Damage::Future(2).message(Locale::En).contains("newer"));
    }

    #[test]
    fn names_are_tidied() {
        assert_eq!(clean_name("  High \n\t case "), "High case");
        assert_eq!(clean_name(&"x".repeat(200)).len(), MAX_NAME);
        assert_eq!(clean_name(" \u{7} "), "");
    }

    #[test]
    fn a_kept_sheet_round_trips_and_a_damaged_or_newer_one_says_why() {
        let sheet = include_str!("../data/sheets/kontum-2022-year-plan.json");
        assert_eq!(decode_sheet(&encode_sheet(sheet)).as_deref(), Ok(sheet));
        assert_eq!(decode_sheet("{\"v\":1"), Err(Damage::NotJson));
        assert_eq!(decode_sheet("{\"v\":1}"), Err(Damage::Missing("sheet")));
        assert_eq!(decode_sheet("{\"v\":2,\"sheet\":\"{}\"}"), Err(Damage::Future(2)));
        assert_eq!(decode_sheet(&"x".repeat(2 * MAX_SHEET + 1)), Err(Damage::TooLarge));
    }
}

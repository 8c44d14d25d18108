//! Problems found in a file or a link, gathered rather than stopping at the first, each naming where
//! it is (a target's id, or the file itself) and the field, with a message in the reader's language.

use crate::i18n::Locale;
use serde_json::{Map, Value};

/// What is wrong with one field.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The file could not be read at all (the system's words follow).
    NotJson(String),
    /// The text is not JSON: where reading stopped, whether the text ended too early, and the parser's
    /// own (English) words, shown to English readers.
    BadJson {
        line: usize,
        column: usize,
        eof: bool,
        detail: String,
    },
    Missing,
    /// The field holds the wrong type of value; the expected type is named.
    WrongType(&'static str),
    /// A value that is not one of the allowed ones; the allowed ones are listed.
    NotOneOf(String, &'static str),
    Duplicate(String),
    /// A reference (area, part-of, target id) that names nothing in the sheet.
    UnknownReference(String),
    NotFinite,
    Negative,
    /// Above the target's natural bound.
    AboveBound(f64),
    NotPositive,
    BadDate(String),
    DateOutsidePeriod(String),
    PeriodNotWholeMonths,
    /// A list of the wrong length; the expected length is given.
    WrongLength(usize),
    /// An assumption that does not fit the target's kind, e.g. a `pace` for a level.
    AssumptionForKind(&'static str, &'static str),
    /// More than one assumption where exactly one is allowed.
    OneAssumption,
    UnknownVersion(String),
    OtherSheet(String),
    TooLarge,
    /// More entries than allowed; the limit is given.
    TooMany(usize),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The target's id (or an area's), or empty for the file as a whole.
    pub place: String,
    /// The JSON field, as a dotted path from the place.
    pub field: String,
    pub kind: ProblemKind,
}

impl Problem {
    /// One line for the reader: "budget-revenue · comparator: ...".
    pub fn message(&self, locale: Locale) -> String {
        use ProblemKind::*;
        let l = locale;
        let what = match &self.kind {
            NotJson(e) => format!("{} ({e})", l.pick("không đọc được JSON", "not readable as JSON")),
            BadJson { line, column, eof, detail } => match l {
                Locale::Vi if *eof => {
                    format!("không đọc được JSON: văn bản dừng giữa chừng (dòng {line}, cột {column})")
                }
                Locale::Vi => format!("không đọc được JSON: sai cú pháp ở dòng {line}, cột {column}"),
                Locale::En => format!("not readable as JSON ({detail})"),
            },
            Missing => l.pick("bị thiếu", "is missing").into(),
            WrongType(t) => {
                let vi = match *t {
                    "number" => "một số",
                    "string" => "một chuỗi ký tự",
                    "object" => "một đối tượng JSON",
                    "array" => "một danh sách",
                    other => other,
                };
                l.pick(format!("phải là {vi}"), format!("must be a {t}"))
            }
            NotOneOf(v, allowed) => format!("«{v}» {} {allowed}", l.pick("không hợp lệ; dùng", "is not valid; use")),
            Duplicate(id) => format!("«{id}» {}", l.pick("bị trùng", "appears twice")),
            UnknownReference(id) => format!("«{id}» {}", l.pick("không có trong bảng chỉ tiêu", "is not in the sheet")),
            NotFinite => l.pick("phải là một số hữu hạn", "must be a finite number").into(),
            Negative => l.pick("không được âm", "must not be negative").into(),
            AboveBound(b) => {
                format!("{} {}", l.pick("không được vượt quá", "must not exceed"), crate::num::format_trimmed(*b, 2, l))
            }
            NotPositive => l.pick("phải lớn hơn 0", "must be greater than 0").into(),
            BadDate(d) => format!("«{d}» {}", l.pick("không phải ngày dạng YYYY-MM-DD", "is not a YYYY-MM-DD date")),
            DateOutsidePeriod(d) => {
                format!("{d} {}", l.pick("nằm ngoài kỳ của nghị quyết", "is outside the resolution's period"))
            }
            PeriodNotWholeMonths => l
                .pick(
                    "kỳ phải bắt đầu vào ngày 1 và kết thúc vào ngày cuối tháng",
                    "the period must start on a month's first day and end on a month's last day",
                )
                .into(),
            WrongLength(n) => format!("{} {n}", l.pick("phải có số phần tử là", "must have this many entries:")),
            AssumptionForKind(a, k) => format!(
                "«{a}» {} «{k}»",
                l.pick("không dùng được cho chỉ tiêu loại", "does not apply to a target of kind")
            ),
            OneAssumption => l.pick("chỉ được có đúng một giả định", "must hold exactly one assumption").into(),
            UnknownVersion(v) => format!("{} {v}", l.pick("phiên bản không được hỗ trợ:", "unsupported version:")),
            OtherSheet(id) => {
                format!("{} «{id}»", l.pick("kịch bản thuộc bảng chỉ tiêu khác:", "the scenario is for another sheet:"))
            }
            TooLarge => l.pick("quá lớn", "is too large").into(),
            TooMany(n) => format!(
                "{} {}",
                l.pick("có quá nhiều phần tử; tối đa", "has too many entries; at most"),
                crate::num::format_fixed(*n as f64, 0, l)
            ),
        };
        match (self.place.is_empty(), self.field.is_empty()) {
            (true, true) => what,
            (true, false) => format!("{}: {what}", self.field),
            (false, true) => format!("{} · {what}", self.place),
            (false, false) => format!("{} · {}: {what}", self.place, self.field),
        }
    }
}

/// Joins problems into one message per line.
pub fn messages(problems: &[Problem], locale: Locale) -> String {
    problems.iter().map(|p| p.message(locale)).collect::<Vec<_>>().join("\n")
}

/// Reads fields out of JSON objects, recording a problem for each one that is missing or ill-typed.
#[derive(Default)]
pub struct Reader {
    pub problems: Vec<Problem>,
}

impl Reader {
    pub fn push(&mut self, place: &str, field: &str, kind: ProblemKind) {
        self.problems.push(Problem { place: place.to_string(), field: field.to_string(), kind });
    }

    pub fn object<'v>(&mut self, value: Option<&'v Value>, place: &str, field: &str) -> Option<&'v Map<String, Value>> {
        match value {
            None => {
                self.push(place, field, ProblemKind::Missing);
                None
            }
            Some(Value::Object(m)) => Some(m),
            Some(_) => {
                self.push(place, field, ProblemKind::WrongType("object"));
                None
            }
        }
    }

    pub fn array<'v>(&mut self, obj: &'v Map<String, Value>, place: &str, field: &str) -> Option<&'v Vec<Value>> {
        match obj.get(field) {
            None => {
                self.push(place, field, ProblemKind::Missing);
                None
            }
            Some(Value::Array(a)) => Some(a),
            Some(_) => {
                self.push(place, field, ProblemKind::WrongType("array"));
                None
            }
        }
    }

    /// A required non-empty string.
    pub fn string(&mut self, obj: &Map<String, Value>, place: &str, field: &str) -> Option<String> {
        match obj.get(field) {
            None => {
                self.push(place, field, ProblemKind::Missing);
                None
            }
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
            Some(Value::String(_)) => {
                self.push(place, field, ProblemKind::Missing);
                None
            }
            Some(_) => {
                self.push(place, field, ProblemKind::WrongType("string"));
                None
            }
        }
    }

    /// An optional string: absent or null is `None` without a problem.
    pub fn opt_string(&mut self, obj: &Map<String, Value>, place: &str, field: &str) -> Option<String> {
        match obj.get(field) {
            None | Some(Value::Null) => None,
            Some(_) => self.string(obj, place, field),
        }
    }

    /// A required finite number. JSON cannot spell NaN or Infinity, but a hand-edited file may write
    /// them as strings, or write a number too large for a double: all are reported, not accepted.
    pub fn number(&mut self, obj: &Map<String, Value>, place: &str, field: &str) -> Option<f64> {
        match obj.get(field) {
            None => {
                self.push(place, field, ProblemKind::Missing);
                None
            }
            Some(v) => self.number_value(v, place, field),
        }
    }

    pub fn number_value(&mut self, v: &Value, place: &str, field: &str) -> Option<f64> {
        match v {
            Value::Number(n) => match n.as_f64() {
                Some(x) if x.is_finite() && x.abs() > crate::num::MAX_MAGNITUDE => {
                    self.push(place, field, ProblemKind::TooLarge);
                    None
                }
                Some(x) if x.is_finite() => Some(x),
                _ => {
                    self.push(place, field, ProblemKind::NotFinite);
                    None
                }
            },
            Value::String(s)
                if matches!(
                    s.trim().to_ascii_lowercase().as_str(),
                    "nan" | "infinity" | "-infinity" | "inf" | "-inf"
                ) =>
            {
                self.push(place, field, ProblemKind::NotFinite);
                None
            }
            _ => {
                self.push(place, field, ProblemKind::WrongType("number"));
                None
            }
        }
    }

    pub fn opt_number(&mut self, obj: &Map<String, Value>, place: &str, field: &str) -> Option<f64> {
        match obj.get(field) {
            None | Some(Value::Null) => None,
            Some(v) => self.number_value(v, place, field),
        }
    }

    pub fn date(&mut self, obj: &Map<String, Value>, place: &str, field: &str) -> Option<crate::date::Date> {
        let text = self.string(obj, place, field)?;
        let date = crate::date::Date::parse(&text);
        if date.is_none() {
            self.push(place, field, ProblemKind::BadDate(text));
        }
        date
    }
}

/// Parses JSON text, turning a syntax error into a problem. Deep nesting is refused by serde_json's
/// own recursion limit, which returns an error rather than overflowing the stack.
pub fn parse_json(text: &str) -> Result<Value, Vec<Problem>> {
    serde_json::from_str(text).map_err(|e| {
        let kind = ProblemKind::BadJson { line: e.line(), column: e.column(), eof: e.is_eof(), detail: e.to_string() };
        vec![Problem { place: String::new(), field: String::new(), kind }]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_is_not_json_says_where_in_the_readers_language() {
        let message = |text: &str, l: Locale| parse_json(text).unwrap_err()[0].message(l);
        assert_eq!(message("{\"a\": [1,", Locale::Vi), "không đọc được JSON: văn bản dừng giữa chừng (dòng 1, cột 9)");
        assert_eq!(message("{\n\"a\" 1}", Locale::Vi), "không đọc được JSON: sai cú pháp ở dòng 2, cột 5");
        assert!(message("{\n\"a\" 1}", Locale::En).starts_with("not readable as JSON (expected `:` at line 2 column 5"));
    }
}

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
    /// A text longer than allowed; the limit is given, in characters (see [`MAX_ID_CHARS`] and the
    /// other caps).
    TooLong(usize),
    /// Last year's whole period below its figure to the same day.
    TotalBelowToDate,
    /// A range whose low end is not below its high end.
    RangeOrder,
    /// An earlier year's figure dated within (or after the start of) the sheet's own period.
    NotBeforePeriod(String),
    /// A choice that needs another field, named by its JSON name (a method's figures).
    Needs(&'static str),
    /// A quarterly target in a period that is not whole quarters.
    NotWholeQuarters,
    /// A target's deadline that is not a month's last day after the period's start and within a year
    /// of its end.
    DeadlineOutOfRange(String),
    /// A milestone after its target's own deadline.
    AfterDeadline(String),
    /// Shares that do not add up to 1; what they add up to is given.
    SharesSum(f64),
    /// A field that says the opposite of what another implies; what that implies is given (`better`
    /// against a comparator: "higher" for `>=`).
    Contradicts(String),
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
    /// One line for the reader: "budget-revenue · phép so sánh (comparator): ...". Fields and places are
    /// named in the reader's words, each followed by its JSON name in parentheses (see [`field_name`]).
    pub fn message(&self, locale: Locale) -> String {
        use ProblemKind::*;
        let l = locale;
        let what = match &self.kind {
            NotJson(e) => {
                format!("{} ({})", l.pick("không đọc được JSON", "not readable as JSON"), cut(e, SYSTEM_EXCERPT))
            }
            BadJson { line, column, eof, detail } => match l {
                Locale::Vi if *eof => {
                    format!("không đọc được JSON: văn bản dừng giữa chừng (dòng {line}, cột {column})")
                }
                Locale::Vi => format!("không đọc được JSON: sai cú pháp ở dòng {line}, cột {column}"),
                Locale::En => format!("not readable as JSON ({})", cut(detail, SYSTEM_EXCERPT)),
            },
            Missing => l.pick("bị thiếu", "is missing").into(),
            WrongType(t) => {
                let vi = match *t {
                    "number" => "một số",
                    "string" => "một chuỗi ký tự",
                    "object" => "một đối tượng JSON",
                    "array" => "một danh sách",
                    "[low, high]" => "một cặp [thấp, cao]",
                    other => other,
                };
                l.pick(format!("phải là {vi}"), format!("must be a {t}"))
            }
            NotOneOf(v, allowed) => match field_list(&self.field, allowed) {
                // A key an object may not hold: the fields it may, in words. The field already quotes an
                // unknown key ("«acheived»: ..."), so the message does not repeat it.
                Some(names) => {
                    let named = self.field == *v || self.field.ends_with(&format!(".{v}"));
                    let names = names.iter().map(|(place, f)| field_name(place, f, l)).collect::<Vec<_>>();
                    let not_known =
                        l.pick("không phải trường đã biết; các trường là:", "is not a known field; the fields are:");
                    if named {
                        format!("{not_known} {}", names.join(", "))
                    } else {
                        format!("{} {not_known} {}", quoted(v), names.join(", "))
                    }
                }
                None => format!(
                    "{} {} {}",
                    quoted(v),
                    l.pick("không hợp lệ; dùng", "is not valid; use"),
                    allowed_values(allowed, l)
                ),
            },
            Duplicate(id) => format!("{} {}", quoted(id), l.pick("bị trùng", "appears twice")),
            UnknownReference(id) => {
                format!("{} {}", quoted(id), l.pick("không có trong bảng chỉ tiêu", "is not in the sheet"))
            }
            NotFinite => l.pick("phải là một số hữu hạn", "must be a finite number").into(),
            Negative => l.pick("không được âm", "must not be negative").into(),
            AboveBound(b) => {
                format!("{} {}", l.pick("không được vượt quá", "must not exceed"), crate::num::format_trimmed(*b, 2, l))
            }
            NotPositive => l.pick("phải lớn hơn 0", "must be greater than 0").into(),
            TotalBelowToDate => l
                .pick(
                    "không được nhỏ hơn số đến cùng ngày (to_date)",
                    "must not be less than the figure to the same day (to_date)",
                )
                .into(),
            NotWholeQuarters => l
                .pick(
                    "kỳ của nghị quyết phải gồm trọn các quý (3, 6, 9 hoặc 12 tháng)",
                    "the resolution's period must be whole quarters (3, 6, 9 or 12 months)",
                )
                .into(),
            Needs(field) => {
                let (vi, en) = words("", field).unwrap_or_default();
                l.pick(format!("cần có {vi} ({field})"), format!("needs the {en} ({field})"))
            }
            SharesSum(sum) => {
                let sum = crate::num::format_trimmed(*sum, 4, l);
                l.pick(
                    format!("các tỷ trọng phải có tổng bằng 1 (tổng hiện là {sum})"),
                    format!("the shares must add up to 1 (they add up to {sum})"),
                )
            }
            RangeOrder => l
                .pick("đầu thấp của khoảng phải nhỏ hơn đầu cao", "the range's low end must be below its high end")
                .into(),
            Contradicts(implied) => {
                let vi = if implied == "higher" { "cao hơn là tốt" } else { "thấp hơn là tốt" };
                l.pick(
                    format!("trái với phép so sánh, vốn có nghĩa {vi} ({implied})"),
                    format!("contradicts the comparison, which means {implied} is better"),
                )
            }
            BadDate(d) => {
                format!("{} {}", quoted(d), l.pick("không phải ngày dạng YYYY-MM-DD", "is not a YYYY-MM-DD date"))
            }
            NotBeforePeriod(d) => format!(
                "{d} {}",
                l.pick(
                    "phải trước kỳ của nghị quyết (số liệu của các năm trước)",
                    "must be before the resolution's period (a figure of an earlier year)"
                )
            ),
            DeadlineOutOfRange(d) => format!(
                "{d} {}",
                l.pick(
                    "phải là ngày cuối tháng, sau ngày bắt đầu kỳ, khác ngày kết thúc kỳ và không quá một năm sau ngày đó",
                    "must be a month's last day after the period's start, not its end, and at most a year after its end",
                )
            ),
            AfterDeadline(d) => {
                format!("{d} {}", l.pick("sau hạn đánh giá của chỉ tiêu", "is after the target's deadline"))
            }
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
            // The field names the assumption (or the start) already; the message names the kind.
            AssumptionForKind(_, k) => match (l, KINDS.iter().find(|(code, ..)| code == k)) {
                (Locale::Vi, Some((code, vi, ..))) => format!("không dùng được cho {vi} ({code})"),
                (Locale::En, Some((code, _, en, article))) => format!("does not apply to {article} {en} ({code})"),
                (_, None) => format!(
                    "{} {}",
                    l.pick("không dùng được cho chỉ tiêu loại", "does not apply to a target of kind"),
                    quoted(k)
                ),
            },
            OneAssumption => l.pick("chỉ được có đúng một giả định", "must hold exactly one assumption").into(),
            UnknownVersion(v) => {
                format!("{} {}", l.pick("phiên bản không được hỗ trợ:", "unsupported version:"), excerpt(v))
            }
            OtherSheet(id) => {
                format!(
                    "{} {}",
                    l.pick("kịch bản thuộc bảng chỉ tiêu khác:", "the scenario is for another sheet:"),
                    quoted(id)
                )
            }
            TooLarge => l.pick("quá lớn", "is too large").into(),
            TooMany(n) => format!(
                "{} {}",
                l.pick("có quá nhiều phần tử; tối đa", "has too many entries; at most"),
                crate::num::format_fixed(*n as f64, 0, l)
            ),
            TooLong(n) => {
                let n = crate::num::format_fixed(*n as f64, 0, l);
                l.pick(format!("dài quá {n} ký tự"), format!("is too long (longer than {n} characters)"))
            }
        };
        match (self.place.is_empty(), self.field.is_empty()) {
            (true, true) => what,
            (true, false) => format!("{}: {what}", field_name(&self.place, &self.field, l)),
            (false, true) => format!("{} · {what}", place_name(&self.place, l)),
            (false, false) => {
                format!("{} · {}: {what}", place_name(&self.place, l), field_name(&self.place, &self.field, l))
            }
        }
    }
}

/// The fields a reader can meet in a message, by JSON name: Vietnamese words, then English ones. A name
/// of the form `period.start` is the field `start` of the place `period`, `sheet.id` the sheet's own `id`
/// (see [`words`]).
const FIELDS: &[(&str, &str, &str)] = &[
    // A scenario (docs/scenario-format.md).
    ("version", "phiên bản định dạng", "format version"),
    ("sheet", "mã bảng chỉ tiêu", "sheet id"),
    ("name", "tên kịch bản", "scenario name"),
    ("notes", "ghi chú của kịch bản", "scenario notes"),
    ("as_of", "ngày số liệu", "as-of date"),
    ("inputs", "số liệu các chỉ tiêu", "figures by target"),
    ("achieved", "số đã đạt", "achieved so far"),
    ("start", "giá trị đầu kỳ", "value at the period's start"),
    ("assume", "giả định", "assumption"),
    ("assume.pace", "giả định tốc độ mỗi tháng", "assumed pace a month"),
    ("assume.change", "giả định mức thay đổi mỗi tháng", "assumed change a month"),
    ("assume.value", "giả định giá trị", "assumed value"),
    ("assume.factor", "hệ số giả định", "assumed factor"),
    ("volatility", "độ dao động", "volatility"),
    ("last_year", "cùng kỳ năm trước", "same period last year"),
    ("last_year.to_date", "cùng kỳ năm trước, đến cùng ngày", "last year to the same day"),
    ("last_year.total", "cùng kỳ năm trước, cả kỳ", "last year's whole period"),
    ("note", "ghi chú", "note"),
    // A link (docs/url-state.md); its other fields are read as a scenario's.
    ("v", "phiên bản đường dẫn", "link version"),
    ("n", "tên kịch bản", "scenario name"),
    // A sheet (docs/sheet-format.md).
    ("format", "phiên bản định dạng", "format version"),
    ("sheet.id", "mã bảng chỉ tiêu", "sheet id"),
    ("id", "mã", "id"),
    ("title", "tiêu đề", "title"),
    ("resolution", "nghị quyết", "resolution"),
    ("resolution.number", "số hiệu nghị quyết", "resolution number"),
    ("resolution.issuer", "cơ quan ban hành", "issuer"),
    ("resolution.date", "ngày ban hành", "date of issue"),
    ("period", "kỳ thực hiện", "period"),
    ("period.start", "ngày bắt đầu", "start date"),
    ("period.end", "ngày kết thúc", "end date"),
    ("units", "các đơn vị", "units"),
    ("areas", "các lĩnh vực", "areas"),
    ("targets", "các chỉ tiêu", "targets"),
    ("label", "tên hiển thị", "label"),
    ("area", "lĩnh vực", "area"),
    ("clause", "điều khoản", "clause"),
    ("wording", "nguyên văn", "wording"),
    ("translation", "bản dịch", "translation"),
    ("comparator", "phép so sánh", "comparison"),
    ("value", "giá trị", "value"),
    ("unit", "đơn vị", "unit"),
    ("kind", "loại chỉ tiêu", "kind of target"),
    ("bound", "giới hạn trên", "upper bound"),
    ("decimals", "số chữ số thập phân", "decimal places"),
    ("part_of", "thuộc chỉ tiêu", "part of"),
    ("weights", "trọng số các tháng", "monthly weights"),
    ("milestones", "các mốc", "milestones"),
    ("history", "số liệu các năm trước", "earlier years' figures"),
    ("history_source", "nguồn số liệu các năm trước", "source of earlier years' figures"),
    ("profile", "tỷ trọng theo tháng", "monthly profile"),
    ("profile_source", "nguồn tỷ trọng theo tháng", "source of the monthly profile"),
    ("method", "cách dự báo", "projection method"),
    ("frequency", "tần suất số liệu", "how often figures are published"),
    ("deadline", "hạn đánh giá chỉ tiêu", "deadline"),
    ("to_date", "số đến cùng ngày", "figure to the same day"),
    ("total", "kết quả cả kỳ", "the whole period's outcome"),
    ("better", "chiều tốt hơn", "better direction"),
    ("approximately", "khoảng (xấp xỉ)", "approximately"),
    ("tolerance", "sai số cho phép", "tolerance"),
    ("baseline", "mốc so sánh", "baseline"),
    ("baseline.value", "giá trị mốc so sánh", "baseline value"),
    ("baseline.date", "ngày của mốc so sánh", "baseline date"),
    ("change", "cách tính thay đổi", "kind of change"),
    ("value[0]", "đầu thấp của khoảng", "the range's low end"),
    ("value[1]", "đầu cao của khoảng", "the range's high end"),
    ("value_high", "đầu cao của khoảng", "the range's high end"),
    ("section", "loại dòng", "kind of row"),
    ("date", "ngày", "date"),
];

/// The kinds of target, by code: Vietnamese words, English words and the English article before them.
const KINDS: &[(&str, &str, &str, &str)] = &[
    ("flow", "chỉ tiêu cộng dồn", "cumulative target", "a"),
    ("level", "chỉ tiêu mức", "level target", "a"),
    ("average", "chỉ tiêu bình quân", "average target", "an"),
];

/// The letters of a link's input parts (docs/url-state.md) and the fields they stand for.
const LETTERS: &[(&str, &str)] = &[
    ("s", "start"),
    ("p", "assume.pace"),
    ("c", "assume.change"),
    ("v", "assume.value"),
    ("f", "assume.factor"),
    ("d", "volatility"),
    ("y", "last_year.to_date"),
    ("t", "last_year.total"),
    ("m", "method"),
];

/// The longest excerpt of a name or value from a file or link shown in a message, in characters.
pub const EXCERPT: usize = 40;

/// The longest place (a target's id, a file's path) a message shows, in characters: an id is at most
/// [`MAX_ID_CHARS`] in a sheet that reads, but a link or a file may name anything. A longer place keeps
/// its start and its end (a path's file name), "…" between them (see [`cut_middle`]).
pub const PLACE_EXCERPT: usize = 60;

/// The longest system's or parser's words a message shows, in characters.
const SYSTEM_EXCERPT: usize = 200;

/// Text from a file or a link as a message shows it: on one line, and cut to [`EXCERPT`] characters
/// (the last one "…") when longer.
pub fn excerpt(s: &str) -> String {
    cut(s, EXCERPT)
}

/// Text on one line (every control character a space), cut to `max` characters, the last one "…", when
/// longer. Only the characters kept are read, so a huge text costs no more than a short one.
pub fn cut(s: &str, max: usize) -> String {
    let one_line = |c: char| if c.is_control() { ' ' } else { c };
    let mut chars = s.chars();
    let head: String = chars.by_ref().take(max).map(one_line).collect();
    if chars.next().is_none() {
        head
    } else {
        head.chars().take(max.saturating_sub(1)).chain(['…']).collect()
    }
}

/// Like [`cut`], but a longer text keeps its start and its end, "…" between them: "budget-rev…2022.json".
pub fn cut_middle(s: &str, max: usize) -> String {
    let one_line = |c: char| if c.is_control() { ' ' } else { c };
    if s.chars().nth(max).is_none() {
        return s.chars().map(one_line).collect();
    }
    let keep = max.saturating_sub(1);
    let (head, tail) = (keep - keep / 2, keep / 2);
    let end: Vec<char> = s.chars().rev().take(tail).collect();
    s.chars().take(head).chain(['…']).chain(end.into_iter().rev()).map(one_line).collect()
}

/// Text from a file or a link, quoted: «acheived».
fn quoted(s: &str) -> String {
    format!("«{}»", excerpt(s))
}

fn lookup(key: &str) -> Option<(&'static str, &'static str)> {
    FIELDS.iter().find(|(k, ..)| *k == key).map(|&(_, vi, en)| (vi, en))
}

/// The reader's words for `field` at `place`, Vietnamese and English, or None for a name this code does
/// not read. The sheet's own fields (at no place), the period's and the resolution's have words of their
/// own where the name alone would mislead (a period's `start` is a date, an input's a value).
fn words(place: &str, field: &str) -> Option<(String, String)> {
    // A place in a spreadsheet's table ("row:2:period") is scoped as the place it stands for.
    let place = place.strip_prefix("row:").and_then(|r| r.split_once(':')).map_or(place, |(_, rest)| rest);
    let scope = match place {
        "" => "sheet",
        "period" | "resolution" => place,
        _ => "",
    };
    let scoped = |f: &str| lookup(&format!("{scope}.{f}")).or_else(|| lookup(f));
    if let Some((vi, en)) = scoped(field) {
        return Some((vi.into(), en.into()));
    }
    // A text in both languages: "label.vi".
    if let Some((base, lang)) = field.rsplit_once('.') {
        if ["title", "issuer", "label", "note", "history_source", "profile_source"].contains(&base) {
            let (vi, en) = scoped(base)?;
            return match lang {
                "vi" => Some((format!("{vi} tiếng Việt"), format!("{en} in Vietnamese"))),
                "en" => Some((format!("{vi} tiếng Anh"), format!("{en} in English"))),
                _ => None,
            };
        }
    }
    // One month's weight, "weights[2]", or share, "profile[2]".
    if let Some(j) = index(field, "profile") {
        return Some((format!("tỷ trọng tháng thứ {}", j + 1), format!("share of month {}", j + 1)));
    }
    let j = index(field, "weights")?;
    Some((format!("trọng số tháng thứ {}", j + 1), format!("weight of month {}", j + 1)))
}

/// The index in `name[3]`.
fn index(text: &str, name: &str) -> Option<usize> {
    text.strip_prefix(name)?.strip_prefix('[')?.strip_suffix(']')?.parse().ok()
}

/// A field as a message names it: the reader's words, then the JSON name in parentheses, "ngày số liệu
/// (as_of)", "as-of date (as_of)", so that whoever fixes the file finds the field. English words that are
/// the JSON name itself stand alone ("note"). A name this code does not read (an unknown key) is quoted as
/// given, cut to [`EXCERPT`] characters; a command-line option ("--scenario") is shown as typed.
pub fn field_name(place: &str, field: &str, l: Locale) -> String {
    match words(place, field) {
        Some((vi, _)) if l == Locale::Vi => format!("{vi} ({field})"),
        Some((_, en)) if en == field => en,
        Some((_, en)) => format!("{en} ({field})"),
        None if field.starts_with("--") => field.to_string(),
        None => quoted(field),
    }
}

/// A place as a message names it: a target's or an area's id as it is (cut to [`PLACE_EXCERPT`]
/// characters), and the sheet's own places in words: `kỳ thực hiện (period)`, `chỉ tiêu thứ 3
/// (targets[2])`, `x · mốc thứ 1 (milestones[0])`.
pub fn place_name(place: &str, l: Locale) -> String {
    // A row of a spreadsheet's table (`table::from_table`): "row:5:budget-revenue".
    if let Some((row, rest)) = place.strip_prefix("row:").and_then(|r| r.split_once(':')) {
        let row = format!("{} {row}", l.pick("dòng", "row"));
        return if rest.is_empty() { row } else { format!("{row} · {}", place_name(rest, l)) };
    }
    let numbered =
        |vi: &str, en: &str, i: usize, technical: &str| format!("{} {} ({technical})", l.pick(vi, en), i + 1);
    if let Some(uid) = place.strip_prefix("units.") {
        return format!("{} {}", l.pick("đơn vị", "unit"), quoted(uid));
    }
    if let Some((head, tail)) = place.rsplit_once('.') {
        if let Some(j) = index(tail, "milestones") {
            return format!("{} · {}", place_name(head, l), numbered("mốc thứ", "milestone", j, tail));
        }
        if let Some(j) = index(tail, "history") {
            return format!("{} · {}", place_name(head, l), numbered("năm trước, mục", "earlier year, entry", j, tail));
        }
    }
    if let Some(i) = index(place, "areas") {
        return numbered("lĩnh vực thứ", "area", i, place);
    }
    if let Some(i) = index(place, "targets") {
        return numbered("chỉ tiêu thứ", "target", i, place);
    }
    match place {
        "period" | "resolution" => field_name("", place, l),
        _ => cut_middle(place, PLACE_EXCERPT),
    }
}

/// The fields an allowed list names, as (place, field) for [`field_name`], when it is a list of fields
/// (the keys an object may hold) rather than of values. The keys of `assume` are named as `assume.pace`.
fn field_list(field: &str, allowed: &str) -> Option<Vec<(&'static str, String)>> {
    let prefix = if field.starts_with("assume.") { "assume." } else { "" };
    allowed
        .split(", ")
        .map(|name| {
            let full = format!("{prefix}{name}");
            lookup(&full).map(|_| ("", full))
        })
        .collect()
}

/// The values an allowed list names, each in the reader's words where it has some: a kind of target
/// ("chỉ tiêu mức (level)"), a link's letter ("giá trị đầu kỳ (s)"); symbols and ranges (">=, >", "0–6")
/// as they are.
fn allowed_values(allowed: &str, l: Locale) -> String {
    let named = |name: &str| -> Option<String> {
        if let Some((code, vi, en, _)) = KINDS.iter().find(|(code, ..)| *code == name) {
            return Some(format!("{} ({code})", l.pick(vi, en)));
        }
        let (_, field) = LETTERS.iter().find(|(letter, _)| *letter == name)?;
        let (vi, en) = words("", field)?;
        Some(format!("{} ({name})", l.pick(vi, en)))
    };
    let items: Option<Vec<String>> = allowed.split(", ").map(named).collect();
    items.map_or_else(|| allowed.to_string(), |items| items.join(", "))
}

/// Joins problems into one message per line.
pub fn messages(problems: &[Problem], locale: Locale) -> String {
    problems.iter().map(|p| p.message(locale)).collect::<Vec<_>>().join("\n")
}

/// The longest texts a sheet or a scenario may hold, in characters (Unicode scalar values, not bytes: "ệ"
/// is one), counted once control characters are taken out (see [`clean`]). A longer text is refused
/// with [`ProblemKind::TooLong`], naming the field and the limit, like any other problem of the file:
/// a title of megabytes without a space would otherwise stall the page for minutes as it wraps.
/// The bundled sheets and scenarios stay well within each.
///
/// Ids: a sheet's, an area's, a target's, a unit's, and the references to them (`area`, `unit`,
/// `part_of`, a scenario's `sheet`).
pub const MAX_ID_CHARS: usize = 100;
/// Short texts: a title, the issuer, the resolution's number, a unit's, an area's or a target's label,
/// a clause (of an area, a target or a milestone).
pub const MAX_LABEL_CHARS: usize = 300;
/// The resolution's own words and their translation (a target's or a milestone's `wording`, a target's
/// `translation`).
pub const MAX_WORDING_CHARS: usize = 2_000;
/// A scenario's name.
pub const MAX_NAME_CHARS: usize = 200;
/// A scenario's notes, and an input's note (in each language).
pub const MAX_NOTE_CHARS: usize = 5_000;

/// A character as [`clean`] keeps it: a space for tab, line feed and carriage return, `None` for any
/// other control character and U+FFFE, U+FFFF.
fn kept(c: char) -> Option<char> {
    match c {
        '\t' | '\n' | '\r' => Some(' '),
        '\u{fffe}' | '\u{ffff}' => None,
        c if c.is_control() => None,
        c => Some(c),
    }
}

/// A text from a sheet or a scenario as it is kept: tab, line feed and carriage return become a space
/// (they separate words in prose, and the page shows every text on its lines anyway); every other
/// control character (C0 U+0000–U+001F, DEL U+007F, C1 U+0080–U+009F) and the non-characters U+FFFE and
/// U+FFFF are dropped, silently. None of them is text, and each would break what the text goes into: an
/// SVG (XML allows no NUL or vertical tab, so a PNG download fails), a file name, a terminal. Cleaning a
/// clean text changes nothing.
pub fn clean(s: &str) -> String {
    s.chars().filter_map(kept).collect()
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

    /// A required text: a string that is not blank once cleaned (see [`clean`]), of at most `max`
    /// characters.
    pub fn text(&mut self, obj: &Map<String, Value>, place: &str, field: &str, max: usize) -> Option<String> {
        match obj.get(field) {
            None => {
                self.push(place, field, ProblemKind::Missing);
                None
            }
            Some(Value::String(s)) => self.text_value(s, place, field, max, true),
            Some(_) => {
                self.push(place, field, ProblemKind::WrongType("string"));
                None
            }
        }
    }

    /// An optional text: absent or null is `None` without a problem; present, it is a required one.
    pub fn opt_text(&mut self, obj: &Map<String, Value>, place: &str, field: &str, max: usize) -> Option<String> {
        match obj.get(field) {
            None | Some(Value::Null) => None,
            Some(_) => self.text(obj, place, field, max),
        }
    }

    /// A string as it is kept (see [`clean`]): `None`, with a problem, when it is longer than `max`
    /// characters, or blank and `required`. The length is counted without building the text.
    pub fn text_value(&mut self, s: &str, place: &str, field: &str, max: usize, required: bool) -> Option<String> {
        if s.chars().filter_map(kept).nth(max).is_some() {
            self.push(place, field, ProblemKind::TooLong(max));
            return None;
        }
        let text = clean(s);
        if required && text.trim().is_empty() {
            self.push(place, field, ProblemKind::Missing);
            return None;
        }
        Some(text)
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

    /// Every field a reader can meet, at a place it is met at: a scenario's (and a link's, which is read
    /// as one), a link's own, and a sheet's. `x` is a target, `economy` an area.
    const MET: &[(&str, &str)] = &[
        ("", "version"),
        ("", "sheet"),
        ("", "name"),
        ("", "notes"),
        ("", "as_of"),
        ("", "inputs"),
        ("x", "achieved"),
        ("x", "start"),
        ("x", "assume"),
        ("x", "assume.pace"),
        ("x", "assume.change"),
        ("x", "assume.value"),
        ("x", "assume.factor"),
        ("x", "volatility"),
        ("x", "last_year"),
        ("x", "last_year.to_date"),
        ("x", "last_year.total"),
        ("x", "note"),
        ("x", "note.vi"),
        ("x", "note.en"),
        ("", "v"),
        ("", "n"),
        ("", "format"),
        ("", "id"),
        ("", "title"),
        ("", "title.vi"),
        ("", "title.en"),
        ("", "resolution"),
        ("resolution", "number"),
        ("resolution", "issuer"),
        ("resolution", "issuer.vi"),
        ("resolution", "issuer.en"),
        ("resolution", "date"),
        ("", "period"),
        ("period", "start"),
        ("period", "end"),
        ("", "units"),
        ("units.kg", "label"),
        ("units.kg", "label.vi"),
        ("units.kg", "label.en"),
        ("", "areas"),
        ("areas[0]", "id"),
        ("economy", "clause"),
        ("economy", "label"),
        ("", "targets"),
        ("targets[2]", "id"),
        ("x", "id"),
        ("x", "area"),
        ("x", "clause"),
        ("x", "wording"),
        ("x", "label"),
        ("x", "label.en"),
        ("x", "translation"),
        ("x", "comparator"),
        ("x", "value"),
        ("x", "unit"),
        ("x", "kind"),
        ("x", "bound"),
        ("x", "decimals"),
        ("x", "part_of"),
        ("x", "weights"),
        ("x", "weights[11]"),
        ("x", "profile"),
        ("x", "profile[5]"),
        ("x", "profile_source"),
        ("x", "profile_source.vi"),
        ("x", "method"),
        ("x", "frequency"),
        ("x", "milestones"),
        ("x.milestones[0]", "date"),
        ("x.milestones[0]", "comparator"),
        ("x.milestones[0]", "value"),
        ("x.milestones[0]", "clause"),
        ("x.milestones[0]", "wording"),
        ("targets[2].milestones[1]", ""),
        ("period", ""),
        ("resolution", ""),
        ("areas[3]", ""),
    ];

    /// A message without what it names in parentheses, the JSON names kept for whoever fixes the file.
    fn outside_parentheses(text: &str) -> String {
        let mut depth = 0;
        text.chars()
            .filter(|&c| {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => return depth == 0,
                }
                false
            })
            .collect()
    }

    #[test]
    fn every_field_is_named_in_the_readers_words() {
        // Every JSON name a reader can meet, and each part of a dotted one.
        let mut json_names: Vec<&str> =
            MET.iter().flat_map(|(_, f)| f.split(['.', '['])).filter(|w| !w.is_empty()).collect();
        json_names.extend(["flow", "level", "average", "milestones", "targets", "areas", "units"]);
        for &(place, field) in MET {
            let problem = Problem { place: place.into(), field: field.into(), kind: ProblemKind::Missing };
            let (vi, en) = (problem.message(Locale::Vi), problem.message(Locale::En));
            assert!(field.is_empty() || !field_name(place, field, Locale::Vi).contains('«'), "a field read: {vi}");
            let words = outside_parentheses(&vi);
            let english = words
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .find(|w| w.contains('_') || json_names.contains(w) && *w != place);
            assert_eq!(english, None, "{place} · {field}: {vi}");
            assert!(!words.contains('['), "{vi}");
            assert!(vi.contains(&format!("({field})")) || field.is_empty(), "the JSON name stays: {vi}");
            let words = outside_parentheses(&en);
            assert!(!words.contains('_') && !words.contains('['), "{place} · {field}: {en}");
            let dotted = MET.iter().map(|(_, f)| *f).chain(MET.iter().map(|(p, _)| *p)).filter(|f| f.contains('.'));
            for name in dotted.filter(|name| *name != place) {
                assert!(!words.contains(name), "{place} · {field}: {en}");
            }
        }
        let p =
            |place: &str, field: &str| Problem { place: place.into(), field: field.into(), kind: ProblemKind::Missing };
        assert_eq!(p("", "as_of").message(Locale::Vi), "ngày số liệu (as_of): bị thiếu");
        assert_eq!(p("", "as_of").message(Locale::En), "as-of date (as_of): is missing");
        assert_eq!(p("x", "note").message(Locale::En), "x · note: is missing", "English words that are the name");
        assert_eq!(p("period", "start").message(Locale::Vi), "kỳ thực hiện (period) · ngày bắt đầu (start): bị thiếu");
        assert_eq!(p("x", "start").message(Locale::Vi), "x · giá trị đầu kỳ (start): bị thiếu");
        assert_eq!(
            p("targets[2].milestones[0]", "date").message(Locale::En),
            "target 3 (targets[2]) · milestone 1 (milestones[0]) · date: is missing"
        );
        assert_eq!(p("", "--scenario").message(Locale::Vi), "--scenario: bị thiếu", "a command-line option as typed");
    }

    #[test]
    fn kinds_and_the_allowed_fields_and_letters_are_named_in_the_readers_words() {
        let p = |field: &str, kind| Problem { place: "x".into(), field: field.into(), kind }.message(Locale::Vi);
        assert_eq!(
            p("assume.pace", ProblemKind::AssumptionForKind("pace", "level")),
            "x · giả định tốc độ mỗi tháng (assume.pace): không dùng được cho chỉ tiêu mức (level)"
        );
        let en = Problem {
            place: "x".into(),
            field: "start".into(),
            kind: ProblemKind::AssumptionForKind("start", "average"),
        };
        assert_eq!(
            en.message(Locale::En),
            "x · value at the period's start (start): does not apply to an average target (average)"
        );
        assert_eq!(
            p("kind", ProblemKind::NotOneOf("stock".into(), "flow, level, average")),
            "x · loại chỉ tiêu (kind): «stock» không hợp lệ; dùng chỉ tiêu cộng dồn (flow), chỉ tiêu mức (level), \
             chỉ tiêu bình quân (average)"
        );
        assert_eq!(
            p("", ProblemKind::NotOneOf("q".into(), "s, p, c, v, f, d, y, t, m")),
            "x · «q» không hợp lệ; dùng giá trị đầu kỳ (s), giả định tốc độ mỗi tháng (p), giả định mức thay đổi \
             mỗi tháng (c), giả định giá trị (v), hệ số giả định (f), độ dao động (d), cùng kỳ năm trước, đến \
             cùng ngày (y), cùng kỳ năm trước, cả kỳ (t), cách dự báo (m)"
        );
        assert_eq!(
            p("assume.rate", ProblemKind::NotOneOf("rate".into(), "pace, change, value, factor")),
            "x · «assume.rate»: không phải trường đã biết; các trường là: giả định tốc độ mỗi tháng (assume.pace), \
             giả định mức thay đổi mỗi tháng (assume.change), giả định giá trị (assume.value), hệ số giả định \
             (assume.factor)"
        );
        // Symbols and ranges are what the file must hold, as they are.
        assert!(p("comparator", ProblemKind::NotOneOf("=>".into(), ">=, >")).ends_with("«=>» không hợp lệ; dùng >=, >"));
    }

    #[test]
    fn an_unknown_key_is_quoted_as_given_and_cut_short() {
        let sheet = crate::sheet::Sheet::kontum().unwrap();
        let key = format!("acheived{}", "x".repeat(100));
        let text = format!(
            r#"{{"version": 1, "sheet": "kontum-15-nq-tu-2022", "as_of": "2022-09-30",
                "inputs": {{"jobs": {{"achieved": 1, "{key}": 2}}}}}}"#
        );
        let problems = crate::scenario::Scenario::parse(&text, &sheet).unwrap_err();
        let cut = format!("«acheived{}…»", "x".repeat(EXCERPT - 9));
        assert_eq!(
            problems[0].message(Locale::En),
            format!(
                "jobs · {cut}: is not a known field; the fields are: achieved so far (achieved), value at the \
                 period's start (start), assumption (assume), volatility, same period last year (last_year), projection method (method), note"
            )
        );
        assert_eq!(cut.chars().count(), EXCERPT + 2);
        let vi = problems[0].message(Locale::Vi);
        assert!(vi.starts_with(&format!("jobs · {cut}: không phải trường đã biết")), "{vi}");
        assert_eq!(excerpt("a\nb"), "a b", "one line");
        assert_eq!(excerpt(&"é".repeat(EXCERPT)), "é".repeat(EXCERPT), "at most 40 characters, not bytes");
    }

    #[test]
    fn a_place_keeps_its_start_and_its_end_and_a_text_its_start() {
        assert_eq!(cut_middle("short", 10), "short");
        assert_eq!(cut_middle("abcdefghij", 10), "abcdefghij");
        assert_eq!(cut_middle("abcdefghijk", 10), "abcde…hijk");
        assert_eq!(cut_middle("ab\u{1b}defghijklmn", 10), "ab de…klmn", "on one line");
        assert_eq!(cut("abcdefghijk", 10), "abcdefghi…");
        let huge = "ệ".repeat(100_000);
        assert_eq!(place_name(&huge, Locale::En).chars().count(), PLACE_EXCERPT);
        let p = Problem { place: huge.clone(), field: huge.clone(), kind: ProblemKind::UnknownReference(huge) };
        assert!(p.message(Locale::Vi).chars().count() < 200, "{}", p.message(Locale::Vi));
    }

    #[test]
    fn control_characters_go_and_tab_and_line_ends_are_spaces() {
        assert_eq!(clean("a\tb\nc\r\nd"), "a b c  d");
        assert_eq!(clean("\u{0}a\u{b}b\u{1b}[0m\u{7f}\u{85}\u{9f}\u{fffe}\u{ffff}c"), "ab[0mc");
        assert_eq!(clean("Kon Tum – “ệ” \u{a0}\u{200b}\u{feff}"), "Kon Tum – “ệ” \u{a0}\u{200b}\u{feff}", "text stays");
        let mut r = Reader::default();
        assert_eq!(
            r.text_value(&"ệ".repeat(3), "x", "label.vi", 3, true),
            Some("ệ".repeat(3)),
            "characters, not bytes"
        );
        assert_eq!(r.text_value("ab\u{0}\u{0}", "x", "label.vi", 2, true), Some("ab".into()), "counted once clean");
        assert_eq!(r.text_value("abc", "x", "label.vi", 2, true), None);
        assert_eq!(r.text_value("\u{0} \u{b}", "x", "label.en", 2, true), None);
        assert_eq!(r.text_value("\u{0}", "", "name", 2, false), Some(String::new()), "an optional text may be empty");
        let kinds: Vec<_> = r.problems.iter().map(|p| (p.field.as_str(), &p.kind)).collect();
        assert_eq!(kinds, [("label.vi", &ProblemKind::TooLong(2)), ("label.en", &ProblemKind::Missing)]);
        let long =
            Problem { place: "x".into(), field: "label.vi".into(), kind: ProblemKind::TooLong(MAX_WORDING_CHARS) };
        assert_eq!(long.message(Locale::Vi), "x · tên hiển thị tiếng Việt (label.vi): dài quá 2.000 ký tự");
        assert_eq!(
            long.message(Locale::En),
            "x · label in Vietnamese (label.vi): is too long (longer than 2,000 characters)"
        );
    }
}

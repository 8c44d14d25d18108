//! Numbers for people: formatting and parsing per locale.
//!
//! Vietnamese writes a thousands dot and a decimal comma ("1.700", "92,75"); English the reverse
//! ("1,700", "92.75"). Formatting rounds the shortest decimal form of a value half away from zero,
//! so 1.005 shown with two decimals is "1,01", as a person reading "1.005" would expect. Parsing
//! accepts what a person types in the current locale and rejects anything ambiguous.

use crate::i18n::Locale;

/// The decimal separator and the thousands separator of a locale.
fn separators(locale: Locale) -> (char, char) {
    match locale {
        Locale::Vi => (',', '.'),
        Locale::En => ('.', ','),
    }
}

/// A finite value's shortest round-trip decimal digits and where the decimal point falls:
/// value = 0.d1 d2 d3 ... x 10^point. Core's `{:e}` gives the shortest digits that read back to the same
/// double ("1.005e0"). (Ryū, even with its small tables, added 1.8 KiB: core's formatter is linked anyway.)
fn shortest_digits(x: f64) -> (Vec<u8>, i32) {
    let text = format!("{:e}", x.abs());
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).map(|c| c - b'0').collect();
    let mut point = exponent + 1;
    while digits.first() == Some(&0) && digits.len() > 1 {
        digits.remove(0);
        point -= 1;
    }
    while digits.last() == Some(&0) {
        digits.pop();
    }
    if digits.is_empty() {
        point = 0;
    }
    (digits, point)
}

/// Formats `x` with exactly `decimals` digits after the decimal separator, grouping thousands.
/// Non-finite values print as an em dash. A negative value that rounds to zero prints as "0".
pub fn format_fixed(x: f64, decimals: u8, locale: Locale) -> String {
    format_digits(x, decimals, false, locale)
}

/// Formats `x` with at most `max_decimals` decimals, dropping trailing zeros ("10,3", "1.700").
pub fn format_trimmed(x: f64, max_decimals: u8, locale: Locale) -> String {
    format_digits(x, max_decimals, true, locale)
}

fn format_digits(x: f64, decimals: u8, trim: bool, locale: Locale) -> String {
    if !x.is_finite() {
        return "—".to_string();
    }
    let (digits, point) = shortest_digits(x);
    let decimals = i32::from(decimals);
    let digit_at = |place: i32| -> u8 {
        // `place` counts positions: 0 is the units digit, -1 the tenths, 1 the tens.
        let index = point - 1 - place;
        if index >= 0 && (index as usize) < digits.len() {
            digits[index as usize]
        } else {
            0
        }
    };
    let top = (point - 1).max(0);
    let mut out: Vec<u8> = (-decimals..=top).rev().map(digit_at).collect();
    if digit_at(-decimals - 1) >= 5 {
        let mut i = out.len();
        loop {
            if i == 0 {
                out.insert(0, 1);
                break;
            }
            i -= 1;
            if out[i] == 9 {
                out[i] = 0;
            } else {
                out[i] += 1;
                break;
            }
        }
    }
    let (int_part, frac_part) = out.split_at(out.len() - decimals as usize);
    let first_nonzero = int_part.iter().position(|&d| d != 0).unwrap_or(int_part.len() - 1);
    let int_part = &int_part[first_nonzero..];
    let mut frac_len = frac_part.len();
    if trim {
        while frac_len > 0 && frac_part[frac_len - 1] == 0 {
            frac_len -= 1;
        }
    }
    let frac_part = &frac_part[..frac_len];
    let (decimal_sep, group_sep) = separators(locale);
    let mut s = String::with_capacity(int_part.len() * 4 / 3 + frac_len + 2);
    let is_zero = int_part.iter().chain(frac_part).all(|&d| d == 0);
    if x < 0.0 && !is_zero {
        s.push('-');
    }
    for (i, d) in int_part.iter().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            s.push(group_sep);
        }
        s.push(char::from(b'0' + d));
    }
    if !frac_part.is_empty() {
        s.push(decimal_sep);
        s.extend(frac_part.iter().map(|d| char::from(b'0' + d)));
    }
    s
}

/// The largest magnitude a number may have, typed or in a file (inclusive). No plan figure comes near it;
/// up to it every number prints in fewer characters than the parser reads, and rounding for display
/// never carries past it, so what is shown reads back.
pub const MAX_MAGNITUDE: f64 = 1e15;

/// Why a typed number was not accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumError {
    Empty,
    TooLong,
    /// A character that has no place in a number, such as a letter.
    Unexpected(char),
    /// More than one decimal separator.
    TwoDecimalSeparators,
    /// Thousands separators not in groups of three, e.g. "1.70" in Vietnamese.
    BadGrouping,
    /// A sign but no digits, or separators without digits.
    NoDigits,
    TooLarge,
    /// Text after the number that is none of the field's units (its first 20 characters or so).
    UnknownUnit(String),
}

impl NumError {
    /// A sentence for the reader, in their language, naming what to type instead.
    pub fn message(&self, locale: Locale) -> String {
        use crate::i18n::Locale::{En, Vi};
        match (self, locale) {
            (NumError::Empty, Vi) => "Hãy nhập một số.".into(),
            (NumError::Empty, En) => "Enter a number.".into(),
            (NumError::TooLong, Vi) => "Số quá dài.".into(),
            (NumError::TooLong, En) => "That number is too long.".into(),
            (NumError::Unexpected(c), Vi) => format!("Ký tự «{c}» không thuộc về một số."),
            (NumError::Unexpected(c), En) => format!("“{c}” is not part of a number."),
            (NumError::TwoDecimalSeparators, Vi) => "Chỉ dùng một dấu phẩy thập phân, ví dụ 92,75.".into(),
            (NumError::TwoDecimalSeparators, En) => "Use one decimal point only, e.g. 92.75.".into(),
            (NumError::BadGrouping, Vi) => {
                "Dấu chấm ngăn cách hàng nghìn (1.700); phần thập phân dùng dấu phẩy (92,75).".into()
            }
            (NumError::BadGrouping, En) => {
                "Commas separate thousands (1,700); use a point for decimals (92.75).".into()
            }
            (NumError::NoDigits, Vi) => "Thiếu chữ số.".into(),
            (NumError::NoDigits, En) => "There are no digits.".into(),
            (NumError::TooLarge, Vi) => "Số quá lớn.".into(),
            (NumError::TooLarge, En) => "That number is too large.".into(),
            (NumError::UnknownUnit(u), Vi) => {
                format!("“{u}” không phải đơn vị của ô này; hãy nhập một số, ví dụ 1.234,5.")
            }
            (NumError::UnknownUnit(u), En) => {
                format!("“{u}” is not a unit of this field; type a number, such as 1,234.5.")
            }
        }
    }
}

/// Why a number typed into a field was not taken: it did not parse, or it lies outside the field's range.
#[derive(Clone, Debug, PartialEq)]
pub enum InputError {
    Parse(NumError),
    Below(f64),
    Above(f64),
}

impl InputError {
    pub fn message(&self, locale: Locale) -> String {
        match self {
            InputError::Parse(e) => e.message(locale),
            InputError::Below(min) => {
                let m = format_trimmed(*min, 6, locale);
                locale.pick(format!("Số phải từ {m} trở lên."), format!("The number must be at least {m}."))
            }
            InputError::Above(max) => {
                let m = format_trimmed(*max, 6, locale);
                locale.pick(format!("Số không được vượt quá {m}."), format!("The number must not exceed {m}."))
            }
        }
    }
}

/// Parses a field's text and checks it against the field's range. Empty text is `Ok(None)`.
pub fn parse_field(
    text: &str,
    locale: Locale,
    units: &[&str],
    min: Option<f64>,
    max: Option<f64>,
) -> Result<Option<f64>, InputError> {
    match parse_number(text, locale, units) {
        Err(NumError::Empty) => Ok(None),
        Err(e) => Err(InputError::Parse(e)),
        Ok(x) if min.is_some_and(|m| x < m) => Err(InputError::Below(min.unwrap_or(0.0))),
        Ok(x) if max.is_some_and(|m| x > m) => Err(InputError::Above(max.unwrap_or(0.0))),
        Ok(x) => Ok(Some(x)),
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}' || c == '\u{2009}'
}

/// Spellings of a unit's words that mean the same, compared folded (see `unit_words`): a word, or two
/// words written together ("phần trăm" as "phantram"), and the one form they stand for.
const SAME: [(&str, &str); 12] = [
    ("ti", "ty"),
    ("bn", "billion"),
    ("d", "vnd"),
    ("dong", "vnd"),
    ("₫", "vnd"),
    ("percent", "%"),
    ("phantram", "%"),
    ("hecta", "ha"),
    ("hectare", "ha"),
    ("doanhnghiep", "dn"),
    ("nguoi", "people"),
    ("person", "people"),
];

/// The currency, which may be left out of a unit that has a scale: "tỷ" for "tỷ đồng", "bn" for "billion VND".
const CURRENCY: &str = "vnd";

/// A letter without its Vietnamese marks ("ỷ" is "y", "đ" is "d"); other characters as they are.
fn fold(c: char) -> char {
    match c {
        '\u{1ea0}'..='\u{1eb7}' | 'à' | 'á' | 'â' | 'ã' | 'ă' => 'a',
        '\u{1eb8}'..='\u{1ec7}' | 'è' | 'é' | 'ê' => 'e',
        '\u{1ec8}'..='\u{1ecb}' | 'ì' | 'í' | 'ĩ' => 'i',
        '\u{1ecc}'..='\u{1ee3}' | 'ò' | 'ó' | 'ô' | 'õ' | 'ơ' => 'o',
        '\u{1ee4}'..='\u{1ef1}' | 'ù' | 'ú' | 'ũ' | 'ư' => 'u',
        '\u{1ef2}'..='\u{1ef9}' | 'ý' => 'y',
        'đ' => 'd',
        c => c,
    }
}

/// A unit's words as compared, sorted: lower case, without Vietnamese marks (precomposed or combining), an
/// English plural's "s" dropped, and equivalent spellings (`SAME`) made one. Spaces, dots and hyphens
/// divide words; any other sign is a word of its own.
/// A letter or digit of the scripts units are written in here (Latin with Vietnamese marks): narrower
/// than `char::is_alphanumeric`, whose Unicode tables cost kilobytes of WASM.
fn is_letter(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}') && c != '×' && c != '÷'
}

fn unit_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if is_letter(c) {
            word.push(fold(c));
        } else if !('\u{300}'..='\u{36f}').contains(&c) {
            words.extend((!word.is_empty()).then(|| std::mem::take(&mut word)));
            if !(is_space(c) || c == '.' || c == '-') {
                words.push(c.to_string());
            }
        }
    }
    words.extend((!word.is_empty()).then_some(word));
    for w in &mut words {
        if w.len() > 3 && w.ends_with('s') && w.is_ascii() {
            w.pop();
        }
    }
    let same = |w: &str| SAME.iter().find(|s| s.0 == w).map(|s| s.1.to_string());
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let pair = words.get(i + 1).and_then(|next| same(&format!("{}{next}", words[i])));
        i += if pair.is_some() { 2 } else { 1 };
        out.push(pair.or_else(|| same(&words[i - 1])).unwrap_or_else(|| words[i - 1].clone()));
    }
    out.sort_unstable();
    out
}

/// Whether the typed unit's words are the label's, or the label's without its currency.
fn same_unit(typed: &[String], label: &[String]) -> bool {
    typed == label || (label.len() > typed.len() && label.iter().filter(|w| *w != CURRENCY).eq(typed.iter()))
}

/// The whole number `text` would be in the other language's notation, when it reads in `locale` as a
/// decimal that looks like a thousands group there: "1.800" in English is 1.8, and 1800 in Vietnamese;
/// "12,500" in Vietnamese is 12.5, and 12500 in English. A unit after the number is ignored. None for
/// anything else ("1.8", "1.8000", "1,800" in English), so that a reader is told only where a number
/// may have been typed in the other notation.
pub fn other_notation(text: &str, locale: Locale) -> Option<u64> {
    let (decimal_sep, _) = separators(locale);
    let body = text.trim_matches(is_space);
    let end = body.find(|c: char| !(c.is_ascii_digit() || c == decimal_sep)).unwrap_or(body.len());
    let (int, frac) = body[..end].split_once(decimal_sep)?;
    let digits =
        |s: &str, n: std::ops::RangeInclusive<usize>| n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    (digits(int, 1..=3) && digits(frac, 3..=3) && !int.starts_with('0')).then(|| format!("{int}{frac}").parse().ok())?
}

/// Parses a number as a person types it in `locale`: surrounding spaces, a leading "+" or "-", spaces or
/// the locale's thousands separator between groups of three digits, one decimal separator (a trailing
/// one, as while typing "12,", is allowed), and a trailing unit from `units`, the field's unit labels in
/// both languages. A unit is read as people write it: in any case and spacing, with or without
/// Vietnamese marks, in either language whatever the notation of the number, "tỉ" as "tỷ", "đ", "VND" or
/// "dong" as "đồng", "bn" as "billion", a plural or singular English word, its words in any order, and the
/// currency left out ("1.234 tỷ", "1,234.5 bn"), or what a rate is per ("4.350 USD" for "USD/người").
/// Text after the number that is no unit of the field is `UnknownUnit`. Anything else is an error;
/// nothing is guessed.
pub fn parse_number(text: &str, locale: Locale, units: &[&str]) -> Result<f64, NumError> {
    if text.chars().count() > 64 {
        return Err(NumError::TooLong);
    }
    let mut body = text.trim_matches(is_space);
    if body.is_empty() {
        return Err(NumError::Empty);
    }
    // The unit starts at the first character that has no place in a number, after at least one digit.
    let number_char = |c: char| c.is_ascii_digit() || is_space(c) || matches!(c, ',' | '.' | '+' | '-' | '\u{2212}');
    if let Some(at) = body.find(|c| !number_char(c)).filter(|&at| body[..at].bytes().any(|b| b.is_ascii_digit())) {
        let unit = &body[at..];
        let typed = unit_words(unit);
        // A rate's unit may be typed without what it is per: "4.350 USD" for "USD/người".
        let numerator = |u: &str| u.split_once('/').or_else(|| u.split_once(" per ")).map(|(n, _)| unit_words(n));
        if units.iter().any(|u| {
            same_unit(&typed, &unit_words(u)) || numerator(u).is_some_and(|n| !n.is_empty() && same_unit(&typed, &n))
        }) {
            body = body[..at].trim_end_matches(is_space);
        } else if !unit.bytes().any(|b| b.is_ascii_digit()) && unit.chars().any(|c| is_letter(c) || c == '%') {
            // Text with a digit in it ("1e5") is read as a number, to name the character out of place.
            let mut excerpt: String = unit.chars().take(20).collect();
            if excerpt.len() < unit.len() {
                excerpt.push('…');
            }
            return Err(NumError::UnknownUnit(excerpt));
        }
    }
    let mut negative = false;
    if let Some(rest) = body.strip_prefix(['+', '-', '\u{2212}']) {
        negative = !body.starts_with('+');
        body = rest.trim_start_matches(is_space);
    }
    let (decimal_sep, group_sep) = separators(locale);
    let (int_text, frac_text) = match body.split_once(decimal_sep) {
        Some((i, f)) => {
            if f.contains(decimal_sep) {
                return Err(NumError::TwoDecimalSeparators);
            }
            (i, Some(f))
        }
        None => (body, None),
    };
    // The integer part: digit groups divided by the thousands separator or spaces. With more than one
    // group, the first holds one to three digits and every later group exactly three.
    let groups: Vec<&str> = int_text.split(|c| c == group_sep || is_space(c)).collect();
    if let Some(c) = groups.iter().flat_map(|g| g.chars()).find(|c| !c.is_ascii_digit()) {
        return Err(NumError::Unexpected(c));
    }
    if groups.len() > 1 && (!(1..=3).contains(&groups[0].len()) || groups[1..].iter().any(|g| g.len() != 3)) {
        return Err(NumError::BadGrouping);
    }
    let int_digits: String = groups.concat();
    let frac_digits = frac_text.unwrap_or("");
    if let Some(c) = frac_digits.chars().find(|c| !c.is_ascii_digit()) {
        return Err(if c == group_sep || is_space(c) { NumError::BadGrouping } else { NumError::Unexpected(c) });
    }
    if int_digits.is_empty() && frac_digits.is_empty() {
        return Err(NumError::NoDigits);
    }
    let mut normal = String::with_capacity(int_digits.len() + frac_digits.len() + 3);
    if negative {
        normal.push('-');
    }
    normal.push_str(if int_digits.is_empty() { "0" } else { &int_digits });
    if !frac_digits.is_empty() {
        normal.push('.');
        normal.push_str(frac_digits);
    }
    match normal.parse::<f64>() {
        Ok(v) if v.is_finite() && v.abs() <= MAX_MAGNITUDE => Ok(if v == 0.0 { 0.0 } else { v }),
        _ => Err(NumError::TooLarge),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale::{En, Vi};

    #[test]
    fn a_decimal_that_looks_like_a_thousands_group_is_flagged() {
        let cases = [
            ("1.800", En, Some(1800)),
            ("12.500 bn", En, Some(12500)),
            ("1,800", Vi, Some(1800)),
            ("250,000", Vi, Some(250_000)),
            ("1.8", En, None),
            ("1.8000", En, None),
            ("1,800", En, None),
            ("1.800", Vi, None),
            ("0.500", En, None),
            ("1234.500", En, None),
            ("", En, None),
        ];
        for (text, locale, expected) in cases {
            assert_eq!(other_notation(text, locale), expected, "{text} {locale:?}");
        }
    }

    #[test]
    fn formatting_table() {
        // (value, decimals, trimmed, Vietnamese, English)
        let cases: &[(f64, u8, bool, &str, &str)] = &[
            (1700.0, 0, false, "1.700", "1,700"),
            (92.75, 2, false, "92,75", "92.75"),
            (1700.5, 1, false, "1.700,5", "1,700.5"),
            (12650.0, 2, true, "12.650", "12,650"),
            (10.3, 2, true, "10,3", "10.3"),
            (0.0, 1, false, "0,0", "0.0"),
            (999.5, 0, false, "1.000", "1,000"),
            (999_999.96, 1, false, "1.000.000,0", "1,000,000.0"),
            (1.005, 2, false, "1,01", "1.01"),
            (2.675, 2, false, "2,68", "2.68"),
            (1.004, 2, false, "1,00", "1.00"),
            (-1234.567, 1, false, "-1.234,6", "-1,234.6"),
            (-0.04, 1, false, "0,0", "0.0"),
            (-0.05, 1, false, "-0,1", "-0.1"),
            (0.000123, 5, false, "0,00012", "0.00012"),
            (123.0, 0, false, "123", "123"),
            (1234.0, 0, false, "1.234", "1,234"),
            (1e21, 0, false, "1.000.000.000.000.000.000.000", "1,000,000,000,000,000,000,000"),
            (1e-7, 2, true, "0", "0"),
            (0.5, 0, false, "1", "1"),
            (-0.5, 0, false, "-1", "-1"),
            (f64::NAN, 2, false, "—", "—"),
            (f64::INFINITY, 0, false, "—", "—"),
        ];
        for &(x, d, trim, vi, en) in cases {
            let f = if trim { format_trimmed } else { format_fixed };
            assert_eq!(f(x, d, Vi), vi, "vi {x} {d}");
            assert_eq!(f(x, d, En), en, "en {x} {d}");
        }
    }

    #[test]
    fn parsing_table() {
        let units = ["%", "tỷ đồng", "billion VND", "ha"];
        let ok: &[(&str, f64, f64)] = &[
            // (input, as Vietnamese, as English)
            ("1700", 1700.0, 1700.0),
            ("92", 92.0, 92.0),
            ("  42  ", 42.0, 42.0),
            ("+5", 5.0, 5.0),
            ("-12", -12.0, -12.0),
            ("\u{2212}3", -3.0, -3.0),
            ("1 700", 1700.0, 1700.0),
            ("1\u{a0}700", 1700.0, 1700.0),
            ("12 650 000", 12_650_000.0, 12_650_000.0),
            ("0", 0.0, 0.0),
            ("-0", 0.0, 0.0),
        ];
        for &(text, vi, en) in ok {
            assert_eq!(parse_number(text, Vi, &units), Ok(vi), "vi {text:?}");
            assert_eq!(parse_number(text, En, &units), Ok(en), "en {text:?}");
        }
        let vi_ok: &[(&str, f64)] = &[
            ("1.700", 1700.0),
            ("92,75", 92.75),
            ("1.700,5", 1700.5),
            ("12.650.000", 12_650_000.0),
            ("92,75%", 92.75),
            ("92,75 %", 92.75),
            ("1.700 tỷ đồng", 1700.0),
            ("1.700 TỶ ĐỒNG", 1700.0),
            ("12,", 12.0),
            (",5", 0.5),
            ("2.250 ha", 2250.0),
        ];
        for &(text, v) in vi_ok {
            assert_eq!(parse_number(text, Vi, &units), Ok(v), "vi {text:?}");
        }
        let en_ok: &[(&str, f64)] = &[
            ("1,700", 1700.0),
            ("92.75", 92.75),
            ("1,700.5", 1700.5),
            ("1,700 billion VND", 1700.0),
            ("92.75%", 92.75),
            (".5", 0.5),
        ];
        for &(text, v) in en_ok {
            assert_eq!(parse_number(text, En, &units), Ok(v), "en {text:?}");
        }
        let vi_bad: &[(&str, NumError)] = &[
            ("", NumError::Empty),
            ("   ", NumError::Empty),
            ("1.70", NumError::BadGrouping),
            ("1.5", NumError::BadGrouping),
            ("1.7000", NumError::BadGrouping),
            ("1700.000.0", NumError::BadGrouping),
            (".700", NumError::BadGrouping),
            ("1,2,3", NumError::TwoDecimalSeparators),
            ("12abc", NumError::UnknownUnit("abc".into())),
            ("1e5", NumError::Unexpected('e')),
            ("NaN", NumError::Unexpected('N')),
            ("-", NumError::NoDigits),
            (",", NumError::NoDigits),
            ("1,5.3", NumError::BadGrouping),
            ("--5", NumError::Unexpected('-')),
            ("%", NumError::Unexpected('%')),
        ];
        for (text, err) in vi_bad {
            assert_eq!(parse_number(text, Vi, &units).as_ref(), Err(err), "vi {text:?}");
        }
        let en_bad: &[(&str, NumError)] = &[
            ("92,75", NumError::BadGrouping),
            ("1.2.3", NumError::TwoDecimalSeparators),
            ("Infinity", NumError::Unexpected('I')),
        ];
        for (text, err) in en_bad {
            assert_eq!(parse_number(text, En, &units).as_ref(), Err(err), "en {text:?}");
        }
        assert_eq!(parse_number(&"9".repeat(65), En, &[]), Err(NumError::TooLong));
        assert_eq!(parse_number(&"9".repeat(15), En, &[]), Ok(999_999_999_999_999.0));
        assert_eq!(parse_number(&"9".repeat(16), En, &[]), Err(NumError::TooLarge));
        // Found by the fuzzer: just under the limit, but shown without decimals it rounds up to it.
        let x = parse_number("999999999999999.4999999", En, &[]).unwrap();
        assert_eq!(parse_number(&format_fixed(x, 0, En), En, &[]), Ok(1e15));
        assert_eq!(parse_number("1.000.000.000.000.001", Vi, &[]), Err(NumError::TooLarge));
        // Found by the fuzzer: a 47-digit number used to parse, then print too long to read back.
        assert_eq!(parse_number("97259599999999922221122119999999922221122112234", Vi, &[]), Err(NumError::TooLarge));
    }

    #[test]
    fn fields_check_their_range() {
        assert_eq!(parse_field("", Vi, &[], Some(0.0), None), Ok(None));
        assert_eq!(parse_field("1.000", Vi, &[], Some(0.0), None), Ok(Some(1000.0)));
        assert_eq!(parse_field("-5", Vi, &[], Some(0.0), None), Err(InputError::Below(0.0)));
        assert_eq!(parse_field("101", En, &["%"], Some(0.0), Some(100.0)), Err(InputError::Above(100.0)));
        assert_eq!(parse_field("1.5", Vi, &[], None, None), Err(InputError::Parse(NumError::BadGrouping)));
        assert_eq!(InputError::Above(100.0).message(Vi), "Số không được vượt quá 100.");
        assert_eq!(InputError::Below(0.0).message(En), "The number must be at least 0.");
    }

    #[test]
    fn units_as_readers_type_them() {
        use NumError::{BadGrouping, Unexpected, UnknownUnit};
        let bn: &[&str] = &["tỷ đồng", "billion VND"];
        let pct: &[&str] = &["%", "%"];
        let firms: &[&str] = &["doanh nghiệp", "enterprises"];
        let ha: &[&str] = &["ha", "ha"];
        let communes: &[&str] = &["xã", "communes"];
        let members: &[&str] = &["đảng viên", "Party members"];
        let unknown = |u: &str| Err(UnknownUnit(u.into()));
        // (input, locale, units, expected)
        type Case<'a> = (&'a str, Locale, &'a [&'a str], Result<f64, NumError>);
        let cases: &[Case] = &[
            ("1.234 tỷ", Vi, bn, Ok(1234.0)),
            ("1.234 tỉ đồng", Vi, bn, Ok(1234.0)),
            ("1.234 tỷ VND", Vi, bn, Ok(1234.0)),
            ("1.234,5 tỉ", Vi, bn, Ok(1234.5)),
            ("1.234 tỉ đ", Vi, bn, Ok(1234.0)),
            ("1.234 Tỷ vnđ", Vi, bn, Ok(1234.0)),
            ("1.234  TỈ   ĐỒNG", Vi, bn, Ok(1234.0)),
            ("1.234tỷ", Vi, bn, Ok(1234.0)),
            ("1.234 ty dong", Vi, bn, Ok(1234.0)),
            ("1.234 t\u{79}\u{309} \u{111}\u{6f}\u{302}\u{300}ng", Vi, bn, Ok(1234.0)),
            ("1.234 billion", Vi, bn, Ok(1234.0)),
            ("1,234.5 billion", En, bn, Ok(1234.5)),
            ("1,234.5 bn", En, bn, Ok(1234.5)),
            // What a rate is per may be left out (found by exploratory testing: "4,350 USD" was refused).
            ("4,350 USD", En, &["USD/người", "USD per person"], Ok(4350.0)),
            ("4.350 usd/người", Vi, &["USD/người", "USD per person"], Ok(4350.0)),
            ("12 bác sĩ", Vi, &["bác sĩ/vạn dân", "doctors per 10,000 people"], Ok(12.0)),
            ("12 doctors", En, &["bác sĩ/vạn dân", "doctors per 10,000 people"], Ok(12.0)),
            ("12 người", Vi, &["bác sĩ/vạn dân", "doctors per 10,000 people"], unknown("người")),
            ("1,234.5bn", En, bn, Ok(1234.5)),
            ("1,234.5 Billion dong", En, bn, Ok(1234.5)),
            ("1,234.5 VND bn", En, bn, Ok(1234.5)),
            ("1,234.5 billion VND", En, bn, Ok(1234.5)),
            ("1,234.5 tỷ", En, bn, Ok(1234.5)),
            ("1.234 billion", En, bn, Ok(1.234)),
            ("-1,234 bn", En, bn, Ok(-1234.0)),
            ("92,75 phần trăm", Vi, pct, Ok(92.75)),
            ("92.75 percent", En, pct, Ok(92.75)),
            ("92.75 per cent", En, pct, Ok(92.75)),
            ("92.75%", En, pct, Ok(92.75)),
            ("120 DN", Vi, firms, Ok(120.0)),
            ("120 doanh nghiep", Vi, firms, Ok(120.0)),
            ("1 enterprise", En, firms, Ok(1.0)),
            ("1,200 Enterprises", En, firms, Ok(1200.0)),
            ("2.250 héc-ta", Vi, ha, Ok(2250.0)),
            ("2,250 hectares", En, ha, Ok(2250.0)),
            ("5 xã", Vi, communes, Ok(5.0)),
            ("1 commune", En, communes, Ok(1.0)),
            ("1.000 Đảng viên", Vi, members, Ok(1000.0)),
            ("1 party member", En, members, Ok(1.0)),
            // Trailing text that is no unit of the field is named as such, not as a misplaced character.
            ("1.234,5 kg", Vi, bn, unknown("kg")),
            ("1,234.5 kg", En, bn, unknown("kg")),
            ("1.234,5 tỉ", Vi, &[], unknown("tỉ")),
            ("1,234.5 billion", En, pct, unknown("billion")),
            ("1.234 đồng", Vi, bn, unknown("đồng")),
            ("1.234 triệu đồng", Vi, bn, unknown("triệu đồng")),
            ("1,234 million", En, bn, unknown("million")),
            ("5 %", En, bn, unknown("%")),
            ("12 abcdefghijklmnopqrstuvwxyz", En, bn, unknown("abcdefghijklmnopqrst…")),
            // The number is still read strictly; text with a digit in it, or no number, is as before.
            ("1.70 tỷ", Vi, bn, Err(BadGrouping)),
            ("1,234.5 tỷ", Vi, bn, Err(BadGrouping)),
            ("1e5 tỷ", Vi, bn, Err(Unexpected('e'))),
            ("1e5", En, bn, Err(Unexpected('e'))),
            ("tỷ", Vi, bn, Err(Unexpected('t'))),
            ("%", Vi, pct, Err(Unexpected('%'))),
            ("12 $", En, bn, Err(Unexpected('$'))),
        ];
        for (text, locale, units, expected) in cases {
            assert_eq!(&parse_number(text, *locale, units), expected, "{text:?} {locale:?} {units:?}");
        }
        assert_eq!(parse_field("1.234 tỉ", Vi, bn, Some(0.0), None), Ok(Some(1234.0)));
        let e = NumError::UnknownUnit("kg".into());
        assert_eq!(e.message(Vi), "“kg” không phải đơn vị của ô này; hãy nhập một số, ví dụ 1.234,5.");
        assert_eq!(e.message(En), "“kg” is not a unit of this field; type a number, such as 1,234.5.");
    }

    #[test]
    fn every_error_has_a_message_in_both_languages() {
        let errors = [
            NumError::Empty,
            NumError::TooLong,
            NumError::Unexpected('x'),
            NumError::TwoDecimalSeparators,
            NumError::BadGrouping,
            NumError::NoDigits,
            NumError::TooLarge,
            NumError::UnknownUnit("abc".into()),
        ];
        for e in errors {
            let (vi, en) = (e.message(Vi), e.message(En));
            assert!(!vi.is_empty() && !en.is_empty() && vi != en, "{e:?}");
        }
    }
}

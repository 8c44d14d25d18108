//! Words and numbers as the reader sees them: values with units, dates and periods, per locale.
//! Pure functions, so that what the page shows is tested natively.

use crate::date::Date;
use crate::i18n::Locale;
use crate::num::{format_fixed, format_trimmed};
use crate::sheet::{Sheet, Target, Unit};

/// A number followed by its unit: "1.700 tỷ đồng", "92,75%".
pub fn with_unit(number: &str, unit: &Unit, locale: Locale) -> String {
    let label = unit.label.get(locale);
    if unit.attaches() {
        format!("{number}{label}")
    } else {
        format!("{number}\u{a0}{label}")
    }
}

/// A target's own value as the resolution writes it, without trailing zeros: "10,3%", "1.700 tỷ đồng".
pub fn target_value(sheet: &Sheet, target: &Target, locale: Locale) -> String {
    with_unit(&format_trimmed(target.value, 2, locale), sheet.unit(target), locale)
}

/// A value of this target (a projection, an input) at the target's precision, with its unit.
pub fn value(sheet: &Sheet, target: &Target, x: f64, locale: Locale) -> String {
    with_unit(&format_fixed(x, target.decimals, locale), sheet.unit(target), locale)
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date in words: "6 tháng 7 năm 2022" / "6 July 2022".
pub fn date_long(d: Date, locale: Locale) -> String {
    match locale {
        Locale::Vi => format!("{} tháng {} năm {}", d.day, d.month, d.year),
        Locale::En => format!("{} {} {}", d.day, MONTHS_EN[usize::from(d.month - 1)], d.year),
    }
}

/// A date in figures: "6/7/2022" in Vietnamese, "6 Jul 2022" in English.
pub fn date_short(d: Date, locale: Locale) -> String {
    match locale {
        Locale::Vi => format!("{}/{}/{}", d.day, d.month, d.year),
        Locale::En => format!("{} {} {}", d.day, &MONTHS_EN[usize::from(d.month - 1)][..3], d.year),
    }
}

/// The sheet's period: "1/7/2022 – 31/12/2022".
pub fn period(sheet: &Sheet, locale: Locale) -> String {
    format!("{} – {}", date_short(sheet.start, locale), date_short(sheet.end, locale))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale::{En, Vi};

    #[test]
    fn target_values_read_as_the_resolution_writes_them() {
        let sheet = Sheet::kontum().unwrap();
        let cases = [
            ("budget-revenue", "1.700\u{a0}tỷ đồng", "1,700\u{a0}billion VND"),
            ("health-insurance", "92,75%", "92.75%"),
            ("grdp-growth", "10,3%", "10.3%"),
            ("social-investment", "12.650\u{a0}tỷ đồng", "12,650\u{a0}billion VND"),
            ("new-rural-communes", "8\u{a0}xã", "8\u{a0}communes"),
            ("planting-fruit-trees", "2.250\u{a0}ha", "2,250\u{a0}ha"),
        ];
        for (id, vi, en) in cases {
            let t = sheet.target(id).unwrap();
            assert_eq!(target_value(&sheet, t, Vi), vi);
            assert_eq!(target_value(&sheet, t, En), en);
        }
        let t = sheet.target("budget-revenue").unwrap();
        assert_eq!(value(&sheet, t, 1260.4, Vi), "1.260\u{a0}tỷ đồng");
    }

    #[test]
    fn dates_and_periods_per_locale() {
        let d = Date::parse("2022-07-06").unwrap();
        assert_eq!(date_long(d, Vi), "6 tháng 7 năm 2022");
        assert_eq!(date_long(d, En), "6 July 2022");
        let sheet = Sheet::kontum().unwrap();
        assert_eq!(period(&sheet, Vi), "1/7/2022 – 31/12/2022");
        assert_eq!(period(&sheet, En), "1 Jul 2022 – 31 Dec 2022");
    }
}

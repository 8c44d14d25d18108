//! Calendar dates as the sheet and scenarios write them (`YYYY-MM-DD`), and the month arithmetic the
//! projection needs. No time zones: a date means the end of that day.

/// A proleptic Gregorian calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses exactly `YYYY-MM-DD` and rejects impossible days such as 2022-02-29.
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            b[r].iter().try_fold(0u32, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0')))
        };
        let year = digits(0..4)? as i32;
        let month = digits(5..7)? as u8;
        let day = digits(8..10)? as u8;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// The number of this date's month counted from year 0, so that consecutive months differ by one.
    pub fn month_index(self) -> i32 {
        self.year * 12 + i32::from(self.month) - 1
    }

    pub fn days_in_month(self) -> u8 {
        days_in_month(self.year, self.month)
    }

    pub fn is_last_day_of_month(self) -> bool {
        self.day == self.days_in_month()
    }

    /// The last day of the month that lies `index` months after year 0's January.
    pub fn end_of_month_index(index: i32) -> Date {
        let year = index.div_euclid(12);
        let month = (index.rem_euclid(12) + 1) as u8;
        Date { year, month, day: days_in_month(year, month) }
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        let mut s = String::with_capacity(10);
        push_padded(&mut s, self.year.unsigned_abs(), 4);
        s.push('-');
        push_padded(&mut s, u32::from(self.month), 2);
        s.push('-');
        push_padded(&mut s, u32::from(self.day), 2);
        s
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Appends `n` in decimal, left-padded with zeros to `width` digits.
pub fn push_padded(s: &mut String, n: u32, width: usize) {
    let digits = n.to_string();
    for _ in digits.len()..width {
        s.push('0');
    }
    s.push_str(&digits);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_dates_and_rejects_impossible_ones() {
        assert_eq!(Date::parse("2022-07-06"), Some(Date { year: 2022, month: 7, day: 6 }));
        assert_eq!(Date::parse("2024-02-29").map(Date::iso).as_deref(), Some("2024-02-29"));
        for bad in [
            "2022-02-29",
            "2022-13-01",
            "2022-00-10",
            "2022-7-6",
            "22-07-06",
            "2022/07/06",
            "",
            "2022-07-06x",
            "2022-06-31",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn month_indices_are_consecutive_across_years() {
        let dec = Date::parse("2022-12-31").unwrap();
        let jan = Date::parse("2023-01-01").unwrap();
        assert_eq!(jan.month_index() - dec.month_index(), 1);
        assert_eq!(Date::end_of_month_index(dec.month_index()), dec);
        assert_eq!(Date::end_of_month_index(jan.month_index() + 1).iso(), "2023-02-28");
    }
}

//! Words and numbers as the reader sees them: values with units, dates and periods, per locale.
//! Pure functions, so that what the page shows is tested natively.

use crate::date::Date;
use crate::engine::{MilestoneState, Outcome, Projection, Status, CLOSE_FROM};
use crate::i18n::Locale;
use crate::num::{format_fixed, format_trimmed};
use crate::scenario::{Assume, Input};
use crate::sheet::{Better, Comparator, Kind, Sheet, Target, Unit};

/// A number followed by its unit: "1.700 tỷ đồng", "92,75%".
pub fn with_unit(number: &str, unit: &Unit, locale: Locale) -> String {
    let label = unit.label.get(locale);
    if unit.attaches() {
        format!("{number}{label}")
    } else {
        format!("{number}\u{a0}{label}")
    }
}

/// A target's own value as the resolution writes it, without trailing zeros: "10,3%", "1.700 tỷ đồng",
/// a range "8–8,5%", a change from a baseline "giảm trên 1,5 điểm % so với 4,2%".
pub fn target_value(sheet: &Sheet, target: &Target, locale: Locale) -> String {
    let unit = sheet.unit(target);
    let n = |x: f64| format_trimmed(x, 2, locale);
    if let Some(b) = target.baseline {
        let amount = match b.change {
            crate::sheet::Change::Points => change_of(&n(target.value), unit, locale),
            crate::sheet::Change::Percent => format!("{}%", n(target.value)),
        };
        let way = match (target.better, locale) {
            (Better::Higher, Locale::Vi) => "tăng",
            (Better::Higher, Locale::En) => "a rise of",
            (Better::Lower, Locale::Vi) => "giảm",
            (Better::Lower, Locale::En) => "a fall of",
        };
        let how = match (target.comparator, locale) {
            (Comparator::MoreThan, Locale::Vi) => "trên ",
            (Comparator::MoreThan, Locale::En) => "more than ",
            (Comparator::LessThan, Locale::Vi) => "dưới ",
            (Comparator::LessThan, Locale::En) => "less than ",
            (Comparator::AtMost, Locale::Vi) => "không quá ",
            (Comparator::AtMost, Locale::En) => "at most ",
            _ => "",
        };
        let amount = match (target.high, target.comparator) {
            (Some(h), Comparator::Between) => match b.change {
                crate::sheet::Change::Points => change_of(&format!("{}–{}", n(target.value), n(h)), unit, locale),
                crate::sheet::Change::Percent => format!("{}–{}%", n(target.value), n(h)),
            },
            _ => amount,
        };
        let from = with_unit(&n(b.value), unit, locale);
        let about = if target.tolerance.is_some() { locale.pick("khoảng ", "about ") } else { "" };
        return locale.pick(
            format!("{way} {how}{about}{amount} so với {from}"),
            format!("{way} {how}{about}{amount} from {from}"),
        );
    }
    match target.high {
        Some(high) => with_unit(&format!("{}–{}", n(target.value), n(high)), unit, locale),
        None => with_unit(&n(target.value), unit, locale),
    }
}

/// The sign shown before a target's value: the comparator's, "≈" for "about", none for a range or a
/// change from a baseline (their value says it).
pub fn goal_symbol(target: &Target) -> &'static str {
    if target.baseline.is_some() || target.comparator == Comparator::Between {
        ""
    } else if target.tolerance.is_some() && target.better == Better::Higher {
        "≈"
    } else {
        target.comparator.symbol()
    }
}

/// A value of this target (a projection, an input) at the target's precision, with its unit.
pub fn value(sheet: &Sheet, target: &Target, x: f64, locale: Locale) -> String {
    with_unit(&format_fixed(x, target.decimals, locale), sheet.unit(target), locale)
}

/// The difference `d` between two values of a target, signed: "+120 tỷ đồng", "−0,9 điểm %". A
/// difference of percentages is in percentage points, not a percentage.
pub fn difference(sheet: &Sheet, target: &Target, d: f64, locale: Locale) -> String {
    let sign = if d > 0.0 {
        "+"
    } else if d < 0.0 {
        "−"
    } else {
        "±"
    };
    let number = format_fixed(d.abs(), target.decimals, locale);
    format!("{sign}{}", change_of(&number, sheet.unit(target), locale))
}

/// `number` as a change of a quantity in `unit`: a change of a percentage is in percentage points.
fn change_of(number: &str, unit: &Unit, locale: Locale) -> String {
    if unit.attaches() {
        format!("{number} {}", locale.pick("điểm %", "percentage points"))
    } else {
        with_unit(number, unit, locale)
    }
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

/// The status in words.
pub fn status_word(status: Status, locale: Locale) -> &'static str {
    match status {
        Status::Achieved => locale.pick("Đã đạt", "Achieved"),
        Status::OnTrack => locale.pick("Đúng tiến độ", "On track"),
        Status::NeedsAcceleration => locale.pick("Cần tăng tốc", "Needs acceleration"),
        Status::OffTrack => locale.pick("Khó đạt", "Off track"),
        Status::TooClose => locale.pick("Khó phân định", "Too close to call"),
        Status::TooEarly => locale.pick("Còn quá sớm", "Too early to tell"),
        Status::Missed => locale.pick("Không đạt", "Not met"),
        Status::Unreachable => locale.pick("Không còn khả năng đạt", "Out of reach"),
        Status::NoData => locale.pick("Chưa có số liệu", "No data"),
    }
}

/// A distinct shape per status, so that status never rests on colour alone.
pub fn status_icon(status: Status) -> &'static str {
    match status {
        Status::Achieved => "★",
        Status::OnTrack => "✓",
        Status::NeedsAcceleration => "▲",
        Status::OffTrack => "✕",
        Status::TooClose => "◐",
        Status::TooEarly => "◌",
        Status::Missed => "✖",
        Status::Unreachable => "⊘",
        Status::NoData => "–",
    }
}

/// A month's short label on a chart axis: "T7" / "Jul".
pub fn month_label(month: u8, locale: Locale) -> String {
    match locale {
        Locale::Vi => format!("T{month}"),
        Locale::En => MONTHS_EN[usize::from((month + 11) % 12)][..3].to_string(),
    }
}

/// The labels of a target's months, for the end of each month from the period's start to the day the
/// target is judged.
pub fn month_labels(sheet: &Sheet, target: &Target, locale: Locale) -> Vec<String> {
    (sheet.start.month_index()..=sheet.judged_on(target).month_index())
        .map(|i| month_label(Date::end_of_month_index(i).month, locale))
        .collect()
}

/// For a target judged on a day of its own: "Chỉ tiêu được đánh giá vào 31/1/2023, không phải khi kỳ
/// kết thúc (31/12/2022)." / "Judged on 31 Jan 2023, not at the period's end (31 Dec 2022)."
pub fn deadline_line(sheet: &Sheet, target: &Target, locale: Locale) -> Option<String> {
    let d = date_short(target.deadline?, locale);
    let end = date_short(sheet.end, locale);
    Some(locale.pick(
        format!("Chỉ tiêu được đánh giá vào {d}, không phải khi kỳ kết thúc ({end})."),
        format!("Judged on {d}, not at the period's end ({end})."),
    ))
}

/// A ratio as a whole percentage: "74%".
pub fn percent(ratio: f64, locale: Locale) -> String {
    format!("{}%", format_fixed(ratio * 100.0, 0, locale))
}

/// A probability as a whole percentage that never rounds an uncertain chance to a certain one: below
/// 0.5% it reads "<1%", above 99.5% ">99%"; only 0 and 1 themselves read "0%" and "100%".
pub fn chance(p: f64, locale: Locale) -> String {
    if p > 0.0 && (0.0..0.005).contains(&p) {
        "<1%".into()
    } else if (0.995..1.0).contains(&p) {
        ">99%".into()
    } else {
        percent(p, locale)
    }
}

/// A multiple such as "1,7 lần" / "1.7x". Near 1 it keeps a second decimal ("0.95x", "1.04x"): which
/// side of 1 a pace needed lies on is the point, and "1.0x" beside "needs acceleration" read as none.
pub fn times(ratio: f64, locale: Locale) -> String {
    let off = (ratio - 1.0).abs();
    let n = format_fixed(ratio, if (0.005..0.05).contains(&off) { 2 } else { 1 }, locale);
    locale.pick(format!("{n} lần"), format!("{n}x"))
}

/// A per-month rate with its unit: "357 tỷ đồng mỗi tháng", "7,7 điểm % mỗi tháng".
pub fn per_month(sheet: &Sheet, target: &Target, rate: f64, locale: Locale) -> String {
    // A small rate is not rounded to zero or doubled ("0,0" or "0,1 điểm % mỗi tháng" for 0.05): more
    // decimals, up to 4, until the number shown is within a tenth of the rate.
    let mut decimals = target.decimals.clamp(1, 2);
    let shown = |d: u8| (rate * 10f64.powi(i32::from(d))).round() / 10f64.powi(i32::from(d));
    while decimals < 4 && (shown(decimals) - rate).abs() > 0.1 * rate.abs() {
        decimals += 1;
    }
    let number = format_fixed(rate, decimals, locale);
    format!("{} {}", change_of(&number, sheet.unit(target), locale), locale.pick("mỗi tháng", "a month"))
}

/// What a screen reader says for [`goal_symbol`].
pub fn goal_symbol_words(target: &Target, locale: Locale) -> &'static str {
    if target.baseline.is_some() {
        ""
    } else if target.tolerance.is_some() {
        match target.better {
            Better::Higher => locale.pick("khoảng", "about"),
            Better::Lower => locale.pick("không quá khoảng", "at most about"),
        }
    } else {
        target.comparator.words(locale)
    }
}

/// The comparator in words before a value: "trên 1.700 tỷ đồng" / "more than 1,700 billion VND",
/// "không quá 4%", "từ 8 đến 8,5%", "khoảng 70%", "giảm trên 1,5 điểm % so với 4,2%".
pub fn goal_words(sheet: &Sheet, target: &Target, locale: Locale) -> String {
    let value = target_value(sheet, target, locale);
    if target.baseline.is_some() {
        return value;
    }
    if target.tolerance.is_some() {
        return match target.better {
            Better::Higher => locale.pick(format!("khoảng {value}"), format!("about {value}")),
            Better::Lower => locale.pick(format!("không quá khoảng {value}"), format!("at most about {value}")),
        };
    }
    match (target.comparator, locale) {
        (Comparator::AtLeast, Locale::Vi) => format!("từ {value} trở lên"),
        (Comparator::AtLeast, Locale::En) => format!("at least {value}"),
        (Comparator::MoreThan, Locale::Vi) => format!("trên {value}"),
        (Comparator::MoreThan, Locale::En) => format!("more than {value}"),
        (Comparator::AtMost, Locale::Vi) => format!("không quá {value}"),
        (Comparator::AtMost, Locale::En) => format!("at most {value}"),
        (Comparator::LessThan, Locale::Vi) => format!("dưới {value}"),
        (Comparator::LessThan, Locale::En) => format!("less than {value}"),
        (Comparator::Between, Locale::Vi) => format!("trong khoảng {value}"),
        (Comparator::Between, Locale::En) => format!("within {value}"),
    }
}

/// What the months left need: "Cần 356,7 tỷ đồng mỗi tháng, gấp 1,7 lần tốc độ hiện nay." / "Needs 356.7
/// billion VND a month, 1.7x the pace so far." None when nothing more is needed or no time is left.
/// With a pace assumed (`assumes`), the months left's need is also compared with it, since the status
/// is judged on it: "…, 0.9x what the months left usually bring and 1.1x the pace assumed."
pub fn required_phrase(
    sheet: &Sheet,
    target: &Target,
    outcome: &Outcome,
    assumes: bool,
    locale: Locale,
) -> Option<String> {
    if outcome.status.is_met() {
        return None;
    }
    let q = outcome.required_rate?;
    let strict = target.rule().strict;
    let more = match target.better {
        Better::Higher if strict => locale.pick("hơn ", "more than "),
        Better::Lower if strict => locale.pick("dưới ", "less than "),
        _ => "",
    };
    let needed = match (target.kind, target.better) {
        (Kind::Average, _) => {
            let v = value(sheet, target, q, locale);
            if target.bound.is_some_and(|b| q > b)
                || target.better == Better::Lower && target.bound.is_some() && q < 0.0
            {
                return Some(locale.pick(
                    format!("Không còn khả năng đạt: phần còn lại của kỳ sẽ phải đạt bình quân {more}{v}."),
                    format!("No longer reachable: the rest of the period would have to average {more}{v}."),
                ));
            }
            locale.pick(
                format!("Cần phần còn lại của kỳ đạt bình quân {more}{v}"),
                format!("Needs the rest of the period to average {more}{v}"),
            )
        }
        // Under a ceiling, a flow may add at most so much a month.
        (Kind::Flow, Better::Lower) => {
            let rate = per_month(sheet, target, q.max(0.0), locale);
            let at_most = if strict { more } else { locale.pick("tối đa ", "at most ") };
            locale.pick(
                format!("Phần còn lại của kỳ chỉ được thêm {at_most}{rate}"),
                format!("The rest of the period may add {at_most}{rate}"),
            )
        }
        (Kind::Level, _) if q < 0.0 => {
            let rate = per_month(sheet, target, -q, locale);
            locale.pick(format!("Cần giảm {more}{rate}"), format!("Needs a fall of {more}{rate}"))
        }
        (Kind::Flow | Kind::Level, _) => {
            let rate = per_month(sheet, target, q, locale);
            locale.pick(format!("Cần {more}{rate}"), format!("Needs {more}{rate}"))
        }
    };
    let so_far = match target.kind {
        _ if outcome.method == crate::engine::Method::Profile => {
            locale.pick("nhịp thường thấy của các tháng còn lại", "what the months left usually bring")
        }
        Kind::Flow => locale.pick("tốc độ hiện nay", "the pace so far"),
        Kind::Level => locale.pick("xu hướng hiện nay", "the trend so far"),
        Kind::Average => locale.pick("mức hiện nay", "the rate so far"),
    };
    // The assumed pace against the need, on the same terms as the pace ratio: both going the better way.
    let along = if target.kind == Kind::Level { target.better.sign() } else { 1.0 };
    let (a, assumed) = (outcome.assumed_rate, locale.pick("mức giả định", "the one assumed"));
    let against_assumed = (assumes && a * along > 0.0 && q * along > 0.0).then(|| times(q / a, locale));
    Some(match (outcome.pace_ratio, against_assumed) {
        (Some(r), Some(x)) => format!(
            "{needed}{} {} {so_far}{} {x} {assumed}.",
            locale.pick(", gấp", ","),
            times(r, locale),
            locale.pick(" và", " and"),
        ),
        (Some(r), None) => format!("{needed}{} {} {so_far}.", locale.pick(", gấp", ","), times(r, locale)),
        (None, Some(x)) => format!("{needed}{} {x} {assumed}.", locale.pick(", gấp", ",")),
        (None, None) => format!("{needed}."),
    })
}

/// Whether the scenario assumes the months left's rate (a pace, change, value, or a factor other than 1)
/// rather than carrying on the method's own.
pub fn assumes(input: &Input) -> bool {
    input.assume.is_some_and(|a| !matches!(a, Assume::Factor(f) if f == 1.0))
}

/// How the scenario sees the months left, as a phrase that ends a sentence.
fn assumption_phrase(sheet: &Sheet, target: &Target, input: &Input, outcome: &Outcome, locale: Locale) -> String {
    let explicit = assumes(input);
    match (target.kind, explicit) {
        (Kind::Flow, false) if outcome.method == crate::engine::Method::LastYear => locale
            .pick(
                "nếu phần còn lại của kỳ tăng như cùng kỳ năm trước",
                "if the rest of the period follows the same period last year",
            )
            .into(),
        (Kind::Flow | Kind::Level, false) if outcome.method == crate::engine::Method::Profile => locale
            .pick(
                "nếu các tháng còn lại đạt tỷ trọng thường thấy của chúng",
                "if the months left bring their usual shares",
            )
            .into(),
        (Kind::Flow, false) => locale.pick("nếu giữ tốc độ hiện nay", "at the pace so far").into(),
        (Kind::Flow, true) => {
            let rate = per_month(sheet, target, outcome.assumed_rate, locale);
            locale.pick(format!("với tốc độ giả định {rate}"), format!("at an assumed {rate}"))
        }
        (Kind::Level, false) if input.start.is_none() => {
            locale.pick("nếu giữ nguyên mức hiện nay", "if it holds its current level").into()
        }
        (Kind::Level, false) => locale.pick("nếu giữ xu hướng hiện nay", "if the trend so far continues").into(),
        (Kind::Level, true) => {
            let rate = per_month(sheet, target, outcome.assumed_rate, locale);
            locale.pick(format!("với mức thay đổi giả định {rate}"), format!("at an assumed change of {rate}"))
        }
        (Kind::Average, false) => locale
            .pick("nếu phần còn lại của kỳ giữ mức hiện nay", "if the rest of the period holds the rate so far")
            .into(),
        (Kind::Average, true) => {
            let v = value(sheet, target, outcome.assumed_rate, locale);
            locale.pick(
                format!("nếu phần còn lại của kỳ đạt bình quân {v}"),
                format!("if the rest of the period averages {v}"),
            )
        }
    }
}

/// One sentence that reads a target's result for the reader, e.g. "Thu ngân sách nhà nước sẽ đạt 1.260 tỷ
/// đồng vào 31/12/2022 nếu giữ tốc độ hiện nay, bằng 74% chỉ tiêu."
pub fn reading(
    sheet: &Sheet,
    target: &Target,
    input: Option<&Input>,
    outcome: Option<&Outcome>,
    locale: Locale,
) -> String {
    let (Some(input), Some(o)) = (input, outcome) else {
        return locale
            .pick(
                "Chưa có số liệu cho chỉ tiêu này. Nhập số đã đạt vào ô bên dưới để xem dự báo.",
                "There is no figure for this target yet. Type what has been achieved in the box below to see a projection.",
            )
            .into();
    };
    let label = target.label.get(locale);
    let goal = goal_words(sheet, target, locale);
    if o.no_figure_yet {
        let first = date_short(crate::engine::quarter_end(sheet, 1), locale);
        return locale.pick(
            format!("{label} có số liệu theo quý: số của quý đầu tiên có sau ngày {first}. Đến lúc đó chưa có dự báo."),
            format!("{label} is published by quarter: the first quarter's figure comes after {first}. Until then nothing is projected."),
        );
    }
    if o.status == Status::Achieved {
        let now = value(sheet, target, input.achieved, locale);
        return locale.pick(
            format!("{label} đã đạt chỉ tiêu: {now}, chỉ tiêu là {goal}."),
            format!("{label} has already met its target: {now}, against {goal}."),
        );
    }
    let projected = value(sheet, target, o.projected, locale);
    let end = date_short(sheet.judged_on(target), locale);
    let share = o.attainment.map(|a| percent(a, locale));
    if o.over {
        // The period is over: what was reached, and whether it met the target; nothing is projected.
        let share = share
            .map_or_else(String::new, |s| locale.pick(format!(", bằng {s} chỉ tiêu"), format!(", {s} of the target")));
        let when = match target.deadline {
            Some(_) => locale.pick(format!("khi hết hạn ({end})"), format!("at its deadline ({end})")),
            None => locale.pick(format!("khi kỳ kết thúc ({end})"), format!("when the period ended ({end})")),
        };
        return locale.pick(
            format!("{label} đạt {projected} {when}{share}: không đạt chỉ tiêu {goal}."),
            format!("{label} reached {projected} {when}{share}: it did not meet the target of {goal}."),
        );
    }
    let how = assumption_phrase(sheet, target, input, o, locale);
    let mut sentence = match (locale, share) {
        (Locale::Vi, Some(share)) => format!("{label} sẽ đạt {projected} vào {end} {how}, bằng {share} chỉ tiêu."),
        (Locale::En, Some(share)) => format!("{label} would reach {projected} by {end} {how}, {share} of the target."),
        (Locale::Vi, None) => format!("{label} sẽ đạt {projected} vào {end} {how}."),
        (Locale::En, None) => format!("{label} would reach {projected} by {end} {how}."),
    };
    if let Some(c) = target.change_at(o.projected) {
        let n = format_fixed(c.abs(), target.decimals.max(1), locale);
        let unit = sheet.unit(target);
        let amount = match target.baseline.map(|b| b.change) {
            Some(crate::sheet::Change::Percent) => format!("{n}%"),
            _ => change_of(&n, unit, locale),
        };
        let way = match (target.better, c >= 0.0) {
            (Better::Lower, true) | (Better::Higher, false) => locale.pick("giảm", "a fall of"),
            _ => locale.pick("tăng", "a rise of"),
        };
        sentence.push_str(&locale.pick(format!(" Tức là {way} {amount}."), format!(" That is {way} {amount}.")));
    }
    // Where a range's projection falls: on the measure the range applies to (the change, for a change
    // from a baseline).
    let measure = target.change_at(o.projected).unwrap_or(o.projected);
    // "About X" met only by its tolerance, on the worse side of X: say so, rather than "below the
    // ceiling" of a value the projection is above.
    let past = measure - target.value;
    let worse_side = if target.better == Better::Lower { past > 0.0 } else { past < 0.0 };
    if o.status == Status::OnTrack
        && target.tolerance.is_some()
        && target.baseline.is_none()
        && target.comparator != Comparator::Between
        && worse_side
    {
        let around = with_unit(&format_trimmed(target.value, 2, locale), sheet.unit(target), locale);
        let (vi, en) = match target.better {
            Better::Lower => ("hơi cao hơn", "a little above"),
            Better::Higher => ("hơi thấp hơn", "a little below"),
        };
        sentence.push_str(&locale.pick(
            format!(" Như vậy là {vi} {around} nhưng vẫn trong mức \"khoảng\": đạt chỉ tiêu."),
            format!(" That is {en} {around}, within \"about\": it meets the target."),
        ));
        return sentence;
    }
    let verdict = match o.status {
        Status::TooClose => locale.pick(
            " Dự báo sát chỉ tiêu đến mức chưa thể nói sẽ đạt hay không.",
            " That is too close to the target to call either way.",
        ),
        Status::TooEarly => locale.pick(
            " Nhưng mới có số liệu chưa đến một tháng: còn quá sớm để nói sẽ đạt hay không.",
            " But with less than a month of figures, it is too early to tell.",
        ),
        // A range says where the projection falls; a ceiling, which side of it.
        Status::OnTrack if target.comparator == Comparator::Between => match (target.judged_way(), target.high) {
            (Better::Higher, Some(h)) if measure > h => {
                locale.pick(" Như vậy là vượt khoảng chỉ tiêu.", " That exceeds the range.")
            }
            (Better::Lower, _) if measure < target.value => {
                locale.pick(" Như vậy là thấp hơn cả khoảng chỉ tiêu.", " That is below the whole range.")
            }
            _ => locale.pick(" Như vậy là nằm trong khoảng chỉ tiêu.", " That is within the range."),
        },
        Status::OnTrack if target.better == Better::Lower && target.baseline.is_none() => locale
            .pick(" Như vậy là dưới mức trần, đạt chỉ tiêu.", " That stays below the ceiling: it meets the target."),
        Status::OnTrack => locale.pick(" Như vậy là đạt chỉ tiêu.", " That meets the target."),
        _ if target.comparator == Comparator::Between && target.judged_way() == Better::Lower => {
            locale.pick(" Như vậy là cao hơn khoảng chỉ tiêu.", " That is above the range.")
        }
        _ if target.comparator == Comparator::Between => {
            locale.pick(" Như vậy là thấp hơn khoảng chỉ tiêu.", " That is below the range.")
        }
        _ if target.better == Better::Lower && target.baseline.is_none() => {
            locale.pick(" Như vậy là vượt mức trần, chưa đạt chỉ tiêu.", " That is above the ceiling: it falls short.")
        }
        _ if o.attainment.is_some_and(|a| a >= CLOSE_FROM) => {
            locale.pick(" Như vậy là chưa đạt, nhưng đã gần.", " That falls short, but it is close.")
        }
        _ => locale.pick(" Như vậy là chưa đạt chỉ tiêu.", " That falls short of the target."),
    };
    sentence.push_str(verdict);
    sentence
}

/// A milestone in words: "30/9/2022: ≥ 70% — đạt 60% (chưa đạt)".
pub fn milestone_line(sheet: &Sheet, target: &Target, m: &crate::engine::MilestoneOutcome, locale: Locale) -> String {
    let goal = with_unit(&format_trimmed(m.value, 2, locale), sheet.unit(target), locale);
    let at = value(sheet, target, m.at, locale);
    let state = match m.state {
        MilestoneState::Met => locale.pick("đã đạt", "met"),
        MilestoneState::Missed => locale.pick("không đạt", "missed"),
        MilestoneState::Pending { projected_met: true } => locale.pick("dự kiến đạt", "projected to be met"),
        MilestoneState::Pending { projected_met: false } => locale.pick("dự kiến không đạt", "projected to be missed"),
    };
    let at_words = match (m.state, m.estimated) {
        (MilestoneState::Pending { .. }, _) => locale.pick("dự báo", "projected"),
        (_, true) => locale.pick("ước tính", "estimated"),
        (_, false) => locale.pick("thực tế", "actual"),
    };
    format!("{} {} {goal}: {state} ({at_words} {at})", date_short(m.date, locale), m.comparator.symbol())
}

/// The scoreboard: "1/4 chỉ tiêu có số liệu dự kiến đạt; 15 chỉ tiêu chưa có số liệu".
pub fn scoreboard(p: &Projection, locale: Locale) -> String {
    let (met, with, none) = (p.met, p.with_data, p.no_data);
    if with == 0 {
        // "0 of 0 targets with data" says nothing: say that none has data.
        return match (locale, none) {
            (Locale::Vi, _) => format!("Chưa có chỉ tiêu nào có số liệu ({none} chỉ tiêu)"),
            (Locale::En, 1) => "The target has no data yet".to_string(),
            (Locale::En, _) => format!("None of the {none} targets has data yet"),
        };
    }
    // Over when every target with data is (a target with a later deadline of its own may still be open
    // when the period has ended).
    let over = p.results.iter().filter_map(|r| r.outcome.as_ref()).all(|o| o.over);
    let head = match (locale, over) {
        (Locale::Vi, false) => format!("{met}/{with} chỉ tiêu có số liệu dự kiến đạt"),
        (Locale::Vi, true) => format!("{met}/{with} chỉ tiêu có số liệu đã đạt khi kỳ kết thúc"),
        (Locale::En, false) if with == 1 => format!("{met} of 1 target with data projected to be met"),
        (Locale::En, false) => format!("{met} of {with} targets with data projected to be met"),
        (Locale::En, true) if with == 1 => format!("{met} of 1 target with data met when the period ended"),
        (Locale::En, true) => format!("{met} of {with} targets with data met when the period ended"),
    };
    if none == 0 {
        head
    } else {
        match locale {
            Locale::Vi => format!("{head}; {none} chỉ tiêu chưa có số liệu"),
            Locale::En => format!("{head}; {none} without data"),
        }
    }
}

/// The unit a field is typed in: the target's for a figure, a start and an average's assumption; per
/// month for a flow's or a level's assumption and for the monthly volatility of a flow or a level
/// ("tỷ đồng/tháng", "điểm %/tháng").
pub fn field_unit(sheet: &Sheet, t: &Target, field: Field, l: Locale) -> String {
    let unit = sheet.unit(t).label.get(l);
    let monthly = t.kind != Kind::Average && matches!(field, Field::Assume | Field::Volatility);
    if !monthly {
        return unit.to_string();
    }
    let unit = if unit == "%" { l.pick("điểm %", "points") } else { unit };
    format!("{unit}/{}", l.pick("tháng", "month"))
}

/// A card's number fields, in order: what is achieved, a level's start, the assumption, the volatility,
/// and a flow's figures of the same period last year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Achieved = 0,
    Start = 1,
    Assume = 2,
    Volatility = 3,
    /// Last year's figures for a flow: to the same day, and for the whole period.
    LastYearToDate = 4,
    LastYearTotal = 5,
}

impl Field {
    pub const ALL: [Field; 6] =
        [Field::Achieved, Field::Start, Field::Assume, Field::Volatility, Field::LastYearToDate, Field::LastYearTotal];

    pub fn code(self) -> &'static str {
        match self {
            Field::Achieved => "achieved",
            Field::Start => "start",
            Field::Assume => "assume",
            Field::Volatility => "volatility",
            // No field's code holds a '-': a draft's id is `TARGET-FIELD`.
            Field::LastYearToDate => "lydate",
            Field::LastYearTotal => "lytotal",
        }
    }
}

/// What a number field shows: its label, committed value, placeholder and range, and whether it is shown.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct FieldSpec {
    pub label: String,
    pub value: Option<f64>,
    pub placeholder: String,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub shown: bool,
}

/// The six fields of a target's card for its current input and outcome.
pub fn field_specs(
    t: &Target,
    input: Option<&Input>,
    o: Option<&Outcome>,
    start: Date,
    as_of: Date,
    l: Locale,
) -> [FieldSpec; 6] {
    let as_of = date_short(as_of, l);
    let start = date_short(start, l);
    let achieved_label = match t.kind {
        Kind::Flow => l.pick(format!("Lũy kế trong kỳ đến {as_of}"), format!("Total in the period to {as_of}")),
        Kind::Level => l.pick(format!("Mức đạt ngày {as_of}"), format!("Level on {as_of}")),
        Kind::Average => {
            l.pick(format!("Bình quân từ đầu kỳ đến {as_of}"), format!("Average from the period's start to {as_of}"))
        }
    };
    let assume_label = match t.kind {
        Kind::Flow => l.pick("Giả định mỗi tháng còn lại", "Assumed pace per month left"),
        Kind::Level => l.pick("Giả định thay đổi mỗi tháng", "Assumed change per month"),
        Kind::Average => l.pick("Giả định bình quân phần còn lại của kỳ", "Assumed average for the rest of the period"),
    };
    let so_far = match t.kind {
        Kind::Flow => l.pick("tốc độ hiện nay", "pace so far"),
        Kind::Level => l.pick("xu hướng hiện nay", "trend so far"),
        Kind::Average => l.pick("mức hiện nay", "rate so far"),
    };
    let has = input.is_some();
    // A factor is shown as the rate it produces, so the field always speaks in the target's unit.
    let assumed = match input.and_then(|i| i.assume) {
        Some(Assume::Factor(_)) => o.map(|o| o.assumed_rate),
        a => a.map(Assume::amount),
    };
    [
        FieldSpec {
            label: achieved_label,
            value: input.map(|i| i.achieved),
            // An example in the reader's notation ("Ví dụ: 1.234"), of a size that fits the target.
            placeholder: {
                let share = if t.kind == Kind::Flow { 0.4 } else { 0.95 };
                // A change from a baseline is typed as the level itself (the poverty rate, not its fall).
                let level = t.baseline.map_or(t.value, |b| b.level(t.value, t.better));
                let example = format_fixed(level * share, t.decimals.min(2), l);
                format!("{} {example}", l.pick("Ví dụ:", "E.g."))
            },
            min: Some(0.0),
            max: t.bound,
            shown: true,
        },
        FieldSpec {
            label: l.pick(
                format!("Mức đầu kỳ ({start}), để tính xu hướng"),
                format!("Level at the start ({start}), for the trend"),
            ),
            value: input.and_then(|i| i.start),
            placeholder: String::new(),
            min: Some(0.0),
            max: t.bound,
            shown: has && t.kind == Kind::Level,
        },
        FieldSpec {
            label: assume_label.into(),
            value: assumed,
            // What an empty field uses: the pace so far, or the rate the method gives the months left.
            placeholder: o
                .map(|o| {
                    let (rate, from) = match o.method {
                        crate::engine::Method::Flat => (o.current_rate, so_far),
                        crate::engine::Method::Profile => {
                            (o.assumed_rate, l.pick("theo tỷ trọng các tháng", "by the usual months"))
                        }
                        crate::engine::Method::LastYear => {
                            (o.assumed_rate, l.pick("theo cùng kỳ năm trước", "by last year"))
                        }
                    };
                    format!("{} ({from})", format_fixed(rate, t.decimals.clamp(1, 2), l))
                })
                .unwrap_or_default(),
            min: (t.kind != Kind::Level).then_some(0.0),
            max: if t.kind == Kind::Average { t.bound } else { None },
            shown: has,
        },
        FieldSpec {
            label: l.pick("Độ dao động mỗi tháng (độ lệch chuẩn)", "Monthly volatility (standard deviation)").into(),
            value: input.and_then(|i| i.volatility),
            placeholder: String::new(),
            min: Some(0.0),
            max: None,
            shown: has,
        },
        FieldSpec {
            label: l.pick(
                format!("Cùng kỳ năm trước: lũy kế đến ngày tương ứng {as_of}"),
                format!("Same period last year: total to the day matching {as_of}"),
            ),
            value: input.and_then(|i| i.last_year).map(|ly| ly.to_date),
            placeholder: String::new(),
            min: Some(0.0),
            max: None,
            shown: has && t.kind == Kind::Flow,
        },
        FieldSpec {
            label: l.pick("Cùng kỳ năm trước: cả kỳ", "Same period last year: the whole period").into(),
            value: input.and_then(|i| i.last_year).map(|ly| ly.total),
            placeholder: String::new(),
            // Last year's whole period holds its part to the same day.
            min: Some(input.and_then(|i| i.last_year).map_or(0.0, |ly| ly.to_date)),
            max: None,
            shown: has && t.kind == Kind::Flow,
        },
    ]
}

/// Applies a committed field value to a scenario's inputs. Emptying what is achieved removes the input
/// (the target then has no data); a new figure drops the note of the figure it replaces.
pub fn apply_field(inputs: &mut crate::scenario::Inputs, t: &Target, field: Field, v: Option<f64>) {
    match (field, v) {
        (Field::Achieved, None) => {
            inputs.remove(&t.id);
        }
        (Field::Achieved, Some(a)) => {
            let i = inputs.entry_or_default(&t.id);
            i.achieved = a;
            i.note = None;
        }
        (f, v) => {
            if let Some(i) = inputs.get_mut(&t.id) {
                match f {
                    Field::Start => i.start = v,
                    Field::Assume => i.assume = v.map(|x| Assume::rate_for(t.kind, x)),
                    Field::Volatility => i.volatility = v,
                    // One of last year's two figures: it changes a pair already there; emptied, the
                    // pair goes (the other figure stays typed in its field, `ui::State::type_into`).
                    Field::LastYearToDate | Field::LastYearTotal => {
                        i.last_year = match (i.last_year, v) {
                            (_, None) => None,
                            (Some(ly), Some(x)) if f == Field::LastYearToDate => {
                                Some(crate::scenario::LastYear { to_date: x, ..ly })
                            }
                            (Some(ly), Some(x)) => Some(crate::scenario::LastYear { total: x, ..ly }),
                            (None, Some(_)) => None,
                        }
                    }
                    Field::Achieved => {}
                }
                // A method chosen for figures no longer there goes with them: what the widget writes
                // must read back (a scenario refuses a method without what it needs).
                i.method = i.method.filter(|m| m.applies(t, i));
            }
        }
    }
}

/// Which method a projection used, where it is not the pace so far: against last year, the growth so
/// far and the growth the rest of the period needs ("Dự báo theo cùng kỳ năm trước: đến nay tăng 26%;
/// phần còn lại của kỳ cần tăng 19% so với cùng kỳ."); from a profile, the share usually in by now and
/// the profile's source. None for the pace so far, and once the period is over.
pub fn method_line(t: &Target, o: &Outcome, l: Locale) -> Option<String> {
    if o.over {
        return None;
    }
    let signed = |g: f64| {
        let p = percent(g.abs(), l);
        match (g < 0.0, l) {
            (false, Locale::Vi) => format!("tăng {p}"),
            (true, Locale::Vi) => format!("giảm {p}"),
            (false, Locale::En) => format!("up {p}"),
            (true, Locale::En) => format!("down {p}"),
        }
    };
    match (o.method, o.growth_so_far) {
        (crate::engine::Method::LastYear, Some(g)) => {
            let mut line = l.pick(
                format!("Dự báo theo cùng kỳ năm trước: đến nay {}", signed(g)),
                format!("Projected against the same period last year: so far {}", signed(g)),
            );
            if let Some(r) = o.growth_required.filter(|_| !o.status.is_met()) {
                line.push_str(&l.pick(
                    format!("; phần còn lại của kỳ cần {} so với cùng kỳ.", signed(r)),
                    format!("; the rest of the period needs to be {} on last year's.", signed(r)),
                ));
            } else {
                line.push('.');
            }
            Some(line)
        }
        // Only while the profile shapes the projection (`share_so_far`).
        (crate::engine::Method::Profile, _) => o.share_so_far.map(|share| {
            let share = percent(share, l);
            let source = t.profile_source.as_ref().map_or("", |s| s.get(l));
            l.pick(
                format!("Dự báo theo tỷ trọng thường thấy của các tháng trong các năm trước: đến nay thường đã có {share} của cả kỳ. Nguồn: {source}"),
                format!("Projected from the months' usual shares in earlier years: by now {share} of the period's total is usually in. Source: {source}"),
            )
        }),
        _ => None,
    }
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
    fn a_chance_is_never_rounded_to_certainty() {
        let cases = [
            (0.0, "0%", "0%"),
            (0.001_35, "<1%", "<1%"),
            (0.004_9, "<1%", "<1%"),
            (0.005, "1%", "1%"),
            (0.425, "43%", "43%"),
            (0.995, ">99%", ">99%"),
            (0.995_1, ">99%", ">99%"),
            (0.999_99, ">99%", ">99%"),
            (1.0, "100%", "100%"),
        ];
        for (p, vi, en) in cases {
            assert_eq!((chance(p, Vi).as_str(), chance(p, En).as_str()), (vi, en), "{p}");
        }
    }

    #[test]
    fn differences_are_signed_and_percentages_differ_in_points() {
        let sheet = Sheet::kontum().unwrap();
        let diff =
            |id: &str, d: f64, l: Locale| difference(&sheet, sheet.target(id).unwrap(), d, l).replace('\u{a0}', " ");
        assert_eq!(diff("budget-revenue", 120.4, Vi), "+120 tỷ đồng");
        assert_eq!(diff("budget-revenue", -1200.0, En), "−1,200 billion VND");
        assert_eq!(diff("health-insurance", 0.9, Vi), "+0,90 điểm %");
        assert_eq!(diff("health-insurance", -0.9, En), "−0.90 percentage points");
        assert_eq!(diff("new-rural-communes", 0.0, En), "±0 communes");
    }

    fn published() -> (Sheet, crate::scenario::Scenario, Projection) {
        let sheet = Sheet::kontum().unwrap();
        let text = include_str!("../data/scenarios/kontum-published-2022-09-30.json");
        let scenario = crate::scenario::Scenario::parse(text, &sheet).unwrap();
        let p = crate::engine::project(&sheet, &scenario);
        (sheet, scenario, p)
    }

    fn read(id: &str, locale: Locale) -> String {
        let (sheet, scenario, p) = published();
        let t = sheet.target(id).unwrap();
        reading(&sheet, t, scenario.inputs.get(id), p.get(id).unwrap().outcome.as_ref(), locale).replace('\u{a0}', " ")
    }

    #[test]
    fn readings_of_the_published_figures() {
        assert_eq!(
            read("budget-revenue", En),
            "State budget revenue would reach 1,260 billion VND by 31 Dec 2022 at the pace so far, 74% of the \
             target. That falls short of the target."
        );
        assert_eq!(
            read("budget-revenue", Vi),
            "Thu ngân sách nhà nước sẽ đạt 1.260 tỷ đồng vào 31/12/2022 nếu giữ tốc độ hiện nay, bằng 74% chỉ tiêu. \
             Như vậy là chưa đạt chỉ tiêu."
        );
        assert!(read("social-investment", En).ends_with("103% of the target. That meets the target."));
        assert!(read("disbursement", En).contains("90.7% by 31 Jan 2023 if the trend so far continues"));
        assert!(read("grdp-growth", Vi).contains("nếu phần còn lại của kỳ giữ mức hiện nay"));
        assert_eq!(
            read("jobs", En),
            "There is no figure for this target yet. Type what has been achieved in the box below to see a projection."
        );
    }

    #[test]
    fn a_small_rate_never_reads_as_zero() {
        // Found by exploratory testing: "Needs 0.0 percentage points a month" for 0.05.
        let (sheet, _, _) = published();
        let t = sheet.target("disbursement").unwrap();
        assert_eq!(per_month(&sheet, t, 0.05, En).replace('\u{a0}', " "), "0.05 percentage points a month");
        assert_eq!(per_month(&sheet, t, 0.0004, En).replace('\u{a0}', " "), "0.0004 percentage points a month");
        assert_eq!(per_month(&sheet, t, 12.34, Vi).replace('\u{a0}', " "), "12,3 điểm % mỗi tháng");
        assert_eq!(per_month(&sheet, t, 0.0, En).replace('\u{a0}', " "), "0.0 percentage points a month");
    }

    #[test]
    fn required_pace_in_words() {
        let (sheet, _, p) = published();
        let phrase = |id: &str, l: Locale| {
            let t = sheet.target(id).unwrap();
            required_phrase(&sheet, t, p.get(id).unwrap().outcome.as_ref().unwrap(), false, l)
                .map(|s| s.replace('\u{a0}', " "))
        };
        assert_eq!(
            phrase("budget-revenue", En).unwrap(),
            "Needs more than 356.7 billion VND a month, 1.7x the pace so far."
        );
        assert_eq!(
            phrase("budget-revenue", Vi).unwrap(),
            "Cần hơn 356,7 tỷ đồng mỗi tháng, gấp 1,7 lần tốc độ hiện nay."
        );
        assert_eq!(phrase("disbursement", En).unwrap(), "Needs 10.0 percentage points a month, 1.3x the trend so far.");
        assert_eq!(
            phrase("grdp-growth", En).unwrap(),
            "Needs the rest of the period to average 11.60%, 1.3x the rate so far."
        );
        assert_eq!(phrase("social-investment", En), None, "met: nothing more needed");
        // Under the Low preset the status is judged on the pace assumed, so the need is compared with it
        // too: 1.7x the pace so far is 1.7 / 0.8 of the pace the preset assumes.
        let (_, scenario, _) = published();
        let low = crate::engine::apply_preset(&sheet, &scenario, crate::engine::Preset::Low);
        let q = crate::engine::project(&sheet, &low);
        let t = sheet.target("budget-revenue").unwrap();
        let input = low.inputs.get("budget-revenue").unwrap();
        assert!(assumes(input) && !assumes(scenario.inputs.get("budget-revenue").unwrap()));
        let o = q.get("budget-revenue").unwrap().outcome.as_ref().unwrap();
        let words = |l| required_phrase(&sheet, t, o, assumes(input), l).unwrap().replace('\u{a0}', " ");
        let x = times(o.required_rate.unwrap() / o.assumed_rate, En);
        assert_eq!(x, "2.1x");
        assert_eq!(
            words(En),
            format!("Needs more than 356.7 billion VND a month, 1.7x the pace so far and {x} the one assumed.")
        );
        assert_eq!(words(Vi), "Cần hơn 356,7 tỷ đồng mỗi tháng, gấp 1,7 lần tốc độ hiện nay và 2,1 lần mức giả định.");
        assert_eq!(scoreboard(&p, Vi), "1/4 chỉ tiêu có số liệu dự kiến đạt; 15 chỉ tiêu chưa có số liệu");
        assert_eq!(scoreboard(&p, En), "1 of 4 targets with data projected to be met; 15 without data");
        // With no figure at all, no "0 of 0".
        let none = crate::engine::project(&sheet, &crate::scenario::Scenario::empty(&sheet));
        assert_eq!(scoreboard(&none, Vi), "Chưa có chỉ tiêu nào có số liệu (19 chỉ tiêu)");
        assert_eq!(scoreboard(&none, En), "None of the 19 targets has data yet");
    }

    #[test]
    fn a_multiple_near_one_keeps_the_side_of_one_it_lies_on() {
        for (ratio, en, vi) in [
            (1.7, "1.7x", "1,7 lần"),
            (0.951, "0.95x", "0,95 lần"),
            (1.04, "1.04x", "1,04 lần"),
            (1.001, "1.0x", "1,0 lần"),
            (0.9, "0.9x", "0,9 lần"),
            (10.44, "10.4x", "10,4 lần"),
        ] {
            assert_eq!((times(ratio, En).as_str(), times(ratio, Vi).as_str()), (en, vi), "{ratio}");
        }
    }

    #[test]
    fn milestones_and_months_in_words() {
        let (sheet, _, p) = published();
        let t = sheet.target("disbursement").unwrap();
        let o = p.get("disbursement").unwrap().outcome.clone().unwrap();
        assert_eq!(milestone_line(&sheet, t, &o.milestones[0], Vi), "30/9/2022 ≥ 70%: không đạt (thực tế 60,0%)");
        assert_eq!(
            milestone_line(&sheet, t, &o.milestones[1], En),
            "31 Jan 2023 ≥ 100%: projected to be missed (projected 90.7%)"
        );
        let t = &sheet.targets[0];
        assert_eq!(month_labels(&sheet, t, Vi), ["T7", "T8", "T9", "T10", "T11", "T12"]);
        assert_eq!(month_labels(&sheet, t, En), ["Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]);
        assert_eq!(status_word(Status::OffTrack, En), "Off track");
        let icons: std::collections::HashSet<_> = [
            Status::Achieved,
            Status::OnTrack,
            Status::NeedsAcceleration,
            Status::OffTrack,
            Status::Missed,
            Status::Unreachable,
            Status::NoData,
            Status::TooClose,
            Status::TooEarly,
        ]
        .map(status_icon)
        .into();
        assert_eq!(icons.len(), 9, "every status has its own shape");
    }

    #[test]
    fn fields_follow_the_input_and_edits_apply_to_the_scenario() {
        let (sheet, mut scenario, p) = published();
        let t = sheet.target("disbursement").unwrap();
        let o = p.get("disbursement").unwrap().outcome.as_ref();
        let specs = field_specs(t, scenario.inputs.get("disbursement"), o, sheet.start, scenario.as_of, En);
        assert_eq!(specs[0].label, "Level on 30 Sep 2022");
        assert_eq!((specs[0].value, specs[0].max), (Some(60.0), Some(100.0)));
        assert_eq!((specs[1].value, specs[1].shown), (Some(37.0), true));
        assert_eq!(specs[2].placeholder, "7.7 (trend so far)");
        assert_eq!(specs[2].min, None, "a level may fall");
        let jobs = sheet.target("jobs").unwrap();
        let none = field_specs(jobs, None, None, sheet.start, scenario.as_of, Vi);
        assert!(none[0].shown && !none[1].shown && !none[2].shown && !none[3].shown);

        apply_field(&mut scenario.inputs, jobs, Field::Achieved, Some(900.0));
        apply_field(&mut scenario.inputs, jobs, Field::Assume, Some(400.0));
        assert_eq!(scenario.inputs["jobs"].assume, Some(Assume::Pace(400.0)));
        apply_field(&mut scenario.inputs, t, Field::Achieved, Some(65.0));
        assert_eq!(
            (scenario.inputs["disbursement"].achieved, scenario.inputs["disbursement"].note.is_none()),
            (65.0, true)
        );
        apply_field(&mut scenario.inputs, jobs, Field::Achieved, None);
        assert!(!scenario.inputs.contains_key("jobs"));
        // Without an input, only "achieved" creates one.
        apply_field(&mut scenario.inputs, jobs, Field::Volatility, Some(1.0));
        assert!(!scenario.inputs.contains_key("jobs"));
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

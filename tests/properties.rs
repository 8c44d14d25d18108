//! Property tests of the engine and the number codecs.
#![cfg(not(target_arch = "wasm32"))]

use plan_widget::date::Date;
use plan_widget::engine::{apply_preset, project, project_target, Preset};
use plan_widget::i18n::Locale;
use plan_widget::num::{format_fixed, parse_number};
use plan_widget::scenario::{Assume, Input, Scenario};
use plan_widget::sheet::{Kind, Sheet};
use proptest::prelude::*;

fn kontum() -> Sheet {
    Sheet::kontum().unwrap()
}

/// A date inside the Kon Tum period strictly before its last day.
fn as_of() -> impl Strategy<Value = Date> {
    (7u8..=12, 1u8..=31).prop_filter_map("a real day before the period's end", |(m, d)| {
        let date = Date::parse(&format!("2022-{m:02}-{d:02}"))?;
        (date.iso() != "2022-12-31").then_some(date)
    })
}

/// An input that fits the target (achieved within its bound, a start for levels).
fn input_for(kind: Kind, bound: Option<f64>, scale: f64) -> impl Strategy<Value = Input> {
    let top = bound.unwrap_or(scale * 2.0);
    (0.0..top, 0.0..top, proptest::option::of(0.0..scale / 4.0)).prop_map(move |(achieved, start, volatility)| Input {
        achieved,
        start: (kind == Kind::Level).then_some(start.min(achieved)),
        volatility,
        ..Input::default()
    })
}

proptest! {
    #[test]
    fn a_higher_pace_never_lowers_a_flows_projection(
        achieved in 0.0..5000.0f64, a in 0.0..2000.0f64, b in 0.0..2000.0f64, date in as_of()
    ) {
        let sheet = kontum();
        let t = sheet.target("budget-revenue").unwrap();
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let with = |p: f64| Input { achieved, assume: Some(Assume::Pace(p)), ..Input::default() };
        let p_lo = project_target(&sheet, t, &with(lo), date);
        let p_hi = project_target(&sheet, t, &with(hi), date);
        prop_assert!(p_hi.projected >= p_lo.projected);
    }

    #[test]
    fn probability_stays_in_0_1_and_rises_with_the_pace(
        achieved in 0.0..1700.0f64, a in 0.0..1000.0f64, b in 0.0..1000.0f64, vol in 0.0..300.0f64, date in as_of()
    ) {
        let sheet = kontum();
        let t = sheet.target("budget-revenue").unwrap();
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let with = |p: f64| Input { achieved, assume: Some(Assume::Pace(p)), volatility: Some(vol), ..Input::default() };
        let p_lo = project_target(&sheet, t, &with(lo), date).probability;
        let p_hi = project_target(&sheet, t, &with(hi), date).probability;
        prop_assert_eq!(p_lo.is_some(), p_hi.is_some());
        if let (Some(p_lo), Some(p_hi)) = (p_lo, p_hi) {
            prop_assert!((0.0..=1.0).contains(&p_lo) && (0.0..=1.0).contains(&p_hi));
            prop_assert!(p_hi >= p_lo - 1e-12, "{} < {}", p_hi, p_lo);
        } else {
            // Not estimated only while the target is open and nothing gives a spread.
            prop_assert!(vol == 0.0 && date < sheet.end && achieved <= t.value);
        }
    }

    #[test]
    fn the_band_holds_the_projection_and_levels_stay_within_bounds(
        inputs in proptest::collection::vec((0usize..19, 0.0..1.0f64, 0.0..1.0f64, 0.0..0.3f64), 1..19),
        date in as_of(),
    ) {
        let sheet = kontum();
        let mut s = Scenario::empty(&sheet);
        s.as_of = date;
        for (i, a, st, v) in inputs {
            let t = &sheet.targets[i];
            let top = t.bound.unwrap_or(t.value * 1.5);
            s.inputs.insert(t.id.clone(), Input {
                achieved: a * top,
                start: (t.kind == Kind::Level).then_some(st * top),
                volatility: Some(v * top),
                ..Input::default()
            });
        }
        let p = project(&sheet, &s);
        prop_assert_eq!(p.met + (p.with_data - p.met) + p.no_data, 19);
        for r in &p.results {
            let Some(o) = &r.outcome else { continue };
            let t = sheet.target(&r.id).unwrap();
            prop_assert!(o.low <= o.projected + 1e-9 && o.projected <= o.high + 1e-9, "{}: {:?}", r.id, o);
            if let Some(b) = t.bound {
                prop_assert!(o.high <= b && o.low >= 0.0, "{}: {:?}", r.id, o);
            }
            prop_assert!(o.probability.is_none_or(|p| (0.0..=1.0).contains(&p)));
            prop_assert!(o.probability.is_some() || o.low == o.high, "a probability whenever there is a range");
        }
    }

    #[test]
    fn the_required_preset_meets_every_feasible_target(
        picks in proptest::collection::vec((0usize..19, 0.0..1.0f64, 0.0..1.0f64), 1..19),
        date in as_of(),
    ) {
        let sheet = kontum();
        let mut s = Scenario::empty(&sheet);
        s.as_of = date;
        for (i, a, st) in picks {
            let t = &sheet.targets[i];
            // Within the bound, and for an average low enough that the rest of the period can still
            // lift it to the target without passing the bound.
            let top = t.bound.unwrap_or(t.value * 1.5);
            s.inputs.insert(t.id.clone(), Input {
                achieved: a * top,
                start: (t.kind == Kind::Level).then_some(st * a * top),
                ..Input::default()
            });
        }
        let required = apply_preset(&sheet, &s, Preset::Required);
        for r in project(&sheet, &required).results {
            let Some(o) = &r.outcome else { continue };
            let t = sheet.target(&r.id).unwrap();
            let feasible = match (t.kind, t.bound, o.required_rate) {
                (Kind::Average, Some(b), Some(req)) => req <= b,
                _ => true,
            };
            if feasible {
                prop_assert!(o.status.is_met(), "{}: {:?}", r.id, o);
            }
        }
    }

    #[test]
    fn parsing_what_formatting_printed_returns_the_number(n in -10_000_000_000i64..10_000_000_000i64, d in 0u8..=4) {
        let x = n as f64 / 10f64.powi(i32::from(d));
        for locale in [Locale::Vi, Locale::En] {
            let text = format_fixed(x, d, locale);
            prop_assert_eq!(parse_number(&text, locale, &[]), Ok(x), "{} in {:?}", text, locale);
        }
    }

    #[test]
    fn a_scenario_survives_its_json_form(
        picks in proptest::collection::vec(
            (0usize..19).prop_flat_map(|i| {
                let t = &kontum().targets[i];
                (Just(i), input_for(t.kind, t.bound, t.value), proptest::option::of(0.0..3.0f64))
            }),
            0..19,
        ),
        date in as_of(),
        name in "\\PC{0,30}",
    ) {
        let sheet = kontum();
        let mut s = Scenario::empty(&sheet);
        s.as_of = date;
        s.name = name;
        for (i, mut input, factor) in picks {
            input.assume = factor.map(Assume::Factor);
            s.inputs.insert(sheet.targets[i].id.clone(), input);
        }
        let again = Scenario::parse(&s.to_json_pretty(), &sheet);
        prop_assert_eq!(again.as_ref(), Ok(&s));
        // The URL fragment carries the same scenario (but for notes, which links leave out).
        let fragment = plan_widget::fragment::encode(&s, &sheet);
        let mut without_notes = s.clone();
        without_notes.notes.clear();
        for (_, input) in without_notes.inputs.iter_mut() {
            input.note = None;
        }
        prop_assert_eq!(plan_widget::fragment::decode(&fragment, &sheet), Ok(without_notes));
    }

    #[test]
    fn parsing_never_panics(text in "\\PC{0,40}") {
        for locale in [Locale::Vi, Locale::En] {
            let _ = parse_number(&text, locale, &["%", "tỷ đồng"]);
        }
    }
}

proptest! {
    /// A saved entry reads back as written, whatever its name and scenario text; any text at all reads
    /// as an entry or a reason, never a panic.
    #[test]
    fn saved_entries_round_trip(name in "\\PC{1,80}", scenario in "\\PC{0,200}", junk in "\\PC{0,300}") {
        use plan_widget::saved::{clean_name, decode, encode, Entry};
        let entry = Entry { name: clean_name(&name), sheet: "kontum-15-nq-tu-2022".into(), scenario };
        prop_assert_eq!(decode(&encode(&entry)), Ok(entry));
        let _ = decode(&junk);
    }

    /// Query strings of any text give flags or warnings, never a panic, and every warning names its flag.
    #[test]
    fn any_target_id_survives_the_share_link(id in "\\PC{1,40}", achieved in 0u32..100_000) {
        // Issue 15, item 7: ids with `+`, `@`, `=` were encoded in the link and never decoded.
        let json = serde_json::json!({
            "format": 1, "id": "ids", "title": {"vi": "T", "en": "T"},
            "resolution": {"number": "0", "issuer": {"vi": "X", "en": "X"}, "date": "2023-01-01"},
            "period": {"start": "2023-01-01", "end": "2023-12-31"},
            "units": {"u": {"label": {"vi": "u", "en": "u"}}},
            "areas": [{"id": "a", "clause": "1", "label": {"vi": "A", "en": "A"}}],
            "targets": [{"id": id, "area": "a", "clause": "1", "wording": "w", "label": {"vi": "L", "en": "L"},
                         "comparator": ">=", "value": 10, "unit": "u", "kind": "flow", "decimals": 0}]
        });
        // Ids a sheet refuses (blank, too long) are not links' business.
        if let Ok(sheet) = Sheet::parse(&json.to_string()) {
            let id = sheet.targets[0].id.clone();
            let mut s = Scenario::empty(&sheet);
            s.as_of = Date::parse("2023-06-30").unwrap();
            s.inputs.insert(id.clone(), Input { achieved: f64::from(achieved), ..Input::default() });
            let link = plan_widget::fragment::encode(&s, &sheet);
            let back = plan_widget::fragment::decode(&link, &sheet);
            prop_assert_eq!(back, Ok(s), "{:?} in {}", id, link);
        }
    }

    #[test]
    fn the_range_widens_as_the_time_left_grows(pace in 1.0..1000.0f64, vol in 0.1..300.0f64, a in 1u8..6, b in 1u8..6) {
        // Issue 14: the same pace so far, seen earlier (more months left), gives a range at least as wide.
        let sheet = kontum();
        let t = sheet.target("budget-revenue").unwrap();
        let (early, late) = if a <= b { (a, b) } else { (b, a) };
        let width = |months: u8| {
            let date = Date::end_of_month_index(sheet.start.month_index() + i32::from(months) - 1);
            let input = Input { achieved: pace * f64::from(months), volatility: Some(vol), ..Input::default() };
            let o = project_target(&sheet, t, &input, date);
            o.high - o.low
        };
        prop_assert!(width(early) >= width(late) - 1e-9, "{} < {}", width(early), width(late));
    }

    #[test]
    fn any_query_string_reads(q in "\\PC{0,300}") {
        let (_, warnings) = plan_widget::embed::read(&plan_widget::embed::query_pairs(&q));
        for w in warnings {
            prop_assert!(w.starts_with("plan-widget: ignored "));
        }
    }
}

/// The mirror image of a level or average target and its input: every value x becomes `MIRROR - x`
/// (which keeps a level's values positive, as a level's are), and lower is made better. `strict` picks "more than" (and so "less than") over "at least".
fn mirrored(
    sheet: &Sheet,
    id: &str,
    value: f64,
    strict: bool,
    input: &Input,
) -> (plan_widget::sheet::Target, plan_widget::sheet::Target, Input) {
    use plan_widget::sheet::{Better, Comparator};
    let mut up = sheet.target(id).unwrap().clone();
    up.bound = None;
    up.milestones.clear();
    up.value = value;
    up.comparator = if strict { Comparator::MoreThan } else { Comparator::AtLeast };
    up.better = Better::Higher;
    let mut down = up.clone();
    down.value = MIRROR - value;
    down.comparator = if strict { Comparator::LessThan } else { Comparator::AtMost };
    down.better = Better::Lower;
    let flip = |a: Assume| match a {
        Assume::Change(c) => Assume::Change(-c),
        Assume::Value(v) => Assume::Value(MIRROR - v),
        other => other,
    };
    let negated = Input {
        achieved: MIRROR - input.achieved,
        start: input.start.map(|s| MIRROR - s),
        assume: input.assume.map(flip),
        ..input.clone()
    };
    (up, down, negated)
}

const MIRROR: f64 = 300.0;

proptest! {
    #[test]
    fn a_lower_is_better_target_is_the_mirror_image_of_a_higher_is_better_one(
        level in any::<bool>(),
        value in 1.0..100.0f64,
        achieved in 0.0..100.0f64,
        start in 0.0..100.0f64,
        assumed in proptest::option::of(-5.0..5.0f64),
        volatility in proptest::option::of(0.1..5.0f64),
        strict in any::<bool>(),
        date in as_of(),
    ) {
        let sheet = kontum();
        let (id, assume) = if level {
            ("disbursement", assumed.map(Assume::Change))
        } else {
            ("grdp-growth", assumed.map(|a| Assume::Value(a + 5.0)))
        };
        let input = Input { achieved, start: level.then_some(start), assume, volatility, ..Input::default() };
        let (up, down, negated) = mirrored(&sheet, id, value, strict, &input);
        let a = project_target(&sheet, &up, &input, date);
        let b = project_target(&sheet, &down, &negated, date);
        // A level is never below zero: the mirror holds where neither side reached it.
        prop_assume!(a.low > 0.0 && a.high < MIRROR && b.low > 0.0 && b.high < MIRROR);
        let near = |x: f64, y: f64| (x - y).abs() <= 1e-9 * MIRROR;
        // An average's rates are values, not changes: under a ceiling its progress is the value allowed
        // over the value assumed, which does not mirror a floor's ratio. Whether it is met, missed or open
        // does; so do the projection, the range, the chance and the value required.
        let open = |s: plan_widget::engine::Status| {
            use plan_widget::engine::Status::*;
            if matches!(s, NeedsAcceleration | OffTrack) { OffTrack } else { s }
        };
        // Ratios of small differences carry the rounding of `MIRROR - x`: compared relatively.
        let same_ratio = |p: Option<f64>, q: Option<f64>| match (p, q) {
            (Some(p), Some(q)) => (p - q).abs() <= 1e-6 * p.abs().max(1.0),
            (p, q) => p.is_none() && q.is_none(),
        };
        // With a spread, a status is read from the range against the threshold, which mirrors exactly;
        // without one, from the projection's share of the target (P/G), a ratio of values that does not.
        if volatility.is_some() {
            prop_assert_eq!(a.status, b.status);
        }
        if level {
            prop_assert_eq!(open(a.status), open(b.status));
            prop_assert!(same_ratio(a.progress_ratio, b.progress_ratio), "{:?} {:?}", a.progress_ratio, b.progress_ratio);
            prop_assert!(same_ratio(a.pace_ratio, b.pace_ratio), "{:?} {:?}", a.pace_ratio, b.pace_ratio);
        } else {
            prop_assert_eq!(open(a.status), open(b.status));
        }
        prop_assert!(near(a.projected, MIRROR - b.projected), "{} {}", a.projected, b.projected);
        prop_assert!(near(a.low, MIRROR - b.high) && near(a.high, MIRROR - b.low));
        match (a.probability, b.probability) {
            (Some(p), Some(q)) => prop_assert!((p - q).abs() < 1e-9, "{} {}", p, q),
            (p, q) => prop_assert_eq!(p, q),
        }
        match (a.required_rate, b.required_rate) {
            // A level's required rate is a change (negated); an average's, a value (mirrored).
            (Some(p), Some(q)) => prop_assert!(near(p, if level { -q } else { MIRROR - q }), "{} {}", p, q),
            (p, q) => prop_assert_eq!(p, q),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A sheet written as a spreadsheet's table reads back as the same sheet, whatever its texts hold
    /// (separators, quotes) and whichever format 2 constructs its targets use (issue 13, item 5).
    #[test]
    fn a_sheet_survives_its_spreadsheet_table(
        texts in proptest::collection::vec("[a-zđ][a-zA-Zàđươ ,;\"'=+-]{0,19}", 4),
        value in 0.5..1000.0f64,
        width in 0.1..50.0f64,
        tolerance in proptest::option::of(0.1..5.0f64),
        construct in 0u8..9,
        tsv in any::<bool>(),
        shares in proptest::collection::vec(0.0..1.0f64, 12),
    ) {
        use serde_json::json;
        let mut target = json!({"id": "t1", "area": "a", "clause": texts[0], "wording": texts[1],
            "label": {"vi": texts[2], "en": texts[3]}, "unit": "u", "kind": "level", "decimals": 2,
            "comparator": ">=", "value": value});
        match construct {
            1 => { target["comparator"] = "<".into(); }
            2 => { target["comparator"] = "between".into(); target["value"] = json!([value, value + width]); target["better"] = "lower".into(); }
            3 => { target["baseline"] = json!({"value": value + width, "date": "2022-12-31"}); target["change"] = "points".into(); target["better"] = "lower".into(); target["comparator"] = ">".into(); }
            4 => { target["milestones"] = json!([{"date": "2023-06-30", "comparator": "<=", "value": value, "clause": texts[0], "wording": texts[2]}]); }
            5 => {
                target["kind"] = "flow".into();
                target["history"] = json!([{"as_of": "2021-09-30", "to_date": value, "total": value + width},
                    {"as_of": "2022-09-30", "to_date": width, "total": value + width}]);
                target["history_source"] = json!({"vi": texts[1], "en": texts[0]});
            }
            // A profile of any shares (scaled to add up to 1), and a quarterly target (issue 14).
            6 => {
                let sum: f64 = shares.iter().sum::<f64>().max(1e-9);
                target["kind"] = "flow".into();
                target["profile"] = json!(shares.iter().map(|x| x / sum).collect::<Vec<_>>());
                target["profile_source"] = json!({"vi": texts[0], "en": texts[3]});
            }
            7 => { target["frequency"] = "quarterly".into(); }
            // A deadline of its own, with a milestone after the period's end (the disbursement's).
            8 => {
                target["deadline"] = "2024-01-31".into();
                target["milestones"] = json!([{"date": "2024-01-31", "comparator": ">=", "value": value, "clause": texts[0], "wording": texts[2]}]);
            }
            _ => {}
        }
        if let Some(t) = tolerance.filter(|_| construct < 2) {
            target["approximately"] = true.into();
            target["tolerance"] = t.into();
        }
        let sheet = json!({"format": 2, "id": "s", "title": {"vi": texts[3], "en": texts[2]},
            "resolution": {"number": texts[0], "issuer": {"vi": texts[1], "en": texts[0]}, "date": "2022-11-10"},
            "period": {"start": "2023-01-01", "end": "2023-12-31"},
            "units": {"u": {"label": {"vi": texts[1], "en": texts[3]}}},
            "areas": [{"id": "a", "clause": texts[2], "label": {"vi": texts[0], "en": texts[1]}}],
            "targets": [target]});
        let sheet = Sheet::parse(&sheet.to_string()).unwrap();
        let table = plan_widget::table::to_table(&sheet, if tsv { '\t' } else { ',' });
        prop_assert_eq!(plan_widget::table::from_table(&table), Ok(sheet));
    }
}

proptest! {
    /// Issue 14, item 4: with no spread, a status rests on the projection alone, so the same projection
    /// reads the same on any date, and one that meets its target is on track on every date.
    #[test]
    fn the_same_projection_has_the_same_status_on_any_date(
        share in 0.05..2.0f64, d1 in as_of(), d2 in as_of()
    ) {
        use plan_widget::engine::Status;
        let sheet = kontum();
        let t = sheet.target("budget-revenue").unwrap();
        let projected = share * t.value;
        let status_at = |date: Date| {
            // The pace so far that projects to `projected` at the period's end, whatever the date.
            let e = plan_widget::engine::months_elapsed(&sheet, date);
            let achieved = projected * e / f64::from(sheet.months());
            let o = project_target(&sheet, t, &Input { achieved, ..Input::default() }, date);
            prop_assert!((o.projected - projected).abs() < 1e-6 * projected.max(1.0));
            // Less than a month of figures carried on, with no range: too early (issue 14, item 5).
            let early = e < plan_widget::engine::MIN_DATA_MONTHS;
            if early && !t.met(achieved) {
                prop_assert_eq!(o.status, Status::TooEarly);
            }
            Ok((o.status, achieved, early))
        };
        let (a, achieved_a, early_a) = status_at(d1)?;
        let (b, achieved_b, early_b) = status_at(d2)?;
        // A flow already over its target is achieved, whatever else: compare the open ones.
        if !t.met(achieved_a) && !t.met(achieved_b) && !early_a && !early_b {
            prop_assert_eq!(a, b);
            if t.met(projected) {
                prop_assert_eq!(a, Status::OnTrack);
            }
        }
    }
}

/// The Kon Tum sheet with `profile` on the revenue (a flow) and the disbursement (a level). The same
/// fixture as the engine's unit tests' `with_profile` (an integration test cannot reach those).
fn kontum_with_profile(profile: &[f64]) -> Sheet {
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("../data/sheets/kontum-15-nq-tu-2022.json")).unwrap();
    v["format"] = 2.into();
    for t in v["targets"].as_array_mut().unwrap() {
        if t["id"] == "budget-revenue" || t["id"] == "disbursement" {
            // Judged at the period's end here (not at the disbursement's deadline), so that one profile
            // fits both.
            if let Some(o) = t.as_object_mut() {
                o.remove("deadline");
            }
            for m in t["milestones"].as_array_mut().into_iter().flatten() {
                if m["date"] == "2023-01-31" {
                    m["date"] = "2022-12-31".into();
                }
            }
            t["profile"] = serde_json::json!(profile);
            t["profile_source"] = serde_json::json!({"vi": "Thử", "en": "Test"});
        }
    }
    Sheet::parse(&v.to_string()).unwrap()
}

proptest! {
    /// Issue 14, item 1: a profile that gives every month the same share projects exactly as the pace so
    /// far: the same projection, range, probability, required pace and status, on any date, with or
    /// without a volatility or a factor.
    #[test]
    fn a_flat_profile_gives_the_run_rate_exactly(
        id in prop_oneof![Just("budget-revenue"), Just("disbursement")],
        achieved in 0.0..3000.0f64,
        start in 0.0..100.0f64,
        vol in proptest::option::of(0.0..200.0f64),
        factor in proptest::option::of(0.5..2.0f64),
        date in as_of(),
    ) {
        use plan_widget::engine::Method;
        let flat = kontum_with_profile(&[1.0 / 6.0; 6]);
        let t = flat.target(id).unwrap();
        let level = t.kind == Kind::Level;
        let achieved = if level { achieved.min(100.0) } else { achieved };
        let input = Input {
            achieved,
            start: level.then_some(start.min(achieved)),
            volatility: vol,
            assume: factor.map(Assume::Factor),
            ..Input::default()
        };
        let by_profile = project_target(&flat, t, &input, date);
        let by_pace = project_target(&flat, t, &Input { method: Some(Method::Flat), ..input.clone() }, date);
        prop_assert_eq!(by_profile.method, Method::Profile);
        prop_assert_eq!(by_pace.method, Method::Flat);
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
        prop_assert!(close(by_profile.projected, by_pace.projected), "{} vs {}", by_profile.projected, by_pace.projected);
        prop_assert!(close(by_profile.low, by_pace.low) && close(by_profile.high, by_pace.high));
        prop_assert_eq!(by_profile.status, by_pace.status);
        match (by_profile.probability, by_pace.probability) {
            (Some(a), Some(b)) => prop_assert!(close(a, b)),
            (a, b) => prop_assert_eq!(a, b),
        }
        for (a, b) in [
            (by_profile.required_rate, by_pace.required_rate),
            (by_profile.pace_ratio, by_pace.pace_ratio),
        ] {
            match (a, b) {
                (Some(a), Some(b)) => prop_assert!(close(a, b)),
                (a, b) => prop_assert_eq!(a, b),
            }
        }
        // The path to the period's end is the same at every point.
        let (p, q) = (
            plan_widget::engine::trajectory(&flat, t, &input, date, 4),
            plan_widget::engine::trajectory(&flat, t, &Input { method: Some(Method::Flat), ..input.clone() }, date, 4),
        );
        for (a, b) in p.ahead.iter().zip(&q.ahead) {
            prop_assert!(close(a.value, b.value) && close(a.low, b.low) && close(a.high, b.high));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Issue 14: any profile (zeros included), any day (to the disbursement's deadline, 31 January), any
    /// figures, methods and assumptions give finite projections, ranges that hold them, chances within 0–1,
    /// and a view in both languages, never a panic.
    #[test]
    fn profiles_and_methods_never_break_a_projection_or_the_view(
        shares in proptest::collection::vec(prop_oneof![Just(0.0), 0.0..1.0f64], 13),
        month in 1u8..=13, day in 1u8..=31,
        revenue in 0.0..5000.0f64, start in 0.0..100.0f64, level in 0.0..100.0f64,
        method in 0u8..4, assume in 0u8..4, amount in 0.0..500.0f64,
        vol in proptest::option::of(0.0..300.0f64),
    ) {
        use plan_widget::engine::{trajectory, Method};
        let (year, month) = if month == 13 { (2023, 1) } else { (2022, month) };
        let Some(as_of) = Date::parse(&format!("{year}-{month:02}-{day:02}")) else { return Ok(()) };
        // One share a month: twelve for the revenue, thirteen for the disbursement (to its deadline).
        let profile = |n: usize| {
            let sum: f64 = shares[..n].iter().sum();
            shares[..n].iter().map(|x| x / sum).collect::<Vec<_>>()
        };
        prop_assume!(shares[..12].iter().sum::<f64>() > 0.0);
        let mut v: serde_json::Value =
            serde_json::from_str(include_str!("../data/sheets/kontum-2022-year-plan.json")).unwrap();
        for t in v["targets"].as_array_mut().unwrap() {
            if t["id"] == "budget-revenue-2022" || t["id"] == "disbursement-2022" {
                t["profile"] = serde_json::json!(profile(if t["id"] == "budget-revenue-2022" { 12 } else { 13 }));
                t["profile_source"] = serde_json::json!({"vi": "Thử", "en": "Test"});
            }
        }
        let sheet = Sheet::parse(&v.to_string()).unwrap();
        let chosen = [None, Some(Method::Flat), Some(Method::Profile), Some(Method::LastYear)][usize::from(method)];
        let assumption = [None, Some(Assume::Factor(amount / 100.0)), Some(Assume::Pace(amount)), Some(Assume::Change(amount / 100.0))];
        let mut s = Scenario::empty(&sheet);
        s.as_of = as_of;
        for t in &sheet.targets {
            let is_level = t.kind == Kind::Level;
            let mut input = Input {
                achieved: if is_level { level } else { revenue },
                start: is_level.then_some(start),
                volatility: vol,
                assume: assumption[usize::from(assume)].filter(|a| matches!(
                    (a, t.kind), (Assume::Factor(_), _) | (Assume::Pace(_), Kind::Flow) | (Assume::Change(_), Kind::Level)
                )),
                ..Input::default()
            };
            input.method = chosen.filter(|m| m.applies(t, &input));
            let o = project_target(&sheet, t, &input, as_of);
            prop_assert!(o.projected.is_finite() && o.low.is_finite() && o.high.is_finite(), "{}: {o:?}", t.id);
            prop_assert!(o.low <= o.projected + 1e-6 && o.projected <= o.high + 1e-6, "{}: {o:?}", t.id);
            prop_assert!(o.probability.is_none_or(|p| (0.0..=1.0).contains(&p)));
            prop_assert!(o.required_rate.is_none_or(f64::is_finite) && o.pace_ratio.is_none_or(f64::is_finite));
            prop_assert!(o.milestones.iter().all(|m| m.at.is_finite()));
            // Over on the day it is judged (31 December, or the disbursement's 31 January), not before.
            prop_assert_eq!(o.over, as_of >= sheet.judged_on(t), "{} at {}", t.id, as_of.iso());
            let path = trajectory(&sheet, t, &input, as_of, 6);
            prop_assert!(path.so_far.iter().all(|(m, x)| m.is_finite() && x.is_finite()));
            prop_assert!(path.ahead.iter().all(|b| b.value.is_finite() && b.low.is_finite() && b.high.is_finite()));
            s.inputs.insert(t.id.clone(), input);
        }
        // As a reader opens it from a link: every card, both languages.
        let link = plan_widget::fragment::encode(&s, &sheet);
        for l in [Locale::Vi, Locale::En] {
            let mut state = plan_widget::ui::State::new(sheet.clone(), l, Some(&link));
            prop_assert!(state.link_problems.is_empty(), "{link}: {:?}", state.link_problems);
            prop_assert_eq!(&state.scenario.inputs, &s.inputs);
            state.widths = (340, 300);
            let _ = state.view();
        }
    }
}

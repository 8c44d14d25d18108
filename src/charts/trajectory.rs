//! A target's chart: the path so far, the projection to the period's end with its 80% band, the target
//! line and the milestones, over the months of the period.

use super::{nice_ticks, Palette};
use crate::engine::{Status, Trajectory};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub struct Params<'a> {
    pub trajectory: &'a Trajectory,
    /// Months in the period.
    pub total: f64,
    /// The level that meets the target (a range's near end, a change from a baseline as a level).
    pub target: f64,
    /// A range target's two ends, drawn as a band behind everything.
    pub range: Option<(f64, f64)>,
    /// A change target's baseline, drawn as a point at the period's start.
    pub baseline: Option<f64>,
    /// The target line's label, such as "> 1.700".
    pub target_label: &'a str,
    /// Milestones as (month, value).
    pub milestones: &'a [(f64, f64)],
    /// One label per month of the period, for the end of that month.
    pub month_labels: &'a [String],
    pub format_y: &'a dyn Fn(f64) -> String,
    pub status: Status,
    /// Whether the value axis starts at zero (flows do).
    pub from_zero: bool,
    pub palette: &'a Palette,
    pub scale: f64,
}

/// The CSS height of a target's chart.
pub const HEIGHT: f64 = 190.0;

/// The value range the chart shows: every point, the band, the target and the milestones, padded.
pub fn value_range(p: &Params) -> (f64, f64) {
    let values = p
        .trajectory
        .so_far
        .iter()
        .map(|(_, y)| *y)
        .chain(p.trajectory.ahead.iter().flat_map(|b| [b.low, b.high, b.value]))
        .chain(p.milestones.iter().map(|(_, y)| *y))
        .chain([p.target])
        .chain(p.range.into_iter().flat_map(|(a, b)| [a, b]))
        .chain(p.baseline)
        .filter(|y| y.is_finite());
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), y| (lo.min(y), hi.max(y)));
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    let pad = if hi > lo { (hi - lo) * 0.08 } else { hi.abs().max(1.0) * 0.05 };
    let lo = if p.from_zero { lo.min(0.0) } else { lo - pad };
    (lo, hi + pad)
}

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    p: &Params,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let s = p.scale;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (f64::from(w), f64::from(h));
    area.fill(&p.palette.background)?;
    let font = |size: f64| ("sans-serif", size * s).into_font();
    let small = TextStyle::from(font(11.0)).color(&p.palette.muted);
    let (left, right, top, bottom) = (54.0 * s, w - 12.0 * s, 12.0 * s, h - 24.0 * s);
    let (lo, hi) = value_range(p);
    let x = |m: f64| (left + (right - left) * (m / p.total).clamp(0.0, 1.0)) as i32;
    let y = |v: f64| (bottom - (bottom - top) * ((v - lo) / (hi - lo)).clamp(0.0, 1.0)) as i32;
    let thin = |c: &RGBColor, width: f64| ShapeStyle::from(c).stroke_width((width * s).max(1.0) as u32);

    // Value grid and labels.
    for tick in nice_ticks(lo, hi, 4) {
        area.draw(&PathElement::new(vec![(x(0.0), y(tick)), (x(p.total), y(tick))], thin(&p.palette.grid, 1.0)))?;
        area.draw(&Text::new(
            (p.format_y)(tick),
            ((left - 6.0 * s) as i32, y(tick)),
            small.pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }
    // Month labels; every other one when the months are crowded. The last month always has its label, so
    // the one just before it gives way (an odd number of months put "Dec" and "Jan" side by side).
    let every = if (right - left) / p.total < 34.0 * s { 2 } else { 1 };
    let last = p.month_labels.len();
    for (i, label) in p.month_labels.iter().enumerate() {
        if i + 1 == last || ((i + 1) % every == 0 && !(every > 1 && i + 2 == last)) {
            let m = (i + 1) as f64;
            let anchor = if i + 1 == last { HPos::Right } else { HPos::Center };
            area.draw(&Text::new(
                label.clone(),
                (x(m), (bottom + 6.0 * s) as i32),
                small.pos(Pos::new(anchor, VPos::Top)),
            ))?;
        }
    }
    // A range target: a band between its ends, under everything else.
    if let Some((a, b)) = p.range {
        let band = vec![(x(0.0), y(b)), (x(p.total), y(b)), (x(p.total), y(a)), (x(0.0), y(a))];
        area.draw(&Polygon::new(band, p.palette.target.mix(0.12).filled()))?;
    }
    let colour = p.palette.status(p.status);
    // The band, then the projection as a dashed line, then the path so far on top.
    let ahead = &p.trajectory.ahead;
    if ahead.iter().any(|b| b.high > b.low) {
        let mut outline: Vec<(i32, i32)> = ahead.iter().map(|b| (x(b.month), y(b.high))).collect();
        outline.extend(ahead.iter().rev().map(|b| (x(b.month), y(b.low))));
        area.draw(&Polygon::new(outline, colour.mix(0.22).filled()))?;
    }
    for pair in ahead.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        for k in (0..8).step_by(2) {
            let t0 = k as f64 / 8.0;
            let t1 = (k + 1) as f64 / 8.0;
            let at = |t: f64| (x(a.month + (b.month - a.month) * t), y(a.value + (b.value - a.value) * t));
            area.draw(&PathElement::new(vec![at(t0), at(t1)], thin(&colour, 2.5)))?;
        }
    }
    let so_far: Vec<(i32, i32)> = p.trajectory.so_far.iter().map(|(m, v)| (x(*m), y(*v))).collect();
    area.draw(&PathElement::new(so_far.clone(), thin(&p.palette.text, 2.5)))?;
    if let Some(last) = so_far.last() {
        area.draw(&Circle::new(*last, (3.5 * s) as i32, p.palette.text.filled()))?;
    }
    if let Some(end) = ahead.last() {
        area.draw(&Circle::new((x(end.month), y(end.value)), (3.5 * s) as i32, colour.filled()))?;
    }
    // The target line and its label.
    area.draw(&PathElement::new(vec![(x(0.0), y(p.target)), (x(p.total), y(p.target))], thin(&p.palette.target, 1.5)))?;
    let label = TextStyle::from(font(11.5).style(FontStyle::Bold)).color(&p.palette.target);
    area.draw(&Text::new(
        p.target_label.to_string(),
        ((left + 4.0 * s) as i32, y(p.target) - (3.0 * s) as i32),
        label.pos(Pos::new(HPos::Left, VPos::Bottom)),
    ))?;
    // A change target's baseline: a hollow point at the period's start.
    if let Some(b) = p.baseline {
        area.draw(&Circle::new((x(0.0), y(b)), (4.0 * s) as i32, thin(&p.palette.target, 2.0)))?;
    }
    // Milestones as diamonds.
    for (m, v) in p.milestones {
        let (cx, cy) = (x(*m), y(*v));
        let r = (5.0 * s) as i32;
        area.draw(&Polygon::new(
            vec![(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)],
            p.palette.target.filled(),
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::engine::trajectory;
    use crate::scenario::Input;
    use crate::sheet::Sheet;

    fn render(params: &Params, width: u32) -> crate::markup::Node {
        crate::charts::svg::chart(width, (HEIGHT * params.scale) as u32, "chart", |area| draw(area, params).unwrap())
    }

    fn count(svg: &crate::markup::Node, tag: &str) -> usize {
        svg.children.iter().filter(|n| n.tag == tag).count()
    }

    #[test]
    fn draws_the_path_the_band_the_target_and_milestones() {
        let sheet = Sheet::kontum().unwrap();
        let t = sheet.target("disbursement").unwrap();
        let input = Input { achieved: 60.0, start: Some(37.0), volatility: Some(3.0), ..Input::default() };
        let tr = trajectory(&sheet, t, &input, Date::parse("2022-09-30").unwrap(), 6);
        let months: Vec<String> = ["T7", "T8", "T9", "T10", "T11", "T12"].map(String::from).to_vec();
        let fmt = |v: f64| format!("{v:.0}%");
        let params = Params {
            trajectory: &tr,
            total: 6.0,
            target: 100.0,
            range: None,
            baseline: None,
            target_label: "≥ 100%",
            milestones: &[(3.0, 70.0), (6.0, 100.0)],
            month_labels: &months,
            format_y: &fmt,
            status: Status::OffTrack,
            from_zero: false,
            palette: &Palette::LIGHT,
            scale: 1.0,
        };
        let svg = render(&params, 340);
        for text in ["T7", "T12", "≥ 100%"] {
            assert!(svg.children.iter().any(|n| n.tag == "text" && n.text == text), "{text} missing");
        }
        // The band and two milestone diamonds are polygons.
        assert_eq!(count(&svg, "polygon"), 3);
        // Value range covers 37 (the start) and 100 (the target and the bound).
        let (lo, hi) = value_range(&params);
        assert!(lo < 37.0 && hi > 100.0 && hi < 110.0, "{lo}..{hi}");
        // The same chart with twice the scale draws in twice the pixels and stays identical in shape.
        let doubled = Params { scale: 2.0, ..params };
        assert_eq!(count(&render(&doubled, 680), "polygon"), 3);
    }

    #[test]
    fn a_flow_starts_from_zero_and_draws_no_band_without_volatility() {
        let sheet = Sheet::kontum().unwrap();
        let t = sheet.target("budget-revenue").unwrap();
        let input = Input { achieved: 630.0, ..Input::default() };
        let tr = trajectory(&sheet, t, &input, Date::parse("2022-09-30").unwrap(), 3);
        let months: Vec<String> = (7..=12).map(|m| m.to_string()).collect();
        let fmt = |v: f64| format!("{v}");
        let params = Params {
            trajectory: &tr,
            total: 6.0,
            target: 1700.0,
            range: None,
            baseline: None,
            target_label: "> 1.700",
            milestones: &[],
            month_labels: &months,
            format_y: &fmt,
            status: Status::OffTrack,
            from_zero: true,
            palette: &Palette::DARK,
            scale: 1.0,
        };
        assert_eq!(value_range(&params).0, 0.0);
        let svg = render(&params, 340);
        assert_eq!(count(&svg, "polygon"), 0);
        assert!(svg.children.iter().any(|n| n.text == "> 1.700"));
        // Crowded months label every other one, and the last: of seven (July to a January deadline), the
        // sixth gives way to the seventh beside it.
        let seven: Vec<String> = (7..=13).map(|m| format!("M{m}")).collect();
        let labels = |width| {
            let svg = render(&Params { month_labels: &seven, total: 7.0, ..params }, width);
            svg.children
                .iter()
                .filter(|n| n.tag == "text" && n.text.starts_with('M'))
                .map(|n| n.text.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(labels(240), ["M8", "M10", "M13"]);
        assert_eq!(labels(680), seven);
    }
}

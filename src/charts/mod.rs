//! Charts, drawn with plotters by pure functions generic over the backend: `svg`, a backend that emits
//! SVG elements as `markup::Node`s, draws them for the page, for PNG downloads (an SVG document drawn on
//! a canvas by the browser) and for tests. Each chart is one module with a `draw(area, params)`
//! function. Sizes in the parameters are CSS pixels; `scale` multiplies them (SVG stays sharp at any
//! pixel ratio, so the page draws at scale 1).

pub mod attainment;
pub mod svg;
pub mod trajectory;

use crate::engine::Status;
use plotters::style::RGBColor;

/// The colours of a chart, for the light or the dark theme. Status colours come from the Okabe–Ito
/// palette, which colour-blind readers can tell apart; status is never shown by colour alone.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub target: RGBColor,
    pub achieved: RGBColor,
    pub on_track: RGBColor,
    pub needs_acceleration: RGBColor,
    pub off_track: RGBColor,
    pub no_data: RGBColor,
}

impl Palette {
    pub const LIGHT: Palette = Palette {
        background: RGBColor(255, 255, 255),
        text: RGBColor(27, 31, 36),
        muted: RGBColor(87, 96, 106),
        grid: RGBColor(216, 222, 228),
        target: RGBColor(27, 31, 36),
        achieved: RGBColor(0, 114, 178),
        on_track: RGBColor(0, 125, 92),
        needs_acceleration: RGBColor(176, 110, 0),
        off_track: RGBColor(190, 72, 0),
        no_data: RGBColor(120, 128, 138),
    };

    pub const DARK: Palette = Palette {
        background: RGBColor(26, 31, 38),
        text: RGBColor(230, 232, 235),
        muted: RGBColor(163, 172, 182),
        grid: RGBColor(57, 65, 75),
        target: RGBColor(230, 232, 235),
        achieved: RGBColor(86, 180, 233),
        on_track: RGBColor(0, 190, 140),
        needs_acceleration: RGBColor(240, 180, 40),
        off_track: RGBColor(240, 120, 60),
        no_data: RGBColor(140, 148, 158),
    };

    pub fn status(&self, status: Status) -> RGBColor {
        match status {
            Status::Achieved => self.achieved,
            Status::OnTrack => self.on_track,
            Status::NeedsAcceleration | Status::TooClose => self.needs_acceleration,
            Status::OffTrack | Status::Missed | Status::Unreachable => self.off_track,
            Status::NoData | Status::TooEarly => self.no_data,
        }
    }
}

/// "Nice" tick values (1, 2 or 5 times a power of ten apart) covering `lo..hi` with about `count` ticks.
pub fn nice_ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo || count == 0 {
        return vec![lo];
    }
    let rough = (hi - lo) / count as f64;
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * power).find(|s| *s >= rough).unwrap_or(10.0 * power);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ticks_step_by_1_2_or_5() {
        assert_eq!(nice_ticks(0.0, 1700.0, 4), vec![0.0, 500.0, 1000.0, 1500.0]);
        assert_eq!(nice_ticks(90.0, 100.0, 5), vec![90.0, 92.0, 94.0, 96.0, 98.0, 100.0]);
        assert_eq!(nice_ticks(0.0, 0.0, 4), vec![0.0]);
        assert_eq!(nice_ticks(f64::NAN, 1.0, 4).len(), 1);
    }
}

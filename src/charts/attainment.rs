//! The summary chart: one horizontal bar per target, its attainment against the 100% line, with the
//! band as a whisker and the status as an icon and a percentage beside the bar (never colour alone).

use super::Palette;
use crate::engine::Status;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub label: String,
    /// Attainment as a ratio (1.0 is the target), and its band.
    pub attainment: f64,
    pub low: f64,
    pub high: f64,
    pub status: Status,
    /// The text after the bar, such as "✕ 74%".
    pub note: String,
}

pub struct Params<'a> {
    pub rows: &'a [Row],
    pub palette: &'a Palette,
    pub scale: f64,
    /// The words on the 100% line ("chỉ tiêu" / "target").
    pub target_label: &'a str,
}

/// The CSS height of a row, and of the space above the rows for the 100% label.
pub const ROW_HEIGHT: f64 = 44.0;
pub const TOP: f64 = 22.0;

/// The CSS height the chart needs for `rows` bars.
pub fn height_for(rows: usize) -> f64 {
    TOP + ROW_HEIGHT * rows.max(1) as f64 + 8.0
}

/// The largest ratio the axis shows. The axis is the same whatever the data: a reader changing one
/// target sees that bar move and no other (an axis fitted to the data would shrink every bar when one
/// grew), and a change redraws one row, not all of them. A bar or band beyond it stops at the edge, and
/// the note beside it gives the figure.
pub const AXIS_MAX: f64 = 1.5;

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    p: &Params,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let s = p.scale;
    let (w, _) = area.dim_in_pixel();
    let w = f64::from(w);
    area.fill(&p.palette.background)?;
    let left = 4.0 * s;
    // Room at the right for the note after the longest bar.
    let right = w - 64.0 * s;
    let max = AXIS_MAX;
    let x = |ratio: f64| (left + (right - left) * (ratio.clamp(0.0, max) / max)) as i32;
    let font = |size: f64| ("sans-serif", size * s).into_font();
    let label_style = TextStyle::from(font(12.5)).color(&p.palette.text);
    let note_style = TextStyle::from(font(12.5).style(FontStyle::Bold)).color(&p.palette.text);
    let small = TextStyle::from(font(11.0)).color(&p.palette.muted);

    let bottom = ((TOP + ROW_HEIGHT * p.rows.len().max(1) as f64) * s) as i32;
    let x100 = x(1.0);
    area.draw(&Text::new(
        format!("100% {}", p.target_label),
        (x100, (4.0 * s) as i32),
        small.pos(Pos::new(HPos::Center, VPos::Top)),
    ))?;
    // The 100% line first, so that bars and their notes are drawn over it.
    let line = ShapeStyle::from(&p.palette.target).stroke_width((2.0 * s) as u32);
    area.draw(&PathElement::new(vec![(x100, (18.0 * s) as i32), (x100, bottom)], line))?;
    for (i, row) in p.rows.iter().enumerate() {
        let top = (TOP + ROW_HEIGHT * i as f64) * s;
        area.draw(&Text::new(row.label.clone(), (left as i32, (top + 2.0 * s) as i32), label_style.clone()))?;
        let bar_top = (top + 20.0 * s) as i32;
        let bar_bottom = (top + 36.0 * s) as i32;
        let colour = p.palette.status(row.status);
        area.draw(&Rectangle::new(
            [(x(0.0), bar_top), (x(row.attainment).max(x(0.0) + 1), bar_bottom)],
            colour.filled(),
        ))?;
        if row.high > row.low {
            let mid = (bar_top + bar_bottom) / 2;
            let whisker = ShapeStyle::from(&p.palette.text).stroke_width((1.5 * s).max(1.0) as u32);
            area.draw(&PathElement::new(vec![(x(row.low), mid), (x(row.high), mid)], whisker))?;
            for end in [row.low, row.high] {
                area.draw(&PathElement::new(
                    vec![(x(end), mid - (4.0 * s) as i32), (x(end), mid + (4.0 * s) as i32)],
                    whisker,
                ))?;
            }
        }
        let note_x = x(row.attainment.max(row.high)) + (6.0 * s) as i32;
        // The note sits on a patch of background, so that the 100% line never runs through its figure.
        let mid = (bar_top + bar_bottom) / 2;
        let note_width = (row.note.chars().count() as f64 * 8.0 * s) as i32;
        area.draw(&Rectangle::new(
            [(note_x - (2.0 * s) as i32, mid - (9.0 * s) as i32), (note_x + note_width, mid + (9.0 * s) as i32)],
            p.palette.background.filled(),
        ))?;
        area.draw(&Text::new(
            row.note.clone(),
            (note_x, (bar_top + bar_bottom) / 2),
            note_style.pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(label: &str, attainment: f64, status: Status) -> Row {
        Row {
            label: label.into(),
            attainment,
            low: attainment,
            high: attainment,
            status,
            note: format!("{attainment}"),
        }
    }

    #[test]
    fn draws_a_bar_per_row_against_the_100_line() {
        let rows = [row("Revenue", 0.74, Status::OffTrack), row("Investment", 1.03, Status::OnTrack)];
        let svg = crate::charts::svg::chart(360, height_for(2) as u32, "summary", |area| {
            draw(area, &Params { rows: &rows, palette: &Palette::LIGHT, scale: 1.0, target_label: "target" }).unwrap();
        });
        let text = svg.text_content();
        assert!(text.contains("Revenue") && text.contains("Investment") && text.contains("100% target"));
        // The background, and per row its bar and the patch behind its note.
        let all: Vec<&crate::markup::Node> = svg.children.iter().map(|n| &**n).filter(|n| n.tag == "rect").collect();
        assert_eq!(all.len(), 5);
        let rects = [all[0], all[1], all[3]];
        // Status colours: off track in vermillion, on track in bluish green.
        assert!(rects[1].attrs.contains(&("fill", "#be4800".into())), "{:?}", rects[1]);
        assert!(rects[2].attrs.contains(&("fill", "#007d5c".into())), "{:?}", rects[2]);
        // The 74% bar is shorter than the 103% one.
        let width =
            |n: &crate::markup::Node| n.attrs.iter().find(|(k, _)| *k == "width").unwrap().1.parse::<i32>().unwrap();
        assert!(width(rects[1]) < width(rects[2]));
    }

    fn svg(rows: &[Row]) -> crate::markup::Node {
        crate::charts::svg::chart(360, height_for(rows.len()) as u32, "summary", |area| {
            draw(area, &Params { rows, palette: &Palette::LIGHT, scale: 1.0, target_label: "target" }).unwrap();
        })
    }

    #[test]
    fn changing_one_row_redraws_only_that_row_and_a_large_one_stops_at_the_edge() {
        let mut rows =
            vec![row("a", 0.5, Status::OffTrack), row("b", 1.0, Status::OnTrack), row("c", 1.2, Status::OnTrack)];
        let before = svg(&rows);
        rows[1] = row("b", 9.0, Status::Achieved);
        let after = svg(&rows);
        assert_eq!(before.children.len(), after.children.len());
        let changed: Vec<String> = before
            .children
            .iter()
            .zip(&after.children)
            .filter(|(b, a)| b != a)
            .map(|(_, a)| a.tag.to_string() + ":" + &a.text)
            .collect();
        // Row b's bar, and its note with the patch behind it (placed after the bar); nothing of rows a and c.
        assert_eq!(changed, ["rect:", "rect:", "text:9"]);
        let bar = after.children.iter().filter(|n| n.tag == "rect").nth(3).unwrap();
        let width: i32 = bar.attrs.iter().find(|(k, _)| *k == "width").unwrap().1.parse().unwrap();
        assert!(width <= 360 - 64, "the bar stops at the axis end, leaving room for its note: {width}");
        assert_eq!(height_for(0), height_for(1));
    }
}

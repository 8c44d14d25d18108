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

    // The line ends just below the last bar, where the patch behind its note would end.
    let bottom = ((TOP + ROW_HEIGHT * p.rows.len().max(1) as f64 - 7.0) * s) as i32;
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
        // A label that may reach the 100% line interrupts it: a patch of background over the line, from
        // 2 px below the bar above (where a note's patch ends) to 2 px above this bar, so that the line
        // never runs through its words. The label's width is a generous estimate (8 px a character, for
        // a font of 12.5 drawn at 13); an unneeded gap costs nothing.
        if left + row.label.chars().count() as f64 * 8.0 * s > f64::from(x100) - 3.0 * s {
            let half = (3.0 * s) as i32;
            area.draw(&Rectangle::new(
                [(x100 - half, (top - 6.0 * s) as i32), (x100 + half, (top + 18.0 * s) as i32)],
                p.palette.background.filled(),
            ))?;
        }
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
        // The note sits on a patch of background, so that the 100% line never runs through its figure;
        // one too wide for the room after a bar beyond the axis moves left, over the bar's end.
        let note_width = (row.note.chars().count() as f64 * 9.0 * s) as i32;
        let note_x = (x(row.attainment.max(row.high)) + (6.0 * s) as i32).min(w as i32 - note_width);
        area.draw(&Rectangle::new(
            [
                (note_x - (2.0 * s) as i32, bar_top - (2.0 * s) as i32),
                (note_x + note_width, bar_bottom + (2.0 * s) as i32),
            ],
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

    /// A text's box from its attributes: a width of 0.6 em a character (0.68 em in bold; generous for
    /// sans-serif Vietnamese), a height of 1.2 em placed by its anchor and baseline.
    fn text_box(n: &crate::markup::Node) -> [f64; 4] {
        let a = |k: &str| n.attrs.iter().find(|(name, _)| *name == k).map(|(_, v)| v.as_str());
        let num = |k: &str| a(k).unwrap().parse::<f64>().unwrap();
        let (x, y, size) = (num("x"), num("y"), num("font-size"));
        let em = if a("font-weight") == Some("bold") { 0.68 } else { 0.6 };
        let width = n.text.chars().count() as f64 * size * em;
        let x0 = match a("text-anchor") {
            Some("middle") => x - width / 2.0,
            Some("end") => x - width,
            _ => x,
        };
        let y0 = match a("dominant-baseline") {
            Some("hanging") => y - 0.2 * size,
            Some("central") => y - 0.6 * size,
            _ => y - 1.2 * size,
        };
        [x0, y0, x0 + width, y0 + 1.2 * size]
    }

    fn rect_box(n: &crate::markup::Node) -> [f64; 4] {
        let num = |k: &str| n.attrs.iter().find(|(name, _)| *name == k).unwrap().1.parse::<f64>().unwrap();
        [num("x"), num("y"), num("x") + num("width"), num("y") + num("height")]
    }

    fn meet(a: [f64; 4], b: [f64; 4]) -> Option<[f64; 4]> {
        let m = [a[0].max(b[0]), a[1].max(b[1]), a[2].min(b[2]), a[3].min(b[3])];
        (m[0] < m[2] && m[1] < m[3]).then_some(m)
    }

    #[test]
    fn the_100_line_crosses_no_text_and_no_text_overlaps_another() {
        use crate::{i18n::Locale, present};
        let long = [
            "Tổng vốn đầu tư phát triển toàn xã hội",
            "Tỷ lệ giải quyết tin báo, tố giác tội phạm",
            "Thôn trưởng, tổ trưởng tổ dân phố là đảng viên",
        ];
        let mut rows = Vec::new();
        for (i, a) in [0.95, 0.97, 0.99, 1.0, 1.01, 1.03, 1.05, 0.9, 1.72, 12.34].into_iter().enumerate() {
            let label = if i % 2 == 0 { long[i / 2 % 3] } else { "GRDP" };
            let (low, high) = if i % 3 == 0 { (a - 0.04, a + 0.04) } else { (a, a) };
            let status = if a < 1.0 { Status::NeedsAcceleration } else { Status::Achieved };
            let note = format!("{} {}", present::status_icon(status), present::percent(a, Locale::Vi));
            rows.push(Row { label: label.into(), attainment: a, low, high, status, note });
        }
        for (width, target_label) in
            [(280, "chỉ tiêu"), (300, "chỉ tiêu"), (340, "target"), (600, "chỉ tiêu"), (800, "target")]
        {
            let svg = crate::charts::svg::chart(width, height_for(rows.len()) as u32, "summary", |area| {
                draw(area, &Params { rows: &rows, palette: &Palette::LIGHT, scale: 1.0, target_label }).unwrap();
            });
            let nodes: Vec<&crate::markup::Node> = svg.children.iter().map(|n| &**n).collect();
            let background = "#ffffff".to_string();
            // The 100% line: the one long vertical polyline, with its round caps.
            let (at, line) = nodes
                .iter()
                .enumerate()
                .find_map(|(i, n)| {
                    let points = &n.attrs.iter().find(|(k, _)| *k == "points")?.1;
                    let xy: Vec<f64> = points.split([' ', ',']).map(|v| v.parse().unwrap()).collect();
                    (xy.len() == 4 && xy[0] == xy[2] && xy[3] - xy[1] > ROW_HEIGHT).then_some((i, xy))
                })
                .unwrap();
            let half =
                nodes[at].attrs.iter().find(|(k, _)| *k == "stroke-width").unwrap().1.parse::<f64>().unwrap() / 2.0;
            let line = [line[0] - half, line[1] - half, line[0] + half, line[3] + half];
            let texts: Vec<(usize, [f64; 4])> =
                nodes.iter().enumerate().filter(|(_, n)| n.tag == "text").map(|(i, n)| (i, text_box(n))).collect();
            assert_eq!(texts.len(), 1 + 2 * rows.len());
            for &(i, text) in &texts {
                let what = format!("{width} px: {:?} at {text:?}", nodes[i].text);
                // Where the line meets a text's box, a patch of background drawn over the line and under
                // the text covers it.
                if let Some(crossing) = meet(text, line) {
                    let covered = nodes[at + 1..i].iter().any(|n| {
                        n.tag == "rect"
                            && n.attrs.contains(&("fill", background.clone()))
                            && meet(rect_box(n), crossing) == Some(crossing)
                    });
                    assert!(covered, "the 100% line at {line:?} crosses {what}");
                }
                // No two texts overlap: labels, notes, and the line's own label above the first note.
                for &(j, other) in &texts {
                    assert!(i == j || meet(text, other).is_none(), "{what} overlaps {:?} at {other:?}", nodes[j].text);
                }
                // Notes stay inside the chart, even for a bar far beyond the axis.
                if nodes[i].attrs.contains(&("font-weight", "bold".into())) {
                    assert!(text[0] >= 0.0 && text[2] <= f64::from(width), "{what} leaves the chart");
                }
            }
        }
    }
}

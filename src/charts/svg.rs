//! A plotters backend that draws into SVG elements held as `markup::Node`s. The page renders them like
//! any other markup (text as text nodes), so charts are vector graphics: sharp at every device pixel
//! ratio, with no canvas to resize, and testable natively by reading the tree.

use crate::markup::Node;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle,
};

/// Draws into `out`, a list of SVG element nodes, on a surface of `size` pixels.
pub struct NodeBackend<'a> {
    size: (u32, u32),
    out: &'a mut Vec<Node>,
}

impl<'a> NodeBackend<'a> {
    pub fn new(out: &'a mut Vec<Node>, size: (u32, u32)) -> NodeBackend<'a> {
        NodeBackend { size, out }
    }
}

/// `#rrggbb`.
fn hex(c: BackendColor) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(7);
    s.push('#');
    for v in [c.rgb.0, c.rgb.1, c.rgb.2] {
        s.push(char::from(DIGITS[usize::from(v >> 4)]));
        s.push(char::from(DIGITS[usize::from(v & 15)]));
    }
    s
}

/// An opacity in hundredths, as SVG reads it ("0.22"); None when opaque.
fn opacity(c: BackendColor) -> Option<String> {
    let hundredths = (c.alpha.clamp(0.0, 1.0) * 100.0).round() as u32;
    (hundredths < 100).then(|| format!("0.{hundredths:02}"))
}

fn points(iter: impl IntoIterator<Item = BackendCoord>) -> String {
    let mut s = String::new();
    for (x, y) in iter {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&x.to_string());
        s.push(',');
        s.push_str(&y.to_string());
    }
    s
}

/// Adds fill or stroke attributes for `style` to `node`.
fn paint<S: BackendStyle>(mut node: Node, style: &S, fill: bool) -> Node {
    let c = style.color();
    if fill {
        node = node.attr("fill", hex(c)).attr("stroke", "none");
        if let Some(o) = opacity(c) {
            node = node.attr("fill-opacity", o);
        }
    } else {
        node = node.attr("fill", "none").attr("stroke", hex(c)).attr("stroke-width", style.stroke_width().to_string());
        if let Some(o) = opacity(c) {
            node = node.attr("stroke-opacity", o);
        }
    }
    node
}

impl DrawingBackend for NodeBackend<'_> {
    type ErrorType = std::fmt::Error;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.draw_rect(point, (point.0 + 1, point.1 + 1), &color, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let (x0, x1) = (upper_left.0.min(bottom_right.0), upper_left.0.max(bottom_right.0));
        let (y0, y1) = (upper_left.1.min(bottom_right.1), upper_left.1.max(bottom_right.1));
        let rect = Node::new("rect")
            .attr("x", x0.to_string())
            .attr("y", y0.to_string())
            .attr("width", (x1 - x0).to_string())
            .attr("height", (y1 - y0).to_string());
        self.out.push(paint(rect, style, fill));
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let line = Node::new("polyline")
            .attr("points", points(path))
            .attr("stroke-linecap", "round")
            .attr("stroke-linejoin", "round");
        self.out.push(paint(line, style, false));
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let circle = Node::new("circle")
            .attr("cx", center.0.to_string())
            .attr("cy", center.1.to_string())
            .attr("r", radius.to_string());
        self.out.push(paint(circle, style, fill));
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.out.push(paint(Node::new("polygon").attr("points", points(vertices)), style, true));
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let anchor = style.anchor();
        let mut node = Node::new("text")
            .attr("x", pos.0.to_string())
            .attr("y", pos.1.to_string())
            .attr("font-size", (style.size().round() as u32).to_string())
            .attr("font-family", "system-ui, sans-serif")
            .attr("fill", hex(style.color()))
            .attr(
                "text-anchor",
                match anchor.h_pos {
                    HPos::Left => "start",
                    HPos::Center => "middle",
                    HPos::Right => "end",
                },
            )
            .attr(
                "dominant-baseline",
                match anchor.v_pos {
                    VPos::Top => "hanging",
                    VPos::Center => "central",
                    VPos::Bottom => "text-after-edge",
                },
            )
            .text(text);
        if matches!(style.style(), FontStyle::Bold) {
            node = node.attr("font-weight", "bold");
        }
        self.out.push(node);
        Ok(())
    }

    /// Text is laid out by the browser; this estimate (half an em and a bit per character) serves only
    /// plotters' own layout helpers, which the charts do not use for placement.
    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let size = style.size();
        Ok(((text.chars().count() as f64 * size * 0.55) as u32, size as u32))
    }
}

/// Draws a chart of `width` by `height` pixels into an `<svg>` element labelled for screen readers.
pub fn chart(width: u32, height: u32, label: &str, draw: impl FnOnce(&DrawingArea<NodeBackend, Shift>)) -> Node {
    let mut children = Vec::new();
    {
        let area = NodeBackend::new(&mut children, (width, height)).into_drawing_area();
        draw(&area);
    }
    Node::new("svg")
        .attr("viewBox", format!("0 0 {width} {height}"))
        .attr("width", "100%")
        .attr("height", height.to_string())
        .attr("role", "img")
        .attr("aria-label", label)
        .attr("focusable", "false")
        .children(children)
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::prelude::*;

    #[test]
    fn draws_elements_with_colours_and_text_as_text() {
        let svg = chart(100, 50, "A chart", |area| {
            area.fill(&WHITE).unwrap();
            area.draw(&PathElement::new(vec![(0, 0), (10, 20)], Color::stroke_width(&RED, 2))).unwrap();
            area.draw(&Polygon::new(vec![(0, 0), (5, 5), (0, 5)], BLUE.mix(0.22).filled())).unwrap();
            area.draw(&Text::new("<b>1.700</b>", (3, 4), ("sans-serif", 12).into_font())).unwrap();
        });
        assert_eq!(svg.tag, "svg");
        assert!(svg.attrs.contains(&("viewBox", "0 0 100 50".into())));
        assert!(svg.attrs.contains(&("aria-label", "A chart".into())));
        let tags: Vec<&str> = svg.children.iter().map(|n| n.tag).collect();
        assert_eq!(tags, ["rect", "polyline", "polygon", "text"]);
        assert!(svg.children[1].attrs.contains(&("stroke", "#ff0000".into())));
        assert!(svg.children[1].attrs.contains(&("points", "0,0 10,20".into())));
        assert!(svg.children[2].attrs.contains(&("fill-opacity", "0.22".into())));
        // Text stays text: markup in a label is never parsed.
        assert_eq!(svg.children[3].text, "<b>1.700</b>");
    }
}

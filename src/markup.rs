//! A small tree of elements with text, built by pure code (`present`, `ui::view`, the charts' SVG
//! backend) and put into the page by `app::dom` (`build` through `web/dom.js`, and `patch`). Text is
//! always set as text, never parsed as HTML.
//!
//! Why not `view!`: every dynamic binding in a Leptos view compiles to its own copy of the rendering
//! machinery. Output that is rebuilt as a whole on every change (a card's results, a data table) costs
//! far fewer bytes this way, and its content can be tested natively (see docs/performance.md).
//!
//! Children are shared behind an `Rc`: a part of the view that has not changed (a card whose inputs are
//! the same) is the very same `Rc` in the old and the new tree, and the patch skips it by pointer.

use std::rc::Rc;

/// An element: its tag, attributes, text (placed before the children) and children.
/// `Eq`, so that comparing two `Rc<Node>`s first compares the pointers.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Node {
    pub tag: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    pub text: String,
    pub children: Vec<Rc<Node>>,
}

impl Node {
    pub fn new(tag: &'static str) -> Node {
        Node { tag, ..Node::default() }
    }

    /// An element that holds only text.
    pub fn text_el(tag: &'static str, class: &str, text: impl Into<String>) -> Node {
        Node::new(tag).class(class).text(text)
    }

    pub fn class(self, class: &str) -> Node {
        if class.is_empty() {
            self
        } else {
            self.attr("class", class)
        }
    }

    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> Node {
        self.attrs.push((name, value.into()));
        self
    }

    pub fn text(mut self, text: impl Into<String>) -> Node {
        self.text = text.into();
        self
    }

    pub fn child(mut self, child: Node) -> Node {
        self.children.push(Rc::new(child));
        self
    }

    pub fn children(mut self, children: impl IntoIterator<Item = Node>) -> Node {
        self.children.extend(children.into_iter().map(Rc::new));
        self
    }

    /// Children shared with another tree (the last view), which the patch skips when unchanged.
    pub fn shared(mut self, children: Vec<Rc<Node>>) -> Node {
        self.children.extend(children);
        self
    }

    /// All the text of the element and its descendants, as a browser's `textContent` gives it.
    pub fn text_content(&self) -> String {
        let mut out = self.text.clone();
        for c in &self.children {
            out.push_str(&c.text_content());
        }
        out
    }

    /// Whether this element's class list contains `class`.
    pub fn has_class(&self, class: &str) -> bool {
        self.attrs.iter().any(|(k, v)| *k == "class" && v.split(' ').any(|c| c == class))
    }

    /// The first descendant (or this element) whose class list contains `class`.
    pub fn find(&self, class: &str) -> Option<&Node> {
        if self.has_class(class) {
            return Some(self);
        }
        self.children.iter().find_map(|c| c.find(class))
    }
}

impl Node {
    /// The element as XML text (for an SVG file), with text and attribute values escaped.
    pub fn to_xml(&self) -> String {
        let mut out = String::new();
        self.write_xml(&mut out);
        out
    }

    fn write_xml(&self, out: &mut String) {
        out.push('<');
        out.push_str(self.tag);
        for (k, v) in &self.attrs {
            out.push(' ');
            out.push_str(k);
            out.push_str("=\"");
            out.push_str(&escape(v).replace('"', "&quot;"));
            out.push('"');
        }
        out.push('>');
        out.push_str(&escape(&self.text));
        for c in &self.children {
            c.write_xml(out);
        }
        out.push_str("</");
        out.push_str(self.tag);
        out.push('>');
    }
}

/// The field separator of [`Node::describe`]; removed from data (it has no use in text a reader sees).
pub const SEP: char = '\u{1}';

impl Node {
    /// The element and its descendants as one flat string that `web/dom.js` builds into elements, so
    /// that a whole card crosses from WebAssembly to JavaScript at once: for each element its tag, the
    /// number of attributes, each name and value, its text, the number of children, then each child;
    /// fields end with [`SEP`], which data cannot hold (it becomes U+FFFD).
    pub fn describe(&self) -> String {
        let mut out = String::new();
        self.describe_into(&mut out);
        out
    }

    fn describe_into(&self, out: &mut String) {
        let field = |out: &mut String, s: &str| {
            if s.contains(SEP) {
                out.push_str(&s.replace(SEP, "\u{fffd}"));
            } else {
                out.push_str(s);
            }
            out.push(SEP);
        };
        let count = |out: &mut String, n: usize| {
            out.push_str(&n.to_string());
            out.push(SEP);
        };
        field(out, self.tag);
        count(out, self.attrs.len());
        for (name, value) in &self.attrs {
            field(out, name);
            field(out, value);
        }
        field(out, &self.text);
        count(out, self.children.len());
        for c in &self.children {
            c.describe_into(out);
        }
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A table with a caption, a header row and body rows whose first cell heads its row.
pub fn table(caption: String, head: &[&str], rows: Vec<Vec<String>>) -> Node {
    table_of_rows(caption, head, rows.into_iter().map(|r| Rc::new(row(r))).collect())
}

/// A table of rows built by [`row`], which may be shared with the last view (and then not patched).
pub fn table_of_rows(caption: String, head: &[&str], rows: Vec<Rc<Node>>) -> Node {
    let head_row = Node::new("tr").children(head.iter().map(|h| Node::text_el("th", "", *h).attr("scope", "col")));
    Node::new("table")
        .child(Node::text_el("caption", "", caption))
        .child(Node::new("thead").child(head_row))
        .child(Node::new("tbody").shared(rows))
}

/// A table's row: the first cell heads it.
pub fn row(cells: Vec<String>) -> Node {
    Node::new("tr").children(cells.into_iter().enumerate().map(|(i, cell)| {
        if i == 0 {
            Node::text_el("th", "", cell).attr("scope", "row")
        } else {
            Node::text_el("td", "", cell)
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_and_reads_a_tree() {
        let n =
            Node::new("div").class("a b").child(Node::text_el("p", "c", "one")).child(Node::text_el("p", "", "two"));
        assert_eq!(n.text_content(), "onetwo");
        assert_eq!(n.find("c").map(|c| c.text.as_str()), Some("one"));
        assert!(n.find("b").is_some() && n.find("z").is_none());
        let t = table("Cap".into(), &["A", "B"], vec![vec!["r".into(), "1".into()]]);
        assert_eq!(t.text_content(), "CapABr1");
        assert_eq!(t.children[2].children[0].children[0].tag, "th");
        assert_eq!(t.children[2].children[0].children[1].tag, "td");
    }

    #[test]
    fn writes_xml_with_everything_escaped() {
        let n = Node::new("svg").attr("aria-label", "a \"b\" & <c>").child(Node::text_el("text", "", "<b>1 & 2</b>"));
        assert_eq!(
            n.to_xml(),
            r#"<svg aria-label="a &quot;b&quot; &amp; &lt;c&gt;"><text>&lt;b&gt;1 &amp; 2&lt;/b&gt;</text></svg>"#
        );
    }

    #[test]
    fn a_description_lists_each_element_and_keeps_the_separator_out_of_data() {
        let n = Node::new("p").attr("title", "a\u{1}b").text("<b>x</b>").child(Node::new("br"));
        let described = n.describe();
        let fields: Vec<&str> = described.split(SEP).collect();
        assert_eq!(fields, ["p", "1", "title", "a\u{fffd}b", "<b>x</b>", "1", "br", "0", "", "0", ""]);
    }
}

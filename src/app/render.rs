//! Renders a `markup::Node` tree into the page. One non-generic function for all output built as
//! markup; text is set with text nodes, never as HTML.

use crate::markup::Node;
use leptos::prelude::*;

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// Builds the element for `node`; `svg` says whether it lies inside an `<svg>` (SVG's namespace).
fn build(doc: &web_sys::Document, node: &Node, svg: bool) -> Option<web_sys::Element> {
    let svg = svg || node.tag == "svg";
    let el = if svg { doc.create_element_ns(Some(SVG_NS), node.tag) } else { doc.create_element(node.tag) }.ok()?;
    for (name, value) in &node.attrs {
        let _ = el.set_attribute(name, value);
    }
    if !node.text.is_empty() {
        let _ = el.append_child(&doc.create_text_node(&node.text));
    }
    for child in &node.children {
        if let Some(c) = build(doc, child, svg) {
            let _ = el.append_child(&c);
        }
    }
    Some(el)
}

/// Replaces the children of `parent` with `nodes`.
pub fn replace_children(parent: &web_sys::Element, nodes: &[Node]) {
    let Some(doc) = parent.owner_document() else { return };
    parent.set_text_content(None);
    for n in nodes {
        if let Some(el) = build(&doc, n, false) {
            let _ = parent.append_child(&el);
        }
    }
}

/// A `div` whose content is `nodes`, rebuilt whenever they change.
#[component]
pub fn Markup(#[prop(into)] nodes: Signal<Vec<Node>>, #[prop(optional)] class: &'static str) -> impl IntoView {
    let node_ref = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let nodes = nodes.get();
        if let Some(el) = node_ref.get() {
            replace_children(&el, &nodes);
        }
    });
    view! { <div class=class node_ref=node_ref></div> }
}

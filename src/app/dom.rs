//! Puts a `markup::Node` tree into the page and keeps it there: [`build`] creates elements, [`patch`]
//! changes only what differs between the tree last shown and the new one. Elements are changed in place,
//! so the focus, the caret in an input and the scroll position stay where the reader left them.
//!
//! Text is always set as text nodes, never parsed as HTML. An input's or a select's `value` is set as
//! the element's property (what the reader sees), and only when it differs from what the element holds,
//! so typing is never interrupted.
//!
//! A child that is the same `Rc` in both trees (a card whose inputs did not change) is skipped without
//! looking inside, and one with the same content without touching the page: with a thousand cards, a
//! keystroke patches one.

use crate::markup::Node;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// Whether `value` is the element's live property rather than an attribute.
fn value_is_property(tag: &str) -> bool {
    matches!(tag, "input" | "select" | "textarea")
}

fn set_value(el: &Element, value: &str) {
    let key = JsValue::from_str("value");
    let now = js_sys::Reflect::get(el, &key).ok().and_then(|v| v.as_string());
    if now.as_deref() != Some(value) {
        let _ = js_sys::Reflect::set(el, &key, &JsValue::from_str(value));
    }
}

fn value_of(node: &Node) -> Option<&str> {
    if !value_is_property(node.tag) {
        return None;
    }
    node.attrs.iter().find(|(k, _)| *k == "value").map(|(_, v)| v.as_str())
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/web/dom.js")]
extern "C" {
    /// Builds the element a description written by [`Node::describe`] stands for (`web/dom.js`).
    #[wasm_bindgen(js_name = build)]
    fn build_described(spec: &str, svg: bool) -> Element;
}

/// Builds the element for `node`; `svg` says whether it lies inside an `<svg>` (SVG's namespace).
pub fn build(node: &Node, svg: bool) -> Element {
    build_described(&node.describe(), svg)
}

/// Makes `el`, which shows `old`, show `new`.
pub fn patch(el: &Element, old: &Node, new: &Node, svg: bool) {
    let svg = svg || new.tag == "svg";
    // An element of text alone takes its new text in place (a live region must stay the same element to
    // be announced); one with text and children is built afresh when its text comes or goes.
    let leaf = old.children.is_empty() && new.children.is_empty();
    if old.tag != new.tag || (!leaf && old.text.is_empty() != new.text.is_empty()) {
        let _ = el.replace_with_with_node_1(&build(new, svg));
        return;
    }
    let property = value_is_property(new.tag);
    for (name, value) in &new.attrs {
        if property && *name == "value" {
            continue;
        }
        if old.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v) != Some(value) {
            let _ = el.set_attribute(name, value);
        }
    }
    for (name, _) in &old.attrs {
        if !new.attrs.iter().any(|(k, _)| k == name) {
            let _ = el.remove_attribute(name);
        }
    }
    if old.text != new.text {
        if leaf {
            el.set_text_content(Some(&new.text));
        } else if let Some(t) = el.first_child() {
            t.set_node_value(Some(&new.text));
        }
    }
    patch_children(el, &old.children, &new.children, svg);
    if let Some(v) = value_of(new) {
        set_value(el, v);
    }
}

/// Makes the element children of `parent`, which show `old`, show `new`. A child equal to the one shown
/// (the same `Rc`, or the same content) is left alone without asking the page for its element, so that a
/// long list with one change costs one element lookup, not one per item.
pub fn patch_children(parent: &Element, old: &[Rc<Node>], new: &[Rc<Node>], svg: bool) {
    // Most elements patched are leaves: no need to ask the page for their children.
    if old.is_empty() && new.is_empty() {
        return;
    }
    // Live: replacing a child keeps the indices.
    let elements = parent.children();
    let shown = elements.length() as usize;
    for (i, n) in new.iter().enumerate() {
        if i < shown {
            match old.get(i) {
                Some(o) if o == n => {}
                Some(o) => {
                    if let Some(c) = elements.item(i as u32) {
                        patch(&c, o, n, svg);
                    }
                }
                // The page holds an element the last tree did not: build afresh.
                None => {
                    if let Some(c) = elements.item(i as u32) {
                        let _ = c.replace_with_with_node_1(&build(n, svg));
                    }
                }
            }
        } else {
            let _ = parent.append_child(&build(n, svg));
        }
    }
    // Elements beyond the new children go, from the last.
    for i in (new.len()..shown).rev() {
        if let Some(c) = elements.item(i as u32) {
            c.remove();
        }
    }
}

/// The element an event happened on or inside that carries `data-act`, if any.
pub fn actor(event: &web_sys::Event) -> Option<Element> {
    event.target()?.dyn_into::<Element>().ok()?.closest("[data-act]").ok().flatten()
}

//! Browser tests of the mounted widget: `app::start` mounts it into a test node in headless Chromium,
//! events are dispatched as a reader's would be, and the page is checked after a tick.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::document;
use leptos::task::tick;
use plan_widget::app::start;
use plan_widget::i18n::Locale;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn test_node() -> web_sys::HtmlElement {
    let document = document();
    let node = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&node).unwrap();
    node.unchecked_into()
}

fn text_of(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector).unwrap().unwrap().text_content().unwrap_or_default().replace('\u{a0}', " ")
}

#[wasm_bindgen_test]
async fn the_app_shows_every_target_in_vietnamese_then_english() {
    let root = test_node();
    start(root.clone(), Locale::Vi, None, "");
    tick().await;
    assert_eq!(root.query_selector_all("[data-target]").unwrap().length(), 19);
    assert_eq!(text_of(&root, "[data-target='budget-revenue'] .value"), "1.700 tỷ đồng");
    assert_eq!(text_of(&root, "[data-target='health-insurance'] .value"), "92,75%");
    assert_eq!(text_of(&root, "[data-target='budget-revenue'] .cmp"), ">");
    assert_eq!(text_of(&root, "[data-target='social-investment'] .cmp"), "≥");

    let english: web_sys::HtmlElement =
        root.query_selector(".lang-switch button[lang='en']").unwrap().unwrap().unchecked_into();
    english.click();
    tick().await;
    assert_eq!(text_of(&root, "[data-target='budget-revenue'] .value"), "1,700 billion VND");
    assert_eq!(text_of(&root, "[data-target='health-insurance'] .value"), "92.75%");
    assert_eq!(english.get_attribute("aria-pressed").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn the_focus_and_the_typed_text_stay_in_a_field_while_the_page_is_patched() {
    let root = test_node();
    start(root.clone(), Locale::En, None, "");
    tick().await;
    let input: web_sys::HtmlInputElement =
        root.query_selector("#budget-revenue-achieved").unwrap().unwrap().unchecked_into();
    input.focus().unwrap();
    type_into(&root, "#budget-revenue-achieved", "1,000.50");
    tick().await;
    // The same element, still focused, with the text as typed; the card around it changed.
    let after: web_sys::HtmlInputElement =
        root.query_selector("#budget-revenue-achieved").unwrap().unwrap().unchecked_into();
    assert!(after.is_same_node(Some(&input)));
    assert!(document().active_element().is_some_and(|a| a.is_same_node(Some(&input))));
    assert_eq!(input.value(), "1,000.50");
    assert_eq!(text_of(&root, "[data-target='budget-revenue'] .projected"), "2,001 billion VND");
}

/// Types into an input as a person would: sets its text and fires a bubbling `input` event.
fn type_into(root: &web_sys::HtmlElement, selector: &str, text: &str) {
    let input: web_sys::HtmlInputElement = root.query_selector(selector).unwrap().unwrap().unchecked_into();
    input.set_value(text);
    fire(&input, "input");
}

fn fire(target: &web_sys::HtmlInputElement, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    target.dispatch_event(&web_sys::Event::new_with_event_init_dict(kind, &init).unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn typing_a_vietnamese_number_updates_the_card_and_a_bad_one_keeps_the_last_good_value() {
    let root = test_node();
    start(root.clone(), Locale::Vi, None, "");
    tick().await;
    let card = "[data-target='budget-revenue']";
    // The published figures: 630 by 30 September, 1.260 projected, off track.
    assert_eq!(text_of(&root, &format!("{card} .projected")), "1.260 tỷ đồng");
    assert!(text_of(&root, &format!("{card} .status")).contains("Cần tăng tốc"));

    // "1.000" is one thousand in Vietnamese: 1.000 in three months gives 2.000 by December.
    type_into(&root, "#budget-revenue-achieved", "1.000");
    tick().await;
    assert_eq!(text_of(&root, &format!("{card} .projected")), "2.000 tỷ đồng");
    assert!(text_of(&root, &format!("{card} .status")).contains("Đúng tiến độ"));
    assert!(text_of(&root, &format!("{card} .reading")).contains("sẽ đạt 2.000 tỷ đồng"));
    assert_eq!(text_of(&root, "#budget-revenue-achieved-msg"), "");

    // "1.0.0" typed on in the same entry is not a number: a message, and the value before the entry
    // (630) is back in force; nothing half-typed drives the projection.
    type_into(&root, "#budget-revenue-achieved", "1.0.0");
    tick().await;
    assert_eq!(text_of(&root, &format!("{card} .projected")), "1.260 tỷ đồng");
    // Typed again and left (its change event), 1.000 is the value in force; a slip after that keeps it.
    type_into(&root, "#budget-revenue-achieved", "1.000");
    let input: web_sys::HtmlInputElement =
        root.query_selector("#budget-revenue-achieved").unwrap().unwrap().unchecked_into();
    fire(&input, "change");
    tick().await;
    type_into(&root, "#budget-revenue-achieved", "1.0.0");
    tick().await;
    assert!(
        text_of(&root, "#budget-revenue-achieved-msg").contains("hàng nghìn"),
        "{}",
        text_of(&root, "#budget-revenue-achieved-msg")
    );
    assert_eq!(text_of(&root, &format!("{card} .projected")), "2.000 tỷ đồng");
    let input = root.query_selector("#budget-revenue-achieved").unwrap().unwrap();
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn data_that_looks_like_markup_is_built_as_text_in_the_right_namespaces() {
    use plan_widget::markup::Node;
    let root = test_node();
    // A hostile scenario name and sheet text reach the builder only as attribute values and text.
    let node = Node::new("div")
        .attr("title", "<img src=x onerror=alert(1)>")
        .text("<script>alert(1)</script>\u{1}")
        .child(Node::new("svg").child(Node::new("text").text("<b>1.700</b>")))
        .child(Node::new("select").attr("value", "b").children([
            Node::new("option").attr("value", "a").text("A"),
            Node::new("option").attr("value", "b").text("B"),
        ]));
    plan_widget::app::build_into(&root, &node);
    let div = root.first_element_child().unwrap();
    assert_eq!(div.get_attribute("title").as_deref(), Some("<img src=x onerror=alert(1)>"));
    assert_eq!(root.query_selector_all("script, img, b").unwrap().length(), 0);
    assert_eq!(div.first_child().unwrap().text_content().as_deref(), Some("<script>alert(1)</script>\u{fffd}"));
    let text = root.query_selector("svg text").unwrap().unwrap();
    assert_eq!(text.namespace_uri().as_deref(), Some("http://www.w3.org/2000/svg"));
    assert_eq!(text.text_content().as_deref(), Some("<b>1.700</b>"));
    let select: web_sys::HtmlSelectElement = root.query_selector("select").unwrap().unwrap().unchecked_into();
    assert_eq!(select.value(), "b", "a select's value is set once its options are there");
}

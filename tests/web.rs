//! Component tests: mount components into a test node in headless Chromium and check what they render.
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use plan_widget::app::{App, LanguageSwitch};
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
    let _handle = mount_to(root.clone(), || view! { <App/> });
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
async fn the_language_switch_marks_the_current_language() {
    let root = test_node();
    let locale = RwSignal::new(Locale::En);
    let _handle = mount_to(root.clone(), move || view! { <LanguageSwitch locale=locale/> });
    tick().await;
    let pressed = root.query_selector("button[aria-pressed='true']").unwrap().unwrap();
    assert_eq!(pressed.text_content().as_deref(), Some("English"));
    let vi: web_sys::HtmlElement = root.query_selector("button[lang='vi']").unwrap().unwrap().unchecked_into();
    vi.click();
    tick().await;
    assert_eq!(locale.get_untracked(), Locale::Vi);
}

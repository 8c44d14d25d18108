use super::*;
use crate::markup::Node;

fn state() -> State {
    State::new(Sheet::kontum().unwrap(), Locale::Vi, None)
}

fn act<'a>(act: &'a str, arg: &'a str, value: &'a str) -> Action<'a> {
    Action { act, arg, value }
}

/// The first element with attribute `name` equal to `value`.
fn by_attr<'n>(n: &'n Node, name: &str, value: &str) -> Option<&'n Node> {
    if n.attrs.iter().any(|(k, v)| *k == name && v == value) {
        return Some(n);
    }
    n.children.iter().find_map(|c| by_attr(c, name, value))
}

fn attr<'n>(n: &'n Node, name: &str) -> Option<&'n str> {
    n.attrs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.as_str())
}

#[test]
fn typing_a_vietnamese_number_commits_it_and_keeps_the_text_as_typed() {
    let mut s = state();
    assert!(s.act(act("field", "budget-revenue:achieved", "1.000,50")));
    assert_eq!(s.scenario.inputs.get("budget-revenue").map(|i| i.achieved), Some(1000.5));
    assert!(s.edited);
    let page = s.view();
    let input = by_attr(&page, "id", "budget-revenue-achieved").unwrap();
    assert_eq!(attr(input, "value"), Some("1.000,50"));
    assert_eq!(attr(input, "aria-invalid"), Some("false"));
}

#[test]
fn a_bad_number_shows_a_message_and_keeps_the_last_good_value() {
    let mut s = state();
    let before = s.scenario.inputs.get("budget-revenue").cloned();
    s.act(act("field", "budget-revenue:achieved", "12abc"));
    assert_eq!(s.scenario.inputs.get("budget-revenue").cloned(), before);
    let page = s.view();
    assert_eq!(attr(by_attr(&page, "id", "budget-revenue-achieved").unwrap(), "value"), Some("12abc"));
    let msg = by_attr(&page, "id", "budget-revenue-achieved-msg").unwrap();
    assert!(!msg.text.is_empty());
    // Below the field's range (nothing achieved can be negative) is refused too.
    s.act(act("field", "budget-revenue:achieved", "-5"));
    assert_eq!(s.scenario.inputs.get("budget-revenue").cloned(), before);
}

#[test]
fn a_preset_replaces_typed_text_with_the_new_value_and_an_edit_keeps_the_preset() {
    let mut s = state();
    s.act(act("field", "budget-revenue:assume", "200"));
    assert!(s.act(act("preset", "high", "")));
    let page = s.view();
    let shown = attr(by_attr(&page, "id", "budget-revenue-assume").unwrap(), "value").unwrap().to_string();
    assert_eq!(shown, "240");
    s.act(act("field", "budget-revenue:achieved", "700"));
    assert_eq!(s.preset, Preset::Base);
    assert_eq!(s.scenario.inputs.get("budget-revenue").and_then(|i| i.assume).map(|a| a.amount()), Some(240.0));
}

#[test]
fn switching_language_rewrites_typed_text_in_the_new_notation() {
    let mut s = state();
    s.act(act("field", "budget-revenue:achieved", "1.000"));
    assert!(s.act(act("lang", "en", "")));
    assert!(!s.act(act("lang", "en", "")), "the same language again changes nothing");
    let page = s.view();
    assert_eq!(attr(by_attr(&page, "id", "budget-revenue-achieved").unwrap(), "value"), Some("1,000"));
    assert_eq!(attr(&page, "lang"), Some("en"));
}

#[test]
fn unknown_actions_and_unreadable_values_change_nothing() {
    let mut s = state();
    let before = s.fragment();
    for a in [
        act("nope", "", ""),
        act("preset", "huge", ""),
        act("as-of", "", "2022-13-40"),
        act("source", "", "<script>"),
        act("field", "no-such-target:achieved", "1"),
        act("field", "budget-revenue:colour", "1"),
        act("field", "budget-revenue", "1"),
        act("lang", "fr", ""),
    ] {
        assert!(!s.act(a), "{a:?}");
    }
    assert_eq!(s.fragment(), before);
}

#[test]
fn the_as_of_select_and_the_source_select_show_the_state() {
    let mut s = state();
    assert!(s.act(act("as-of", "", "2022-08-31")));
    assert_eq!(s.scenario.as_of.iso(), "2022-08-31");
    let page = s.view();
    assert_eq!(attr(by_attr(&page, "id", "as-of").unwrap(), "value"), Some("2022-08-31"));
    assert!(s.act(act("source", "", "empty")));
    assert!(s.scenario.inputs.is_empty());
    let page = s.view();
    assert_eq!(attr(by_attr(&page, "id", "source").unwrap(), "value"), Some("empty"));
    assert_eq!(page.find("empty-chart").map(|n| n.tag), Some("p"));
    assert!(s.act(act("reset", "", "")));
    assert_eq!(s.source, Source::Published);
}

#[test]
fn toggles_open_and_close_the_assumptions_and_the_data_tables() {
    let mut s = state();
    let more = |s: &State| {
        let page = s.view();
        let b = by_attr(&page, "aria-controls", "more-budget-revenue").unwrap().clone();
        let panel = by_attr(&page, "id", "more-budget-revenue").unwrap().clone();
        (attr(&b, "aria-expanded").map(String::from), attr(&panel, "hidden").is_some())
    };
    assert_eq!(more(&s), (Some("false".into()), true));
    s.act(act("more", "budget-revenue", ""));
    assert_eq!(more(&s), (Some("true".into()), false));
    s.act(act("more", "budget-revenue", ""));
    assert_eq!(more(&s), (Some("false".into()), true));

    s.act(act("table", "summary-table", ""));
    let page = s.view();
    assert_eq!(attr(by_attr(&page, "id", "summary-table").unwrap(), "class"), Some("table-wrap"));
}

#[test]
fn every_target_has_a_card_and_the_published_statuses() {
    let s = state();
    let page = s.view();
    for t in &s.sheet.targets {
        let card = by_attr(&page, "data-target", &t.id).unwrap_or_else(|| panic!("no card for {}", t.id));
        assert_eq!(attr(card, "data-status"), Some(s.projection.get(&t.id).unwrap().status().code()));
    }
    assert_eq!(attr(by_attr(&page, "data-target", "budget-revenue").unwrap(), "data-status"), Some("off-track"));
}

#[test]
fn a_link_opens_its_scenario_and_a_broken_one_opens_the_default_with_a_notice() {
    let sheet = Sheet::kontum().unwrap();
    let mut published = State::new(sheet.clone(), Locale::En, None);
    published.act(act("field", "budget-revenue:achieved", "900"));
    let link = published.fragment();
    let opened = State::new(sheet.clone(), Locale::En, Some(&link));
    assert_eq!(opened.source, Source::Link);
    // A link carries the figures, not the notes: the projections are the same.
    assert_eq!(opened.projection, published.projection);
    let broken = State::new(sheet, Locale::En, Some("v1;garbage"));
    assert_eq!(broken.source, Source::Published);
    assert!(!broken.link_problems.is_empty());
    assert!(broken.view().find("notice").is_some());
}

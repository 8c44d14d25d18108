//! The example host page pastes the same height listener the widget's embed snippet gives.

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_example_host_page_uses_the_snippets_listener() {
    let host = std::fs::read_to_string("examples/host.html").unwrap();
    assert!(squash(&host).contains(&squash(plan_widget::embed::LISTENER)));
    assert!(host.contains("loading=\"lazy\"") && host.contains("title=\""));
}

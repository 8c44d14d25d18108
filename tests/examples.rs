//! The example host page embeds the widget as the snippet says, and works under its strict CSP.

#[test]
fn the_example_host_page_uses_the_snippet_with_no_inline_script_or_style() {
    let host = std::fs::read_to_string("examples/host.html").unwrap();
    assert!(host.contains("<script src=\"../embed.js\" async></script>"));
    assert!(
        host.contains("allow=\"clipboard-write\"") && host.contains("loading=\"lazy\"") && host.contains("title=\"")
    );
    assert!(!host.contains("<style") && !host.contains("style=\""), "no inline style");
    assert!(!host.contains("<script>"), "no inline script");
    assert!(host.contains("Content-Security-Policy"));
    let listener = std::fs::read_to_string("web/embed.js").unwrap();
    assert!(listener.contains("f.contentWindow !== e.source"), "the listener trusts only the frame that sent");
    assert_eq!(plan_widget::embed::LISTENER_FILE, "embed.js");
}

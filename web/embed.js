// The height listener a host page includes once, beside one or more widget frames: it sets each widget
// frame's height from the widget's own messages (Datawrapper's format), so the frame is never cut off and
// never scrolls inside. It trusts only the frame that sent a message, and reads only a number. As a file
// of its own it works under a strict Content-Security-Policy: the host allows the widget's origin in
// `script-src` and `frame-src`, and needs no 'unsafe-inline' (docs/embed.md).
window.addEventListener("message", function (e) {
  var d = e.data;
  if (typeof d === "string") { try { d = JSON.parse(d); } catch (_) { return; } }
  var h = d && d["datawrapper-height"];
  if (!h) return;
  document.querySelectorAll("iframe").forEach(function (f) {
    if (f.contentWindow !== e.source) return;
    for (var k in h) { var n = Number(h[k]); if (n > 0 && n < 100000) f.style.height = n + "px"; }
  });
});

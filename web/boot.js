// Loads the widget's WebAssembly. The Rust `main` mounts the widget into #app when it starts.
// A classic script that imports the glue, so that every failure reaches the catch below and the
// skeleton says so in both languages: an old browser, the glue or the WASM missing (404), or a frame
// sandboxed without `allow-same-origin` on a host that sends no `Access-Control-Allow-Origin`, where
// the browser refuses the module (docs/embed.md). A module script would fail before any of its code ran.
// The glue's address is made absolute from this script's own: in a frame with an opaque origin this
// script counts as cross-origin, and a relative `import()` would resolve against about:blank.
const glueUrl = new URL('./pkg/widget.js', document.currentScript.src).href;
import(glueUrl)
  .then((glue) => glue.default())
  .then((wasm) => {
    // For diagnostics and the browser bench (scripts/bench-browser.mjs): the WASM memory's size.
    window.__planWidgetMemory = () => wasm.memory.buffer.byteLength;
  })
  .catch((error) => {
    const app = document.getElementById('app');
    const status = app && app.querySelector('.loading');
    if (status) {
      status.textContent = 'Không tải được công cụ. Hãy tải lại trang. · The widget could not load. Please reload the page.';
      status.setAttribute('role', 'alert');
      app.setAttribute('aria-busy', 'false');
    }
    console.error('plan-widget: the widget could not load (a frame sandboxed without allow-same-origin needs Access-Control-Allow-Origin on the widget\'s files; docs/embed.md)', error);
  });

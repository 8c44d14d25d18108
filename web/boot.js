// Loads the widget's WebAssembly. The Rust `main` mounts the widget into #app when it starts.
// If loading fails (an old browser, a blocked file), the skeleton says so in both languages.
import init from './pkg/widget.js';

init()
  .then((wasm) => {
    // For diagnostics and the browser bench (scripts/bench-browser.mjs): the WASM memory's size.
    window.__planWidgetMemory = () => wasm.memory.buffer.byteLength;
  })
  .catch((error) => {
    const status = document.querySelector('#app .loading');
    if (status) {
      status.textContent = 'Không tải được công cụ. Hãy tải lại trang. · The widget could not load. Please reload the page.';
      status.setAttribute('role', 'alert');
    }
    console.error(error);
  });

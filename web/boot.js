// Loads the widget's WebAssembly. The Rust `main` mounts the widget into #app when it starts.
// If loading fails (an old browser, a blocked file), the skeleton says so in both languages.
import init from './pkg/widget.js';

init().catch((error) => {
  const status = document.querySelector('#app .loading');
  if (status) {
    status.textContent = 'Không tải được công cụ. Hãy tải lại trang. · The widget could not load. Please reload the page.';
    status.setAttribute('role', 'alert');
  }
  console.error(error);
});

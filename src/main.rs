//! The browser entry point: it only mounts the widget (see `app`).

#[cfg(target_arch = "wasm32")]
fn main() {
    plan_widget::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in a browser: build and serve it with `./dev serve`.");
    std::process::exit(2);
}

//! Entry point of the wasm binary: mounts the app into the page.

fn main() {
    console_error_panic_hook::set_once();
    kekiz_begleiter::app::mount();
}

//! Entry point of the wasm binary: mounts the app into the page.

fn main() {
    kekiz_begleiter::app::mount();
}

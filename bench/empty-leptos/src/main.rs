//! An empty Leptos CSR app: one component with one paragraph, mounted into the body.
use leptos::prelude::*;

#[component]
fn App() -> impl IntoView {
    view! { <p>"Hallo"</p> }
}

fn main() {
    leptos::mount::mount_to_body(App);
}

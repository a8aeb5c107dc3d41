//! A confirmation step inside the page ("Wirklich …?" with yes and cancel) for actions that
//! cannot be undone. Used by settings (remove a child, delete everything).

use crate::platform::dom;
use leptos::prelude::*;

/// Shown while `open` is true; focus moves to the yes-button, so keyboard and screen-reader
/// users land on the decision. `id` makes the button's id unique on the page.
#[component]
pub fn Confirm(
    id: String,
    open: RwSignal<bool>,
    title: &'static str,
    question: &'static str,
    yes: &'static str,
    on_yes: Callback<()>,
) -> impl IntoView {
    let yes_id = format!("{id}-yes");
    Effect::new({
        let yes_id = yes_id.clone();
        move |_| {
            if open.get() {
                let yes_id = yes_id.clone();
                request_animation_frame(move || dom::focus(&yes_id));
            }
        }
    });
    move || {
        open.get().then(|| {
            view! {
                <div class="confirm" role="alertdialog" aria-label=title>
                    <p>{question}</p>
                    <button type="button" class="danger" id=yes_id.clone() on:click=move |_| on_yes.run(())>{yes}</button>
                    <button type="button" class="secondary" on:click=move |_| open.set(false)>"Abbrechen"</button>
                </div>
            }
        })
    }
}

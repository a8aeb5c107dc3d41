//! A confirmation step inside the page ("Wirklich …?" with yes and cancel) for actions that
//! cannot be undone. Used by settings (remove a child, delete everything).

use crate::i18n::t;
use crate::platform::dom;
use leptos::prelude::*;

/// Shown while `open` is true; focus moves to the yes-button, so keyboard and screen-reader
/// users land on the decision. `id` makes the button's id unique on the page; `title`,
/// `question` and `yes` are texts in the language shown (e.g. from `t(…)`).
#[component]
pub fn Confirm(
    id: String,
    open: RwSignal<bool>,
    #[prop(into)] title: String,
    #[prop(into)] question: String,
    #[prop(into)] yes: String,
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
                <div class="confirm" role="alertdialog" aria-label=title.clone()>
                    <p>{question.clone()}</p>
                    <button type="button" class="danger" id=yes_id.clone() on:click=move |_| on_yes.run(())>{yes.clone()}</button>
                    <button type="button" class="secondary" on:click=move |_| open.set(false)>{t("confirm.cancel")}</button>
                </div>
            }
        })
    }
}

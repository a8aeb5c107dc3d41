//! Adding another child to the family: the child's fields without the town; saving shows the
//! new child's page.

use crate::components::child_fields::ChildFields;
use crate::i18n::{t, tr};
use crate::route::Route;
use crate::state::use_app;
use kekiz_core::form::ChildForm;
use kekiz_core::i18n::Msg;
use leptos::prelude::*;

/// Adding another child to the family.
#[component]
pub fn AddChild() -> impl IntoView {
    let app = use_app();
    let form = RwSignal::new(ChildForm::default());
    let date_error = RwSignal::new(None::<Msg>);
    let refused = RwSignal::new(None::<Msg>);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let child = form.get_untracked();
        match child.birth(app.today.get_untracked()) {
            Ok(birth) => {
                let mut added = Ok(0);
                app.update_profile(|profile| added = profile.add_child(child.nickname(), birth));
                match added {
                    Ok(id) => app.navigate(Route::Family(Some(id))),
                    Err(problem) => refused.set(Some(problem.message())),
                }
            }
            Err(error) => {
                date_error.set(Some(error.message()));
                crate::platform::dom::focus_first_invalid();
            }
        }
    };
    view! {
        <h1 id="page-heading" tabindex="-1">{t("family.add_child")}</h1>
        {move || refused.get().map(|reason| view! { <p class="notice warning" role="status">{tr(&reason)}</p> })}
        <form class="card form" on:submit=submit novalidate>
            <ChildFields id="new-child" form=form error=date_error />
            <div class="actions">
                <button type="submit" class="primary">{t("family.add_child_submit")}</button>
                <a class="button secondary" href=Route::Family(None).to_hash()>{t("family.add_child_cancel")}</a>
            </div>
        </form>
    }
}

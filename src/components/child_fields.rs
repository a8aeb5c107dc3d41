//! The child's fields: "Geburtsdatum" or, after a clear choice, "Entbindungstermin", and the
//! optional "Name des Kindes". Used by onboarding, "add a child", settings and the visit mode;
//! the form's meaning and messages come from `kekiz_core::form`.

use crate::i18n::{t, tr};
use kekiz_core::form::{ChildForm, DateKind};
use kekiz_core::i18n::Msg;
use leptos::prelude::*;

/// The fields of one child. `form` holds what is typed; `error` the date field's message;
/// `with_name` shows the nickname field (the visit mode leaves it out: it needs no name);
/// `for_visit` words the choice for a volunteer speaking about someone else's child.
#[component]
pub fn ChildFields(
    #[prop(into)] id: String,
    form: RwSignal<ChildForm>,
    #[prop(into)] error: Signal<Option<Msg>>,
    #[prop(default = true)] with_name: bool,
    #[prop(default = false)] for_visit: bool,
) -> impl IntoView {
    let date_id = format!("{id}-date");
    let error_id = format!("{id}-date-error");
    let name_id = format!("{id}-name");
    let kind_name = format!("{id}-kind");
    let kind = move || form.with(|f| f.kind);
    let set_kind = move |new: DateKind| form.update(|f| f.kind = new);
    let described_by = {
        let error_id = error_id.clone();
        move || error.get().map(|_| error_id.clone())
    };

    view! {
        <fieldset class="field choice">
            <legend>{if for_visit { t("child_fields.legend_visit") } else { t("child_fields.legend") }}</legend>
            <label class="radio">
                <input type="radio" name=kind_name.clone() value="born"
                    prop:checked=move || kind() == DateKind::Birth
                    on:change=move |_| set_kind(DateKind::Birth) />
                {if for_visit { t("child_fields.born_visit") } else { t("child_fields.born") }}
            </label>
            <label class="radio">
                <input type="radio" name=kind_name value="expected"
                    prop:checked=move || kind() == DateKind::Due
                    on:change=move |_| set_kind(DateKind::Due) />
                {if for_visit { t("child_fields.expected_visit") } else { t("child_fields.expected") }}
            </label>
        </fieldset>
        <div class="field">
            <label for=date_id.clone()>{move || tr(&kind().label())}</label>
            <input
                id=date_id
                type="date"
                required
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=described_by
                prop:value=move || form.with(|f| f.date.clone())
                on:input=move |event| form.update(|f| f.date = event_target_value(&event))
                on:change=move |event| form.update(|f| f.date = event_target_value(&event))
            />
            {move || error.get().map(|message| view! { <p class="field-error" id=error_id.clone()>{tr(&message)}</p> })}
        </div>
        {with_name.then(|| view! {
            <div class="field">
                <label for=name_id.clone()>{t("child_fields.name")}" "<span class="optional">{t("child_fields.optional")}</span></label>
                <p class="hint">{t("child_fields.name_hint")}</p>
                <input id=name_id type="text" autocomplete="off" maxlength="40"
                    prop:value=move || form.with(|f| f.nickname.clone())
                    on:input=move |event| form.update(|f| f.nickname = event_target_value(&event)) />
            </div>
        })}
    }
}

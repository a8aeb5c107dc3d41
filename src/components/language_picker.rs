//! The language picker: labelled "Sprache" (and the same word in the language shown), each
//! language written in itself. Used on the first screen, in settings and for a visit.

use crate::i18n::{languages, shown_code, t, tr};
use crate::state::use_app;
use kekiz_core::i18n::Msg;
use leptos::prelude::*;

/// A select of the app's languages: `on_choose` gets the code picked, `selected` is the code
/// shown as picked, `label_key` names the field (its German word is always in the label), and
/// a language that could not be loaded is said below it.
#[component]
pub fn LanguagePicker(
    id: &'static str,
    selected: String,
    on_choose: Callback<String>,
    #[prop(default = "language.label")] label_key: &'static str,
    #[prop(optional)] hint_key: Option<&'static str>,
) -> impl IntoView {
    let app = use_app();
    let hint_id = format!("{id}-hint");
    // German's word always shows, so that a volunteer or a parent finds the picker in any language.
    let label = {
        let own = t(label_key);
        let german = kekiz_core::i18n::in_german(&Msg::new(label_key));
        if shown_code() == "de" || own == german {
            german
        } else {
            format!("{german} · {own}")
        }
    };
    let change = move |event: leptos::ev::Event| {
        app.language_notice.set(None);
        on_choose.run(event_target_value(&event));
    };
    view! {
        <div class="field language-picker">
            <label for=id>{label}</label>
            {hint_key.map(|key| view! { <p class="hint" id=hint_id.clone()>{t(key)}</p> })}
            <select id=id on:change=change aria-describedby=hint_key.map(|_| format!("{id}-hint"))>
                {languages()
                    .into_iter()
                    .map(|language| {
                        let is_selected = language.code == selected;
                        view! {
                            <option value=language.code.clone() lang=language.code.clone() dir=language.dir.attribute() selected=is_selected>
                                {language.name.clone()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            {move || app.language_notice.get().map(|m| view! { <p class="notice warning" role="alert">{tr(&m)}</p> })}
        </div>
    }
}

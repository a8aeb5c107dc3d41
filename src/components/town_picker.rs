//! "Wohnort": an accessible combobox (WAI-ARIA 1.2 list autocomplete) over the core's town
//! search. Type a name or a postcode; choose with arrow keys and Enter, or by tapping.
//! Used by onboarding, settings and the visit mode.

use crate::i18n::{t, tr, DATA_LANGUAGE};
use crate::state::{use_app, Load};
use kekiz_core::directory::TownKey;
use kekiz_core::form::kreis_label;
use kekiz_core::i18n::Msg;
use kekiz_core::office::find_town;
use kekiz_core::town::TownHit;
use leptos::prelude::*;

/// How many suggestions the list shows at most.
const SUGGESTIONS: usize = 8;

/// The town field. `chosen` holds the chosen town's AGS; `error` a message shown beside it.
/// `id` prefixes the element ids, so two pickers can live on one page.
#[component]
pub fn TownPicker(
    id: &'static str,
    chosen: RwSignal<Option<TownKey>>,
    #[prop(into)] error: Signal<Option<Msg>>,
) -> impl IntoView {
    let app = use_app();
    let input_id = format!("{id}-input");
    let list_id = format!("{id}-list");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");

    // What is typed starts as the chosen town's name, so a change of town starts from it.
    let town_name = move |ags: &str| match app.directory.get_untracked() {
        Load::Ready(directory) => directory.towns.name(ags).map(str::to_owned),
        _ => None,
    };
    let text = RwSignal::new(
        chosen
            .get_untracked()
            .and_then(|ags| town_name(&ags))
            .unwrap_or_default(),
    );
    // A town chosen before the town list arrived (a handed-over link on a first visit) gets its
    // name as soon as the list is there; a key the list does not know is no choice at all.
    Effect::new(move |_| {
        if let (Load::Ready(directory), Some(ags)) = (app.directory.get(), chosen.get_untracked()) {
            match directory.towns.name(&ags) {
                Some(name) if text.get_untracked().is_empty() => text.set(name.to_owned()),
                Some(_) => {}
                None => chosen.set(None),
            }
        }
    });
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);

    let hits = Memo::new(move |_| {
        let query = text.get();
        match app.directory.get() {
            Load::Ready(directory) if !query.trim().is_empty() => {
                directory.towns.search(&query, SUGGESTIONS)
            }
            _ => Vec::new(),
        }
    });

    let choose = move |hit: &TownHit| {
        chosen.set(Some(hit.ags.clone()));
        text.set(hit.name.clone());
        open.set(false);
        active.set(None);
    };

    let on_input = move |event: leptos::ev::Event| {
        text.set(event_target_value(&event));
        // Typing again means the earlier choice no longer stands.
        chosen.set(None);
        open.set(true);
        active.set(None);
    };

    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        let count = hits.with(Vec::len);
        match event.key().as_str() {
            "ArrowDown" if count > 0 => {
                event.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % count)));
            }
            "ArrowUp" if count > 0 => {
                event.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(count - 1, |i| (i + count - 1) % count)));
            }
            "Enter" if open.get_untracked() && count > 0 => {
                event.prevent_default();
                let index = active.get_untracked().unwrap_or(0);
                if let Some(hit) = hits.with_untracked(|h| h.get(index).cloned()) {
                    choose(&hit);
                }
            }
            "Escape" => {
                open.set(false);
                active.set(None);
            }
            _ => {}
        }
    };

    // "Kreis Steinfurt" or "kreisfreie Stadt", to tell apart towns of the same name.
    let kreis_of = move |hit: &TownHit| {
        let kreisfrei = match app.directory.get_untracked() {
            Load::Ready(directory) => {
                find_town(&directory.index, &hit.ags).is_some_and(|t| t.kreisfrei)
            }
            _ => false,
        };
        tr(&kreis_label(&hit.kreis, kreisfrei))
    };

    let expanded = move || open.get() && !hits.with(Vec::is_empty);
    let option_id = move |index: usize| format!("{id}-option-{index}");
    let active_descendant = move || active.get().filter(|_| expanded()).map(option_id);
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if error.get().is_some() {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    let no_match = move || {
        let query = text.get();
        open.get()
            && chosen.get().is_none()
            && query.trim().chars().count() >= 2
            && hits.with(Vec::is_empty)
            && matches!(app.directory.get(), Load::Ready(_))
    };

    view! {
        <div class="field combobox">
            <label for=input_id.clone()>{t("town_picker.label")}</label>
            <p class="hint" id=hint_id.clone()>{t("town_picker.hint")}</p>
            <input
                id=input_id.clone()
                type="text"
                role="combobox"
                autocomplete="off"
                autocapitalize="words"
                spellcheck="false"
                aria-autocomplete="list"
                aria-controls=list_id.clone()
                aria-expanded=move || expanded().to_string()
                aria-activedescendant=active_descendant
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=described_by
                prop:value=move || text.get()
                on:input=on_input
                on:keydown=on_keydown
                on:focus=move |_| open.set(true)
                on:blur=move |_| open.set(false)
            />
            <ul id=list_id.clone() role="listbox" aria-label=t("town_picker.list_label") class="suggestions" hidden=move || !expanded()>
                {move || {
                    hits.get()
                        .into_iter()
                        .enumerate()
                        .map(|(index, hit)| {
                            let label = hit.label();
                            let kreis = kreis_of(&hit);
                            view! {
                                <li
                                    id=option_id(index)
                                    role="option"
                                    aria-selected=move || (active.get() == Some(index)).to_string()
                                    class:active=move || active.get() == Some(index)
                                    // Choosing on pointerdown, before the input's blur closes the list.
                                    on:pointerdown=move |event| {
                                        event.prevent_default();
                                        choose(&hit);
                                    }
                                >
                                    <span class="option-name" lang=DATA_LANGUAGE>{label}</span>
                                    <span class="option-kreis">{kreis}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <p class="field-note" aria-live="polite">
                {move || no_match().then(|| t("town_picker.no_match"))}
                {move || match app.directory.get() {
                    Load::Loading => Some(t("town_picker.loading")),
                    Load::Failed(reason) => Some(tr(&Msg::new("town_picker.load_failed").msg("reason", reason))),
                    Load::Ready(_) => None,
                }}
            </p>
            {move || error.get().map(|message| view! { <p class="field-error" id=error_id.clone()>{tr(&message)}</p> })}
        </div>
    }
}

//! "Einstellungen": change the town and the children, export and import the family's data,
//! and delete everything. Export and import use the core's file format and checks.

use crate::components::child_fields::ChildFields;
use crate::components::confirm::Confirm;
use crate::components::install_card::InstallCard;
use crate::components::language_picker::LanguagePicker;
use crate::components::town_picker::TownPicker;
use crate::i18n::{t, tr};
use crate::platform::{data_cache, download, storage};
use crate::route::Route;
use crate::state::{use_app, Directory, Load, Memory};
use kekiz_core::form::{no_town_chosen, ChildForm};
use kekiz_core::i18n::Msg;
use kekiz_core::profile::{check_import_size, parse_export, Child, Profile};
use kekiz_core::words::child_label;
use leptos::prelude::*;
use std::sync::Arc;

/// The settings page.
#[component]
pub fn Settings() -> impl IntoView {
    let app = use_app();
    view! {
        <h1 id="page-heading" tabindex="-1">{t("settings.title")}</h1>
        {move || match app.memory.get() {
            Memory::Remembers => None,
            Memory::CannotRemember(reason) => Some(view! {
                <p class="notice warning">{tr(&Msg::new("settings.cannot_remember").msg("reason", reason))}</p>
            }),
        }}
        <section class="card" aria-labelledby="language-settings-heading">
            <h2 id="language-settings-heading">{t("language.label")}</h2>
            <LanguagePicker
                id="settings-language"
                selected=crate::i18n::shown_code_untracked()
                on_choose=Callback::new(move |code| app.choose_language(code, "settings-language"))
            />
        </section>
        <TownSettings />
        <ChildrenSettings />
        <DataSettings />
        <InstallCard />
        <p><a class="tap" href=Route::About.to_hash()>{t("settings.about_link")}</a></p>
    }
}

/// Changing the family's town.
#[component]
fn TownSettings() -> impl IntoView {
    let app = use_app();
    let town = RwSignal::new(app.profile.with_untracked(|p| p.town.clone()));
    let error = RwSignal::new(None::<Msg>);
    let saved = RwSignal::new(false);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        match town.get_untracked() {
            Some(ags) => {
                error.set(None);
                app.update_profile(|p| p.town = Some(ags));
                saved.set(true);
            }
            None => error.set(Some(no_town_chosen())),
        }
    };
    view! {
        <section class="card" aria-labelledby="town-settings-heading">
            <h2 id="town-settings-heading">{t("settings.town_heading")}</h2>
            <form on:submit=submit novalidate>
                <TownPicker id="settings-town" chosen=town error=error />
                <button type="submit" class="primary">{t("settings.town_save")}</button>
                <p role="status" class="saved">{move || saved.get().then(|| t("settings.saved"))}</p>
            </form>
        </section>
    }
}

/// Renaming, changing and removing children.
#[component]
fn ChildrenSettings() -> impl IntoView {
    let app = use_app();
    let children = move || app.profile.with(|p| p.children.clone());
    view! {
        <section class="card" aria-labelledby="children-settings-heading">
            <h2 id="children-settings-heading">{t("settings.children_heading")}</h2>
            {move || {
                let all = children();
                let count = all.len();
                all.into_iter().enumerate().map(|(i, child)| view! { <ChildSettings child=child position=i count=count /> }).collect_view()
            }}
            <p><a class="button secondary" href=Route::AddChild.to_hash()>{t("settings.add_child")}</a></p>
        </section>
    }
}

/// One child's card in settings.
#[component]
fn ChildSettings(child: Child, position: usize, count: usize) -> impl IntoView {
    let app = use_app();
    let id = child.id;
    let form = RwSignal::new(ChildForm::of(child.birth, child.nickname.as_deref()));
    let error = RwSignal::new(None::<Msg>);
    let saved = RwSignal::new(false);
    let confirm_remove = RwSignal::new(false);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = form.get_untracked();
        match typed.birth(app.today.get_untracked()) {
            Ok(birth) => {
                error.set(None);
                app.update_profile(|p| {
                    p.change_child(id, typed.nickname(), birth);
                });
                saved.set(true);
            }
            Err(problem) => error.set(Some(problem.message())),
        }
    };
    let remove = Callback::new(move |()| {
        app.update_profile(|p| {
            p.remove_child(id);
        });
    });
    view! {
        <form class="child-settings" on:submit=submit novalidate>
            <h3>{tr(&child_label(child.nickname.as_deref(), position, count))}</h3>
            <ChildFields id=format!("child-{id}") form=form error=error />
            <div class="actions">
                <button type="submit" class="primary">{t("settings.child_save")}</button>
                {(count > 1).then(|| view! {
                    <button type="button" class="secondary" on:click=move |_| confirm_remove.set(true)>{t("settings.remove_child")}</button>
                })}
            </div>
            <p role="status" class="saved">{move || saved.get().then(|| t("settings.saved"))}</p>
            <Confirm id=format!("remove-child-{id}") open=confirm_remove title=t("settings.remove_child")
                question=t("settings.remove_child_question") yes=t("settings.remove_child_yes") on_yes=remove />
        </form>
    }
}

/// Export, import and deleting everything.
#[component]
fn DataSettings() -> impl IntoView {
    let app = use_app();
    let message = RwSignal::new(None::<(bool, Msg)>);
    let confirm_delete = RwSignal::new(false);

    let export = move |_| {
        let today = app.today.get_untracked();
        let text = app.profile.with_untracked(|p| p.to_export_json(today));
        let result = download::download_text(
            &kekiz_core::profile::export_file_name(today),
            "application/json",
            &text,
        );
        message.set(Some(match result {
            Ok(()) => (true, Msg::new("settings.export_done")),
            Err(error) => (
                false,
                Msg::new("settings.export_failed").msg("error", error.message()),
            ),
        }));
    };

    let import = move |event: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&event);
        leptos::task::spawn_local(async move {
            let outcome = read_export(&input, app.directory.get_untracked()).await;
            input.set_value("");
            match outcome {
                Ok(profile) => {
                    message.set(Some((true, Msg::new("settings.import_done"))));
                    // The family's language travels with its data.
                    let language = profile.language.clone();
                    app.save(profile);
                    if let Some(code) = language {
                        app.show_language(code);
                    }
                }
                Err(reason) => message.set(Some((
                    false,
                    Msg::new("settings.import_failed").msg("reason", reason),
                ))),
            }
        });
    };

    let delete_all = Callback::new(move |()| {
        let result = storage::delete_everything();
        app.profile.set(Profile::default());
        app.kept_aside.set(None);
        app.offices.set(Default::default());
        leptos::task::spawn_local(async move {
            if let Err(error) = data_cache::forget_office_files().await {
                leptos::logging::warn!("office files not forgotten: {error}");
            }
        });
        match result {
            Ok(()) => app.navigate(Route::Family(None)),
            Err(error) => message.set(Some((
                false,
                Msg::new("settings.delete_failed").msg("error", error.message()),
            ))),
        }
    });

    view! {
        <section class="card" aria-labelledby="data-settings-heading">
            <h2 id="data-settings-heading">{t("settings.data_heading")}</h2>
            <p>{t("settings.data_intro")}</p>
            <div class="actions">
                <button type="button" class="secondary" on:click=export>{t("settings.export")}</button>
                <label class="button secondary file-button">
                    {t("settings.import")}
                    <input type="file" accept="application/json,.json" class="visually-hidden" on:change=import />
                </label>
                <button type="button" class="danger" on:click=move |_| confirm_delete.set(true)>{t("settings.delete_all")}</button>
            </div>
            {move || message.get().map(|(ok, text)| view! {
                <p class=if ok { "notice info" } else { "notice warning" } role="status">{tr(&text)}</p>
            })}
            <Confirm id="delete-all".to_owned() open=confirm_delete title=t("settings.delete_all")
                question=t("settings.delete_all_question")
                yes=t("settings.delete_all_yes") on_yes=delete_all />
        </section>
    }
}

/// The profile in the export file picked in `input`, checked: its size before it is read, then
/// its content, then its town against the loaded `directory`; or why it cannot be taken.
async fn read_export(
    input: &web_sys::HtmlInputElement,
    directory: Load<Arc<Directory>>,
) -> Result<Profile, Msg> {
    let size = download::picked_file_size(input).map_err(|e| e.message())?;
    check_import_size(size).map_err(|e| e.message())?;
    let text = download::read_picked_file(input)
        .await
        .map_err(|e| e.message())?;
    let profile = parse_export(&text).map_err(|e| e.message())?;
    match directory {
        Load::Ready(directory) => profile
            .check_known_town(&directory.index.towns)
            .map_err(|e| e.message())?,
        _ => return Err(Msg::new("settings.towns_not_loaded")),
    }
    Ok(profile)
}

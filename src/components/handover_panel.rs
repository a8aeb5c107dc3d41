//! "Weitergeben": the QR code and link that open the app with the town and the birth month
//! filled in (nothing else), the system share sheet, printing one page, and the calendar file.
//! Used by the family page and the visit mode; link, QR and calendar text come from the core.

use crate::i18n::{t, tr};
use crate::platform::{dom, download, share};
use crate::state::{use_app, Load};
use kekiz_core::age::BirthInfo;
use kekiz_core::calendar::calendar_ics;
use kekiz_core::done::DoneMark;
use kekiz_core::handover::handover_link;
use kekiz_core::i18n::Msg;
use kekiz_core::qr::qr_svg;
use leptos::prelude::*;

/// The hand-over section for a child in `town`; `label` names the child in the calendar and
/// `key` keeps its calendar entries stable across exports.
#[component]
pub fn HandoverPanel(
    #[prop(into)] town: Signal<String>,
    #[prop(into)] birth: Signal<BirthInfo>,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] key: Signal<String>,
    /// Items marked done, which the calendar leaves out.
    #[prop(optional, into)]
    done: Signal<Vec<DoneMark>>,
) -> impl IntoView {
    let app = use_app();
    let link = Memo::new(move |_| {
        let origin = dom::origin().unwrap_or_default();
        handover_link(
            &origin,
            &town.get(),
            birth.get(),
            Some(&crate::i18n::shown_code()),
        )
    });
    let qr = Memo::new(move |_| qr_svg(&link.get()).ok());
    let notice = RwSignal::new(None::<Msg>);

    let copy = move |_| {
        let text = link.get_untracked();
        leptos::task::spawn_local(async move {
            notice.set(Some(match share::copy_to_clipboard(&text).await {
                Ok(()) => Msg::new("handover.copied"),
                Err(error) => Msg::new("handover.copy_failed").msg("error", error.message()),
            }));
        });
    };
    let share_link = move |_| {
        let url = link.get_untracked();
        leptos::task::spawn_local(async move {
            if let Err(error) =
                share::share(&t("handover.share_title"), &t("handover.share_text"), &url).await
            {
                leptos::logging::warn!("not shared: {error}");
            }
        });
    };
    let print = move |_| {
        if let Err(error) = share::print() {
            notice.set(Some(
                Msg::new("handover.print_failed").msg("error", error.message()),
            ));
        }
    };
    let calendar = move |_| {
        let BirthInfo::Born(born) = birth.get_untracked() else {
            return;
        };
        let Load::Ready(directory) = app.directory.get_untracked() else {
            return;
        };
        let today = app.today.get_untracked();
        let language = crate::i18n::shown_code_untracked();
        let say = |msg: &kekiz_core::i18n::Msg| crate::i18n::tr(msg);
        let text = calendar_ics(
            &directory.index.statewide,
            born,
            (&label.get_untracked(), &key.get_untracked()),
            today,
            &done.get_untracked(),
            &kekiz_core::calendar::Words {
                say: &say,
                language: &language,
            },
        );
        if let Err(error) = download::download_text("kekiz-termine.ics", "text/calendar", &text) {
            notice.set(Some(
                Msg::new("handover.calendar_failed").msg("error", error.message()),
            ));
        }
    };
    let born = move || matches!(birth.get(), BirthInfo::Born(_));
    // Whole sentences per case, so that each language can word them its own way.
    let explanation = move || {
        if born() {
            t("handover.qr_explain_born")
        } else {
            t("handover.qr_explain_expected")
        }
    };
    let qr_label = move || {
        if born() {
            t("handover.qr_label_born")
        } else {
            t("handover.qr_label_expected")
        }
    };

    view! {
        <section class="card handover" aria-labelledby="handover-heading">
            <h2 id="handover-heading">{t("handover.heading")}</h2>
            <p class="no-print">{explanation}</p>
            {move || qr.get().map(|svg| view! {
                <div class="qr" role="img" aria-label=qr_label inner_html=svg></div>
            })}
            // Text to copy, not a link: opened here it would replace what this phone shows.
            <p class="link" dir="ltr">{move || link.get()}</p>
            <div class="actions">
                <button type="button" class="secondary" on:click=copy>{t("handover.copy")}</button>
                {share::can_share().then(|| view! { <button type="button" class="secondary" on:click=share_link>{t("handover.share")}</button> })}
                <button type="button" class="secondary" on:click=print>{t("handover.print")}</button>
                {move || born().then(|| view! { <button type="button" class="secondary" on:click=calendar>{t("handover.calendar")}</button> })}
            </div>
            <p role="status" class="saved">{move || notice.get().map(|msg| tr(&msg))}</p>
            <p class="print-only">{move || app.data_as_of().map(|d| tr(&Msg::new("handover.as_of").text("date", crate::i18n::as_of(d))))}</p>
        </section>
    }
}

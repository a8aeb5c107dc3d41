//! "Weitergeben": the QR code and link that open the app with the town and the birth month
//! filled in (nothing else), the system share sheet, printing one page, and the calendar file.
//! Used by the family page and the visit mode; link, QR and calendar text come from the core.

use crate::platform::{dom, download, share};
use crate::state::{use_app, Load};
use kekiz_core::age::BirthInfo;
use kekiz_core::calendar::calendar_ics;
use kekiz_core::done::DoneMark;
use kekiz_core::handover::handover_link;
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
        handover_link(&origin, &town.get(), birth.get())
    });
    let qr = Memo::new(move |_| qr_svg(&link.get()).ok());
    let notice = RwSignal::new(None::<String>);

    let copy = move |_| {
        let text = link.get_untracked();
        leptos::task::spawn_local(async move {
            notice.set(Some(match share::copy_to_clipboard(&text).await {
                Ok(()) => "Der Link ist kopiert.".to_owned(),
                Err(error) => format!("Kopieren ging nicht ({error}). Sie können den Link oben markieren und kopieren."),
            }));
        });
    };
    let share_link = move |_| {
        let url = link.get_untracked();
        leptos::task::spawn_local(async move {
            if let Err(error) = share::share(
                "KeKiz-Begleiter",
                "Angebote für Ihr Kind in Ihrem Ort",
                &url,
            )
            .await
            {
                leptos::logging::warn!("not shared: {error}");
            }
        });
    };
    let print = move |_| {
        if let Err(error) = share::print() {
            notice.set(Some(format!("Drucken ging nicht: {error}")));
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
        let text = calendar_ics(
            &directory.index.statewide,
            born,
            &label.get_untracked(),
            &key.get_untracked(),
            today,
            &done.get_untracked(),
        );
        if let Err(error) = download::download_text("kekiz-termine.ics", "text/calendar", &text) {
            notice.set(Some(format!(
                "Die Kalenderdatei konnte nicht erstellt werden: {error}"
            )));
        }
    };
    let born = move || matches!(birth.get(), BirthInfo::Born(_));
    let month_word = move || {
        if born() {
            "Geburtsmonat"
        } else {
            "Entbindungsmonat"
        }
    };

    view! {
        <section class="card handover" aria-labelledby="handover-heading">
            <h2 id="handover-heading">"Weitergeben"</h2>
            <p class="no-print">{move || format!("Der QR-Code öffnet die App mit dem Wohnort und dem {} – ohne Namen und ohne genaues Datum.", month_word())}</p>
            {move || qr.get().map(|svg| view! {
                <div class="qr" role="img" aria-label=format!("QR-Code zum Öffnen der App mit Wohnort und {}", month_word()) inner_html=svg></div>
            })}
            // Text to copy, not a link: opened here it would replace what this phone shows.
            <p class="link">{move || link.get()}</p>
            <div class="actions">
                <button type="button" class="secondary" on:click=copy>"Link kopieren"</button>
                {share::can_share().then(|| view! { <button type="button" class="secondary" on:click=share_link>"Teilen"</button> })}
                <button type="button" class="secondary" on:click=print>"Drucken"</button>
                {move || born().then(|| view! { <button type="button" class="secondary" on:click=calendar>"In den Kalender"</button> })}
            </div>
            <p role="status" class="saved">{move || notice.get()}</p>
            <p class="print-only">{move || app.data_as_of().map(|d| format!("Stand der Angebote: {}", d.german()))}</p>
        </section>
    }
}

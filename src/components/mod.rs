//! Small widgets shared by several pages.

pub mod as_of;
pub mod checkup_list;
pub mod child_fields;
pub mod confirm;
pub mod contact_links;
pub mod deadline_list;
pub mod done_list;
pub mod emergency_help;
pub mod family_view;
pub mod handover_panel;
pub mod install_card;
pub mod language_picker;
pub mod offer_card;
pub mod schedule_lines;
pub mod status_bar;
pub mod storage_notices;
pub mod town_picker;
pub mod update_banner;
pub mod welcome_card;

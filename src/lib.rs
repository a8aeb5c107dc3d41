//! The KeKiz-Begleiter app (Leptos, client-side rendering): pages, components and the one
//! platform module that talks to the browser. `main.rs` only mounts [`app::App`].

pub mod app;
pub mod components;
pub mod i18n;
pub mod pages;
pub mod platform;
pub mod route;
pub mod state;

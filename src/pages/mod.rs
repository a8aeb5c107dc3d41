//! One file per screen.

pub mod about;
pub mod add_child;
pub mod emergency;
pub mod family;
pub mod offer;
pub mod onboarding;
pub mod settings;
pub mod visit;

//! The app's screens and their addresses (the part after `#`), so the browser's back button
//! and links work: "#/" family, "#/kind/2", "#/angebot/<id>", "#/einstellungen", "#/besuch",
//! "#/info", "#/notfall". Called by the app root and by links in pages.

/// A screen of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The family's page, showing the child with this id (or the first child).
    Family(Option<u32>),
    /// Adding another child.
    AddChild,
    /// One offer's details.
    Offer(String),
    /// Settings ("Einstellungen").
    Settings,
    /// The volunteer's visit mode ("Besuchsmodus").
    Visit,
    /// About the app: sources and licences.
    About,
    /// "Hilfe im Notfall": emergency numbers and help lines, reachable from every screen.
    Emergency,
}

impl Route {
    /// The screen for a location hash such as "#/angebot/x"; unknown hashes show the family page.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.splitn(2, '/');
        match (parts.next().unwrap_or(""), parts.next()) {
            ("kind", Some(id)) => Route::Family(id.parse().ok()),
            ("kind-hinzufuegen", _) => Route::AddChild,
            ("angebot", Some(id)) if !id.is_empty() => Route::Offer(id.to_owned()),
            ("einstellungen", _) => Route::Settings,
            ("besuch", _) => Route::Visit,
            ("info", _) => Route::About,
            ("notfall", _) => Route::Emergency,
            _ => Route::Family(None),
        }
    }

    /// The hash that leads to this screen.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Family(None) => "#/".to_owned(),
            Route::Family(Some(id)) => format!("#/kind/{id}"),
            Route::AddChild => "#/kind-hinzufuegen".to_owned(),
            Route::Offer(id) => format!("#/angebot/{id}"),
            Route::Settings => "#/einstellungen".to_owned(),
            Route::Visit => "#/besuch".to_owned(),
            Route::About => "#/info".to_owned(),
            Route::Emergency => "#/notfall".to_owned(),
        }
    }
}

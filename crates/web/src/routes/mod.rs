//! Every route the app serves. Each module owns its paths.

use axum::Router;

use crate::AppState;

mod assets;
mod health;
mod home;
mod lang;

pub fn all() -> Router<AppState> {
    Router::new()
        .merge(health::routes())
        .merge(assets::routes())
        .merge(home::routes())
        .merge(lang::routes())
}

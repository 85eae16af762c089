//! The caregiver's calendar feed (issue 12 part C): the link on their own
//! account page (made, replaced, turned off), and the feed itself, which
//! anyone holding a live link may read — the link is the only sign-in.
//! Logs name the route template (`/calendar/{feed}`), never the link.

use askama::Template;
use axum::{
    extract::{Path, State},
    http::{HeaderMap, header},
    response::{IntoResponse, Redirect, Response},
};
use carryover_ops::{Operation, calendar};

use super::Routes;
use crate::{
    AppState,
    auth::{Caller, Meta},
    calendar_words,
    error::AppError,
    i18n::{Lang, Tr},
    links,
    pages::{self, Chrome, Page},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/account/calendar", show_calendar)
        .calls(Operation::CalendarFeedStatus)
        .post("/account/calendar", create_feed)
        .calls(Operation::CreateCalendarFeed)
        .post("/account/calendar/revoke", revoke_feed)
        .calls(Operation::RevokeCalendarFeed)
        // The feed is for calendar apps, not a page: it is its own machine
        // twin, so it names no operation that would ask for an API route.
        .get("/calendar/{feed}", read_feed)
}

#[derive(Template)]
#[template(path = "account/calendar.html")]
struct CalendarPage {
    t: Tr,
    c: Chrome,
    /// Since when the live link works, in words.
    live_since: Option<String>,
    /// A link just made: shown this once (only its hash is kept).
    created: Option<NewLink>,
}

struct NewLink {
    https: String,
    webcal: String,
}

async fn page_with(
    state: &AppState,
    page: Page,
    caller: &Caller,
    created: Option<NewLink>,
) -> Result<CalendarPage, AppError> {
    let status = calendar::status(&state.ops, &caller.who).await?;
    let Page { t, c } = page.back_to("/account/calendar");
    let live_since = status.created_at.map(|at| t.datetime(at));
    Ok(CalendarPage { t, c, live_since, created })
}

async fn show_calendar(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
) -> Result<Response, AppError> {
    pages::render(&page_with(&state, page, &caller, None).await?)
}

async fn create_feed(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let made = calendar::create(&state.ops, &caller.who).await?;
    let https = calendar_words::feed_url(&links::base_url(&state, &headers), &made.token);
    let webcal = https.replacen("https://", "webcal://", 1).replacen("http://", "webcal://", 1);
    pages::render(&page_with(&state, page, &caller, Some(NewLink { https, webcal })).await?)
}

async fn revoke_feed(State(state): State<AppState>, caller: Caller) -> Result<Response, AppError> {
    calendar::revoke(&state.ops, &caller.who).await?;
    Ok(Redirect::to("/account/calendar").into_response())
}

/// The feed: `text/calendar`, never cached. An unknown, revoked or replaced
/// link answers 404.
async fn read_feed(
    State(state): State<AppState>,
    Meta(meta): Meta,
    Path(feed): Path<String>,
) -> Result<Response, AppError> {
    let token = feed.strip_suffix(".ics").unwrap_or(&feed);
    let found = calendar::feed(&state.ops, &meta, token).await?;
    let lang = match found.language {
        carryover_domain::people::Language::Es => Lang::Es,
        carryover_domain::people::Language::En => Lang::En,
    };
    let t = Tr::new(lang, state.catalog.clone());
    let body = calendar_words::write(&t, &found);
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store, private"),
            (header::CONTENT_DISPOSITION, "inline; filename=\"carryover.ics\""),
        ],
        body,
    )
        .into_response())
}

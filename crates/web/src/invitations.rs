//! Issuing invitation links (join or reset) and drawing them as QR codes.

use axum::http::{HeaderMap, header};
use carryover_store::{
    AnyConnection,
    invitation::{NewInvitation, Purpose, insert_invitation},
    people::Person,
};
use qrcode::{QrCode, render::svg};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use axum::response::Response;

use crate::{
    AppState,
    auth::{Caller, token},
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, InvitationPage},
};

/// An invitation link works for a week, then the clinic makes a new one.
pub const VALID_FOR: Duration = Duration::days(7);

/// Stores a new invitation for `person` and returns the raw token, which
/// exists only in the link: the database keeps its hash.
pub async fn issue(
    conn: &mut AnyConnection,
    person: &Person,
    purpose: Purpose,
    created_by: Option<Uuid>,
    now: OffsetDateTime,
) -> Result<String, AppError> {
    let raw = token::new_token();
    let new = NewInvitation {
        clinic_id: person.clinic_id,
        person_id: person.person_id,
        token_hash: token::hash_token(&raw),
        purpose,
        created_by,
        expires_at: now + VALID_FOR,
    };
    insert_invitation(conn, &new, now).await?;
    Ok(raw)
}

/// The site's own address as the browser sees it, for links to show on screen.
pub fn base_url(state: &AppState, headers: &HeaderMap) -> String {
    if let Some(public) = &state.settings.public_url {
        return public.trim_end_matches('/').to_owned();
    }
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    let scheme = if state.settings.behind_tls_proxy { "https" } else { "http" };
    format!("{scheme}://{host}")
}

pub fn link(base_url: &str, token: &str) -> String {
    format!("{base_url}/invite/{token}")
}

/// The link as an inline SVG QR code, to scan from the therapist's screen.
pub fn qr_svg(link: &str) -> Result<String, AppError> {
    let code =
        QrCode::new(link.as_bytes()).map_err(|e| AppError::Internal(anyhow::anyhow!("qr: {e}")))?;
    let svg = code
        .render::<svg::Color<'_>>()
        .min_dimensions(240, 240)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    // Inline in HTML: drop the XML declaration.
    Ok(svg.split_once("?>").map_or(svg.clone(), |(_, rest)| rest.trim_start().to_owned()))
}

/// The page that shows a new invitation as a link and a QR code, under
/// `headline`; its language switcher returns to `back`.
pub fn show(
    state: &AppState,
    (t, caller): (Tr, &Caller),
    headers: &HeaderMap,
    token: &str,
    headline: String,
    back: &str,
) -> Result<Response, AppError> {
    let link = link(&base_url(state, headers), token);
    let page = InvitationPage {
        headline,
        qr_svg: qr_svg(&link)?,
        link,
        c: Chrome::new(Some(caller), back),
        t,
    };
    pages::render(&page)
}

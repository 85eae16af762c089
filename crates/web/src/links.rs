//! Invitation links as people see them: an absolute address and a QR code
//! to scan from the therapist's screen.

use axum::http::{HeaderMap, header};
use qrcode::{QrCode, render::svg};

use crate::{AppState, error::AppError};

/// The site's own address as the browser sees it, for links to show on screen.
pub fn base_url(state: &AppState, headers: &HeaderMap) -> String {
    if let Some(public) = &state.settings.public_url {
        return public.trim_end_matches('/').to_owned();
    }
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    let scheme = if state.settings.behind_tls_proxy { "https" } else { "http" };
    format!("{scheme}://{host}")
}

pub fn invitation_link(base_url: &str, token: &str) -> String {
    format!("{base_url}/invite/{token}")
}

/// The link as an inline SVG QR code.
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

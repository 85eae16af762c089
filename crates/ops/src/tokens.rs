//! Personal access tokens for the JSON API. A token is made on the account
//! page, shown once, carries its owner's rights and no more, and ends when
//! revoked, when it expires, or when its owner is deactivated.

use carryover_domain::{
    audit::{AuditAction, AuditResource},
    people::check_name,
    zone::ClinicZone,
};
use carryover_store::{
    api_token::{self, ApiToken, NewApiToken},
    audit,
};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::{Actor, OpError, Ops, Person, Problem, Who, error::Fields, secrets::ClinicToken};

/// Longest a token may live; the form offers shorter choices.
pub const MAX_DAYS: i64 = 365;
/// Used when no lifetime is given.
pub const DEFAULT_DAYS: i64 = 90;

/// A token in its owner's list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenView {
    pub id: Uuid,
    pub name: String,
    pub created_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
    pub last_used_at: Option<OffsetDateTime>,
    pub revoked_at: Option<OffsetDateTime>,
}

impl TokenView {
    pub fn is_live(&self, now: OffsetDateTime) -> bool {
        self.revoked_at.is_none() && self.expires_at > now
    }
}

impl From<ApiToken> for TokenView {
    fn from(t: ApiToken) -> Self {
        TokenView {
            id: t.api_token_id.0,
            name: t.name,
            created_at: t.created_at.0,
            expires_at: t.expires_at.0,
            last_used_at: t.last_used_at.map(|a| a.0),
            revoked_at: t.revoked_at.map(|a| a.0),
        }
    }
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct NewTokenInput {
    #[serde(default)]
    pub name: String,
    /// Days until it expires (1–365); empty means 90.
    #[serde(default)]
    pub days: Option<String>,
}

/// A token just made: the secret to show once (never log it), and its line.
#[derive(Debug)]
pub struct TokenCreated {
    pub secret: String,
    pub token: TokenView,
}

pub async fn create(ops: &Ops, who: &Who, input: &NewTokenInput) -> Result<TokenCreated, OpError> {
    // Issue 10: where the clinic requires a second factor, none without it.
    if !crate::two_factor::requirement_satisfied(ops, &who.actor).await? {
        return Err(OpError::field("second_factor", Problem::SecondFactorRequired));
    }
    let mut fields = Fields::default();
    let name = fields.check("name", check_name(&input.name));
    let days = match input.days.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        None => Some(DEFAULT_DAYS),
        Some(text) => fields.some(
            "days",
            text.parse::<i64>().ok().filter(|d| (1..=MAX_DAYS).contains(d)),
            Problem::OutOfRange,
        ),
    };
    let (name, days) = fields.finish(name.zip(days))?;
    let now = ops.now();
    let secret = ClinicToken::new(who.actor.clinic_id(), ops.secrets.as_ref());
    let new =
        NewApiToken { name, token_hash: secret.hash(), expires_at: now + Duration::days(days) };
    let mut tx = ops.db.begin_write().await?;
    let token = api_token::insert_token(&mut tx, &who.actor, &new, now).await?;
    let event = who.event(
        AuditAction::Create,
        AuditResource::ApiToken,
        Some(token.api_token_id.0.to_string()),
        None,
    );
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(TokenCreated { secret: secret.reveal(), token: token.into() })
}

pub async fn list(ops: &Ops, who: &Who) -> Result<Vec<TokenView>, OpError> {
    let mut conn = ops.db.read_conn().await?;
    Ok(api_token::tokens_of(&mut conn, &who.actor).await?.into_iter().map(Into::into).collect())
}

/// Revokes one of the caller's own tokens; another person's id finds nothing.
pub async fn revoke(ops: &Ops, who: &Who, token_id: Uuid) -> Result<(), OpError> {
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    if !api_token::revoke_token(&mut tx, &who.actor, token_id, now).await? {
        return Err(OpError::NotFound);
    }
    let event =
        who.event(AuditAction::Update, AuditResource::ApiToken, Some(token_id.to_string()), None);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(())
}

/// The person behind a bearer token, if it is live.
#[derive(Clone, Debug)]
pub struct TokenSession {
    pub actor: Actor,
    pub person: Person,
    pub token_id: Uuid,
    pub zone: ClinicZone,
}

/// Resolves a bearer token and notes its use (at most once a minute, like sessions).
pub async fn resolve(ops: &Ops, text: &str) -> Result<Option<TokenSession>, OpError> {
    let Some(token) = ClinicToken::parse(text) else { return Ok(None) };
    let now = ops.now();
    let mut conn = ops.db.read_conn().await?;
    let found = api_token::live_token(&mut conn, token.clinic_id, &token.hash(), now).await?;
    drop(conn);
    let Some(found) = found else { return Ok(None) };
    let stale = found.last_used_at.is_none_or(|at| now - at >= Duration::minutes(1));
    if stale {
        let mut tx = ops.db.begin_write().await?;
        api_token::touch_token(&mut tx, token.clinic_id, found.api_token_id, now).await?;
        tx.commit().await?;
    }
    let zone = ClinicZone::parse(&found.clinic_time_zone).unwrap_or_else(ClinicZone::utc);
    Ok(Some(TokenSession {
        actor: found.actor,
        person: found.person,
        token_id: found.api_token_id,
        zone,
    }))
}

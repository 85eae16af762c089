//! Signing in and out, and finding the person behind a session cookie.

use carryover_domain::{
    audit::{AuditAction, AuditResource},
    email::Email,
    session::{SessionPolicy, TOUCH_EVERY},
    zone::ClinicZone,
};
use carryover_store::{
    WriteTx,
    audit::{self, Outcome},
    grant::Actor,
    people::{self, Account, Person},
    session,
};
use uuid::Uuid;

use crate::{OpError, Ops, RequestMeta, Who, secrets::ClinicToken, throttle};

/// Which session a request came with, to end it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionKey {
    pub clinic_id: Uuid,
    token_hash: String,
}

/// The person behind a live session.
#[derive(Clone, Debug)]
pub struct LiveSession {
    pub actor: Actor,
    pub person: Person,
    pub key: SessionKey,
    /// The clinic's zone: every date the person reads is shown in it.
    pub zone: ClinicZone,
}

/// A new session: the cookie value to set (never log it) and who it is for.
#[derive(Debug)]
pub struct SignedIn {
    pub cookie: String,
    pub person: Person,
    pub actor: Actor,
}

/// Starts a session with a new id (never one the browser brought along),
/// inside the caller's transaction.
pub(crate) async fn start_session(
    ops: &Ops,
    tx: &mut WriteTx,
    actor: &Actor,
) -> Result<String, OpError> {
    let token = ClinicToken::new(actor.clinic_id(), ops.secrets.as_ref());
    session::insert_session(tx, actor, &token.hash(), ops.now()).await?;
    Ok(token.reveal())
}

/// The person behind a cookie, if their session is still live. Ends a
/// session that has expired, and moves `last_seen_at` at most once a minute.
pub async fn resolve_session(ops: &Ops, cookie: &str) -> Result<Option<LiveSession>, OpError> {
    let Some(token) = ClinicToken::parse(cookie) else { return Ok(None) };
    let hash = token.hash();
    let found =
        session::live_session(&mut *ops.db.read_conn().await?, token.clinic_id, &hash).await?;
    let Some(found) = found else { return Ok(None) };
    let now = ops.now();
    let policy = SessionPolicy::for_role(found.person.role);
    if !policy.is_live(found.created_at, found.last_seen_at, now) {
        let mut tx = ops.db.begin_write().await?;
        session::end_session(&mut tx, token.clinic_id, &hash, now).await?;
        tx.commit().await?;
        return Ok(None);
    }
    if now - found.last_seen_at >= TOUCH_EVERY {
        let mut tx = ops.db.begin_write().await?;
        session::touch_session(&mut tx, token.clinic_id, &hash, now).await?;
        tx.commit().await?;
    }
    let key = SessionKey { clinic_id: token.clinic_id, token_hash: hash };
    let zone = ClinicZone::parse(&found.clinic_time_zone).unwrap_or_else(ClinicZone::utc);
    Ok(Some(LiveSession { actor: found.actor, person: found.person, key, zone }))
}

/// Signs in with an address and a password. An unknown address and a wrong
/// password get the same answer in the same time; failures are throttled
/// per account and per client address.
pub async fn sign_in(
    ops: &Ops,
    meta: &RequestMeta,
    email: &str,
    password: String,
) -> Result<SignedIn, OpError> {
    let now = ops.now();
    let email = Email::parse(email)
        .map(|e| e.as_str().to_owned())
        .unwrap_or_else(|| email.trim().to_lowercase());
    let account_key = throttle::account_key(&email);
    let address_key = throttle::address_key(meta.client_addr.as_deref().unwrap_or("unknown"));
    let (address_wait, account_wait, found) = {
        let mut conn = ops.db.read_conn().await?;
        (
            throttle::blocked(&mut conn, &address_key, now).await?,
            throttle::blocked(&mut conn, &account_key, now).await?,
            people::account_for_sign_in(&mut conn, &email).await?,
        )
    };
    if let Some(wait) = address_wait.or(account_wait) {
        record_failure(ops, meta, found.as_ref(), None).await?;
        return Err(OpError::Throttled { retry_after_secs: wait });
    }
    let actor = found.as_ref().and_then(Account::actor);
    let stored_hash = actor.and(found.as_ref()).and_then(|a| a.password_hash.clone());
    let matches = ops.passwords.verify_blocking(password, stored_hash).await;
    let (Some(actor), Some(account), true) = (actor, found.as_ref(), matches) else {
        let keys = Some((account_key.as_str(), address_key.as_str()));
        let wait = record_failure(ops, meta, found.as_ref(), keys).await?;
        return Err(match wait {
            Some(retry_after_secs) => OpError::Throttled { retry_after_secs },
            None => OpError::Unauthorized,
        });
    };
    let mut tx = ops.db.begin_write().await?;
    throttle::succeeded(&mut tx, &account_key).await?;
    let cookie = start_session(ops, &mut tx, &actor).await?;
    let event = meta.event(Some(&actor), AuditAction::SignIn, AuditResource::Session, None, None);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(SignedIn { cookie, person: account.person.clone(), actor })
}

/// Audits a failed sign-in and, unless the attempt was refused unseen, counts
/// it against the account and the address. Returns the wait now in force.
async fn record_failure(
    ops: &Ops,
    meta: &RequestMeta,
    account: Option<&Account>,
    keys: Option<(&str, &str)>,
) -> Result<Option<u64>, OpError> {
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    let mut wait = None;
    if let Some((account_key, address_key)) = keys {
        let account_wait = throttle::account_failed(&mut tx, account_key, now).await?;
        let address_wait = throttle::address_failed(&mut tx, address_key, now).await?;
        wait = account_wait.max(address_wait);
    }
    let person = account.map(|a| &a.person);
    let mut event = meta.event(
        None,
        AuditAction::FailedSignIn,
        AuditResource::Person,
        person.map(|p| p.person_id.to_string()),
        None,
    );
    event.clinic_id = person.map(|p| p.clinic_id);
    event.outcome = if keys.is_some() { Outcome::Failure } else { Outcome::Denied };
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(wait)
}

pub async fn sign_out(ops: &Ops, who: &Who, key: &SessionKey) -> Result<(), OpError> {
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    session::end_session(&mut tx, key.clinic_id, &key.token_hash, now).await?;
    audit::append(
        &mut tx,
        &who.event(AuditAction::SignOut, AuditResource::Session, None, None),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

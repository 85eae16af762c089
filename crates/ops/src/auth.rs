//! Signing in and out, and finding the person behind a session cookie.

use carryover_domain::{
    audit::{AuditAction, AuditResource},
    email::Email,
    second_factor::requirement_met,
    session::{SessionPolicy, TOUCH_EVERY},
    zone::ClinicZone,
};
use carryover_store::{
    WriteTx,
    audit::{self, Outcome},
    grant::Actor,
    people::{self, Account, Person},
    second_factor, session,
};
use uuid::Uuid;

use crate::{OpError, Ops, RequestMeta, Who, secrets::ClinicToken, throttle::Keys};

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
    /// Staff of a clinic that requires a second factor, who has none yet:
    /// sent to enrol before anything about a child.
    pub must_enrol_second_factor: bool,
}

/// A new session: the cookie value to set (never log it) and who it is for.
#[derive(Debug)]
pub struct SignedIn {
    pub cookie: String,
    pub person: Person,
    pub actor: Actor,
    /// The password was right, and the person has a second factor: the
    /// cookie opens nothing until the code step (`second_factor::sign_in_code`).
    pub awaiting_code: bool,
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

/// Starts the session of a password step that must be followed by a code:
/// it opens nothing by itself.
pub(crate) async fn start_session_awaiting_code(
    ops: &Ops,
    tx: &mut WriteTx,
    actor: &Actor,
) -> Result<String, OpError> {
    let token = ClinicToken::new(actor.clinic_id(), ops.secrets.as_ref());
    session::insert_session_awaiting_code(tx, actor, &token.hash(), ops.now()).await?;
    Ok(token.reveal())
}

/// The full session, or the one that waits for a code, as the person's
/// second factor says.
pub(crate) async fn start_session_for(
    ops: &Ops,
    tx: &mut WriteTx,
    actor: &Actor,
) -> Result<(String, bool), OpError> {
    let enrolled = second_factor::factor(tx, actor.clinic_id(), actor.person_id())
        .await?
        .is_some_and(|f| f.confirmed);
    let cookie = if enrolled {
        start_session_awaiting_code(ops, tx, actor).await?
    } else {
        start_session(ops, tx, actor).await?
    };
    Ok((cookie, enrolled))
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
    let must_enrol_second_factor = !requirement_met(
        found.person.role,
        found.clinic_requires_second_factor,
        found.has_second_factor,
    );
    Ok(Some(LiveSession {
        actor: found.actor,
        person: found.person,
        key,
        zone,
        must_enrol_second_factor,
    }))
}

/// Signs in with an address and a password. An unknown address and a wrong
/// password get the same answer in the same time; failures are throttled
/// per account and address, per account, and per address. For a person with
/// a second factor the session waits for a code.
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
    let keys = Keys::new(&format!("account:{email}"), meta.client_addr.as_deref());
    let (wait, found) = {
        let mut conn = ops.db.read_conn().await?;
        (keys.blocked(&mut conn, now).await?, people::account_for_sign_in(&mut conn, &email).await?)
    };
    if let Some(wait) = wait {
        record_failure(ops, meta, found.as_ref().map(|a| &a.person), None).await?;
        return Err(OpError::Throttled { retry_after_secs: wait });
    }
    let actor = found.as_ref().and_then(Account::actor);
    let stored_hash = actor.and(found.as_ref()).and_then(|a| a.password_hash.clone());
    let matches = ops.passwords.verify_blocking(password, stored_hash).await;
    let (Some(actor), Some(account), true) = (actor, found.as_ref(), matches) else {
        let person = found.as_ref().map(|a| &a.person);
        let wait = record_failure(ops, meta, person, Some(&keys)).await?;
        return Err(match wait {
            Some(retry_after_secs) => OpError::Throttled { retry_after_secs },
            None => OpError::Unauthorized,
        });
    };
    let mut tx = ops.db.begin_write().await?;
    keys.succeeded(&mut tx).await?;
    let (cookie, awaiting_code) = start_session_for(ops, &mut tx, &actor).await?;
    if !awaiting_code {
        let event =
            meta.event(Some(&actor), AuditAction::SignIn, AuditResource::Session, None, None);
        audit::append(&mut tx, &event, now).await?;
    }
    tx.commit().await?;
    Ok(SignedIn { cookie, person: account.person.clone(), actor, awaiting_code })
}

/// Audits a failed sign-in and, unless the attempt was refused unseen, counts
/// it against its throttle keys. Returns the wait now in force.
pub(crate) async fn record_failure(
    ops: &Ops,
    meta: &RequestMeta,
    person: Option<&Person>,
    keys: Option<&Keys>,
) -> Result<Option<u64>, OpError> {
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    let mut wait = None;
    if let Some(keys) = keys {
        wait = keys.failed(&mut tx, now).await?;
    }
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

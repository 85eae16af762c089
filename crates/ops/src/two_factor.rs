//! Two-factor sign-in: enrolling an authenticator app from the account page,
//! the code step of sign-in, recovery codes, and an admin's reset.

use carryover_domain::{
    audit::{AuditAction, AuditResource},
    second_factor::{
        CODE_STEP_LASTS, RECOVERY_CODES, TotpSecret, normalize_recovery_code, recovery_code,
        recovery_hash, requirement_met,
    },
};
use carryover_store::{
    api_token, audit, clinic,
    grant::Actor,
    people,
    second_factor::{self as store},
    session,
};
use rand::RngCore;
use uuid::Uuid;

use crate::{
    OpError, Ops, Problem, RequestMeta, Who,
    auth::{self, SignedIn},
    secrets::ClinicToken,
    throttle::Keys,
};

/// What the account page says about the caller's second factor.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Status {
    pub enrolled: bool,
    /// The clinic requires one of this person (staff only).
    pub required: bool,
    pub recovery_codes_left: i64,
}

pub async fn status(ops: &Ops, who: &Who) -> Result<Status, OpError> {
    let (clinic_id, person_id) = (who.actor.clinic_id(), who.actor.person_id());
    let mut conn = ops.db.read_conn().await?;
    let enrolled =
        store::factor(&mut conn, clinic_id, person_id).await?.is_some_and(|f| f.confirmed);
    let clinic = clinic::clinic(&mut conn, clinic_id).await?.ok_or(OpError::NotFound)?;
    let left = store::recovery_codes_left(&mut conn, clinic_id, person_id).await?;
    let required = who.actor.is_staff() && clinic.require_second_factor;
    Ok(Status { enrolled, required, recovery_codes_left: left })
}

/// Whether a staff person's second-factor requirement is met: for anything
/// that acts as them without the sign-in pages (API tokens).
pub async fn requirement_satisfied(ops: &Ops, actor: &Actor) -> Result<bool, OpError> {
    let mut conn = ops.db.read_conn().await?;
    let clinic = clinic::clinic(&mut conn, actor.clinic_id()).await?.ok_or(OpError::NotFound)?;
    let enrolled = store::factor(&mut conn, actor.clinic_id(), actor.person_id())
        .await?
        .is_some_and(|f| f.confirmed);
    Ok(requirement_met(actor.role(), clinic.require_second_factor, enrolled))
}

/// An enrolment waiting for its first code: what the app needs. The secret
/// is shown to its owner only, as text and as a QR code of `otpauth_uri`.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Enrolment {
    pub secret: String,
    pub otpauth_uri: String,
}

/// Starts enrolling a new authenticator (again, if one was started and not
/// confirmed). A person who has one already must have it reset first.
pub async fn start_enrolment(ops: &Ops, who: &Who) -> Result<Enrolment, OpError> {
    let mut bytes = [0u8; 20];
    rand::rng().fill_bytes(&mut bytes);
    let secret = TotpSecret::from_bytes(bytes);
    let mut tx = ops.db.begin_write().await?;
    let (clinic_id, person_id) = (who.actor.clinic_id(), who.actor.person_id());
    if !store::start_enrolment(&mut tx, clinic_id, person_id, secret.reveal(), ops.now()).await? {
        return Err(OpError::Conflict { constraint: "second_factor_pkey", field: None });
    }
    tx.commit().await?;
    enrolment_for(ops, who, secret).await
}

/// The enrolment started and not yet confirmed, to show again.
pub async fn pending_enrolment(ops: &Ops, who: &Who) -> Result<Enrolment, OpError> {
    let mut conn = ops.db.read_conn().await?;
    let found = store::factor(&mut conn, who.actor.clinic_id(), who.actor.person_id()).await?;
    drop(conn);
    let secret = found
        .filter(|f| !f.confirmed)
        .and_then(|f| TotpSecret::parse(&f.totp_secret))
        .ok_or(OpError::NotFound)?;
    enrolment_for(ops, who, secret).await
}

async fn enrolment_for(ops: &Ops, who: &Who, secret: TotpSecret) -> Result<Enrolment, OpError> {
    let mut conn = ops.db.read_conn().await?;
    let clinic =
        clinic::clinic(&mut conn, who.actor.clinic_id()).await?.ok_or(OpError::NotFound)?;
    let person = people::person_in_clinic(&mut conn, who.actor.clinic_id(), who.actor.person_id())
        .await?
        .ok_or(OpError::NotFound)?;
    let issuer = format!("Carryover {}", clinic.name);
    Ok(Enrolment {
        otpauth_uri: secret.otpauth_uri(&issuer, &person.email),
        secret: secret.reveal().to_owned(),
    })
}

/// A confirmed enrolment: recovery codes to show once, and the cookie of the
/// session that replaces the caller's (every session of theirs ended).
#[derive(Debug)]
pub struct Confirmed {
    pub recovery_codes: Vec<String>,
    pub cookie: String,
}

/// Confirms an enrolment with a first code. Every session of the person
/// ends and a new one starts here; the recovery codes are stored as hashes.
pub async fn confirm_enrolment(ops: &Ops, who: &Who, code: &str) -> Result<Confirmed, OpError> {
    let (clinic_id, person_id) = (who.actor.clinic_id(), who.actor.person_id());
    let keys = Keys::new(&format!("code:{person_id}"), who.meta.client_addr.as_deref());
    let now = ops.now();
    let mut conn = ops.db.read_conn().await?;
    if let Some(wait) = keys.blocked(&mut conn, now).await? {
        return Err(OpError::Throttled { retry_after_secs: wait });
    }
    let found = store::factor(&mut conn, clinic_id, person_id).await?.filter(|f| !f.confirmed);
    drop(conn);
    let found = found.ok_or(OpError::NotFound)?;
    let secret = TotpSecret::parse(&found.totp_secret).ok_or(OpError::NotFound)?;
    let mut tx = ops.db.begin_write().await?;
    let step = match secret.check(code, unix(ops), found.last_used_step) {
        Ok(step) => step,
        Err(_) => {
            let wait = keys.failed(&mut tx, now).await?;
            tx.commit().await?;
            return Err(wrong_code(wait));
        }
    };
    if !store::use_step(&mut tx, clinic_id, person_id, step, now).await? {
        return Err(OpError::field("code", Problem::CodeWrong));
    }
    keys.succeeded(&mut tx).await?;
    let recovery_codes = new_recovery_codes(&mut tx, clinic_id, person_id).await?;
    // Sessions opened with the password alone end; the new one passed a code.
    session::end_all_sessions(&mut tx, clinic_id, person_id, now).await?;
    let cookie = auth::start_session(ops, &mut tx, &who.actor).await?;
    let event =
        who.event(AuditAction::Update, AuditResource::Person, Some(person_id.to_string()), None);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(Confirmed { recovery_codes, cookie })
}

async fn new_recovery_codes(
    tx: &mut carryover_store::WriteTx,
    clinic_id: Uuid,
    person_id: Uuid,
) -> Result<Vec<String>, OpError> {
    let codes: Vec<String> = (0..RECOVERY_CODES)
        .map(|_| {
            let mut bytes = [0u8; 10];
            rand::rng().fill_bytes(&mut bytes);
            recovery_code(bytes)
        })
        .collect();
    let hashes: Vec<String> = codes
        .iter()
        .filter_map(|c| normalize_recovery_code(c))
        .map(|c| recovery_hash(&c))
        .collect();
    store::replace_recovery_codes(tx, clinic_id, person_id, &hashes).await?;
    Ok(codes)
}

fn unix(ops: &Ops) -> u64 {
    u64::try_from(ops.now().unix_timestamp()).unwrap_or(0)
}

fn wrong_code(wait: Option<u64>) -> OpError {
    match wait {
        Some(retry_after_secs) => OpError::Throttled { retry_after_secs },
        None => OpError::field("code", Problem::CodeWrong),
    }
}

/// Whose password step a cookie holds, while it waits for a code.
pub async fn awaiting_code(ops: &Ops, cookie: &str) -> Result<Option<String>, OpError> {
    Ok(pending(ops, cookie).await?.map(|(_, person)| person.display_name))
}

async fn pending(
    ops: &Ops,
    cookie: &str,
) -> Result<Option<(ClinicToken, people::Person)>, OpError> {
    let Some(token) = ClinicToken::parse(cookie) else { return Ok(None) };
    let mut conn = ops.db.read_conn().await?;
    let found = session::session_awaiting_code(&mut conn, token.clinic_id, &token.hash()).await?;
    Ok(found.filter(|s| ops.now() < s.created_at + CODE_STEP_LASTS).map(|s| (token, s.person)))
}

/// The code step of sign-in: a code from the app (each accepted once), or an
/// unused recovery code. Wrong codes are throttled like passwords. The
/// waiting session ends and a full one starts.
pub async fn sign_in_code(
    ops: &Ops,
    meta: &RequestMeta,
    cookie: &str,
    code: &str,
) -> Result<SignedIn, OpError> {
    let (token, person) = pending(ops, cookie).await?.ok_or(OpError::NotFound)?;
    let (clinic_id, person_id) = (person.clinic_id, person.person_id);
    let keys = Keys::new(&format!("code:{person_id}"), meta.client_addr.as_deref());
    let now = ops.now();
    let mut conn = ops.db.read_conn().await?;
    if let Some(wait) = keys.blocked(&mut conn, now).await? {
        drop(conn);
        auth::record_failure(ops, meta, Some(&person), None).await?;
        return Err(OpError::Throttled { retry_after_secs: wait });
    }
    let found = store::factor(&mut conn, clinic_id, person_id).await?.filter(|f| f.confirmed);
    let account = people::account_in_clinic(&mut conn, clinic_id, person_id).await?;
    drop(conn);
    let (Some(found), Some(actor)) = (found, account.as_ref().and_then(|a| a.actor())) else {
        return Err(OpError::NotFound);
    };
    let mut tx = ops.db.begin_write().await?;
    let accepted = match TotpSecret::parse(&found.totp_secret)
        .map(|s| s.check(code, unix(ops), found.last_used_step))
    {
        Some(Ok(step)) => store::use_step(&mut tx, clinic_id, person_id, step, now).await?,
        _ => match normalize_recovery_code(code) {
            Some(typed) => {
                let hash = recovery_hash(&typed);
                store::use_recovery_code(&mut tx, clinic_id, person_id, &hash, now).await?
            }
            None => false,
        },
    };
    if !accepted {
        drop(tx);
        let wait = auth::record_failure(ops, meta, Some(&person), Some(&keys)).await?;
        return Err(wrong_code(wait));
    }
    keys.succeeded(&mut tx).await?;
    session::end_session(&mut tx, clinic_id, &token.hash(), now).await?;
    let cookie = auth::start_session(ops, &mut tx, &actor).await?;
    let event = meta.event(Some(&actor), AuditAction::SignIn, AuditResource::Session, None, None);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(SignedIn { cookie, person, actor, awaiting_code: false })
}

/// An admin removes another staff member's second factor (a lost phone and
/// no recovery code left). That person's sessions and API tokens end; they
/// enrol again.
pub async fn reset(ops: &Ops, who: &Who, person_id: Uuid) -> Result<people::Person, OpError> {
    if !who.actor.is_admin() {
        return Err(OpError::NotFound);
    }
    let clinic_id = who.actor.clinic_id();
    let mut conn = ops.db.read_conn().await?;
    let person = people::person_in_clinic(&mut conn, clinic_id, person_id)
        .await?
        .filter(|p| p.role.is_staff())
        .ok_or(OpError::NotFound)?;
    drop(conn);
    if person.person_id == who.actor.person_id() {
        return Err(OpError::field("person", Problem::NotYourself));
    }
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    store::remove(&mut tx, clinic_id, person_id).await?;
    session::end_all_sessions(&mut tx, clinic_id, person_id, now).await?;
    api_token::revoke_all_tokens(&mut tx, clinic_id, person_id, now).await?;
    let event = who.event(
        AuditAction::ResetSecondFactor,
        AuditResource::Person,
        Some(person_id.to_string()),
        None,
    );
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(person)
}

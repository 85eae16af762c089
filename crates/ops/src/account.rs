//! A person's own account: password and language.

use carryover_domain::{
    audit::{AuditAction, AuditResource},
    password,
    people::Language,
};
use carryover_store::{audit, people, session};

use crate::{FieldError, OpError, Ops, Problem, Who, auth, throttle::Keys};

pub struct PasswordChange {
    pub current: String,
    pub password: String,
    pub password_confirm: String,
}

/// Changes the caller's password after checking the current one. Every
/// session of theirs ends; the returned cookie starts a new one here.
pub async fn change_password(
    ops: &Ops,
    who: &Who,
    change: PasswordChange,
) -> Result<String, OpError> {
    let mut conn = ops.db.read_conn().await?;
    let account =
        people::account_in_clinic(&mut conn, who.actor.clinic_id(), who.actor.person_id()).await?;
    drop(conn);
    let account = account.ok_or(OpError::NotFound)?;
    // Guessing the current password is throttled like signing in.
    let subject = format!("password:{}", who.actor.person_id());
    let keys = Keys::new(&subject, who.meta.client_addr.as_deref());
    let now = ops.now();
    if let Some(wait) = keys.blocked(&mut *ops.db.read_conn().await?, now).await? {
        return Err(OpError::Throttled { retry_after_secs: wait });
    }
    let current_ok =
        ops.passwords.verify_blocking(change.current, account.password_hash.clone()).await;
    if !current_ok {
        let mut tx = ops.db.begin_write().await?;
        let wait = keys.failed(&mut tx, now).await?;
        tx.commit().await?;
        return Err(match wait {
            Some(retry_after_secs) => OpError::Throttled { retry_after_secs },
            None => OpError::field("current", Problem::PasswordWrong),
        });
    }
    let person = &account.person;
    password::check(&change.password, &[&person.display_name, &person.email])
        .map_err(|p| OpError::field("password", p.into()))?;
    if change.password != change.password_confirm {
        return Err(OpError::Invalid(vec![FieldError::new(
            "password_confirm",
            Problem::PasswordMismatch,
        )]));
    }
    let hash = ops.passwords.hash_blocking(change.password).await.map_err(OpError::Storage)?;
    let actor = &who.actor;
    let mut tx = ops.db.begin_write().await?;
    keys.succeeded(&mut tx).await?;
    people::set_password(&mut tx, actor.clinic_id(), actor.person_id(), &hash).await?;
    session::end_all_sessions(&mut tx, actor.clinic_id(), actor.person_id(), now).await?;
    let cookie = auth::start_session(ops, &mut tx, actor).await?;
    let event = who.event(
        AuditAction::Update,
        AuditResource::Person,
        Some(actor.person_id().to_string()),
        None,
    );
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(cookie)
}

/// Remembers the caller's language.
pub async fn set_language(ops: &Ops, who: &Who, lang: Language) -> Result<(), OpError> {
    let mut tx = ops.db.begin_write().await?;
    people::set_language(&mut tx, &who.actor, lang.as_str()).await?;
    tx.commit().await?;
    Ok(())
}

//! Single-use links: issued to join (a new caregiver or staff member) or to
//! reset a password, opened by the invitee, and accepted with a password.

use carryover_domain::{
    audit::{AuditAction, AuditResource},
    email::Email,
    password,
    people::Language,
};
use carryover_store::{
    AnyConnection, WriteTx, audit,
    invitation::{self, NewInvitation},
    people::{self, Person},
    session,
};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

pub use carryover_store::invitation::Purpose;

use crate::{
    FieldError, OpError, Ops, Problem, RequestMeta,
    auth::{self, SignedIn},
    secrets::ClinicToken,
};

/// An invitation link works for a week; then the clinic makes a new one.
pub const VALID_FOR: Duration = Duration::days(7);

/// A link just issued. `token` exists only here and in the link: the
/// database keeps its hash. Never log it.
#[derive(Debug)]
pub struct IssuedLink {
    pub token: String,
    pub expires_at: OffsetDateTime,
}

/// Issues a link for `person` inside the caller's transaction.
pub(crate) async fn issue(
    ops: &Ops,
    tx: &mut WriteTx,
    person: &Person,
    purpose: Purpose,
    created_by: Option<Uuid>,
) -> Result<IssuedLink, OpError> {
    let now = ops.now();
    let token = ClinicToken::new(person.clinic_id, ops.secrets.as_ref());
    let new = NewInvitation {
        clinic_id: person.clinic_id,
        person_id: person.person_id,
        token_hash: token.hash(),
        purpose,
        created_by,
        expires_at: now + VALID_FOR,
    };
    let id = invitation::insert_invitation(tx, &new, now).await?;
    // A new link ends the older ones of the same person and purpose.
    invitation::end_other_invitations(tx, person.clinic_id, person.person_id, purpose, id, now)
        .await?;
    Ok(IssuedLink { token: token.reveal(), expires_at: new.expires_at })
}

/// What the invitee sees before choosing a password.
#[derive(Clone, Debug, serde::Serialize)]
pub struct InvitationView {
    pub name: String,
    pub email: String,
    pub purpose: Purpose,
    /// The address already signs someone in with Carryover (at this clinic
    /// or another): the invitee picks another one for this clinic. Told to
    /// the invitee only, never to the staff who made the link.
    pub needs_new_email: bool,
}

async fn find(
    ops: &Ops,
    conn: &mut AnyConnection,
    text: &str,
) -> Result<Option<invitation::OpenInvitation>, OpError> {
    let Some(token) = ClinicToken::parse(text) else { return Ok(None) };
    Ok(invitation::open_invitation(conn, token.clinic_id, &token.hash(), ops.now()).await?)
}

/// The invitation behind a link, or `None` for a link that is unknown,
/// used, expired, or for a deactivated person (they all look alike).
pub async fn open(ops: &Ops, text: &str) -> Result<Option<InvitationView>, OpError> {
    let mut conn = ops.db.read_conn().await?;
    let Some(found) = find(ops, &mut conn, text).await? else { return Ok(None) };
    let person = found.account.person;
    let owner = people::sign_in_owner(&mut conn, &person.email).await?;
    Ok(Some(InvitationView {
        needs_new_email: owner.is_some_and(|id| id != person.person_id),
        name: person.display_name,
        email: person.email,
        purpose: found.purpose,
    }))
}

/// What the invitee sends back.
#[derive(Clone, Debug)]
pub struct Acceptance {
    pub password: String,
    pub password_confirm: String,
    pub lang: Language,
    /// Required when the invitation said `needs_new_email`.
    pub new_email: Option<String>,
}

/// Sets the invitee's password (and language, and a new address where the
/// old one is taken), uses the link up, ends every older session and starts
/// a new one. `NotFound` for a link that no longer works.
pub async fn accept(
    ops: &Ops,
    meta: &RequestMeta,
    text: &str,
    input: Acceptance,
) -> Result<SignedIn, OpError> {
    let view = open(ops, text).await?.ok_or(OpError::NotFound)?;
    let email = if view.needs_new_email {
        let typed = input.new_email.as_deref().unwrap_or_default();
        let email =
            Email::parse(typed).ok_or(OpError::field("new_email", Problem::InvalidEmail))?;
        Some(email.as_str().to_owned())
    } else {
        None
    };
    let personal = [view.name.as_str(), email.as_deref().unwrap_or(&view.email)];
    password::check(&input.password, &personal)
        .map_err(|p| OpError::field("password", p.into()))?;
    if input.password != input.password_confirm {
        return Err(OpError::Invalid(vec![FieldError::new(
            "password_confirm",
            Problem::PasswordMismatch,
        )]));
    }
    // Hash before taking the write lock: Argon2 is slow on purpose.
    let hash = ops.passwords.hash_blocking(input.password).await.map_err(OpError::Storage)?;
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    // Found again inside the transaction: two tabs may race for one link.
    let found = find(ops, &mut tx, text).await?.ok_or(OpError::NotFound)?;
    let (clinic_id, person_id) = (found.account.person.clinic_id, found.account.person.person_id);
    if !invitation::use_invitation(&mut tx, clinic_id, found.invitation_id, now).await? {
        return Err(OpError::NotFound);
    }
    let (purpose, used) = (found.purpose, found.invitation_id);
    invitation::end_other_invitations(&mut tx, clinic_id, person_id, purpose, used, now).await?;
    let mut person = found.account.person.clone();
    match email {
        Some(email) => {
            if people::sign_in_owner(&mut tx, &email).await?.is_some() {
                return Err(OpError::field("new_email", Problem::EmailTaken));
            }
            if people::person_by_email_in_clinic(&mut tx, clinic_id, &email).await?.is_some() {
                return Err(OpError::field("new_email", Problem::EmailTaken));
            }
            people::change_email(&mut tx, clinic_id, person_id, &email).await?;
            person.email = email;
        }
        None => {
            if !people::claim_sign_in_email(&mut tx, &person).await? {
                // Claimed by someone else since the page was shown.
                return Err(OpError::field("new_email", Problem::EmailTaken));
            }
        }
    }
    people::set_password(&mut tx, clinic_id, person_id, &hash).await?;
    people::set_language_of(&mut tx, clinic_id, person_id, input.lang.as_str()).await?;
    person.lang = input.lang.as_str().to_owned();
    person.has_password = true;
    // A new password ends every session the old one opened.
    session::end_all_sessions(&mut tx, clinic_id, person_id, now).await?;
    let actor = found.account.actor().ok_or(OpError::NotFound)?;
    // A reset link is no way around a second factor: its session waits for a code.
    let (cookie, awaiting_code) = auth::start_session_for(ops, &mut tx, &actor).await?;
    let event = meta.event(
        Some(&actor),
        AuditAction::SignIn,
        AuditResource::Invitation,
        Some(found.invitation_id.to_string()),
        None,
    );
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(SignedIn { cookie, person, actor, awaiting_code })
}

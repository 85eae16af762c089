//! People, households and care teams. Every query filters by `clinic_id`.

use carryover_domain::people::{Access, Relationship, Role};
use sqlx::{AnyConnection, FromRow};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    StoreError, WriteTx,
    codec::{At, Code, Flag, Id},
    grant::Actor,
    paging::{Page, Paging},
};

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Person {
    pub person_id: Uuid,
    pub clinic_id: Uuid,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub lang: String,
    pub is_active: bool,
    pub has_password: bool,
}

/// A person with what signing in needs: their password hash, and the
/// [`Actor`] they act as once signed in.
#[derive(Clone, Debug)]
pub struct Account {
    pub person: Person,
    pub password_hash: Option<String>,
    actor: Actor,
}

impl Account {
    /// The actor this person is, for an active person only.
    pub fn actor(&self) -> Option<Actor> {
        self.person.is_active.then_some(self.actor)
    }
}

#[derive(Clone, Debug)]
pub struct NewPerson {
    pub clinic_id: Uuid,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub lang: String,
}

pub(crate) const PERSON_COLUMNS: &str = "p.person_id, p.clinic_id, p.email, p.display_name, p.role, p.lang, p.is_active, p.password_hash";

#[derive(FromRow)]
pub(crate) struct PersonRow {
    person_id: Id,
    clinic_id: Id,
    email: String,
    display_name: String,
    role: Code<Role>,
    lang: String,
    is_active: Flag,
    password_hash: Option<String>,
}

impl PersonRow {
    pub(crate) fn into_account(self) -> Account {
        let person = Person {
            person_id: self.person_id.0,
            clinic_id: self.clinic_id.0,
            email: self.email,
            display_name: self.display_name,
            role: self.role.0,
            lang: self.lang,
            is_active: self.is_active.0,
            has_password: self.password_hash.is_some(),
        };
        let actor = Actor::new(person.clinic_id, person.person_id, person.role);
        Account { person, password_hash: self.password_hash, actor }
    }
}

pub async fn insert_person(
    tx: &mut WriteTx,
    new: &NewPerson,
    now: OffsetDateTime,
) -> Result<Person, StoreError> {
    let person_id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO person (clinic_id, person_id, email, display_name, role, lang, is_active, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 1, $7)",
    )
    .bind(Id(new.clinic_id))
    .bind(Id(person_id))
    .bind(new.email.as_str())
    .bind(new.display_name.as_str())
    .bind(Code(new.role))
    .bind(new.lang.as_str())
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(Person {
        person_id,
        clinic_id: new.clinic_id,
        email: new.email.clone(),
        display_name: new.display_name.clone(),
        role: new.role,
        lang: new.lang.clone(),
        is_active: true,
        has_password: false,
    })
}

/// Makes `person` the one who signs in with their address. False when the
/// address already signs someone else in (in this clinic or another).
pub async fn claim_sign_in_email(tx: &mut WriteTx, person: &Person) -> Result<bool, StoreError> {
    // ON CONFLICT instead of catching the error: on PostgreSQL a failed
    // statement would abort the whole transaction.
    sqlx::query(
        "INSERT INTO sign_in_email (email, clinic_id, person_id) VALUES ($1, $2, $3) \
         ON CONFLICT (email) DO NOTHING",
    )
    .bind(person.email.as_str())
    .bind(Id(person.clinic_id))
    .bind(Id(person.person_id))
    .execute(&mut **tx)
    .await?;
    Ok(sign_in_owner(tx, &person.email).await? == Some(person.person_id))
}

/// Who signs in with this address, if anyone.
pub async fn sign_in_owner(
    conn: &mut AnyConnection,
    email: &str,
) -> Result<Option<Uuid>, StoreError> {
    let owner: Option<Id> =
        sqlx::query_scalar("SELECT person_id FROM sign_in_email WHERE email = $1")
            .bind(email)
            .fetch_optional(conn)
            .await?;
    Ok(owner.map(|id| id.0))
}

/// The account that signs in with this address, in whichever clinic.
pub async fn account_for_sign_in(
    conn: &mut AnyConnection,
    email: &str,
) -> Result<Option<Account>, StoreError> {
    let sql = format!(
        "SELECT {PERSON_COLUMNS} FROM sign_in_email s \
         JOIN person p ON p.clinic_id = s.clinic_id AND p.person_id = s.person_id WHERE s.email = $1"
    );
    Ok(sqlx::query_as::<_, PersonRow>(sqlx::AssertSqlSafe(sql))
        .bind(email)
        .fetch_optional(conn)
        .await?
        .map(PersonRow::into_account))
}

/// Changes the address a person of this clinic signs in with: the new one
/// must be free everywhere; the old one is released.
pub async fn change_email(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    person_id: Uuid,
    email: &str,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sign_in_email WHERE clinic_id = $1 AND person_id = $2")
        .bind(Id(clinic_id))
        .bind(Id(person_id))
        .execute(&mut **tx)
        .await?;
    sqlx::query("UPDATE person SET email = $3 WHERE clinic_id = $1 AND person_id = $2")
        .bind(Id(clinic_id))
        .bind(Id(person_id))
        .bind(email)
        .execute(&mut **tx)
        .await?;
    sqlx::query("INSERT INTO sign_in_email (email, clinic_id, person_id) VALUES ($1, $2, $3)")
        .bind(email)
        .bind(Id(clinic_id))
        .bind(Id(person_id))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn account_in_clinic(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
    person_id: Uuid,
) -> Result<Option<Account>, StoreError> {
    let sql = format!(
        "SELECT {PERSON_COLUMNS} FROM person p WHERE p.clinic_id = $1 AND p.person_id = $2"
    );
    Ok(sqlx::query_as::<_, PersonRow>(sqlx::AssertSqlSafe(sql))
        .bind(Id(clinic_id))
        .bind(Id(person_id))
        .fetch_optional(conn)
        .await?
        .map(PersonRow::into_account))
}

pub async fn person_in_clinic(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
    person_id: Uuid,
) -> Result<Option<Person>, StoreError> {
    Ok(account_in_clinic(conn, clinic_id, person_id).await?.map(|a| a.person))
}

/// The person of this clinic with this address, if any.
pub async fn person_by_email_in_clinic(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
    email: &str,
) -> Result<Option<Person>, StoreError> {
    let sql =
        format!("SELECT {PERSON_COLUMNS} FROM person p WHERE p.clinic_id = $1 AND p.email = $2");
    Ok(sqlx::query_as::<_, PersonRow>(sqlx::AssertSqlSafe(sql))
        .bind(Id(clinic_id))
        .bind(email)
        .fetch_optional(conn)
        .await?
        .map(|r| r.into_account().person))
}

pub async fn people_of_clinic(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
) -> Result<Vec<Person>, StoreError> {
    Ok(people_page(conn, clinic_id, Paging::all()).await?.items)
}

/// The people of a clinic in id order, a page at a time.
pub async fn people_page(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
    paging: Paging,
) -> Result<Page<Person>, StoreError> {
    let sql = format!(
        "SELECT {PERSON_COLUMNS} FROM person p WHERE p.clinic_id = $1 AND p.person_id > $2 \
         ORDER BY p.person_id {}",
        paging.limit_sql()
    );
    let rows: Vec<Person> = sqlx::query_as::<_, PersonRow>(sqlx::AssertSqlSafe(sql))
        .bind(Id(clinic_id))
        .bind(Id(paging.after.unwrap_or(Uuid::nil())))
        .fetch_all(conn)
        .await?
        .into_iter()
        .map(|row| row.into_account().person)
        .collect();
    Ok(Page::from_rows(rows, paging, |p| p.person_id))
}

pub async fn set_password(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    person_id: Uuid,
    password_hash: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE person SET password_hash = $3 WHERE clinic_id = $1 AND person_id = $2")
        .bind(Id(clinic_id))
        .bind(Id(person_id))
        .bind(password_hash)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn set_language(tx: &mut WriteTx, actor: &Actor, lang: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE person SET lang = $3 WHERE clinic_id = $1 AND person_id = $2")
        .bind(Id(actor.clinic_id()))
        .bind(Id(actor.person_id()))
        .bind(lang)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Sets the language of a person who has just proven who they are (an invitation).
pub async fn set_language_of(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    person_id: Uuid,
    lang: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE person SET lang = $3 WHERE clinic_id = $1 AND person_id = $2")
        .bind(Id(clinic_id))
        .bind(Id(person_id))
        .bind(lang)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Marks a person inactive; true when they were active in this clinic.
pub async fn deactivate(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    person_id: Uuid,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE person SET is_active = 0 WHERE clinic_id = $1 AND person_id = $2 AND is_active = 1",
    )
    .bind(Id(clinic_id))
    .bind(Id(person_id))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn insert_household(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    name: &str,
    now: OffsetDateTime,
) -> Result<Uuid, StoreError> {
    let household_id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO household (clinic_id, household_id, name, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(Id(clinic_id))
    .bind(Id(household_id))
    .bind(name)
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(household_id)
}

pub struct NewMember {
    pub clinic_id: Uuid,
    pub household_id: Uuid,
    pub person_id: Uuid,
    pub relationship: Relationship,
    pub access: Access,
}

pub async fn insert_member(
    tx: &mut WriteTx,
    new: &NewMember,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO household_member (clinic_id, household_id, person_id, relationship, access, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(Id(new.clinic_id))
    .bind(Id(new.household_id))
    .bind(Id(new.person_id))
    .bind(Code(new.relationship))
    .bind(Code(new.access))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

#[derive(Clone, Debug)]
pub struct NewChild {
    pub clinic_id: Uuid,
    pub household_id: Uuid,
    pub preferred_name: String,
    pub date_of_birth: Option<String>,
    pub home_languages: String,
    pub notes: String,
}

pub async fn insert_child(
    tx: &mut WriteTx,
    new: &NewChild,
    now: OffsetDateTime,
) -> Result<Uuid, StoreError> {
    let child_id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO child (clinic_id, child_id, household_id, preferred_name, date_of_birth, \
         home_languages, notes, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(Id(new.clinic_id))
    .bind(Id(child_id))
    .bind(Id(new.household_id))
    .bind(new.preferred_name.as_str())
    .bind(new.date_of_birth.clone())
    .bind(new.home_languages.as_str())
    .bind(new.notes.as_str())
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(child_id)
}

pub async fn insert_care_team_member(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    child_id: Uuid,
    therapist_id: Uuid,
    is_primary: bool,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO care_team_member (clinic_id, child_id, person_id, is_primary, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(Id(clinic_id))
    .bind(Id(child_id))
    .bind(Id(therapist_id))
    .bind(Flag(is_primary))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

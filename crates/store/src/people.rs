//! People, households, children and care teams. Every query filters by
//! `clinic_id`; reads of children take the caller's [`Scope`], so that a query
//! can only return what that caller may see.

use carryover_domain::{
    access::ChildTie,
    people::{Access, Relationship, Role},
};
use sqlx::{AnyConnection, FromRow};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{StoreError, clinic::parse_id, time_text};

/// Who is asking: every scoped query takes one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scope {
    pub clinic_id: Uuid,
    pub person_id: Uuid,
    pub role: Role,
}

#[derive(Clone, Debug, PartialEq, Eq)]
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

impl Person {
    pub fn scope(&self) -> Scope {
        Scope { clinic_id: self.clinic_id, person_id: self.person_id, role: self.role }
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
    person_id: String,
    clinic_id: String,
    email: String,
    display_name: String,
    role: String,
    lang: String,
    is_active: i64,
    password_hash: Option<String>,
}

impl PersonRow {
    pub(crate) fn into_person(self) -> Result<(Person, Option<String>), StoreError> {
        let role = Role::parse(&self.role).ok_or_else(|| StoreError::Corrupt(self.role.clone()))?;
        let person = Person {
            person_id: parse_id(&self.person_id)?,
            clinic_id: parse_id(&self.clinic_id)?,
            email: self.email,
            display_name: self.display_name,
            role,
            lang: self.lang,
            is_active: self.is_active == 1,
            has_password: self.password_hash.is_some(),
        };
        Ok((person, self.password_hash))
    }
}

pub async fn insert_person(
    conn: &mut AnyConnection,
    new: &NewPerson,
    now: OffsetDateTime,
) -> Result<Person, StoreError> {
    let person_id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO person (person_id, clinic_id, email, display_name, role, lang, is_active, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 1, $7)",
    )
    .bind(person_id.to_string())
    .bind(new.clinic_id.to_string())
    .bind(new.email.as_str())
    .bind(new.display_name.as_str())
    .bind(new.role.as_str())
    .bind(new.lang.as_str())
    .bind(time_text::to_text(now))
    .execute(conn)
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

/// The person with this email, with their password hash, in any clinic:
/// sign-in does not know the clinic yet.
pub async fn person_by_email(
    conn: &mut AnyConnection,
    email: &str,
) -> Result<Option<(Person, Option<String>)>, StoreError> {
    let sql = format!("SELECT {PERSON_COLUMNS} FROM person p WHERE p.email = $1");
    sqlx::query_as::<_, PersonRow>(sqlx::AssertSqlSafe(sql))
        .bind(email)
        .fetch_optional(conn)
        .await?
        .map(PersonRow::into_person)
        .transpose()
}

pub async fn person_in_clinic(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
    person_id: Uuid,
) -> Result<Option<(Person, Option<String>)>, StoreError> {
    let sql = format!(
        "SELECT {PERSON_COLUMNS} FROM person p WHERE p.clinic_id = $1 AND p.person_id = $2"
    );
    sqlx::query_as::<_, PersonRow>(sqlx::AssertSqlSafe(sql))
        .bind(clinic_id.to_string())
        .bind(person_id.to_string())
        .fetch_optional(conn)
        .await?
        .map(PersonRow::into_person)
        .transpose()
}

pub async fn people_of_clinic(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
) -> Result<Vec<Person>, StoreError> {
    let sql = format!(
        "SELECT {PERSON_COLUMNS} FROM person p WHERE p.clinic_id = $1 ORDER BY p.role, p.display_name"
    );
    sqlx::query_as::<_, PersonRow>(sqlx::AssertSqlSafe(sql))
        .bind(clinic_id.to_string())
        .fetch_all(conn)
        .await?
        .into_iter()
        .map(|row| row.into_person().map(|(p, _)| p))
        .collect()
}

pub async fn set_password(
    conn: &mut AnyConnection,
    person_id: Uuid,
    password_hash: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE person SET password_hash = $1 WHERE person_id = $2")
        .bind(password_hash)
        .bind(person_id.to_string())
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_language(
    conn: &mut AnyConnection,
    person_id: Uuid,
    lang: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE person SET lang = $1 WHERE person_id = $2")
        .bind(lang)
        .bind(person_id.to_string())
        .execute(conn)
        .await?;
    Ok(())
}

/// Marks a person inactive; true when they were active in this clinic.
pub async fn deactivate(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
    person_id: Uuid,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE person SET is_active = 0 WHERE clinic_id = $1 AND person_id = $2 AND is_active = 1",
    )
    .bind(clinic_id.to_string())
    .bind(person_id.to_string())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn insert_household(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
    name: &str,
    now: OffsetDateTime,
) -> Result<Uuid, StoreError> {
    let household_id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO household (household_id, clinic_id, name, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(household_id.to_string())
    .bind(clinic_id.to_string())
    .bind(name)
    .bind(time_text::to_text(now))
    .execute(conn)
    .await?;
    Ok(household_id)
}

pub async fn insert_member(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
    household_id: Uuid,
    person_id: Uuid,
    relationship: Relationship,
    access: Access,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO household_member (household_id, person_id, clinic_id, relationship, access, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(household_id.to_string())
    .bind(person_id.to_string())
    .bind(clinic_id.to_string())
    .bind(relationship.as_str())
    .bind(access.as_str())
    .bind(time_text::to_text(now))
    .execute(conn)
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
    conn: &mut AnyConnection,
    new: &NewChild,
    now: OffsetDateTime,
) -> Result<Uuid, StoreError> {
    let child_id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO child (child_id, clinic_id, household_id, preferred_name, date_of_birth, \
         home_languages, notes, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(child_id.to_string())
    .bind(new.clinic_id.to_string())
    .bind(new.household_id.to_string())
    .bind(new.preferred_name.as_str())
    .bind(new.date_of_birth.clone())
    .bind(new.home_languages.as_str())
    .bind(new.notes.as_str())
    .bind(time_text::to_text(now))
    .execute(conn)
    .await?;
    Ok(child_id)
}

pub async fn insert_care_team_member(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
    child_id: Uuid,
    therapist_id: Uuid,
    is_primary: bool,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO care_team_member (child_id, person_id, clinic_id, is_primary, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(child_id.to_string())
    .bind(therapist_id.to_string())
    .bind(clinic_id.to_string())
    .bind(i64::from(is_primary))
    .bind(time_text::to_text(now))
    .execute(conn)
    .await?;
    Ok(())
}

/// The caller's tie to a child of their own clinic; `None` for no tie at all,
/// including a child of another clinic or one that does not exist.
pub async fn child_tie(
    conn: &mut AnyConnection,
    scope: &Scope,
    child_id: Uuid,
) -> Result<Option<ChildTie>, StoreError> {
    let row: Option<(i64, Option<String>)> = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM care_team_member t WHERE t.child_id = c.child_id AND t.person_id = $3), \
                (SELECT m.access FROM household_member m WHERE m.household_id = c.household_id AND m.person_id = $4) \
         FROM child c WHERE c.clinic_id = $1 AND c.child_id = $2",
    )
    .bind(scope.clinic_id.to_string())
    .bind(child_id.to_string())
    .bind(scope.person_id.to_string())
    .bind(scope.person_id.to_string())
    .fetch_optional(conn)
    .await?;
    let Some((on_team, access)) = row else {
        return Ok(None);
    };
    Ok(match scope.role {
        Role::Admin => Some(ChildTie::ClinicAdmin),
        Role::Therapist => (on_team > 0).then_some(ChildTie::CareTeam),
        Role::Caregiver => match access.as_deref().and_then(Access::parse) {
            Some(Access::Guardian) => Some(ChildTie::Guardian),
            Some(Access::Helper) => Some(ChildTie::Helper),
            None => None,
        },
    })
}

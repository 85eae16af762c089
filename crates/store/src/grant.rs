//! Rights as values. An [`Actor`] is a signed-in person as storage found them
//! (from a live session or token); a [`ChildGrant`] is that actor's right to
//! one child, made only here after checking the tie in the database. Every
//! function that touches a child's information takes a grant and filters by
//! its clinic *and* child, so an id of another child — in a path, a form or
//! a JSON body — finds nothing.
//!
//! What helpers must not see (notes, ratings, session records, other
//! caregivers' messages) takes a [`FullGrant`], which a helper never gets.
//!
//! A grant knows whether the child is still seen at the clinic. Every write
//! of a child's information takes a [`WritableGrant`], which only an active
//! child's grant gives: a discharged child's record is read-only for
//! everyone, whoever forgets to check. After discharge, helpers lose their
//! grant at once, guardians keep reading for the clinic's read period and
//! then lose it too; the care team and the admins keep reading until the
//! record is purged. Re-admission takes a [`DischargedGrant`].
//!
//! Code outside this crate cannot make either:
//!
//! ```compile_fail,E0451
//! use carryover_store::grant::ChildGrant;
//! fn forge(actor: carryover_store::grant::Actor, child_id: uuid::Uuid) -> ChildGrant {
//!     ChildGrant { actor, child_id, household_id: child_id, tie: carryover_domain::access::ChildTie::Guardian }
//! }
//! ```
//!
//! ```compile_fail,E0423
//! use carryover_store::grant::{ChildGrant, FullGrant};
//! fn widen(grant: ChildGrant) -> FullGrant {
//!     FullGrant(grant)
//! }
//! ```
//!
//! ```compile_fail,E0423
//! use carryover_store::grant::{ChildGrant, WritableGrant};
//! fn reopen(grant: ChildGrant) -> WritableGrant {
//!     WritableGrant(grant)
//! }
//! ```
//!
//! ```compile_fail,E0451
//! fn forge() -> carryover_store::grant::Actor {
//!     carryover_store::grant::Actor {
//!         clinic_id: uuid::Uuid::nil(),
//!         person_id: uuid::Uuid::nil(),
//!         role: carryover_domain::people::Role::Admin,
//!     }
//! }
//! ```

use carryover_domain::{
    access::ChildTie,
    people::{Access, Role},
    record::{self, ChildStatus},
    zone::ClinicZone,
};
use sqlx::{AnyConnection, FromRow};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    StoreError,
    codec::{Code, Flag, Id},
};

/// A signed-in, active person, as storage found them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Actor {
    clinic_id: Uuid,
    person_id: Uuid,
    role: Role,
}

impl Actor {
    pub(crate) fn new(clinic_id: Uuid, person_id: Uuid, role: Role) -> Actor {
        Actor { clinic_id, person_id, role }
    }

    pub fn clinic_id(&self) -> Uuid {
        self.clinic_id
    }

    pub fn person_id(&self) -> Uuid {
        self.person_id
    }

    pub fn role(&self) -> Role {
        self.role
    }

    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }

    pub fn is_staff(&self) -> bool {
        self.role.is_staff()
    }
}

/// An actor's right to one child of their clinic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChildGrant {
    actor: Actor,
    child_id: Uuid,
    household_id: Uuid,
    tie: ChildTie,
    status: ChildStatus,
}

impl ChildGrant {
    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    pub fn clinic_id(&self) -> Uuid {
        self.actor.clinic_id
    }

    pub fn child_id(&self) -> Uuid {
        self.child_id
    }

    pub fn household_id(&self) -> Uuid {
        self.household_id
    }

    pub fn tie(&self) -> ChildTie {
        self.tie
    }

    /// The fuller grant, for everyone but helpers.
    pub fn full(&self) -> Option<FullGrant> {
        (self.tie != ChildTie::Helper).then_some(FullGrant(*self))
    }

    /// Whether the child is seen at the clinic, or since when they are not.
    pub fn status(&self) -> ChildStatus {
        self.status
    }

    /// The right to change the child's information: only while the child is
    /// seen at the clinic, for every tie alike.
    pub fn writable(&self) -> Option<WritableGrant> {
        self.status.is_active().then_some(WritableGrant(*self))
    }

    /// The right to re-admit: only to a discharged child's record.
    pub fn discharged(&self) -> Option<DischargedGrant> {
        (!self.status.is_active()).then_some(DischargedGrant(*self))
    }
}

/// A right to change an active child's information.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WritableGrant(ChildGrant);

impl WritableGrant {
    pub fn child(&self) -> &ChildGrant {
        &self.0
    }

    pub fn actor(&self) -> &Actor {
        &self.0.actor
    }

    pub fn clinic_id(&self) -> Uuid {
        self.0.clinic_id()
    }

    pub fn child_id(&self) -> Uuid {
        self.0.child_id
    }

    pub fn household_id(&self) -> Uuid {
        self.0.household_id
    }

    pub fn tie(&self) -> ChildTie {
        self.0.tie
    }
}

/// A right to a discharged child's record, to re-admit the child.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DischargedGrant(ChildGrant);

impl DischargedGrant {
    pub fn child(&self) -> &ChildGrant {
        &self.0
    }

    pub fn clinic_id(&self) -> Uuid {
        self.0.clinic_id()
    }

    pub fn child_id(&self) -> Uuid {
        self.0.child_id
    }

    pub fn tie(&self) -> ChildTie {
        self.0.tie
    }
}

/// A right to all of a child's information: guardians, the care team and
/// the clinic's admins — never helpers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FullGrant(ChildGrant);

impl FullGrant {
    pub fn child(&self) -> &ChildGrant {
        &self.0
    }

    pub fn clinic_id(&self) -> Uuid {
        self.0.clinic_id()
    }

    pub fn child_id(&self) -> Uuid {
        self.0.child_id
    }
}

#[derive(FromRow)]
struct TieRow {
    household_id: Id,
    role: Code<Role>,
    is_active: Flag,
    on_team: i64,
    access: Option<Code<Access>>,
    discharged_on: Option<String>,
    time_zone: String,
    guardian_read_days: i64,
}

/// The actor's grant to a child of their own clinic, read afresh on every
/// request: the actor's role and activity, their tie to the child and the
/// child's status come from the database, not from the caller. `None` for
/// no tie at all, a child of another clinic, or none at all — and for a
/// helper once the child is discharged, or a guardian once the clinic's
/// read period after discharge has passed (`now` decides).
pub async fn child_grant(
    conn: &mut AnyConnection,
    actor: &Actor,
    child_id: Uuid,
    now: OffsetDateTime,
) -> Result<Option<ChildGrant>, StoreError> {
    let row: Option<TieRow> = sqlx::query_as(
        "SELECT c.household_id, p.role, p.is_active, c.discharged_on, k.time_zone, k.guardian_read_days, \
           (SELECT COUNT(*) FROM care_team_member t \
             WHERE t.clinic_id = c.clinic_id AND t.child_id = c.child_id AND t.person_id = p.person_id) AS on_team, \
           (SELECT m.access FROM household_member m \
             WHERE m.clinic_id = c.clinic_id AND m.household_id = c.household_id AND m.person_id = p.person_id) AS access \
         FROM child c JOIN person p ON p.clinic_id = c.clinic_id AND p.person_id = $3 \
         JOIN clinic k ON k.clinic_id = c.clinic_id \
         WHERE c.clinic_id = $1 AND c.child_id = $2",
    )
    .bind(Id(actor.clinic_id))
    .bind(Id(child_id))
    .bind(Id(actor.person_id))
    .fetch_optional(conn)
    .await?;
    let Some(row) = row.filter(|r| r.is_active.0) else { return Ok(None) };
    let discharged_on = match row.discharged_on.as_deref() {
        None => None,
        Some(text) => Some(
            record::parse_iso_date(text)
                .ok_or_else(|| StoreError::Corrupt(format!("not a discharge date: {text:?}")))?,
        ),
    };
    let status = ChildStatus::from_discharge_date(discharged_on);
    let tie = match row.role.0 {
        Role::Admin => Some(ChildTie::ClinicAdmin),
        Role::Therapist => (row.on_team > 0).then_some(ChildTie::CareTeam),
        Role::Caregiver => row.access.map(|a| match a.0 {
            Access::Guardian => ChildTie::Guardian,
            Access::Helper => ChildTie::Helper,
        }),
    };
    let tie = tie.filter(|tie| survives_discharge(*tie, status, &row, now));
    let actor = Actor { role: row.role.0, ..*actor };
    Ok(tie.map(|tie| ChildGrant { actor, child_id, household_id: row.household_id.0, tie, status }))
}

/// Whether a tie still grants anything once the child is discharged.
fn survives_discharge(
    tie: ChildTie,
    status: ChildStatus,
    row: &TieRow,
    now: OffsetDateTime,
) -> bool {
    let ChildStatus::Discharged { on } = status else { return true };
    match tie {
        ChildTie::ClinicAdmin | ChildTie::CareTeam => true,
        ChildTie::Helper => false,
        ChildTie::Guardian => {
            let zone = ClinicZone::parse(&row.time_zone).unwrap_or_else(ClinicZone::utc);
            let days = u16::try_from(row.guardian_read_days).unwrap_or(0);
            record::guardian_may_read(on, days, zone.local_date(now))
        }
    }
}

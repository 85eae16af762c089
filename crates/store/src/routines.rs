//! A household's routines: the standard ones with the usual times the family
//! gave them, and the household's own. Every query filters by the grant's
//! clinic and household, so another household's routine finds nothing.

use std::collections::BTreeMap;

use carryover_domain::routine::{RoutineRef, StandardRoutine, UsualTime};
use sqlx::{AnyConnection, FromRow};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    StoreError, WriteTx,
    codec::{At, Code, Id},
    grant::{ChildGrant, FullGrant},
};

/// One of the household's own routines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnRoutine {
    pub routine_id: Uuid,
    pub name: String,
    pub usual_time: Option<UsualTime>,
}

/// Everything a household said about its routines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HouseholdRoutines {
    /// The usual times of the standard routines that have one.
    pub standard_times: BTreeMap<StandardRoutine, UsualTime>,
    /// Its own routines, in the order they were added.
    pub own: Vec<OwnRoutine>,
}

impl HouseholdRoutines {
    pub fn usual_time(&self, routine: RoutineRef) -> Option<UsualTime> {
        match routine {
            RoutineRef::Standard(standard) => self.standard_times.get(&standard).copied(),
            RoutineRef::Own(id) => self.own.iter().find(|r| r.routine_id == id)?.usual_time,
        }
    }

    /// Whether a routine exists in this household: every standard one does.
    pub fn has(&self, routine: RoutineRef) -> bool {
        match routine {
            RoutineRef::Standard(_) => true,
            RoutineRef::Own(id) => self.own.iter().any(|r| r.routine_id == id),
        }
    }
}

#[derive(FromRow)]
struct Row {
    household_routine_id: Id,
    standard_routine: Option<Code<StandardRoutine>>,
    name: Option<String>,
    usual_time: Option<String>,
}

fn usual_time(text: Option<String>) -> Result<Option<UsualTime>, StoreError> {
    text.map(|t| UsualTime::parse(&t).ok_or_else(|| StoreError::Corrupt(format!("time {t:?}"))))
        .transpose()
}

/// The routines of the child's household: helpers read them too, since the
/// plan they follow names them.
pub async fn routines(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
) -> Result<HouseholdRoutines, StoreError> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT household_routine_id, standard_routine, name, usual_time FROM household_routine \
         WHERE clinic_id = $1 AND household_id = $2 ORDER BY created_at, household_routine_id",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.household_id()))
    .fetch_all(conn)
    .await?;
    let mut routines = HouseholdRoutines::default();
    for row in rows {
        let time = usual_time(row.usual_time)?;
        match (row.standard_routine, row.name) {
            (Some(standard), None) => {
                if let Some(time) = time {
                    routines.standard_times.insert(standard.0, time);
                }
            }
            (None, Some(name)) => routines.own.push(OwnRoutine {
                routine_id: row.household_routine_id.0,
                name,
                usual_time: time,
            }),
            _ => return Err(StoreError::Corrupt("a routine is both standard and own".into())),
        }
    }
    Ok(routines)
}

/// Adds one of the household's own routines; returns its id.
pub async fn insert_own(
    tx: &mut WriteTx,
    grant: &FullGrant,
    name: &str,
    time: Option<UsualTime>,
    now: OffsetDateTime,
) -> Result<Uuid, StoreError> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO household_routine (clinic_id, household_routine_id, household_id, name, usual_time, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(id))
    .bind(Id(grant.child().household_id()))
    .bind(name)
    .bind(time.map(|t| t.to_string()))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// Sets or clears a routine's usual time. `NotFound` for an own routine of
/// another household.
pub async fn set_usual_time(
    tx: &mut WriteTx,
    grant: &FullGrant,
    routine: RoutineRef,
    time: Option<UsualTime>,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let time = time.map(|t| t.to_string());
    let (clinic, household) = (Id(grant.clinic_id()), Id(grant.child().household_id()));
    match routine {
        RoutineRef::Standard(standard) => {
            sqlx::query(
                "INSERT INTO household_routine (clinic_id, household_routine_id, household_id, standard_routine, usual_time, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (clinic_id, household_id, standard_routine) DO UPDATE SET usual_time = excluded.usual_time",
            )
            .bind(clinic)
            .bind(Id(Uuid::now_v7()))
            .bind(household)
            .bind(Code(standard))
            .bind(time)
            .bind(At(now))
            .execute(&mut **tx)
            .await?;
        }
        RoutineRef::Own(id) => {
            let done = sqlx::query(
                "UPDATE household_routine SET usual_time = $4 \
                 WHERE clinic_id = $1 AND household_id = $2 AND household_routine_id = $3 AND name IS NOT NULL",
            )
            .bind(clinic)
            .bind(household)
            .bind(Id(id))
            .bind(time)
            .execute(&mut **tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound);
            }
        }
    }
    Ok(())
}

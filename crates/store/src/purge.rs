//! Removing discharged children's records once the clinic's retention has
//! passed. No person acts here: the operator runs it from the command line,
//! so these functions take ids, not grants. Audit rows are never removed;
//! they hold ids only, so they keep nothing of the child but the id.

use sqlx::{AnyConnection, FromRow};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::{StoreError, WriteTx, children::stored_date, codec::Id};

/// A discharged child, with what retention is decided by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DischargedChild {
    pub clinic_id: Uuid,
    pub child_id: Uuid,
    pub discharged_on: Date,
    pub retention_years: u8,
    /// The clinic's IANA zone: retention ends on the clinic's calendar.
    pub time_zone: String,
}

#[derive(FromRow)]
struct DischargedRow {
    clinic_id: Id,
    child_id: Id,
    discharged_on: Option<String>,
    retention_years: i64,
    time_zone: String,
}

/// Every discharged child of every clinic, oldest discharge first.
pub async fn discharged_children(
    conn: &mut AnyConnection,
) -> Result<Vec<DischargedChild>, StoreError> {
    let rows: Vec<DischargedRow> = sqlx::query_as(
        "SELECT c.clinic_id, c.child_id, c.discharged_on, k.retention_years, k.time_zone \
         FROM child c JOIN clinic k ON k.clinic_id = c.clinic_id \
         WHERE c.discharged_on IS NOT NULL ORDER BY c.discharged_on, c.clinic_id, c.child_id",
    )
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(DischargedChild {
                clinic_id: r.clinic_id.0,
                child_id: r.child_id.0,
                discharged_on: stored_date(r.discharged_on)?.ok_or(StoreError::NotFound)?,
                retention_years: u8::try_from(r.retention_years).unwrap_or(u8::MAX),
                time_zone: r.time_zone,
            })
        })
        .collect()
}

/// What removing one child took with it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Removed {
    /// The household went too: the child was its last.
    pub household_id: Option<Uuid>,
    /// Caregivers left with no household, deactivated and signed out.
    pub deactivated: Vec<Uuid>,
}

/// Removes a discharged child's record inside the caller's transaction: the
/// care team, the child, and a household left with no child (its
/// memberships too; caregivers left in no household are deactivated).
/// `NotFound` for a child that is not discharged.
pub async fn remove_child(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    child_id: Uuid,
    now: OffsetDateTime,
) -> Result<Removed, StoreError> {
    let household: Option<Id> = sqlx::query_scalar(
        "SELECT household_id FROM child WHERE clinic_id = $1 AND child_id = $2 AND discharged_on IS NOT NULL",
    )
    .bind(Id(clinic_id))
    .bind(Id(child_id))
    .fetch_optional(&mut **tx)
    .await?;
    let household = household.ok_or(StoreError::NotFound)?.0;
    for sql in [
        // Issue 12 part B: the child's reflections and feedback threads.
        "DELETE FROM feedback_read WHERE clinic_id = $1 AND child_id = $2",
        "DELETE FROM feedback_message WHERE clinic_id = $1 AND child_id = $2",
        "DELETE FROM feedback_thread WHERE clinic_id = $1 AND child_id = $2",
        "DELETE FROM reflection WHERE clinic_id = $1 AND child_id = $2",
        // Issue 13: the child's visits and visit records, leaves first.
        "DELETE FROM coaching_addendum WHERE clinic_id = $1 AND child_id = $2",
        "DELETE FROM coaching_kept_text WHERE clinic_id = $1 AND child_id = $2",
        "DELETE FROM coaching_entry WHERE clinic_id = $1 AND child_id = $2",
        "DELETE FROM coaching_session_goal WHERE clinic_id = $1 AND child_id = $2",
        "DELETE FROM coaching_session_attendee WHERE clinic_id = $1 AND child_id = $2",
        "DELETE FROM coaching_session WHERE clinic_id = $1 AND child_id = $2",
        "DELETE FROM scheduled_visit_change WHERE clinic_id = $1 AND child_id = $2",
        "DELETE FROM scheduled_visit WHERE clinic_id = $1 AND child_id = $2",
        // Issues 11 and 12: practice logs, then the plan and the goals.
        "DELETE FROM practice_log WHERE clinic_id = $1 AND child_id = $2",
        "DELETE FROM assignment_routine WHERE clinic_id = $1 AND child_id = $2",
        "DELETE FROM assignment_goal WHERE clinic_id = $1 AND child_id = $2",
        "DELETE FROM assignment WHERE clinic_id = $1 AND child_id = $2",
        "DELETE FROM plan_goal WHERE clinic_id = $1 AND child_id = $2",
        "DELETE FROM plan_version WHERE clinic_id = $1 AND child_id = $2",
        "DELETE FROM gas_rating WHERE clinic_id = $1 AND child_id = $2",
        "DELETE FROM gas_scale WHERE clinic_id = $1 AND child_id = $2",
        "DELETE FROM copm_rating WHERE clinic_id = $1 AND child_id = $2",
        "DELETE FROM copm_occasion WHERE clinic_id = $1 AND child_id = $2",
        "DELETE FROM goal WHERE clinic_id = $1 AND child_id = $2",
        "DELETE FROM care_team_member WHERE clinic_id = $1 AND child_id = $2",
        // Issue 14: the progress report's summary.
        "DELETE FROM report_summary WHERE clinic_id = $1 AND child_id = $2",
        "DELETE FROM child WHERE clinic_id = $1 AND child_id = $2",
    ] {
        sqlx::query(sql).bind(Id(clinic_id)).bind(Id(child_id)).execute(&mut **tx).await?;
    }
    let left: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM child WHERE clinic_id = $1 AND household_id = $2")
            .bind(Id(clinic_id))
            .bind(Id(household))
            .fetch_one(&mut **tx)
            .await?;
    if left > 0 {
        return Ok(Removed::default());
    }
    let members: Vec<Id> = sqlx::query_scalar(
        "SELECT person_id FROM household_member WHERE clinic_id = $1 AND household_id = $2",
    )
    .bind(Id(clinic_id))
    .bind(Id(household))
    .fetch_all(&mut **tx)
    .await?;
    for sql in [
        "DELETE FROM household_routine WHERE clinic_id = $1 AND household_id = $2",
        "DELETE FROM household_member WHERE clinic_id = $1 AND household_id = $2",
        "DELETE FROM household WHERE clinic_id = $1 AND household_id = $2",
    ] {
        sqlx::query(sql).bind(Id(clinic_id)).bind(Id(household)).execute(&mut **tx).await?;
    }
    let mut deactivated = Vec::new();
    for person in members {
        let elsewhere: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM household_member WHERE clinic_id = $1 AND person_id = $2",
        )
        .bind(Id(clinic_id))
        .bind(person)
        .fetch_one(&mut **tx)
        .await?;
        if elsewhere == 0 && crate::people::deactivate(tx, clinic_id, person.0).await? {
            crate::session::end_all_sessions(tx, clinic_id, person.0, now).await?;
            deactivated.push(person.0);
        }
    }
    Ok(Removed { household_id: Some(household), deactivated })
}

//! The next visit of a child: planned by the care team, moved or cancelled
//! with a reason, shown on the homes and in the guardians' calendar feed.

use carryover_domain::{
    audit::{AuditAction, AuditResource},
    routine::UsualTime,
    text::{check_line, parse_date},
    visit::{
        REASON_MAX_CHARS, VisitDateProblem, VisitMinutes, VisitSetting, VisitStatus,
        check_visit_date,
    },
    zone::ClinicZone,
};
use carryover_store::{
    AnyConnection, audit, children,
    visits::{self, ScheduledVisit, VisitFields},
};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::{
    Actor, ChildGrant, OpError, Ops, Problem, Who,
    error::Fields,
    scope::{clinic_day, full, team},
};

/// A visit as a form or JSON body gives it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"date": "2026-04-01", "time": "10:30", "setting": "home", "duration": "60", "reason": ""}))]
pub struct VisitInput {
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub time: String,
    #[serde(default)]
    pub setting: String,
    /// Minutes, 5 to 480.
    #[serde(default)]
    pub duration: String,
    /// Why it moved: needed to reschedule.
    #[serde(default)]
    pub reason: String,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"reason": "Child is ill"}))]
pub struct CancelInput {
    #[serde(default)]
    pub reason: String,
}

impl From<VisitDateProblem> for Problem {
    fn from(problem: VisitDateProblem) -> Problem {
        match problem {
            VisitDateProblem::TooFarAhead => Problem::TooFarAhead,
            VisitDateProblem::TooFarBack => Problem::TooFarBack,
        }
    }
}

/// Reads date, time, setting and duration, in the clinic's zone.
pub(crate) fn when_and_where(
    fields: &mut Fields,
    zone: &ClinicZone,
    today: Date,
    input_date: &str,
    input_time: &str,
    setting: &str,
    duration: &str,
) -> Option<VisitFields> {
    let date = parse_date(input_date).ok_or(Problem::InvalidDate);
    let date =
        fields.check("date", date.and_then(|d| check_visit_date(d, today).map_err(Problem::from)));
    let time = fields.some("time", UsualTime::parse(input_time), Problem::InvalidTime);
    let setting =
        fields.some("setting", VisitSetting::parse(setting.trim()), Problem::InvalidChoice);
    let minutes =
        fields.check("duration", VisitMinutes::parse(duration.trim()).map_err(Problem::from));
    let (date, time, setting, minutes) = (date?, time?, setting?, minutes?);
    let starts_at = fields.some(
        "time",
        zone.instant_at(date, time.hour(), time.minute()),
        Problem::InvalidTime,
    )?;
    Some(VisitFields { starts_at, setting, duration_minutes: i64::from(minutes.get()) })
}

fn reason(fields: &mut Fields, text: &str) -> Option<String> {
    fields.check("reason", check_line(text, REASON_MAX_CHARS).map_err(Problem::from))
}

/// A planned visit as pages and the API show it, in the clinic's time.
#[derive(Clone, Debug, Serialize)]
pub struct UpcomingVisit {
    pub visit_id: Uuid,
    pub child_id: Uuid,
    pub child_name: String,
    #[serde(with = "time::serde::rfc3339")]
    pub starts_at: OffsetDateTime,
    /// The clinic's date and clock time, for forms and lists.
    pub local_date: String,
    pub local_time: String,
    pub setting: VisitSetting,
    pub duration_minutes: i64,
    pub status: VisitStatus,
    /// Why it was last moved or cancelled.
    pub reason: String,
    pub therapist_name: String,
}

fn upcoming(zone: &ClinicZone, v: ScheduledVisit) -> UpcomingVisit {
    let local = zone.local(v.starts_at);
    UpcomingVisit {
        visit_id: v.visit_id,
        child_id: v.child_id,
        child_name: v.child_name,
        starts_at: v.starts_at,
        local_date: carryover_domain::text::date_text(local.date()),
        local_time: format!("{:02}:{:02}", local.hour(), local.minute()),
        setting: v.setting,
        duration_minutes: v.duration_minutes,
        status: v.status,
        reason: v.reason,
        therapist_name: v.therapist_name,
    }
}

/// A child's visits page: what is planned and the records so far.
#[derive(Clone, Debug, Serialize)]
pub struct VisitsView {
    pub child_name: String,
    pub planned: Vec<UpcomingVisit>,
    pub records: Vec<super::note::RecordLine>,
    /// The record being written, if any.
    pub open_record: Option<Uuid>,
    /// The care team: plan visits and write records.
    pub can_write: bool,
}

/// The child's visits page (guardians: planned visits and shared summaries).
pub async fn visits(ops: &Ops, who: &Who, grant: &ChildGrant) -> Result<VisitsView, OpError> {
    let full = full(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let day = clinic_day(&mut tx, grant.clinic_id(), ops.now()).await?;
    let from = day.zone.start_of_local_day(day.today);
    let planned = visits::upcoming(&mut tx, &full, from).await?;
    let records = super::note::record_lines(&mut tx, grant, &full, &day.zone).await?;
    let event = who.event(AuditAction::View, AuditResource::Visit, None, Some(grant.child_id()));
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    let can_write = team(grant).is_ok();
    let open_record = if can_write {
        records.iter().find(|r| r.ended_at.is_none()).map(|r| r.session_id)
    } else {
        None
    };
    Ok(VisitsView {
        child_name: basics.preferred_name,
        planned: planned.into_iter().map(|v| upcoming(&day.zone, v)).collect(),
        records,
        open_record,
        can_write,
    })
}

/// Plans the child's next visit.
pub async fn schedule(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    input: &VisitInput,
) -> Result<Uuid, OpError> {
    let team = team(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let day = clinic_day(&mut tx, grant.clinic_id(), ops.now()).await?;
    let mut fields = Fields::default();
    let visit = when_and_where(
        &mut fields,
        &day.zone,
        day.today,
        &input.date,
        &input.time,
        &input.setting,
        &input.duration,
    );
    let visit = fields.finish(visit)?;
    let id = visits::insert_visit(&mut tx, &team, visit, ops.now()).await?;
    let event = who.event(
        AuditAction::Create,
        AuditResource::Visit,
        Some(id.to_string()),
        Some(grant.child_id()),
    );
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(id)
}

fn no_longer_planned() -> OpError {
    OpError::Conflict { constraint: "scheduled_visit_not_planned", field: None }
}

/// Moves a planned visit; the reason is kept.
pub async fn reschedule(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    visit_id: Uuid,
    input: &VisitInput,
) -> Result<(), OpError> {
    let team = team(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let found = visits::visit(&mut tx, &team, visit_id).await?.ok_or(OpError::NotFound)?;
    let day = clinic_day(&mut tx, grant.clinic_id(), ops.now()).await?;
    let mut fields = Fields::default();
    let visit = when_and_where(
        &mut fields,
        &day.zone,
        day.today,
        &input.date,
        &input.time,
        &input.setting,
        &input.duration,
    );
    let why = reason(&mut fields, &input.reason);
    let (visit, why) = fields.finish(visit.zip(why))?;
    if !visits::reschedule(&mut tx, &team, &found, visit, &why, ops.now()).await? {
        return Err(no_longer_planned());
    }
    let event = who.event(
        AuditAction::Update,
        AuditResource::Visit,
        Some(visit_id.to_string()),
        Some(grant.child_id()),
    );
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(())
}

/// Cancels a planned visit; the reason is kept and the family sees it.
pub async fn cancel(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    visit_id: Uuid,
    input: &CancelInput,
) -> Result<(), OpError> {
    let team = team(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let found = visits::visit(&mut tx, &team, visit_id).await?.ok_or(OpError::NotFound)?;
    let mut fields = Fields::default();
    let why = reason(&mut fields, &input.reason);
    let why = fields.finish(why)?;
    if !visits::cancel(&mut tx, &team, &found, &why, ops.now()).await? {
        return Err(no_longer_planned());
    }
    let event = who.event(
        AuditAction::Update,
        AuditResource::Visit,
        Some(visit_id.to_string()),
        Some(grant.child_id()),
    );
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(())
}

/// The visits still planned for the children the actor sees visits of,
/// soonest first, from the start of the clinic's today: the block on the
/// therapist's and the guardians' homes, and the seam for the guardians'
/// calendar feed. Helpers get none. The caller audits (the home page's
/// listing row, or the feed's).
pub async fn upcoming_for(
    conn: &mut AnyConnection,
    actor: &Actor,
    now: OffsetDateTime,
    limit: i64,
) -> Result<Vec<UpcomingVisit>, OpError> {
    let day = clinic_day(conn, actor.clinic_id(), now).await?;
    let from = day.zone.start_of_local_day(day.today);
    let found = visits::upcoming_for(conn, actor, from, limit).await?;
    // A helper is a caregiver without guardian access: the store's filter
    // finds none of their children, so nothing more to check here.
    Ok(found.into_iter().map(|v| upcoming(&day.zone, v)).collect())
}

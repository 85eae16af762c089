//! The caregiver's private calendar feed (issue 12 part C). A person makes,
//! replaces and revokes their link from their own account; anyone holding a
//! live link reads that person's coming four weeks of practice — through
//! the person's real grants, read afresh on every fetch, so a caregiver
//! removed from a household stops seeing its child at once, and a
//! deactivated one stops seeing anything (the link answers 404).
//!
//! Each fetch leaves one audit row per child in the feed (action `view`,
//! resource `calendar_feed`, the feed's id), written as the link's owner,
//! like any read of a child's information.

use carryover_domain::{
    access::ChildTie,
    audit::{AuditAction, AuditResource},
    calendar::{self, RoutineSlot},
    people::{Language, Role},
    routine::{RoutineRef, UsualTime},
    visit::VisitStatus,
    zone::ClinicZone,
};
use carryover_store::{
    AnyConnection, assignments, audit, calendar_feed, children, grant, paging::Paging, plans,
    routines,
};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::{ChildGrant, OpError, Ops, RequestMeta, Who, secrets::ClinicToken};

/// A person's live link, as their settings show it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FeedStatus {
    pub feed_id: Option<Uuid>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub created_at: Option<OffsetDateTime>,
}

pub async fn status(ops: &Ops, who: &Who) -> Result<FeedStatus, OpError> {
    let mut conn = ops.db.read_conn().await?;
    let live = calendar_feed::live_feed_of(&mut conn, &who.actor).await?;
    Ok(FeedStatus {
        feed_id: live.as_ref().map(|f| f.calendar_feed_id.0),
        created_at: live.map(|f| f.created_at.0),
    })
}

/// A link just made: the token to show (never log it) and the new status.
#[derive(Debug)]
pub struct FeedCreated {
    /// `<clinic id>.<secret>`; the feed is at `/calendar/<token>.ics`.
    pub token: String,
    pub status: FeedStatus,
}

/// Makes a new link, revoking the old one in the same transaction: a new
/// link always ends the old ones.
pub async fn create(ops: &Ops, who: &Who) -> Result<FeedCreated, OpError> {
    let now = ops.now();
    let secret = ClinicToken::new(who.actor.clinic_id(), ops.secrets.as_ref());
    let mut tx = ops.db.begin_write().await?;
    if let Some(old) = calendar_feed::revoke_feed(&mut tx, &who.actor, now).await? {
        let event = who.event(
            AuditAction::Delete,
            AuditResource::CalendarFeed,
            Some(old.to_string()),
            None,
        );
        audit::append(&mut tx, &event, now).await?;
    }
    let feed = calendar_feed::insert_feed(&mut tx, &who.actor, &secret.hash(), now).await?;
    let id = feed.calendar_feed_id.0;
    let event =
        who.event(AuditAction::Create, AuditResource::CalendarFeed, Some(id.to_string()), None);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(FeedCreated {
        token: secret.reveal(),
        status: FeedStatus { feed_id: Some(id), created_at: Some(now) },
    })
}

/// Revokes the caller's link; true when there was one (turning off what is
/// off changes nothing and is no error: a double tap, a retry).
pub async fn revoke(ops: &Ops, who: &Who) -> Result<bool, OpError> {
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    let Some(old) = calendar_feed::revoke_feed(&mut tx, &who.actor, now).await? else {
        return Ok(false);
    };
    let event =
        who.event(AuditAction::Delete, AuditResource::CalendarFeed, Some(old.to_string()), None);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(true)
}

/// One practice on the feed, in the owner's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedPractice {
    /// Stable across fetches: assignment, date and place in the week.
    pub uid: String,
    pub date: Date,
    /// In UTC; `None` for an all-day event.
    pub starts_at: Option<OffsetDateTime>,
    pub local_time: Option<UsualTime>,
    pub strategy_title: String,
    pub routine: RoutineRef,
    /// The household's own routine's name, for `RoutineRef::Own`.
    pub own_routine_name: Option<String>,
    pub times_per_week: u8,
}

/// An upcoming visit (a coaching session) on a guardian's feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedVisit {
    pub uid: String,
    pub starts_at: OffsetDateTime,
    pub ends_at: OffsetDateTime,
}

/// The feed, ready to be written as iCalendar by the web layer (which holds the words).
#[derive(Clone, Debug)]
pub struct Feed {
    pub language: Language,
    pub now: OffsetDateTime,
    pub today: Date,
    pub practices: Vec<FeedPractice>,
    pub visits: Vec<FeedVisit>,
}

/// Reads the feed behind `token` (`<clinic id>.<secret>`). An unknown,
/// revoked or replaced link, or one of a deactivated person: `NotFound`.
pub async fn feed(ops: &Ops, meta: &RequestMeta, token: &str) -> Result<Feed, OpError> {
    let token = ClinicToken::parse(token).ok_or(OpError::NotFound)?;
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    let owner = calendar_feed::feed_owner(&mut tx, token.clinic_id, &token.hash())
        .await?
        .ok_or(OpError::NotFound)?;
    let who = Who { actor: owner.actor, meta: meta.clone() };
    let zone = ClinicZone::parse(&owner.clinic_time_zone).unwrap_or_else(ClinicZone::utc);
    let today = zone.local_date(now);
    let language = Language::parse(&owner.person.lang).unwrap_or(Language::En);
    let mut out = Feed { language, now, today, practices: Vec::new(), visits: Vec::new() };
    let feed_id = owner.calendar_feed_id.to_string();
    for grant in household_grants(&mut tx, &who, now).await? {
        let practices = practices_of(&mut tx, &grant, &zone, today, language).await?;
        out.practices.extend(practices);
        if grant.tie() == ChildTie::Guardian {
            out.visits.extend(upcoming_visits_for_guardian(&mut tx, &grant, &zone, today).await?);
        }
        let event = who.event(
            AuditAction::View,
            AuditResource::CalendarFeed,
            Some(feed_id.clone()),
            Some(grant.child_id()),
        );
        audit::append(&mut tx, &event, now).await?;
    }
    tx.commit().await?;
    out.practices
        .sort_by(|a, b| (a.date, a.local_time, &a.uid).cmp(&(b.date, b.local_time, &b.uid)));
    Ok(out)
}

/// The grants of the children in the owner's households, as a caregiver
/// (guardian or helper). Staff have feeds too, but no household children:
/// theirs lists nothing until sessions are scheduled.
async fn household_grants(
    conn: &mut AnyConnection,
    who: &Who,
    now: OffsetDateTime,
) -> Result<Vec<ChildGrant>, OpError> {
    if who.actor.role() != Role::Caregiver {
        return Ok(Vec::new());
    }
    let mut grants = Vec::new();
    for child in children::children_for(conn, &who.actor, Paging::all()).await?.items {
        let found = grant::child_grant(conn, &who.actor, child.child_id, now).await?;
        if let Some(grant) =
            found.filter(|g| matches!(g.tie(), ChildTie::Guardian | ChildTie::Helper))
        {
            grants.push(grant);
        }
    }
    Ok(grants)
}

/// The practices of the child's agreed plan that are the owner's to do:
/// assignments for any caregiver, or named for the owner.
async fn practices_of(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    zone: &ClinicZone,
    today: Date,
    language: Language,
) -> Result<Vec<FeedPractice>, OpError> {
    let Some(version) = plans::current_agreed(conn, grant).await? else { return Ok(Vec::new()) };
    let household = routines::routines(conn, grant).await?;
    let mine = grant.actor().person_id();
    let mut found = Vec::new();
    for assignment in assignments::assignments(conn, grant, &version).await? {
        if assignment.fields.practised_by.is_some_and(|p| p != mine) {
            continue;
        }
        let title = assignment.snapshot.text(language).map(|(t, _)| t.title.clone());
        let slots: Vec<RoutineSlot> = assignment
            .fields
            .routines
            .iter()
            .map(|r| RoutineSlot { routine: *r, usual_time: household.usual_time(*r) })
            .collect();
        let times = assignment.fields.times_per_week.get();
        for p in calendar::practices(assignment.assignment_id, times, &slots, today) {
            let own_routine_name = match p.routine {
                RoutineRef::Own(id) => {
                    household.own.iter().find(|r| r.routine_id == id).map(|r| r.name.clone())
                }
                RoutineRef::Standard(_) => None,
            };
            found.push(FeedPractice {
                uid: format!("{}-{}-{}@carryover", p.assignment_id.simple(), p.date, p.nth_in_week),
                date: p.date,
                starts_at: p.time.and_then(|t| zone.instant_at(p.date, t.hour(), t.minute())),
                local_time: p.time,
                strategy_title: title.clone().unwrap_or_default(),
                routine: p.routine,
                own_routine_name,
                times_per_week: times,
            });
        }
    }
    Ok(found)
}

/// The child's visits planned from `today` for [`calendar::FEED_DAYS`]
/// days (issue 13), for a guardian's feed; cancelled ones are left out.
pub async fn upcoming_visits_for_guardian(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    zone: &ClinicZone,
    today: Date,
) -> Result<Vec<FeedVisit>, OpError> {
    let Some(full) = grant.full() else {
        return Ok(Vec::new());
    };
    let from = zone.start_of_local_day(today);
    let until = zone.start_of_local_day(today + time::Duration::days(calendar::FEED_DAYS));
    Ok(carryover_store::visits::upcoming(conn, &full, from)
        .await?
        .into_iter()
        .filter(|v| v.status == VisitStatus::Scheduled && v.starts_at < until)
        .map(|v| FeedVisit {
            uid: format!("visit-{}@carryover", v.visit_id.simple()),
            starts_at: v.starts_at,
            ends_at: v.starts_at + time::Duration::minutes(v.duration_minutes),
        })
        .collect())
}

//! Coaching fidelity figures: the share of visits with all five steps over
//! the last 4 and 12 weeks, in the clinic's time zone — for a therapist on
//! their own page, and per therapist for the admin. Every visit record
//! counts, open ones included: a visit happened once its record exists.

use carryover_domain::{
    fidelity::{FidelityShare, Visit, fidelity_summary},
    people::Role,
};
use carryover_store::coaching;
use serde::Serialize;
use time::Duration;
use uuid::Uuid;

use crate::{OpError, Ops, Who, scope::clinic_day};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"last_4_weeks_all_five": 2, "last_4_weeks_visits": 3, "last_12_weeks_all_five": 3, "last_12_weeks_visits": 5, "last_4_weeks_percent": 67, "last_12_weeks_percent": 60}))]
pub struct FidelityFigures {
    pub last_4_weeks_all_five: u32,
    pub last_4_weeks_visits: u32,
    pub last_12_weeks_all_five: u32,
    pub last_12_weeks_visits: u32,
    /// Whole percent; `None` without visits.
    pub last_4_weeks_percent: Option<u32>,
    pub last_12_weeks_percent: Option<u32>,
}

fn percent(share: FidelityShare) -> Option<u32> {
    // Rounded half up, on whole numbers: the hand count and the page agree.
    (share.total > 0).then(|| (share.with_all_five * 200 + share.total) / (share.total * 2))
}

fn figures(visits: &[Visit], today: time::Date) -> FidelityFigures {
    let summary = fidelity_summary(visits, today);
    FidelityFigures {
        last_4_weeks_all_five: summary.last_4_weeks.with_all_five,
        last_4_weeks_visits: summary.last_4_weeks.total,
        last_12_weeks_all_five: summary.last_12_weeks.with_all_five,
        last_12_weeks_visits: summary.last_12_weeks.total,
        last_4_weeks_percent: percent(summary.last_4_weeks),
        last_12_weeks_percent: percent(summary.last_12_weeks),
    }
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"therapist_id": "0190f000-0000-7000-8000-000000000005", "name": "Alex Kim", "last_4_weeks_all_five": 2, "last_4_weeks_visits": 3, "last_12_weeks_all_five": 3, "last_12_weeks_visits": 5, "last_4_weeks_percent": 67, "last_12_weeks_percent": 60}))]
pub struct TherapistFidelity {
    pub therapist_id: Uuid,
    pub name: String,
    #[serde(flatten)]
    pub figures: FidelityFigures,
}

async fn by_therapist(
    ops: &Ops,
    who: &Who,
    only: Option<Uuid>,
) -> Result<Vec<TherapistFidelity>, OpError> {
    let mut conn = ops.db.read_conn().await?;
    let day = clinic_day(&mut conn, who.actor.clinic_id(), ops.now()).await?;
    let first = day.today.saturating_sub(Duration::days(84));
    let from = day.zone.start_of_local_day(first);
    let rows = coaching::fidelity_rows(&mut conn, &who.actor, only, from).await?;
    let mut out: Vec<(Uuid, String, Vec<Visit>)> = Vec::new();
    for row in rows {
        let steps = super::steps(
            &row.since_last,
            &row.agenda,
            usize::try_from(row.goals_addressed).unwrap_or(0),
            [&row.feedback[0], &row.feedback[1], &row.feedback[2]],
            &row.entries,
        );
        let visit = Visit { date: day.zone.local_date(row.held_at), steps };
        match out.iter_mut().find(|(id, _, _)| *id == row.therapist_id) {
            Some((_, _, visits)) => visits.push(visit),
            None => out.push((row.therapist_id, row.therapist_name, vec![visit])),
        }
    }
    if let Some(id) = only
        && out.is_empty()
    {
        out.push((id, String::new(), Vec::new()));
    }
    out.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(out
        .into_iter()
        .map(|(therapist_id, name, visits)| TherapistFidelity {
            therapist_id,
            name,
            figures: figures(&visits, day.today),
        })
        .collect())
}

/// The signed-in therapist's own figures.
pub async fn my_fidelity(ops: &Ops, who: &Who) -> Result<FidelityFigures, OpError> {
    if !who.actor.role().is_staff() {
        return Err(OpError::NotFound);
    }
    let mine = by_therapist(ops, who, Some(who.actor.person_id())).await?;
    Ok(mine.into_iter().next().map(|t| t.figures).unwrap_or_else(|| figures(&[], time::Date::MIN)))
}

/// Every therapist's figures, for the admin.
pub async fn clinic_fidelity(ops: &Ops, who: &Who) -> Result<Vec<TherapistFidelity>, OpError> {
    if who.actor.role() != Role::Admin {
        return Err(OpError::NotFound);
    }
    by_therapist(ops, who, None).await
}

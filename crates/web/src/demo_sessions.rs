//! The demo clinic's coaching visits (issue 13): ten weekly visits per demo
//! child, with believable entries; most hold all five steps, a few miss one
//! (so the fidelity figures are not all 100%); older notes are signed, the
//! last two wait for a signature; and each child's next visit is planned.

use carryover_domain::{
    access::ChildTie,
    visit::{EntryKind, VisitSetting},
};
use carryover_store::{
    WriteTx, assignments, care_team,
    coaching::{self, EntryFields, NewRecord, TextField},
    grant::{self, FullGrant},
    people, plans,
    visits::{self, VisitFields},
};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

const WEEKS: i64 = 10;

/// What the caregiver said since last time, week by week.
const SINCE_LAST: [&str; 5] = [
    "Mornings were rushed; we tried it three times.",
    "It went better on the weekend, harder on school days.",
    "She started doing the last step without being asked.",
    "We forgot on Tuesday and Wednesday, then picked it up again.",
    "Grandma tried it too and it worked for her.",
];
const OBSERVED: [&str; 3] = [
    "Watched the caregiver wait five seconds before helping.",
    "Modelled giving one short instruction, then waiting.",
    "Watched the routine at the kitchen table; the child stayed with it.",
];
const HOW_IT_WENT: [&str; 3] = [
    "Practiced twice; the child finished the last step alone once.",
    "Needed one reminder, then did it.",
    "Went smoothly; the caregiver used fewer words.",
];
const ANSWERS: [(&str, &str); 3] = [
    ("What did you notice?", "When I wait, he tries by himself."),
    ("What was hard?", "Finding time on school mornings."),
    ("What could you try next?", "Doing it after breakfast instead of before."),
];
const SUGGESTED: [&str; 3] = [
    "Keep the same steps this week; add a picture card.",
    "Try it at bath time too.",
    "Praise the try, not only the result.",
];

/// The grant of the child's therapist: the first active therapist of the
/// clinic on the child's care team (demo families have one).
async fn team_grant(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    child_id: Uuid,
    now: OffsetDateTime,
) -> anyhow::Result<Option<FullGrant>> {
    for therapist in care_team::active_therapists(tx, clinic_id).await? {
        let Some(account) = people::account_in_clinic(tx, clinic_id, therapist.person_id).await?
        else {
            continue;
        };
        let Some(actor) = account.actor() else { continue };
        if let Some(grant) = grant::child_grant(tx, &actor, child_id, now).await?
            && grant.tie() == ChildTie::CareTeam
        {
            return Ok(grant.full());
        }
    }
    Ok(None)
}

/// Seeds every demo child's visits. `children` are (name, id).
pub async fn seed(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    children: &[(&'static str, Uuid)],
    now: OffsetDateTime,
) -> anyhow::Result<()> {
    for (n, (_, child_id)) in children.iter().enumerate() {
        let Some(team) = team_grant(tx, clinic_id, *child_id, now).await? else { continue };
        // A discharged child has no visits to come.
        if team.child().writable().is_none() {
            continue;
        }
        let strategies: Vec<Uuid> = match plans::current_agreed(tx, team.child()).await? {
            Some(v) => assignments::assignments(tx, team.child(), &v)
                .await?
                .into_iter()
                .map(|a| a.assignment_id)
                .collect(),
            None => Vec::new(),
        };
        for week in (1..=WEEKS).rev() {
            let held_at = now - Duration::weeks(week) + Duration::hours(1);
            let i = usize::try_from(week).unwrap_or(0) + n;
            // Every fourth visit of a child misses one step: observation or reflection.
            let missing = (i % 4 == 0).then_some(if i % 8 == 0 {
                EntryKind::Observed
            } else {
                EntryKind::Reflection
            });
            let new = NewRecord {
                held_at,
                duration_minutes: 60,
                setting: if i % 3 == 0 { VisitSetting::Clinic } else { VisitSetting::Home },
                agenda: "Review the week; practice the morning routine together.",
                scheduled_visit_id: None,
            };
            let session = coaching::insert_record(tx, &team, &new, held_at).await?;
            coaching::set_text(tx, &team, session, TextField::SinceLast, SINCE_LAST[i % 5]).await?;
            coaching::set_text(
                tx,
                &team,
                session,
                TextField::Affirmed,
                "You waited and let her try first.",
            )
            .await?;
            coaching::set_text(tx, &team, session, TextField::Suggested, SUGGESTED[i % 3]).await?;
            coaching::set_text(
                tx,
                &team,
                session,
                TextField::Summary,
                "We practiced the morning routine together. Keep going this week.",
            )
            .await?;
            let strategy = strategies.get(i % strategies.len().max(1)).copied();
            let entry = |kind: EntryKind, notes: &str, question: &str| EntryFields {
                assignment_id: if kind == EntryKind::Reflection { None } else { strategy },
                routine: None,
                question: question.to_owned(),
                notes: notes.to_owned(),
                reason: String::new(),
                confidence: (kind == EntryKind::Action).then(|| (4 + (WEEKS - week) / 2).min(10)),
            };
            if missing != Some(EntryKind::Observed) {
                let kind = if i % 2 == 0 { EntryKind::Modelled } else { EntryKind::Observed };
                coaching::insert_entry(
                    tx,
                    &team,
                    session,
                    kind,
                    &entry(kind, OBSERVED[i % 3], ""),
                    held_at,
                )
                .await?;
            }
            coaching::insert_entry(
                tx,
                &team,
                session,
                EntryKind::Action,
                &entry(EntryKind::Action, HOW_IT_WENT[i % 3], ""),
                held_at,
            )
            .await?;
            if missing != Some(EntryKind::Reflection) {
                let (q, a) = ANSWERS[i % 3];
                coaching::insert_entry(
                    tx,
                    &team,
                    session,
                    EntryKind::Reflection,
                    &entry(EntryKind::Reflection, a, q),
                    held_at,
                )
                .await?;
            }
            let ended = held_at + Duration::hours(1);
            coaching::end(tx, &team, session, None, ended).await?;
            if week > 2 {
                coaching::sign(tx, &team, session, ended).await?;
                coaching::share_summary(tx, &team, session, true, ended).await?;
            }
        }
        let next = VisitFields {
            starts_at: now + Duration::days(7) + Duration::hours(1),
            setting: VisitSetting::Home,
            duration_minutes: 60,
        };
        visits::insert_visit(tx, &team, next, now).await?;
    }
    Ok(())
}

//! The demo clinic's practice logs (issue 12 part A): ten weeks of practice
//! per family since their plan was agreed, deterministic and believable.
//! Mia's family is steady; Leo and Ava's father fades in the last two weeks;
//! Sam's mother carries the strategy into more and more routines; Noah's
//! grandmother (a helper) logs too; a few logs carry a confidence and a note.

use carryover_domain::{
    generalization::ChildResponse,
    practice::SaidWhen,
    routine::{RoutineRef, StandardRoutine, UsualTime},
};
use carryover_store::{
    WriteTx, assignments, grant, people, plans,
    practice_logs::{self, LogContent, NewLog},
};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

/// How a family practises.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pattern {
    Steady,
    /// Steady, then about once a week for the last two weeks.
    Fading,
    /// One routine at first, one more every two weeks.
    Spreading,
}

struct Family {
    child: &'static str,
    /// Who logs: (email, share of the logs out of 4).
    who: &'static [(&'static str, u64)],
    pattern: Pattern,
    /// Notes now and then, in the family's language.
    notes: &'static [&'static str],
}

const FAMILIES: &[Family] = &[
    Family {
        child: "Mia",
        who: &[("ana.rivera@example.org", 4)],
        pattern: Pattern::Steady,
        notes: &["She did the last sock herself!", "Tired today, we stopped early."],
    },
    Family {
        child: "Leo",
        who: &[("wei.chen@example.org", 4)],
        pattern: Pattern::Fading,
        notes: &["Busy week at work.", "He asked for the timer himself."],
    },
    Family {
        child: "Ava",
        who: &[("wei.chen@example.org", 4)],
        pattern: Pattern::Fading,
        notes: &["Hard to fit in after daycare."],
    },
    Family {
        child: "Sam",
        who: &[("grace.okafor@example.org", 4)],
        pattern: Pattern::Spreading,
        notes: &["Tried it at the shop too.", "Worked in the car today."],
    },
    Family {
        child: "Noah",
        who: &[("emma.brown@example.org", 3), ("ruth.brown@example.org", 1)],
        pattern: Pattern::Steady,
        notes: &["Grandma did bath time.", "Calmer with the song."],
    },
    Family {
        child: "Sofía",
        who: &[("lucia.garcia@example.org", 4)],
        pattern: Pattern::Steady,
        notes: &["Hoy lo hizo sola.", "Estaba cansada, fue difícil."],
    },
];

/// The routines a spreading family reaches, in order, beyond the plan's own.
const MORE_ROUTINES: [StandardRoutine; 4] = [
    StandardRoutine::Play,
    StandardRoutine::Errands,
    StandardRoutine::CarRides,
    StandardRoutine::Meals,
];

/// Days of the week practised, in the order a family fills them.
const DAYS: [i64; 7] = [0, 2, 4, 1, 5, 3, 6];

/// Seeds the logs; `children` are (name, id), `person_by_email` finds the caregivers.
pub async fn seed(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    children: &[(&'static str, Uuid)],
    person_by_email: &dyn Fn(&str) -> Option<Uuid>,
    now: OffsetDateTime,
) -> anyhow::Result<()> {
    let today = now.date();
    let monday = carryover_domain::zone::week_start(today);
    let mut n: u64 = 0;
    for family in FAMILIES {
        let Some((_, child_id)) = children.iter().find(|(name, _)| *name == family.child) else {
            continue;
        };
        let mut grants = Vec::new();
        for (email, share) in family.who {
            let person = person_by_email(email).ok_or_else(|| anyhow::anyhow!("{email}"))?;
            let account = people::account_in_clinic(tx, clinic_id, person)
                .await?
                .and_then(|a| a.actor())
                .ok_or_else(|| anyhow::anyhow!("demo caregiver {email}"))?;
            let found = grant::child_grant(tx, &account, *child_id, now)
                .await?
                .and_then(|g| g.writable())
                .ok_or_else(|| anyhow::anyhow!("demo grant {email}"))?;
            grants.push((found, *share));
        }
        let Some((first, _)) = grants.first().copied() else { continue };
        let Some(version) = plans::current_agreed(tx, first.child()).await? else { continue };
        let Some(agreed_at) = version.agreed_at else { continue };
        let plan = assignments::assignments(tx, first.child(), &version).await?;
        for week in 0..10_i64 {
            let week_monday = monday - Duration::weeks(9 - week);
            for (a_index, assignment) in plan.iter().enumerate() {
                let times = i64::from(assignment.fields.times_per_week.get());
                let count = match family.pattern {
                    Pattern::Fading if week >= 8 => 1,
                    // Steady is not perfect: one short every third week.
                    _ if (week + a_index as i64) % 3 == 2 => (times - 1).max(1),
                    _ => times,
                };
                for &offset in DAYS.iter().take(count.clamp(0, 7) as usize) {
                    let day = week_monday + Duration::days(offset);
                    let at = day.with_hms(19, 5, 0)?.assume_utc();
                    if day > today || at > now || at < agreed_at {
                        continue;
                    }
                    n += 1;
                    let (writer, _) = pick(&grants, n);
                    let routine = routine_for(family.pattern, &assignment.fields.routines, week, n);
                    let response = match (family.pattern, n % 6) {
                        (Pattern::Fading, 0 | 1) if week >= 8 => ChildResponse::Hard,
                        (_, 4) => ChildResponse::Mixed,
                        (_, 5) => ChildResponse::Hard,
                        _ => ChildResponse::WentWell,
                    };
                    let noted = n.is_multiple_of(7);
                    let note = if noted {
                        family.notes[(n / 7) as usize % family.notes.len()].to_owned()
                    } else {
                        String::new()
                    };
                    let content = LogContent {
                        assignment_id: assignment.assignment_id,
                        routine,
                        practised_by: writer.actor().person_id(),
                        said_when: SaidWhen::Now,
                        response,
                        // Confidence grows with practice: a trend line, not a score.
                        confidence: n.is_multiple_of(5).then(|| (4 + week / 2).min(10) as u8),
                        note,
                    };
                    let new = NewLog {
                        log_id: Uuid::now_v7(),
                        content: &content,
                        practised_on: day,
                        practised_time: UsualTime::parse("19:05"),
                    };
                    practice_logs::insert_log(tx, &writer, &new, at).await?;
                }
            }
        }
    }
    Ok(())
}

/// The caregiver of the `n`th log, by their shares out of 4.
fn pick(grants: &[(grant::WritableGrant, u64)], n: u64) -> (grant::WritableGrant, u64) {
    let mut slot = n % 4;
    for (g, share) in grants {
        if slot < *share {
            return (*g, *share);
        }
        slot -= share;
    }
    grants[0]
}

/// The routine practised: the plan's routines in turn; a spreading family
/// adds one more routine every two weeks.
fn routine_for(pattern: Pattern, planned: &[RoutineRef], week: i64, n: u64) -> RoutineRef {
    let mut choices: Vec<RoutineRef> = planned.to_vec();
    if pattern == Pattern::Spreading {
        choices.truncate(1);
        let extra = (week / 2).clamp(0, MORE_ROUTINES.len() as i64) as usize;
        choices.extend(MORE_ROUTINES.iter().take(extra).map(|r| RoutineRef::Standard(*r)));
    }
    if choices.is_empty() {
        return RoutineRef::Standard(StandardRoutine::Play);
    }
    choices[(n as usize) % choices.len()]
}

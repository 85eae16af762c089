//! Demo reflections and feedback (issue 12 part B), per demo family:
//! two flagged reflections (one answered, one waiting), calm ones, answers
//! the guardian has not read yet, and child-level messages waiting on
//! either side. Deterministic: the same words and times on every start.

use carryover_domain::reflection::{
    FitDifficulty, ReflectionAnswers, ReflectionNeed, RespondedPositively,
};
use carryover_store::{
    WriteTx, assignments, feedback,
    grant::{self, ChildGrant},
    people, plans,
    reflections::{self, NewReflection},
};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

/// One demo reflection: on the agreed plan's first assignment or the week.
struct DemoReflection {
    child: &'static str,
    guardian: &'static str,
    therapist: &'static str,
    on_first_assignment: bool,
    responded: RespondedPositively,
    difficulty: i64,
    need: ReflectionNeed,
    words: &'static str,
    days_ago: i64,
    /// The therapist's answer a day later, not yet read by the guardian.
    answer: Option<&'static str>,
}

const REFLECTIONS: &[DemoReflection] = &[
    // Flagged (asks for a change), answered, still on the next session's list.
    DemoReflection {
        child: "Mia",
        guardian: "ana.rivera@example.org",
        therapist: "therapist@example.org",
        on_first_assignment: true,
        responded: RespondedPositively::Somewhat,
        difficulty: 3,
        need: ReflectionNeed::ChangeStrategy,
        words: "Mornings are too rushed before the bus. She gets upset when we wait for her.",
        days_ago: 3,
        answer: Some("Thank you for telling me. Let's look at the steps together on Tuesday."),
    },
    // Flagged (very hard to fit in), waiting in the inbox.
    DemoReflection {
        child: "Leo",
        guardian: "wei.chen@example.org",
        therapist: "therapist@example.org",
        on_first_assignment: false,
        responded: RespondedPositively::No,
        difficulty: 5,
        need: ReflectionNeed::PracticeTogether,
        words: "Two children at bedtime is a lot. Can you show me again?",
        days_ago: 1,
        answer: None,
    },
    DemoReflection {
        child: "Ava",
        guardian: "wei.chen@example.org",
        therapist: "therapist@example.org",
        on_first_assignment: true,
        responded: RespondedPositively::Yes,
        difficulty: 2,
        need: ReflectionNeed::KeepGoing,
        words: "The picture board helps a lot.",
        days_ago: 6,
        answer: Some("Wonderful. Keep going!"),
    },
    DemoReflection {
        child: "Sofía",
        guardian: "lucia.garcia@example.org",
        therapist: "therapist2@example.org",
        on_first_assignment: true,
        responded: RespondedPositively::Somewhat,
        difficulty: 3,
        need: ReflectionNeed::MoreInformation,
        words: "A veces funciona. ¿Qué hago cuando no quiere sentarse?",
        days_ago: 4,
        answer: Some(
            "Pruebe con su canción favorita antes de empezar. Lo vemos en la próxima visita.",
        ),
    },
];

/// Child-level messages: (child, writer's email, from the team, words, days ago).
const MESSAGES: &[(&str, &str, bool, &str, i64)] = &[
    ("Ava", "wei.chen@example.org", false, "Ava's school starts earlier next month.", 2),
    ("Sam", "therapist@example.org", true, "I put a new picture schedule in your plan.", 2),
    ("Sam", "therapist@example.org", true, "Bring his shoes to the next visit, please.", 1),
    ("Noah", "emma.brown@example.org", false, "Noah tried the chair push-ups at dinner!", 5),
    ("Noah", "therapist2@example.org", true, "Great news. Try them before homework too.", 4),
];

async fn grant_for(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    person_id: Uuid,
    child_id: Uuid,
    now: OffsetDateTime,
) -> anyhow::Result<ChildGrant> {
    let account = people::account_in_clinic(tx, clinic_id, person_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo person {person_id}"))?;
    let actor = account.actor().ok_or_else(|| anyhow::anyhow!("demo person inactive"))?;
    grant::child_grant(tx, &actor, child_id, now)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo grant"))
}

/// Seeds the reflections and messages. `children` are (name, id).
pub async fn seed(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    children: &[(&'static str, Uuid)],
    person_by_email: &dyn Fn(&str) -> Option<Uuid>,
    now: OffsetDateTime,
) -> anyhow::Result<()> {
    let child_id = |name: &str| children.iter().find(|(n, _)| *n == name).map(|(_, id)| *id);
    let person =
        |email: &str| person_by_email(email).ok_or_else(|| anyhow::anyhow!("demo person {email}"));
    for r in REFLECTIONS {
        let Some(child) = child_id(r.child) else { continue };
        let guardian = grant_for(tx, clinic_id, person(r.guardian)?, child, now).await?;
        let full = guardian.full().ok_or_else(|| anyhow::anyhow!("demo guardian"))?;
        let assignment = match (r.on_first_assignment, plans::current_agreed(tx, &guardian).await?)
        {
            (true, Some(version)) => assignments::assignments(tx, &guardian, &version)
                .await?
                .first()
                .map(|a| a.assignment_id),
            _ => None,
        };
        let answers = ReflectionAnswers {
            responded: r.responded,
            difficulty: FitDifficulty::new(r.difficulty)?,
            need: r.need,
        };
        let at = now - Duration::days(r.days_ago);
        let new = NewReflection { assignment_id: assignment, answers, words: r.words };
        let id = reflections::insert_reflection(tx, &full, new, at).await?;
        if let Some(answer) = r.answer {
            let team = grant_for(tx, clinic_id, person(r.therapist)?, child, now).await?;
            let full = team.full().ok_or_else(|| anyhow::anyhow!("demo therapist"))?;
            let found = reflections::reflection(tx, &full, id)
                .await?
                .ok_or_else(|| anyhow::anyhow!("demo reflection"))?;
            let thread = feedback::thread(tx, &team, found.thread_id)
                .await?
                .ok_or_else(|| anyhow::anyhow!("demo thread"))?;
            let answered = at + Duration::days(1);
            feedback::insert_message(tx, &team, &thread, answer, true, answered).await?;
            feedback::mark_read(tx, &team, &thread, answered).await?;
        }
    }
    for (name, email, from_team, words, days_ago) in MESSAGES {
        let Some(child) = child_id(name) else { continue };
        let writer = grant_for(tx, clinic_id, person(email)?, child, now).await?;
        let at = now - Duration::days(*days_ago);
        let thread = feedback::ensure_child_thread(tx, &writer, at).await?;
        feedback::insert_message(tx, &writer, &thread, words, *from_team, at).await?;
        feedback::mark_read(tx, &writer, &thread, at).await?;
    }
    Ok(())
}

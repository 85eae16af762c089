//! The demo's progress reports (issue 14): the therapist's summary for two
//! children (Sofía's in Spanish, as her family reads it), so that the
//! report page and its PDF show one. Deterministic.

use carryover_store::{WriteTx, grant, people, report_summary};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

/// (child, their therapist's email, the summary)
const SUMMARIES: &[(&str, &str, &str)] = &[
    (
        "Mia",
        "therapist@example.org",
        "Mia now puts on her shoes by herself on most mornings; the jacket zip still needs a hand. \
         Her mother feels the visual checklist by the door helped most.\n\n\
         Next: keep the checklist, and practise the zip during play at the weekend.",
    ),
    (
        "Sofía",
        "therapist2@example.org",
        "Lavar los dientes ya casi nunca termina en llanto: la canción de dos minutos ayuda. \
         Dormirse en su cama todavía cuesta algunas noches.\n\n\
         Siguiente paso: la misma rutina corta antes de dormir, todas las noches.",
    ),
];

pub async fn seed(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    children: &[(&'static str, Uuid)],
    person_by_email: &dyn Fn(&str) -> Option<Uuid>,
    now: OffsetDateTime,
) -> anyhow::Result<()> {
    for (name, email, summary) in SUMMARIES {
        let (Some((_, child_id)), Some(person)) =
            (children.iter().find(|(n, _)| n == name), person_by_email(email))
        else {
            continue;
        };
        let Some(account) = people::account_in_clinic(tx, clinic_id, person).await? else {
            continue;
        };
        let Some(actor) = account.actor() else { continue };
        // Only a therapist on the child's care team writes the summary.
        let Some(full) =
            grant::child_grant(tx, &actor, *child_id, now).await?.and_then(|g| g.full())
        else {
            continue;
        };
        report_summary::save(tx, &full, summary, now - Duration::days(1)).await?;
    }
    Ok(())
}

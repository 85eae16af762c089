//! What happened in the demo clinic before the first start, so that every
//! page of the people side has something to show: a caseload moved from a
//! therapist on leave, a helper removed from a family, a child discharged.
//! Played through the same grants the operations use.

use carryover_domain::{
    people::{Access, Relationship, Role},
    record::DischargeReason,
};
use carryover_store::{
    WriteTx, care_team, children,
    grant::{self, Actor, WritableGrant},
    membership,
    people::{self, NewMember, NewPerson},
    record,
};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

async fn actor(tx: &mut WriteTx, email: &str) -> anyhow::Result<Actor> {
    people::account_for_sign_in(tx, email)
        .await?
        .and_then(|a| a.actor())
        .ok_or_else(|| anyhow::anyhow!("demo account {email}"))
}

async fn writable(
    tx: &mut WriteTx,
    admin: &Actor,
    child: &str,
    now: OffsetDateTime,
) -> anyhow::Result<WritableGrant> {
    let children =
        children::children_for(tx, admin, carryover_store::paging::Paging::all()).await?;
    let id = children
        .items
        .iter()
        .find(|c| c.preferred_name == child)
        .map(|c| c.child_id)
        .ok_or_else(|| anyhow::anyhow!("demo child {child}"))?;
    grant::child_grant(tx, admin, id, now)
        .await?
        .and_then(|g| g.writable())
        .ok_or_else(|| anyhow::anyhow!("demo grant to {child}"))
}

pub(crate) async fn play(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    now: OffsetDateTime,
) -> anyhow::Result<()> {
    let admin = actor(tx, "admin@example.org").await?;
    // Alex Kim went on leave: her caseload (Sofía) moved to Jordan Miller.
    let alex = actor(tx, "therapist3@example.org").await?.person_id();
    let jordan = actor(tx, "therapist2@example.org").await?.person_id();
    let sofia = writable(tx, &admin, "Sofía", now).await?;
    care_team::add(tx, &sofia, jordan, now).await?;
    care_team::remove(tx, &sofia, alex).await?;
    care_team::set_primary(tx, &sofia, jordan).await?;

    // Mia's family had an uncle as helper for a while; he was removed, and
    // with no other family he can no longer sign in.
    let mia = writable(tx, &admin, "Mia", now).await?;
    let new = NewPerson {
        clinic_id,
        email: "carlos.rivera@example.org".into(),
        display_name: "Carlos Rivera".into(),
        role: Role::Caregiver,
        lang: "es".into(),
    };
    let carlos = people::insert_person(tx, &new, now).await?;
    let member = NewMember {
        clinic_id,
        household_id: mia.household_id(),
        person_id: carlos.person_id,
        relationship: Relationship::Other,
        access: Access::Helper,
    };
    people::insert_member(tx, &member, now).await?;
    membership::remove(tx, &mia, carlos.person_id).await?;
    people::deactivate(tx, clinic_id, carlos.person_id).await?;

    // Omar met his goals and was discharged two months ago: his mother can
    // still read his record for the rest of the clinic's read period.
    let omar = writable(tx, &admin, "Omar", now).await?;
    let on = (now - Duration::days(60)).date();
    let note = "Met his dressing and mealtime goals. The family keeps the morning routine going.";
    record::discharge(tx, &omar, on, DischargeReason::GoalsMet, note).await?;
    Ok(())
}

//! Coaching visits' things in the test world (issue 13), made through the
//! real pages by each child's therapist: a planned visit, an open visit
//! record with one entry. The access walk fills `{visit_id}`,
//! `{session_id}` and `{entry_id}` with these.

use uuid::Uuid;

use crate::helpers::TestApp;
use crate::world::{Persona, World};

#[derive(Clone, Debug)]
pub struct ChildVisits {
    pub child: Uuid,
    pub visit: Uuid,
    pub session: Uuid,
    pub entry: Uuid,
}

#[derive(Clone, Debug)]
pub struct VisitWorld {
    pub own: ChildVisits,
    pub other: ChildVisits,
}

impl VisitWorld {
    pub fn of(&self, child: Uuid) -> &ChildVisits {
        if child == self.own.child { &self.own } else { &self.other }
    }

    pub async fn build(app: &TestApp, world: &World) -> VisitWorld {
        let own = child_visits(app, world, world.child, Persona::TeamTherapist).await;
        let other = child_visits(app, world, world.other_child, Persona::OtherTherapist).await;
        VisitWorld { own, other }
    }
}

async fn newest(app: &TestApp, sql: &str, child: Uuid) -> Uuid {
    let id: String = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
        .bind(child.to_string())
        .fetch_one(app.db.reader())
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    Uuid::parse_str(&id).unwrap()
}

async fn child_visits(
    app: &TestApp,
    world: &World,
    child: Uuid,
    therapist: Persona,
) -> ChildVisits {
    let team = world.client(therapist);
    let form = [("date", "2026-11-09"), ("time", "10:00"), ("setting", "home"), ("duration", "60")];
    let planned = team.post_form(&format!("/children/{child}/visits"), &form).await;
    assert_eq!(planned.status(), 303, "{}", planned.text().await.unwrap());
    let visit =
        newest(app, "SELECT scheduled_visit_id FROM scheduled_visit WHERE child_id = $1", child)
            .await;
    let started = team.post_form(&format!("/children/{child}/sessions"), &[]).await;
    assert_eq!(started.status(), 303);
    let session =
        newest(app, "SELECT coaching_session_id FROM coaching_session WHERE child_id = $1", child)
            .await;
    let path = format!("/children/{child}/sessions/{session}/entries");
    let entry = [("kind", "observed"), ("notes", "Watched the morning routine"), ("revision", "1")];
    let added = team.post_form(&path, &entry).await;
    assert_eq!(added.status(), 303, "{}", added.text().await.unwrap());
    let entry =
        newest(app, "SELECT coaching_entry_id FROM coaching_entry WHERE child_id = $1", child)
            .await;
    ChildVisits { child, visit, session, entry }
}

/// Issue 13: routes that name a visit, record or entry in the path.
pub fn names_visit_resource(template: &str) -> bool {
    ["{visit_id}", "{session_id}", "{entry_id}"].iter().any(|p| template.contains(p))
}

/// Fills issue 13's path parameters with the ids of `child`'s things.
pub fn fill_visit_ids(path: String, visits: &ChildVisits) -> String {
    path.replace("{visit_id}", &visits.visit.to_string())
        .replace("{session_id}", &visits.session.to_string())
        .replace("{entry_id}", &visits.entry.to_string())
}

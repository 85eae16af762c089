//! Who may use which route: every route the router has, against every persona,
//! answers as its rule in `carryover_domain::access::RULES` says.

use std::collections::BTreeSet;
use std::time::Instant;

use carryover::routes;
use carryover_domain::{
    access::{ChildTie, RULES, Verdict, open_before_second_factor, rule_for},
    people::Role,
};
use carryover_store::{
    Backend,
    people::{self, NewPerson},
};
use reqwest::{Method, Response, header};
use serde_json::json;
use uuid::Uuid;

use crate::helpers::{TestApp, TestClient, on_both_databases, spawn_app};
use crate::plan_world::{ChildPlan, PlanWorld};

// Issue 11: forms and ids of the joint plan's routes.
mod plan_forms;
use crate::world::{Persona, World};
use plan_forms::{carries_ids, names_sub_resource, plan_form};
// Issue 12 part A: forms and logs of the practice logs' routes.
mod practice_forms;
// Issue 12 part C: the calendar feed's link.
mod calendar_forms;
// Issue 12 part B: reflections and feedback.
mod feedback_forms;
use feedback_forms::names_feedback_resource;

/// A token that has the shape of an invitation link's but was never issued.
const UNKNOWN_TOKEN: &str = "0190f0000000700080000000000000aa.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

/// Routes that change state the other checks rely on: walked last, in this
/// order, so that every check before them finds the world as it was built.
const WALKED_LAST: &[(&str, &str)] = &[
    // Issue 11: a version is edited while open, then shared, agreed in a
    // session, confirmed (too late: already agreed), and a new one started.
    // An edit takes a shared version back to a draft, which its guardians
    // no longer see: the API's edits come after every read of the version.
    ("PUT", "/api/v1/children/{child_id}/plan/{version_id}/priorities"),
    ("POST", "/api/v1/children/{child_id}/plan/{version_id}/assignments"),
    ("PUT", "/api/v1/children/{child_id}/plan/{version_id}/assignments/{assignment_id}"),
    ("DELETE", "/api/v1/children/{child_id}/plan/{version_id}/assignments/{assignment_id}"),
    // Each page is followed by its API twin.
    ("POST", "/children/{child_id}/plan/{version_id}/share"),
    ("POST", "/api/v1/children/{child_id}/plan/{version_id}/share"),
    ("POST", "/children/{child_id}/plan/{version_id}/agree"),
    ("POST", "/api/v1/children/{child_id}/plan/{version_id}/agree"),
    ("POST", "/children/{child_id}/plan/{version_id}/confirm"),
    ("POST", "/api/v1/children/{child_id}/plan/{version_id}/confirm"),
    ("POST", "/children/{child_id}/plan/drafts"),
    ("POST", "/api/v1/children/{child_id}/plan/drafts"),
    // Issue 12 part A: a practice is logged against the agreed plan.
    ("POST", "/children/{child_id}/logs"),
    // Deactivates a spare staff member, never a persona (see `Targets`).
    ("POST", "/admin/people/{person_id}/deactivate"),
    ("POST", "/api/v1/people/{person_id}/deactivate"),
    // End the persona's own session.
    ("DELETE", "/api/v1/session"),
    ("POST", "/logout"),
];

#[test]
fn every_route_has_a_rule_and_every_rule_a_route() {
    let inventory = routes::inventory();
    let routed: BTreeSet<(&str, &str)> = inventory.iter().copied().collect();
    assert_eq!(routed.len(), inventory.len(), "the inventory lists a route twice: {inventory:?}");
    let ruled: BTreeSet<(&str, &str)> = RULES.iter().map(|r| (r.method, r.path)).collect();
    let without_rule: Vec<String> =
        routed.difference(&ruled).map(|(m, p)| format!("{m} {p}")).collect();
    let without_route: Vec<String> =
        ruled.difference(&routed).map(|(m, p)| format!("{m} {p}")).collect();
    assert!(
        without_rule.is_empty() && without_route.is_empty(),
        "routes without a rule (the guard refuses them): {without_rule:#?}\n\
         rules without a route (stale, or a typo in the path): {without_route:#?}"
    );
    for last in WALKED_LAST {
        assert!(routed.contains(last), "WALKED_LAST names {last:?}, which is not routed");
    }
}

#[test]
fn every_rule_about_one_child_leaves_an_audit_row() {
    let unaudited: Vec<String> = RULES
        .iter()
        .filter(|r| r.who.needs_child_tie() && r.audits.is_none())
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    assert!(unaudited.is_empty(), "routes about one child that leave no audit row: {unaudited:?}");
}

/// What a request came back as, in the terms of a `Verdict`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// Sent to the sign-in page.
    SignIn,
    /// 404, as if the route did not exist.
    Hidden,
    /// Reached the handler: a page, a redirect elsewhere, or a 4xx about the input.
    Served,
    /// Sent to enrol a second factor first (staff of a clinic that requires one).
    Enrol,
}

fn expected(verdict: Verdict) -> Class {
    match verdict {
        Verdict::Allow => Class::Served,
        Verdict::SignIn => Class::SignIn,
        Verdict::Hide => Class::Hidden,
    }
}

/// What the walk keeps of an answer.
struct Answer {
    status: reqwest::StatusCode,
    location: Option<String>,
    ends_session: bool,
    is_api: bool,
    body: String,
}

impl Answer {
    async fn of(response: Response) -> Answer {
        let status = response.status();
        let location =
            response.headers().get(header::LOCATION).map(|l| l.to_str().unwrap().to_owned());
        // Signing out also answers 303 to /login, but ends the session as it does.
        let ends_session = response.headers().get_all(header::SET_COOKIE).iter().any(|c| {
            let c = c.to_str().unwrap();
            c.starts_with("__Host-carryover=;") && c.contains("Max-Age=0")
        });
        let is_api = response.url().path().starts_with("/api/");
        let body = response.text().await.unwrap_or_default();
        Answer { status, location, ends_session, is_api, body }
    }
}

/// Classifies an answer; `Err` for one that fits no class (a 5xx).
fn classify(answer: &Answer) -> Result<Class, String> {
    let status = answer.status;
    let location = answer.location.clone();
    if status.is_server_error() {
        return Err(format!("{status}"));
    }
    if status == 404 {
        return Ok(Class::Hidden);
    }
    if status == 303
        && location.as_deref().is_some_and(|l| l.starts_with("/account/two-factor?required"))
    {
        return Ok(Class::Enrol);
    }
    if answer.is_api && status == 403 && answer.body.contains("second_factor_required") {
        return Ok(Class::Enrol);
    }
    // The API answers "sign in first" with a 401 whose code says so (a wrong
    // password is another code, from a handler).
    if answer.is_api && status == 401 {
        let problem: serde_json::Value = serde_json::from_str(&answer.body)
            .map_err(|e| format!("401 without a problem body: {e}"))?;
        if problem["code"] == "unauthorized" {
            return Ok(Class::SignIn);
        }
    }
    let ends_session = answer.ends_session;
    if status == 303
        && location.as_deref().is_some_and(|l| l.starts_with("/login"))
        && !ends_session
    {
        return Ok(Class::SignIn);
    }
    Ok(Class::Served)
}

fn describe(answer: &Answer) -> String {
    let location = answer.location.as_ref().map(|l| format!(" → {l}")).unwrap_or_default();
    format!("{}{location}", answer.status)
}

/// The caller's role and tie to `child`, as the guard should find them.
/// `None` for a caller who is not signed in (the deactivated persona's session
/// was ended when they were deactivated).
fn role_and_tie(world: &World, persona: Persona, child: Uuid) -> Option<(Role, Option<ChildTie>)> {
    let own = child == world.child;
    let tie = match persona {
        // The password step alone is no sign-in.
        Persona::Anonymous | Persona::Deactivated | Persona::AwaitingCode => return None,
        Persona::Admin => Some(ChildTie::ClinicAdmin),
        Persona::Guardian if own => Some(ChildTie::Guardian),
        Persona::Helper if own => Some(ChildTie::Helper),
        Persona::TeamTherapist | Persona::Unenrolled if own => Some(ChildTie::CareTeam),
        Persona::OtherGuardian if !own => Some(ChildTie::Guardian),
        Persona::OtherTherapist if !own => Some(ChildTie::CareTeam),
        _ => None,
    };
    Some((world.person(persona).role, tie))
}

/// Staff members who are no persona, one per clinic, for `{person_id}`: so
/// that deactivating one changes nothing another check relies on, and so
/// that an admin's `{person_id}` is a person of their own clinic (what the
/// rule `Admin` speaks of; other clinics' people are a test of their own below).
struct Targets {
    spare_a: Uuid,
    spare_b: Uuid,
    /// Two API tokens of each signed-in persona: one for each revoke route.
    tokens: std::collections::BTreeMap<Persona, Vec<Uuid>>,
    /// Issue 12 part C: a live calendar feed link, for `{feed}`.
    feed: String,
}

impl Targets {
    async fn add(app: &TestApp, world: &World) -> Targets {
        let now = app.clock_now();
        let mut tx = app.db.begin_write().await.unwrap();
        let spare = |clinic_id: Uuid, name: &'static str| NewPerson {
            clinic_id,
            email: format!("{}@example.org", name.to_lowercase().replace(' ', ".")),
            display_name: name.into(),
            role: Role::Therapist,
            lang: "en".into(),
        };
        let a = spare(world.clinic, "Spare Staff A");
        let b = spare(world.person(Persona::ForeignAdmin).clinic_id, "Spare Staff B");
        let spare_a = people::insert_person(&mut tx, &a, now).await.unwrap().person_id;
        let spare_b = people::insert_person(&mut tx, &b, now).await.unwrap().person_id;
        carryover_store::commit(tx).await.unwrap();
        let mut tokens = std::collections::BTreeMap::new();
        for persona in Persona::ALL {
            // The signed out make none (nor the password step alone).
            if matches!(persona, Persona::Anonymous | Persona::Deactivated | Persona::AwaitingCode)
            {
                continue;
            }
            let client = world.client(persona);
            for name in ["walk one", "walk two"] {
                let made =
                    client.post_form("/account/tokens", &[("name", name), ("days", "30")]).await;
                assert_eq!(made.status(), 200, "{persona:?} makes a token");
            }
            let page = client.get("/account/tokens").await.text().await.unwrap();
            let ids: Vec<Uuid> = page
                .match_indices("/account/tokens/")
                .filter_map(|(at, _)| Uuid::parse_str(&page[at + 16..at + 52]).ok())
                .collect();
            assert_eq!(ids.len(), 2, "{persona:?}: {page}");
            tokens.insert(persona, ids);
        }
        let feed = calendar_forms::spare_feed(app, world.clinic, spare_a).await;
        Targets { spare_a, spare_b, tokens, feed }
    }

    /// The persona's own token for a revoke route (any id for the signed out).
    fn token_for(&self, persona: Persona, template: &str) -> Uuid {
        let index = usize::from(template.starts_with("/api/"));
        self.tokens.get(&persona).map_or_else(Uuid::now_v7, |ids| ids[index])
    }

    fn person_for(&self, world: &World, persona: Persona) -> Uuid {
        match persona {
            Persona::Anonymous => self.spare_a,
            p if world.person(p).clinic_id == world.clinic => self.spare_a,
            _ => self.spare_b,
        }
    }
}

/// What a path's parameters are filled with, besides the child.
struct Fill<'a> {
    person: Uuid,
    /// The joint plan's things of the child whose ids the path names: the
    /// child of `{child_id}`, or another child for the cross-child pass.
    plan: &'a ChildPlan,
    strategy: Uuid,
    persona: Persona,
    /// The persona's own API token, for the revoke routes.
    token: Uuid,
    /// Issue 12 part C: a live calendar feed link.
    feed: &'a str,
    /// Issue 13: the planned visit, record and entry of the path's child.
    visits: &'a crate::visit_world::ChildVisits,
}

fn fill(method: &str, template: &str, child: Uuid, with: &Fill) -> String {
    // Removing an assignment twice finds nothing the second time: each
    // persona allowed to remove one removes its own, through the page or
    // through the API.
    let removes_by_page = template.ends_with("/remove");
    let removes_by_api = method == "DELETE" && template.ends_with("{assignment_id}");
    let assignment = match (removes_by_page, removes_by_api, with.persona) {
        (true, _, Persona::Admin) => with.plan.assignments[2],
        (true, _, _) => with.plan.assignments[1],
        (_, true, Persona::Admin) => with.plan.assignments[4],
        (_, true, _) => with.plan.assignments[3],
        _ => with.plan.assignments[0],
    };
    let path = template
        .replace("{child_id}", &child.to_string())
        .replace("{person_id}", &with.person.to_string())
        .replace("{token}", UNKNOWN_TOKEN)
        .replace("{token_id}", &with.token.to_string())
        .replace("{feed}", with.feed)
        .replace("{goal_id}", &with.plan.goal.to_string())
        .replace("{routine}", &with.plan.routine.to_string())
        .replace("{version_id}", &with.plan.version.to_string())
        .replace("{assignment_id}", &assignment.to_string())
        .replace("{slug}", "first-then-board")
        .replace("{strategy_id}", &with.strategy.to_string())
        .replace(
            "{log_id}",
            &practice_forms::log_for(method, template, with.plan.child).to_string(),
        )
        .replace("{reflection_id}", &with.plan.reflection.to_string());
    let path = crate::visit_world::fill_visit_ids(path, with.visits);
    if let Some(start) = path.find('{') {
        let name = &path[start..];
        panic!("{template}: the walk does not know how to fill {name}; teach `fill` about it");
    }
    path
}

/// The smallest form each POST accepts as well-formed (empty where an empty
/// form is refused by the handler, which is an answer the walk accepts).
/// Ids in a form are `body`'s: the path's child's, or another child's.
fn minimal_form(path: &str, body: &ChildPlan) -> Vec<(String, String)> {
    let pairs: &[(&str, &str)] = match path {
        "/lang" => &[("lang", "en"), ("next", "/")],
        _ => &[],
    };
    let mut form: Vec<(String, String)> =
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    form.extend(plan_form(path, body));
    form.extend(practice_forms::practice_form(path, body));
    form
}

/// How a route is walked: as routed, or with another child's ids in the
/// path (and form), or in the form only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pass {
    AsRouted,
    OtherChildsPath,
    OtherChildsForm,
}

async fn send(
    client: &TestClient,
    method: &str,
    path: &str,
    template: &str,
    body: &ChildPlan,
) -> Response {
    if template.starts_with("/api/") && method != "GET" {
        // An empty JSON object: handlers refuse it field by field (422), which
        // shows they were reached.
        let m = Method::from_bytes(method.as_bytes()).unwrap();
        return client.send_json(m, path, &serde_json::json!({})).await;
    }
    match method {
        // The scraper's token: without it /metrics is no page at all.
        "GET" if path == "/metrics" => {
            let bearer = format!("Bearer {}", crate::helpers::TEST_METRICS_TOKEN);
            client.send(client.request(Method::GET, path).header("authorization", bearer)).await
        }
        "GET" => client.get(path).await,
        "POST" => {
            let form = minimal_form(template, body);
            let pairs: Vec<(&str, &str)> =
                form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            client.post_form(path, &pairs).await
        }
        other => {
            let m = Method::from_bytes(other.as_bytes()).unwrap();
            client.send(client.request(m, path)).await
        }
    }
}

async fn every_route_answers_every_persona_as_its_rule_says(backend: Backend) {
    let started = Instant::now();
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let targets = Targets::add(&app, &world).await;
    // Clinic A requires a second factor: every staff persona has one but the
    // one who is `Unenrolled`, who must be sent to enrol from every route
    // that is not their own account or open to everyone.
    world.join_care_team(&app, Persona::Unenrolled).await;
    world.require_second_factor(&app).await;
    let plan = PlanWorld::build(&app, &world).await;
    practice_forms::seed_logs(&app, &world, &plan.own, &plan.other).await;
    let visits = crate::visit_world::VisitWorld::build(&app, &world).await;

    let mut walk = routes::inventory();
    walk.sort_by_key(|route| WALKED_LAST.iter().position(|last| last == route));

    let mut mismatches = Vec::new();
    let mut checks = 0;
    // Routes about one child are walked twice: with the world's child, and
    // with the other household's child of the same clinic, which most
    // personas have no tie to and must not reach (404). Routes that name a
    // child's sub-resource (a goal, a plan version …) are walked once more
    // with the world's child and the other child's sub-resource, and those
    // that carry ids in a form once more with the other child's ids there:
    // whoever may use the route then gets 404, or 422 refusing the field.
    let passes = walk.iter().flat_map(|&(method, template)| {
        let mut passes = vec![(world.child, Pass::AsRouted)];
        if template.contains("{child_id}") {
            passes.push((world.other_child, Pass::AsRouted));
        }
        if names_sub_resource(template)
            || practice_forms::names_log(template)
            || names_feedback_resource(template)
            || crate::visit_world::names_visit_resource(template)
        {
            passes.push((world.child, Pass::OtherChildsPath));
        }
        if carries_ids(method, template) || practice_forms::carries_log_ids(method, template) {
            passes.push((world.child, Pass::OtherChildsForm));
        }
        passes.into_iter().map(move |(child, pass)| (method, template, child, pass))
    });
    let passes: Vec<_> = passes.collect();
    for &(method, template, child, pass) in &passes {
        let Some(rule) = rule_for(method, template) else {
            mismatches.push(format!("{method} {template}: no rule in RULES"));
            continue;
        };
        let which = match (pass, child == world.child) {
            (Pass::AsRouted, true) => "",
            (Pass::AsRouted, false) => " (other child)",
            (Pass::OtherChildsPath, _) => " (other child's ids in the path)",
            (Pass::OtherChildsForm, _) => " (other child's ids in the form)",
        };
        let (path_plan, body_plan) = match pass {
            Pass::AsRouted => (plan.of(child), plan.of(child)),
            Pass::OtherChildsPath => (&plan.other, &plan.other),
            Pass::OtherChildsForm => (&plan.own, &plan.other),
        };
        for persona in Persona::ALL {
            checks += 1;
            let (role, tie) = role_and_tie(&world, persona, child).unzip();
            let want = if persona == Persona::Unenrolled && !open_before_second_factor(rule) {
                Class::Enrol
            } else {
                expected(rule.who.judge(role, tie.flatten()))
            };
            let with = Fill {
                person: targets.person_for(&world, persona),
                plan: path_plan,
                strategy: plan.strategy_for(&world, persona),
                persona,
                token: targets.token_for(persona, template),
                feed: &targets.feed,
                visits: visits.of(path_plan.child),
            };
            let path = fill(method, template, child, &with);
            let response = send(world.client(persona), method, &path, template, body_plan).await;
            let response = Answer::of(response).await;
            // Signing out through the API ends the session the page sign-out
            // walked after it needs: sign the persona in again.
            if (method, template) == ("DELETE", "/api/v1/session") && response.status == 204 {
                // Every refused form of the walk came from one address, which
                // the sign-in throttle has long stopped: let it sign in.
                let mut tx = app.db.begin_write().await.unwrap();
                sqlx::query("DELETE FROM sign_in_throttle").execute(&mut *tx).await.unwrap();
                carryover_store::commit(tx).await.unwrap();
                let email = &world.person(persona).email;
                crate::world::sign_in_again(&app, world.client(persona), email).await;
            }
            let status = response.status.as_u16();
            if pass != Pass::AsRouted && want == Class::Served {
                if status != 404 && status != 422 {
                    mismatches.push(format!(
                        "{method} {template}{which} {persona:?}: expected 404 or 422, got {}",
                        describe(&response)
                    ));
                }
                continue;
            }
            match classify(&response) {
                Ok(got) if got == want => {}
                Ok(got) => mismatches.push(format!(
                    "{method} {template}{which} {persona:?}: expected {want:?}, got {got:?} ({})",
                    describe(&response)
                )),
                Err(error) => mismatches.push(format!(
                    "{method} {template}{which} {persona:?}: expected {want:?}, got {error}"
                )),
            }
        }
    }
    eprintln!(
        "access walk on {backend:?}: {} routes ({} more with another child or its ids) × {} personas = {checks} checks, {} mismatches ({:.1?})",
        walk.len(),
        passes.len() - walk.len(),
        Persona::ALL.len(),
        mismatches.len(),
        started.elapsed()
    );
    assert!(
        mismatches.is_empty(),
        "{} of {checks} answers differ from the rules:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

async fn a_therapist_of_another_clinic_cannot_tell_the_child_exists(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let foreign = world.client(Persona::ForeignTherapist);
    for path in [
        format!("/children/{}", world.child),
        format!("/children/{}/access", world.child),
        format!("/admin/children/{}/audit", world.child),
    ] {
        let existing = foreign.get(&path).await;
        assert_eq!(existing.status(), 404, "{path}");
        let existing = existing.text().await.unwrap();
        assert!(!existing.contains("Mia"), "{path} names the child: {existing}");
        assert!(!existing.contains("Private note"), "{path}");

        let made_up = path.replace(&world.child.to_string(), &Uuid::now_v7().to_string());
        let missing = foreign.get(&made_up).await;
        assert_eq!(missing.status(), 404, "{made_up}");
        assert_eq!(
            missing.text().await.unwrap(),
            existing,
            "a child that exists and one that does not must look alike"
        );
    }
    let foreign_admin = world.client(Persona::ForeignAdmin);
    let response = foreign_admin.get(&format!("/children/{}", world.child)).await;
    assert_eq!(response.status(), 404);
    assert!(!response.text().await.unwrap().contains("Mia"));
}

async fn a_helper_sees_the_practice_plan_but_not_the_childs_notes(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let path = format!("/children/{}", world.child);

    let helper = world.client(Persona::Helper).get(&path).await;
    assert_eq!(helper.status(), 200);
    let helper = helper.text().await.unwrap();
    assert!(helper.contains("Mia"), "{helper}");
    assert!(helper.contains("Practice plan"), "{helper}");
    assert!(!helper.contains("Private note about sleep"), "{helper}");
    assert!(!helper.contains("2021-03-14"), "a helper sees no birth date");

    let guardian = world.client(Persona::Guardian).get(&path).await;
    assert_eq!(guardian.status(), 200);
    let guardian = guardian.text().await.unwrap();
    assert!(guardian.contains("Practice plan"));
    assert!(guardian.contains("Private note about sleep"), "{guardian}");

    let therapist = world.client(Persona::TeamTherapist).get(&path).await;
    assert!(therapist.text().await.unwrap().contains("Private note about sleep"));
}

async fn a_caregiver_cannot_reach_staff_pages(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    for persona in [Persona::Guardian, Persona::Helper] {
        let client = world.client(persona);
        for path in [
            "/households/new".to_owned(),
            "/admin/people".to_owned(),
            format!("/admin/children/{}/audit", world.child),
            format!("/admin/children/{}/audit.csv", world.child),
            format!("/admin/people/{}/audit", world.person(Persona::TeamTherapist).person_id),
        ] {
            assert_eq!(client.get(&path).await.status(), 404, "{persona:?} GET {path}");
        }
        let form = [
            ("child_name", "Sneaky"),
            ("caregiver_name", "Sam Sneaky"),
            ("caregiver_email", "sneaky@example.org"),
            ("relationship", "mother"),
            ("access", "guardian"),
        ];
        assert_eq!(client.post_form("/households", &form).await.status(), 404, "{persona:?}");
        let target = world.person(Persona::TeamTherapist).person_id;
        let deactivate = format!("/admin/people/{target}/deactivate");
        assert_eq!(client.post_form(&deactivate, &[]).await.status(), 404, "{persona:?}");
    }
    let created: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM child WHERE preferred_name = 'Sneaky'")
            .fetch_one(app.db.reader())
            .await
            .unwrap();
    assert_eq!(created, 0, "a refused form creates nothing");
    // The team therapist is still signed in: the refused deactivation did nothing.
    let team = world.client(Persona::TeamTherapist).get("/home").await;
    assert_eq!(team.status(), 200);
    // Only the /admin/children pages name a child; each refusal of those is audited.
    assert_eq!(
        app.audit_count("action = 'denied'").await,
        4,
        "two caregivers × two child audit pages"
    );
}

async fn a_helper_cannot_open_the_access_log_but_a_guardian_can(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let path = format!("/children/{}/access", world.child);
    assert_eq!(world.client(Persona::Helper).get(&path).await.status(), 404);
    assert_eq!(world.client(Persona::TeamTherapist).get(&path).await.status(), 404);
    assert_eq!(world.client(Persona::Admin).get(&path).await.status(), 404);
    assert_eq!(world.client(Persona::Guardian).get(&path).await.status(), 200);
}

async fn an_admin_of_another_clinic_cannot_reach_this_clinics_people(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let foreign_admin = world.client(Persona::ForeignAdmin);
    let team = world.person(Persona::TeamTherapist);
    for path in [
        format!("/admin/people/{}/audit", team.person_id),
        format!("/admin/people/{}/audit.csv", team.person_id),
    ] {
        let response = foreign_admin.get(&path).await;
        assert_eq!(response.status(), 404, "{path}");
        assert!(!response.text().await.unwrap().contains(&team.display_name));
    }
    for action in ["reset", "deactivate"] {
        let path = format!("/admin/people/{}/{action}", team.person_id);
        assert_eq!(foreign_admin.post_form(&path, &[]).await.status(), 404, "{path}");
    }
    let people = foreign_admin.get("/admin/people").await.text().await.unwrap();
    assert!(!people.contains(&team.display_name), "clinic B's list shows clinic A's staff");
    // Nothing happened to the therapist: still signed in.
    assert_eq!(world.client(Persona::TeamTherapist).get("/home").await.status(), 200);
}

async fn a_signed_out_visitor_is_sent_to_sign_in_and_back(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let path = format!("/children/{}", world.child);
    let response = world.client(Persona::Anonymous).get(&path).await;
    assert_eq!(response.status(), 303);
    let location = response.headers()[header::LOCATION].to_str().unwrap();
    assert_eq!(location, format!("/login?next={path}"));
    let deactivated = world.client(Persona::Deactivated).get(&path).await;
    assert_eq!(deactivated.status(), 303, "an ended session opens nothing");
    assert!(!deactivated.text().await.unwrap().contains("Mia"));
}

/// Forms that name a child's sub-resources in their body (issue 9): each is
/// sent, for the world's child, with the other family's id in that field.
/// Every persona the rule lets in must get 404 or a 422 refusing it.
const BODY_IDS: &[(&str, &str)] = &[
    ("/children/{child_id}/caregivers/remove", "person_id"),
    ("/children/{child_id}/caregivers/access", "person_id"),
    ("/admin/people/{person_id}/caseload", "children"),
    ("/api/v1/children/{child_id}/caregivers/remove", "person_id"),
    ("/api/v1/children/{child_id}/caregivers/access", "person_id"),
    ("/api/v1/people/{person_id}/caseload", "children"),
];

#[test]
fn every_form_that_names_a_childs_caregivers_is_walked_with_another_familys() {
    for rule in RULES.iter().filter(|r| r.method == "POST" && r.path.contains("/caregivers/")) {
        assert!(
            BODY_IDS.iter().any(|(path, _)| *path == rule.path),
            "{}: add it to BODY_IDS",
            rule.path
        );
    }
}

async fn another_childs_ids_in_a_form_body_find_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let stranger = world.person(Persona::OtherGuardian).person_id.to_string();
    let tara = world.person(Persona::TeamTherapist).person_id;
    let oscar = world.person(Persona::OtherTherapist).person_id.to_string();
    let other_child = world.other_child.to_string();
    let mut mismatches = Vec::new();
    for &(template, field) in BODY_IDS {
        let rule = rule_for("POST", template).unwrap();
        for persona in Persona::ALL {
            let (role, tie) = role_and_tie(&world, persona, world.child).unzip();
            if rule.who.judge(role, tie.flatten()) != Verdict::Allow {
                continue;
            }
            let path = template
                .replace("{child_id}", &world.child.to_string())
                .replace("{person_id}", &tara.to_string());
            let other = if field == "children" { &other_child } else { &stranger };
            let form: Vec<(&str, &str)> = vec![
                (field, other.as_str()),
                ("confirm", "yes"),
                ("access", "helper"),
                ("to", oscar.as_str()),
            ];
            let client = world.client(persona);
            let status = if template.starts_with("/api/") {
                let value = if field == "children" { json!([other]) } else { json!(other) };
                let body = json!({field: value, "access": "helper", "to": oscar});
                client.send_json(Method::POST, &path, &body).await.status()
            } else {
                client.post_form(&path, &form).await.status()
            };
            if ![404, 422].contains(&status.as_u16()) {
                mismatches.push(format!(
                    "POST {template} {field}=another child's, {persona:?}: {status}"
                ));
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    let access: String =
        sqlx::query_scalar("SELECT access FROM household_member WHERE person_id = $1")
            .bind(&stranger)
            .fetch_one(app.db.reader())
            .await
            .unwrap();
    assert_eq!(access, "guardian", "the other family is as it was");
}

on_both_databases!(
    another_childs_ids_in_a_form_body_find_nothing,
    every_route_answers_every_persona_as_its_rule_says,
    a_therapist_of_another_clinic_cannot_tell_the_child_exists,
    a_helper_sees_the_practice_plan_but_not_the_childs_notes,
    a_caregiver_cannot_reach_staff_pages,
    a_helper_cannot_open_the_access_log_but_a_guardian_can,
    an_admin_of_another_clinic_cannot_reach_this_clinics_people,
    a_signed_out_visitor_is_sent_to_sign_in_and_back,
);

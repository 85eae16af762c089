//! A small world with every persona the access rules speak of, each signed
//! in through the real sign-in form with their own cookies.

use std::collections::BTreeMap;

use carryover::passwords::{PasswordCost, PasswordHasher};
use carryover_domain::people::{Access, Relationship, Role};
use carryover_store::{
    NewClinic, clinic,
    people::{self, NewChild, NewMember, NewPerson, Person},
};
use uuid::Uuid;

use crate::helpers::{TestApp, TestClient};

pub const PASSWORD: &str = "long test password 42";

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Persona {
    Anonymous,
    Guardian,
    OtherGuardian,
    Helper,
    TeamTherapist,
    OtherTherapist,
    Admin,
    ForeignTherapist,
    ForeignAdmin,
    Deactivated,
    // Issue 10: a therapist on the child's care team with no second factor
    // (sent to enrol where the clinic requires one), and one who passed the
    // password step only (the session waits for a code and opens nothing).
    Unenrolled,
    AwaitingCode,
}

impl Persona {
    pub const ALL: [Persona; 12] = [
        Persona::Anonymous,
        Persona::Guardian,
        Persona::OtherGuardian,
        Persona::Helper,
        Persona::TeamTherapist,
        Persona::OtherTherapist,
        Persona::Admin,
        Persona::ForeignTherapist,
        Persona::ForeignAdmin,
        Persona::Deactivated,
        Persona::Unenrolled,
        Persona::AwaitingCode,
    ];
}

/// The authenticator secret of every staff persona given a second factor.
pub const WORLD_TOTP_SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

pub struct World {
    pub clients: BTreeMap<Persona, TestClient>,
    pub people: BTreeMap<Persona, Person>,
    /// The child the guardian, helper and team therapist are tied to.
    pub child: Uuid,
    /// A child of the other household in the same clinic.
    pub other_child: Uuid,
    pub clinic: Uuid,
}

impl World {
    pub fn client(&self, persona: Persona) -> &TestClient {
        &self.clients[&persona]
    }

    pub fn person(&self, persona: Persona) -> &Person {
        &self.people[&persona]
    }

    pub async fn build(app: &TestApp) -> World {
        let db = &app.db;
        let now = app.clock_now();
        let hash = PasswordHasher::new(PasswordCost::Fast).unwrap().hash(PASSWORD).unwrap();
        let mut tx = db.begin_write().await.unwrap();
        let new_clinic = |name: &str| NewClinic { name: name.into(), is_demo: false };
        let clinic_a = clinic::insert_clinic(&mut tx, &new_clinic("Clinic A"), now).await.unwrap();
        let clinic_b = clinic::insert_clinic(&mut tx, &new_clinic("Clinic B"), now).await.unwrap();
        let mut people_by = BTreeMap::new();
        let plan = [
            (Persona::Guardian, clinic_a.clinic_id, Role::Caregiver, "Gloria Guardian"),
            (Persona::OtherGuardian, clinic_a.clinic_id, Role::Caregiver, "Otto Otherhouse"),
            (Persona::Helper, clinic_a.clinic_id, Role::Caregiver, "Hilda Helper"),
            (Persona::TeamTherapist, clinic_a.clinic_id, Role::Therapist, "Tara Team"),
            (Persona::OtherTherapist, clinic_a.clinic_id, Role::Therapist, "Oscar Offteam"),
            (Persona::Admin, clinic_a.clinic_id, Role::Admin, "Ada Admin"),
            (Persona::ForeignTherapist, clinic_b.clinic_id, Role::Therapist, "Fiona Foreign"),
            (Persona::ForeignAdmin, clinic_b.clinic_id, Role::Admin, "Felix Foreign"),
            (Persona::Deactivated, clinic_a.clinic_id, Role::Therapist, "Dora Deactivated"),
            (Persona::Unenrolled, clinic_a.clinic_id, Role::Therapist, "Umberto Unenrolled"),
            (Persona::AwaitingCode, clinic_a.clinic_id, Role::Therapist, "Wanda Waiting"),
        ];
        for (persona, clinic_id, role, name) in plan {
            let email = format!("{}@example.org", name.split(' ').next().unwrap().to_lowercase());
            let new =
                NewPerson { clinic_id, email, display_name: name.into(), role, lang: "en".into() };
            let person = people::insert_person(&mut tx, &new, now).await.unwrap();
            people::set_password(&mut tx, clinic_id, person.person_id, &hash).await.unwrap();
            assert!(people::claim_sign_in_email(&mut tx, &person).await.unwrap());
            people_by.insert(persona, Person { has_password: true, ..person });
        }
        let id = |p: Persona| people_by[&p].person_id;
        let a = clinic_a.clinic_id;
        let home = people::insert_household(&mut tx, a, "Guardian family", now).await.unwrap();
        member(&mut tx, a, home, id(Persona::Guardian), Relationship::Mother, Access::Guardian)
            .await;
        member(&mut tx, a, home, id(Persona::Helper), Relationship::Grandparent, Access::Helper)
            .await;
        let other_home = people::insert_household(&mut tx, a, "Other family", now).await.unwrap();
        member(
            &mut tx,
            a,
            other_home,
            id(Persona::OtherGuardian),
            Relationship::Father,
            Access::Guardian,
        )
        .await;
        let child = new_child(&mut tx, a, home, "Mia").await;
        let other_child = new_child(&mut tx, a, other_home, "Leo").await;
        // Both clinics start without the second-factor requirement; tests of
        // it turn it on (`World::require_second_factor`).
        for clinic in [clinic_a.clinic_id, clinic_b.clinic_id] {
            clinic::set_second_factor_required(&mut tx, clinic, false).await.unwrap();
        }
        give_second_factor(&mut tx, a, id(Persona::AwaitingCode)).await;
        for therapist in [Persona::TeamTherapist, Persona::Deactivated] {
            people::insert_care_team_member(
                &mut tx,
                a,
                child,
                id(therapist),
                therapist == Persona::TeamTherapist,
                now,
            )
            .await
            .unwrap();
        }
        people::insert_care_team_member(
            &mut tx,
            a,
            other_child,
            id(Persona::OtherTherapist),
            true,
            now,
        )
        .await
        .unwrap();
        carryover_store::commit(tx).await.unwrap();

        let mut clients = BTreeMap::new();
        clients.insert(Persona::Anonymous, app.new_client());
        for (persona, person) in &people_by {
            let client = app.new_client();
            let response = sign_in(&client, &person.email).await;
            let waits = response.headers()["location"].to_str().unwrap().starts_with("/login/code");
            assert_eq!(waits, *persona == Persona::AwaitingCode, "{persona:?}");
            clients.insert(*persona, client);
        }
        // The deactivated therapist keeps the cookie of a session that deactivation ended.
        let mut tx = db.begin_write().await.unwrap();
        people::deactivate(&mut tx, a, id(Persona::Deactivated)).await.unwrap();
        carryover_store::session::end_all_sessions(&mut tx, a, id(Persona::Deactivated), now)
            .await
            .unwrap();
        carryover_store::commit(tx).await.unwrap();
        World { clients, people: people_by, child, other_child, clinic: a }
    }
}

impl World {
    /// Puts a therapist persona on the care team of the world's child (the
    /// second-factor personas join no team unless a test asks).
    pub async fn join_care_team(&self, app: &TestApp, persona: Persona) {
        let mut tx = app.db.begin_write().await.unwrap();
        let therapist = self.person(persona).person_id;
        people::insert_care_team_member(
            &mut tx,
            self.clinic,
            self.child,
            therapist,
            false,
            app.clock_now(),
        )
        .await
        .unwrap();
        carryover_store::commit(tx).await.unwrap();
    }

    /// Turns on clinic A's second-factor requirement, with every staff
    /// persona of clinic A enrolled but the one who is `Unenrolled`. Their
    /// sessions stay as they are.
    pub async fn require_second_factor(&self, app: &TestApp) {
        let mut tx = app.db.begin_write().await.unwrap();
        for persona in [Persona::TeamTherapist, Persona::OtherTherapist, Persona::Admin] {
            give_second_factor(&mut tx, self.clinic, self.person(persona).person_id).await;
        }
        clinic::set_second_factor_required(&mut tx, self.clinic, true).await.unwrap();
        carryover_store::commit(tx).await.unwrap();
    }
}

/// A confirmed authenticator with [`WORLD_TOTP_SECRET`], no code used yet.
pub async fn give_second_factor(
    tx: &mut carryover_store::WriteTx,
    clinic_id: Uuid,
    person_id: Uuid,
) {
    use carryover_store::second_factor;
    let now = time::OffsetDateTime::now_utc();
    assert!(
        second_factor::start_enrolment(tx, clinic_id, person_id, WORLD_TOTP_SECRET, now)
            .await
            .unwrap()
    );
    sqlx::query("UPDATE second_factor SET confirmed_at = '2026-11-01T00:00:00.000000Z' WHERE clinic_id = $1 AND person_id = $2")
        .bind(clinic_id.to_string())
        .bind(person_id.to_string())
        .execute(&mut **tx)
        .await
        .unwrap();
}

/// Signs in through both steps for a persona given [`WORLD_TOTP_SECRET`].
pub async fn sign_in_again(app: &TestApp, client: &TestClient, email: &str) {
    let response = sign_in(client, email).await;
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    if location.starts_with("/login/code") {
        let secret = carryover_domain::second_factor::TotpSecret::parse(WORLD_TOTP_SECRET).unwrap();
        let code = secret.code_at(app.clock_now().unix_timestamp() as u64);
        let passed = client.post_form("/login/code", &[("code", &code), ("next", "/home")]).await;
        assert_eq!(passed.status(), 303, "{email} passes the code step");
    }
}

async fn member(
    tx: &mut carryover_store::WriteTx,
    clinic_id: Uuid,
    household_id: Uuid,
    person_id: Uuid,
    relationship: Relationship,
    access: Access,
) {
    let new = NewMember { clinic_id, household_id, person_id, relationship, access };
    people::insert_member(tx, &new, time::OffsetDateTime::now_utc()).await.unwrap();
}

async fn new_child(
    tx: &mut carryover_store::WriteTx,
    clinic_id: Uuid,
    household_id: Uuid,
    name: &str,
) -> Uuid {
    let new = NewChild {
        clinic_id,
        household_id,
        preferred_name: name.into(),
        date_of_birth: Some("2021-03-14".into()),
        home_languages: "en".into(),
        notes: "Private note about sleep".into(),
    };
    people::insert_child(tx, &new, time::OffsetDateTime::now_utc()).await.unwrap()
}

pub async fn sign_in(client: &TestClient, email: &str) -> reqwest::Response {
    let response = client
        .post_form("/login", &[("email", email), ("password", PASSWORD), ("next", "/home")])
        .await;
    assert_eq!(response.status(), 303, "{email} signs in");
    response
}

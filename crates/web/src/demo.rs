//! The demo clinic that `serve --demo` creates on an empty database: an
//! admin, two therapists with separate caseloads, and five families — one
//! with two children, one with a grandparent as helper, one reading Spanish.

use carryover_domain::people::{Access, Relationship, Role};
use carryover_store::{
    Db, NewClinic, StoreError,
    people::{self, NewChild, NewPerson, Person},
};
use rand::Rng;
use secrecy::{ExposeSecret, SecretString};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::auth::password::PasswordHasher;

pub const DEMO_CLINIC_NAME: &str = "Sunrise Pediatric Therapy (demo)";

/// Shown in the password column on starts after the first.
pub const SET_AT_FIRST_START: &str = "(set at first start)";

#[derive(Debug)]
pub struct DemoAccount {
    /// admin, therapist, caregiver (a guardian) or helper.
    pub label: &'static str,
    pub email: String,
    pub password: String,
}

#[derive(Debug)]
pub struct DemoSeed {
    /// True when this start created the demo data.
    pub created: bool,
    pub accounts: Vec<DemoAccount>,
}

impl DemoSeed {
    /// The lines `serve --demo` prints once the server is ready.
    pub fn lines(&self) -> Vec<String> {
        self.accounts
            .iter()
            .map(|a| format!("demo {}: {} {}", a.label, a.email, a.password))
            .collect()
    }
}

struct Staff {
    name: &'static str,
    email: &'static str,
    role: Role,
}

const STAFF: [Staff; 3] = [
    Staff { name: "Morgan Lee", email: "admin@example.org", role: Role::Admin },
    Staff { name: "Priya Shah", email: "therapist@example.org", role: Role::Therapist },
    Staff { name: "Jordan Miller", email: "therapist2@example.org", role: Role::Therapist },
];

struct Family {
    /// Index into STAFF of the primary therapist.
    therapist: usize,
    caregivers: &'static [(&'static str, &'static str, Relationship, Access, &'static str)],
    children: &'static [(&'static str, &'static str, &'static str)],
}

const FAMILIES: [Family; 5] = [
    Family {
        therapist: 1,
        caregivers: &[(
            "Ana Rivera",
            "ana.rivera@example.org",
            Relationship::Mother,
            Access::Guardian,
            "en",
        )],
        children: &[("Mia", "2021-03-14", "English")],
    },
    Family {
        therapist: 1,
        caregivers: &[(
            "Wei Chen",
            "wei.chen@example.org",
            Relationship::Father,
            Access::Guardian,
            "en",
        )],
        children: &[
            ("Leo", "2019-08-02", "English, Mandarin"),
            ("Ava", "2022-01-20", "English, Mandarin"),
        ],
    },
    Family {
        therapist: 1,
        caregivers: &[(
            "Grace Okafor",
            "grace.okafor@example.org",
            Relationship::Mother,
            Access::Guardian,
            "en",
        )],
        children: &[("Sam", "2020-11-09", "English")],
    },
    Family {
        therapist: 2,
        caregivers: &[
            ("Emma Brown", "emma.brown@example.org", Relationship::Mother, Access::Guardian, "en"),
            (
                "Ruth Brown",
                "ruth.brown@example.org",
                Relationship::Grandparent,
                Access::Helper,
                "en",
            ),
        ],
        children: &[("Noah", "2020-05-30", "English")],
    },
    Family {
        therapist: 2,
        caregivers: &[(
            "Lucía García",
            "lucia.garcia@example.org",
            Relationship::Mother,
            Access::Guardian,
            "es",
        )],
        children: &[("Sofía", "2021-07-11", "Spanish, English")],
    },
];

/// A random password that passes the password rule: 16 letters and digits in groups.
fn random_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rng();
    (0..4)
        .map(|_| {
            (0..4)
                .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// Fills an empty database with the demo clinic; on a filled one, only lists
/// the demo accounts again.
pub async fn seed_if_empty(
    db: &Db,
    now: OffsetDateTime,
    password: Option<&SecretString>,
    hasher: &PasswordHasher,
) -> anyhow::Result<DemoSeed> {
    if db.count_clinics().await? > 0 {
        return existing(db, password, hasher).await;
    }
    let mut planned: Vec<(NewPerson, &'static str, String)> = Vec::new();
    let mut person = |name: &str, email: &str, role: Role, lang: &str, label: &'static str| {
        let secret = password.map_or_else(random_password, |p| p.expose_secret().to_owned());
        let new = NewPerson {
            clinic_id: Uuid::nil(),
            email: email.into(),
            display_name: name.into(),
            role,
            lang: lang.into(),
        };
        planned.push((new, label, secret));
    };
    for s in &STAFF {
        person(s.name, s.email, s.role, "en", s.role.as_str());
    }
    for family in &FAMILIES {
        for (name, email, _, access, lang) in family.caregivers {
            let label = if *access == Access::Helper { "helper" } else { "caregiver" };
            person(name, email, Role::Caregiver, lang, label);
        }
    }
    // One shared password needs one hash; random ones are hashed side by side.
    let hashes: Vec<String> = match password {
        Some(p) => vec![hasher.hash_blocking(p.expose_secret().to_owned()).await?; planned.len()],
        None => {
            let jobs: Vec<_> =
                planned.iter().map(|(_, _, secret)| hasher.hash_blocking(secret.clone())).collect();
            let mut hashes = Vec::new();
            for job in jobs {
                hashes.push(job.await?);
            }
            hashes
        }
    };

    let mut tx = db.begin_write().await?;
    let clinic = NewClinic { name: DEMO_CLINIC_NAME.into(), is_demo: true };
    let clinic = match Db::insert_clinic(&mut tx, &clinic, Uuid::now_v7(), now).await {
        Ok(clinic) => clinic,
        // Another process seeded it a moment ago.
        Err(StoreError::Conflict { .. }) => return existing(db, password, hasher).await,
        Err(e) => return Err(e.into()),
    };
    let mut stored: Vec<Person> = Vec::new();
    for ((new, _, _), hash) in planned.iter().zip(&hashes) {
        let new = NewPerson { clinic_id: clinic.clinic_id, ..new.clone() };
        let person = people::insert_person(&mut tx, &new, now).await?;
        people::set_password(&mut tx, person.person_id, hash).await?;
        stored.push(person);
    }
    let by_email = |email: &str| stored.iter().find(|p| p.email == email).map(|p| p.person_id);
    for family in &FAMILIES {
        let household =
            people::insert_household(&mut tx, clinic.clinic_id, family.caregivers[0].0, now)
                .await?;
        for (_, email, relationship, access, _) in family.caregivers {
            let id = by_email(email).ok_or_else(|| anyhow::anyhow!("demo caregiver {email}"))?;
            people::insert_member(
                &mut tx,
                clinic.clinic_id,
                household,
                id,
                *relationship,
                *access,
                now,
            )
            .await?;
        }
        let therapist = by_email(STAFF[family.therapist].email)
            .ok_or_else(|| anyhow::anyhow!("demo therapist"))?;
        for (name, birth, languages) in family.children {
            let child = NewChild {
                clinic_id: clinic.clinic_id,
                household_id: household,
                preferred_name: (*name).into(),
                date_of_birth: Some((*birth).into()),
                home_languages: (*languages).into(),
                notes: "Loves music; transitions are hard in the morning.".into(),
            };
            let child_id = people::insert_child(&mut tx, &child, now).await?;
            people::insert_care_team_member(
                &mut tx,
                clinic.clinic_id,
                child_id,
                therapist,
                true,
                now,
            )
            .await?;
        }
    }
    carryover_store::commit(tx).await?;
    let accounts = planned
        .into_iter()
        .map(|(new, label, password)| DemoAccount { label, email: new.email, password })
        .collect();
    Ok(DemoSeed { created: true, accounts })
}

/// The demo accounts of an earlier start. Their passwords were printed then;
/// `CARRYOVER_DEMO_PASSWORD` is shown only if it is still every account's password.
async fn existing(
    db: &Db,
    password: Option<&SecretString>,
    hasher: &PasswordHasher,
) -> anyhow::Result<DemoSeed> {
    let Some(clinic) = db.demo_clinic().await? else {
        return Ok(DemoSeed { created: false, accounts: Vec::new() });
    };
    let mut conn = db.read_conn().await?;
    // The admin's password stands for all: they were set together.
    let admin = people::person_by_email(&mut conn, STAFF[0].email).await?;
    let admin_hash = admin.and_then(|(_, hash)| hash);
    let shown = match password {
        Some(p) if hasher.verify_blocking(p.expose_secret().to_owned(), admin_hash).await => {
            p.expose_secret().to_owned()
        }
        _ => SET_AT_FIRST_START.to_owned(),
    };
    let mut accounts = Vec::new();
    for person in people::people_of_clinic(&mut conn, clinic.clinic_id).await? {
        let Some(label) = demo_label(&person) else {
            continue;
        };
        accounts.push(DemoAccount { label, email: person.email, password: shown.clone() });
    }
    // The order of the first start: staff, then each family's caregivers.
    let seed_order: Vec<&str> = STAFF
        .iter()
        .map(|s| s.email)
        .chain(FAMILIES.iter().flat_map(|f| f.caregivers.iter().map(|c| c.1)))
        .collect();
    accounts.sort_by_key(|a| seed_order.iter().position(|e| *e == a.email));
    Ok(DemoSeed { created: false, accounts })
}

fn demo_label(person: &Person) -> Option<&'static str> {
    let caregiver = FAMILIES.iter().flat_map(|f| f.caregivers.iter()).find(|c| c.1 == person.email);
    match (person.role, caregiver) {
        (Role::Admin, _) => Some("admin"),
        (Role::Therapist, _) => Some("therapist"),
        (Role::Caregiver, Some(c)) if c.3 == Access::Helper => Some("helper"),
        (Role::Caregiver, Some(_)) => Some("caregiver"),
        (Role::Caregiver, None) => None,
    }
}

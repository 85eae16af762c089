//! The demo clinic that `serve --demo` creates on an empty database: an
//! admin, three therapists (one whose caseload was moved), and six families —
//! one with two children, one with a grandparent as helper, one reading
//! Spanish, one whose helper was removed, one whose child was discharged.

use carryover_domain::people::{Access, Relationship, Role};
use carryover_ops::passwords::PasswordHasher;
use carryover_store::{
    Db, NewClinic, clinic, constraint,
    people::{self, NewChild, NewMember, NewPerson, Person},
};
use rand::Rng;
use secrecy::{ExposeSecret, SecretString};
use time::OffsetDateTime;

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

const STAFF: [Staff; 4] = [
    Staff { name: "Morgan Lee", email: "admin@example.org", role: Role::Admin },
    Staff { name: "Priya Shah", email: "therapist@example.org", role: Role::Therapist },
    Staff { name: "Jordan Miller", email: "therapist2@example.org", role: Role::Therapist },
    // On leave: the admin moved her caseload to Jordan Miller (see demo_history).
    Staff { name: "Alex Kim", email: "therapist3@example.org", role: Role::Therapist },
];

type Caregiver = (&'static str, &'static str, Relationship, Access, &'static str);

struct Family {
    /// Index into STAFF of the primary therapist.
    therapist: usize,
    caregivers: &'static [Caregiver],
    children: &'static [(&'static str, &'static str, &'static str)],
}

const FAMILIES: [Family; 6] = [
    Family {
        therapist: 1,
        caregivers: &[(
            "Ana Rivera",
            "ana.rivera@example.org",
            Relationship::Mother,
            Access::Guardian,
            "en",
        )],
        children: &[("Mia", "2021-03-14", "en")],
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
        children: &[("Leo", "2019-08-02", "en,zh"), ("Ava", "2022-01-20", "en,zh")],
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
        children: &[("Sam", "2020-11-09", "en")],
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
        children: &[("Noah", "2020-05-30", "en")],
    },
    Family {
        // Alex Kim's until her caseload moved to Jordan Miller (demo_history).
        therapist: 3,
        caregivers: &[(
            "Lucía García",
            "lucia.garcia@example.org",
            Relationship::Mother,
            Access::Guardian,
            "es",
        )],
        children: &[("Sofía", "2021-07-11", "es,en")],
    },
    Family {
        // Omar was discharged two months ago (demo_history).
        therapist: 1,
        caregivers: &[(
            "Amina Hassan",
            "amina.hassan@example.org",
            Relationship::Mother,
            Access::Guardian,
            "en",
        )],
        children: &[("Omar", "2019-02-03", "so,en")],
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
    let mut planned: Vec<(&'static str, &'static str, Role, &'static str, &'static str, String)> =
        Vec::new();
    for s in &STAFF {
        planned.push((s.name, s.email, s.role, "en", s.role.as_str(), String::new()));
    }
    for family in &FAMILIES {
        for (name, email, _, access, lang) in family.caregivers {
            let label = if *access == Access::Helper { "helper" } else { "caregiver" };
            planned.push((name, email, Role::Caregiver, lang, label, String::new()));
        }
    }
    for entry in &mut planned {
        entry.5 = password.map_or_else(random_password, |p| p.expose_secret().to_owned());
    }
    // One shared password needs one hash; random ones are hashed one by one.
    let mut hashes = Vec::new();
    match password {
        Some(p) => {
            let hash = hasher.hash_blocking(p.expose_secret().to_owned()).await?;
            hashes.resize(planned.len(), hash);
        }
        None => {
            for entry in &planned {
                hashes.push(hasher.hash_blocking(entry.5.clone()).await?);
            }
        }
    }

    let mut tx = db.begin_write().await?;
    let new_clinic = NewClinic { name: DEMO_CLINIC_NAME.into(), is_demo: true };
    let demo = match clinic::insert_clinic(&mut tx, &new_clinic, now).await {
        Ok(demo) => demo,
        // Another process seeded it a moment ago.
        Err(e) if e.is_conflict_on(constraint::CLINIC_ONE_DEMO) => {
            drop(tx);
            return existing(db, password, hasher).await;
        }
        Err(e) => return Err(e.into()),
    };
    let clinic_id = demo.clinic_id;
    let mut stored: Vec<Person> = Vec::new();
    for ((name, email, role, lang, _, _), hash) in planned.iter().zip(&hashes) {
        let new = NewPerson {
            clinic_id,
            email: (*email).into(),
            display_name: (*name).into(),
            role: *role,
            lang: (*lang).into(),
        };
        let person = people::insert_person(&mut tx, &new, now).await?;
        people::set_password(&mut tx, clinic_id, person.person_id, hash).await?;
        if !people::claim_sign_in_email(&mut tx, &person).await? {
            anyhow::bail!("the demo address {email} already signs someone in");
        }
        stored.push(person);
    }
    let by_email = |email: &str| stored.iter().find(|p| p.email == email).map(|p| p.person_id);
    let mut children = Vec::new();
    for family in &FAMILIES {
        let household =
            people::insert_household(&mut tx, clinic_id, family.caregivers[0].0, now).await?;
        for (_, email, relationship, access, _) in family.caregivers {
            let person_id =
                by_email(email).ok_or_else(|| anyhow::anyhow!("demo caregiver {email}"))?;
            let member = NewMember {
                clinic_id,
                household_id: household,
                person_id,
                relationship: *relationship,
                access: *access,
            };
            people::insert_member(&mut tx, &member, now).await?;
        }
        let therapist = by_email(STAFF[family.therapist].email)
            .ok_or_else(|| anyhow::anyhow!("demo therapist"))?;
        for (name, birth, languages) in family.children {
            let child = NewChild {
                clinic_id,
                household_id: household,
                preferred_name: (*name).into(),
                date_of_birth: Some((*birth).into()),
                home_languages: (*languages).into(),
                notes: "Loves music; transitions are hard in the morning.".into(),
            };
            let child_id = people::insert_child(&mut tx, &child, now).await?;
            people::insert_care_team_member(&mut tx, clinic_id, child_id, therapist, true, now)
                .await?;
            children.push((*name, child_id));
        }
    }
    crate::demo_history::play(&mut tx, clinic_id, now).await?;
    // Issue 11: goals, ratings and plans.
    crate::demo_plan::seed(&mut tx, clinic_id, &children, &by_email, now).await?;
    // Issue 12 part A: ten weeks of practice logs.
    crate::demo_logs::seed(&mut tx, clinic_id, &children, &by_email, now).await?;
    // Issue 12 part B: reflections, flags and feedback threads.
    crate::demo_feedback::seed(&mut tx, clinic_id, &children, &by_email, now).await?;
    // Issue 13: weekly coaching visits and each child's next visit.
    crate::demo_sessions::seed(&mut tx, clinic_id, &children, now).await?;
    // Issue 14: the therapist's summaries of the progress reports.
    crate::demo_progress::seed(&mut tx, clinic_id, &children, &by_email, now).await?;
    tx.commit().await?;
    let accounts = planned
        .into_iter()
        .map(|(_, email, _, _, label, password)| DemoAccount {
            label,
            email: email.into(),
            password,
        })
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
    let Some(demo) = db.demo_clinic().await? else {
        return Ok(DemoSeed { created: false, accounts: Vec::new() });
    };
    let mut conn = db.read_conn().await?;
    // The admin's password stands for all: they were set together.
    let admin = people::account_for_sign_in(&mut conn, STAFF[0].email).await?;
    let admin_hash = admin.and_then(|a| a.password_hash);
    let shown = match password {
        Some(p) if hasher.verify_blocking(p.expose_secret().to_owned(), admin_hash).await => {
            p.expose_secret().to_owned()
        }
        _ => SET_AT_FIRST_START.to_owned(),
    };
    let mut accounts = Vec::new();
    for person in people::people_of_clinic(&mut conn, demo.clinic_id).await? {
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

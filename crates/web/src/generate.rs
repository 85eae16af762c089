//! `carryover generate --scale small|clinic|saas`: fills an empty database
//! with realistic, deterministic data for the benchmarks (issue 15).
//!
//! Everything goes through the store's own functions — the same SQL texts the
//! app's operations run — in transactions of one household each, so a clinic
//! dataset is exactly what years of use would leave. What the RNG picks
//! (names, goals, routines, how often a family practises) depends only on the
//! seed; ids are UUIDv7 made at generation time.

mod families;
mod logs;
mod names;

use anyhow::bail;
use carryover_store::Db;
use rand::{SeedableRng, rngs::StdRng};
use time::OffsetDateTime;

pub use crate::cli::progress::Progress;

/// How big a dataset to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Scale {
    /// 5 therapists, 175 households, 1 year.
    Small,
    /// 50 therapists, 2,000 households, 3 years (about 2 million practice logs).
    Clinic,
    /// 200 clinics, 2,000 therapists, 70,000 households, 1 year (about 20 million logs).
    Saas,
}

/// The numbers behind a scale.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    pub clinics: usize,
    pub therapists_per_clinic: usize,
    pub households_per_clinic: usize,
    pub weeks: i64,
    /// The first therapist of the first clinic gets this many children: the
    /// caseload the triage benchmark opens.
    pub measured_caseload: usize,
    /// Practice logs in statements of many rows (the same SQL text with
    /// more values): the saas scale's 20 million logs one statement each
    /// would take most of an hour.
    pub bulk_logs: bool,
}

impl Scale {
    pub fn shape(self) -> Shape {
        match self {
            Scale::Small => Shape {
                clinics: 1,
                therapists_per_clinic: 5,
                households_per_clinic: 175,
                weeks: 52,
                measured_caseload: 35,
                bulk_logs: false,
            },
            Scale::Clinic => Shape {
                clinics: 1,
                therapists_per_clinic: 50,
                households_per_clinic: 2_000,
                weeks: 156,
                measured_caseload: 60,
                bulk_logs: false,
            },
            Scale::Saas => Shape {
                clinics: 200,
                therapists_per_clinic: 10,
                households_per_clinic: 350,
                weeks: 52,
                measured_caseload: 60,
                bulk_logs: true,
            },
        }
    }
}

/// What was made, for the summary line.
#[derive(Debug, Default)]
pub struct Made {
    pub rows: u64,
    pub households: u64,
    pub logs: u64,
    /// The caregiver and therapist the per-request benchmark signs in as.
    pub caregiver: String,
    pub therapist: String,
    /// More of each, for the load benchmark: guardians and therapists of the first clinic.
    pub caregivers: Vec<String>,
    pub therapists: Vec<String>,
}

/// Fills `db`, which must hold no clinic yet. `password_hash` is every
/// account's (one Argon2 hash: hashing 100,000 passwords would take hours).
pub async fn generate(
    db: &Db,
    scale: Scale,
    seed: u64,
    password_hash: &str,
    now: OffsetDateTime,
    progress: &Progress,
) -> anyhow::Result<Made> {
    generate_shape(db, scale.shape(), seed, password_hash, now, progress).await
}

/// [`generate`] with numbers of one's own (tests use a tiny shape).
pub async fn generate_shape(
    db: &Db,
    shape: Shape,
    seed: u64,
    password_hash: &str,
    now: OffsetDateTime,
    progress: &Progress,
) -> anyhow::Result<Made> {
    if db.count_clinics().await? > 0 {
        bail!("the database already holds a clinic: generate fills an empty one");
    }
    let mut rng = StdRng::seed_from_u64(seed);
    let mut made = Made::default();
    progress.start((shape.clinics * shape.households_per_clinic) as u64, "households");
    for n in 0..shape.clinics {
        families::clinic(db, &shape, n, password_hash, now, &mut rng, progress, &mut made).await?;
    }
    progress.finish();
    Ok(made)
}

//! What the joint-plan operations share: which side of a child the caller is
//! on, and the clinic's "today" and COPM threshold.

use carryover_domain::{
    access::ChildTie,
    copm::{CopmThreshold, DEFAULT_COPM_THRESHOLD},
    gas::GasLevel,
    library::{PartProblem, StrategyPart},
    scale::ScaleError,
    text::ListProblem,
    zone::ClinicZone,
};
use carryover_store::{AnyConnection, clinic};
use time::{Date, OffsetDateTime};

use crate::{ChildGrant, FullGrant, OpError, Problem};

/// The care team or an admin: the clinic's side of the child.
pub(crate) fn team(grant: &ChildGrant) -> Result<FullGrant, OpError> {
    match grant.tie() {
        ChildTie::CareTeam | ChildTie::ClinicAdmin => grant.full().ok_or(OpError::NotFound),
        ChildTie::Guardian | ChildTie::Helper => Err(OpError::NotFound),
    }
}

/// Everyone but helpers.
pub(crate) fn full(grant: &ChildGrant) -> Result<FullGrant, OpError> {
    grant.full().ok_or(OpError::NotFound)
}

/// The clinic's calendar and rules, for the dates and thresholds of one request.
pub(crate) struct ClinicDay {
    pub zone: ClinicZone,
    pub today: Date,
    pub copm_threshold: CopmThreshold,
}

pub(crate) async fn clinic_day(
    conn: &mut AnyConnection,
    clinic_id: uuid::Uuid,
    now: OffsetDateTime,
) -> Result<ClinicDay, OpError> {
    let found = clinic::clinic(conn, clinic_id).await?.ok_or(OpError::NotFound)?;
    let zone = ClinicZone::parse(&found.time_zone).unwrap_or_else(ClinicZone::utc);
    let copm_threshold =
        CopmThreshold::new(i64::from(found.copm_threshold)).unwrap_or(DEFAULT_COPM_THRESHOLD);
    Ok(ClinicDay { today: zone.local_date(now), zone, copm_threshold })
}

impl From<ScaleError> for Problem {
    fn from(error: ScaleError) -> Problem {
        match error {
            ScaleError::OutOfRange { .. } => Problem::OutOfRange,
            ScaleError::NotAWholeNumber { .. } => Problem::NotAWholeNumber,
        }
    }
}

impl From<ListProblem> for Problem {
    fn from(problem: ListProblem) -> Problem {
        match problem {
            ListProblem::TooFew => Problem::TooFewItems,
            ListProblem::TooMany => Problem::TooManyItems,
            ListProblem::Item(p) => p.into(),
        }
    }
}

impl From<PartProblem> for Problem {
    fn from(problem: PartProblem) -> Problem {
        match problem {
            PartProblem::Text(p) => p.into(),
            PartProblem::List(p) => p.into(),
        }
    }
}

/// The field a strategy part is typed in, per language: `title_en`, `steps_es`.
pub(crate) fn part_field(part: StrategyPart, lang: &str) -> String {
    format!("{}_{lang}", part.as_str())
}

/// A day a rating was made: a date, and not after today.
pub(crate) fn rating_day(text: &str, today: Date) -> Result<Date, Problem> {
    let day = carryover_domain::text::parse_date(text).ok_or(Problem::InvalidDate)?;
    if day > today { Err(Problem::DateInFuture) } else { Ok(day) }
}

/// Reads a GAS level from a form ("+1", "-2") on a scale with or without −3.
pub(crate) fn gas_level(text: &str, six_level: bool) -> Result<GasLevel, Problem> {
    GasLevel::parse_text(text, six_level).map_err(Problem::from)
}

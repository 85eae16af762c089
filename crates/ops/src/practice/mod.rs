//! Practice logs (issue 12 part A): a caregiver logs a practice of an
//! assignment in three taps, corrects or deletes their own log for 24 hours,
//! and everyone tied to the child reads the logs they may see (helpers only
//! their own). The measures and the caregiver's "This week" are in `week`.

mod logs;
/// Issue 14: the triage counts the caseload's weeks with the same lines.
pub(crate) mod schedule;
mod span;
mod week;

pub use logs::{
    CorrectInput, LogForm, LogInput, LogList, LogView, correct_log, create_log, delete_log,
    list_logs, log_form, view_log,
};
pub use span::{ConfidenceWeek, ResponseWeek};
pub(crate) use span::{PracticeSpan, practice_span};
pub use week::{
    AssignmentMeasure, CaregiverLine, GridView, HomeWeek, MeasuresView, WeekCard, WeekLine,
    WeekView, home, measures, week,
};

use carryover_domain::access::ChildTie;
use carryover_store::grant::WritableGrant;

use crate::{ChildGrant, OpError, access::writable};

/// The people who log practice: the household's caregivers, helpers
/// included. The care team reads the logs; it does not make them.
pub(crate) fn caregiver_writer(grant: &ChildGrant) -> Result<WritableGrant, OpError> {
    match grant.tie() {
        ChildTie::Guardian | ChildTie::Helper => writable(grant),
        ChildTie::CareTeam | ChildTie::ClinicAdmin => Err(OpError::NotFound),
    }
}

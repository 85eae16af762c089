//! Coaching visits (issue 13): where and how long a visit is, the kinds of
//! entries a visit record holds, and which of the five steps a record
//! contains. A step counts only when it holds at least one entry with
//! something in it: an empty box ticked on a tablet is not coaching.

use time::{Date, Duration};

use crate::{
    fidelity::{CoachingStep, CoachingSteps},
    scale::bounded_scale,
};

crate::code_enum! {
    /// Where a visit happens.
    pub enum VisitSetting {
        Clinic = "clinic",
        Home = "home",
        Community = "community",
        Daycare = "daycare",
        Telehealth = "telehealth",
    }
}

crate::code_enum! {
    /// One entry of steps 2 to 5.
    pub enum EntryKind {
        /// Step 2: the therapist modelled a strategy while the caregiver watched.
        Modelled = "modelled",
        /// Step 2: the therapist observed the caregiver with the child.
        Observed = "observed",
        /// Step 3: the caregiver practised in the session.
        Action = "action",
        /// Step 4: a reflective question and the caregiver's answer.
        Reflection = "reflection",
        /// Step 5: a change to a strategy for this family, with its reason.
        Modification = "modification",
    }
}

impl EntryKind {
    pub fn step(self) -> CoachingStep {
        match self {
            EntryKind::Modelled | EntryKind::Observed => CoachingStep::Observation,
            EntryKind::Action => CoachingStep::Action,
            EntryKind::Reflection => CoachingStep::Reflection,
            EntryKind::Modification => CoachingStep::Feedback,
        }
    }
}

crate::code_enum! {
    /// A planned visit's state.
    pub enum VisitStatus {
        Scheduled = "scheduled",
        Cancelled = "cancelled",
        Held = "held",
    }
}

bounded_scale! {
    /// How long a visit lasts, in minutes: 5 minutes to 8 hours.
    pub struct VisitMinutes(u16) in 5..=480;
}

/// The text fields of a record and how long each may be.
pub const VISIT_TEXT_MAX_CHARS: usize = 4000;
pub const REASON_MAX_CHARS: usize = 500;

/// How far ahead a visit may be planned: a year. A date in year 3000 is a typo.
pub const PLAN_AHEAD_DAYS: i64 = 366;

/// Why a visit's date was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VisitDateProblem {
    /// More than a year ahead.
    TooFarAhead,
    /// More than a year back: a record is written near the visit.
    TooFarBack,
}

/// A visit date within a year either side of today.
pub fn check_visit_date(date: Date, today: Date) -> Result<Date, VisitDateProblem> {
    if date > today.saturating_add(Duration::days(PLAN_AHEAD_DAYS)) {
        Err(VisitDateProblem::TooFarAhead)
    } else if date < today.saturating_sub(Duration::days(PLAN_AHEAD_DAYS)) {
        Err(VisitDateProblem::TooFarBack)
    } else {
        Ok(date)
    }
}

/// What the fidelity rule looks at in one entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntryContent<'a> {
    pub kind: EntryKind,
    pub has_strategy: bool,
    pub notes: &'a str,
    pub has_confidence: bool,
}

impl EntryContent<'_> {
    /// An entry with something in it. A reflection counts only with the
    /// caregiver's answer: a question nobody answered is not a reflection.
    /// A modification counts only with the change written.
    pub fn is_filled(&self) -> bool {
        let written = !self.notes.trim().is_empty();
        match self.kind {
            EntryKind::Modelled | EntryKind::Observed => written || self.has_strategy,
            EntryKind::Action => written || self.has_strategy || self.has_confidence,
            EntryKind::Reflection | EntryKind::Modification => written,
        }
    }
}

/// What the fidelity rule looks at in one record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecordContent<'a> {
    pub since_last: &'a str,
    pub agenda: &'a str,
    pub goals_addressed: usize,
    pub feedback: [&'a str; 3],
    pub entries: Vec<EntryContent<'a>>,
}

/// The steps a record contains.
pub fn steps_of(record: &RecordContent<'_>) -> CoachingSteps {
    let mut steps = CoachingSteps::NONE;
    let filled = |text: &str| !text.trim().is_empty();
    if filled(record.since_last) || filled(record.agenda) || record.goals_addressed > 0 {
        steps.insert(CoachingStep::JointPlan);
    }
    if record.feedback.iter().any(|text| filled(text)) {
        steps.insert(CoachingStep::Feedback);
    }
    for entry in record.entries.iter().filter(|e| e.is_filled()) {
        steps.insert(entry.kind.step());
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn entry(kind: EntryKind, notes: &str) -> EntryContent<'_> {
        EntryContent { kind, has_strategy: false, notes, has_confidence: false }
    }

    #[test]
    fn a_record_with_something_in_each_step_has_all_five() {
        let record = RecordContent {
            since_last: "Bath went better",
            feedback: ["", "Try the timer", ""],
            entries: vec![
                EntryContent { has_strategy: true, ..entry(EntryKind::Modelled, "") },
                EntryContent { has_confidence: true, ..entry(EntryKind::Action, "") },
                entry(EntryKind::Reflection, "She waited for me"),
            ],
            ..RecordContent::default()
        };
        assert!(steps_of(&record).has_all_five());
    }

    #[test]
    fn an_empty_entry_or_blank_text_does_not_count() {
        let record = RecordContent {
            since_last: "   ",
            entries: vec![
                entry(EntryKind::Observed, " "),
                entry(EntryKind::Action, ""),
                // A question asked, never answered.
                entry(EntryKind::Reflection, ""),
                entry(EntryKind::Modification, ""),
            ],
            ..RecordContent::default()
        };
        assert_eq!(steps_of(&record), CoachingSteps::NONE);
    }

    #[test]
    fn a_modification_alone_is_feedback_and_goals_alone_are_the_joint_plan() {
        let record = RecordContent {
            goals_addressed: 1,
            entries: vec![entry(EntryKind::Modification, "Socks only")],
            ..RecordContent::default()
        };
        let steps: Vec<_> = steps_of(&record).present().collect();
        assert_eq!(steps, [CoachingStep::JointPlan, CoachingStep::Feedback]);
    }

    #[test]
    fn a_visit_is_planned_within_a_year_and_minutes_are_five_to_480() {
        let today = date!(2026 - 03 - 25);
        assert_eq!(check_visit_date(date!(2027 - 03 - 26), today), Ok(date!(2027 - 03 - 26)));
        assert_eq!(
            check_visit_date(date!(3000 - 01 - 01), today),
            Err(VisitDateProblem::TooFarAhead)
        );
        assert_eq!(
            check_visit_date(date!(2020 - 01 - 01), today),
            Err(VisitDateProblem::TooFarBack)
        );
        assert!(VisitMinutes::new(-5).is_err());
        assert!(VisitMinutes::new(4).is_err());
        assert_eq!(VisitMinutes::parse("60").unwrap().get(), 60);
        assert!(VisitMinutes::new(481).is_err());
    }
}

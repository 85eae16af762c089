//! What an operation says when it cannot do what was asked: in codes that
//! the web layer turns into translated sentences and the API returns as they are.

use carryover_domain::{
    clinic::SettingsProblem, code_enum, password::PasswordProblem, people::NameProblem,
};
use carryover_store::StoreError;

code_enum! {
    /// Why one field was refused. Each code has a message in every language
    /// (`problem-<code>` in the Fluent files).
    pub enum Problem {
        Required = "required",
        TooLong = "too_long",
        UnsafeText = "unsafe_text",
        InvalidEmail = "invalid_email",
        EmailTaken = "email_taken",
        AlreadyMember = "already_member",
        InvalidChoice = "invalid_choice",
        PasswordTooShort = "password_too_short",
        PasswordTooLong = "password_too_long",
        PasswordTooCommon = "password_too_common",
        PasswordPersonal = "password_personal",
        PasswordMismatch = "password_mismatch",
        PasswordWrong = "password_wrong",
        UnknownTimeZone = "unknown_time_zone",
        OutOfRange = "out_of_range",
        NotYourself = "not_yourself",
        // The people side (issue 9).
        InvalidDate = "invalid_date",
        LastGuardian = "last_guardian",
        LastTherapist = "last_therapist",
        NotATherapist = "not_a_therapist",
        AlreadyOnTeam = "already_on_team",
        NotOnTeam = "not_on_team",
        NotInFamily = "not_in_family",
        NotOnCaseload = "not_on_caseload",
        ChildrenNeedTherapist = "children_need_therapist",
        SameTherapist = "same_therapist",
        // Issue 11, the joint plan.
        NotAWholeNumber = "not_a_whole_number",
        DateInFuture = "date_in_future",
        TooManyItems = "too_many_items",
        TooFewItems = "too_few_items",
        TooManyRated = "too_many_rated",
        BothScoresNeeded = "both_scores_needed",
        ImportanceNeeded = "importance_needed",
        NothingRated = "nothing_rated",
        NoGasScale = "no_gas_scale",
        LevelInUse = "level_in_use",
        WeightNeedsBoth = "weight_needs_both",
        InvalidBaseline = "invalid_baseline",
        NoLanguageWritten = "no_language_written",
        NotAGuardian = "not_a_guardian",
        NotInHousehold = "not_in_household",
        NotThisChildsGoal = "not_this_childs_goal",
        UnknownStrategy = "unknown_strategy",
        InvalidTime = "invalid_time",
        EmptyPlan = "empty_plan",
        // Issue 10: two-factor sign-in.
        CodeWrong = "code_wrong",
        SecondFactorRequired = "second_factor_required",
        // Issue 12 part A: practice logs.
        LogIdTaken = "log_id_taken",
        NotYourLog = "not_your_log",
        CorrectionClosed = "correction_closed",
        // Issue 13, coaching sessions.
        TooFarAhead = "too_far_ahead",
        TooFarBack = "too_far_back",
        NotThisChildsStrategy = "not_this_childs_strategy",
    }
}

/// One refused field: its name in the form or JSON body, and why. Most
/// names are fixed; a form with one row per goal names its fields per row
/// (`importance-<goal id>`), so a name may also be built.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FieldError {
    pub field: std::borrow::Cow<'static, str>,
    pub code: Problem,
}

impl FieldError {
    pub fn new(field: impl Into<std::borrow::Cow<'static, str>>, code: Problem) -> FieldError {
        FieldError { field: field.into(), code }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum OpError {
    /// Missing, or outside the caller's grant: the two look alike.
    #[error("not found")]
    NotFound,
    /// The input was refused; nothing was changed.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    /// A unique constraint refused the write; nothing was changed.
    #[error("conflict on {constraint}")]
    Conflict { constraint: &'static str, field: Option<FieldError> },
    /// Wrong credentials (the same answer for an unknown account).
    #[error("not signed in")]
    Unauthorized,
    /// The child is discharged: their record can be read, not changed.
    #[error("the record is read-only")]
    ReadOnly,
    /// Too many failed attempts; try again later.
    #[error("too many attempts")]
    Throttled { retry_after_secs: u64 },
    /// The database cannot be reached right now; try again (issue 16: 503).
    #[error("database unavailable")]
    Unavailable,
    #[error("storage failed")]
    Storage(#[source] anyhow::Error),
}

impl OpError {
    pub fn field(field: &'static str, code: Problem) -> OpError {
        OpError::Invalid(vec![FieldError::new(field, code)])
    }

    /// The refused fields, for an answer that shows them.
    pub fn fields(&self) -> &[FieldError] {
        match self {
            OpError::Invalid(fields) => fields,
            OpError::Conflict { field: Some(field), .. } => std::slice::from_ref(field),
            _ => &[],
        }
    }
}

impl From<StoreError> for OpError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound | StoreError::MissingReference => OpError::NotFound,
            StoreError::Unavailable(_) => OpError::Unavailable,
            other => OpError::Storage(anyhow::Error::new(other)),
        }
    }
}

impl From<NameProblem> for Problem {
    fn from(problem: NameProblem) -> Problem {
        match problem {
            NameProblem::Empty => Problem::Required,
            NameProblem::TooLong => Problem::TooLong,
            NameProblem::Unsafe => Problem::UnsafeText,
        }
    }
}

impl From<PasswordProblem> for Problem {
    fn from(problem: PasswordProblem) -> Problem {
        match problem {
            PasswordProblem::TooShort => Problem::PasswordTooShort,
            PasswordProblem::TooLong => Problem::PasswordTooLong,
            PasswordProblem::TooCommon => Problem::PasswordTooCommon,
            PasswordProblem::Personal => Problem::PasswordPersonal,
        }
    }
}

impl SettingsProblemExt for SettingsProblem {
    fn to_field(self) -> FieldError {
        match self {
            SettingsProblem::Name(p) => FieldError::new("name", p.into()),
            SettingsProblem::UnknownTimeZone => {
                FieldError::new("time_zone", Problem::UnknownTimeZone)
            }
            SettingsProblem::ThresholdOutOfRange => {
                FieldError::new("copm_threshold", Problem::OutOfRange)
            }
            SettingsProblem::GuardianDaysOutOfRange => {
                FieldError::new("guardian_read_days", Problem::OutOfRange)
            }
            SettingsProblem::RetentionOutOfRange => {
                FieldError::new("retention_years", Problem::OutOfRange)
            }
        }
    }
}

pub(crate) trait SettingsProblemExt {
    fn to_field(self) -> FieldError;
}

/// Collects field errors while a form is checked, so that every wrong field
/// is reported at once.
#[derive(Debug, Default)]
pub(crate) struct Fields(Vec<FieldError>);

impl Fields {
    pub(crate) fn check<T, P: Into<Problem>>(
        &mut self,
        field: impl Into<std::borrow::Cow<'static, str>>,
        result: Result<T, P>,
    ) -> Option<T> {
        result.map_err(|p| self.0.push(FieldError::new(field, p.into()))).ok()
    }

    pub(crate) fn some<T>(
        &mut self,
        field: impl Into<std::borrow::Cow<'static, str>>,
        value: Option<T>,
        code: Problem,
    ) -> Option<T> {
        if value.is_none() {
            self.0.push(FieldError::new(field, code));
        }
        value
    }

    /// Refuses a field outright.
    pub(crate) fn push(&mut self, field: impl Into<std::borrow::Cow<'static, str>>, code: Problem) {
        self.0.push(FieldError::new(field, code));
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The fields refused so far.
    pub(crate) fn names(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|f| f.field.as_ref())
    }

    /// `Ok(value)` when no field was refused.
    pub(crate) fn finish<T>(self, value: Option<T>) -> Result<T, OpError> {
        match value {
            Some(value) if self.0.is_empty() => Ok(value),
            _ if self.0.is_empty() => Err(OpError::field("form", Problem::Required)),
            _ => Err(OpError::Invalid(self.0)),
        }
    }
}

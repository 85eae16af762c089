//! Coaching fidelity: whether a session contains the five steps of the
//! coaching model, and the share of visits that contain all five over the
//! last weeks. A clinic watches this to see that sessions coach the family
//! rather than treat the child while the parent waits.

use time::{Date, Duration};

crate::code_enum! {
    /// The five steps of a coaching session, in the model's order.
    pub enum CoachingStep {
        JointPlan = "joint_plan",
        Observation = "observation",
        Action = "action",
        Reflection = "reflection",
        Feedback = "feedback",
    }
}

/// The steps a session contains.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct CoachingSteps(u8);

impl CoachingSteps {
    pub const NONE: CoachingSteps = CoachingSteps(0);
    pub const ALL: CoachingSteps = CoachingSteps(0b1_1111);

    const fn bit(step: CoachingStep) -> u8 {
        1 << step as u8
    }

    pub fn with(self, step: CoachingStep) -> CoachingSteps {
        CoachingSteps(self.0 | CoachingSteps::bit(step))
    }

    pub fn insert(&mut self, step: CoachingStep) {
        *self = self.with(step);
    }

    pub fn contains(self, step: CoachingStep) -> bool {
        self.0 & CoachingSteps::bit(step) != 0
    }

    pub fn has_all_five(self) -> bool {
        self == CoachingSteps::ALL
    }

    /// The steps present, in the model's order.
    pub fn present(self) -> impl Iterator<Item = CoachingStep> {
        CoachingStep::ALL.into_iter().filter(move |&step| self.contains(step))
    }

    /// The steps missing, in the model's order.
    pub fn missing(self) -> impl Iterator<Item = CoachingStep> {
        CoachingStep::ALL.into_iter().filter(move |&step| !self.contains(step))
    }
}

impl FromIterator<CoachingStep> for CoachingSteps {
    fn from_iter<I: IntoIterator<Item = CoachingStep>>(steps: I) -> CoachingSteps {
        steps.into_iter().fold(CoachingSteps::NONE, CoachingSteps::with)
    }
}

/// A visit: its local date (from [`ClinicZone::local_date`]) and the steps
/// it contains.
///
/// [`ClinicZone::local_date`]: crate::zone::ClinicZone::local_date
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Visit {
    pub date: Date,
    pub steps: CoachingSteps,
}

/// How many visits in a window had all five steps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FidelityShare {
    pub with_all_five: u32,
    pub total: u32,
}

impl FidelityShare {
    /// with_all_five ÷ total; `None` when there was no visit.
    pub fn ratio(self) -> Option<f64> {
        (self.total > 0).then(|| f64::from(self.with_all_five) / f64::from(self.total))
    }
}

/// The two windows the clinic's pages show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FidelitySummary {
    pub last_4_weeks: FidelityShare,
    pub last_12_weeks: FidelityShare,
}

/// Visits whose local date falls within the last `weeks` × 7 days, today
/// included (4 weeks ending Wednesday 25 March: 26 February to 25 March).
/// Visits dated after today are planned, not held, and do not count.
pub fn fidelity_share(visits: &[Visit], today: Date, weeks: u32) -> FidelityShare {
    let Some(days) = i64::from(weeks).checked_mul(7).filter(|&days| days > 0) else {
        return FidelityShare::default();
    };
    let first = today.checked_sub(Duration::days(days - 1)).unwrap_or(Date::MIN);
    visits.iter().filter(|visit| (first..=today).contains(&visit.date)).fold(
        FidelityShare::default(),
        |share, visit| FidelityShare {
            with_all_five: share
                .with_all_five
                .saturating_add(u32::from(visit.steps.has_all_five())),
            total: share.total.saturating_add(1),
        },
    )
}

pub fn fidelity_summary(visits: &[Visit], today: Date) -> FidelitySummary {
    FidelitySummary {
        last_4_weeks: fidelity_share(visits, today, 4),
        last_12_weeks: fidelity_share(visits, today, 12),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CoachingStep::*;
    use time::macros::date;

    fn visit(date: Date, steps: &[CoachingStep]) -> Visit {
        Visit { date, steps: steps.iter().copied().collect() }
    }

    const FIVE: [CoachingStep; 5] = [JointPlan, Observation, Action, Reflection, Feedback];

    #[test]
    fn the_steps_have_stable_codes_in_the_models_order() {
        assert_eq!(
            CoachingStep::CODES,
            ["joint_plan", "observation", "action", "reflection", "feedback"]
        );
    }

    #[test]
    fn a_session_knows_which_steps_it_has_and_which_it_lacks() {
        let steps: CoachingSteps = [Feedback, JointPlan, Action].into_iter().collect();
        assert!(steps.contains(Action));
        assert!(!steps.contains(Observation));
        assert_eq!(steps.present().collect::<Vec<_>>(), [JointPlan, Action, Feedback]);
        assert_eq!(steps.missing().collect::<Vec<_>>(), [Observation, Reflection]);
        assert!(!steps.has_all_five());
        assert!(steps.with(Observation).with(Reflection).has_all_five());
        assert_eq!(FIVE.into_iter().collect::<CoachingSteps>(), CoachingSteps::ALL);
    }

    #[test]
    fn a_step_recorded_twice_is_still_one_step() {
        let steps: CoachingSteps = [Action, Action].into_iter().collect();
        assert_eq!(steps.present().count(), 1);
    }

    #[test]
    fn four_weeks_are_the_twenty_eight_days_ending_today() {
        let visits = [
            visit(date!(2026 - 02 - 25), &FIVE), // 29 days ago: out
            visit(date!(2026 - 02 - 26), &FIVE), // 28th day back: in
            visit(date!(2026 - 03 - 11), &[JointPlan, Action]),
            visit(date!(2026 - 03 - 25), &FIVE), // today: in
            visit(date!(2026 - 03 - 26), &FIVE), // tomorrow: not held yet
        ];
        let share = fidelity_share(&visits, date!(2026 - 03 - 25), 4);
        assert_eq!(share, FidelityShare { with_all_five: 2, total: 3 });
        assert_eq!(share.ratio(), Some(2.0 / 3.0));
    }

    #[test]
    fn twelve_weeks_reach_back_eighty_four_days() {
        let visits = [
            visit(date!(2025 - 12 - 31), &FIVE), // out
            visit(date!(2026 - 01 - 01), &[Observation]),
            visit(date!(2026 - 02 - 25), &FIVE),
            visit(date!(2026 - 03 - 25), &FIVE),
        ];
        let summary = fidelity_summary(&visits, date!(2026 - 03 - 25));
        assert_eq!(summary.last_12_weeks, FidelityShare { with_all_five: 2, total: 3 });
        assert_eq!(summary.last_4_weeks, FidelityShare { with_all_five: 1, total: 1 });
    }

    #[test]
    fn no_visits_give_no_ratio() {
        let share = fidelity_share(&[], date!(2026 - 03 - 25), 4);
        assert_eq!(share, FidelityShare { with_all_five: 0, total: 0 });
        assert_eq!(share.ratio(), None);
        let visits = [visit(date!(2026 - 03 - 25), &FIVE)];
        assert_eq!(fidelity_share(&visits, date!(2026 - 03 - 25), 0).ratio(), None);
    }
}

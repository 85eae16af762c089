//! The between-session reflection (PRODUCT.md §2), guided by the seed's
//! questions. A reflection that asks for a change, or says the practice is
//! hard to fit into the day, flags the assignment for the therapist and puts
//! it on the next session's agenda.

use crate::scale::bounded_scale;

crate::code_enum! {
    /// "Did your child respond positively?"
    pub enum RespondedPositively {
        Yes = "yes",
        Somewhat = "somewhat",
        No = "no",
    }
}

bounded_scale! {
    /// "How hard was it to fit into your day?" 1 (easy) to 5 (very hard).
    pub struct FitDifficulty(u8) in 1..=5;
}

impl FitDifficulty {
    /// 4 or 5: hard enough that the plan, not the family, should change.
    pub fn is_hard(self) -> bool {
        self.get() >= 4
    }
}

crate::code_enum! {
    /// "What do you need now?"
    pub enum ReflectionNeed {
        KeepGoing = "keep_going",
        MoreInformation = "more_information",
        PracticeTogether = "practice_together",
        ChangeStrategy = "change_strategy",
        TryAnotherRoutine = "try_another_routine",
    }
}

impl ReflectionNeed {
    /// The family asks for the assignment itself to change.
    pub fn asks_for_change(self) -> bool {
        matches!(self, ReflectionNeed::ChangeStrategy | ReflectionNeed::TryAnotherRoutine)
    }
}

/// The structured answers of one reflection (its free text lives beside it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReflectionAnswers {
    pub responded: RespondedPositively,
    pub difficulty: FitDifficulty,
    pub need: ReflectionNeed,
}

impl ReflectionAnswers {
    /// Whether the assignment goes to the therapist's attention: the family
    /// asks to change the strategy or the routine, or rates it 4–5 to fit
    /// in. How the child responded does not flag on its own: "no" with
    /// "keep going" is a family choosing to persist.
    pub fn flags_assignment(&self) -> bool {
        self.need.asks_for_change() || self.difficulty.is_hard()
    }
}

crate::code_enum! {
    /// How the therapist handled a flagged assignment.
    pub enum FlagHandled {
        /// The assignment (or its successor in a new version) was changed or removed.
        PlanChanged = "plan_changed",
        /// The therapist answered and marked it handled.
        Answered = "answered",
    }
}

crate::code_enum! {
    /// What a feedback thread is about.
    pub enum ThreadSubject {
        Reflection = "reflection",
        PracticeLog = "practice_log",
        /// The child as a whole: caregivers and the care team talking.
        Child = "child",
    }
}

/// A caregiver's own words in a reflection: room for a few sentences.
pub const REFLECTION_WORDS_MAX_CHARS: usize = 1000;
/// One message in a thread.
pub const MESSAGE_MAX_CHARS: usize = 2000;

/// A message: plain text over one or more lines, not empty, at most
/// [`MESSAGE_MAX_CHARS`]. Pages escape it when they show it.
pub fn check_message(text: &str) -> Result<String, crate::people::NameProblem> {
    let body = crate::text::check_optional_paragraph(text, MESSAGE_MAX_CHARS)?;
    if body.is_empty() { Err(crate::people::NameProblem::Empty) } else { Ok(body) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(difficulty: i64, need: ReflectionNeed) -> ReflectionAnswers {
        ReflectionAnswers {
            responded: RespondedPositively::Somewhat,
            difficulty: FitDifficulty::new(difficulty).unwrap(),
            need,
        }
    }

    #[test]
    fn the_answers_have_stable_codes() {
        assert_eq!(RespondedPositively::CODES, ["yes", "somewhat", "no"]);
        assert_eq!(
            ReflectionNeed::CODES,
            [
                "keep_going",
                "more_information",
                "practice_together",
                "change_strategy",
                "try_another_routine"
            ]
        );
    }

    #[test]
    fn a_message_is_neither_empty_nor_too_long() {
        use crate::people::NameProblem;
        assert_eq!(check_message("  \n "), Err(NameProblem::Empty));
        assert_eq!(check_message(&"a".repeat(MESSAGE_MAX_CHARS + 1)), Err(NameProblem::TooLong));
        assert_eq!(check_message(" Thanks!\nSee you "), Ok("Thanks!\nSee you".to_owned()));
    }

    #[test]
    fn difficulty_runs_from_one_to_five() {
        assert!(FitDifficulty::new(0).is_err());
        assert!(FitDifficulty::new(6).is_err());
        assert!(FitDifficulty::parse("hard").is_err());
        assert_eq!(FitDifficulty::parse("5").unwrap().get(), 5);
    }

    #[test]
    fn asking_to_change_the_strategy_or_the_routine_flags_the_assignment() {
        assert!(answers(1, ReflectionNeed::ChangeStrategy).flags_assignment());
        assert!(answers(1, ReflectionNeed::TryAnotherRoutine).flags_assignment());
    }

    #[test]
    fn a_difficulty_of_four_or_five_flags_the_assignment() {
        assert!(!answers(3, ReflectionNeed::KeepGoing).flags_assignment());
        assert!(answers(4, ReflectionNeed::KeepGoing).flags_assignment());
        assert!(answers(5, ReflectionNeed::MoreInformation).flags_assignment());
    }

    #[test]
    fn other_needs_at_a_manageable_difficulty_do_not_flag() {
        for need in [
            ReflectionNeed::KeepGoing,
            ReflectionNeed::MoreInformation,
            ReflectionNeed::PracticeTogether,
        ] {
            let mut reflection = answers(2, need);
            reflection.responded = RespondedPositively::No;
            assert!(!reflection.flags_assignment(), "{need}");
        }
    }
}

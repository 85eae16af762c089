//! Caregiver confidence: "how confident are you using this strategy?", 0–10,
//! asked on practice logs and at sessions.
//!
//! It is not a validated instrument. Wherever it is shown, label it so: it is
//! a conversation starter and a trend line, not an outcome measure.

use crate::scale::bounded_scale;

bounded_scale! {
    /// A caregiver's self-rated confidence, 0 (not at all) to 10 (fully).
    pub struct CaregiverConfidence(u8) in 0..=10;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scale::ScaleError;
    use proptest::prelude::*;

    #[test]
    fn zero_and_ten_are_the_ends_of_the_scale() {
        assert_eq!(CaregiverConfidence::new(0).unwrap().get(), 0);
        assert_eq!(CaregiverConfidence::parse("10").unwrap().get(), 10);
    }

    #[test]
    fn eleven_minus_one_and_words_are_refused() {
        assert_eq!(
            CaregiverConfidence::new(11),
            Err(ScaleError::OutOfRange { value: 11, min: 0, max: 10 })
        );
        assert!(matches!(
            CaregiverConfidence::parse("-1"),
            Err(ScaleError::OutOfRange { value: -1, .. })
        ));
        assert!(matches!(
            CaregiverConfidence::parse("very"),
            Err(ScaleError::NotAWholeNumber { .. })
        ));
    }

    proptest! {
        #[test]
        fn exactly_zero_to_ten_is_accepted(value in any::<i64>()) {
            prop_assert_eq!(CaregiverConfidence::new(value).is_ok(), (0..=10).contains(&value));
        }
    }
}

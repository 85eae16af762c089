//! Whole-number rating scales (COPM 1–10, confidence 0–10, …): one error type
//! and one macro, so that every scale refuses bad input the same way and a
//! page can say the same thing next to every such field.

/// Why a value is not on a scale.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScaleError {
    /// A whole number, but outside the scale.
    #[error("{value} is not between {min} and {max}")]
    OutOfRange { value: i64, min: i64, max: i64 },
    /// Not a whole number at all ("abc", "7.5", "").
    #[error("{text:?} is not a whole number")]
    NotAWholeNumber { text: String },
}

impl ScaleError {
    pub(crate) fn not_a_whole_number(text: &str) -> ScaleError {
        ScaleError::NotAWholeNumber { text: text.to_owned() }
    }
}

/// Reads a whole number the way a form sends it: surrounding spaces are
/// forgiven, a leading `+` is accepted (GAS writes "+2"), anything else that
/// is not an integer is refused.
pub(crate) fn parse_whole_number(text: &str) -> Result<i64, ScaleError> {
    text.trim().parse::<i64>().map_err(|_| ScaleError::not_a_whole_number(text))
}

/// Declares a newtype over a closed range of whole numbers with `new` (from
/// `i64`), `parse` (from text), `get`, `MIN`, `MAX`, `TryFrom<i64>`,
/// `FromStr`, `Display`, and serde as a plain number that is checked on the
/// way in.
macro_rules! bounded_scale {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident($repr:ty) in $min:literal ..= $max:literal;
    ) => {
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash,
            serde::Serialize, serde::Deserialize,
        )]
        #[serde(try_from = "i64", into = "i64")]
        $vis struct $name($repr);

        impl $name {
            pub const MIN: $name = $name($min);
            pub const MAX: $name = $name($max);

            #[doc = concat!(
                "The value, or [`ScaleError::OutOfRange`](crate::scale::ScaleError) outside ",
                stringify!($min), "–", stringify!($max), "."
            )]
            pub fn new(value: i64) -> Result<$name, $crate::scale::ScaleError> {
                match <$repr>::try_from(value) {
                    Ok(small) if ($min..=$max).contains(&small) => Ok($name(small)),
                    _ => Err($crate::scale::ScaleError::OutOfRange {
                        value,
                        min: $min,
                        max: $max,
                    }),
                }
            }

            /// The value written in `text` (as a form sends it).
            pub fn parse(text: &str) -> Result<$name, $crate::scale::ScaleError> {
                $name::new($crate::scale::parse_whole_number(text)?)
            }

            pub const fn get(self) -> $repr {
                self.0
            }
        }

        impl TryFrom<i64> for $name {
            type Error = $crate::scale::ScaleError;

            fn try_from(value: i64) -> Result<$name, Self::Error> {
                $name::new(value)
            }
        }

        impl From<$name> for i64 {
            fn from(value: $name) -> i64 {
                i64::from(value.0)
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = $crate::scale::ScaleError;

            fn from_str(text: &str) -> Result<$name, Self::Err> {
                $name::parse(text)
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Display::fmt(&self.0, f)
            }
        }
    };
}
pub(crate) use bounded_scale;

#[cfg(test)]
mod tests {
    use super::*;

    bounded_scale! {
        struct Stars(u8) in 1..=5;
    }

    #[test]
    fn the_ends_of_the_scale_are_on_it_and_their_neighbours_are_not() {
        assert_eq!(Stars::new(1).unwrap(), Stars::MIN);
        assert_eq!(Stars::new(5).unwrap(), Stars::MAX);
        assert_eq!(Stars::new(0), Err(ScaleError::OutOfRange { value: 0, min: 1, max: 5 }));
        assert_eq!(Stars::new(6), Err(ScaleError::OutOfRange { value: 6, min: 1, max: 5 }));
    }

    #[test]
    fn a_value_too_big_for_the_storage_type_is_out_of_range_not_wrapped() {
        assert_eq!(Stars::new(257), Err(ScaleError::OutOfRange { value: 257, min: 1, max: 5 }));
        assert!(Stars::new(i64::MIN).is_err());
    }

    #[test]
    fn text_may_have_spaces_and_a_plus_sign_but_must_be_a_whole_number() {
        assert_eq!(Stars::parse(" 3 ").unwrap().get(), 3);
        assert_eq!(Stars::parse("+4").unwrap().get(), 4);
        for text in ["abc", "3.0", "", "3 stars", "½"] {
            assert_eq!(Stars::parse(text), Err(ScaleError::not_a_whole_number(text)), "{text:?}");
        }
    }

    #[test]
    fn serde_reads_a_number_and_checks_it() {
        assert_eq!(serde_json::to_string(&Stars::MAX).unwrap(), "5");
        assert_eq!(serde_json::from_str::<Stars>("2").unwrap().get(), 2);
        assert!(serde_json::from_str::<Stars>("9").is_err());
        assert!(serde_json::from_str::<Stars>("\"2\"").is_err());
    }

    #[test]
    fn the_error_message_names_the_range() {
        assert_eq!(Stars::new(9).unwrap_err().to_string(), "9 is not between 1 and 5");
    }
}

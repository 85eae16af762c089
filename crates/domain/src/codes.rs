//! Enums whose values are stored in the database and sent over the API as
//! stable text codes. One macro writes the code table once, so `as_str` and
//! `parse` cannot drift apart and a new variant cannot be forgotten in one of
//! them.

/// A value with a stable text code, for code generic over such enums (the
/// storage crate's column type reads and writes any of them).
pub trait Code: Sized + Copy + 'static {
    const ALL: &'static [Self];
    fn as_str(self) -> &'static str;
    fn parse(text: &str) -> Option<Self>;
}

/// Re-exported so that [`code_enum!`] works in crates that do not depend on
/// serde themselves.
#[doc(hidden)]
pub use serde as __serde;

/// Declares an enum with a stable text code per variant and gives it
/// `ALL`, `CODES`, `as_str`, `parse`, `Display`, and serde (as the code).
/// It derives `Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord`
/// itself; add other attributes (doc comments) as usual.
///
/// Variants order (`Ord`) as written, so `ALL` and sorted maps list them in
/// the order of the declaration. `parse` is exact: codes are lowercase
/// snake_case and never trimmed or case-folded, because they come from our
/// own forms and rows, not from people typing.
///
/// ```
/// carryover_domain::code_enum! {
///     /// The weather at the park.
///     pub enum Weather {
///         Sunny = "sunny",
///         LightRain = "light_rain",
///     }
/// }
/// assert_eq!(Weather::parse("light_rain"), Some(Weather::LightRain));
/// assert_eq!(Weather::Sunny.as_str(), "sunny");
/// assert_eq!(Weather::ALL.len(), 2);
/// ```
#[macro_export]
macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident = $code:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name {
            $( $(#[$variant_meta])* $variant ),+
        }

        impl $name {
            /// Every value, in the order of the declaration.
            pub const ALL: [$name; [$($code),+].len()] = [$($name::$variant),+];

            /// Every stable code, in the order of [`Self::ALL`].
            pub const CODES: [&'static str; [$($code),+].len()] = [$($code),+];

            /// The stable code stored in the database and sent over the API.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $code ),+
                }
            }

            /// The value for a stable code; `None` for any other text.
            pub fn parse(code: &str) -> ::core::option::Option<$name> {
                match code {
                    $( $code => ::core::option::Option::Some($name::$variant), )+
                    _ => ::core::option::Option::None,
                }
            }
        }

        impl $crate::codes::Code for $name {
            const ALL: &'static [$name] = &$name::ALL;
            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }
            fn parse(text: &str) -> ::core::option::Option<$name> {
                $name::parse(text)
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::codes::__serde::Serialize for $name {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: $crate::codes::__serde::Serializer,
            {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::codes::__serde::Deserialize<'de> for $name {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<$name, D::Error>
            where
                D: $crate::codes::__serde::Deserializer<'de>,
            {
                let code: ::std::string::String =
                    $crate::codes::__serde::Deserialize::deserialize(deserializer)?;
                $name::parse(&code).ok_or_else(|| {
                    <D::Error as $crate::codes::__serde::de::Error>::unknown_variant(
                        &code,
                        &$name::CODES,
                    )
                })
            }
        }
    };
}

#[cfg(test)]
mod tests {
    crate::code_enum! {
        enum Sample {
            First = "first",
            SecondOne = "second_one",
        }
    }

    #[test]
    fn every_value_round_trips_through_its_code() {
        for value in Sample::ALL {
            assert_eq!(Sample::parse(value.as_str()), Some(value));
            assert_eq!(value.to_string(), value.as_str());
        }
        assert_eq!(Sample::CODES, ["first", "second_one"]);
    }

    #[test]
    fn a_code_is_matched_exactly() {
        assert_eq!(Sample::parse("First"), None);
        assert_eq!(Sample::parse(" first"), None);
        assert_eq!(Sample::parse(""), None);
    }

    #[test]
    fn serde_uses_the_code_and_refuses_unknown_codes() {
        assert_eq!(serde_json::to_string(&Sample::SecondOne).unwrap(), "\"second_one\"");
        let back: Sample = serde_json::from_str("\"second_one\"").unwrap();
        assert_eq!(back, Sample::SecondOne);
        let wrong = serde_json::from_str::<Sample>("\"third\"").unwrap_err().to_string();
        assert!(wrong.contains("first"), "names the codes it expected: {wrong}");
    }

    #[test]
    fn values_order_as_declared() {
        assert!(Sample::First < Sample::SecondOne);
    }
}

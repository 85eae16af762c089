//! Small column types, so that rows map straight into domain types: ids are
//! UUID text, times fixed-width UTC text, flags 0/1, enums their stable
//! codes. Each refuses a stored value it cannot read (a `Corrupt` error
//! naming the value) instead of guessing.

use carryover_domain::codes::Code as DomainCode;
use sqlx::{Any, Decode, Encode, Type, any::AnyTypeInfo, encode::IsNull, error::BoxDynError};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::time_text;

type ArgBuf = <Any as sqlx::Database>::ArgumentBuffer;
type ValueRef<'r> = <Any as sqlx::Database>::ValueRef<'r>;

fn text_type() -> AnyTypeInfo {
    <String as Type<Any>>::type_info()
}

fn text_compatible(ty: &AnyTypeInfo) -> bool {
    <String as Type<Any>>::compatible(ty)
}

fn decode_text(value: ValueRef<'_>) -> Result<String, BoxDynError> {
    <String as Decode<Any>>::decode(value)
}

fn encode_text(text: String, buf: &mut ArgBuf) -> Result<IsNull, BoxDynError> {
    <String as Encode<Any>>::encode(text, buf)
}

/// A UUID stored as its hyphenated text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id(pub Uuid);

impl Type<Any> for Id {
    fn type_info() -> AnyTypeInfo {
        text_type()
    }
    fn compatible(ty: &AnyTypeInfo) -> bool {
        text_compatible(ty)
    }
}

impl Encode<'_, Any> for Id {
    fn encode_by_ref(&self, buf: &mut ArgBuf) -> Result<IsNull, BoxDynError> {
        encode_text(self.0.to_string(), buf)
    }
}

impl<'r> Decode<'r, Any> for Id {
    fn decode(value: ValueRef<'r>) -> Result<Self, BoxDynError> {
        let text = decode_text(value)?;
        Uuid::parse_str(&text).map(Id).map_err(|_| format!("not an id: {text:?}").into())
    }
}

/// An instant stored as fixed-width UTC text; see `time_text`. Writing an
/// instant that has no such text (a year before 1 or after 9999) fails the
/// query rather than storing something that would sort wrongly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct At(pub OffsetDateTime);

impl Type<Any> for At {
    fn type_info() -> AnyTypeInfo {
        text_type()
    }
    fn compatible(ty: &AnyTypeInfo) -> bool {
        text_compatible(ty)
    }
}

impl Encode<'_, Any> for At {
    fn encode_by_ref(&self, buf: &mut ArgBuf) -> Result<IsNull, BoxDynError> {
        encode_text(time_text::to_text(self.0)?, buf)
    }
}

impl<'r> Decode<'r, Any> for At {
    fn decode(value: ValueRef<'r>) -> Result<Self, BoxDynError> {
        Ok(At(time_text::from_text(&decode_text(value)?)?))
    }
}

/// A yes/no stored as the integer 0 or 1 (both databases read it alike).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flag(pub bool);

impl Type<Any> for Flag {
    fn type_info() -> AnyTypeInfo {
        <i64 as Type<Any>>::type_info()
    }
    fn compatible(ty: &AnyTypeInfo) -> bool {
        <i64 as Type<Any>>::compatible(ty)
    }
}

impl Encode<'_, Any> for Flag {
    fn encode_by_ref(&self, buf: &mut ArgBuf) -> Result<IsNull, BoxDynError> {
        <i64 as Encode<Any>>::encode(i64::from(self.0), buf)
    }
}

impl<'r> Decode<'r, Any> for Flag {
    fn decode(value: ValueRef<'r>) -> Result<Self, BoxDynError> {
        match <i64 as Decode<Any>>::decode(value)? {
            0 => Ok(Flag(false)),
            1 => Ok(Flag(true)),
            other => Err(format!("not a flag: {other}").into()),
        }
    }
}

/// A domain enum stored as its stable text code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code<E>(pub E);

impl<E: DomainCode> Type<Any> for Code<E> {
    fn type_info() -> AnyTypeInfo {
        text_type()
    }
    fn compatible(ty: &AnyTypeInfo) -> bool {
        text_compatible(ty)
    }
}

impl<E: DomainCode> Encode<'_, Any> for Code<E> {
    fn encode_by_ref(&self, buf: &mut ArgBuf) -> Result<IsNull, BoxDynError> {
        encode_text(self.0.as_str().to_owned(), buf)
    }
}

impl<'r, E: DomainCode> Decode<'r, Any> for Code<E> {
    fn decode(value: ValueRef<'r>) -> Result<Self, BoxDynError> {
        let text = decode_text(value)?;
        E::parse(&text)
            .map(Code)
            .ok_or_else(|| format!("unknown {} code {text:?}", std::any::type_name::<E>()).into())
    }
}

/// A calendar date (a rating's day, a birth date) stored as `YYYY-MM-DD`
/// text, which sorts by date on both databases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day(pub Date);

impl Type<Any> for Day {
    fn type_info() -> AnyTypeInfo {
        text_type()
    }
    fn compatible(ty: &AnyTypeInfo) -> bool {
        text_compatible(ty)
    }
}

impl Encode<'_, Any> for Day {
    fn encode_by_ref(&self, buf: &mut ArgBuf) -> Result<IsNull, BoxDynError> {
        encode_text(carryover_domain::text::date_text(self.0), buf)
    }
}

impl<'r> Decode<'r, Any> for Day {
    fn decode(value: ValueRef<'r>) -> Result<Self, BoxDynError> {
        let text = decode_text(value)?;
        carryover_domain::text::parse_date(&text)
            .map(Day)
            .ok_or_else(|| format!("not a date: {text:?}").into())
    }
}

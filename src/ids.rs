//! `Display`, `FromStr` and (with the `serde` feature) serde for every catalogue enum. `Display`
//! writes what a person reads (a drug's generic name, a regimen's acronym, a class's name); serde
//! writes the stable id. `FromStr` and `Deserialize` read the id and what `Display` writes; drugs and
//! regimens also every name they are written by.

use core::fmt;
use core::str::FromStr;

use crate::resolve::{self, Expected, ParseError, Therapy};
use crate::{Drug, DrugClass, Regimen, Route, Source, Target, Use};

/// Implements the id traits for catalogue enums; `$parse` turns text into the entry.
macro_rules! id_traits {
    ($($ty:ident($shown:ident) => $parse:expr;)*) => {$(
        #[doc = concat!("Writes [`", stringify!($ty), "::", stringify!($shown), "`], what a person reads; the stable id is [`", stringify!($ty), "::id`].")]
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.$shown())
            }
        }

        impl FromStr for $ty {
            type Err = ParseError;

            fn from_str(text: &str) -> Result<$ty, ParseError> {
                let parse: fn(&str) -> Result<$ty, ParseError> = $parse;
                parse(text)
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.id())
            }
        }

        /// Reads what `FromStr` reads: the id, and for drugs and regimens every name they are
        /// written by (`"Velcade"`, `"VRd"`), so data that serialised an id reads back the same.
        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<$ty, D::Error> {
                deserializer.deserialize_str(crate::serialize::FromStrVisitor::<$ty>::new(stringify!($ty)))
            }
        }
    )*};
}

id_traits! {
    Drug(generic_name) => |text| Drug::from_name(text).ok_or_else(|| ambiguous_or(Expected::Drug, text));
    Regimen(acronym) => parse_regimen;
    DrugClass(name) => |text| by_id_or_shown(DrugClass::ALL, DrugClass::id, DrugClass::name, text).ok_or_else(|| ParseError::new(Expected::DrugClass, text, text));
    Target(name) => |text| by_id_or_shown(Target::ALL, Target::id, Target::name, text).ok_or_else(|| ParseError::new(Expected::Target, text, text));
    Route(name) => |text| by_id_or_shown(Route::ALL, Route::id, Route::name, text).ok_or_else(|| ParseError::new(Expected::Route, text, text));
    Use(wording) => |text| by_id_or_shown(Use::ALL, Use::id, Use::wording, text).ok_or_else(|| ParseError::new(Expected::Use, text, text));
    Source(title) => |text| by_id_or_shown(Source::ALL, Source::id, Source::title, text).ok_or_else(|| ParseError::new(Expected::Source, text, text));
}

/// The entry whose id is exactly `text`, or whose displayed form is `text` in any ASCII case, so
/// that what `Display` writes reads back.
fn by_id_or_shown<T: Copy>(
    all: &[T],
    id: fn(T) -> &'static str,
    shown: fn(T) -> &'static str,
    text: &str,
) -> Option<T> {
    let all = all.iter().copied();
    all.clone()
        .find(|&e| id(e) == text)
        .or_else(|| all.clone().find(|&e| shown(e).eq_ignore_ascii_case(text)))
}

/// A regimen by name, or by a list of drugs that is exactly one regimen's.
fn parse_regimen(text: &str) -> Result<Regimen, ParseError> {
    match resolve::resolve(text) {
        Ok(Therapy::Regimen(r)) => Ok(r),
        Ok(_) => Err(ParseError::new(Expected::Regimen, text, text)),
        Err(e) if e.is_ambiguous() || e.conflict().is_some() => Err(e),
        Err(e) => Err(ParseError::new(Expected::Regimen, text, e.unresolved())),
    }
}

/// The error for a name that is no `expected` entry: the ambiguity, where the name means more than
/// one entry, or the conflict, where a name has another in brackets that names a different entry
/// (`bortezomib (Revlimid)`), so that it is reported rather than taken for unknown.
fn ambiguous_or(expected: Expected, text: &str) -> ParseError {
    match resolve::resolve(text) {
        Err(e) if e.is_ambiguous() || e.conflict().is_some() => e,
        _ => ParseError::new(expected, text, text),
    }
}

impl FromStr for Therapy {
    type Err = ParseError;

    fn from_str(text: &str) -> Result<Therapy, ParseError> {
        resolve::resolve(text)
    }
}

/// `ALL`, `id` and `from_id` for an enum whose every value has a stable id: the methods the
/// catalogue's enums have, shared by the vocabularies (`vocab!`) and the codes (`coded!`).
macro_rules! id_methods {
    ($ty:ident, $id_doc:literal { $($variant:ident => $id:literal,)* }) => {
        impl $ty {
            /// Every value, in order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),*];

            #[doc = $id_doc]
            pub const fn id(self) -> &'static str {
                match self {
                    $($ty::$variant => $id,)*
                }
            }

            /// The value whose id is exactly `id`, usable in `const` context.
            pub const fn from_id(id: &str) -> Option<$ty> {
                $(if crate::text::same(id.as_bytes(), $id.as_bytes()) {
                    return Some($ty::$variant);
                })*
                None
            }
        }
    };
}
pub(crate) use id_methods;

/// For an enum of codes that records and outputs write (rule ids, end reasons, units): `ALL`,
/// `id`, `from_id` and `Display` writing the id. The catalogue's enums have the same methods.
macro_rules! coded {
    ($ty:ident, $id_doc:literal { $($variant:ident => $id:literal,)* }) => {
        crate::ids::id_methods! { $ty, $id_doc { $($variant => $id,)* } }

        /// Writes the id.
        impl core::fmt::Display for $ty {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.id())
            }
        }
    };
}
pub(crate) use coded;

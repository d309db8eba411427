//! strum's traits for the catalogue enums (behind the `strum` feature), so that code written
//! generically over strum takes them. The generated consts stay the primary API: `ALL` is
//! `VariantArray::VARIANTS`, `id()` is the name strum sees.
//!
//! ```
//! # #[cfg(feature = "strum")] {
//! use myeloma::Regimen;
//! use strum::{EnumCount, IntoEnumIterator, VariantNames};
//!
//! fn count<T: EnumCount>() -> usize {
//!     T::COUNT
//! }
//! assert_eq!(count::<Regimen>(), Regimen::ALL.len());
//! assert_eq!(Regimen::iter().next(), Some(Regimen::RVd));
//! assert_eq!(Regimen::VARIANTS[0], "rvd");
//! let id: &'static str = Regimen::DRVd.into();
//! assert_eq!(id, "d-rvd");
//! # }
//! ```

use core::iter::Copied;
use core::slice::Iter;

use crate::{Drug, DrugClass, Regimen, Route, Source, Target, Use};

macro_rules! strum_traits {
    ($($ty:ident),*) => {$(
        impl strum::EnumCount for $ty {
            const COUNT: usize = $ty::ALL.len();
        }

        impl strum::VariantArray for $ty {
            const VARIANTS: &'static [$ty] = $ty::ALL;
        }

        impl strum::VariantNames for $ty {
            const VARIANTS: &'static [&'static str] = &{
                let mut ids = [""; $ty::ALL.len()];
                let mut i = 0;
                while i < ids.len() {
                    ids[i] = $ty::ALL[i].id();
                    i += 1;
                }
                ids
            };
        }

        impl strum::IntoEnumIterator for $ty {
            type Iterator = Copied<Iter<'static, $ty>>;

            fn iter() -> Self::Iterator {
                $ty::ALL.iter().copied()
            }
        }

        /// The stable id, as strum's `AsRefStr` gives it.
        impl AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                self.id()
            }
        }

        /// The stable id, as strum's `IntoStaticStr` gives it.
        impl From<$ty> for &'static str {
            fn from(entry: $ty) -> &'static str {
                entry.id()
            }
        }
    )*};
}

strum_traits!(Drug, Regimen, DrugClass, Target, Route, Use, Source);

//! Conversions between [`Date`] and the dates of `chrono` and `jiff` (features `chrono`, `jiff`).

#[cfg(any(feature = "chrono", feature = "jiff"))]
use super::{Date, DateError};

#[cfg(feature = "chrono")]
impl From<Date> for chrono::NaiveDate {
    /// The same day.
    ///
    /// ```
    /// use myeloma::history::Date;
    /// let date: Date = "2024-02-29".parse()?;
    /// assert_eq!(chrono::NaiveDate::from(date), chrono::NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
    /// # Ok::<(), myeloma::history::DateError>(())
    /// ```
    fn from(date: Date) -> chrono::NaiveDate {
        let (y, m, d) = date.ymd();
        // Every `Date` (years 1 to 9999) is a `NaiveDate`.
        chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }
}

#[cfg(feature = "chrono")]
impl TryFrom<chrono::NaiveDate> for Date {
    type Error = DateError;

    /// The same day, or an error for years outside 1 to 9999.
    ///
    /// ```
    /// use myeloma::history::Date;
    /// let day = chrono::NaiveDate::from_ymd_opt(2024, 1, 8).unwrap();
    /// assert_eq!(Date::try_from(day)?.to_string(), "2024-01-08");
    /// assert!(Date::try_from(chrono::NaiveDate::from_ymd_opt(-5, 1, 1).unwrap()).is_err());
    /// # Ok::<(), myeloma::history::DateError>(())
    /// ```
    fn try_from(date: chrono::NaiveDate) -> Result<Date, DateError> {
        use chrono::Datelike;
        Date::from_ymd(date.year(), date.month(), date.day())
    }
}

#[cfg(feature = "jiff")]
impl From<Date> for jiff::civil::Date {
    /// The same day.
    ///
    /// ```
    /// use myeloma::history::Date;
    /// let date: Date = "2024-02-29".parse()?;
    /// assert_eq!(jiff::civil::Date::from(date), jiff::civil::date(2024, 2, 29));
    /// # Ok::<(), myeloma::history::DateError>(())
    /// ```
    fn from(date: Date) -> jiff::civil::Date {
        let (y, m, d) = date.ymd();
        // Every `Date` (years 1 to 9999) is a `jiff::civil::Date`; the casts cannot truncate.
        jiff::civil::Date::new(y as i16, m as i8, d as i8).unwrap_or_default()
    }
}

#[cfg(feature = "jiff")]
impl TryFrom<jiff::civil::Date> for Date {
    type Error = DateError;

    /// The same day, or an error for years outside 1 to 9999.
    ///
    /// ```
    /// use myeloma::history::Date;
    /// assert_eq!(Date::try_from(jiff::civil::date(2024, 1, 8))?.to_string(), "2024-01-08");
    /// assert!(Date::try_from(jiff::civil::date(-5, 1, 1)).is_err());
    /// # Ok::<(), myeloma::history::DateError>(())
    /// ```
    fn try_from(date: jiff::civil::Date) -> Result<Date, DateError> {
        Date::from_ymd(
            i32::from(date.year()),
            u32::try_from(date.month()).unwrap_or(0),
            u32::try_from(date.day()).unwrap_or(0),
        )
    }
}

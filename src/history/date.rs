//! `Date`: a calendar day, kept as a count of days since 1970-01-01, with ISO 8601 parsing.

use core::fmt;
use core::str::FromStr;

/// A calendar day (proleptic Gregorian), stored as the number of days since 1970-01-01, so that
/// differences and comparisons are integer arithmetic. Years 0001 to 9999.
///
/// ```
/// use myeloma::history::Date;
/// let start: Date = "2024-01-08".parse()?;
/// let sct: Date = "2024-05-15".parse()?;
/// assert_eq!(start.days_until(sct), 128);
/// assert_eq!(start.add_days(28).to_string(), "2024-02-05");
/// assert_eq!(
///     "2024-02-30".parse::<Date>().unwrap_err().to_string(),
///     "`2024-02-30` is not a date: 2024-02 has 29 days, not 30"
/// );
/// # Ok::<(), myeloma::history::DateError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

/// Days from 0000-03-01 to 1970-01-01 in the era-based algorithm below.
const UNIX_EPOCH_SHIFT: i64 = 719_468;

impl Date {
    /// 1970-01-01.
    pub const EPOCH: Date = Date(0);
    /// The earliest date, 0001-01-01.
    pub const MIN: Date = Date(-719_162);
    /// The latest date, 9999-12-31.
    pub const MAX: Date = Date(2_932_896);

    /// The date `year-month-day`, or why it is not one.
    ///
    /// ```
    /// use myeloma::history::Date;
    /// assert_eq!(Date::from_ymd(1970, 1, 2)?.days_since_epoch(), 1);
    /// assert!(Date::from_ymd(2023, 2, 29).is_err());
    /// # Ok::<(), myeloma::history::DateError>(())
    /// ```
    pub const fn from_ymd(year: i32, month: u32, day: u32) -> Result<Date, DateError> {
        if year < 1 || year > 9999 {
            return Err(DateError::new(DateErrorKind::Year { year }));
        }
        if month < 1 || month > 12 {
            return Err(DateError::new(DateErrorKind::Month { month }));
        }
        let max = days_in_month(year, month);
        if day < 1 || day > max {
            return Err(DateError::new(DateErrorKind::Day {
                year,
                month,
                day,
                max,
            }));
        }
        // Most records' dates fall in the years the table holds.
        let i = year.wrapping_sub(1900) as usize;
        if i < JANUARY_FIRSTS.len() - 1 {
            let first = JANUARY_FIRSTS[i];
            let leap_day = (JANUARY_FIRSTS[i + 1] - first == 366 && month > 2) as i32;
            let before = DAYS_BEFORE[month as usize] as i32;
            return Ok(Date(first + before + leap_day + day as i32 - 1));
        }
        Ok(Date(days_from_civil(year as u32, month, day)))
    }

    /// The date `days` after 1970-01-01 (before it when negative), clamped to [`MIN`](Self::MIN)
    /// and [`MAX`](Self::MAX).
    pub const fn from_days_since_epoch(days: i32) -> Date {
        if days < Self::MIN.0 {
            Self::MIN
        } else if days > Self::MAX.0 {
            Self::MAX
        } else {
            Date(days)
        }
    }

    /// Days since 1970-01-01 (negative before it).
    pub const fn days_since_epoch(self) -> i32 {
        self.0
    }

    /// Year, month and day.
    pub const fn ymd(self) -> (i32, u32, u32) {
        // Howard Hinnant's civil_from_days.
        let z = self.0 as i64 + UNIX_EPOCH_SHIFT;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + if month <= 2 { 1 } else { 0 }) as i32;
        (year, month, day)
    }

    /// The date `days` later (earlier when negative), clamped to [`MIN`](Self::MIN) and
    /// [`MAX`](Self::MAX).
    #[must_use]
    pub const fn add_days(self, days: i32) -> Date {
        Date::from_days_since_epoch(self.0.saturating_add(days))
    }

    /// The date as ISO 8601 text, `YYYY-MM-DD`, in bytes: what [`Display`](fmt::Display) writes,
    /// for writers that take bytes (a CSV writer's fields) without the formatting machinery, which
    /// costs more than the date.
    ///
    /// ```
    /// use myeloma::history::Date;
    /// let date: Date = "2024-02-29".parse()?;
    /// assert_eq!(&date.iso_bytes(), b"2024-02-29");
    /// assert_eq!(date.iso_bytes(), *date.to_string().as_bytes());
    /// # Ok::<(), myeloma::history::DateError>(())
    /// ```
    pub const fn iso_bytes(self) -> [u8; 10] {
        const fn digit(n: u32) -> u8 {
            b'0' + (n % 10) as u8
        }
        // Digit by digit: years 0001 to 9999 have four.
        let (y, m, d) = self.ymd();
        let y = y.unsigned_abs();
        [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(d / 10),
            digit(d),
        ]
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub const fn days_until(self, later: Date) -> i32 {
        later.0 - self.0
    }
}

/// Howard Hinnant's days_from_civil, in unsigned arithmetic (unsigned division by a constant is a
/// multiply and a shift): days since 1970-01-01 of a valid date.
const fn days_from_civil(year: u32, month: u32, day: u32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y / 400;
    let yoe = y - era * 400;
    let mp = if month > 2 { month - 3 } else { month + 9 };
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe) as i32 - UNIX_EPOCH_SHIFT as i32
}

/// January 1st of each year from 1900 to 2100, as days since 1970-01-01: a lookup is shorter than
/// the era arithmetic, and most records' dates fall in these years.
const JANUARY_FIRSTS: [i32; 201] = {
    let mut table = [0; 201];
    let mut i = 0;
    while i < table.len() {
        table[i] = days_from_civil(1900 + i as u32, 1, 1);
        i += 1;
    }
    table
};

/// Days before each month (1 to 12) in a common year.
const DAYS_BEFORE: [u16; 13] = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

const fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

const fn days_in_month(year: i32, month: u32) -> u32 {
    // A table rather than a match: records' months come in no order a branch could predict.
    const DAYS: [u8; 13] = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if month > 12 {
        return 0;
    }
    DAYS[month as usize] as u32 + (month == 2 && is_leap(year)) as u32
}

impl fmt::Display for Date {
    /// `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(core::str::from_utf8(&self.iso_bytes()).map_err(|_| fmt::Error)?)
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// Reads ISO 8601 calendar dates in the extended form `YYYY-MM-DD`, and nothing else.
    fn from_str(text: &str) -> Result<Date, DateError> {
        // A text that starts and ends with a digit has no white space to trim (the usual case).
        let trimmed = match text.as_bytes() {
            [first, .., last] if first.is_ascii_digit() && last.is_ascii_digit() => text,
            _ => text.trim(),
        };
        let fail = |kind| Err(DateError::with_text(kind, trimmed));
        let Ok(b) = <&[u8; 10]>::try_from(trimmed.as_bytes()) else {
            return fail(DateErrorKind::Format);
        };
        // Each digit's value, or 10 and more when it is not a digit; all checked at once.
        let d = |i: usize| u32::from(b[i].wrapping_sub(b'0'));
        let digits = [d(0), d(1), d(2), d(3), d(5), d(6), d(8), d(9)];
        if b[4] != b'-' || b[7] != b'-' || digits.iter().any(|&digit| digit > 9) {
            return fail(DateErrorKind::Format);
        }
        let [y0, y1, y2, y3, m0, m1, d0, d1] = digits;
        let (year, month, day) = (
            y0 * 1000 + y1 * 100 + y2 * 10 + y3,
            m0 * 10 + m1,
            d0 * 10 + d1,
        );
        match Date::from_ymd(year as i32, month, day) {
            Ok(date) => Ok(date),
            Err(e) => fail(e.kind),
        }
    }
}

/// Why text or numbers are not a [`Date`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateError {
    kind: DateErrorKind,
    text: [u8; 10],
    text_len: u8,
}

/// What is wrong with a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DateErrorKind {
    /// Not written `YYYY-MM-DD` with digits.
    Format,
    /// A year outside 0001 to 9999.
    Year {
        /// The year given.
        year: i32,
    },
    /// A month outside 1 to 12.
    Month {
        /// The month given.
        month: u32,
    },
    /// A day the month does not have.
    Day {
        /// The year given.
        year: i32,
        /// The month given.
        month: u32,
        /// The day given.
        day: u32,
        /// The days that month has.
        max: u32,
    },
}

impl DateError {
    const fn new(kind: DateErrorKind) -> DateError {
        DateError {
            kind,
            text: [0; 10],
            text_len: 0,
        }
    }

    fn with_text(kind: DateErrorKind, text: &str) -> DateError {
        let mut error = DateError::new(kind);
        // Keep the text when it is short enough to quote whole (at most 10 bytes, on a char boundary).
        if text.len() <= 10 {
            error.text[..text.len()].copy_from_slice(text.as_bytes());
            error.text_len = text.len() as u8;
        }
        error
    }

    /// What is wrong.
    pub const fn kind(&self) -> DateErrorKind {
        self.kind
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = core::str::from_utf8(&self.text[..usize::from(self.text_len)]).unwrap_or("");
        match (text.is_empty(), self.kind) {
            (true, DateErrorKind::Format) => f.write_str("not a date")?,
            (false, _) => write!(f, "`{text}` is not a date")?,
            (true, _) => f.write_str("not a date")?,
        }
        match self.kind {
            DateErrorKind::Format => f.write_str(" (expected YYYY-MM-DD, such as 2024-01-08)"),
            DateErrorKind::Year { year } => write!(f, ": year {year} is not between 1 and 9999"),
            DateErrorKind::Month { month } => write!(f, ": month {month} is not between 1 and 12"),
            DateErrorKind::Day {
                year,
                month,
                day,
                max,
            } => write!(f, ": {year:04}-{month:02} has {max} days, not {day}"),
        }
    }
}

impl core::error::Error for DateError {}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn round_trips_every_day_of_four_centuries() {
        let start = Date::from_ymd(1900, 1, 1).unwrap();
        for offset in 0..146_097 {
            let date = start.add_days(offset);
            let (y, m, d) = date.ymd();
            assert_eq!(Date::from_ymd(y, m, d), Ok(date));
        }
        assert_eq!(Date::from_ymd(1, 1, 1), Ok(Date::MIN));
        assert_eq!(Date::from_ymd(9999, 12, 31), Ok(Date::MAX));
        assert_eq!(Date::from_ymd(1970, 1, 1), Ok(Date::EPOCH));
        for (date, text) in [
            (Date::MIN, "0001-01-01"),
            (Date::MAX, "9999-12-31"),
            (Date::EPOCH, "1970-01-01"),
            (Date::from_ymd(987, 6, 5).unwrap(), "0987-06-05"),
        ] {
            assert_eq!(date.to_string(), text);
            assert_eq!(text.parse(), Ok(date));
        }
    }

    #[test]
    fn parse_errors_say_what_is_wrong() {
        let err = |s: &str| s.parse::<Date>().unwrap_err().to_string();
        assert_eq!(
            err("2024/01/08"),
            "`2024/01/08` is not a date (expected YYYY-MM-DD, such as 2024-01-08)"
        );
        assert_eq!(
            err("2024-13-01"),
            "`2024-13-01` is not a date: month 13 is not between 1 and 12"
        );
        assert_eq!(
            err("2023-02-29"),
            "`2023-02-29` is not a date: 2023-02 has 28 days, not 29"
        );
        assert_eq!(
            err("0000-01-01"),
            "`0000-01-01` is not a date: year 0 is not between 1 and 9999"
        );
        assert_eq!(
            err("yesterday, around noon"),
            "not a date (expected YYYY-MM-DD, such as 2024-01-08)"
        );
        assert_eq!(
            err("2024-1-8"),
            "`2024-1-8` is not a date (expected YYYY-MM-DD, such as 2024-01-08)"
        );
        assert_eq!(
            err("é-01-01é"),
            "`é-01-01é` is not a date (expected YYYY-MM-DD, such as 2024-01-08)"
        );
        assert_eq!(
            " 2024-01-08 "
                .parse::<Date>()
                .map(|d| d.to_string())
                .as_deref(),
            Ok("2024-01-08")
        );
    }
}

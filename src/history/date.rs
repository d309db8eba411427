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
            return Ok(Date(days_in_table(i, month, day)));
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
        // Howard Hinnant's civil_from_days, in unsigned arithmetic (unsigned division by a
        // constant is a multiply and a shift): every date from 0001-01-01 on is after 0000-03-01,
        // the day the count starts from.
        let z = (self.0 as i64 + UNIX_EPOCH_SHIFT) as u32;
        let era = z / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = (yoe + era * 400 + (month <= 2) as u32) as i32;
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
        // Two digits at a time from a table of "00" to "99": years 0001 to 9999 have four.
        const PAIRS: [[u8; 2]; 100] = {
            let mut pairs = [[0; 2]; 100];
            let mut i = 0;
            while i < 100 {
                pairs[i] = [b'0' + (i / 10) as u8, b'0' + (i % 10) as u8];
                i += 1;
            }
            pairs
        };
        let (y, m, d) = self.ymd();
        let y = y.unsigned_abs();
        let [y0, y1] = PAIRS[(y / 100 % 100) as usize];
        let [y2, y3] = PAIRS[(y % 100) as usize];
        let [m0, m1] = PAIRS[(m % 100) as usize];
        let [d0, d1] = PAIRS[(d % 100) as usize];
        [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1]
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

/// Days since 1970-01-01 of a valid date whose year is `1900 + i`, within [`JANUARY_FIRSTS`].
const fn days_in_table(i: usize, month: u32, day: u32) -> i32 {
    let first = JANUARY_FIRSTS[i];
    let leap_day = (JANUARY_FIRSTS[i + 1] - first == 366 && month > 2) as i32;
    let before = DAYS_BEFORE[month as usize] as i32;
    first + before + leap_day + day as i32 - 1
}

/// Days in each month (1 to 12) of a common year.
const DAYS_IN_MONTH: [u8; 13] = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/// Days before each month (1 to 12) in a common year, summed from [`DAYS_IN_MONTH`].
const DAYS_BEFORE: [u16; 13] = {
    let mut before = [0; 13];
    let mut month = 2;
    while month <= 12 {
        before[month] = before[month - 1] + DAYS_IN_MONTH[month - 1] as u16;
        month += 1;
    }
    before
};

const fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

const fn days_in_month(year: i32, month: u32) -> u32 {
    // A table rather than a match: records' months come in no order a branch could predict.
    if month > 12 {
        return 0;
    }
    DAYS_IN_MONTH[month as usize] as u32 + (month == 2 && is_leap(year)) as u32
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
        // Eight bytes at once: `YYYY-MM-` as one integer, each digit's byte XOR '0' its value (0
        // to 9), and a byte above 9 sets its high bit when 0x76 is added (no byte carries into the
        // next unless it is already wrong).
        let head = u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
        let x = head ^ 0x3030_3030_3030_3030;
        const DIGITS: u64 = 0x00ff_ff00_ffff_ffff;
        const DASHES: u64 = 0xff00_00ff_0000_0000;
        let bad = (x.wrapping_add(0x7676_7676_7676_7676) | x) & 0x8080_8080_8080_8080 & DIGITS;
        let (d0, d1) = (b[8].wrapping_sub(b'0'), b[9].wrapping_sub(b'0'));
        if bad != 0 || head & DASHES != 0x2d00_002d_0000_0000 || d0 > 9 || d1 > 9 {
            return fail(DateErrorKind::Format);
        }
        // Digit pairs side by side, the dashes masked out: each byte times ten plus the byte after
        // it, in one multiplication (no pair exceeds 99, so nothing carries into the next byte).
        let digits = x & DIGITS;
        let pairs = (digits * 10 + (digits >> 8)) & 0x0000_ff00_00ff_00ff;
        let (year, month, day) = (
            (pairs & 0xff) as u32 * 100 + (pairs >> 16 & 0xff) as u32,
            (pairs >> 40 & 0xff) as u32,
            u32::from(d0) * 10 + u32::from(d1),
        );
        // Every month has days 1 to 28: for those, only the month and the table's years to check.
        let i = year.wrapping_sub(1900) as usize;
        if i < JANUARY_FIRSTS.len() - 1 && (1..=12).contains(&month) && (1..=28).contains(&day) {
            return Ok(Date(days_in_table(i, month, day)));
        }
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
            assert_eq!(date.to_string().parse(), Ok(date));
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
    fn every_date_has_its_year_month_and_day() {
        // From the first date to the last, each day follows the one before in the calendar.
        let mut before = Date::MIN.ymd();
        assert_eq!(before, (1, 1, 1));
        for days in Date::MIN.0 + 1..=Date::MAX.0 {
            let (y, m, d) = Date(days).ymd();
            let next = if d > 1 {
                (before.0, before.1, before.2 + 1)
            } else if m > 1 {
                (before.0, before.1 + 1, 1)
            } else {
                (before.0 + 1, 1, 1)
            };
            assert_eq!((y, m, d), next, "{days}");
            assert!(d <= days_in_month(y, m));
            if d == 1 {
                assert_eq!(before.2, days_in_month(before.0, before.1), "{days}");
            }
            let digits = |n: u32, width: u32| {
                (0..width)
                    .rev()
                    .map(move |i| b'0' + (n / 10u32.pow(i) % 10) as u8)
            };
            let iso: alloc::vec::Vec<u8> = digits(y as u32, 4)
                .chain([b'-'])
                .chain(digits(m, 2))
                .chain([b'-'])
                .chain(digits(d, 2))
                .collect();
            assert_eq!(Date(days).iso_bytes()[..], iso[..], "{days}");
            before = (y, m, d);
        }
        assert_eq!(before, (9999, 12, 31));
    }

    #[test]
    fn a_date_parses_only_with_digits_and_dashes_in_place() {
        // Every byte at every position of a few dates: the eight-bytes-at-once check agrees with
        // reading each byte.
        for text in ["2024-02-29", "1999-12-31", "2100-03-01", "0001-01-01"] {
            for at in 0..10 {
                for byte in 0..=255u8 {
                    let mut bytes = *<&[u8; 10]>::try_from(text.as_bytes()).unwrap();
                    bytes[at] = byte;
                    let Ok(changed) = core::str::from_utf8(&bytes) else {
                        continue;
                    };
                    let in_place = if at == 4 || at == 7 {
                        byte == b'-'
                    } else {
                        byte.is_ascii_digit()
                    };
                    let number = |range: core::ops::Range<usize>| {
                        bytes[range]
                            .iter()
                            .fold(0, |n, &b| n * 10 + u32::from(b.wrapping_sub(b'0')))
                    };
                    let expected = if in_place {
                        Date::from_ymd(number(0..4) as i32, number(5..7), number(8..10)).ok()
                    } else {
                        None
                    };
                    assert_eq!(changed.parse().ok(), expected, "{changed:?}");
                }
            }
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

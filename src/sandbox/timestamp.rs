//! RFC 3339 timestamps (`2026-06-01T00:00:00Z`) written straight into a serializer: a Zooza record
//! carries ~600 of them, and formatting each through chrono into a fresh `String` was a visible
//! part of writing the body.

use serde::{Serialize, Serializer};

use super::generate::rfc3339;
use super::json_out::{ObjectOut, string};

/// Seconds since the epoch, serialized as [`rfc3339`] writes them (UTC, whole seconds, `Z`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Timestamp(pub(crate) i64);

/// 9999-12-31T23:59:59Z: past it the year needs more than four digits.
const LAST_FOUR_DIGIT_SECS: i64 = 253_402_300_799;

impl Timestamp {
    /// The timestamp's 20 bytes, or `None` outside years 1970-9999 (left to chrono).
    fn ascii(self) -> Option<[u8; 20]> {
        if !(0..=LAST_FOUR_DIGIT_SECS).contains(&self.0) {
            return None;
        }
        let secs = self.0 as u64;
        let (days, time) = (secs / 86_400, secs % 86_400);
        let (year, month, day) = civil_from_days(days);
        let mut text = *b"0000-00-00T00:00:00Z";
        let mut put = |at: usize, value: u64, width: usize| {
            let mut value = value;
            for slot in text[at..at + width].iter_mut().rev() {
                *slot = b'0' + (value % 10) as u8;
                value /= 10;
            }
        };
        put(0, year, 4);
        put(5, month, 2);
        put(8, day, 2);
        put(11, time / 3_600, 2);
        put(14, time / 60 % 60, 2);
        put(17, time % 60, 2);
        Some(text)
    }
}

/// The proleptic Gregorian (year, month, day) of a day count since 1970-01-01, by the usual
/// era arithmetic (400-year eras starting on March 1st, so the leap day ends each year).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let shifted = days + 719_468;
    let era = shifted / 146_097;
    let day_of_era = shifted % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

impl Timestamp {
    /// The timestamp as a JSON string, as its `Serialize` writes it.
    pub(crate) fn write_json(self, out: &mut Vec<u8>) {
        match self.ascii() {
            Some(text) => {
                out.push(b'"');
                out.extend_from_slice(&text);
                out.push(b'"');
            }
            None => string(out, &rfc3339(self.0)),
        }
    }
}

impl ObjectOut<'_> {
    /// A timestamp member. Here rather than with the other members so that the JSON writer
    /// needs no timestamp: timestamps are written with it.
    #[inline]
    pub(crate) fn timestamp(&mut self, key: &'static str, value: Timestamp) -> &mut Self {
        value.write_json(self.key(key));
        self
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.ascii() {
            Some(text) => serializer.serialize_str(std::str::from_utf8(&text).unwrap_or_default()),
            None => serializer.serialize_str(&rfc3339(self.0)),
        }
    }
}

#[cfg(test)]
mod tests;

//! A JSON number, kept as the kind it was written as: a whole number that
//! fits stays a `u64` (0 and up) or an `i64` (below 0), anything else is an
//! `f64`. Readers that want a count ask for [`Number::as_u64`], so "3.0" is
//! not a count, as with serde_json.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number(N);

#[derive(Debug, Clone, Copy, PartialEq)]
enum N {
    PosInt(u64),
    /// Always below zero.
    NegInt(i64),
    /// Always finite.
    Float(f64),
}

impl Number {
    pub(crate) fn from_u64(n: u64) -> Number {
        Number(N::PosInt(n))
    }

    /// A negative whole number (the parser gives `-0` as a float).
    pub(crate) fn from_negative(n: i64) -> Number {
        Number(N::NegInt(n))
    }

    /// A finite float.
    pub(crate) fn from_f64(x: f64) -> Number {
        Number(N::Float(x))
    }

    pub fn is_u64(&self) -> bool {
        matches!(self.0, N::PosInt(_))
    }

    pub fn is_i64(&self) -> bool {
        match self.0 {
            N::PosInt(n) => n <= i64::MAX as u64,
            N::NegInt(_) => true,
            N::Float(_) => false,
        }
    }

    pub fn is_f64(&self) -> bool {
        matches!(self.0, N::Float(_))
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self.0 {
            N::PosInt(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self.0 {
            N::PosInt(n) => i64::try_from(n).ok(),
            N::NegInt(n) => Some(n),
            N::Float(_) => None,
        }
    }

    /// Always `Some`; an `Option` as in serde_json, whose callers this keeps.
    pub fn as_f64(&self) -> Option<f64> {
        Some(match self.0 {
            N::PosInt(n) => n as f64,
            N::NegInt(n) => n as f64,
            N::Float(x) => x,
        })
    }
}

/// As serde_json writes it: whole numbers in digits, floats as their
/// shortest round-trip text ("1.0", "0.1", "1e21").
impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.0 {
            N::PosInt(n) => crate::decimal::write_uint(f, n, false),
            N::NegInt(n) => {
                f.write_str("-")?;
                crate::decimal::write_uint(f, n.unsigned_abs(), false)
            }
            N::Float(x) => f.write_str(zmij::Buffer::new().format_finite(x)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{from_str, Value};

    fn number(text: &str) -> Number {
        match from_str(text) {
            Ok(Value::Number(n)) => n,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn kinds_are_told_apart_as_serde_json_does() {
        for text in [
            "0",
            "1",
            "18446744073709551615",
            "-1",
            "-9223372036854775808",
            "-0",
            "1.0",
            "1e2",
            "18446744073709551616",
            "-9223372036854775809",
            "0.5",
        ] {
            let ours = number(text);
            let theirs: serde_json::Number = serde_json::from_str(text).unwrap();
            assert_eq!(ours.is_u64(), theirs.is_u64(), "{text}");
            assert_eq!(ours.is_i64(), theirs.is_i64(), "{text}");
            assert_eq!(ours.is_f64(), theirs.is_f64(), "{text}");
            assert_eq!(ours.as_u64(), theirs.as_u64(), "{text}");
            assert_eq!(ours.as_i64(), theirs.as_i64(), "{text}");
            assert_eq!(
                ours.as_f64().map(f64::to_bits),
                theirs.as_f64().map(f64::to_bits),
                "{text}"
            );
            assert_eq!(ours.to_string(), theirs.to_string(), "{text}");
        }
    }

    #[test]
    fn floats_print_as_serde_json_prints_them() {
        for x in [
            0.1,
            1.0,
            -0.0,
            1e21,
            1e-7,
            123456.789,
            f64::MAX,
            5e-324,
            -2.5,
        ] {
            let theirs = serde_json::Number::from_f64(x).unwrap().to_string();
            assert_eq!(Number::from_f64(x).to_string(), theirs);
        }
    }
}

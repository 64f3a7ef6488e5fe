//! Numbers rounded to a few decimals, as the SVG and the reports write them:
//! coordinates to two decimals, scores to one, whole percentages.
//!
//! `format!("{x:.2}")` alone would not do: it rounds the binary value half
//! to even (2.25 → "2.2") and keeps trailing zeros and "-0". The rounding
//! here is that of `(x * 10^decimals).round()`, half away from zero, which
//! the SVG coordinates and scores have always used; the digits are then
//! written with std's integer formatting.

use std::fmt::{self, Write};

/// Below this magnitude [`fixed`] rounds through an `i64`; at or above it,
/// where a count of hundredths would no longer be exact, it writes the
/// shortest digits in exponent form ("1e300") instead.
const FIXED_LIMIT: f64 = 1e15;

/// Writes `x` rounded to `decimals` places (at most 3; more are treated as
/// 3), half away from zero, with trailing zeros and a bare "." dropped and
/// never "-0": 12.346 → "12.35", 2.0 → "2", -0.001 → "0".
///
/// NaN and infinities are written "NaN", "inf", "-inf"; magnitudes of 1e15
/// and more in exponent form ("1.5e20").
pub(crate) fn write_fixed<W: Write + ?Sized>(out: &mut W, x: f64, decimals: u32) -> fmt::Result {
    if !x.is_finite() || x.abs() >= FIXED_LIMIT {
        return write!(out, "{x:e}");
    }
    let mut decimals = decimals.min(3);
    let unit = 10u64.pow(decimals);
    // |x| < 1e15 and unit ≤ 1000, so the product fits an i64 with room.
    let scaled = (x * unit as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, mut frac) = (scaled.unsigned_abs() / unit, scaled.unsigned_abs() % unit);
    if frac == 0 {
        return write!(out, "{sign}{whole}");
    }
    while frac % 10 == 0 {
        frac /= 10;
        decimals -= 1;
    }
    write!(
        out,
        "{sign}{whole}.{frac:0width$}",
        width = decimals as usize
    )
}

/// [`write_fixed`] as a `String`.
pub(crate) fn fixed(x: f64, decimals: u32) -> String {
    let mut s = String::new();
    let _ = write_fixed(&mut s, x, decimals);
    s
}

/// A share (0.125) as a whole percentage ("13"), halves rounded away from
/// zero: the one rounding of every report, export and chart, and the page's,
/// so that a figure reads the same wherever it is shown. Rounded as the
/// page's `Intl.NumberFormat` does, on the number's shortest decimal
/// ("0.575" → 58), not on its binary value times 100 (57.49999… → 57).
pub(crate) fn whole_percent(share: f64) -> String {
    if !share.is_finite() {
        return fixed(share, 0);
    }
    // `{}` writes the shortest decimal that reads back as `share`, never
    // with an exponent: the hundredths are the digits two places on.
    let text = format!("{}", share.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let digit = |i: usize| u64::from(fraction.as_bytes().get(i).map_or(0, |b| b - b'0'));
    let mut percent = whole.parse::<u64>().unwrap_or(0) * 100 + digit(0) * 10 + digit(1);
    if digit(2) >= 5 {
        percent += 1;
    }
    let sign = if share < 0.0 && percent > 0 { "-" } else { "" };
    format!("{sign}{percent}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What the callers wrote before this module: round the scaled value,
    /// scale back, format to the decimals, trim, and no "-0".
    fn old_fixed(x: f64, decimals: u32) -> String {
        let unit = 10f64.powi(decimals as i32);
        let r = (x * unit).round() / unit;
        let s = format!("{r:.*}", decimals as usize);
        let s = if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.')
        } else {
            &s
        };
        if s == "-0" {
            "0".into()
        } else {
            s.into()
        }
    }

    #[test]
    fn fixed_rounds_trims_and_drops_negative_zero() {
        assert_eq!(fixed(1.0, 2), "1");
        assert_eq!(fixed(-0.001, 2), "0");
        assert_eq!(fixed(-0.0, 0), "0");
        assert_eq!(fixed(12.346, 2), "12.35");
        assert_eq!(fixed(-3.1, 2), "-3.1");
        assert_eq!(fixed(259.8076211353316, 2), "259.81");
        assert_eq!(fixed(2.25, 1), "2.3", "half away from zero");
        assert_eq!(fixed(-2.25, 1), "-2.3");
        assert_eq!(fixed(0.05, 2), "0.05", "leading zeros of the fraction stay");
        assert_eq!(fixed(1.0005, 3), "1.001");
        assert_eq!(fixed(1.2, 3), "1.2");
        assert_eq!(fixed(7.0, 9), "7", "more than three decimals are three");
        assert_eq!(fixed(1.23456, 9), "1.235");
        assert_eq!(fixed(45.5, 0), "46");
        assert_eq!(fixed(999_999_999_999_999.0, 0), "999999999999999");
    }

    #[test]
    fn fixed_writes_huge_and_non_finite_values_briefly() {
        assert_eq!(fixed(1e15, 2), "1e15");
        assert_eq!(fixed(-1.5e20, 2), "-1.5e20");
        assert_eq!(fixed(1e300, 0), "1e300");
        assert_eq!(fixed(f64::MAX, 2), "1.7976931348623157e308");
        assert_eq!(fixed(f64::NAN, 2), "NaN");
        assert_eq!(fixed(f64::INFINITY, 1), "inf");
        assert_eq!(fixed(f64::NEG_INFINITY, 1), "-inf");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn fixed_matches_core_formatting(x in -1e12f64..1e12, decimals in 0u32..=3) {
            prop_assert_eq!(fixed(x, decimals), old_fixed(x, decimals));
        }

        #[test]
        fn fixed_matches_core_formatting_near_zero(x in -10f64..10.0, decimals in 0u32..=3) {
            prop_assert_eq!(fixed(x, decimals), old_fixed(x, decimals));
        }

        #[test]
        fn fixed_matches_core_on_round_halves(n in -100_000i64..100_000, decimals in 0u32..=3) {
            // k + 0.5 units exactly: the ties where rounding modes differ.
            let x = (n as f64 + 0.5) / 10f64.powi(decimals as i32);
            prop_assert_eq!(fixed(x, decimals), old_fixed(x, decimals));
        }
    }
}

//! Decimal text for `f64` without core's float formatting.
//!
//! `{}`, `{:?}` and `{:.N}` of an `f64` pull core's Grisu and Dragon4
//! formatters and their power-of-ten tables into the Wasm, tens of kilobytes
//! for what this crate writes: coordinates to two decimals, scores to one,
//! whole percentages. [`fixed`] rounds through integers instead. The few
//! places that need the shortest text that reads back as the same value
//! ([`shortest`], [`debug`]) take its digits from zmij, the float writer
//! the binary carries anyway for JSON (the one serde_json uses), and lay them
//! out exactly as `{}` and `{:?}` would.

use std::fmt::{self, Write};

/// Below this magnitude [`fixed`] rounds through an `i64`; at or above it,
/// where a count of hundredths would no longer be exact, it writes the
/// shortest digits in exponent form ("1e300") instead.
const FIXED_LIMIT: f64 = 1e15;

/// Writes the digits of `n`, with a comma every three when `grouped`.
pub(crate) fn write_uint<W: Write>(out: &mut W, n: u64, grouped: bool) -> fmt::Result {
    let mut buf = [0u8; 20];
    let mut n = n;
    let mut len = 0;
    loop {
        buf[len] = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for i in (0..len).rev() {
        out.write_char(buf[i] as char)?;
        if grouped && i > 0 && i % 3 == 0 {
            out.write_char(',')?;
        }
    }
    Ok(())
}

/// Writes `x` rounded to `decimals` places (at most 3; more are treated as
/// 3), half away from zero, with trailing zeros and a bare "." dropped and
/// never "-0": 12.346 → "12.35", 2.0 → "2", -0.001 → "0".
///
/// The rounding is that of `(x * 10^decimals).round()`, which is what the
/// SVG coordinates and scores have always used. NaN and infinities are
/// written "NaN", "inf", "-inf"; magnitudes of 1e15 and more in exponent
/// form ("1.5e20").
pub(crate) fn write_fixed<W: Write>(out: &mut W, x: f64, decimals: u32) -> fmt::Result {
    if !x.is_finite() || x.abs() >= FIXED_LIMIT {
        return write_debug_like(out, x, Layout::Exponent);
    }
    let decimals = decimals.min(3);
    let unit = 10u64.pow(decimals);
    // |x| < 1e15 and unit ≤ 1000, so the product fits an i64 with room.
    let scaled = (x * unit as f64).round() as i64;
    if scaled < 0 {
        out.write_char('-')?;
    }
    let scaled = scaled.unsigned_abs();
    write_uint(out, scaled / unit, false)?;
    let mut frac = scaled % unit;
    if frac == 0 {
        return Ok(());
    }
    out.write_char('.')?;
    let mut place = unit / 10;
    while frac != 0 {
        out.write_char((b'0' + (frac / place) as u8) as char)?;
        frac %= place;
        place /= 10;
    }
    Ok(())
}

/// [`write_fixed`] as a `String`.
pub(crate) fn fixed(x: f64, decimals: u32) -> String {
    let mut s = String::new();
    let _ = write_fixed(&mut s, x, decimals);
    s
}

/// Exactly what `format!("{x}")` gives: the shortest text that reads back as
/// `x`, never in exponent form (1e20 → "100000000000000000000", 1e-7 →
/// "0.0000001", 2.0 → "2", -0.0 → "-0").
pub(crate) fn shortest(x: f64) -> String {
    let mut s = String::new();
    let _ = write_debug_like(&mut s, x, Layout::Plain);
    s
}

/// Exactly what `format!("{x:?}")` gives: the shortest text that reads back
/// as `x`, with ".0" on whole numbers and exponent form below 1e-4 and from
/// 1e16 on (2.0 → "2.0", 1e300 → "1e300").
pub(crate) fn debug(x: f64) -> String {
    let mut s = String::new();
    let layout = if x != 0.0 && (x.abs() < 1e-4 || x.abs() >= 1e16) {
        Layout::Exponent
    } else {
        Layout::PlainPointZero
    };
    let _ = write_debug_like(&mut s, x, layout);
    s
}

#[derive(Clone, Copy, PartialEq)]
enum Layout {
    /// "100", "0.5" (`{}`).
    Plain,
    /// "100.0", "0.5" (`{:?}` in its plain range).
    PlainPointZero,
    /// "1e2", "5e-1", "1.5e16".
    Exponent,
}

/// The shortest decimal digits of a finite, non-zero magnitude: the value is
/// `0.d₁d₂d₃… × 10^exp`, with no leading or trailing zero digit.
struct Digits {
    digits: Vec<u8>,
    exp: i32,
}

/// Reads the digits back out of zmij's text for `x` ("1.5e+16",
/// "0.0001", "123.0" and the like), whatever layout it chose.
fn digits(x: f64) -> Digits {
    let x = x.abs();
    let mut buffer = zmij::Buffer::new();
    let text = if x.is_finite() {
        buffer.format_finite(x)
    } else {
        ""
    };
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let mut digits = Vec::with_capacity(mantissa.len());
    let mut int_len = 0i32;
    let mut seen_point = false;
    for b in mantissa.bytes() {
        match b {
            b'.' => seen_point = true,
            b'0'..=b'9' => {
                if digits.is_empty() && b == b'0' {
                    // A leading zero only moves the point.
                    if seen_point {
                        int_len -= 1;
                    }
                    continue;
                }
                digits.push(b);
                if !seen_point {
                    int_len += 1;
                }
            }
            _ => {}
        }
    }
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    let mut d = Digits {
        digits,
        exp: int_len + exponent,
    };
    // When `x` lies exactly halfway between two shortest candidates, zmij
    // picks the even one and core the one further from zero.
    if halfway_above(x.abs(), &d) {
        d.round_up();
    }
    d
}

/// Whether `x` (finite, positive) is exactly halfway between `d` and the
/// number one unit above `d` in its last digit.
///
/// With `d` having `j` decimals, that midpoint is (2·d + 1)·5^-j·2^-(j+1);
/// writing `x` as odd·2^-p, the two are equal exactly when p = j + 1 and
/// odd·5^j = 2·d + 1 (both sides odd). Only numbers with a fraction can be
/// halfway: the two candidates must lie within one spacing of `x`.
fn halfway_above(x: f64, d: &Digits) -> bool {
    let j = d.digits.len() as i32 - d.exp;
    let bits = x.to_bits();
    let biased = (bits >> 52) as i32;
    if j < 1 || biased == 0 || d.digits.len() > 18 {
        return false;
    }
    let mantissa = (bits & ((1 << 52) - 1)) | 1 << 52;
    let twos = mantissa.trailing_zeros() as i32;
    if 1075 - biased - twos != j + 1 {
        return false;
    }
    let mut odd = mantissa >> twos;
    for _ in 0..j {
        if odd > u64::MAX / 5 {
            return false;
        }
        odd *= 5;
    }
    let int = d
        .digits
        .iter()
        .fold(0u64, |n, &b| n * 10 + u64::from(b - b'0'));
    odd == 2 * int + 1
}

impl Digits {
    /// Adds one unit in the last digit.
    fn round_up(&mut self) {
        for b in self.digits.iter_mut().rev() {
            if *b == b'9' {
                *b = b'0';
            } else {
                *b += 1;
                break;
            }
        }
        if self.digits.first() == Some(&b'0') {
            // Every digit was a 9.
            self.digits.insert(0, b'1');
            self.exp += 1;
        }
        while self.digits.last() == Some(&b'0') {
            self.digits.pop();
        }
    }
}

fn write_zeros<W: Write>(out: &mut W, n: i32) -> fmt::Result {
    for _ in 0..n {
        out.write_char('0')?;
    }
    Ok(())
}

fn write_ascii<W: Write>(out: &mut W, bytes: &[u8]) -> fmt::Result {
    bytes.iter().try_for_each(|&b| out.write_char(b as char))
}

/// Core's layout of the shortest digits, sign included ("-0" for -0.0).
fn write_debug_like<W: Write>(out: &mut W, x: f64, layout: Layout) -> fmt::Result {
    if x.is_nan() {
        return out.write_str("NaN");
    }
    if x.is_sign_negative() {
        out.write_char('-')?;
    }
    if x.is_infinite() {
        return out.write_str("inf");
    }
    let d = if x == 0.0 {
        Digits {
            digits: Vec::new(),
            exp: 1,
        }
    } else {
        digits(x)
    };
    let (all, exp) = (d.digits.as_slice(), d.exp);
    if layout == Layout::Exponent {
        let (first, rest) = all.split_first().unwrap_or((&b'0', &[]));
        out.write_char(*first as char)?;
        if !rest.is_empty() {
            out.write_char('.')?;
            write_ascii(out, rest)?;
        }
        out.write_char('e')?;
        let e = if all.is_empty() { 0 } else { exp - 1 };
        if e < 0 {
            out.write_char('-')?;
        }
        return write_uint(out, u64::from(e.unsigned_abs()), false);
    }
    let len = all.len() as i32;
    if all.is_empty() {
        out.write_char('0')?;
    } else if exp <= 0 {
        out.write_str("0.")?;
        write_zeros(out, -exp)?;
        return write_ascii(out, all);
    } else if exp < len {
        let (int, frac) = all.split_at(exp as usize);
        write_ascii(out, int)?;
        out.write_char('.')?;
        return write_ascii(out, frac);
    } else {
        write_ascii(out, all)?;
        write_zeros(out, exp - len)?;
    }
    if layout == Layout::PlainPointZero {
        out.write_str(".0")?;
    }
    Ok(())
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

    #[test]
    fn shortest_and_debug_match_core_on_landmarks() {
        for x in [
            0.0,
            -0.0,
            1.0,
            -3.0,
            0.5,
            0.1,
            0.3,
            1.0 / 3.0,
            2.0 / 3.0,
            1e-4,
            9.9999e-5,
            1e-7,
            1.5e-300,
            5e-324,
            f64::MIN_POSITIVE,
            123456.789,
            1e15,
            1e16,
            9_999_999_999_999_998.0,
            // 625294281343102.25, halfway between ….2 and ….3.
            f64::from_bits(4_828_357_555_164_546_034),
            999_999_999_999_999.9,
            1.5e16,
            1e21,
            1e22,
            1e23,
            1e300,
            f64::MAX,
            -f64::MAX,
            f64::EPSILON,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            assert_eq!(shortest(x), format!("{x}"), "{{}} of {x:e}");
            assert_eq!(debug(x), format!("{x:?}"), "{{:?}} of {x:e}");
        }
    }

    #[test]
    fn write_uint_groups_thousands() {
        let w = |n, g| {
            let mut s = String::new();
            write_uint(&mut s, n, g).unwrap();
            s
        };
        assert_eq!(w(0, true), "0");
        assert_eq!(w(999, true), "999");
        assert_eq!(w(1000, true), "1,000");
        assert_eq!(w(1234567, false), "1234567");
        assert_eq!(w(u64::MAX, true), "18,446,744,073,709,551,615");
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

        #[test]
        fn shortest_and_debug_match_core_everywhere(bits in any::<u64>()) {
            let x = f64::from_bits(bits);
            prop_assert_eq!(shortest(x), format!("{x}"));
            prop_assert_eq!(debug(x), format!("{x:?}"));
        }

        #[test]
        fn shortest_and_debug_match_core_halfway_between_candidates(
            n in (1u64 << 49)..(1u64 << 54),
            eighths in 0u32..8,
            shift in -8i32..12,
        ) {
            // Magnitudes whose spacing is a power of two near one unit of
            // their 16th or 17th digit: where the two writers could differ.
            let x = (n as f64 + f64::from(eighths) / 8.0) * 2f64.powi(shift);
            prop_assert_eq!(shortest(x), format!("{x}"));
            prop_assert_eq!(debug(-x), format!("{:?}", -x));
        }

        #[test]
        fn shortest_and_debug_match_core_on_ordinary_numbers(x in -1e6f64..1e6) {
            prop_assert_eq!(shortest(x), format!("{x}"));
            prop_assert_eq!(debug(x), format!("{x:?}"));
        }
    }
}

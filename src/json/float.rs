//! Decimal digits to the nearest `f64`, correctly rounded (ties to even),
//! without core's `str::parse::<f64>`, whose tables of powers of ten would
//! add about 10 KB to the Wasm.
//!
//! Most numbers in models ("2.5", "0.35", "120") take Clinger's fast path: a
//! significand below 2^53 and a power of ten up to 10^22 are both exact
//! doubles, so one IEEE multiplication or division rounds correctly. The
//! rest divide big integers: the value is p/q exactly, and 65 bits of the
//! quotient plus whether anything remains decide the rounding.

/// Digits past this many only matter as "something more": no halfway point
/// between two doubles has more than 767 significant digits.
const MAX_DIGITS: i64 = 800;

/// The magnitude `digits × 10^e10`, where `digits` are ASCII digits that may
/// hold one `.` (skipped: the caller counts the fraction in `e10`), or
/// `None` when it is too large for an `f64`. Tiny magnitudes give 0.
pub(crate) fn from_parts(digits: &[u8], e10: i64) -> Option<f64> {
    let (n, w) = significand(digits);
    // The value lies in [10^(n+e10-1), 10^(n+e10)).
    if n == 0 || n + e10 < -324 {
        return Some(0.0);
    }
    if n + e10 > 310 {
        return None;
    }
    if let Some(x) = w.and_then(|w| fast_path(w, e10)) {
        return Some(x);
    }
    // Past MAX_DIGITS, a nonzero digit only says "more": one more 1.
    let mut p = Big(Vec::new());
    let (mut e10, mut more, mut i) = (e10, false, 0);
    for &b in significant(digits) {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            continue;
        }
        i += 1;
        if i <= MAX_DIGITS {
            p.mul_add(10, u32::from(d));
        } else {
            e10 += 1;
            more |= d != 0;
        }
    }
    if more {
        p.mul_add(10, 1);
        e10 -= 1;
    }
    slow_path(p, e10)
}

/// From the first digit that is not 0 on.
fn significant(digits: &[u8]) -> &[u8] {
    let first = digits.iter().position(|&b| b != b'0' && b != b'.');
    digits
        .get(first.unwrap_or(digits.len())..)
        .unwrap_or_default()
}

/// How many significant digits `digits` (ASCII, perhaps with a `.`) has,
/// and their value when it fits a `u64`.
pub(crate) fn significand(digits: &[u8]) -> (i64, Option<u64>) {
    let (mut n, mut w) = (0, Some(0u64));
    for &b in significant(digits) {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            continue;
        }
        n += 1;
        // No 128-bit `checked_mul`: the bound is a constant.
        w = w
            .filter(|&w| w <= u64::MAX / 10)
            .and_then(|w| (w * 10).checked_add(u64::from(d)));
    }
    (n, w)
}

/// Clinger's fast path: exact operands, one rounding.
fn fast_path(mut w: u64, mut e: i64) -> Option<f64> {
    const EXACT: u64 = 1 << 53;
    // 12e30: 12·10^8 is still exact, and 10^22 is.
    while e > 22 && w <= EXACT / 10 {
        w *= 10;
        e -= 1;
    }
    if w >= EXACT || !(-22..=22).contains(&e) {
        return None;
    }
    let mut pow = 1.0;
    for _ in 0..e.unsigned_abs() {
        pow *= 10.0;
    }
    let x = w as f64;
    Some(if e >= 0 { x * pow } else { x / pow })
}

/// The exact quotient p·10^e10 / 1 or p / 10^-e10 of big integers, rounded
/// once.
fn slow_path(mut p: Big, e10: i64) -> Option<f64> {
    let mut q = Big(vec![1]);
    if e10 >= 0 {
        p.mul_pow(10, e10 as u32);
    } else {
        q.mul_pow(10, e10.unsigned_abs() as u32);
    }
    // Scale so that p/q lies in [1/2, 2): it lies in [2^(d-1), 2^(d+1)).
    let d = p.bit_len() - q.bit_len();
    if d > 0 {
        q.mul_pow(2, d as u32);
    } else {
        p.mul_pow(2, d.unsigned_abs() as u32);
    }
    // 64 bits of the quotient (2^62 and up), one per step of long division.
    let mut quot = 0u64;
    for _ in 0..64 {
        quot <<= 1;
        if p >= q {
            p.sub_assign(&q);
            quot |= 1;
        }
        p.mul_add(2, 0);
    }
    let sticky = !p.0.is_empty();
    // The value is (quot + a fraction when sticky) · 2^(d-63), in
    // [2^e, 2^(e+1)).
    let k = 63 - d;
    let e = 63 - i64::from(quot.leading_zeros()) - k;
    // Subnormals keep the exponent of the smallest normal and fewer bits.
    let e = e.max(-1022);
    let shift = k + e - 52;
    if shift > 64 {
        return Some(0.0);
    }
    let (m, rem) = if shift == 64 {
        (0, quot)
    } else {
        (quot >> shift, quot & ((1 << shift) - 1))
    };
    let half = 1 << (shift - 1);
    let up = rem > half || (rem == half && (sticky || m & 1 == 1));
    // `m` carries the hidden bit (2^52), which adds the 1 of the biased
    // exponent; a carry to 2^53 moves on to the next binade by itself.
    let f = (((e + 1022) as u64) << 52) + m + u64::from(up);
    if f >= f64::INFINITY.to_bits() {
        return None;
    }
    Some(f64::from_bits(f))
}

/// An unsigned big integer, little-endian 32-bit limbs, no zero limb on top.
#[derive(PartialEq, Eq)]
struct Big(Vec<u32>);

impl Big {
    /// self = self · m + a.
    fn mul_add(&mut self, m: u32, a: u32) {
        let mut carry = u64::from(a);
        for limb in &mut self.0 {
            let x = u64::from(*limb) * u64::from(m) + carry;
            *limb = x as u32;
            carry = x >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    /// self = self · base^n, for base 2 or 10, in steps that fit a limb.
    fn mul_pow(&mut self, base: u32, mut n: u32) {
        let step = if base == 2 { 31 } else { 9 };
        while n > 0 {
            let s = n.min(step);
            self.mul_add(base.pow(s), 0);
            n -= s;
        }
    }

    fn bit_len(&self) -> i64 {
        match self.0.last() {
            Some(top) => self.0.len() as i64 * 32 - i64::from(top.leading_zeros()),
            None => 0,
        }
    }

    /// self -= other, for other <= self.
    fn sub_assign(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let x = i64::from(*limb) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            borrow = i64::from(x < 0);
            *limb = x as u32;
        }
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Big) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Big) -> std::cmp::Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Our reading of `text` (digits, optional fraction and exponent).
    fn ours(text: &str) -> Option<f64> {
        let (mantissa, exp) = match text.split_once(['e', 'E']) {
            Some((m, e)) => (m, e.parse::<i64>().unwrap()),
            None => (text, 0),
        };
        let frac = mantissa.split_once('.').map_or(0, |(_, f)| f.len() as i64);
        from_parts(mantissa.as_bytes(), exp - frac)
    }

    fn check(text: &str) {
        let expected = text.parse::<f64>().unwrap();
        let got = ours(text);
        if expected.is_infinite() {
            assert_eq!(got, None, "{text}");
        } else {
            assert_eq!(got.map(f64::to_bits), Some(expected.to_bits()), "{text}");
        }
    }

    #[test]
    fn boundary_cases_round_correctly() {
        for text in [
            "0", "0.0", "1", "0.1", "0.2", "0.3", "1e23", "8.98846567431158e307",
            "9007199254740991", "9007199254740992", "9007199254740993", "9007199254740995",
            "18446744073709551615", "18446744073709551616", "123456789012345678901234567890",
            "2.2250738585072014e-308", "2.2250738585072011e-308", "2.2250738585072012e-308",
            "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
            "1e-400", "1.7976931348623157e308", "1.7976931348623158e308",
            "1.7976931348623159e308", "1e309", "1e308", "5e-324", "3e-324", "1e-323",
            "7.2057594037927933e16", "4.35679e-10", "0.000001", "123.456", "1e22", "1e-22",
            "12e30", "9007199254740993e-3", "0.1e-320",
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791",
            "2.47032822920623272088284396434110686182529901307162382212792841250337753635104375932649918180817996189898282347722858865463328355177969898199387398005390939063150356595155702263922908583924491051844359318028499365361525003193704576782492193656236698636584807570015857692699037063119282795585513329278343384093519780155312465972635795746227664652728272200563740064854999770965994704540208281662262378573934507363390079677619305775067401763246736009689513405355374585166611342237666786041621596804619144672918403005300575308490487653917113865916462395249126236538818796362393732804238910186723484976682350898633885879256283027559956575244555072551893136908362547791869486679949683240497058210285131854513962138377228261454376934125320985913276672363281255e-324",
        ] {
            check(text);
        }
        assert_eq!(ours("0e999999"), Some(0.0));
        assert_eq!(ours("1e-99999999"), Some(0.0));
        assert_eq!(ours("1e99999999"), None);
    }

    #[test]
    fn long_tails_count_only_as_more() {
        let halfway = "9007199254740993";
        check(halfway);
        check(&format!("{halfway}{}", "0".repeat(900)));
        check(&format!("{halfway}{}1", "0".repeat(900)));
        check(&format!(
            "0.{}{halfway}{}1e330",
            "0".repeat(5),
            "0".repeat(1200)
        ));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn digits_and_exponents_round_as_core_does(
            int in "[0-9]{1,25}",
            frac in "[0-9]{0,25}",
            exp in -360i64..360,
        ) {
            let text = if frac.is_empty() { format!("{int}e{exp}") } else { format!("{int}.{frac}e{exp}") };
            check(&text);
        }

        #[test]
        fn every_double_reads_back(bits in any::<u64>()) {
            let x = f64::from_bits(bits).abs();
            prop_assume!(x.is_finite());
            check(&format!("{x:e}"));
            check(&format!("{x:?}"));
        }

        #[test]
        fn midpoints_round_to_even(half in (1u64 << 53)..(1 << 54), shift in -31i32..70) {
            // An odd 54-bit number times a power of two lies exactly halfway
            // between two doubles; written out in full, it is a tie.
            let odd = u128::from(half | 1);
            let text = if shift >= 0 {
                (odd << shift).to_string()
            } else {
                format!("{}e{shift}", odd * 5u128.pow(shift.unsigned_abs()))
            };
            check(&text);
        }
    }
}

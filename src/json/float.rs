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
const MAX_DIGITS: usize = 800;

/// The magnitude `int.frac × 10^exp` (ASCII digits), or `None` when it is
/// too large for an `f64`. Tiny magnitudes give 0.
pub(crate) fn from_parts(int: &[u8], frac: &[u8], exp: i64) -> Option<f64> {
    let mut e10 = exp.saturating_sub(frac.len() as i64);
    let mut digits: Vec<u8> = int
        .iter()
        .chain(frac)
        .skip_while(|&&d| d == b'0')
        .map(|&d| d - b'0')
        .collect();
    while digits.last() == Some(&0) {
        digits.pop();
        e10 = e10.saturating_add(1);
    }
    if digits.is_empty() {
        return Some(0.0);
    }
    if digits.len() > MAX_DIGITS {
        let more = digits.iter().skip(MAX_DIGITS).any(|&d| d != 0);
        e10 = e10.saturating_add((digits.len() - MAX_DIGITS) as i64);
        digits.truncate(MAX_DIGITS);
        if more {
            digits.push(1);
            e10 = e10.saturating_sub(1);
        }
    }
    // The value lies in [10^(n+e10-1), 10^(n+e10)).
    let magnitude = (digits.len() as i64).saturating_add(e10);
    if magnitude > 310 {
        return None;
    }
    if magnitude < -324 {
        return Some(0.0);
    }
    if let Some(x) = fast_path(&digits, e10) {
        return Some(x);
    }
    slow_path(&digits, e10)
}

/// Clinger's fast path: exact operands, one rounding.
fn fast_path(digits: &[u8], e10: i64) -> Option<f64> {
    const EXACT: u64 = 1 << 53;
    if digits.len() > 19 {
        return None;
    }
    let mut w = digits.iter().fold(0u64, |n, &d| n * 10 + u64::from(d));
    let mut e = e10;
    // 12e30: 12·10^8 is still exact, and 10^22 is.
    while e > 22 && w.checked_mul(10).is_some_and(|x| x < EXACT) {
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

/// The exact quotient of big integers, rounded once.
fn slow_path(digits: &[u8], e10: i64) -> Option<f64> {
    let mut p = Big::from_digits(digits);
    let mut q = Big::one();
    if e10 >= 0 {
        p.mul_pow10(e10 as u32);
    } else {
        q.mul_pow10(e10.unsigned_abs() as u32);
    }
    // Scale so that the quotient has 64 or 65 bits: p/q lies in
    // [2^(lp-lq-1), 2^(lp-lq+1)).
    let k = 64 - (p.bit_len() as i64 - q.bit_len() as i64);
    if k > 0 {
        p = p.shl(k as usize);
    } else {
        q = q.shl(k.unsigned_abs() as usize);
    }
    let mut quot: u128 = 0;
    let mut shifted = q.shl(65);
    for i in (0..=65).rev() {
        if p >= shifted {
            p.sub_assign(&shifted);
            quot |= 1 << i;
        }
        shifted.shr1();
    }
    let sticky = !p.is_zero();
    // The value is (quot + a fraction when sticky) · 2^-k, in [2^e, 2^(e+1)).
    let bits = 128 - i64::from(quot.leading_zeros());
    let e = bits - 1 - k;
    // Subnormals keep the exponent of the smallest normal and fewer bits.
    let e = e.max(-1022);
    let shift = k + e - 52;
    if shift > 100 {
        return Some(0.0);
    }
    let m = quot >> shift;
    let rem = quot & ((1u128 << shift) - 1);
    let half = 1u128 << (shift - 1);
    let up = rem > half || (rem == half && (sticky || m & 1 == 1));
    let m = (m + u128::from(up)) as u64;
    // `m` carries the hidden bit (2^52), which adds the 1 of the biased
    // exponent; a carry to 2^53 moves on to the next binade by itself.
    let f = (((e + 1022) as u64) << 52) + m;
    if f >= f64::INFINITY.to_bits() {
        return None;
    }
    Some(f64::from_bits(f))
}

/// An unsigned big integer, little-endian 32-bit limbs, no zero limb on top.
#[derive(Clone, PartialEq, Eq)]
struct Big(Vec<u32>);

impl Big {
    fn one() -> Big {
        Big(vec![1])
    }

    fn from_digits(digits: &[u8]) -> Big {
        let mut n = Big(Vec::new());
        for chunk in digits.chunks(9) {
            let mut scale = 1;
            let mut add = 0;
            for &d in chunk {
                scale *= 10;
                add = add * 10 + u32::from(d);
            }
            n.mul_add(scale, add);
        }
        n
    }

    fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

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

    fn mul_pow10(&mut self, mut n: u32) {
        while n >= 9 {
            self.mul_add(1_000_000_000, 0);
            n -= 9;
        }
        if n > 0 {
            self.mul_add(10u32.pow(n), 0);
        }
    }

    fn bit_len(&self) -> usize {
        match self.0.last() {
            Some(top) => self.0.len() * 32 - top.leading_zeros() as usize,
            None => 0,
        }
    }

    fn shl(&self, bits: usize) -> Big {
        let (limbs, bits) = (bits / 32, bits % 32);
        let mut out = vec![0; limbs];
        let mut carry = 0u32;
        for &limb in &self.0 {
            if bits == 0 {
                out.push(limb);
            } else {
                out.push((limb << bits) | carry);
                carry = limb >> (32 - bits);
            }
        }
        if carry > 0 {
            out.push(carry);
        }
        Big(out)
    }

    fn shr1(&mut self) {
        let mut carry = 0;
        for limb in self.0.iter_mut().rev() {
            let next = *limb << 31;
            *limb = (*limb >> 1) | carry;
            carry = next;
        }
        if self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    /// self -= other, for other <= self.
    fn sub_assign(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let x = i64::from(*limb) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            borrow = i64::from(x < 0);
            *limb = x.rem_euclid(1 << 32) as u32;
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
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        from_parts(int.as_bytes(), frac.as_bytes(), exp)
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

//! The parser: JSON text to a [`Value`], refusing what serde_json refused
//! (trailing commas, leading zeros, control characters in strings, lone
//! surrogates, trailing characters, nesting 128 deep) with its words, at its
//! places.
//!
//! The structure follows serde_json's deserializer step by step, because
//! where each error is reported depends on it: an error "at" the byte just
//! read points after it, one at the byte only looked at points at it
//! (serde_json's `error` and `peek_error`).

use super::error::{Code, Error};
use super::{float, Map, Number, Value};

/// Nesting allowed below the top value, as in serde_json: the 128th open
/// bracket is refused.
const DEPTH: usize = 128;

/// Parses one JSON value; only whitespace may follow it.
pub fn from_str(text: &str) -> Result<Value, Error> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        index: 0,
        remaining_depth: DEPTH,
    };
    let value = p.value()?;
    match p.whitespace() {
        Some(_) => Err(p.peek_error(Code::TrailingCharacters)),
        None => Ok(value),
    }
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    index: usize,
    remaining_depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.index).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.index += 1;
        Some(b)
    }

    /// An error at the byte just read.
    fn error(&self, code: Code) -> Error {
        Error::at(code, self.bytes, self.index)
    }

    /// An error at the byte looked at but not read.
    fn peek_error(&self, code: Code) -> Error {
        Error::at(code, self.bytes, (self.index + 1).min(self.bytes.len()))
    }

    /// Skips whitespace; the next byte, not read.
    fn whitespace(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.index += 1;
        }
        self.peek()
    }

    fn value(&mut self) -> Result<Value, Error> {
        let Some(peek) = self.whitespace() else {
            return Err(self.peek_error(Code::EofWhileParsingValue));
        };
        match peek {
            b'n' => self.ident(b"null", Value::Null),
            b't' => self.ident(b"true", Value::Bool(true)),
            b'f' => self.ident(b"false", Value::Bool(false)),
            b'-' => {
                self.index += 1;
                self.number(false)
            }
            b'0'..=b'9' => self.number(true),
            b'"' => {
                self.index += 1;
                self.string().map(Value::String)
            }
            b'[' | b'{' => {
                self.remaining_depth -= 1;
                if self.remaining_depth == 0 {
                    return Err(self.peek_error(Code::RecursionLimitExceeded));
                }
                self.index += 1;
                let value = self.container(peek == b'{');
                self.remaining_depth += 1;
                value
            }
            _ => Err(self.peek_error(Code::ExpectedSomeValue)),
        }
    }

    /// `word` (its first byte already looked at).
    fn ident(&mut self, word: &[u8], value: Value) -> Result<Value, Error> {
        self.index += 1;
        for &expected in word.get(1..).unwrap_or_default() {
            match self.next() {
                None => return Err(self.error(Code::EofWhileParsingValue)),
                Some(b) if b != expected => return Err(self.error(Code::ExpectedSomeIdent)),
                Some(_) => {}
            }
        }
        Ok(value)
    }

    /// The items of an array or the members of an object, its `[` or `{`
    /// read; reads the `]` or `}`. Both check their commas alike; an object
    /// reads a key and a colon before each value.
    fn container(&mut self, object: bool) -> Result<Value, Error> {
        let (close, eof, comma_or_end) = if object {
            (
                b'}',
                Code::EofWhileParsingObject,
                Code::ExpectedObjectCommaOrEnd,
            )
        } else {
            (
                b']',
                Code::EofWhileParsingList,
                Code::ExpectedListCommaOrEnd,
            )
        };
        let mut items = Vec::new();
        let mut members = Vec::new();
        let mut first = true;
        loop {
            let mut peek = self.whitespace();
            if peek == Some(close) {
                break;
            }
            if peek.is_none() {
                return Err(self.peek_error(eof));
            }
            if !first {
                if peek != Some(b',') {
                    return Err(self.peek_error(comma_or_end));
                }
                self.index += 1;
                peek = self.whitespace();
                if peek == Some(close) {
                    return Err(self.peek_error(Code::TrailingComma));
                }
                if peek.is_none() {
                    return Err(self.peek_error(Code::EofWhileParsingValue));
                }
            }
            first = false;
            if !object {
                items.push(self.value()?);
                continue;
            }
            if peek != Some(b'"') {
                return Err(self.peek_error(Code::KeyMustBeAString));
            }
            self.index += 1;
            let key = self.string()?;
            match self.whitespace() {
                Some(b':') => self.index += 1,
                Some(_) => return Err(self.peek_error(Code::ExpectedColon)),
                None => return Err(self.peek_error(Code::EofWhileParsingObject)),
            }
            members.push((key, self.value()?));
        }
        self.index += 1;
        Ok(if object {
            Value::Object(Map::from_members(members))
        } else {
            Value::Array(items)
        })
    }

    /// A string's contents, its opening quote read; reads the closing one.
    fn string(&mut self) -> Result<String, Error> {
        let mut out = String::new();
        let mut start = self.index;
        loop {
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.index += 1;
            }
            // Every stop is at an ASCII byte, so on a character boundary.
            out.push_str(self.text.get(start..self.index).unwrap_or_default());
            match self.next() {
                None => return Err(self.error(Code::EofWhileParsingString)),
                Some(b'"') => return Ok(out),
                Some(b'\\') => self.escape(&mut out)?,
                Some(_) => return Err(self.error(Code::ControlCharacterWhileParsingString)),
            }
            start = self.index;
        }
    }

    /// One escape, its backslash read.
    fn escape(&mut self, out: &mut String) -> Result<(), Error> {
        let c = match self.next() {
            None => return Err(self.error(Code::EofWhileParsingString)),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => self.unicode_escape()?,
            Some(_) => return Err(self.error(Code::InvalidEscape)),
        };
        out.push(c);
        Ok(())
    }

    /// The character of a `\u` escape, `\u` read: a surrogate must be a
    /// leading one followed by `\u` and a trailing one.
    fn unicode_escape(&mut self) -> Result<char, Error> {
        let n = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&n) {
            return Err(self.error(Code::LoneLeadingSurrogateInHexEscape));
        }
        if !(0xD800..=0xDBFF).contains(&n) {
            return char::from_u32(n).ok_or_else(|| self.error(Code::InvalidEscape));
        }
        for expected in [b'\\', b'u'] {
            match self.next() {
                None => return Err(self.error(Code::EofWhileParsingString)),
                Some(b) if b != expected => return Err(self.error(Code::UnexpectedEndOfHexEscape)),
                Some(_) => {}
            }
        }
        let n2 = self.hex4()?;
        if !(0xDC00..=0xDFFF).contains(&n2) {
            return Err(self.error(Code::LoneLeadingSurrogateInHexEscape));
        }
        let c = (((n - 0xD800) << 10) | (n2 - 0xDC00)) + 0x1_0000;
        char::from_u32(c).ok_or_else(|| self.error(Code::InvalidEscape))
    }

    /// Four hex digits.
    fn hex4(&mut self) -> Result<u32, Error> {
        let Some(digits) = self.bytes.get(self.index..self.index + 4) else {
            self.index = self.bytes.len();
            return Err(self.error(Code::EofWhileParsingString));
        };
        self.index += 4;
        let mut n = 0;
        for &d in digits {
            let v = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' => d - b'a' + 10,
                b'A'..=b'F' => d - b'A' + 10,
                _ => return Err(self.error(Code::InvalidEscape)),
            };
            n = n * 16 + u32::from(v);
        }
        Ok(n)
    }

    /// A number, its sign read: digits, then an optional fraction and
    /// exponent.
    fn number(&mut self, positive: bool) -> Result<Value, Error> {
        let start = self.index;
        match self.next() {
            None => return Err(self.error(Code::EofWhileParsingValue)),
            Some(b'0') => {
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.peek_error(Code::InvalidNumber));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            Some(_) => return Err(self.error(Code::InvalidNumber)),
        }
        let mut frac = 0;
        if self.peek() == Some(b'.') {
            self.index += 1;
            frac = self.digits();
            if frac == 0 {
                return Err(self.peek_error(match self.peek() {
                    Some(_) => Code::InvalidNumber,
                    None => Code::EofWhileParsingValue,
                }));
            }
        }
        // The digits, with the fraction's point if there is one.
        let digits = self.bytes.get(start..self.index).unwrap_or_default();
        let exp = match self.peek() {
            Some(b'e' | b'E') => self.exponent(digits)?,
            _ if frac == 0 => {
                if let (_, Some(n)) = float::significand(digits) {
                    return Ok(Value::Number(match (positive, n) {
                        (true, n) => Number::from_u64(n),
                        // `-0` is a float, as in serde_json.
                        (false, 0) => Number::from_f64(-0.0),
                        (false, n) => match 0i64.checked_sub_unsigned(n) {
                            Some(i) => Number::from_negative(i),
                            None => Number::from_f64(-(n as f64)),
                        },
                    }));
                }
                0
            }
            _ => 0,
        };
        let x = float::from_parts(digits, exp - frac as i64)
            .ok_or_else(|| self.error(Code::NumberOutOfRange))?;
        Ok(Value::Number(Number::from_f64(if positive {
            x
        } else {
            -x
        })))
    }

    /// Skips digits; how many.
    fn digits(&mut self) -> usize {
        let start = self.index;
        while let Some(b'0'..=b'9') = self.peek() {
            self.index += 1;
        }
        self.index - start
    }

    /// The exponent after `e`, the `e` looked at. An exponent too large for
    /// an `i32` is refused there unless the number is zero or the exponent
    /// negative (then the number is zero).
    fn exponent(&mut self, digits: &[u8]) -> Result<i64, Error> {
        self.index += 1;
        let negative = match self.peek() {
            Some(b'+') => {
                self.index += 1;
                false
            }
            Some(b'-') => {
                self.index += 1;
                true
            }
            _ => false,
        };
        let mut exp = match self.next() {
            None => return Err(self.error(Code::EofWhileParsingValue)),
            Some(d @ b'0'..=b'9') => i64::from(d - b'0'),
            Some(_) => return Err(self.error(Code::InvalidNumber)),
        };
        while let Some(d @ b'0'..=b'9') = self.peek() {
            self.index += 1;
            exp = exp * 10 + i64::from(d - b'0');
            if exp > i64::from(i32::MAX) {
                let zero = digits.iter().all(|&d| d == b'0' || d == b'.');
                if !zero && !negative {
                    return Err(self.error(Code::NumberOutOfRange));
                }
                self.digits();
                // So small that the number reads as zero.
                return Ok(i64::MIN / 2);
            }
        }
        Ok(if negative { -exp } else { exp })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    include!("../../tests/support/json_same.rs");

    /// Both parsers accept `text` with the same value, or refuse it with the
    /// same words at the same place.
    fn agrees(text: &str) -> Result<(), TestCaseError> {
        match (
            from_str(text),
            serde_json::from_str::<serde_json::Value>(text),
        ) {
            (Ok(ours), Ok(theirs)) => {
                prop_assert!(same(&ours, &theirs), "{text:?}: {ours:?} vs {theirs:?}")
            }
            (Err(ours), Err(theirs)) => {
                prop_assert_eq!(ours.to_string(), theirs.to_string(), "{:?}", text);
                prop_assert_eq!(
                    (ours.line(), ours.column()),
                    (theirs.line(), theirs.column())
                );
            }
            (ours, theirs) => prop_assert!(false, "{text:?}: {ours:?} vs {theirs:?}"),
        }
        Ok(())
    }

    #[test]
    fn bad_text_is_refused_as_serde_json_refuses_it() {
        for text in [
            "",
            " ",
            "{",
            "[",
            "[1",
            "[1,",
            "[1,]",
            "[1 2]",
            "{\"a\"",
            "{\"a\":",
            "{\"a\":1,}",
            "{\"a\":1",
            "{\"a\" 1}",
            "{1: 2}",
            "{,}",
            "{\"a\":1 \"b\":2}",
            "{\"a\":1,2}",
            "[,1]",
            "]",
            "}",
            "1 2",
            "[1]]",
            "{}x",
            "nul",
            "nulx",
            "tru",
            "trUe",
            "f",
            "-",
            "-x",
            "01",
            "-01",
            "1.",
            "1.x",
            "1.e3",
            "1e",
            "1e+",
            "1ex",
            "1e400",
            "-1e400",
            "1e-400",
            "1e99999999999",
            "0e99999999999",
            "1e-99999999999",
            "\"abc",
            "\"a\u{1}b\"",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\u12g4\"",
            "\"\\uD800\"",
            "\"\\uD800x\"",
            "\"\\uD800\\n\"",
            "\"\\uD800\\u0041\"",
            "\"\\uDC00\"",
            "\"\\uD83D\\uDE00\"",
            "\"\\",
            "\"\\u",
            "{\n  \"é\": [1,\n  2,]\n}",
            "\u{feff}{}",
            "[\"\t\"]",
            "{\"a\":1}\n\n x",
            "[1.5e3, -0, -0.0, 18446744073709551616]",
            "[-9223372036854775808, -9223372036854775809, 1E2, 1e+2, 0.5E-1]",
            "  {\"b\": 1, \"a\": 2, \"b\": 3}  ",
            "[nan]",
            "[Infinity]",
            "[+1]",
            "[.5]",
            "{\"a\":{\"b\":[{}]}}",
            "\"\\/\\b\\f\\n\\r\\t\\\"\\\\\"",
        ] {
            agrees(text).unwrap();
        }
    }

    #[test]
    fn nesting_stops_where_serde_jsons_does() {
        for depth in [126, 127, 128, 200] {
            agrees(&format!("{}{}", "[".repeat(depth), "]".repeat(depth))).unwrap();
            agrees(&format!(
                "{}1{}",
                "{\"a\":[".repeat(depth),
                "]}".repeat(depth)
            ))
            .unwrap();
        }
        let deep = "[".repeat(100_000);
        assert_eq!(
            from_str(&deep).unwrap_err().message(),
            "recursion limit exceeded"
        );
    }

    #[test]
    fn repeated_keys_keep_the_last_value_in_key_order() {
        let v = from_str(r#"{"b": 1, "a": 2, "b": 3}"#).unwrap();
        let Value::Object(map) = v else { panic!() };
        let keys: Vec<&String> = map.keys().collect();
        assert_eq!(keys, ["a", "b"]);
        assert_eq!(map.get("b").and_then(Value::as_u64), Some(3));
    }

    const TOKENS: &[&str] = &[
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        " ",
        "\n",
        "\"a\"",
        "\"b\"",
        "\"",
        "\\",
        "\\u",
        "D83D",
        "DE00",
        "00e9",
        "\\n",
        "x",
        "é",
        "\u{1}",
        "0",
        "1",
        "9",
        "-",
        ".",
        "e",
        "E",
        "+",
        "12345678901234567890",
        "1e400",
        "1e-400",
        "true",
        "fals",
        "null",
        "n",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn random_token_soup_parses_as_serde_json_parses_it(
            tokens in prop::collection::vec(prop::sample::select(TOKENS), 0..24)
        ) {
            agrees(&tokens.concat())?;
        }

        #[test]
        fn objects_in_any_key_order_read_as_serde_json_reads_them(
            members in prop::collection::vec(("[a-f]{0,3}", any::<u32>()), 0..60)
        ) {
            let body: Vec<String> = members.iter().map(|(k, n)| format!("\"{k}\": {n}")).collect();
            agrees(&format!("{{{}}}", body.join(", ")))?;
        }

        #[test]
        fn arbitrary_text_parses_as_serde_json_parses_it(text in "\\PC{0,40}") {
            agrees(&text)?;
        }

        #[test]
        fn what_serde_json_writes_reads_back_the_same(
            v in prop::collection::vec(
                (any::<u64>(), any::<i64>(), -1e6f64..1e6, "\\PC{0,8}", any::<bool>()),
                0..6,
            )
        ) {
            let v = serde_json::json!(v
                .into_iter()
                .map(|(u, i, f, s, b)| serde_json::json!({"u": u, "i": i, "f": f, "s": s, "b": b, "n": null}))
                .collect::<Vec<_>>());
            agrees(&v.to_string())?;
            agrees(&serde_json::to_string_pretty(&v).unwrap())?;
        }
    }
}

//! A JSON syntax error, worded and placed as serde_json placed its own:
//! `validate` turns it into the message users read, so both the words and the
//! line and column (a byte count, which `validate` recounts in characters)
//! stay what they were.

use std::fmt;

/// What went wrong; each says it as serde_json did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Code {
    EofWhileParsingList,
    EofWhileParsingObject,
    EofWhileParsingString,
    EofWhileParsingValue,
    ExpectedColon,
    ExpectedListCommaOrEnd,
    ExpectedObjectCommaOrEnd,
    ExpectedSomeIdent,
    ExpectedSomeValue,
    InvalidEscape,
    InvalidNumber,
    NumberOutOfRange,
    ControlCharacterWhileParsingString,
    KeyMustBeAString,
    LoneLeadingSurrogateInHexEscape,
    TrailingComma,
    TrailingCharacters,
    UnexpectedEndOfHexEscape,
    RecursionLimitExceeded,
}

impl Code {
    fn message(self) -> &'static str {
        match self {
            Code::EofWhileParsingList => "EOF while parsing a list",
            Code::EofWhileParsingObject => "EOF while parsing an object",
            Code::EofWhileParsingString => "EOF while parsing a string",
            Code::EofWhileParsingValue => "EOF while parsing a value",
            Code::ExpectedColon => "expected `:`",
            Code::ExpectedListCommaOrEnd => "expected `,` or `]`",
            Code::ExpectedObjectCommaOrEnd => "expected `,` or `}`",
            Code::ExpectedSomeIdent => "expected ident",
            Code::ExpectedSomeValue => "expected value",
            Code::InvalidEscape => "invalid escape",
            Code::InvalidNumber => "invalid number",
            Code::NumberOutOfRange => "number out of range",
            Code::ControlCharacterWhileParsingString => {
                "control character (\\u0000-\\u001F) found while parsing a string"
            }
            Code::KeyMustBeAString => "key must be a string",
            Code::LoneLeadingSurrogateInHexEscape => "lone leading surrogate in hex escape",
            Code::TrailingComma => "trailing comma",
            Code::TrailingCharacters => "trailing characters",
            Code::UnexpectedEndOfHexEscape => "unexpected end of hex escape",
            Code::RecursionLimitExceeded => "recursion limit exceeded",
        }
    }
}

/// A syntax error and where it is: `line` from 1, `column` in bytes from the
/// start of the line, pointing at (or just after) the byte at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    code: Code,
    line: usize,
    column: usize,
}

impl Error {
    /// The error at byte offset `at` of `text` (as serde_json's
    /// `position_of_index`).
    pub(crate) fn at(code: Code, text: &[u8], at: usize) -> Error {
        let before = text.get(..at).unwrap_or(text);
        let start_of_line = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let line = 1 + before
            .iter()
            .take(start_of_line)
            .filter(|&&b| b == b'\n')
            .count();
        Error {
            code,
            line,
            column: before.len() - start_of_line,
        }
    }

    pub fn line(&self) -> usize {
        self.line
    }

    pub fn column(&self) -> usize {
        self.column
    }

    /// What went wrong, without the place.
    pub fn message(&self) -> &'static str {
        self.code.message()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.code.message())?;
        f.write_str(" at line ")?;
        crate::decimal::write_uint(f, self.line as u64, false)?;
        f.write_str(" column ")?;
        crate::decimal::write_uint(f, self.column as u64, false)
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_count_lines_from_one_and_columns_in_bytes() {
        let text = "{\n  \"é\": x";
        let e = Error::at(Code::ExpectedSomeValue, text.as_bytes(), text.len());
        assert_eq!((e.line(), e.column()), (2, 9));
        assert_eq!(e.to_string(), "expected value at line 2 column 9");
        let e = Error::at(Code::TrailingComma, b"\n", 1);
        assert_eq!((e.line(), e.column()), (2, 0));
        assert_eq!(e.message(), "trailing comma");
    }
}

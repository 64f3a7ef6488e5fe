//! The crate's own JSON reader: a [`Value`] tree and the parser
//! [`from_str`] that builds it from text.
//!
//! It replaces serde_json's `Value` and parser, which with the B-tree behind
//! their `Map` weighed about 28 KB in the Wasm. It keeps what the crate's
//! readers relied on: objects iterate in key order and a repeated key keeps
//! its last value ([`Map`]); numbers stay unsigned, signed or float as
//! serde_json told them apart ([`Number`]); syntax errors have serde_json's
//! wording, line and column ([`Error`]), which users see in messages. Floats
//! are read correctly rounded (`float.rs`) without core's
//! `str::parse`, whose power tables would cost as much as what this saves.

mod error;
mod float;
mod map;
mod number;
mod parse;
mod value;

pub use error::Error;
pub use map::Map;
pub use number::Number;
pub use parse::from_str;
pub use value::Value;

/// `serde_json::json!` for tests that feed the crate's readers: the value is
/// written by serde_json and read back with [`from_str`].
#[cfg(test)]
macro_rules! json {
    ($($t:tt)+) => {
        $crate::json::from_str(&serde_json::json!($($t)+).to_string()).expect("json! writes valid JSON")
    };
}
#[cfg(test)]
pub(crate) use json;

//! The crate's one JSON writer: every value that crosses to JavaScript or is
//! written as JSON (models, saved sessions, analyses, layouts, view results,
//! problems) goes through [`ToJson`] and [`JsonWriter`].
//!
//! serde's derived `Serialize` code is generic over the serializer, so each
//! type's impl was compiled once per serde_json formatter, with serde's map
//! and sequence plumbing around every field: tens of kilobytes of the Wasm.
//! Here one non-generic writer does the punctuation, escaping and
//! indentation, and each type's impl is a short list of calls into it. The
//! text is byte for byte what `serde_json::to_string` and `to_string_pretty`
//! wrote for the same values (the types keep their `Serialize` derives so the
//! tests can hold the two side by side): same escaping, same float digits
//! (zmij, serde_json's own float writer), non-finite numbers as `null`, two-space
//! indentation when pretty.

/// A value that can write itself as JSON.
pub trait ToJson {
    fn write_json(&self, w: &mut JsonWriter);
}

/// Compact JSON text of `value`, as `serde_json::to_string` writes it.
pub fn to_string(value: &dyn ToJson) -> String {
    let mut w = JsonWriter::new(false);
    value.write_json(&mut w);
    w.out
}

/// Indented JSON text of `value`, as `serde_json::to_string_pretty` writes it.
pub fn to_string_pretty(value: &dyn ToJson) -> String {
    let mut w = JsonWriter::new(true);
    value.write_json(&mut w);
    w.out
}

/// `s` as a quoted JSON string.
pub fn quoted(s: &str) -> String {
    let mut w = JsonWriter::new(false);
    w.string(s);
    w.out
}

/// JSON text under construction. Objects and arrays are opened and closed
/// explicitly; [`JsonWriter::key`] and [`JsonWriter::item`] write the
/// separators before each member.
pub struct JsonWriter {
    out: String,
    pretty: bool,
    depth: usize,
    /// Whether the innermost open object or array has no member yet.
    empty: bool,
}

impl JsonWriter {
    fn new(pretty: bool) -> JsonWriter {
        JsonWriter {
            out: String::new(),
            pretty,
            depth: 0,
            empty: true,
        }
    }

    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.depth += 1;
        self.empty = true;
    }

    fn close(&mut self, bracket: char) {
        self.depth = self.depth.saturating_sub(1);
        if self.pretty && !self.empty {
            self.newline();
        }
        self.out.push(bracket);
        // The closed container is itself a member of its parent.
        self.empty = false;
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    /// Writes the separator before a member of the open object or array.
    fn separate(&mut self) {
        if !self.empty {
            self.out.push(',');
        }
        if self.pretty {
            self.newline();
        }
        self.empty = false;
    }

    pub fn begin_object(&mut self) {
        self.open('{');
    }

    pub fn end_object(&mut self) {
        self.close('}');
    }

    pub fn begin_array(&mut self) {
        self.open('[');
    }

    pub fn end_array(&mut self) {
        self.close(']');
    }

    /// Starts the next member of the open object; its value follows.
    pub fn key(&mut self, key: &str) {
        self.separate();
        self.string(key);
        self.out.push(':');
        if self.pretty {
            self.out.push(' ');
        }
    }

    /// Starts the next element of the open array; its value follows.
    pub fn item(&mut self) {
        self.separate();
    }

    /// A whole member: `key` and `value`.
    pub fn field(&mut self, key: &str, value: &dyn ToJson) {
        self.key(key);
        value.write_json(self);
    }

    /// A member written only when there is a value (serde's
    /// `skip_serializing_if = "Option::is_none"`).
    pub fn field_if<T: ToJson>(&mut self, key: &str, value: &Option<T>) {
        if let Some(v) = value {
            self.field(key, v);
        }
    }

    pub fn null(&mut self) {
        self.out.push_str("null");
    }

    pub fn bool(&mut self, b: bool) {
        self.out.push_str(if b { "true" } else { "false" });
    }

    pub fn uint(&mut self, n: u64) {
        let _ = crate::decimal::write_uint(&mut self.out, n, false);
    }

    /// A float as serde_json writes it: its shortest round-trip digits
    /// ("1.0", "0.1", "1e21"), `null` when not finite.
    pub fn float(&mut self, x: f64) {
        if x.is_finite() {
            self.out.push_str(zmij::Buffer::new().format_finite(x));
        } else {
            self.null();
        }
    }

    /// A string, quoted and escaped as serde_json does: `"` and `\`, the
    /// short escapes `\b \t \n \f \r`, other control characters as `\u00XX`;
    /// everything else (U+2028, U+2029, astral characters) as it is.
    pub fn string(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.out.push('"');
        let mut start = 0;
        for (i, b) in s.bytes().enumerate() {
            let short = match b {
                b'"' => '"',
                b'\\' => '\\',
                0x08 => 'b',
                0x09 => 't',
                0x0a => 'n',
                0x0c => 'f',
                0x0d => 'r',
                0x00..=0x1f => 'u',
                _ => continue,
            };
            // `i` is an ASCII byte, so both slices end on char boundaries.
            self.out.push_str(s.get(start..i).unwrap_or_default());
            self.out.push('\\');
            self.out.push(short);
            if short == 'u' {
                self.out.push_str("00");
                self.out.push(HEX[usize::from(b >> 4)] as char);
                self.out.push(HEX[usize::from(b & 0xf)] as char);
            }
            start = i + 1;
        }
        self.out.push_str(s.get(start..).unwrap_or_default());
        self.out.push('"');
    }
}

impl ToJson for str {
    fn write_json(&self, w: &mut JsonWriter) {
        w.string(self);
    }
}

impl ToJson for String {
    fn write_json(&self, w: &mut JsonWriter) {
        w.string(self);
    }
}

impl ToJson for bool {
    fn write_json(&self, w: &mut JsonWriter) {
        w.bool(*self);
    }
}

impl ToJson for f64 {
    fn write_json(&self, w: &mut JsonWriter) {
        w.float(*self);
    }
}

impl ToJson for u64 {
    fn write_json(&self, w: &mut JsonWriter) {
        w.uint(*self);
    }
}

impl ToJson for u32 {
    fn write_json(&self, w: &mut JsonWriter) {
        w.uint(u64::from(*self));
    }
}

impl ToJson for usize {
    fn write_json(&self, w: &mut JsonWriter) {
        w.uint(*self as u64);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, w: &mut JsonWriter) {
        (**self).write_json(w);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, w: &mut JsonWriter) {
        match self {
            Some(v) => v.write_json(w),
            None => w.null(),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_array();
        for v in self {
            w.item();
            v.write_json(w);
        }
        w.end_array();
    }
}

impl<T: ToJson, const N: usize> ToJson for [T; N] {
    fn write_json(&self, w: &mut JsonWriter) {
        self.as_slice().write_json(w);
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, w: &mut JsonWriter) {
        self.as_slice().write_json(w);
    }
}

/// `ToJson` for a struct written as an object of some of its fields, in
/// order: `json_object!(Item { "id" => id, "label" => label })`. A field
/// followed by `opt` is an `Option` left out when `None`.
macro_rules! json_object {
    ($ty:ty { $($key:literal => $field:ident $($opt:ident)?),* $(,)? }) => {
        impl $crate::json_out::ToJson for $ty {
            fn write_json(&self, w: &mut $crate::json_out::JsonWriter) {
                w.begin_object();
                $( $crate::json_out::json_object!(@field w, $key, self.$field $(, $opt)?); )*
                w.end_object();
            }
        }
    };
    (@field $w:ident, $key:literal, $value:expr) => {
        $w.field($key, &$value)
    };
    (@field $w:ident, $key:literal, $value:expr, opt) => {
        $w.field_if($key, &$value)
    };
}
pub(crate) use json_object;

/// `ToJson` for a fieldless enum written as the string its `as_str` gives.
macro_rules! json_as_str {
    ($($ty:ty),* $(,)?) => {$(
        impl $crate::json_out::ToJson for $ty {
            fn write_json(&self, w: &mut $crate::json_out::JsonWriter) {
                w.string(self.as_str());
            }
        }
    )*};
}
pub(crate) use json_as_str;

#[cfg(test)]
mod tests {
    use super::*;

    fn compact_and_pretty<T: ToJson + serde::Serialize>(value: &T) {
        assert_eq!(to_string(value), serde_json::to_string(value).unwrap());
        assert_eq!(
            to_string_pretty(value),
            serde_json::to_string_pretty(value).unwrap()
        );
    }

    #[test]
    fn strings_escape_as_serde_json_does() {
        let mut all_controls = String::new();
        for c in 0u8..0x20 {
            all_controls.push(c as char);
        }
        for s in [
            "",
            "plain",
            "quote \" and backslash \\ and slash /",
            &all_controls,
            "\u{7f} del stays",
            "line\u{2028}para\u{2029}end",
            "astral 🦀 𝄞 and é",
            "</script><!-- &amp;",
        ] {
            compact_and_pretty(&s.to_string());
        }
        assert_eq!(to_string(&"\u{1}\t\"".to_string()), r#""\u0001\t\"""#);
    }

    #[test]
    fn numbers_print_as_serde_json_prints_them() {
        for x in [
            0.0,
            -0.0,
            1.0,
            -1.5,
            0.1,
            1e21,
            1e-7,
            123456789.125,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            compact_and_pretty(&x);
        }
        assert_eq!(to_string(&f64::NAN), "null");
        assert_eq!(to_string(&-0.0), "-0.0");
        assert_eq!(to_string(&1.0), "1.0");
        for n in [0u64, 7, 10, 1 << 53, u64::MAX] {
            compact_and_pretty(&n);
        }
        assert_eq!(to_string(&u64::MAX), "18446744073709551615");
        compact_and_pretty(&usize::MAX);
        compact_and_pretty(&u32::MAX);
    }

    #[test]
    fn containers_nest_and_indent_as_serde_json_does() {
        let empty: Vec<Vec<u64>> = vec![];
        compact_and_pretty(&empty);
        compact_and_pretty(&vec![vec![], vec![1u64], vec![2, 3]]);
        compact_and_pretty(&vec![Some(true), None, Some(false)]);
        compact_and_pretty(&[1.5f64, 2.0, 3.25, -4.0]);

        struct Obj(Vec<(String, Option<Vec<u64>>)>);
        impl ToJson for Obj {
            fn write_json(&self, w: &mut JsonWriter) {
                w.begin_object();
                for (k, v) in &self.0 {
                    w.field(k, v);
                }
                w.end_object();
            }
        }
        let obj = Obj(vec![
            ("a".into(), Some(vec![])),
            ("b\n".into(), None),
            ("c".into(), Some(vec![1, 2])),
        ]);
        assert_eq!(to_string(&obj), r#"{"a":[],"b\n":null,"c":[1,2]}"#);
        assert_eq!(
            to_string_pretty(&obj),
            "{\n  \"a\": [],\n  \"b\\n\": null,\n  \"c\": [\n    1,\n    2\n  ]\n}"
        );
        assert_eq!(to_string_pretty(&Obj(vec![])), "{}");
        assert_eq!(
            to_string_pretty(&vec![Obj(vec![]), Obj(vec![])]),
            "[\n  {},\n  {}\n]"
        );
    }
}

//! A small streaming writer for the SVG document: elements, attributes and
//! text, nothing else.
//!
//! It writes exactly what the `svg` crate wrote before it (the golden files
//! and the page depend on those bytes): attributes sorted by name, each
//! child element on a line of its own, an element without children closed
//! as `<name/>`, text inline in `<title>`/`<desc>` and on its own line in
//! `<text>`/`<style>`. Every attribute value and text goes through
//! [`xml::push_escaped`], so no caller can forget to escape.

use super::xml;

/// An attribute: name and (unescaped) value.
pub(super) type Attr<'a> = (&'static str, &'a str);

/// Sorts attributes by name, stably. An element has a handful of them, so
/// an insertion sort does: the standard sort would bring its own copy of a
/// general-purpose sort into the Wasm module, and `crate::sort` allocates
/// its position lists for every element written.
fn sort_by_name(attrs: &mut [Attr]) {
    for i in 1..attrs.len() {
        let mut j = i;
        while j > 0 && attrs[j - 1].0 > attrs[j].0 {
            attrs.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// How an element's text sits inside it.
#[derive(Clone, Copy)]
pub(super) enum TextLayout {
    /// `<title>text</title>`.
    Inline,
    /// `<text>⏎text⏎</text>`.
    Block,
}

pub(super) struct SvgWriter {
    out: String,
    /// The open elements, innermost last, each with whether it has a child
    /// yet (until then its start tag is left open, to become `/>` or `>`).
    open: Vec<(&'static str, bool)>,
}

impl SvgWriter {
    pub fn new() -> SvgWriter {
        SvgWriter {
            out: String::with_capacity(16 * 1024),
            open: Vec::new(),
        }
    }

    /// A child is about to be written into the innermost open element.
    fn child(&mut self) {
        if let Some((_, has_children)) = self.open.last_mut() {
            if !*has_children {
                self.out.push('>');
                *has_children = true;
            }
            self.out.push('\n');
        }
    }

    fn start_tag(&mut self, name: &'static str, attrs: &mut [Attr]) {
        self.child();
        self.out.push('<');
        self.out.push_str(name);
        sort_by_name(attrs);
        for (key, value) in attrs.iter() {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            xml::push_escaped(&mut self.out, value, true);
            self.out.push('"');
        }
    }

    /// Opens an element; children follow until [`SvgWriter::end`].
    pub fn start(&mut self, name: &'static str, attrs: &mut [Attr]) {
        self.start_tag(name, attrs);
        self.open.push((name, false));
    }

    /// Closes the innermost open element.
    pub fn end(&mut self) {
        if let Some((name, has_children)) = self.open.pop() {
            if has_children {
                self.out.push_str("\n</");
                self.out.push_str(name);
                self.out.push('>');
            } else {
                self.out.push_str("/>");
            }
        }
    }

    /// An element without children.
    pub fn empty(&mut self, name: &'static str, attrs: &mut [Attr]) {
        self.start(name, attrs);
        self.end();
    }

    /// An element holding only `text`.
    pub fn text(&mut self, name: &'static str, attrs: &mut [Attr], text: &str, layout: TextLayout) {
        self.start_tag(name, attrs);
        self.out.push('>');
        if let TextLayout::Block = layout {
            self.out.push('\n');
        }
        xml::push_escaped(&mut self.out, text, false);
        if let TextLayout::Block = layout {
            self.out.push('\n');
        }
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// The document, with every element still open closed.
    pub fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.end();
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn children_go_on_their_own_lines_and_childless_elements_self_close() {
        let mut w = SvgWriter::new();
        w.start("svg", &mut [("xmlns", "http://www.w3.org/2000/svg")]);
        w.text("title", &mut [], "A & B", TextLayout::Inline);
        w.start("g", &mut [("class", "empty")]);
        w.end();
        w.start("g", &mut [("role", "x"), ("class", "a")]);
        w.empty("line", &mut [("y1", "2"), ("x1", "1")]);
        w.text("text", &mut [("x", "0")], "<b>", TextLayout::Block);
        w.end();
        assert_eq!(
            w.finish(),
            "<svg xmlns=\"http://www.w3.org/2000/svg\">\n\
             <title>A &amp; B</title>\n\
             <g class=\"empty\"/>\n\
             <g class=\"a\" role=\"x\">\n\
             <line x1=\"1\" y1=\"2\"/>\n\
             <text x=\"0\">\n&lt;b&gt;\n</text>\n\
             </g>\n\
             </svg>"
        );
    }

    #[test]
    fn sort_by_name_orders_any_arrangement_like_the_standard_sort() {
        let names = ["y", "class", "x", "d", "role", "fill", "a"];
        for rot in 0..names.len() {
            let mut attrs: Vec<Attr> = (0..names.len())
                .map(|i| (names[(i * 3 + rot) % names.len()], "v"))
                .collect();
            let mut expected = attrs.clone();
            expected.sort();
            sort_by_name(&mut attrs);
            assert_eq!(attrs, expected);
        }
    }

    #[test]
    fn attributes_are_sorted_by_name_and_escaped() {
        let mut w = SvgWriter::new();
        w.empty(
            "polygon",
            &mut [
                ("tabindex", "0"),
                ("aria-label", "\"x\" & 'y' <z>\u{1}"),
                ("data-theme", "t"),
                ("class", "cell"),
            ],
        );
        assert_eq!(
            w.finish(),
            "<polygon aria-label=\"&quot;x&quot; &amp; &apos;y&apos; &lt;z&gt;\u{FFFD}\" \
             class=\"cell\" data-theme=\"t\" tabindex=\"0\"/>"
        );
    }

    #[test]
    fn empty_text_still_makes_an_element_with_content() {
        let mut w = SvgWriter::new();
        w.start("g", &mut []);
        w.text("title", &mut [], "", TextLayout::Inline);
        w.text("text", &mut [], "", TextLayout::Block);
        assert_eq!(w.finish(), "<g>\n<title></title>\n<text>\n\n</text>\n</g>");
    }
}

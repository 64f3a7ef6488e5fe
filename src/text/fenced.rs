//! The ```` ```workforce-ecosystem ```` blocks of a Markdown document, as
//! CommonMark finds fenced code blocks: an opening fence of three or more
//! backticks or tildes, indented at most three spaces, whose info string's
//! first word is the language; a closing fence of the same character, at
//! least as long. Fences of other languages are skipped whole, so an example
//! of a block inside a ```` ```markdown ```` block stays an example.
//!
//! `wfe markdown` replaces each block with an image of its diagram.

/// The language a block is marked with.
pub const LANGUAGE: &str = "workforce-ecosystem";

/// One block: its text and where it sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// 1-based line of the opening fence.
    pub line: usize,
    /// The lines between the fences, the fence's indentation removed.
    pub source: String,
    /// Byte range of the block in the document, fences included, up to and
    /// including the closing fence's line break.
    pub range: std::ops::Range<usize>,
}

/// A block whose closing fence is missing: the line of its opening fence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unclosed {
    pub line: usize,
}

struct Fence {
    char: char,
    len: usize,
    indent: usize,
}

/// The fence a line opens, if any, and its info string.
fn opening(line: &str) -> Option<(Fence, &str)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let char = rest.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let len = rest.len() - rest.trim_start_matches(char).len();
    let info = rest[len..].trim();
    // A backtick fence's info string may not hold a backtick.
    (len >= 3 && !(char == '`' && info.contains('`')))
        .then_some((Fence { char, len, indent }, info))
}

fn closes(fence: &Fence, line: &str) -> bool {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    let len = rest.len() - rest.trim_start_matches(fence.char).len();
    indent <= 3 && len >= fence.len && rest[len..].trim().is_empty()
}

/// Every workforce-ecosystem block of `markdown`, in order.
pub fn blocks(markdown: &str) -> Result<Vec<Block>, Unclosed> {
    let mut out = Vec::new();
    // (fence, is ours, line, start offset, content start offset)
    let mut open: Option<(Fence, bool, usize, usize)> = None;
    let mut source = String::new();
    let mut offset = 0;
    for (n, raw) in markdown.split_inclusive('\n').enumerate() {
        let line = raw.trim_end_matches(['\n', '\r']);
        let start = offset;
        offset += raw.len();
        match &open {
            None => {
                if let Some((fence, info)) = opening(line) {
                    let ours = info.split_whitespace().next() == Some(LANGUAGE);
                    open = Some((fence, ours, n + 1, start));
                    source.clear();
                }
            }
            Some((fence, ours, first, block_start)) => {
                if closes(fence, line) {
                    if *ours {
                        out.push(Block {
                            line: *first,
                            source: std::mem::take(&mut source),
                            range: *block_start..offset,
                        });
                    }
                    open = None;
                } else if *ours {
                    // Up to the fence's indentation in spaces is removed.
                    let strip = line.len() - line.trim_start_matches(' ').len();
                    source.push_str(&line[strip.min(fence.indent)..]);
                    source.push('\n');
                }
            }
        }
    }
    match open {
        Some((_, true, line, _)) => Err(Unclosed { line }),
        _ => Ok(out),
    }
}

/// `markdown` with each block replaced by what `replace` gives for it.
pub fn replace(
    markdown: &str,
    blocks: &[Block],
    mut replace: impl FnMut(&Block) -> String,
) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut at = 0;
    for b in blocks {
        out.push_str(&markdown[at..b.range.start]);
        out.push_str(&replace(b));
        at = b.range.end;
    }
    out.push_str(&markdown[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_found_as_commonmark_fences() {
        let md = "# Title\n\n```workforce-ecosystem\nscore hr integration 1\n```\ntext\n\
                  ~~~~ workforce-ecosystem extra\n  unit a\n~~~~~\n\
                  ````markdown\n```workforce-ecosystem\nnot a block\n```\n````\n\
                  ```rust\nfn main() {}\n```\n  ```workforce-ecosystem\n   unit b\n  ```";
        let got = blocks(md).unwrap();
        let summary: Vec<(usize, &str)> = got.iter().map(|b| (b.line, b.source.as_str())).collect();
        assert_eq!(
            summary,
            [
                (3, "score hr integration 1\n"),
                (7, "  unit a\n"),
                (18, " unit b\n")
            ]
        );
        assert_eq!(
            &md[got[0].range.clone()],
            "```workforce-ecosystem\nscore hr integration 1\n```\n"
        );
        let replaced = replace(md, &got, |b| format!("![{}]\n", b.line));
        assert!(
            replaced.starts_with("# Title\n\n![3]\ntext\n![7]\n````markdown\n"),
            "{replaced}"
        );
        assert!(replaced.ends_with("```\n![18]\n"), "{replaced}");
    }

    #[test]
    fn an_unclosed_block_is_refused_with_its_line() {
        assert_eq!(
            blocks("a\n\n```workforce-ecosystem\nunit a\n"),
            Err(Unclosed { line: 3 })
        );
        // Another language's unclosed fence runs to the end, as CommonMark says.
        assert_eq!(blocks("```js\n```workforce-ecosystem\n"), Ok(vec![]));
    }
}

//! A finding's id: `kind:` then the ids it is about. Written, compared and
//! hashed from the finding's references, without building a string for
//! each finding of an analysis.

use super::{Kind, Subject};
use crate::analysis::names::{Names, Ref};
use std::fmt::{self, Write};

pub(crate) fn write_id_part(out: &mut dyn Write, part: &str) -> fmt::Result {
    out.write_char(':')?;
    if !part.bytes().any(|b| b == b':' || b == b'%') {
        return out.write_str(part);
    }
    for ch in part.chars() {
        match ch {
            '%' => out.write_str("%25")?,
            ':' => out.write_str("%3A")?,
            c => out.write_char(c)?,
        }
    }
    Ok(())
}

impl Subject {
    /// The references an id is made of, after the kind, and how many.
    fn about(&self) -> ([Option<Ref>; 3], usize) {
        match *self {
            Subject::Cell {
                theme,
                player,
                unit,
                ..
            } => ([Some(theme), Some(player), unit], 3),
            Subject::Coverage { contributor, theme } => ([Some(contributor), Some(theme), None], 2),
            Subject::Group {
                contributor,
                theme,
                activity,
                ..
            } => ([Some(contributor), Some(theme), activity], 3),
            Subject::Tracking { contributor, .. } => ([Some(contributor), None, None], 1),
            Subject::System { system, .. } => ([Some(system), None, None], 1),
        }
    }
}

/// Writes the id of a finding of `kind` about `subject` (see
/// [`Finding::write_id`]).
pub(crate) fn write_id(
    kind: Kind,
    subject: &Subject,
    names: &Names,
    out: &mut dyn Write,
) -> fmt::Result {
    out.write_str(kind.as_str())?;
    let (parts, n) = subject.about();
    for part in &parts[..n] {
        write_id_part(out, part.map_or("", |r| names.id(r)))?;
    }
    Ok(())
}

/// The id of a finding of `kind` about the ids `parts` (see
/// [`Finding::write_id`]), without analysing anything.
pub(crate) fn id_of(kind: Kind, parts: &[&str]) -> String {
    let mut s = String::from(kind.as_str());
    for part in parts {
        let _ = write_id_part(&mut s, part);
    }
    s
}

/// Feeds what the id of a finding is made of to a hasher, without writing
/// the id: equal ids hash equally.
pub(crate) fn hash_id<H: std::hash::Hasher>(
    kind: Kind,
    subject: &Subject,
    names: &Names,
    h: &mut H,
) {
    h.write_u8(kind as u8);
    let (parts, n) = subject.about();
    for part in &parts[..n] {
        h.write(part.map_or("", |r| names.id(r)).as_bytes());
        h.write_u8(0xff);
    }
}

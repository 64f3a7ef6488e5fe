//! [`Text`]: an id or a label of the model as the analysis hands it out. A
//! large model's analysis names the same few thousand ids and labels in tens
//! of thousands of findings; sharing one allocation per string instead of
//! copying it into each keeps the analysis near-linear in practice, not only
//! on paper.

use serde::{Serialize, Serializer};
use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// A shared, immutable string (an id or a label). Reads as a `&str`,
/// compares with strings, and serializes as a JSON string.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(Arc<str>);

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text(Arc::from(s))
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text(Arc::from(s))
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        &*self.0 == other.as_str()
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn reads_compares_and_serializes_as_a_string() {
        let id = Text::from("gig");
        let copy = id.clone();
        assert!(Arc::ptr_eq(&id.0, &copy.0), "clones share the text");
        assert_eq!(id, "gig");
        assert_eq!(id, "gig".to_string());
        assert_eq!(id.len(), 3);
        assert_eq!(format!("{id} {id:?}"), "gig \"gig\"");
        assert_eq!(
            serde_json::to_string(std::slice::from_ref(&id)).unwrap(),
            "[\"gig\"]"
        );
        let mut map = BTreeMap::new();
        map.insert(Text::from("b"), 2);
        map.insert(id, 1);
        assert_eq!(map.get("gig"), Some(&1));
        assert_eq!(serde_json::to_string(&map).unwrap(), "{\"b\":2,\"gig\":1}");
    }
}

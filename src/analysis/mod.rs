//! The analyses of DESIGN §4: readiness, findings, the systems graph and the
//! comparison of a scenario with its baseline, plus their Markdown reports.
//!
//! Everything here is deterministic and independent of the order of the
//! model's lists: maps and lists are sorted by id, findings by priority.
//!
//! How it is laid out: `index` resolves the model's ids once into positions
//! and references into `names`, one string shared by the whole analysis;
//! readiness, the systems graph (`systems`) and the rules (`findings`) work on
//! those; a [`Finding`] (`finding`) is a kind, a severity and small
//! references, and writes its id, sentence and JSON when asked. [`compare`]
//! and the Markdown reports (`report`) build on [`analyze`].

mod by_id;
mod compare;
mod finding;
mod findings;
mod index;
mod names;
mod readiness;
mod report;
mod shared;
mod systems;
mod wording;

pub use by_id::ById;
pub use compare::{
    compare, compare_analyses, CellChange, CellValue, Comparison, Delta, ReadinessChange,
};
pub use finding::{CellRef, Finding, Kind};
pub use findings::{reach, severity};
pub use readiness::{readiness, Readiness};
pub use report::{analysis_markdown, comparison_markdown, escape_markdown};
pub use shared::Text;
pub use systems::SystemsSummary;

use crate::model::Model;
use serde::Serialize;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

/// Everything `analyze` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub readiness: Readiness,
    /// Worst first: severity descending, then kind (in DESIGN's order), then
    /// a fixed order derived from the ids.
    pub findings: Vec<Finding>,
    pub systems: SystemsSummary,
}

/// Analyses a model: readiness, findings and the systems graph. Meant for a
/// validated model, but any model is analysed without panicking (unknown
/// references are skipped or shown by id).
pub fn analyze(model: &Model) -> Analysis {
    let mut index = index::Index::new(model);
    let graph = systems::Graph::new(&index);
    let readiness = readiness::readiness_with(&index);
    let systems = graph.summary(&mut index);
    let raw = findings::collect(&mut index, &graph);
    let order = findings::prioritise(&raw, &index.names);
    let names = Arc::new(std::mem::take(&mut index.names));
    let findings = order
        .iter()
        .map(|&i| {
            let (kind, severity, subject) = raw[i];
            Finding {
                kind,
                severity,
                subject,
                names: names.clone(),
            }
        })
        .collect();
    Analysis {
        readiness,
        findings,
        systems: SystemsSummary::new(names, systems),
    }
}

/// FxHash (the hasher of rustc) with a final avalanche: the maps here are keyed by the model's own
/// short ids and sit on the hot path, where SipHash's flood resistance buys
/// nothing — a model can only slow down the analysis of itself.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut rest = bytes;
        while let Some((word, tail)) = rest.split_first_chunk::<8>() {
            self.add(u64::from_le_bytes(*word));
            rest = tail;
        }
        if let Some((word, tail)) = rest.split_first_chunk::<4>() {
            self.add(u64::from(u32::from_le_bytes(*word)));
            rest = tail;
        }
        if let Some((word, tail)) = rest.split_first_chunk::<2>() {
            self.add(u64::from(u16::from_le_bytes(*word)));
            rest = tail;
        }
        if let Some(&byte) = rest.first() {
            self.add(u64::from(byte));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    /// The multiplications carry differences only towards the high bits,
    /// but hash tables pick buckets by the low bits: a final avalanche
    /// (MurmurHash3's) mixes every bit into every other, so ids that differ
    /// only in their last characters still spread over the buckets.
    #[inline]
    fn finish(&self) -> u64 {
        let mut h = self.hash;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// Builds [`FxHasher`]s: `HashMap<K, V, FxBuildHasher>` is a std map with
/// the fast hash.
pub(crate) type FxBuildHasher = BuildHasherDefault<FxHasher>;

crate::json_out::json_object!(Analysis {
    "readiness" => readiness,
    "findings" => findings,
    "systems" => systems,
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_hashes_spread_similar_ids_over_buckets() {
        use std::hash::{BuildHasher, BuildHasherDefault};
        let build = BuildHasherDefault::<FxHasher>::default();
        let buckets: std::collections::HashSet<u64> = (0..4096)
            .map(|k| build.hash_one(format!("contractors-g{k}").as_str()) & 0xfff)
            .collect();
        // A uniform hash fills about 63% of 4096 buckets with 4096 keys.
        assert!(buckets.len() > 2000, "{} buckets", buckets.len());
    }

    #[test]
    fn analyze_an_empty_model() {
        let a = analyze(&Model::empty("t"));
        assert_eq!(a.readiness.overall, None);
        assert!(a.findings.is_empty());
        assert_eq!(a.systems.components, 0);
    }
}

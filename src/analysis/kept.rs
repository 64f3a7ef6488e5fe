//! The analysis of a model kept for when it is asked of the same model
//! again, in the same language (an analysis names the standard framework in
//! the language it was made in): the page compares a what-if with its
//! baseline on every update, while the baseline rarely changes meanwhile
//! (analysing it again was about a quarter of an update of a what-if of
//! 4,800 assessments).

use super::{analyze, Analysis};
use crate::model::Model;

/// The last model analysed, with its analysis and the language's generation
/// ([`crate::language::generation`]).
#[derive(Debug, Default)]
pub struct Kept(Option<(Model, u32, Analysis)>);

impl Kept {
    /// The analysis of `model`: the one kept when it is of an equal model
    /// in the same language (comparing them costs a fraction of analysing),
    /// else a new one, kept.
    pub fn of(&mut self, model: &Model) -> &Analysis {
        let language = crate::language::generation();
        if !matches!(&self.0, Some((kept, made_in, _)) if *made_in == language && kept == model) {
            self.0 = None;
        }
        &self
            .0
            .get_or_insert_with(|| (model.clone(), language, analyze(model)))
            .2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kept_analysis_is_of_the_model_asked_about() {
        let mut kept = Kept::default();
        let sample = crate::framework::sample();
        assert_eq!(kept.of(&sample), &analyze(&sample));
        let mut changed = sample.clone();
        changed.assessments[0].current = 4.0;
        changed.responsibilities.clear();
        let fresh = analyze(&changed);
        assert_ne!(fresh, analyze(&sample), "the change shows in the analysis");
        assert_eq!(kept.of(&changed), &fresh);
        assert_eq!(kept.of(&sample), &analyze(&sample));
        // in French, the standard framework's names are French
        let french = include_str!("../../www/i18n/core-fr.json");
        crate::language::set(crate::language::Language::from_json(french).ok());
        let in_french = analyze(&sample);
        assert_eq!(kept.of(&sample), &in_french);
        crate::language::set(None);
        assert_ne!(in_french, analyze(&sample), "the names differ by language");
        assert_eq!(kept.of(&sample), &analyze(&sample));
    }
}

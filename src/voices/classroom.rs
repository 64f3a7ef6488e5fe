//! The class picture of the classroom page: students' answers merged, as
//! responses, into the instructor's worksheet (the instructor's framework,
//! scale and units with nothing scored), so that its cells hold the class's
//! means and its agreement says where students disagree.
//!
//! Students fill in the blank worksheet, whose `name` is the instructor's
//! organization's: an answer that kept that name (or has none) would make
//! every student the same respondent. Such an answer is named by where it
//! came from (its file name without the extension); an answer the student
//! renamed, or one with a respondent code, is named as [`merge`] names it.

use super::merge::{merge, Merged};
use crate::model::Model;
use crate::teaching::blank_model;

/// The name of `source` (a file name) without its folders and extension.
fn stem(source: &str) -> &str {
    let file = source.rsplit(['/', '\\']).next().unwrap_or(source);
    match file.rfind('.') {
        Some(dot) if dot > 0 => &file[..dot],
        _ => file,
    }
}

/// Merges the students' `answers` (each with the name of the file it came
/// from) into the instructor's worksheet. Refusals are [`merge`]'s: another
/// framework or scale, an unknown unit, nothing scored, or a second answer
/// from the same student with other scores; the rest merge.
pub fn class_picture(instructor: &Model, answers: &[(String, Model)]) -> Merged {
    let worksheet = blank_model(instructor);
    let named: Vec<(String, Model)> = answers
        .iter()
        .map(|(source, answer)| {
            let mut answer = answer.clone();
            let kept =
                answer.name.trim().is_empty() || answer.name.trim() == instructor.name.trim();
            let coded = answer.respondent.as_ref().is_some_and(|r| r.code.is_some());
            if kept && !coded {
                answer.name = stem(source).to_string();
            }
            (source.clone(), answer)
        })
        .collect();
    merge(&worksheet, &named)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::parse_model;

    /// An answer scoring integration × HR, as a student's file holds it.
    fn answer(name: &str, current: f64) -> Model {
        let name = serde_json::to_string(name).unwrap();
        parse_model(&format!(
            r#"{{"schema": "workforce-ecosystem/v1", "name": {name},
                "assessments": [{{"theme": "integration", "player": "hr", "current": {current}}}]}}"#
        ))
        .unwrap()
    }

    #[test]
    fn worksheet_answers_are_named_by_their_files_and_renamed_ones_by_their_names() {
        let mut instructor = answer("Harbourline", 4.0);
        instructor.assessments[0].note = Some("the instructor's".into());
        let answers = [
            ("class/ann.json".to_string(), answer("Harbourline", 1.0)),
            ("ben.json".to_string(), answer("", 2.0)),
            ("x.json".to_string(), answer("Cy Diaz", 3.0)),
            // Ann again, with another score: the same student twice.
            ("other/ann.json".to_string(), answer("Harbourline", 0.0)),
        ];
        let m = class_picture(&instructor, &answers);
        let who: Vec<&str> = m
            .model
            .responses
            .iter()
            .map(|r| r.respondent.as_str())
            .collect();
        assert_eq!(who, ["ann", "ben", "Cy Diaz"]);
        assert_eq!(m.refusals.len(), 1);
        assert_eq!(m.refusals[0].source, "other/ann.json");
        assert!(
            m.refusals[0].message.contains("\"ann\""),
            "{}",
            m.refusals[0].message
        );
        // The class's mean, not the instructor's score or note.
        let a = &m.model.assessments[0];
        assert_eq!((a.current, a.note.as_deref()), (2.0, None));
        assert_eq!(m.model.name, "Harbourline");
    }

    #[test]
    fn a_stem_drops_folders_and_the_extension_only() {
        assert_eq!(stem("a/b\\c.d.json"), "c.d");
        assert_eq!(stem(".json"), ".json");
        assert_eq!(stem("plain"), "plain");
    }
}

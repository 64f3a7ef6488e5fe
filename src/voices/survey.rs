//! `wfe survey`: a self-contained, offline survey page for one respondent.
//!
//! The page embeds the model's framework and scale (as a JSON data block,
//! which no policy runs), its words and the units it is for (a second data
//! block), and one script, `www/survey.js`, allowed by its SHA-256 hash in
//! the page's own content-security policy: nothing else may run, load or be
//! sent. The person scores the cells they are asked about (all, or their
//! player's) — the whole organization's, one unit's, or those of the unit
//! they choose — and saves a response file, a v1 model that [`super::merge`]
//! reads. The page's words are the core's, in the current language
//! ([`crate::language`]), so the script's hash does not change with them.

use crate::export::{escape_text, json_for_script};
use crate::language::{localized, say};
use crate::model::{Item, Model};
use crate::validate::wording::{known, quote};
use serde_json::json;

const SCRIPT: &str = include_str!("../../www/survey.js");
// The page's style, one line (src/voices/survey.css): build.rs hashes the
// same bytes for the policy.
const STYLE: &str = include_str!("survey.css");

/// Which cells a survey asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurveyScope<'a> {
    /// The whole organization's cells (no unit).
    Organization,
    /// The cells of one unit, by id.
    Unit(&'a str),
    /// The cells of the unit each respondent chooses among the model's.
    EveryUnit,
}

impl<'a> SurveyScope<'a> {
    /// The scope `wfe survey --unit ID` or `--all-units` (`every_unit`)
    /// asks for; a unit named wins.
    pub fn of(unit: Option<&'a str>, every_unit: bool) -> SurveyScope<'a> {
        match (unit, every_unit) {
            (Some(id), _) => SurveyScope::Unit(id),
            (None, true) => SurveyScope::EveryUnit,
            (None, false) => SurveyScope::Organization,
        }
    }
}

// SCRIPT_HASH and STYLE_HASH: the policy's sources for SCRIPT and STYLE
// ('sha256-…'), computed from the same files when the crate is built
// (build.rs), so the page carries no hashing code.
include!(concat!(env!("OUT_DIR"), "/survey_hashes.rs"));

/// The units a survey of `scope` is for; an unknown unit, or every unit of
/// a model without units, is refused.
fn units<'a>(model: &'a Model, scope: SurveyScope) -> Result<Vec<&'a Item>, String> {
    match scope {
        SurveyScope::Organization => Ok(Vec::new()),
        SurveyScope::Unit(id) => match model.units.iter().find(|u| u.id == id) {
            Some(u) => Ok(vec![u]),
            None => {
                let ids = model.units.iter().map(|u| u.id.as_str());
                let (unit, known) = (quote(id), known(ids, "the model defines no units"));
                Err(say(
                    "survey.unknownUnit",
                    &[("unit", &unit), ("known", &known)],
                    || format!("no unit {unit} in the model {known}"),
                ))
            }
        },
        SurveyScope::EveryUnit if model.units.is_empty() => Err(say("survey.noUnits", &[], || {
            "the model defines no units: a survey for every unit needs some".into()
        })),
        SurveyScope::EveryUnit => Ok(model.units.iter().collect()),
    }
}

/// The survey page of `model`'s framework and scale for the cells of
/// `scope`, in the current language.
pub fn survey_html(model: &Model, scope: SurveyScope) -> Result<String, String> {
    let units = units(model, scope)?;
    let shown = localized(model);
    let blank = Model {
        name: String::new(),
        ..crate::teaching::blank_model(&shown)
    };
    let csp = format!(
        "default-src 'none'; script-src {}; style-src {}; base-uri 'none'; form-action 'none'",
        SCRIPT_HASH, STYLE_HASH
    );
    let mut title = if model.name.trim().is_empty() {
        say("survey.title", &[], || "Workforce ecosystem survey".into())
    } else {
        say("survey.titleOf", &[("name", &model.name)], || {
            format!("{} — workforce ecosystem survey", model.name)
        })
    };
    if let [unit] = units.as_slice() {
        title = say(
            "survey.titleUnit",
            &[("title", &title), ("unit", &unit.label)],
            || format!("{title} — {}", unit.label),
        );
    }
    let word = |key: &str, english: &str| say(&format!("survey.{key}"), &[], || english.into());
    let setup = json!({
        "units": units,
        "words": {
            "current": word("current", "Current"),
            "target": word("target", "Target"),
            "needName": word("needName", "Give your name or the code you were given."),
            "needUnit": word("needUnit", "Choose your unit."),
            "needScore": word("needScore", "Score at least one cell before saving."),
            "savedOne": word("saved.one", "Saved your score. Send the file to whoever asked."),
            "savedOther": say("survey.saved.other", &[("count", "{count}")], || {
                "Saved your {count} scores. Send the file to whoever asked.".into()
            }),
            // the saved file's name: response-Name.json
            "file": word("file", "response"),
        },
    });
    let unit_field = match units.len() {
        0 | 1 => String::new(),
        _ => format!(
            "<label>{} <select id=\"survey-unit\" aria-required=\"true\"><option value=\"\">—</option></select></label>\n",
            escape_text(&word("yourUnit", "Your unit"))
        ),
    };
    Ok(format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>{title}</h1>\n<p>{intro}</p>\n<p id=\"survey-blocked\">{blocked}</p>\n\
         <form id=\"survey-form\">\n\
         <label>{name} <input id=\"survey-name\" autocomplete=\"name\" maxlength=\"200\" required></label>\n\
         <label>{role} <input id=\"survey-role\" maxlength=\"200\"></label>\n{unit_field}\
         <label>{cells} <select id=\"survey-player\"><option value=\"\">{all}</option></select></label>\n\
         <table>\n<thead><tr><th scope=\"col\">{theme}</th><th scope=\"col\">{player}</th>\
         <th scope=\"col\">{current}</th><th scope=\"col\">{target}</th></tr></thead>\n\
         <tbody id=\"survey-cells\"></tbody>\n</table>\n\
         <button type=\"submit\">{save}</button>\n\
         <p id=\"survey-status\" role=\"status\"></p>\n</form>\n</main>\n\
         <script type=\"application/json\" id=\"survey-model\">{data}</script>\n\
         <script type=\"application/json\" id=\"survey-setup\">{setup}</script>\n\
         <script>{SCRIPT}</script>\n</body>\n</html>\n",
        lang = escape_text(&word("lang", "en")),
        title = escape_text(&title),
        intro = escape_text(&word(
            "intro",
            "Score how far each player has come on each theme today (current) and where it should \
             be (target). Leave a cell blank if you cannot judge it. Nothing leaves this page until \
             you save and send the file."
        )),
        // shown until the script runs: a site whose policy blocks the page's
        // script would otherwise show an empty form
        blocked = escape_text(&word(
            "blocked",
            "If this line stays and no cells are listed below, this page's script could not run \
             here: save the file on your computer and open it from there in a browser."
        )),
        name = escape_text(&word("name", "Your name or the code you were given")),
        role = escape_text(&word("role", "Your role (optional)")),
        cells = escape_text(&word("cells", "Cells to score")),
        all = escape_text(&word("allCells", "All cells")),
        theme = escape_text(&word("theme", "Theme")),
        player = escape_text(&word("player", "Player")),
        current = escape_text(&word("current", "Current")),
        target = escape_text(&word("target", "Target")),
        save = escape_text(&word("save", "Save my response")),
        data = json_for_script(&blank),
        setup = json_for_script(&setup),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_hashes_are_those_of_the_script_and_style_embedded() {
        use base64::Engine;
        use sha2::{Digest, Sha256};
        let hash = |text: &str| {
            let digest = Sha256::digest(text.as_bytes());
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        };
        assert_eq!(SCRIPT_HASH, hash(SCRIPT));
        assert_eq!(STYLE_HASH, hash(STYLE));
        // a browser's own hash of the empty text, as a check on the encoding
        assert_eq!(
            hash(""),
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
        );
    }

    #[test]
    fn the_page_allows_exactly_its_script_and_style() {
        let mut m = crate::framework::sample();
        m.name = "</script><script>alert(1)</script>".into();
        m.framework.players[0].label = "<img src=x onerror=alert(1)>".into();
        let page = survey_html(&m, SurveyScope::Organization).unwrap();
        assert!(page.contains(SCRIPT_HASH));
        assert!(page.contains(STYLE_HASH));
        assert!(!page.contains("'unsafe-inline'"));
        // The model's texts never open an element: one script runs, two data
        // blocks (the model, the setup).
        assert_eq!(page.matches("<script").count(), 3);
        assert!(!page.contains("<img"));
        assert!(page.contains(&format!("<script>{SCRIPT}</script>")));
        // The embedded data is the framework and scale, nothing scored.
        assert!(!page.contains("\"assessments\":[{"));
    }

    /// The setup block the script reads: the units and the words.
    fn setup(page: &str) -> serde_json::Value {
        let start = page.find("id=\"survey-setup\">").unwrap() + "id=\"survey-setup\">".len();
        let end = start + page[start..].find("</script>").unwrap();
        serde_json::from_str(&page[start..end]).unwrap()
    }

    #[test]
    fn a_survey_is_for_the_organization_one_unit_or_the_unit_chosen() {
        let m = crate::framework::sample();
        let whole = survey_html(&m, SurveyScope::Organization).unwrap();
        assert_eq!(setup(&whole)["units"], serde_json::json!([]));
        assert!(!whole.contains("<select id=\"survey-unit\""));
        let ports = survey_html(&m, SurveyScope::Unit("ports")).unwrap();
        assert_eq!(setup(&ports)["units"][0]["id"], "ports");
        assert!(ports.contains(
            "<h1>Harbourline Group — workforce ecosystem survey — Ports and terminals</h1>"
        ));
        assert!(
            !ports.contains("<select id=\"survey-unit\""),
            "one unit: nothing to choose"
        );
        let every = survey_html(&m, SurveyScope::EveryUnit).unwrap();
        assert_eq!(
            setup(&every)["units"].as_array().unwrap().len(),
            m.units.len()
        );
        assert!(every.contains("<select id=\"survey-unit\""));
        assert_eq!(
            survey_html(&m, SurveyScope::Unit("shops")).unwrap_err(),
            "no unit \"shops\" in the model (known: ports, retail)"
        );
        let mut none = m.clone();
        none.units.clear();
        assert!(survey_html(&none, SurveyScope::EveryUnit)
            .unwrap_err()
            .contains("defines no units"));
    }

    #[test]
    fn the_survey_speaks_the_current_language_with_the_same_script() {
        let french = include_str!("../../www/i18n/core-fr.json");
        crate::language::set(crate::language::Language::from_json(french).ok());
        let page = survey_html(&crate::framework::sample(), SurveyScope::Unit("ports"));
        crate::language::set(None);
        let page = page.unwrap();
        assert!(page.contains("<html lang=\"fr\">"));
        assert!(page.contains("<button type=\"submit\">Enregistrer ma réponse</button>"));
        assert!(
            page.contains("enquête sur l’écosystème de main-d’œuvre — Ports and terminals</h1>"),
            "{}",
            &page[..800]
        );
        let words = &setup(&page)["words"];
        assert_eq!(words["current"], "Actuel");
        assert_eq!(
            words["savedOther"],
            "Vos {count} scores sont enregistrés. Envoyez le fichier à qui vous l’a demandé."
        );
        // The standard framework's names are the French ones; the script and
        // its hash are the English page's.
        assert!(page.contains("\"label\": \"RH\""));
        assert!(page.contains(SCRIPT_HASH));
    }
}

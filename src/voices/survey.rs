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
const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1a1a1a}\
label{display:block;margin:.5rem 0}input,select,button{font:inherit}\
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #ccc}\
button{margin-top:1rem;padding:.5rem 1rem;background:#1f4fbf;color:#fff;border:0;border-radius:4px}\
:focus-visible{outline:3px solid #1f4fbf;outline-offset:2px}\
[hidden]{display:none!important}\
@media (max-width:600px){table,tbody,tr,th,td{display:block}tr{border-bottom:2px solid #999;padding:.5rem 0}th,td{border:0}\
thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}td[data-label]::before{content:attr(data-label) \": \"}}";

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

/// The page's SHA-256 of `text`, base64, as a CSP source needs it.
fn csp_hash(text: &str) -> String {
    format!("'sha256-{}'", base64(&sha256(text.as_bytes())))
}

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
        csp_hash(SCRIPT),
        csp_hash(STYLE)
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
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>{title}</h1>\n<p>{intro}</p>\n\
         <form id=\"survey-form\">\n\
         <label>{name} <input id=\"survey-name\" autocomplete=\"name\" maxlength=\"200\" required></label>\n\
         <label>{role} <input id=\"survey-role\" maxlength=\"200\"></label>\n{unit_field}\
         <label>{cells} <select id=\"survey-player\"><option value=\"\">{all}</option></select></label>\n\
         <table>\n<thead><tr><th scope=\"col\">{theme}</th><th scope=\"col\">{player}</th>\
         <th scope=\"col\">{current}</th><th scope=\"col\">{target}</th></tr></thead>\n\
         <tbody id=\"survey-cells\"></tbody>\n</table>\n\
         <button type=\"submit\">{save}</button>\n\
         <p id=\"survey-status\" role=\"status\"></p>\n</form>\n\
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

/// SHA-256 (FIPS 180-4), for the policy's script and style hashes.
fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in msg.chunks(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..64 {
            let s1 = v[4].rotate_right(6) ^ v[4].rotate_right(11) ^ v[4].rotate_right(25);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7]
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = v[0].rotate_right(2) ^ v[0].rotate_right(13) ^ v[0].rotate_right(22);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v = [
                t1.wrapping_add(t2),
                v[0],
                v[1],
                v[2],
                v[3].wrapping_add(t1),
                v[4],
                v[5],
                v[6],
            ];
        }
        for (x, y) in h.iter_mut().zip(v) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 32];
    for (i, x) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&x.to_be_bytes());
    }
    out
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= c.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_and_base64_match_known_values() {
        // FIPS 180-4 examples, and a CSP hash computed by a browser's rules.
        assert_eq!(
            base64(&sha256(b"abc")),
            "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
        assert_eq!(
            base64(&sha256(b"")),
            "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
        let long = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        assert_eq!(
            base64(&sha256(long.as_bytes())),
            "JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE="
        );
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(base64(b"a"), "YQ==");
    }

    #[test]
    fn the_page_allows_exactly_its_script_and_style() {
        let mut m = crate::framework::sample();
        m.name = "</script><script>alert(1)</script>".into();
        m.framework.players[0].label = "<img src=x onerror=alert(1)>".into();
        let page = survey_html(&m, SurveyScope::Organization).unwrap();
        assert!(page.contains(&csp_hash(SCRIPT)));
        assert!(page.contains(&csp_hash(STYLE)));
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
        assert!(page.contains(&csp_hash(SCRIPT)));
    }
}

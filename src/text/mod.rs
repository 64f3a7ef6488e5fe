//! The model's text syntax (docs/text-syntax.md): one statement a line,
//! short enough to write by hand in a wiki's fenced block and to diff.
//!
//! ```
//! use workforce_ecosystem::text;
//!
//! let model = text::parse_text("name \"Acme\"\nscore hr integration 1 -> 3\n").unwrap();
//! assert_eq!(model.assessments[0].target, Some(3.0));
//! assert_eq!(text::to_text(&model), "name \"Acme\"\n\nscore hr integration 1 -> 3\n");
//! ```
//!
//! Reading (`parse/`, splitting lines in `lex.rs`) builds the model and
//! hands it to the validator's rules and limits, the JSON reader's own, so
//! both syntaxes mean the same thing and are refused for the same reasons;
//! problems name the line and column where the part concerned was written. Printing (`print.rs`) gives the canonical text:
//! JSON → text → JSON gives the same model, text → JSON → text the same
//! canonical text.

pub mod fenced;
mod lex;
mod parse;
mod print;
mod wording;

use crate::model::Model;
use crate::validate::{self, Invalid};

/// The longest line the reader takes, in characters: room for the longest
/// note (5,000 characters, each written as an escape if it must be) on a
/// `score` line.
pub const MAX_LINE_CHARS: usize = 65_536;
/// The most lines the reader takes: a model holds at most
/// [`validate::MAX_ITEMS`] list items, about one a line.
pub const MAX_LINES: usize = 2 * validate::MAX_ITEMS;

/// Reads and validates a model written in the text syntax. Problems carry
/// the JSON path of what they concern and the line and column where it was
/// written (syntax problems only the line and column).
pub fn parse_text(text: &str) -> Result<Model, Invalid> {
    let (model, places) = parse::read(text)?;
    validate::check_model(model, &|path| places.at(path))
}

/// The model in the text syntax's canonical form.
pub fn to_text(model: &Model) -> String {
    print::print(model)
}

/// Whether `text` looks like the text syntax rather than JSON, HTML or CSV:
/// its first line that is not blank is a comment or starts with one of the
/// statements' keywords followed by a space (a CSV header starts
/// `theme,player`).
pub fn looks_like_text(text: &str) -> bool {
    let Some(line) = text
        .trim_start_matches('\u{feff}')
        .lines()
        .map(str::trim_start)
        .find(|l| !l.is_empty())
    else {
        return false;
    };
    if line.starts_with('#') {
        return true;
    }
    let word = line.split(char::is_whitespace).next().unwrap_or_default();
    line.len() > word.len() && parse::KEYWORDS.contains(&word)
}

impl Model {
    /// The model in the text syntax's canonical form ([`to_text`]).
    pub fn to_text(&self) -> String {
        to_text(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Assessment, Contributor, ContributorKind, Control, Integration, Item, Respondent, Response,
        Responsibility, Scale, Score, Snapshot, System,
    };
    use proptest::prelude::*;

    fn problems(text: &str) -> Vec<String> {
        parse_text(text).unwrap_err().lines()
    }

    #[test]
    fn the_common_case_is_a_few_lines() {
        let m = parse_text(
            "# Acme's HR and procurement\nname \"Acme\"\nscore hr integration 1 -> 3\n\
             score procurement integration 2 → 3\nscore it technology 0\n",
        )
        .unwrap();
        assert_eq!(m.framework, crate::framework::standard());
        assert_eq!(m.scale, Scale::default());
        assert_eq!(m.assessments.len(), 3);
        assert_eq!(
            (m.assessments[2].current, m.assessments[2].target),
            (0.0, None)
        );
    }

    #[test]
    fn syntax_problems_name_line_column_and_what_was_expected() {
        assert_eq!(
            problems("name \"A\"\nscore hr integration x"),
            ["(model) (line 2, column 22): expected the current score (a number), found \"x\""]
        );
        assert_eq!(
            problems("unit a\n\nsocre hr\nlink a b"),
            [
                "(model) (line 3, column 1): expected a statement (name, player, theme, scale, \
                 labels, unit, score, contributor, owner, system, tracks, link, respondent, response, \
                 snapshot, cell), found \"socre\"",
                "(model) (line 4, column 8): expected -> between the two systems, found \"b\"",
            ]
        );
        assert_eq!(
            problems("contributor gig \"Gig\""),
            ["(model) (line 1, column 22): expected internal or external, found the end of the line"]
        );
        assert_eq!(
            problems("score hr integration 1 -> 2 weight 2 weight 3"),
            ["(model) (line 1, column 38): weight is given twice"]
        );
        assert_eq!(
            problems("tracks vms gig"),
            ["(model) (line 1, column 8): no system \"vms\" is declared above this line"]
        );
        assert_eq!(
            problems("unit a \"A\" extra"),
            ["(model) (line 1, column 12): expected the end of the line, found \"extra\""]
        );
    }

    #[test]
    fn problems_are_in_the_current_language() {
        let french = include_str!("../../www/i18n/core-fr.json");
        crate::language::set(crate::language::Language::from_json(french).ok());
        let got =
            problems("name \"A\"\nscore hr integration x\nname \"B\"\nunit \"u\ncell hr it 1");
        crate::language::set(None);
        assert_eq!(
            got,
            [
                "(modèle) (ligne 2, colonne 22) : attendu : le score actuel (un nombre) ; trouvé : \"x\"",
                "(modèle) (ligne 3, colonne 1) : le nom est déjà donné à la ligne 1",
                "(modèle) (ligne 4, colonne 6) : ce texte n’a pas de guillemet fermant (\") ; un texte se termine sur sa propre ligne",
                "(modèle) (ligne 5, colonne 1) : une ligne `cell` donne un score de la ligne `response` ou `snapshot` au-dessus d’elle ; aucune n’est déclarée au-dessus de cette ligne",
            ]
        );
    }

    #[test]
    fn rule_problems_point_at_the_field() {
        let got = problems(
            "unit retail\nscore hr integration 1 -> 9\nscore nobody integration 1 unit shops\n\
             system a owner hr tracks ghost",
        );
        assert_eq!(
            got,
            [
                "assessments[0].target (line 2, column 27): 9 is outside the scale 0 to 4",
                "assessments[1].player (line 3, column 7): unknown player \"nobody\" \
                 (known: senior-leaders, procurement, finance-legal, business-unit-leaders, it, hr)",
                "assessments[1].unit (line 3, column 33): unknown unit \"shops\" (known: retail)",
                "systems[0].contributors[0] (line 4, column 26): unknown contributor \"ghost\" (the model defines no contributors)",
            ]
        );
    }

    #[test]
    fn voices_and_dates_are_read_and_checked_at_their_lines() {
        let m = parse_text(
            "name \"Ana\"\nrespondent code A7 role \"HR lead\" date 2026-03-02\n\
             response \"Bo Li\" date 2026-03-03 role \"IT\"\n  cell it technology 2 -> 4\n\
             snapshot 2026-03-31\ncell hr integration 1\n",
        )
        .unwrap();
        let who = m.respondent.as_ref().unwrap();
        assert_eq!(
            (
                who.code.as_deref(),
                who.role.as_deref(),
                who.date.as_deref()
            ),
            (Some("A7"), Some("HR lead"), Some("2026-03-02"))
        );
        assert_eq!(m.responses[0].respondent, "Bo Li");
        assert_eq!(m.responses[0].scores[0].target, Some(4.0));
        assert_eq!(m.history[0].scores[0].player, "hr");
        assert_eq!(parse_text(&to_text(&m)).unwrap(), m);
        assert_eq!(
            problems("cell hr integration 1\nrespondent\nrespondent role \"x\""),
            [
                "(model) (line 1, column 1): a `cell` line gives a score of the `response` or \
                 `snapshot` above it; none is declared above this line",
                "(model) (line 3, column 1): the respondent is already given on line 2",
            ]
        );
        assert_eq!(
            problems(
                "snapshot 2026-02-30\n\
                 cell hr integration 9\ncell nobody integration 1 unit u\nresponse a date x role \"r\"\n\
                 response a\nsnapshot 2026-02-28\nsnapshot 2026-02-28"
            ),
            [
                "history[0].date (line 1, column 10): \"2026-02-30\" is not a date written YYYY-MM-DD",
                "history[0].scores[0].current (line 2, column 21): 9 is outside the scale 0 to 4",
                "history[0].scores[1].player (line 3, column 6): unknown player \"nobody\"",
                "history[0].scores[1].unit (line 3, column 32): unknown unit \"u\"",
                "responses[0].date (line 4, column 17): \"x\" is not a date written YYYY-MM-DD",
                "responses[1].respondent (line 5, column 10): second response from \"a\" \
                 (the first is responses[0])",
                "history[2].date (line 7, column 10): second snapshot dated \"2026-02-28\" \
                 (the first is history[1])",
            ]
        );
        assert_eq!(
            problems("response a role x"),
            ["(model) (line 1, column 17): expected a role in double quotes, found \"x\""]
        );
    }

    #[test]
    fn hostile_text_is_refused_cleanly() {
        let long = format!("name \"{}\"", "x".repeat(MAX_LINE_CHARS));
        assert_eq!(
            problems(&long),
            ["(model) (line 1, column 1): this line is 65,543 characters long; a line may have at most 65,536"]
        );
        let many = "\n".repeat(MAX_LINES + 1);
        assert!(problems(&many)[0].contains("more than 200,000 lines"));
        let items = "unit u\n".repeat(validate::MAX_ITEMS + 1);
        assert!(problems(&items)[0].contains("more than 100000 list items"));
        let huge = " ".repeat(validate::MAX_BYTES + 1);
        assert!(problems(&huge)[0].contains("the limit is 10 MB"));
        assert_eq!(
            problems("name \"a\u{0}b\""),
            ["(model) (line 1, column 8): the control character U+0000 cannot stand in a text; write it as \\u{0}"]
        );
        // A label over its limit is the JSON reader's problem, at its place.
        let got = problems(&format!("unit u \"{}\"", "é".repeat(201)));
        assert_eq!(
            got,
            ["units[0].label (line 1, column 8): too long: 201 characters, where a label may have at most 200"]
        );
        // Every bad line is listed, then counted.
        let err = parse_text(&"x\n".repeat(500)).unwrap_err();
        assert_eq!((err.problems.len(), err.total()), (100, 500));
    }

    #[test]
    fn the_sample_prints_and_reads_back() {
        let sample = crate::framework::sample();
        let text = to_text(&sample);
        assert!(text.starts_with("name \"Harbourline Group\"\n"), "{text}");
        assert_eq!(parse_text(&text).unwrap(), sample);
    }

    #[test]
    fn a_session_opens_from_the_text_syntax() {
        let session =
            crate::session::Session::from_text("# mine\nscore hr integration 1 -> 2\n").unwrap();
        assert_eq!(session.model().assessments[0].target, Some(2.0));
        let err = crate::session::Session::from_text("score hr integration x").unwrap_err();
        assert_eq!(err.problems[0].line, Some(1));
    }

    #[test]
    fn sniffing_tells_text_from_json_and_csv() {
        assert!(looks_like_text("\n  # comment\n"));
        assert!(looks_like_text("\u{feff}score hr integration 1"));
        assert!(looks_like_text("theme t \"T\""));
        assert!(!looks_like_text("theme,player,unit,current"));
        assert!(!looks_like_text("{\"schema\": 1}"));
        assert!(!looks_like_text("score"));
        assert!(!looks_like_text(""));
    }

    fn text_strategy(max: usize) -> impl Strategy<Value = String> {
        // Ordinary letters, the syntax's own characters, controls, bidi and
        // invisible characters, and anything else.
        prop::collection::vec(
            prop_oneof![
                prop::sample::select(vec![
                    'a',
                    'Z',
                    '0',
                    '-',
                    '>',
                    '"',
                    '\\',
                    '#',
                    ' ',
                    '\t',
                    '\n',
                    '\r',
                    '\u{0}',
                    '\u{7f}',
                    '\u{85}',
                    '\u{a0}',
                    '\u{200b}',
                    '\u{202e}',
                    '\u{2028}',
                    '→',
                    'é',
                    '\u{3164}',
                    '\u{e0041}',
                    '{',
                    '}',
                ]),
                any::<char>(),
            ],
            0..max,
        )
        .prop_map(|cs| cs.into_iter().collect())
    }

    fn number() -> impl Strategy<Value = f64> {
        prop_oneof![
            (-10i32..10).prop_map(f64::from),
            -1e6f64..1e6,
            Just(f64::MIN_POSITIVE),
            Just(-0.0)
        ]
    }

    fn item() -> impl Strategy<Value = Item> {
        (text_strategy(8), text_strategy(8)).prop_map(|(id, label)| Item { id, label })
    }

    fn scores() -> impl Strategy<Value = Vec<Score>> {
        prop::collection::vec(
            (
                text_strategy(4),
                text_strategy(4),
                prop::option::of(text_strategy(4)),
                number(),
                prop::option::of(number()),
            ),
            0..4,
        )
        .prop_map(|v| {
            v.into_iter()
                .map(|(theme, player, unit, current, target)| Score {
                    theme,
                    player,
                    unit,
                    current,
                    target,
                })
                .collect()
        })
    }

    type Voices = (Option<Respondent>, Vec<Response>, Vec<Snapshot>);

    /// A respondent, responses and snapshots, whatever their texts hold.
    fn voices() -> impl Strategy<Value = Voices> {
        let text = || prop::option::of(text_strategy(6));
        (
            prop::option::of(
                (text(), text(), text()).prop_map(|(code, role, date)| Respondent {
                    code,
                    role,
                    date,
                }),
            ),
            prop::collection::vec(
                (text_strategy(8), text(), text(), scores()).prop_map(
                    |(respondent, role, date, scores)| Response {
                        respondent,
                        role,
                        date,
                        scores,
                    },
                ),
                0..3,
            ),
            prop::collection::vec(
                (text_strategy(10), scores()).prop_map(|(date, scores)| Snapshot { date, scores }),
                0..3,
            ),
        )
    }

    prop_compose! {
        fn model()(
            name in text_strategy(10),
            players in prop::collection::vec(item(), 1..4),
            themes in prop::collection::vec(item(), 1..3),
            scale in (number(), number(), prop::collection::vec(text_strategy(5), 1..20)),
            units in prop::collection::vec(item(), 0..3),
            assessments in prop::collection::vec(
                (text_strategy(4), text_strategy(4), number(), prop::option::of(number()),
                 prop::option::of(text_strategy(4)), number(), prop::option::of(text_strategy(20))),
                0..4),
            contributors in prop::collection::vec((item(), any::<bool>(), prop::option::of(0..=crate::validate::limits::MAX_HEADCOUNT)), 0..3),
            responsibilities in prop::collection::vec(
                (text_strategy(4), text_strategy(4), text_strategy(4), prop::option::of(text_strategy(6)),
                 prop::option::of(0usize..3)),
                0..3),
            systems in prop::collection::vec((item(), text_strategy(4), prop::collection::vec(text_strategy(4), 0..40)), 0..3),
            integrations in prop::collection::vec((text_strategy(4), text_strategy(4)), 0..3),
            voices in voices(),
        ) -> Model {
            let mut m = Model::empty(&name);
            m.framework.players = players;
            m.framework.themes = themes;
            m.scale = Scale { min: scale.0, max: scale.1, labels: scale.2 };
            m.units = units;
            m.assessments = assessments.into_iter().map(|(theme, player, current, target, unit, weight, note)| Assessment {
                theme, player, unit, current, target, weight, note,
            }).collect();
            m.contributors = contributors.into_iter().map(|(i, external, headcount)| Contributor {
                id: i.id, label: i.label,
                kind: if external { ContributorKind::External } else { ContributorKind::Internal },
                headcount,
            }).collect();
            m.responsibilities = responsibilities.into_iter().map(|(contributor, theme, player, activity, control)| Responsibility {
                contributor, theme, player, activity, control: control.map(|c| Control::ALL[c]),
            }).collect();
            m.systems = systems.into_iter().map(|(i, owner, contributors)| System {
                id: i.id, label: i.label, owner, contributors,
            }).collect();
            m.integrations = integrations.into_iter().map(|(from, to)| Integration { from, to }).collect();
            (m.respondent, m.responses, m.history) = voices;
            m
        }
    }

    /// Lines made of the syntax's own words and characters, and anything else.
    fn line_strategy() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            prop::sample::select(
                parse::KEYWORDS
                    .iter()
                    .copied()
                    .chain([
                        "hr",
                        "it",
                        "integration",
                        "technology",
                        "internal",
                        "external",
                        "headcount",
                        "weight",
                        "note",
                        "activity",
                        "strict",
                        "tracks",
                        "owner",
                        "code",
                        "role",
                        "date",
                        "2026-03-31",
                        "->",
                        "→",
                        "0",
                        "1",
                        "3",
                        "-2.5",
                        "1e3",
                        "#",
                        "\"a b\"",
                        "\"\\u{202e}\"",
                        "\"",
                        "\\",
                        "\u{0}",
                        "\u{200b}",
                    ])
                    .collect::<Vec<_>>(),
            )
            .prop_map(String::from),
            text_strategy(6),
        ];
        prop::collection::vec(word, 0..8).prop_map(|w| w.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Whatever the text, the reader answers: a model whose canonical
        /// text reads back as itself, or problems that each name a line.
        #[test]
        fn any_text_is_read_or_refused_with_its_lines(lines in prop::collection::vec(line_strategy(), 0..12)) {
            let source = lines.join("\n");
            match parse_text(&source) {
                Ok(m) => {
                    let canonical = to_text(&m);
                    prop_assert_eq!(parse_text(&canonical).map_err(|e| TestCaseError::fail(format!("{e}\n{canonical}")))?, m);
                }
                Err(e) => {
                    prop_assert!(!e.problems.is_empty());
                    prop_assert!(e.problems.iter().all(|p| p.line.is_some()), "{}", e);
                }
            }
        }

        /// The syntax loses nothing, whatever the texts and numbers hold:
        /// the printed text reads back (before the rules, which these models
        /// break) as the same model, and prints again the same.
        #[test]
        fn any_model_survives_the_text(m in model()) {
            let text = to_text(&m);
            let (back, _) = parse::read(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
            prop_assert_eq!(&back, &m);
            prop_assert_eq!(to_text(&back), text);
        }
    }
}

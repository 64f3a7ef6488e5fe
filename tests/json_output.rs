//! The JSON the crate writes, as files and programs read it: the model file
//! format (member order, members left out, number and string text), the
//! problems' places, and the cell facts the page shows.

use workforce_ecosystem::model::{
    Assessment, Contributor, ContributorKind, Control, Framework, Integration, Item, Model,
    Responsibility, Scale, System,
};
use workforce_ecosystem::validate::{parse_model, Invalid, Problem};
use workforce_ecosystem::view::{self, Marks};

/// A small model with every optional member once present and once absent.
fn model() -> Model {
    let mut m = Model::empty("Café \"Q\"\n\u{1}</script>");
    m.framework = Framework {
        players: vec![Item::new("hr", "HR")],
        themes: vec![Item::new("leadership", "Leadership")],
    };
    m.scale = Scale {
        min: 0.0,
        max: 4.0,
        labels: vec![],
    };
    m.units = vec![Item::new("hq", "Head office")];
    m.assessments = vec![
        Assessment {
            theme: "leadership".into(),
            player: "hr".into(),
            unit: None,
            current: 2.0,
            target: None,
            weight: 1.0,
            note: None,
        },
        Assessment {
            theme: "leadership".into(),
            player: "hr".into(),
            unit: Some("hq".into()),
            current: 0.1,
            target: Some(3.5),
            weight: 2.0,
            note: Some("é 🦀".into()),
        },
    ];
    m.contributors = vec![
        Contributor {
            id: "staff".into(),
            label: "Staff".into(),
            kind: ContributorKind::Internal,
            headcount: Some(1200),
        },
        Contributor {
            id: "gig".into(),
            label: "Gig".into(),
            kind: ContributorKind::External,
            headcount: None,
        },
    ];
    m.responsibilities = vec![
        Responsibility {
            contributor: "gig".into(),
            theme: "leadership".into(),
            player: "hr".into(),
            activity: Some("Hiring".into()),
            control: Some(Control::Light),
        },
        Responsibility {
            contributor: "staff".into(),
            theme: "leadership".into(),
            player: "hr".into(),
            activity: None,
            control: None,
        },
    ];
    m.systems = vec![System {
        id: "hris".into(),
        label: "HRIS".into(),
        owner: "hr".into(),
        contributors: vec!["staff".into()],
    }];
    m.integrations = vec![Integration {
        from: "hris".into(),
        to: "hris".into(),
    }];
    m
}

#[test]
fn model_files_have_one_fixed_form() {
    let expected = r#"{
  "schema": "workforce-ecosystem/v1",
  "name": "Café \"Q\"\n\u0001</script>",
  "framework": {
    "players": [
      {
        "id": "hr",
        "label": "HR"
      }
    ],
    "themes": [
      {
        "id": "leadership",
        "label": "Leadership"
      }
    ]
  },
  "scale": {
    "min": 0.0,
    "max": 4.0,
    "labels": []
  },
  "units": [
    {
      "id": "hq",
      "label": "Head office"
    }
  ],
  "assessments": [
    {
      "theme": "leadership",
      "player": "hr",
      "current": 2.0
    },
    {
      "theme": "leadership",
      "player": "hr",
      "unit": "hq",
      "current": 0.1,
      "target": 3.5,
      "weight": 2.0,
      "note": "é 🦀"
    }
  ],
  "contributors": [
    {
      "id": "staff",
      "label": "Staff",
      "kind": "internal",
      "headcount": 1200
    },
    {
      "id": "gig",
      "label": "Gig",
      "kind": "external"
    }
  ],
  "responsibilities": [
    {
      "contributor": "gig",
      "theme": "leadership",
      "player": "hr",
      "activity": "Hiring",
      "control": "light"
    },
    {
      "contributor": "staff",
      "theme": "leadership",
      "player": "hr"
    }
  ],
  "systems": [
    {
      "id": "hris",
      "label": "HRIS",
      "owner": "hr",
      "contributors": [
        "staff"
      ]
    }
  ],
  "integrations": [
    {
      "from": "hris",
      "to": "hris"
    }
  ]
}"#;
    let m = model();
    assert_eq!(m.to_json_pretty(), expected);
    // The text reads back as the same model (through the model's reader,
    // which needs the full framework's six players and four themes only for
    // its rules, not for its shape).
    assert_eq!(
        workforce_ecosystem::validate::read_shape(expected).unwrap(),
        m
    );
}

#[test]
fn numbers_are_written_so_that_they_read_back_exactly() {
    let mut m = workforce_ecosystem::framework::sample();
    let awkward = [
        0.1 + 0.2,
        1.0 / 3.0,
        2.675,
        1e-7,
        4.0 - f64::EPSILON * 2.0,
        0.0,
    ];
    for (a, x) in m.assessments.iter_mut().zip(awkward) {
        a.current = x;
        a.weight = x + 0.5;
    }
    let text = serde_json::to_string(&m).unwrap();
    assert!(text.contains("\"current\":0.30000000000000004,"), "{text}");
    assert!(text.contains("\"current\":1e-7,"), "{text}");
    assert_eq!(parse_model(&text).unwrap(), m);
}

#[test]
fn problems_name_their_place_only_when_they_have_one() {
    let placed = Problem {
        path: "units[0].id".into(),
        message: "required, but missing".into(),
        line: Some(3),
        column: Some(7),
    };
    let unplaced = Problem::new(String::new(), "too big".into());
    let invalid = Invalid::new(vec![placed, unplaced]);
    assert_eq!(
        serde_json::to_string(&invalid).unwrap(),
        r#"{"problems":[{"path":"units[0].id","message":"required, but missing","line":3,"column":7},{"path":"","message":"too big"}],"more":0}"#
    );
}

#[test]
fn cell_facts_carry_their_scores_in_the_same_object() {
    let m = model();
    let infos = view::cell_infos(&m, None, &Marks::default());
    let text = serde_json::to_string(&infos[0]).unwrap();
    assert!(
        text.starts_with(
            r#"{"theme":"leadership","player":"hr","themeLabel":"Leadership","playerLabel":"HR","#
        ),
        "{text}"
    );
    assert!(
        text.ends_with(
            r#""assessed":2,"current":1.05,"target":3.5,"gap":3.4,"notes":["é 🦀"],"currentLabel":null,"targetLabel":null,"changed":false,"highlighted":null}"#
        ),
        "{text}"
    );
}

//! What `plan`, `assign` and `check` say first, in the language asked for:
//! on a tight edition whose plan leaves people out, the first lines count
//! them, name them and say why and what would fix it; long lists are cut
//! short; the language comes from `--lang`, else from `LANG`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn rally(args: &[&str], lang: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rally"));
    cmd.args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    if let Some(lang) = lang {
        cmd.env("LANG", lang);
    }
    let out = cmd.output().expect("rally runs");
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "rally {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn s(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// A tight edition of one territory, its programme and its courses.
struct Tight {
    _dir: tempfile::TempDir,
    edition: PathBuf,
    programme: PathBuf,
    plan: PathBuf,
    /// What `plan` and `assign` printed on standard error, in French.
    plan_summary: String,
    assign_summary: String,
}

fn tight() -> Tight {
    let dir = tempfile::tempdir().expect("tmp");
    let edition = dir.path().join("edition.json");
    let programme = dir.path().join("programme.json");
    let plan = dir.path().join("plan.json");
    let gen = [
        "generate",
        "--territories",
        "1",
        "--seed",
        "2",
        "-o",
        s(&edition),
    ];
    rally(&gen, None);
    let search = ["--effort", "2000", "--seed", "1", "--lang", "fr"];
    let p = rally(
        &[&["plan", s(&edition), "-o", s(&programme)][..], &search].concat(),
        None,
    );
    let a = rally(
        &[
            &["assign", s(&edition), s(&programme), "-o", s(&plan)][..],
            &search,
        ]
        .concat(),
        None,
    );
    Tight {
        _dir: dir,
        plan_summary: String::from_utf8(p.stderr).unwrap(),
        assign_summary: String::from_utf8(a.stderr).unwrap(),
        edition,
        programme,
        plan,
    }
}

/// Members who seek a certificate and do not get it (ids, edition order),
/// and those no course can certify, by the checker.
fn left_out(edition: &Path, plan: &Path) -> (Vec<String>, Vec<String>) {
    let model = rally_model::load_edition(edition).expect("edition");
    let plan = rally_model::load_plan(plan).expect("plan");
    let report = rally_check::check(&model, &plan);
    let seekers = || {
        model
            .members
            .iter()
            .zip(&report.members)
            .filter(|(m, _)| m.certificate)
    };
    let ids = |keep: fn(&rally_check::MemberReport) -> bool| {
        seekers()
            .filter(|(_, r)| keep(r))
            .map(|(m, _)| m.id.clone())
            .collect::<Vec<_>>()
    };
    (ids(|r| !r.certified), ids(|r| !r.certifiable))
}

/// The ids named in the `  - ` lines of the first block of `text`.
fn named(text: &str) -> Vec<String> {
    text.lines()
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.strip_prefix("  - "))
        .filter_map(|l| {
            let open = l.find(" (")?;
            let close = open + l[open..].find(')')?;
            Some(l[open + 2..close].to_string())
        })
        .collect()
}

#[test]
fn a_tight_plan_is_told_people_left_out_first_in_french() {
    let t = tight();
    let (uncertified, cannot) = left_out(&t.edition, &t.plan);
    assert!(
        uncertified.len() > 10,
        "the tight edition leaves people out"
    );

    // check: who does not get a certificate, why, and what would fix it.
    let out = rally(&["check", s(&t.edition), s(&t.plan), "--lang", "fr"], None);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let intro = format!(
        "{} membres qui demandent une attestation ne l’obtiennent pas (",
        uncertified.len()
    );
    assert!(lines[0].starts_with(&intro), "{text}");
    assert!(lines[0].ends_with("personnes) :"), "{text}");
    assert_eq!(named(&text), uncertified[..uncertified.len().min(50)]);
    assert!(
        lines[1].contains("leur parcours laisse de côté")
            || lines[1].contains("aucun parcours dans ce programme ne peut les certifier"),
        "{text}"
    );
    assert!(lines[2].starts_with("    pour y remédier : "), "{text}");
    assert!(
        text.contains("Aucune règle enfreinte : le plan respecte toutes les règles impératives."),
        "{text}"
    );
    assert!(text.contains("minutes de trajet (travel_minute)"), "{text}");

    // assign's summary: the same first, cut at ten names.
    let sum = &t.assign_summary;
    assert!(sum.starts_with(&intro), "{sum}");
    assert_eq!(named(sum), uncertified[..10]);
    let more = format!("  … et {} de plus", uncertified.len() - 10);
    assert!(sum.contains(&more), "{sum}");
    assert!(sum.contains("personnes certifiées sur"), "{sum}");
    assert!(sum.contains("limite de temps"), "{sum}");
    assert!(!sum.contains("certified"), "{sum}");

    // plan's summary: those no course of the programme can certify.
    let (_, cannot_programme) = left_out(&t.edition, &t.programme);
    assert_eq!(cannot_programme, cannot);
    let sum = &t.plan_summary;
    let intro = format!(
        "{} membres qui demandent une attestation ne peuvent pas l’obtenir avec ce programme (",
        cannot.len()
    );
    assert!(sum.starts_with(&intro), "{sum}");
    assert_eq!(named(sum), cannot[..cannot.len().min(10)]);
    assert!(sum.contains("sessions programmées"), "{sum}");
}

#[test]
fn what_a_replan_changed_is_told_in_french() {
    let ex = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/example");
    let dir = tempfile::tempdir().expect("tmp");
    // The published plan had w01/2 on Thursday 10 March; the plan keeps it on the 8th.
    let mut old: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(ex.join("plan.json")).unwrap()).unwrap();
    old["sessions"][1]["date"] = "2016-03-10".into();
    let old_path = dir.path().join("old.json");
    std::fs::write(&old_path, old.to_string()).unwrap();
    let out = dir.path().join("out.json");
    let (edition, plan) = (ex.join("edition.json"), ex.join("plan.json"));
    let args = [
        "assign",
        s(&edition),
        s(&plan),
        "-o",
        s(&out),
        "--from",
        s(&old_path),
        "--effort",
        "100",
        "--lang",
        "fr",
    ];
    let err = String::from_utf8(rally(&args, None).stderr).unwrap();
    assert!(
        err.contains("changements par rapport au plan publié : 1 session(s) déplacée(s)"),
        "{err}"
    );
    assert!(err.contains("partenaires à appeler (2) :"), "{err}");
    // Venues by name; u0001 has no name, so its id.
    let moved = "w01/2 « A morning with a home helper » : jeudi 10 mars 2016, matin, Cité des \
                 métiers, Limoges → mardi 8 mars 2016, matin, Cité des métiers, Limoges \
                 [1 membre(s) à prévenir : u0001]";
    assert!(err.contains(moved), "{err}");
}

#[test]
fn the_language_comes_from_lang_unless_given() {
    let ex = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/example");
    let (edition, plan) = (ex.join("edition.json"), ex.join("plan.json"));
    let check = ["check", s(&edition), s(&plan)];
    let first = |out: Output| {
        let text = String::from_utf8(out.stdout).unwrap();
        text.lines().next().unwrap_or("").to_string()
    };
    let fr = "Personne n’est laissé de côté : chaque attestation demandée peut être obtenue.";
    let en = "Nobody is left out: every certificate sought can be won.";
    assert_eq!(first(rally(&check, Some("fr_FR.UTF-8"))), fr);
    assert_eq!(first(rally(&check, Some("C.UTF-8"))), en);
    assert_eq!(first(rally(&check, None)), en);
    let english = [&check[..], &["--lang", "en"]].concat();
    assert_eq!(first(rally(&english, Some("fr_FR.UTF-8"))), en);
}

//! The exported site in a real browser: headless Chromium loads the pages
//! from disk, the test reads the DOM it renders (the right sessions in the
//! right cells, every link resolves) and saves a screenshot of a territory's
//! programme in docs/programme.png for a person to look at.
//!
//! Skipped, with a message, when /usr/bin/chromium is absent and CI is not
//! set; under CI it must run.

#[path = "support/chromium.rs"]
mod chromium;

use chromium::{browse, chromium};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs Chromium on a page of the disk.
fn open(chromium: &Path, page: &Path, extra: &[String]) -> String {
    browse(chromium, &format!("file://{}", page.display()), extra)
}

fn dom(chromium: &Path, page: &Path) -> String {
    open(chromium, page, &["--dump-dom".to_string()])
}

/// Exports the site of an edition and a plan into a new directory.
fn export(edition: &Path, plan: &Path) -> (tempfile::TempDir, PathBuf) {
    export_as(edition, plan, "--html", "en")
}

/// Exports one kind of output (`--html`, `--print`) in a language.
fn export_as(edition: &Path, plan: &Path, what: &str, lang: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_rally"))
        .arg("export")
        .args([edition, plan])
        .arg(what)
        .arg(&html)
        .args(["--lang", lang])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (dir, html.canonicalize().unwrap())
}

/// The inner HTML of the calendar cell of a date and a slot.
fn cell<'d>(dom: &'d str, date: &str, slot: &str) -> &'d str {
    let tag = format!("data-date=\"{date}\" data-slot=\"{slot}\">");
    let start = dom
        .find(&tag)
        .unwrap_or_else(|| panic!("no cell {date} {slot}"))
        + tag.len();
    let end = dom[start..].find("</td>").unwrap() + start;
    &dom[start..end]
}

/// Every `href` of a rendered page.
fn links(dom: &str) -> Vec<String> {
    dom.split("href=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_string())
        .collect()
}

#[test]
fn the_programme_renders_and_every_link_resolves() {
    let Some(chromium) = chromium() else { return };
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/example");
    let (_keep, site) = export(&examples.join("edition.json"), &examples.join("plan.json"));
    let territory = dom(chromium, &site.join("territories/87.html"));
    assert!(territory.contains("Programme — Haute-Vienne"));
    let thu3 = cell(&territory, "2016-03-03", "morning");
    assert!(
        thu3.contains("data-session=\"w01/1\"") && !thu3.contains("w02/1"),
        "{thu3}"
    );
    let tue8_am = cell(&territory, "2016-03-08", "morning");
    assert!(tue8_am.contains("data-session=\"w01/2\""), "{tue8_am}");
    assert!(tue8_am.contains("data-theme=\"realities\""), "{tue8_am}");
    let tue8_pm = cell(&territory, "2016-03-08", "afternoon");
    assert!(
        tue8_pm.contains("data-session=\"w02/1\"") && tue8_pm.contains("11 / 12"),
        "{tue8_pm}"
    );
    assert!(tue8_pm.contains("Maison de l'emploi, Bellac"), "{tue8_pm}");
    assert!(cell(&territory, "2016-03-01", "morning").trim().is_empty());
    assert!(territory.contains("data-theme=\"employers\" data-week=\"2016-02-29\">✗ 0</td>"));

    let index = dom(chromium, &site.join("index.html"));
    assert!(index.contains("No rule broken"));
    assert!(index.contains("data-term=\"total\"><strong>807<"));

    let mut pages = vec![site.join("index.html")];
    let mut seen = std::collections::BTreeSet::new();
    while let Some(page) = pages.pop() {
        if !seen.insert(page.clone()) {
            continue;
        }
        let rendered = dom(chromium, &page);
        for link in links(&rendered) {
            assert!(
                !link.contains("://"),
                "{} links outside: {link}",
                page.display()
            );
            let target = page.parent().unwrap().join(&link).canonicalize();
            let target =
                target.unwrap_or_else(|_| panic!("{}: broken link {link}", page.display()));
            pages.push(target);
        }
    }
    assert_eq!(seen.len(), 6, "every page is reachable from the index");
}

#[test]
fn a_screenshot_of_the_programme_is_saved_for_people() {
    let Some(chromium) = chromium() else { return };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (edition, plan) = (
        root.join("fixtures/tiny.json"),
        root.join("fixtures/tiny.plan.json"),
    );
    let (_keep, site) = export_as(&edition, &plan, "--html", "fr");
    let page = std::fs::read_dir(site.join("territories"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .min()
        .unwrap();
    let docs = root.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    let shot = docs.join("programme.png");
    open(
        chromium,
        &page,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1280,1600".into(),
        ],
    );
    let png = std::fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG image");
    assert!(png.len() > 10_000, "the screenshot shows something");
}

/// Pages of a PDF file: its `/Type /Page` objects (not `/Pages`).
fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Type")
        .filter(|(i, _)| {
            let rest = text[i + 5..].trim_start();
            rest.starts_with("/Page") && !rest.starts_with("/Pages")
        })
        .count()
}

#[test]
fn every_sign_in_sheet_and_certificate_prints_on_one_page() {
    let Some(chromium) = chromium() else { return };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (edition, plan) = (
        root.join("fixtures/tiny.json"),
        root.join("fixtures/tiny.plan.json"),
    );
    let (keep, out) = export_as(&edition, &plan, "--print", "fr");
    let mut printed = 0;
    for kind in ["sign-in", "certificates", "partners"] {
        let mut pages: Vec<PathBuf> = std::fs::read_dir(out.join(kind))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        pages.sort();
        assert!(!pages.is_empty(), "no {kind} page");
        for page in &pages {
            let pdf = keep.path().join("page.pdf");
            open(
                chromium,
                page,
                &[
                    format!("--print-to-pdf={}", pdf.display()),
                    "--no-pdf-header-footer".into(),
                ],
            );
            let bytes = std::fs::read(&pdf).unwrap();
            assert!(bytes.starts_with(b"%PDF"), "{}", page.display());
            if kind != "partners" {
                assert_eq!(
                    pdf_pages(&bytes),
                    1,
                    "{} prints on one page",
                    page.display()
                );
            }
            printed += 1;
        }
    }
    assert!(printed >= 3);
    let certificate = std::fs::read_dir(out.join("certificates"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .min()
        .unwrap();
    let shot = root.join("docs/certificate.png");
    open(
        chromium,
        &certificate,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1123,794".into(),
        ],
    );
    assert!(std::fs::read(&shot).unwrap().starts_with(b"\x89PNG"));
}

/// axe-core's script: `$AXE_CORE`, else the copy `.ci/run` installs with npm
/// under target/axe; `None` (with a message) when the test may be skipped.
fn axe_core() -> Option<PathBuf> {
    let default =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("target/axe/node_modules/axe-core/axe.min.js");
    let path = std::env::var_os("AXE_CORE").map_or(default, PathBuf::from);
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{} is missing under CI: .ci/run installs axe-core with npm",
        path.display()
    );
    eprintln!("SKIPPED: no axe-core (npm install --prefix target/axe axe-core)");
    None
}

/// The serious and critical violations axe-core finds on a page, each as
/// `rule: element, element`.
fn axe_violations(chromium: &Path, axe: &Path, page: &Path) -> Vec<String> {
    let dir = page.parent().unwrap();
    std::fs::copy(axe, dir.join("axe.min.js")).unwrap();
    let html = std::fs::read_to_string(page).unwrap();
    let runner = "<script src=\"axe.min.js\"></script><script>\
        axe.run(document).then(r => { const bad = r.violations\
        .filter(v => v.impact === 'serious' || v.impact === 'critical')\
        .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '));\
        const out = document.createElement('pre'); out.id = 'axe';\
        out.textContent = 'AXE' + JSON.stringify(bad) + 'AXE';\
        document.body.appendChild(out); });</script></body>";
    let checked = dir.join("axe-check.html");
    std::fs::write(&checked, html.replace("</body>", runner)).unwrap();
    let dom = open(
        chromium,
        &checked,
        &["--dump-dom".into(), "--virtual-time-budget=30000".into()],
    );
    let start = dom
        .find("AXE[")
        .unwrap_or_else(|| panic!("axe ran on {}", page.display()));
    let end = dom[start..].find("]AXE").unwrap() + start;
    let list = dom[start + 3..end + 1]
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    let found: Vec<String> = serde_json::from_str(&list).unwrap();
    std::fs::remove_file(checked).unwrap();
    found
}

#[test]
fn axe_core_finds_no_serious_violation_on_any_kind_of_page() {
    let Some(chromium) = chromium() else { return };
    let Some(axe) = axe_core() else { return };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (edition, plan) = (
        root.join("fixtures/tiny.json"),
        root.join("fixtures/tiny.plan.json"),
    );
    let first = |dir: PathBuf| {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "html"))
            .min()
            .unwrap()
    };
    for lang in ["fr", "en"] {
        let (_site_dir, site) = export_as(&edition, &plan, "--html", lang);
        let (_print_dir, print) = export_as(&edition, &plan, "--print", lang);
        let pages = [
            site.join("index.html"),
            first(site.join("territories")),
            first(site.join("members")),
            first(site.join("partners")),
            first(print.join("sign-in")),
            first(print.join("certificates")),
            first(print.join("partners")),
        ];
        for page in &pages {
            let found = axe_violations(chromium, &axe, page);
            assert!(found.is_empty(), "{lang} {}: {found:#?}", page.display());
        }
    }
}

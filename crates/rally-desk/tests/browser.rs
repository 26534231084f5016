//! The desk end to end in a real headless Chromium, driven through the
//! DevTools protocol (chromiumoxide) as a coordinator would: upload the
//! bundled edition, solve it while the progress shows the best penalty and
//! certified headcount, stop it, pin a session, move another to one of the places
//! offered, re-plan, review the change list, keep the new version, download
//! its hand-outs. Screenshots of the programme, a session, the people and
//! the Plan page are saved for the README (docs/desk-*.png). Skipped when
//! Chromium is absent, except under CI.

#[path = "../../../tests/support/chromium.rs"]
mod chromium;
mod support;

use chromiumoxide::cdp::browser_protocol::browser::{
    SetDownloadBehaviorBehavior, SetDownloadBehaviorParams,
};
use chromiumoxide::cdp::browser_protocol::dom::SetFileInputFilesParams;
use chromiumoxide::{Browser, BrowserConfig, Element, Page};
use futures_util::StreamExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use support::{fixture, request, serve, wait_idle};

/// The element `selector` once the page shows it (after a navigation, or
/// once the script has updated the page).
async fn appears(page: &Page, selector: &str) -> Element {
    let started = Instant::now();
    loop {
        if let Ok(e) = page.find_element(selector).await {
            return e;
        }
        let url = page.url().await.ok().flatten().unwrap_or_default();
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "{selector} never appeared on {url}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Every element `selector` finds, asked again while the page is still
/// settling (the protocol may answer an error for a document just replaced).
async fn all(page: &Page, selector: &str) -> Vec<Element> {
    let started = Instant::now();
    loop {
        match page.find_elements(selector).await {
            Ok(found) => return found,
            Err(e) => assert!(
                started.elapsed() < Duration::from_secs(120),
                "{selector}: {e}"
            ),
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The text of the element `selector`, once it appears.
async fn text_of(page: &Page, selector: &str) -> String {
    let e = appears(page, selector).await;
    e.inner_text().await.unwrap().unwrap_or_default()
}

/// Clicks `selector` and waits for the page the click leads to, known by
/// `then` (a selector only that page has).
async fn click(page: &Page, selector: &str, then: &str) -> Element {
    appears(page, selector).await.click().await.unwrap();
    appears(page, then).await
}

/// Sets the value of a form field, as typing it would.
async fn fill(page: &Page, selector: &str, value: &str) {
    let script = format!("document.querySelector(\"{selector}\").value = '{value}'");
    page.evaluate(script.as_str()).await.unwrap();
}

/// Saves a screenshot of what `url` shows in a fresh headless Chromium.
fn screenshot(chromium: &Path, url: &str, name: &str, live: bool) {
    let shot = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../docs")
        .join(name);
    let wait = if live {
        "--timeout=4000"
    } else {
        "--virtual-time-budget=1000"
    };
    let extra = [
        format!("--screenshot={}", shot.display()),
        "--window-size=1280,1400".into(),
        wait.into(),
    ];
    chromium::browse(chromium, url, &extra);
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.starts_with(b"\x89PNG\r\n\x1a\n"),
        "{name} is a PNG image"
    );
    assert!(png.len() > 10_000, "{name} shows something");
}

/// The one file of `dir` once Chromium has finished downloading it.
async fn downloaded(dir: &Path) -> PathBuf {
    let started = Instant::now();
    loop {
        let files: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        if let [file] = &files[..] {
            if file.extension().is_some_and(|e| e == "zip") {
                return file.clone();
            }
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "no download: {files:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// A number shown on a page (`+3`, `-12`, `0`).
fn number(text: &str) -> i64 {
    text.trim().trim_start_matches('+').parse().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_plans_adjusts_and_hands_out_a_rally_in_a_browser() {
    let Some(chromium) = chromium::chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let addr = serve(dir.path());
    let url = |path: &str| format!("http://{addr}{path}");
    let profile = tempfile::tempdir().unwrap();
    let config = BrowserConfig::builder()
        .chrome_executable(chromium)
        .user_data_dir(profile.path())
        .disable_default_args()
        .args(
            chromium::FLAGS[1..]
                .iter()
                .map(|f| f.trim_start_matches('-')),
        )
        .new_headless_mode()
        .window_size(1280, 1400)
        .build()
        .unwrap();
    let (mut browser, mut handler) = Browser::launch(config).await.unwrap();
    let events = tokio::spawn(async move { while handler.next().await.is_some() {} });
    let downloads = tempfile::tempdir().unwrap();
    browser
        .execute(
            SetDownloadBehaviorParams::builder()
                .behavior(SetDownloadBehaviorBehavior::Allow)
                .download_path(downloads.path().display().to_string())
                .build()
                .unwrap(),
        )
        .await
        .unwrap();
    let page = browser.new_page(url("/edition")).await.unwrap();

    // Upload the bundled edition: its figures show.
    let input = appears(&page, "input[type=file]").await;
    let upload = SetFileInputFilesParams::builder()
        .file(
            fixture("haute-vienne-2016.json")
                .canonicalize()
                .unwrap()
                .display()
                .to_string(),
        )
        .backend_node_id(input.backend_node_id)
        .build()
        .unwrap();
    page.execute(upload).await.unwrap();
    click(&page, "form[enctype] button", "p.valid").await;
    let sessions = number(&text_of(&page, "[data-figure=sessions]").await);
    assert!(sessions > 50, "{sessions} sessions");

    // Solve: the bar follows the run live with the best penalty and the
    // certified headcount of that plan; Stop keeps it as version 1.
    click(&page, "a[href='/plan']", "#start").await;
    fill(&page, "input[name=seconds]", "600").await;
    click(&page, "#start", "#progress").await;
    let started = Instant::now();
    while text_of(&page, "#best-certified").await == "—" {
        assert!(started.elapsed() < Duration::from_secs(300), "no headcount");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let certified = number(&text_of(&page, "#best-certified").await);
    let best = number(&text_of(&page, "#best").await);
    assert!(certified > 0 && best > 0, "{best} {certified}");
    screenshot(chromium, &url("/plan"), "desk-plan.png", true);
    click(&page, "#stop", "#result").await;
    let result = text_of(&page, "#run p.valid").await;
    assert!(result.contains("certified headcount"), "{result}");
    click(&page, "#result", "nav.desk [data-version='1']").await;

    // The programme: a click on a card's title opens its session; the first
    // card's session is pinned.
    let cards = all(&page, ".session[data-session]").await;
    assert!(cards.len() > 10, "{} cards", cards.len());
    let text = std::fs::read_to_string(fixture("haute-vienne-2016.json")).unwrap();
    let edition: serde_json::Value = serde_json::from_str(&text).unwrap();
    let pinned: Vec<&str> = edition["pinned"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["session"].as_str().unwrap())
        .collect();
    let mut free = Vec::new();
    for card in &cards {
        let id = card.attribute("data-session").await.unwrap().unwrap();
        if !pinned.contains(&id.as_str()) {
            free.push((card, id));
        }
    }
    let (first, second) = (free[0].1.clone(), free[1].1.clone());
    let title = free[0].0.find_element(".title").await.unwrap();
    title.click().await.unwrap();
    appears(&page, "#where").await;
    assert!(text_of(&page, "h1").await.starts_with(&first));
    click(&page, "#pin", "#pinned").await;
    assert!(page.find_element("#unpin").await.is_ok());
    assert!(all(&page, "table.moves").await.is_empty());

    // Another session, moved to the first place offered: the change shown
    // before is the change made.
    page.goto(url(&format!(
        "/v/1/session?id={}",
        second.replace('/', "%2F")
    )))
    .await
    .unwrap();
    let option = appears(&page, "table.moves tr:nth-child(2)").await;
    let cells = option.find_elements("td").await.unwrap();
    let mut shown = Vec::new();
    for c in &cells[..5] {
        shown.push(c.inner_text().await.unwrap().unwrap_or_default());
    }
    let (penalty, headcount) = (number(&shown[3]), number(&shown[4]));
    let base = page.content().await.unwrap();
    option
        .find_element("button")
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    appears(&page, "nav.desk [data-version='2']").await;
    let now = text_of(&page, "#where").await;
    assert!(now.starts_with(&shown[0]), "{now} is not {shown:?}");
    let moved = page.content().await.unwrap();
    let figure = |html: &str, what: &str| -> i64 {
        let at = html.find(what).unwrap() + what.len();
        let rest = &html[at..];
        rest[..rest.find(')').unwrap()].parse().unwrap()
    };
    assert_eq!(
        figure(&moved, "in penalty (now ") - figure(&base, "in penalty (now "),
        penalty
    );
    assert_eq!(
        figure(&moved, "certified headcount (now ") - figure(&base, "certified headcount (now "),
        headcount
    );

    // Re-plan from the moved version, review the changes, keep them.
    fill(&page, "form[action='/plan/run'] input[name=seconds]", "10").await;
    click(&page, "#replan", "#run").await;
    let review = appears(&page, "#review").await;
    review.click().await.unwrap();
    appears(&page, "#keep").await;
    let summary = text_of(&page, "#summary").await;
    assert!(summary.contains("version 2"), "{summary}");
    assert!(page.find_element("table.figures").await.is_ok());
    for h in ["Sessions moved", "Members rerouted"] {
        assert!(page.content().await.unwrap().contains(h), "{h}");
    }
    click(&page, "#keep", "nav.desk [data-version='3']").await;
    assert!(text_of(&page, "#summary").await.contains("version 2"));

    // The hand-outs of version 3, downloaded by a click.
    click(&page, "a[href='/v/3/handouts.zip']", "body").await;
    let zip = downloaded(downloads.path()).await;
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip).unwrap()).unwrap();
    let names: Vec<String> = archive
        .file_names()
        .map(|n| n.unwrap().to_string())
        .collect();
    for want in [
        "site/index.html",
        "csv/sessions.csv",
        "plan.json",
        "edition.json",
    ] {
        assert!(names.iter().any(|n| n == want), "{want} not in {names:?}");
    }
    assert!(names.iter().any(|n| n.starts_with("print/certificates/")));
    assert!(names.iter().any(|n| n.starts_with("calendars/")));
    let mut plan = Vec::new();
    std::io::Read::read_to_end(&mut archive.by_name("plan.json").unwrap(), &mut plan).unwrap();
    let kept = std::fs::read_dir(dir.path().join("plans"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("0003-replan-of-2"))
        .unwrap();
    assert_eq!(plan, std::fs::read(kept).unwrap(), "the version kept");

    browser.close().await.unwrap();
    events.abort();
    wait_idle(addr);
    assert_eq!(request(addr, "GET", "/v/3/people", "").0, 200);
    screenshot(
        chromium,
        &url("/v/3/site/territories/87.html"),
        "desk-programme.png",
        false,
    );
    screenshot(
        chromium,
        &url(&format!("/v/3/session?id={}", second.replace('/', "%2F"))),
        "desk-session.png",
        false,
    );
    screenshot(
        chromium,
        &url("/v/3/people?show=uncertified"),
        "desk-people.png",
        false,
    );
}

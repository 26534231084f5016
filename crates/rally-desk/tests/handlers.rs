//! The desk's handlers, in process (`tower::ServiceExt::oneshot`), over a
//! workspace made in a temporary folder from the repository's fixtures.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use rally_desk::{router, Config};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tower::ServiceExt;

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(path)
}

/// A workspace with the worked example as `edition.json` and its plan as version 1.
fn example_workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("example/edition.json"),
        dir.path().join("edition.json"),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    std::fs::copy(
        fixture("example/plan.json"),
        dir.path().join("plans/0001-example.json"),
    )
    .unwrap();
    dir
}

fn app(dir: &Path) -> Router {
    router(Config::new(dir)).unwrap()
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn text(&self) -> String {
        String::from_utf8(self.body.clone()).unwrap()
    }
    fn location(&self) -> &str {
        self.headers[header::LOCATION].to_str().unwrap()
    }
}

async fn send(app: &Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

async fn get(app: &Router, uri: &str) -> Answer {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn post_form(app: &Router, uri: &str, form: &str) -> Answer {
    let request = Request::post(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form.to_string()))
        .unwrap();
    send(app, request).await
}

async fn upload(app: &Router, name: &str, bytes: &[u8]) -> Answer {
    let boundary = "desk-test-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
            Content-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let request = Request::post("/edition")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .unwrap();
    send(app, request).await
}

#[tokio::test]
async fn every_page_of_a_version_answers() {
    let dir = example_workspace();
    let app = app(dir.path());
    let edition = get(&app, "/edition").await;
    assert_eq!(edition.status, StatusCode::OK);
    assert!(
        edition.text().contains("data-figure=\"sessions\">3<"),
        "{}",
        edition.text()
    );
    let plan = get(&app, "/plan").await;
    assert_eq!(plan.status, StatusCode::OK);
    assert!(plan.text().contains("plans/0001-example.json"));
    let v = get(&app, "/v/1").await;
    assert_eq!(v.status, StatusCode::SEE_OTHER);
    assert_eq!(v.location(), "/v/1/site/territories/87.html");
    for uri in [
        "/v/1/site/territories/87.html",
        "/v/1/site/index.html",
        "/v/1/site/members/g01.html",
        "/v/1/site/partners/pe.html",
        "/v/1/session?id=w01%2F2",
        "/v/1/people",
        "/v/1/people?show=uncertified&groups=on&territory=87",
        "/assets/desk.js",
    ] {
        let a = get(&app, uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
    }
    let grid = get(&app, "/v/1/site/territories/87.html").await.text();
    assert!(grid.contains("<nav class=\"desk\"") && grid.contains("data-session=\"w02/1\""));
    assert!(grid.contains("/assets/desk.js"));
    let session = get(&app, "/v/1/session?id=w02%2F1").await.text();
    assert!(session.contains("Lycée Limosin, 1st year"), "who comes");
    assert!(session.contains("ADMR Haute-Vienne"), "organisers");
    let people = get(&app, "/v/1/people?groups=on").await.text();
    assert!(people.contains("data-member=\"g01\"") && !people.contains("data-member=\"u0001\""));
}

#[tokio::test]
async fn the_handouts_zip_holds_every_output_of_the_version() {
    let dir = example_workspace();
    let app = app(dir.path());
    let a = get(&app, "/v/1/handouts.zip").await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.headers[header::CONTENT_TYPE], "application/zip");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(a.body)).unwrap();
    let names: Vec<String> = zip.file_names().map(|n| n.unwrap().to_string()).collect();
    for want in [
        "site/index.html",
        "site/territories/87.html",
        "calendars/members/g01.ics",
        "csv/sessions.csv",
        "print/sign-in/w01-1.html",
        "sheets/workshops.csv",
        "edition.json",
        "plan.json",
    ] {
        assert!(
            names.iter().any(|n| n == want),
            "{want} missing from {names:?}"
        );
    }
    let mut plan = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("plan.json").unwrap(), &mut plan).unwrap();
    assert_eq!(
        plan,
        std::fs::read_to_string(fixture("example/plan.json")).unwrap()
    );
}

#[tokio::test]
async fn a_bad_edition_is_refused_with_every_problem_and_the_edition_stays() {
    let dir = example_workspace();
    let app = app(dir.path());
    let bad = std::fs::read(fixture("bad/unknown-reference.json")).unwrap();
    let a = upload(&app, "unknown-reference.json", &bad).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        a.text().contains("workshops[0].organisers[1]"),
        "{}",
        a.text()
    );
    assert!(a.text().contains("pe78"));
    assert!(
        a.text().contains("data-figure=\"sessions\">3<"),
        "the edition in use stays"
    );
    assert!(!dir.path().join("editions").exists(), "nothing kept");
    let a = upload(&app, "notes.txt", b"hello").await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(a.text().contains("line 1 column 1"), "{}", a.text());

    // A zip of sheets with an unknown organiser: named by file, row and column.
    let model = rally_model::load_edition(&fixture("example/edition.json")).unwrap();
    let mut sheets = rally_export::sheets::write(&model.edition);
    let workshops = sheets
        .iter_mut()
        .find(|f| f.path == "workshops.csv")
        .unwrap();
    let text = String::from_utf8(workshops.bytes.clone()).unwrap();
    assert!(text.contains("admr; pe"));
    workshops.bytes = text.replacen("admr; pe", "admr; nobody", 1).into_bytes();
    let a = upload(
        &app,
        "sheets.zip",
        &rally_desk::handouts::zip(&sheets).unwrap(),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        a.text()
            .contains("workshops.csv, row 2, column D (organisers)"),
        "{}",
        a.text()
    );
    assert!(a.text().contains("nobody"));

    let a = upload(&app, "junk.zip", b"PK\x03\x04 not really a zip").await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(a.text().contains("not a readable zip"));
}

#[tokio::test]
async fn a_good_upload_is_kept_as_a_new_edition_and_a_large_one_refused() {
    let dir = example_workspace();
    let mut config = Config::new(dir.path());
    config.upload_limit = 4096;
    let app = router(config).unwrap();
    let model = rally_model::load_edition(&fixture("example/edition.json")).unwrap();
    let mut edition = model.edition.clone();
    edition.edition = Some("Uploaded as sheets".into());
    let sheets = rally_export::sheets::write(&edition);
    let a = upload(
        &app,
        "rally sheets.zip",
        &rally_desk::handouts::zip(&sheets).unwrap(),
    )
    .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.text());
    assert!(dir.path().join("editions/0001-rally-sheets.json").is_file());
    assert!(get(&app, "/edition")
        .await
        .text()
        .contains("Uploaded as sheets"));
    let a = upload(&app, "big.json", &vec![b' '; 10_000]).await;
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(a.text().contains("larger than"), "{}", a.text());
}

#[tokio::test]
async fn no_request_reaches_outside_the_workspace() {
    let dir = example_workspace();
    let app = app(dir.path());
    for uri in [
        "/v/1/site/../../../../etc/passwd",
        "/v/1/site/members/..%2F..%2Fedition.json",
        "/v/1/site/%2E%2E/%2E%2E/edition.json",
        "/v/1/site/members/../../plans/0001-example.json",
        "/v/2/site/index.html",
        "/assets/../edition.json",
        "/edition.json",
        "/plans/0001-example.json",
    ] {
        let a = get(&app, uri).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(!a.text().contains("Tiny rally"), "{uri}");
    }
    for uri in ["/v/..%2F1/people", "/v/-1/people", "/v/1.0/site/index.html"] {
        assert_eq!(
            get(&app, uri).await.status,
            StatusCode::BAD_REQUEST,
            "{uri}"
        );
    }
    let outside = tempfile::NamedTempFile::new().unwrap();
    let form = format!("file={}", outside.path().display());
    assert_eq!(
        post_form(&app, "/edition/use", &form).await.status,
        StatusCode::NOT_FOUND
    );
    let a = post_form(&app, "/edition/use", "file=..%2Fedition.json").await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_form_sent_by_another_site_is_refused() {
    let dir = example_workspace();
    let app = app(dir.path());
    let form = |origin: &str| {
        Request::post("/v/1/pin")
            .header(header::HOST, "127.0.0.1:8080")
            .header(header::ORIGIN, origin)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from("session=w02%2F1"))
            .unwrap()
    };
    assert_eq!(
        send(&app, form("http://evil.example")).await.status,
        StatusCode::FORBIDDEN
    );
    assert!(!dir.path().join("editions").exists());
    assert_eq!(
        send(&app, form("http://127.0.0.1:8080")).await.status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn off_this_machine_the_token_is_asked() {
    let dir = example_workspace();
    let mut config = Config::new(dir.path());
    config.token = Some("s3cret-s3cret".into());
    let app = router(config).unwrap();
    assert_eq!(get(&app, "/edition").await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        get(&app, "/edition?token=wrong").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        get(&app, "/v/1/handouts.zip").await.status,
        StatusCode::UNAUTHORIZED
    );
    let a = get(&app, "/plan?token=s3cret-s3cret").await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert_eq!(a.location(), "/plan");
    let cookie = a.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("rally_token=s3cret-s3cret;") && cookie.contains("HttpOnly"));
    let with = |cookie: &str| {
        Request::get("/edition")
            .header(header::COOKIE, cookie)
            .body(Body::empty())
            .unwrap()
    };
    assert_eq!(
        send(&app, with("rally_token=s3cret-s3cret")).await.status,
        StatusCode::OK
    );
    assert_eq!(
        send(&app, with("rally_token=s3cret-s3cre")).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_move_keeps_a_new_version_and_a_forbidden_one_is_refused() {
    let dir = example_workspace();
    let app = app(dir.path());
    let before = std::fs::read(dir.path().join("plans/0001-example.json")).unwrap();
    let page = get(&app, "/v/1/session?id=w01%2F2").await.text();
    // The pinned session has no move; w01/2 may go to a Tuesday or Thursday at cm (pe's days, H2).
    assert!(get(&app, "/v/1/session?id=w01%2F1")
        .await
        .text()
        .contains("id=\"pinned\""));
    assert!(
        page.contains(
            "value=\"2016-03-10\"><input type=\"hidden\" name=\"slot\" \
        value=\"morning\"><input type=\"hidden\" name=\"venue\" value=\"cm\">"
        ),
        "{page}"
    );
    assert!(
        !page.contains("value=\"2016-03-07\""),
        "a Monday breaks H2: {page}"
    );
    let a = post_form(
        &app,
        "/v/1/move",
        "session=w01%2F2&date=2016-03-07&slot=morning&venue=cm",
    )
    .await;
    assert_eq!(a.status, StatusCode::CONFLICT);
    let a = post_form(
        &app,
        "/v/1/move",
        "session=w01%2F2&date=2016-03-10&slot=morning&venue=cm",
    )
    .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert_eq!(a.location(), "/v/2/session?id=w01%2F2");
    assert_eq!(
        std::fs::read(dir.path().join("plans/0001-example.json")).unwrap(),
        before
    );
    let moved = rally_model::load_plan(
        &dir.path()
            .join("plans/0002-move-w01-2-2016-03-10-morning.json"),
    )
    .unwrap();
    let s = moved.sessions.iter().find(|s| s.id == "w01/2").unwrap();
    assert_eq!(
        (s.date.as_str(), s.slot.as_str(), s.venue.as_str()),
        ("2016-03-10", "morning", "cm")
    );
    let model = rally_model::load_edition(&fixture("example/edition.json")).unwrap();
    let report = rally_check::check(&model, &moved);
    assert_eq!(
        moved.penalty,
        Some(report.penalty.to_map()),
        "the checker's penalty is written"
    );
    let page = get(&app, "/v/2/session?id=w01%2F2").await.text();
    assert!(page.contains("Thursday 10 March 2016"), "{page}");
}

#[tokio::test]
async fn a_pin_makes_a_new_edition_that_keeps_the_session_there() {
    let dir = example_workspace();
    let app = app(dir.path());
    let a = post_form(&app, "/v/1/pin", "session=w02%2F1").await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.text());
    let kept = rally_model::load_edition(&dir.path().join("editions/0001-pin-w02-1.json")).unwrap();
    assert_eq!(kept.pins.len(), 2);
    let page = get(&app, "/v/1/session?id=w02%2F1").await.text();
    assert!(page.contains("id=\"pinned\""));
    assert!(get(&app, "/edition")
        .await
        .text()
        .contains("data-figure=\"pinned-sessions\">2<"));
}

/// Polls the Plan page until no run is going on.
async fn wait_idle(app: &Router) -> String {
    let started = Instant::now();
    loop {
        let page = get(app, "/plan").await.text();
        if page.contains("data-running=\"false\"") {
            return page;
        }
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "the run never ended"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_run_at_a_time_and_stop_keeps_the_best_plan() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("edition.json"),
        rally_generate::generate_json(12, 3),
    )
    .unwrap();
    let app = app(dir.path());
    let a = post_form(&app, "/plan/run", "kind=solve&seconds=abc").await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.text().contains("from 1 to 3600"));
    let a = post_form(&app, "/plan/run", "kind=solve&seconds=600").await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    let second = post_form(&app, "/plan/run", "kind=plan&seconds=5").await;
    assert_eq!(second.status, StatusCode::CONFLICT);
    assert!(second.text().contains("Busy"));
    let events = get_events(&app).await;
    assert!(events.contains("\"running\":true"), "{events}");
    assert_eq!(
        post_form(&app, "/plan/stop", "").await.status,
        StatusCode::SEE_OTHER
    );
    let page = wait_idle(&app).await;
    assert!(page.contains("version 1</a>"), "{page}");
    let kept = dir.path().join("plans/0001-solve-600s-stopped.json");
    let plan = rally_model::load_plan(&kept).unwrap();
    let model = rally_model::load_edition(&dir.path().join("edition.json")).unwrap();
    assert_eq!(
        plan.penalty,
        Some(rally_check::check(&model, &plan).penalty.to_map())
    );
    assert!(plan.courses.is_some());
    // The progress carried the certified headcount of the best plan: the
    // checker's of the plan kept.
    let status = get_status(&app).await;
    let report = rally_check::check(&model, &plan);
    let certified = report.certified_headcount(&model);
    assert_eq!(status["certified"], certified, "{status}");
    assert_eq!(status["best_certified"], certified, "{status}");
    // A second tab, or a refresh, sees the same state.
    assert_eq!(get(&app, "/plan").await.text(), page);
}

/// The first event of the progress stream.
async fn get_events(app: &Router) -> String {
    let response = app
        .clone()
        .oneshot(Request::get("/plan/events").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "text/event-stream"
    );
    let mut body = response.into_body().into_data_stream();
    use futures_util::StreamExt;
    let chunk = body.next().await.unwrap().unwrap();
    String::from_utf8(chunk.to_vec()).unwrap()
}

/// The run's status, as the first event of `/plan/events` carries it.
async fn get_status(app: &Router) -> serde_json::Value {
    let events = get_events(app).await;
    let json = events
        .lines()
        .find_map(|l| l.strip_prefix("data: "))
        .unwrap();
    serde_json::from_str(json).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_moved_version_re_plans_with_its_list_of_changes() {
    let dir = example_workspace();
    let app = app(dir.path());
    let form = "session=w01%2F2&date=2016-03-10&slot=morning&venue=cm";
    assert_eq!(
        post_form(&app, "/v/1/move", form).await.status,
        StatusCode::SEE_OTHER
    );
    assert!(get(&app, "/v/2/session?id=w01%2F2")
        .await
        .text()
        .contains("id=\"replan\""));
    assert!(get(&app, "/plan?from=2")
        .await
        .text()
        .contains("<option value=\"2\" selected>"));
    let a = post_form(&app, "/plan/run", "kind=solve&seconds=5&from=9").await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    let a = post_form(&app, "/plan/run", "kind=solve&seconds=5&from=2").await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    let page = wait_idle(&app).await;
    // The re-plan's progress carried its certified headcount too.
    let status = get_status(&app).await;
    assert!(status["best_certified"].is_u64(), "{status}");
    // The re-plan is a draft to review, not a version yet.
    assert!(
        page.contains("<a href=\"/draft/1\" id=\"review\">"),
        "{page}"
    );
    assert!(page.contains("data-draft=\"1\""), "{page}");
    assert!(!dir
        .path()
        .join("plans/0003-replan-of-2-solve-5s.json")
        .exists());
    let path = dir.path().join("drafts/0001-replan-of-2-solve-5s.json");
    let new = rally_model::load_plan(&path).unwrap();
    let old = rally_model::load_plan(
        &dir.path()
            .join("plans/0002-move-w01-2-2016-03-10-morning.json"),
    )
    .unwrap();
    let model = rally_model::load_edition(&fixture("example/edition.json")).unwrap();
    let before = rally_check::check(&model, &old).penalty.total;
    let after = rally_check::check(&model, &new).penalty.total;
    let replan = rally_model::replan::Replan::new(&model, old, None, None);
    let changes = rally_check::Changes::new(&model, &new, &replan);
    let summary = format!(
        "{} session(s) moved, {} member(s) rerouted",
        changes.moved.len(),
        changes.rerouted.len()
    );
    let review = get(&app, "/draft/1").await;
    assert_eq!(review.status, StatusCode::OK);
    let text = review.text();
    assert!(text.contains(&summary), "{summary}: {text}");
    assert!(text.contains(&format!("data-figure=\"penalty-before\">{before}<")));
    assert!(text.contains(&format!("data-figure=\"penalty-after\">{after}<")));
    for m in &changes.moved {
        assert!(text.contains(&format!("data-session=\"{}\"", m.session)));
    }
    assert!(text.contains("id=\"keep\"") && text.contains("id=\"discard\""));
    // A stale form (another draft's slug) keeps nothing.
    let a = post_form(&app, "/draft/1/keep", "slug=replan-of-1-solve-5s").await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    let a = post_form(&app, "/draft/1/keep", "slug=replan-of-2-solve-5s").await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert_eq!(a.location(), "/v/3/changes");
    assert!(!path.exists(), "the draft is kept, not copied");
    let kept = dir.path().join("plans/0003-replan-of-2-solve-5s.json");
    assert_eq!(rally_model::load_plan(&kept).unwrap(), new);
    let page = get(&app, "/v/3/changes").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains(&summary), "{summary}: {}", page.text());
    assert!(page.text().contains("<a href=\"/v/2\">version 2</a>"));
    assert_eq!(get(&app, "/draft/1").await.status, StatusCode::NOT_FOUND);

    // Another re-plan, discarded: no version is made.
    let a = post_form(&app, "/plan/run", "kind=plan&seconds=1&from=3").await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    wait_idle(&app).await;
    let a = post_form(&app, "/draft/1/discard", "slug=replan-of-3-plan-1s").await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.text());
    assert!(std::fs::read_dir(dir.path().join("drafts"))
        .unwrap()
        .next()
        .is_none());
    assert!(!dir
        .path()
        .join("plans/0004-replan-of-3-plan-1s.json")
        .exists());
    let plain = get(&app, "/v/1/changes").await.text();
    assert!(plain.contains("was not re-planned"));
}

/// The example edition with `change` made, as a workbook.
fn example_workbook(change: impl FnOnce(&mut rally_model::types::Edition)) -> Vec<u8> {
    let model = rally_model::load_edition(&fixture("example/edition.json")).unwrap();
    let mut edition = model.edition.clone();
    change(&mut edition);
    let texts = rally_export::Texts::new(rally_export::Lang::Fr);
    rally_export::sheets::workbook(&edition, &texts).unwrap()
}

#[tokio::test]
async fn a_workbook_upload_is_kept_and_its_problems_named_by_cell() {
    let dir = example_workspace();
    let app = app(dir.path());
    let bad = example_workbook(|e| e.workshops[0].organisers.push("nobody".into()));
    let a = upload(&app, "rally.xlsx", &bad).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        a.text().contains("Ateliers!D2 (organisers)") && a.text().contains("nobody"),
        "{}",
        a.text()
    );
    assert!(!dir.path().join("editions").exists(), "nothing kept");
    // An OpenDocument file that is not one: refused, said so.
    let fake =
        rally_desk::handouts::zip(&[rally_export::OutFile::text("mimetype", "x".into())]).unwrap();
    let a = upload(&app, "rally.ods", &fake).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        a.text().contains("cannot be read as a workbook"),
        "{}",
        a.text()
    );

    let good = example_workbook(|e| e.edition = Some("Uploaded as a workbook".into()));
    let a = upload(&app, "Rally 2016.xlsx", &good).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.text());
    let kept = dir.path().join("editions/0001-rally-2016.json");
    let model = rally_model::load_edition(&kept).unwrap();
    assert_eq!(
        model.edition.edition.as_deref(),
        Some("Uploaded as a workbook")
    );
    assert!(get(&app, "/edition")
        .await
        .text()
        .contains("Uploaded as a workbook"));
}

#[tokio::test]
async fn a_pinned_session_is_unpinned_and_may_move_again() {
    let dir = example_workspace();
    let app = app(dir.path());
    let page = get(&app, "/v/1/session?id=w01%2F1").await.text();
    assert!(page.contains("id=\"pinned\"") && page.contains("id=\"unpin\""));
    assert!(page.contains("A pinned session does not move."));
    let a = post_form(&app, "/v/1/unpin", "session=w02%2F1").await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST, "w02/1 is not pinned");
    let a = post_form(&app, "/v/1/unpin", "session=w01%2F1").await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.text());
    assert_eq!(a.location(), "/v/1/session?id=w01%2F1");
    let kept = rally_model::load_edition(&dir.path().join("editions/0001-unpin-w01-1.json"));
    assert!(kept.unwrap().pins.is_empty());
    let page = get(&app, "/v/1/session?id=w01%2F1").await.text();
    assert!(!page.contains("id=\"pinned\"") && page.contains("id=\"pin\""));
    assert!(page.contains("Move here"), "{page}");
    // Pinned again, in a newer edition still.
    let a = post_form(&app, "/v/1/pin", "session=w01%2F1").await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert!(dir.path().join("editions/0002-pin-w01-1.json").is_file());
}

/// The value of `name="{field}"` in a row of a form.
fn field<'a>(row: &'a str, name: &str) -> &'a str {
    let tag = format!("name=\"{name}\" value=\"");
    let start = row.find(&tag).unwrap() + tag.len();
    &row[start..start + row[start..].find('"').unwrap()]
}

#[tokio::test]
async fn each_move_shows_the_checkers_change_in_penalty_and_certified_headcount() {
    let dir = example_workspace();
    let app = app(dir.path());
    let page = get(&app, "/v/1/session?id=w01%2F2").await.text();
    let model = rally_model::load_edition(&fixture("example/edition.json")).unwrap();
    let plan = rally_model::load_plan(&fixture("example/plan.json")).unwrap();
    let current = rally_desk::edition::Current {
        model,
        source: String::new(),
        generation: 0,
    };
    let before = rally_check::check(&current.model, &plan);
    let headcount =
        |r: &rally_check::Report| rally_desk::state::certified_headcount(&current, r).0 as i64;
    let session = current.model.session("w01/2").unwrap();
    let rows: Vec<&str> = page
        .split("<tr>")
        .filter(|r| r.contains("action=\"/v/1/move\""))
        .collect();
    assert!(rows.len() > 1, "{page}");
    for row in rows {
        let (date, slot, venue) = (field(row, "date"), field(row, "slot"), field(row, "venue"));
        let at = rally_desk::moves::placement(&current, date, slot, venue).unwrap();
        let moved = rally_desk::moves::moved(&current, &plan, session, at);
        let after = rally_check::check(&current.model, &moved);
        let shown = format!(
            "<td class=\"num\">{:+}</td><td class=\"num\">{:+}</td>",
            after.penalty.total - before.penalty.total,
            headcount(&after) - headcount(&before)
        );
        assert!(
            row.contains(&shown),
            "{date} {slot} {venue}: {shown} in {row}"
        );
    }
}

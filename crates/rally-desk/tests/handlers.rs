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
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
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
    assert!(page.contains("value=\"2016-03-10\"><input type=\"hidden\" name=\"slot\" value=\"morning\"><input type=\"hidden\" name=\"venue\" value=\"cm\">"), "{page}");
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
    assert!(page.contains("version 3</a>"), "{page}");
    let path = dir.path().join("plans/0003-replan-of-2-solve-5s.json");
    let new = rally_model::load_plan(&path).unwrap();
    let old = rally_model::load_plan(
        &dir.path()
            .join("plans/0002-move-w01-2-2016-03-10-morning.json"),
    )
    .unwrap();
    let model = rally_model::load_edition(&fixture("example/edition.json")).unwrap();
    let replan = rally_model::replan::Replan::new(&model, old, None, None);
    let changes = rally_check::Changes::new(&model, &new, &replan);
    let page = get(&app, "/v/3/changes").await;
    assert_eq!(page.status, StatusCode::OK);
    let summary = format!(
        "{} session(s) moved, {} member(s) rerouted",
        changes.moved.len(),
        changes.rerouted.len()
    );
    assert!(page.text().contains(&summary), "{summary}: {}", page.text());
    assert!(page.text().contains("<a href=\"/v/2\">version 2</a>"));
    for m in &changes.moved {
        assert!(page
            .text()
            .contains(&format!("data-session=\"{}\"", m.session)));
    }
    let plain = get(&app, "/v/1/changes").await.text();
    assert!(plain.contains("was not re-planned"));
}

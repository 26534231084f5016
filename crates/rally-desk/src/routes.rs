//! The HTTP routes of the desk. Requests name versions by number and
//! sessions, members and pages by the edition's ids; no path of a request
//! is ever joined to the workspace folder.

use crate::edition::{self, Current, Loaded, Problem};
use crate::pages::frame::{self, Place};
use crate::pages::{self, people::Filter};
use crate::run::{self, Kind};
use crate::state::{certified_headcount, Checked, Config, Desk, Unavailable};
use crate::workspace::Shelf;
use crate::{auth, handouts, moves};
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use rally_export::html::esc;
use rally_export::Programme;
use serde::Deserialize;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

type Shared = State<Arc<Desk>>;

/// The desk's routes over the workspace of `config`.
pub fn router(config: Config) -> Result<Router, String> {
    let limit = config.upload_limit;
    let token = config.token.clone();
    let desk = Arc::new(Desk::open(config)?);
    let mut app = Router::new()
        .route("/", get(|| async { Redirect::to("/edition") }))
        .route("/edition", get(edition_page))
        .route(
            "/edition",
            post(upload).layer(DefaultBodyLimit::max(limit.saturating_add(64 << 10))),
        )
        .route("/edition/use", post(use_candidate))
        .route("/plan", get(plan_page))
        .route("/plan/run", post(plan_run))
        .route("/plan/stop", post(plan_stop))
        .route("/plan/events", get(plan_events))
        .route("/v/{n}", get(version))
        .route("/v/{n}/site/{*path}", get(site))
        .route("/v/{n}/session", get(session))
        .route("/v/{n}/move", post(move_session))
        .route("/v/{n}/pin", post(pin))
        .route("/v/{n}/unpin", post(unpin))
        .route("/v/{n}/people", get(people))
        .route("/v/{n}/changes", get(changes))
        .route("/draft/{d}", get(draft))
        .route("/draft/{d}/keep", post(keep_draft))
        .route("/draft/{d}/discard", post(discard_draft))
        .route("/v/{n}/handouts.zip", get(handouts_zip))
        .route("/assets/desk.js", get(script))
        .fallback(|| async { not_found("No such page.") })
        .layer(DefaultBodyLimit::max(64 << 10))
        .layer(axum::middleware::from_fn(auth::same_origin))
        .with_state(desk);
    if let Some(token) = token {
        app = app.layer(axum::middleware::from_fn_with_state(
            Arc::new(token),
            auth::require,
        ));
    }
    Ok(app)
}

/// Runs page building off the server's threads.
async fn blocking(f: impl FnOnce() -> Response + Send + 'static) -> Response {
    tokio::task::spawn_blocking(f).await.unwrap_or_else(|_| {
        message(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Error",
            "The page could not be built.",
        )
    })
}

/// A short page with a title and a sentence.
fn message(status: StatusCode, title: &str, text: &str) -> Response {
    let body = format!("<p>{}</p>\n", esc(text));
    (status, Html(frame::page(Place::Plan, &[], 0, title, &body))).into_response()
}

fn not_found(text: &str) -> Response {
    message(StatusCode::NOT_FOUND, "Not found", text)
}

fn territories(current: &Current) -> Vec<(String, String)> {
    current
        .model
        .edition
        .territories
        .iter()
        .map(|t| (t.id.clone(), t.name.clone().unwrap_or_else(|| t.id.clone())))
        .collect()
}

/// `w01/2` as a query value.
fn query_value(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Runs `f` on plan version `n`, checked; a page saying why when it cannot.
fn with_version(
    desk: &Desk,
    n: u32,
    f: impl FnOnce(&Arc<Current>, &Checked, Programme) -> Response,
) -> Response {
    match desk.checked(n) {
        Ok((current, checked)) => {
            let p = checked.programme(&current, desk.config.lang);
            f(&current, &checked, p)
        }
        Err(Unavailable::NoEdition) => Redirect::to("/edition").into_response(),
        Err(Unavailable::NoVersion(n)) => not_found(&format!(
            "There is no version {n}; the Plan page lists them."
        )),
        Err(Unavailable::Unreadable(problems)) => {
            let list: Vec<Problem> = problems
                .into_iter()
                .map(|m| Problem {
                    place: String::new(),
                    message: m,
                })
                .collect();
            let body = format!(
                "<p>Version {n} cannot be shown with the edition in use (was it made for \
                 another edition?):</p>\n{}",
                pages::edition::problem_list(&list)
            );
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                Html(frame::page(Place::Plan, &[], 0, "Version not shown", &body)),
            )
                .into_response()
        }
    }
}

fn edition_html(desk: &Desk, refused: Option<(&str, &[Problem])>) -> String {
    let candidates = desk.ws.candidates();
    desk.with_edition(|loaded| {
        let themes = match loaded {
            Loaded::Edition(c) => c.model.themes.len(),
            _ => 0,
        };
        let body = pages::edition::body(loaded, &candidates, desk.config.upload_limit, refused);
        frame::page(Place::Edition, &[], themes, "Edition", &body)
    })
}

async fn edition_page(State(desk): Shared) -> Response {
    blocking(move || Html(edition_html(&desk, None)).into_response()).await
}

async fn upload(State(desk): Shared, mut form: Multipart) -> Response {
    let mut file = None;
    loop {
        match form.next_field().await {
            Ok(Some(field)) if field.name() == Some("file") => {
                let name = field.file_name().unwrap_or("upload").to_string();
                match field.bytes().await {
                    Ok(bytes) if bytes.len() > desk.config.upload_limit => {
                        return refused_upload(&desk, StatusCode::PAYLOAD_TOO_LARGE, "")
                    }
                    Ok(bytes) => file = Some((name, bytes)),
                    Err(e) => return refused_upload(&desk, e.status(), &e.body_text()),
                }
            }
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(e) => return refused_upload(&desk, e.status(), &e.body_text()),
        }
    }
    let Some((name, bytes)) = file else {
        return refused_upload(
            &desk,
            StatusCode::BAD_REQUEST,
            "no file in the form; choose the edition's file",
        );
    };
    blocking(move || match edition::upload(&bytes) {
        Ok((json, _)) => match edition::keep(&desk.ws, &name, &json) {
            Ok(_) => {
                desk.reload();
                Redirect::to("/edition").into_response()
            }
            Err(e) => message(StatusCode::INTERNAL_SERVER_ERROR, "Not kept", &e),
        },
        Err(problems) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Html(edition_html(&desk, Some((&name, &problems)))),
        )
            .into_response(),
    })
    .await
}

fn refused_upload(desk: &Desk, status: StatusCode, why: &str) -> Response {
    let text = if status == StatusCode::PAYLOAD_TOO_LARGE {
        format!(
            "the file is larger than {} MB; an edition is far smaller: is it the right file?",
            desk.config.upload_limit >> 20
        )
    } else {
        why.to_string()
    };
    let problems = [Problem {
        place: "file".into(),
        message: text,
    }];
    (
        status,
        Html(edition_html(desk, Some(("The upload", &problems)))),
    )
        .into_response()
}

#[derive(Deserialize)]
struct UseForm {
    file: String,
}

async fn use_candidate(State(desk): Shared, Form(form): Form<UseForm>) -> Response {
    blocking(move || {
        if !desk.ws.candidates().contains(&form.file) {
            return not_found("That file is not an edition of this folder.");
        }
        let bytes = match std::fs::read(desk.ws.path(&form.file)) {
            Ok(b) => b,
            Err(e) => {
                return message(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Not read",
                    &e.to_string(),
                )
            }
        };
        match edition::upload(&bytes) {
            Ok((json, _)) => match edition::keep(&desk.ws, &form.file, &json) {
                Ok(_) => {
                    desk.reload();
                    Redirect::to("/edition").into_response()
                }
                Err(e) => message(StatusCode::INTERNAL_SERVER_ERROR, "Not kept", &e),
            },
            Err(problems) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                Html(edition_html(&desk, Some((&form.file, &problems)))),
            )
                .into_response(),
        }
    })
    .await
}

fn plan_html(desk: &Desk, message: Option<&str>) -> String {
    plan_html_from(desk, None, message)
}

fn plan_html_from(desk: &Desk, from: Option<u32>, message: Option<&str>) -> String {
    let current = desk.current();
    let body = pages::plan::body(
        from,
        &desk.runner.status(),
        (
            &desk.ws.versions(Shelf::Plans),
            &desk.ws.versions(Shelf::Drafts),
        ),
        current.is_some(),
        message,
    );
    let themes = current.map_or(0, |c| c.model.themes.len());
    frame::page(Place::Plan, &[], themes, "Plan", &body)
}

#[derive(Deserialize)]
struct PlanQuery {
    from: Option<u32>,
}

async fn plan_page(State(desk): Shared, Query(q): Query<PlanQuery>) -> Response {
    blocking(move || Html(plan_html_from(&desk, q.from, None)).into_response()).await
}

#[derive(Deserialize)]
struct RunForm {
    kind: String,
    seconds: String,
    /// The version to re-plan from (empty: from nothing).
    #[serde(default)]
    from: String,
}

async fn plan_run(State(desk): Shared, Form(form): Form<RunForm>) -> Response {
    let kind = match form.kind.as_str() {
        "plan" => Kind::Plan,
        "solve" => Kind::Solve,
        _ => {
            return message(
                StatusCode::BAD_REQUEST,
                "Not started",
                "Choose plan or solve.",
            )
        }
    };
    let seconds = match form.seconds.trim().parse::<f64>() {
        Ok(s) if (1.0..=3600.0).contains(&s) => s,
        _ => {
            let text = format!(
                "\"{}\" is not a time budget: give a number of seconds from 1 to 3600.",
                form.seconds
            );
            return (StatusCode::BAD_REQUEST, Html(plan_html(&desk, Some(&text)))).into_response();
        }
    };
    blocking(move || {
        let from = match form.from.trim() {
            "" => None,
            n => match n.parse::<u32>().ok().map(|n| (n, desk.checked(n))) {
                Some((n, Ok((_, checked)))) => Some((n, checked.plan.clone())),
                _ => {
                    let text = format!("There is no version {n} to re-plan from.");
                    return (StatusCode::BAD_REQUEST, Html(plan_html(&desk, Some(&text))))
                        .into_response();
                }
            },
        };
        let Some(current) = desk.current() else {
            return Redirect::to("/edition").into_response();
        };
        let limit = Duration::from_secs_f64(seconds);
        match run::start(&desk, current, kind, limit, from) {
            Ok(()) => Redirect::to("/plan").into_response(),
            Err(run::Busy) => (
                StatusCode::CONFLICT,
                Html(plan_html(
                    &desk,
                    Some("Busy: a run is going on in this workspace; wait for it, or stop it."),
                )),
            )
                .into_response(),
        }
    })
    .await
}

async fn changes(State(desk): Shared, Path(n): Path<u32>) -> Response {
    blocking(move || {
        with_version(&desk, n, |current, checked, p| {
            let body = pages::changes::body(&p, n, checked.from.as_ref());
            let title = format!("Changes of version {n}");
            let page = frame::page(
                Place::Version(n),
                &territories(current),
                current.model.themes.len(),
                &title,
                &body,
            );
            Html(page).into_response()
        })
    })
    .await
}

async fn draft(State(desk): Shared, Path(d): Path<u32>) -> Response {
    blocking(move || {
        let (current, draft) = match desk.draft(d) {
            Ok(found) => found,
            Err(Unavailable::NoEdition) => return Redirect::to("/edition").into_response(),
            Err(_) => return no_draft(d),
        };
        let Some(from) = &draft.from else {
            return no_draft(d);
        };
        let before = match desk.checked(from.0) {
            Ok((_, old)) => (
                old.report().penalty.total,
                certified_headcount(&current, old.report()).0,
            ),
            Err(_) => return no_draft(d),
        };
        let (certified, wanting) = certified_headcount(&current, draft.report());
        let after = (draft.report().penalty.total, certified, wanting);
        let p = draft.programme(&current, desk.config.lang);
        let body = pages::changes::draft_body(&p, (d, &draft.slug), from, before, after);
        let title = format!("Re-plan of version {} to review", from.0);
        Html(frame::page(
            Place::Plan,
            &[],
            current.model.themes.len(),
            &title,
            &body,
        ))
        .into_response()
    })
    .await
}

fn no_draft(d: u32) -> Response {
    not_found(&format!(
        "There is no re-plan {d} to review: it was kept or discarded (the Plan page lists \
         the versions), or made for another edition."
    ))
}

#[derive(Deserialize)]
struct DraftForm {
    slug: String,
}

async fn keep_draft(State(desk): Shared, Path(d): Path<u32>, Form(f): Form<DraftForm>) -> Response {
    blocking(
        move || match desk.ws.take(Shelf::Drafts, d, &f.slug, Shelf::Plans) {
            Some(Ok(v)) => Redirect::to(&format!("/v/{}/changes", v.number)).into_response(),
            Some(Err(e)) => message(StatusCode::INTERNAL_SERVER_ERROR, "Not kept", &e),
            None => no_draft(d),
        },
    )
    .await
}

async fn discard_draft(
    State(desk): Shared,
    Path(d): Path<u32>,
    Form(f): Form<DraftForm>,
) -> Response {
    blocking(move || match desk.ws.remove(Shelf::Drafts, d, &f.slug) {
        Ok(true) => Redirect::to("/plan").into_response(),
        Ok(false) => no_draft(d),
        Err(e) => message(StatusCode::INTERNAL_SERVER_ERROR, "Not discarded", &e),
    })
    .await
}

async fn plan_stop(State(desk): Shared) -> Response {
    desk.runner.stop();
    Redirect::to("/plan").into_response()
}

async fn plan_events(
    State(desk): Shared,
) -> Sse<impl futures_util::Stream<Item = Result<Event, Infallible>>> {
    let rx = desk.runner.subscribe();
    let stream =
        futures_util::stream::unfold((desk, rx, true), |(desk, mut rx, first)| async move {
            if !first {
                if desk.runner.status().running {
                    let _ = tokio::time::timeout(Duration::from_secs(1), rx.changed()).await;
                } else if rx.changed().await.is_err() {
                    return None;
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            let status = serde_json::to_string(&desk.runner.status()).unwrap_or_default();
            let event = Event::default().event("status").data(status);
            Some((Ok(event), (desk, rx, false)))
        });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

async fn version(State(desk): Shared, Path(n): Path<u32>) -> Response {
    blocking(move || {
        with_version(&desk, n, |current, _, _| {
            match current.model.edition.territories.first() {
                Some(t) => {
                    Redirect::to(&format!("/v/{n}/site/territories/{}.html", t.id)).into_response()
                }
                None => Redirect::to(&format!("/v/{n}/site/index.html")).into_response(),
            }
        })
    })
    .await
}

async fn site(State(desk): Shared, Path((n, path)): Path<(u32, String)>) -> Response {
    blocking(move || {
        with_version(
            &desk,
            n,
            |current, _, p| match rally_export::html::page_at(&p, &path) {
                Some(html) => {
                    Html(frame::site_page(&html, n, &territories(current))).into_response()
                }
                None => not_found("The site of this version has no such page."),
            },
        )
    })
    .await
}

#[derive(Deserialize)]
struct SessionQuery {
    id: String,
}

async fn session(
    State(desk): Shared,
    Path(n): Path<u32>,
    Query(q): Query<SessionQuery>,
) -> Response {
    blocking(move || {
        with_version(&desk, n, |current, checked, p| {
            let Some(s) = current.model.session(&q.id) else {
                return not_found("The edition has no such session.");
            };
            let base = (
                checked.report().penalty.total,
                certified_headcount(current, checked.report()).0,
            );
            let options = current
                .model
                .pin_of(s)
                .is_none()
                .then(|| desk.moves(current, checked, s));
            let body = pages::session::body(&p, n, s, options.as_deref(), base);
            let title = format!("{} — {}", q.id, current.model.workshop_of(s).title);
            Html(frame::page(
                Place::Version(n),
                &territories(current),
                current.model.themes.len(),
                &title,
                &body,
            ))
            .into_response()
        })
    })
    .await
}

#[derive(Deserialize)]
struct MoveForm {
    session: String,
    date: String,
    slot: String,
    venue: String,
}

async fn move_session(
    State(desk): Shared,
    Path(n): Path<u32>,
    Form(f): Form<MoveForm>,
) -> Response {
    blocking(move || {
        with_version(&desk, n, |current, checked, _| {
            let model = &current.model;
            let (Some(s), Some(at)) = (
                model.session(&f.session),
                moves::placement(current, &f.date, &f.slot, &f.venue),
            ) else {
                return message(
                    StatusCode::BAD_REQUEST,
                    "Not moved",
                    "The edition has no such session, date, slot or venue.",
                );
            };
            if model.pin_of(s).is_some() {
                return message(
                    StatusCode::CONFLICT,
                    "Not moved",
                    "This session is pinned by the edition.",
                );
            }
            let options = &desk.moves(current, checked, s).0;
            if !options.iter().any(|m| m.at == at) {
                return message(
                    StatusCode::CONFLICT,
                    "Not moved",
                    "The session may not go there: it would break a hard rule (H1–H7).",
                );
            }
            let plan = moves::moved(current, &checked.plan, s, at);
            let slug = format!("move-{}-{}-{}", f.session, f.date, f.slot);
            match desk.keep_plan(current, &slug, plan) {
                Ok(v) => Redirect::to(&format!("/v/{v}/session?id={}", query_value(&f.session)))
                    .into_response(),
                Err(e) => message(StatusCode::INTERNAL_SERVER_ERROR, "Not kept", &e),
            }
        })
    })
    .await
}

#[derive(Deserialize)]
struct PinForm {
    session: String,
}

async fn pin(State(desk): Shared, Path(n): Path<u32>, Form(f): Form<PinForm>) -> Response {
    blocking(move || {
        with_version(&desk, n, |current, checked, _| {
            let Some(entry) = checked.plan.sessions.iter().find(|s| s.id == f.session) else {
                return message(
                    StatusCode::BAD_REQUEST,
                    "Not pinned",
                    "This version does not schedule that session.",
                );
            };
            let pin = rally_model::types::Pin {
                session: entry.id.clone(),
                date: entry.date.clone(),
                slot: entry.slot.clone(),
                venue: entry.venue.clone(),
            };
            let slug = format!("pin-{}", f.session);
            new_pins(&desk, current, n, &f.session, &slug, |pins| {
                pins.retain(|p| p.session != pin.session);
                pins.push(pin);
            })
        })
    })
    .await
}

async fn unpin(State(desk): Shared, Path(n): Path<u32>, Form(f): Form<PinForm>) -> Response {
    blocking(move || {
        with_version(&desk, n, |current, _, _| {
            if !current
                .model
                .edition
                .pinned
                .iter()
                .any(|p| p.session == f.session)
            {
                return message(
                    StatusCode::BAD_REQUEST,
                    "Not unpinned",
                    "The edition does not pin that session.",
                );
            }
            let slug = format!("unpin-{}", f.session);
            new_pins(&desk, current, n, &f.session, &slug, |pins| {
                pins.retain(|p| p.session != f.session)
            })
        })
    })
    .await
}

/// Keeps the edition with its pins changed by `change` as the next version
/// of `editions/` (when it is still valid), then shows `session` of version `n`.
fn new_pins(
    desk: &Desk,
    current: &Current,
    n: u32,
    session: &str,
    slug: &str,
    change: impl FnOnce(&mut Vec<rally_model::types::Pin>),
) -> Response {
    let mut edition = current.model.edition.clone();
    change(&mut edition.pinned);
    let mut text = serde_json::to_string_pretty(&edition).unwrap_or_default();
    text.push('\n');
    if let Err(problems) = edition::json(text.as_bytes()) {
        let list: Vec<String> = problems
            .iter()
            .map(|p| format!("{}: {}", p.place, p.message))
            .collect();
        return message(StatusCode::CONFLICT, "Not changed", &list.join("; "));
    }
    match desk.ws.add(Shelf::Editions, slug, text.as_bytes()) {
        Ok(_) => {
            desk.reload();
            Redirect::to(&format!("/v/{n}/session?id={}", query_value(session))).into_response()
        }
        Err(e) => message(StatusCode::INTERNAL_SERVER_ERROR, "Not kept", &e),
    }
}

async fn people(State(desk): Shared, Path(n): Path<u32>, Query(filter): Query<Filter>) -> Response {
    blocking(move || {
        with_version(&desk, n, |current, _, p| {
            let body = pages::people::body(&p, n, &filter);
            Html(frame::page(
                Place::Version(n),
                &territories(current),
                current.model.themes.len(),
                "People",
                &body,
            ))
            .into_response()
        })
    })
    .await
}

async fn handouts_zip(State(desk): Shared, Path(n): Path<u32>) -> Response {
    blocking(move || {
        with_version(&desk, n, |_, checked, p| {
            let plan = std::fs::read(desk.ws.path(&checked.name)).unwrap_or_default();
            match handouts::zip(&handouts::files(&p, &plan)) {
                Ok(bytes) => (
                    [
                        (header::CONTENT_TYPE, "application/zip".to_string()),
                        (
                            header::CONTENT_DISPOSITION,
                            format!("attachment; filename=\"rally-version-{n}.zip\""),
                        ),
                    ],
                    bytes,
                )
                    .into_response(),
                Err(e) => message(StatusCode::INTERNAL_SERVER_ERROR, "No zip", &e.to_string()),
            }
        })
    })
    .await
}

async fn script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("../assets/desk.js"),
    )
}

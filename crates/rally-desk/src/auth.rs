//! The shared secret of a desk opened to a network (`--bind ADDR --token
//! SECRET`): asked of every request, given once as `?token=` and then kept
//! in a cookie.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// The cookie that carries the token.
pub const COOKIE: &str = "rally_token";

/// Lets a request through when it carries the token (cookie or `?token=`);
/// a `?token=` sets the cookie and sends the browser to the same page without it.
pub async fn require(State(token): State<Arc<String>>, request: Request, next: Next) -> Response {
    let from_query = request.uri().query().and_then(|q| {
        q.split('&')
            .filter_map(|kv| kv.split_once('='))
            .find(|(k, _)| *k == "token")
            .map(|(_, v)| v.to_string())
    });
    if let Some(given) = from_query {
        if !same(&given, &token) {
            return refused();
        }
        let path = request.uri().path().to_string();
        let cookie = format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict");
        let mut response = (StatusCode::SEE_OTHER, [(header::LOCATION, path)]).into_response();
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            response.headers_mut().insert(header::SET_COOKIE, v);
        }
        return response;
    }
    let has_cookie = request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .any(|(k, v)| k == COOKIE && same(v, &token));
    if has_cookie {
        next.run(request).await
    } else {
        refused()
    }
}

/// Refuses a POST sent by a page of another site (its `Origin` names
/// another host than the desk's): no other site can make a version or start
/// a run in the team's browser.
pub async fn same_origin(request: Request, next: Next) -> Response {
    if request.method() == axum::http::Method::POST {
        let header = |name| request.headers().get(name).and_then(|v| v.to_str().ok());
        let origin = header(header::ORIGIN).filter(|o| *o != "null");
        let host = header(header::HOST);
        if let Some(origin) = origin {
            let origin_host = origin.split_once("://").map_or(origin, |(_, h)| h);
            if Some(origin_host) != host {
                return (
                    StatusCode::FORBIDDEN,
                    [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                    "Refused: this form was sent by a page of another site.\n",
                )
                    .into_response();
            }
        }
    }
    next.run(request).await
}

fn refused() -> Response {
    (
        StatusCode::UNAUTHORIZED,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "This desk asks for its token: open the address the rally team was given, \
         ending in ?token=…\n",
    )
        .into_response()
}

/// Compares in time independent of where the strings differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

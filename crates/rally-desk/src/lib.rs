#![warn(missing_docs)]
//! `rally serve`: the coordinator's desk, a local web app over a workspace
//! folder (the edition and every plan the team makes, kept as numbered
//! versions). Pages are rendered on the server in the look of the exported
//! site; the one small script is inside the binary.
//!
//! - `workspace`: the folder, its numbered versions, written whole, never overwritten;
//! - [`edition`]: the edition in use, uploads (JSON, zip of CSV sheets) and their problems;
//! - `run`: one plan or solve at a time, its progress, Stop;
//! - [`moves`]: where a session may move and what each move changes;
//! - [`handouts`]: every hand-out of a version as one zip;
//! - `routes`: the HTTP routes; `auth`: the token of a desk opened to a network.

mod auth;
pub mod edition;
pub mod handouts;
pub mod moves;
mod pages;
mod routes;
mod run;
pub mod state;
mod workspace;

pub use routes::router;
pub use state::{Config, Desk};

use std::net::SocketAddr;

/// Serves the desk on `addr` until the process ends; `ready` is called with
/// the address bound (the port chosen when `addr` asks for port 0).
pub fn serve(
    config: Config,
    addr: SocketAddr,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), String> {
    let app = router(config)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| format!("{addr}: {e}; choose another --port"))?;
        ready(listener.local_addr().map_err(|e| e.to_string())?);
        axum::serve(listener, app).await.map_err(|e| e.to_string())
    })
}

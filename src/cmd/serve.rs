//! `rally serve [DIR] [--port 8080] [--open] [--bind ADDR --token SECRET]`:
//! the coordinator's desk, a local web app over a workspace folder (see the
//! rally-desk crate).

use crate::io::BadInput;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The workspace folder: the edition (edition.json or CSV sheets) and the plans/ kept.
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// The port to listen on (0: any free port).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// Open the desk in the default browser.
    #[arg(long)]
    open: bool,
    /// The address to listen on; any other than this machine's (127.0.0.1) needs --token.
    #[arg(long, value_name = "ADDR", default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    bind: IpAddr,
    /// The shared secret the team opens the desk with (`http://ADDR:PORT/?token=SECRET`):
    /// at least 12 letters, digits, `-` or `_`.
    #[arg(long, value_name = "SECRET")]
    token: Option<String>,
    /// The largest upload accepted, in megabytes.
    #[arg(long, value_name = "MB", default_value_t = 20)]
    upload_limit: usize,
    #[command(flatten)]
    lang: super::LangArg,
}

/// Serves until interrupted.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if let Some(t) = &args.token {
        let good = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        if t.len() < 12 || !t.chars().all(good) {
            return Err(BadInput(
                "--token: give at least 12 letters, digits, '-' or '_' \
                 (e.g. from `openssl rand -hex 16`)"
                    .into(),
            )
            .into());
        }
    } else if !args.bind.is_loopback() {
        return Err(BadInput(format!(
            "--bind {}: a desk open to the network needs --token SECRET, so that only the \
             team can use it",
            args.bind
        ))
        .into());
    }
    let config = rally_desk::Config {
        dir: args.dir.clone(),
        lang: args.lang.get(),
        token: args.token.clone(),
        upload_limit: args.upload_limit.saturating_mul(1 << 20),
    };
    let addr = SocketAddr::new(args.bind, args.port);
    let token = args.token.clone();
    rally_desk::serve(config, addr, |bound| {
        let mut url = format!("http://{bound}/");
        if let Some(t) = &token {
            url.push_str(&format!("?token={t}"));
        }
        eprintln!(
            "rally serve: the desk of {} is at {url} (Ctrl-C stops it)",
            args.dir.display()
        );
        if args.open {
            open(&url);
        }
    })
    .map_err(|e| BadInput(format!("rally serve: {e}")))?;
    Ok(ExitCode::SUCCESS)
}

/// Opens `url` in the default browser, if one can be found.
fn open(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(opener).arg(url).spawn().is_err() {
        eprintln!("rally serve: could not open a browser; open {url}");
    }
}

//! `rally export` (not yet built).

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    Err(crate::io::BadInput("rally export: not available yet".into()).into())
}

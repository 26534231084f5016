//! `rally assign` (not yet built).

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    Err(crate::io::BadInput("rally assign: not available yet".into()).into())
}

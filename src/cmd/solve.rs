//! `rally solve` (not yet built).

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    Err(crate::io::BadInput("rally solve: not available yet".into()).into())
}

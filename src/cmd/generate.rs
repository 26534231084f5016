//! `rally generate --territories N --seed S [-o FILE]`: a synthetic edition.

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Number of départements, 1 to 101.
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=101))]
    territories: u16,
    /// Seed of the generator: the same seed gives the same edition.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output file (`-` or absent: standard output).
    #[arg(short, long, default_value = "-")]
    output: PathBuf,
}

/// Writes the edition; it always passes validation.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    crate::io::check_output(&args.output, &[])?;
    let mut text = rally_generate::generate_json(args.territories as usize, args.seed);
    text.push('\n');
    crate::io::write(&args.output, text.as_bytes(), &[])?;
    Ok(ExitCode::SUCCESS)
}

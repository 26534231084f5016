//! `rally generate --territories N --seed S [--profile P] [-o FILE]`: a
//! synthetic edition.

use std::path::PathBuf;
use std::process::ExitCode;

use rally_generate::Profile;

#[derive(clap::Args)]
pub struct Args {
    /// Number of départements, 1 to 101.
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=101))]
    territories: u16,
    /// Seed of the generator: the same seed and profile give the same edition.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// How much room the edition leaves: `tight` is close to real editions
    /// (seats per theme close to the demand, partners and participants free
    /// few days, long rural roads: a good plan leaves people uncertified);
    /// `generous` has room to spare (nearly everyone can be certified).
    #[arg(long, value_enum, default_value_t = ProfileArg::Tight)]
    profile: ProfileArg,
    /// Output file (`-` or absent: standard output).
    #[arg(short, long, default_value = "-")]
    output: PathBuf,
}

/// The profiles, as the command line names them.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ProfileArg {
    Tight,
    Generous,
}

impl From<ProfileArg> for Profile {
    fn from(p: ProfileArg) -> Profile {
        match p {
            ProfileArg::Tight => Profile::Tight,
            ProfileArg::Generous => Profile::Generous,
        }
    }
}

/// Writes the edition; it always passes validation.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    crate::io::check_output(&args.output, &[])?;
    let profile = Profile::from(args.profile);
    let mut text =
        rally_generate::generate_json_with(args.territories as usize, args.seed, profile);
    text.push('\n');
    crate::io::write(&args.output, text.as_bytes(), &[])?;
    Ok(ExitCode::SUCCESS)
}

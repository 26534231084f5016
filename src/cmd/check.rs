//! `rally check EDITION PLAN [--json] [--lang fr|en] [--from OLD_PLAN [--frozen-until DATE]
//! [--attended FILE]]`: validates and scores a plan (with `--from`, against a published
//! plan too, SPEC §9); the readable report opens with the people left out.

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The edition file (JSON, docs/formats.md#edition); `-` for standard input.
    edition: PathBuf,
    /// The plan file (JSON, docs/formats.md#plan); `-` for standard input.
    plan: PathBuf,
    /// Print the JSON report (docs/formats.md#check-report) instead of the readable report.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    lang: super::LangArg,
    #[command(flatten)]
    replan: super::replan::ReplanArgs,
}

/// Exit 0 when the plan is valid, 1 when it breaks hard rules.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let model = crate::io::edition(&args.edition)?;
    let plan = crate::io::plan(&args.plan)?;
    let replan = args.replan.load(&model)?;
    let programme = rally_export::Programme::new_from(&model, &plan, replan.as_ref())
        .in_language(args.lang.get());
    let report = &programme.report;
    if args.json {
        println!("{}", report.to_json());
    } else {
        print!("{}", rally_export::findings::check_text(&programme));
    }
    Ok(ExitCode::from(if report.valid { 0 } else { 1 }))
}

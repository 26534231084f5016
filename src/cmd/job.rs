//! What `plan`, `assign` and `solve` do around their search, written once:
//! the time limit, the output and `--changes` checked against every input
//! before anything is read; the edition and the published plan loaded; after
//! the search, the plan written whole and its changes told.

use super::replan::{ChangesArgs, ReplanArgs};
use super::SearchArgs;
use rally_model::replan::Replan;
use rally_model::{Model, Plan};
use std::path::Path;

/// The options of a search command besides its files.
#[derive(clap::Args)]
pub struct JobArgs {
    #[command(flatten)]
    pub search: SearchArgs,
    #[command(flatten)]
    pub replan: ReplanArgs,
    #[command(flatten)]
    pub changes: ChangesArgs,
}

/// One run of a search command, between its arguments and its search.
pub struct Job<'a> {
    inputs: Vec<&'a Path>,
    output: &'a Path,
    args: &'a JobArgs,
    /// The edition, through the one door in.
    pub model: Model,
    /// With `--from`: the published plan, its frozen date and attendance.
    pub replan: Option<Replan>,
}

impl<'a> Job<'a> {
    /// Checks what is to be written against `inputs` (the edition first),
    /// then loads the edition and the re-planning options (exit 2 on bad input).
    pub fn start(
        mut inputs: Vec<&'a Path>,
        output: &'a Path,
        args: &'a JobArgs,
    ) -> anyhow::Result<Job<'a>> {
        args.search.time_limit()?;
        inputs.extend(args.replan.inputs());
        crate::io::check_output(output, &inputs)?;
        args.changes.check(output, &inputs)?;
        let model = crate::io::edition(inputs[0])?;
        let replan = args.replan.load(&model)?;
        Ok(Job {
            inputs,
            output,
            args,
            model,
            replan,
        })
    }

    /// Writes `plan` whole to the output.
    pub fn write(&self, plan: &Plan) -> anyhow::Result<()> {
        crate::io::write_plan(self.output, plan, &self.inputs)
    }

    /// With `--from`: tells what `plan` changed (standard error, `--changes`).
    pub fn report_changes(&self, plan: &Plan) -> anyhow::Result<()> {
        super::replan::report(
            &self.model,
            plan,
            self.replan.as_ref(),
            self.args.changes.changes.as_deref(),
            self.args.search.quiet,
            self.args.search.lang.get(),
            &self.inputs,
        )
    }
}

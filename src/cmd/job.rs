//! What `plan`, `assign` and `solve` do around their search, written once:
//! the time limit, the output and `--changes` checked against every input
//! before anything is read; the edition and the published plan loaded; after
//! the search, the plan written whole and its changes told.

use super::replan::{ChangesArgs, ReplanArgs};
use super::SearchArgs;
use rally_model::replan::Replan;
use rally_model::{Model, Plan};
use std::path::Path;

/// One run of a search command, between its arguments and its search.
pub struct Job<'a> {
    inputs: Vec<&'a Path>,
    output: &'a Path,
    changes: &'a ChangesArgs,
    search: &'a SearchArgs,
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
        search: &'a SearchArgs,
        replan: &'a ReplanArgs,
        changes: &'a ChangesArgs,
    ) -> anyhow::Result<Job<'a>> {
        search.time_limit()?;
        inputs.extend(replan.inputs());
        crate::io::check_output(output, &inputs)?;
        changes.check(output, &inputs)?;
        let model = crate::io::edition(inputs[0])?;
        let replan = replan.load(&model)?;
        Ok(Job {
            inputs,
            output,
            changes,
            search,
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
            self.changes.changes.as_deref(),
            self.search.quiet,
            self.search.lang.get(),
            &self.inputs,
        )
    }
}

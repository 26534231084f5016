//! The re-planning options of `plan`, `assign`, `solve` and `check` (SPEC §9).

use crate::io::BadInput;
use rally_model::replan::{self, Replan};
use rally_model::Model;
use std::path::{Path, PathBuf};

/// `--from OLD_PLAN [--frozen-until DATE] [--attended FILE]`.
#[derive(clap::Args, Default)]
pub struct ReplanArgs {
    /// The published plan to stay close to (docs/formats.md#plan), read against this edition.
    #[arg(long, value_name = "OLD_PLAN")]
    pub from: Option<PathBuf>,
    /// The rally has run up to DATE inclusive (YYYY-MM-DD): what OLD_PLAN has
    /// on or before it stands as it is.
    #[arg(long, value_name = "DATE", requires = "from")]
    pub frozen_until: Option<String>,
    /// Who came (JSON, or the attendance CSV of `export --csv` with `present` filled in).
    #[arg(long, value_name = "FILE", requires = "frozen_until")]
    pub attended: Option<PathBuf>,
}

impl ReplanArgs {
    /// The files these options read (never to be written over).
    pub fn inputs(&self) -> Vec<&Path> {
        self.from
            .iter()
            .chain(&self.attended)
            .map(PathBuf::as_path)
            .collect()
    }

    /// Reads OLD_PLAN, DATE and the attendance against the edition (exit 2 on bad input).
    pub fn load(&self, model: &Model) -> anyhow::Result<Option<Replan>> {
        let Some(from) = &self.from else {
            return Ok(None);
        };
        let old = crate::io::plan(from)?;
        let frozen_until = self
            .frozen_until
            .as_deref()
            .map(|d| replan::parse_frozen_until(model, d))
            .transpose()
            .map_err(|e| BadInput(e.to_string()))?;
        let mut rp = Replan::new(model, old, frozen_until, None);
        let problems = rp.frozen_problems(model);
        if !problems.is_empty() {
            let e = rally_model::LoadError::Invalid {
                file: from.display().to_string(),
                errors: problems,
            };
            return Err(BadInput(e.to_string()).into());
        }
        if let Some(path) = &self.attended {
            let attendance =
                replan::load_attendance(path, model, &rp).map_err(|e| BadInput(e.to_string()))?;
            rp.attended = Some(attendance);
        }
        Ok(Some(rp))
    }
}

/// `--changes FILE`: where to write the changes (JSON, or CSV for `.csv`).
#[derive(clap::Args, Default)]
pub struct ChangesArgs {
    /// Write every change against OLD_PLAN for the people to tell (JSON, or
    /// CSV when FILE ends in .csv).
    #[arg(long, value_name = "FILE", requires = "from")]
    pub changes: Option<PathBuf>,
}

impl ChangesArgs {
    /// Refuses, before any work, a changes file that cannot be written: one
    /// of the inputs, or the plan's own output.
    pub fn check(&self, output: &Path, inputs: &[&Path]) -> anyhow::Result<()> {
        let Some(path) = &self.changes else {
            return Ok(());
        };
        let absolute = |p: &Path| std::path::absolute(p).ok();
        if path == output || absolute(path).is_some_and(|a| Some(a) == absolute(output)) {
            return Err(BadInput(format!(
                "--changes {}: that is also the plan's output (-o); give the changes a file \
                 of their own",
                path.display()
            ))
            .into());
        }
        let mut taken = inputs.to_vec();
        if output.as_os_str() != "-" {
            taken.push(output);
        }
        crate::io::check_output(path, &taken)
    }
}

/// Writes the `--changes` file (when asked) and prints the summary of changes
/// on standard error (unless quiet, in `lang`), for a written plan.
pub fn report(
    model: &Model,
    plan: &rally_model::Plan,
    replan: Option<&Replan>,
    changes_file: Option<&Path>,
    quiet: bool,
    lang: rally_export::Lang,
    inputs: &[&Path],
) -> anyhow::Result<()> {
    let Some(rp) = replan else {
        return Ok(());
    };
    let changes = rally_check::Changes::new(model, plan, rp);
    if let Some(path) = changes_file {
        let csv = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        let bytes = if csv {
            rally_export::changes::to_csv(&changes)
        } else {
            rally_export::changes::to_json(&changes)
        };
        crate::io::write(path, &bytes, inputs)?;
    }
    if !quiet {
        eprint!(
            "{}",
            rally_export::changes::to_text(&changes, model, &rally_export::Texts::new(lang))
        );
    }
    Ok(())
}

//! Reading inputs and writing outputs for every command: bad input is a
//! `BadInput` error (exit 2), outputs are written whole or not at all, never
//! over an input (see rally_export::files).

use rally_export::{Inputs, WriteError};
use rally_model::{LoadError, Model, Plan};
use std::path::Path;

/// Bad input or usage: reported on standard error, exit code 2.
#[derive(Debug)]
pub struct BadInput(pub String);

impl std::fmt::Display for BadInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadInput {}

fn bad(e: LoadError) -> anyhow::Error {
    BadInput(e.to_string()).into()
}

fn unwritable(e: WriteError) -> anyhow::Error {
    BadInput(e.to_string()).into()
}

/// Loads and validates an edition, pins included (their H5–H7 are checked too).
pub fn edition(path: &Path) -> anyhow::Result<Model> {
    rally_check::load_edition(path).map_err(bad)
}

/// Loads a plan file.
pub fn plan(path: &Path) -> anyhow::Result<Plan> {
    rally_model::load_plan(path).map_err(bad)
}

/// Refuses a plan that names sessions, workshops, slots, venues or dates
/// the edition does not have (a plan made for another edition).
pub fn same_edition(model: &Model, plan: &Plan, path: &Path) -> anyhow::Result<()> {
    let errors = rally_model::plan_refs::unknown_names(model, plan);
    if errors.is_empty() {
        return Ok(());
    }
    Err(bad(LoadError::Invalid {
        file: path.display().to_string(),
        errors,
    }))
}

/// Refuses, before any work, an output that cannot be written: one of the
/// `inputs`, or an existing path that is not a regular file.
pub fn check_output(output: &Path, inputs: &[&Path]) -> anyhow::Result<()> {
    rally_export::files::check_file(output, &Inputs::new(inputs.iter().copied()))
        .map_err(unwritable)
}

/// Writes `bytes` to `path` whole or not at all; `-` writes to standard output.
pub fn write(path: &Path, bytes: &[u8], inputs: &[&Path]) -> anyhow::Result<()> {
    rally_export::write_file(path, bytes, &Inputs::new(inputs.iter().copied())).map_err(unwritable)
}

/// Writes a plan as pretty JSON with a final newline.
pub fn write_plan(path: &Path, plan: &Plan, inputs: &[&Path]) -> anyhow::Result<()> {
    let mut text = serde_json::to_string_pretty(plan)?;
    text.push('\n');
    write(path, text.as_bytes(), inputs)
}

/// Writes an output folder whole (see rally_export::files::write_folder).
pub fn write_folder(
    dir: &Path,
    files: &[rally_export::OutFile],
    inputs: &[&Path],
    force: bool,
) -> anyhow::Result<()> {
    rally_export::write_folder(dir, files, &Inputs::new(inputs.iter().copied()), force)
        .map_err(unwritable)
}

//! Reading inputs and writing outputs for every command: bad input is a
//! `BadInput` error (exit 2), outputs are written whole or not at all.

use rally_model::{LoadError, Model, Plan};
use std::io::Write;
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

/// Loads and validates an edition, pins included (their H5–H7 are checked too).
pub fn edition(path: &Path) -> anyhow::Result<Model> {
    let model = rally_model::load_edition(path).map_err(bad)?;
    let clashes = rally_check::check_pins(&model);
    if !clashes.is_empty() {
        return Err(bad(LoadError::Invalid {
            file: path.display().to_string(),
            errors: clashes,
        }));
    }
    Ok(model)
}

/// Loads a plan file.
pub fn plan(path: &Path) -> anyhow::Result<Plan> {
    rally_model::load_plan(path).map_err(bad)
}

/// Writes `bytes` to `path` whole or not at all (a temporary file renamed
/// into place); `-` writes to standard output.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if path.as_os_str() == "-" {
        let mut out = std::io::stdout().lock();
        out.write_all(bytes)?;
        return Ok(out.flush()?);
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| {
        BadInput(format!(
            "{}: cannot write in {}: {e}",
            path.display(),
            dir.display()
        ))
    })?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path)
        .map_err(|e| BadInput(format!("{}: cannot write: {}", path.display(), e.error)))?;
    Ok(())
}

/// Writes a plan as pretty JSON with a final newline.
pub fn write_plan(path: &Path, plan: &Plan) -> anyhow::Result<()> {
    let mut text = serde_json::to_string_pretty(plan)?;
    text.push('\n');
    write_atomic(path, text.as_bytes())
}

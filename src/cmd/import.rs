//! `rally import DIR -o EDITION`: an edition from the CSV sheets a rally
//! team keeps; `rally import --template DIR`: the sheets to start from.

use crate::io::BadInput;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The directory of CSV sheets (with --template: where to write them).
    dir: PathBuf,
    /// The edition file to write (JSON, docs/formats.md#edition); `-` for standard output.
    #[arg(
        short,
        long,
        required_unless_present = "template",
        conflicts_with = "template"
    )]
    output: Option<PathBuf>,
    /// Write every sheet with its header and one example row into DIR.
    #[arg(long)]
    template: bool,
}

/// Exit 2 with every problem, named by file, row and column, when the
/// sheets do not make a valid edition; nothing is written then.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.template {
        return template(args.dir);
    }
    let output = args.output.unwrap_or_else(|| PathBuf::from("-"));
    crate::io::check_output(&output, &[])?;
    let (edition, model) = rally_export::sheets::import(&args.dir).map_err(|errors| {
        let list: Vec<String> = errors.iter().map(|e| format!("  - {e}")).collect();
        BadInput(format!(
            "{}: {} problem(s) in the sheets:\n{}",
            args.dir.display(),
            errors.len(),
            list.join("\n")
        ))
    })?;
    let mut text = serde_json::to_string_pretty(&edition)?;
    text.push('\n');
    crate::io::write(&output, text.as_bytes(), &[])?;
    let groups = model.members.iter().filter(|m| m.is_group).count();
    eprintln!(
        "rally import: {} workshop(s), {} session(s), {} partner(s), {groups} group(s), {} participant(s)",
        model.workshops.len(),
        model.sessions.len(),
        model.partners.len(),
        model.members.len() - groups
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes the template sheets, never over existing ones.
fn template(dir: PathBuf) -> anyhow::Result<ExitCode> {
    let files = rally_export::sheets::template();
    if let Some(f) = files.iter().find(|f| dir.join(&f.path).exists()) {
        return Err(BadInput(format!(
            "{}: already exists; the template does not overwrite sheets, choose an empty directory",
            dir.join(&f.path).display()
        ))
        .into());
    }
    crate::io::write_folder(&dir, &files, &[], false)?;
    eprintln!(
        "rally import: {} template sheet(s) in {}; fill them in, then rally import {} -o EDITION",
        files.len(),
        dir.display(),
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

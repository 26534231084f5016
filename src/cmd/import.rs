//! `rally import DIR|book.xlsx -o EDITION`: an edition from the sheets a
//! rally team keeps, CSV files or a workbook; `rally import --template
//! DIR|book.xlsx`: the sheets to start from.

use crate::io::BadInput;
use rally_export::Texts;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The directory of CSV sheets, or a workbook (.xlsx, .xls, .ods); with
    /// --template: where to write them (a workbook when it ends in .xlsx).
    dir: PathBuf,
    /// The edition file to write (JSON, docs/formats.md#edition); `-` for standard output.
    #[arg(
        short,
        long,
        required_unless_present = "template",
        conflicts_with = "template"
    )]
    output: Option<PathBuf>,
    /// Write every sheet with its header and one example row into DIR (or book.xlsx).
    #[arg(long)]
    template: bool,
    #[command(flatten)]
    lang: super::LangArg,
}

/// Exit 2 with every problem, named by file, row and column, when the
/// sheets do not make a valid edition; nothing is written then.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.template {
        let texts = Texts::new(args.lang.get());
        return if is_xlsx(&args.dir) {
            workbook_template(&args.dir, &texts)
        } else {
            template(args.dir, &texts)
        };
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
        "rally import: {} workshop(s), {} session(s), {} partner(s), {groups} group(s), {} \
            participant(s)",
        model.workshops.len(),
        model.sessions.len(),
        model.partners.len(),
        model.members.len() - groups
    );
    Ok(ExitCode::SUCCESS)
}

/// Whether a path names an `.xlsx` workbook.
fn is_xlsx(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

/// Writes the template workbook, never over an existing file.
fn workbook_template(path: &Path, texts: &Texts) -> anyhow::Result<ExitCode> {
    if path.exists() {
        return Err(BadInput(format!(
            "{}: already exists; the template does not overwrite it, choose another name",
            path.display()
        ))
        .into());
    }
    let bytes = rally_export::sheets::workbook_template(texts)?;
    crate::io::write(path, &bytes, &[])?;
    eprintln!(
        "rally import: template workbook {}; fill it in, then rally import {} -o EDITION",
        path.display(),
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes the template sheets, never over existing ones.
fn template(dir: PathBuf, texts: &Texts) -> anyhow::Result<ExitCode> {
    let files = rally_export::sheets::template(texts);
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

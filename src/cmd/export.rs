//! `rally export EDITION [PLAN] --html DIR --ics DIR --csv DIR --print DIR --sheets DIR
//! [--from OLD_PLAN] --workbook FILE`: what a rally team hands out (see the rally-export crate).

use crate::io::BadInput;
use rally_export::{OutFile, Programme};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The edition file (JSON, docs/formats.md#edition); `-` for standard input.
    edition: PathBuf,
    /// The plan file (JSON, docs/formats.md#plan); needed by --html, --ics and --csv.
    plan: Option<PathBuf>,
    /// Write the printable programme (static HTML site) into DIR.
    #[arg(long, value_name = "DIR")]
    html: Option<PathBuf>,
    /// Write a calendar (.ics) per member and per partner into DIR.
    #[arg(long, value_name = "DIR")]
    ics: Option<PathBuf>,
    /// Write sessions, sign-in sheets and certificates (CSV) into DIR.
    #[arg(long, value_name = "DIR")]
    csv: Option<PathBuf>,
    /// Write the printables (sign-in sheets, certificates, partners' lists) into DIR.
    #[arg(long, value_name = "DIR")]
    print: Option<PathBuf>,
    /// Write the edition as the CSV sheets `rally import` reads into DIR.
    #[arg(long, value_name = "DIR")]
    sheets: Option<PathBuf>,
    /// Write the edition as a workbook (.xlsx) `rally import` reads.
    #[arg(long, value_name = "FILE")]
    workbook: Option<PathBuf>,
    /// Overwrite files in the output folders that rally did not write, and
    /// an existing workbook.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    lang: super::LangArg,
    /// Mark what changed against this published plan (HTML), and update the
    /// calendars imported from it (ICS: same UIDs, moved ones re-sequenced,
    /// removed ones cancelled).
    #[arg(long, value_name = "OLD_PLAN")]
    from: Option<PathBuf>,
}

/// Reads the inputs, builds every output in memory, then writes them; bad
/// input writes nothing.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let texts = rally_export::Texts::new(args.lang.get());
    let needs_plan =
        args.html.is_some() || args.ics.is_some() || args.csv.is_some() || args.print.is_some();
    if !needs_plan && args.sheets.is_none() && args.workbook.is_none() {
        return Err(BadInput(
            "rally export: nothing to export; give --html, --ics, --csv, --print or --sheets \
                DIR, or --workbook FILE"
                .into(),
        )
        .into());
    }
    if let Some(path) = args
        .workbook
        .as_deref()
        .filter(|p| p.exists() && !args.force)
    {
        return Err(BadInput(format!(
            "{}: already exists; give --force to replace it, or another name",
            path.display()
        ))
        .into());
    }
    let model = crate::io::edition(&args.edition)?;
    let mut outputs: Vec<(PathBuf, Vec<OutFile>, &str)> = Vec::new();
    if needs_plan {
        let Some(plan_path) = &args.plan else {
            return Err(BadInput(
                "rally export: --html, --ics, --csv and --print show a plan; give it: rally \
                    export EDITION PLAN --html DIR"
                    .into(),
            )
            .into());
        };
        let plan = crate::io::plan(plan_path)?;
        let replan = args
            .from
            .as_deref()
            .map(|from| -> anyhow::Result<_> {
                let old = crate::io::plan(from)?;
                Ok(rally_model::replan::Replan::new(&model, old, None, None))
            })
            .transpose()?;
        let programme =
            Programme::new_from(&model, &plan, replan.as_ref()).in_language(args.lang.get());
        if !programme.report.valid {
            let n = programme.report.violations.len();
            eprintln!("{}", texts.with("export-invalid", &[("n", n.into())]));
        }
        if let Some(dir) = args.html {
            outputs.push((dir, rally_export::html::site(&programme), "pages"));
        }
        if let Some(dir) = args.ics {
            let files = match (&replan, &programme.changes) {
                (Some(rp), Some(changes)) => {
                    let old = Programme::new(&model, &rp.old);
                    rally_export::ics::calendars_from(&programme, &old, changes)
                }
                _ => rally_export::ics::calendars(&programme),
            };
            outputs.push((dir, files, "calendars"));
        }
        if let Some(dir) = args.csv {
            outputs.push((dir, rally_export::tables::tables(&programme), "sheets"));
        }
        if let Some(dir) = args.print {
            let files = rally_export::print::printables(&programme);
            outputs.push((dir, files, "printables"));
        }
    }
    if let Some(dir) = args.sheets {
        outputs.push((dir, rally_export::sheets::write(&model.edition), "sheets"));
    }
    for (i, (dir, ..)) in outputs.iter().enumerate() {
        if outputs[..i].iter().any(|(other, ..)| other == dir) {
            return Err(BadInput(format!(
                "{}: given for two outputs; give each its own folder",
                dir.display()
            ))
            .into());
        }
    }
    let workbook = match &args.workbook {
        Some(path) => {
            let bytes = rally_export::sheets::workbook(&model.edition, &texts)?;
            Some((path, bytes))
        }
        None => None,
    };
    let mut inputs = vec![args.edition.as_path()];
    inputs.extend(args.plan.as_deref());
    inputs.extend(args.from.as_deref());
    if let Some((path, _)) = &workbook {
        crate::io::check_output(path, &inputs)?;
    }
    for (dir, files, what) in &outputs {
        crate::io::write_folder(dir, files, &inputs, args.force)?;
        let args = [
            ("n", files.len().into()),
            ("what", (*what).into()),
            ("dir", dir.display().to_string().into()),
        ];
        eprintln!("{}", texts.with("export-wrote", &args));
    }
    if let Some((path, bytes)) = workbook {
        crate::io::write(path, &bytes, &inputs)?;
        let path = path.display().to_string();
        eprintln!(
            "{}",
            texts.with("export-workbook", &[("path", path.into())])
        );
    }
    Ok(ExitCode::SUCCESS)
}

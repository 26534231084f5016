//! Hand-outs of a version as one zip: the site, calendars, CSV tables,
//! printables, the edition's sheets, and the plan and edition files.

use rally_export::{OutFile, Programme};
use std::io::Write;
use zip::write::SimpleFileOptions;

/// Every hand-out of a programme, by path inside the zip.
pub fn files(p: &Programme, plan_json: &[u8]) -> Vec<OutFile> {
    let mut out = Vec::new();
    let mut add = |folder: &str, files: Vec<OutFile>| {
        out.extend(files.into_iter().map(|f| OutFile {
            path: format!("{folder}/{}", f.path),
            bytes: f.bytes,
        }))
    };
    add("site", rally_export::html::site(p));
    add("calendars", rally_export::ics::calendars(p));
    add("csv", rally_export::tables::tables(p));
    add("print", rally_export::print::printables(p));
    add("sheets", rally_export::sheets::write(&p.model.edition));
    let mut edition = serde_json::to_string_pretty(&p.model.edition).unwrap_or_default();
    edition.push('\n');
    out.push(OutFile::text("edition.json", edition));
    out.push(OutFile {
        path: "plan.json".into(),
        bytes: plan_json.to_vec(),
    });
    out
}

/// The files as a zip archive (deflated).
pub fn zip(files: &[OutFile]) -> zip::result::ZipResult<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for f in files {
        zip.start_file(f.path.as_str(), options)?;
        zip.write_all(&f.bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

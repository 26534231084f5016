//! The workspace's edition: where it comes from, loading it, and reading an
//! upload (a workbook, a zip of the CSV sheets, or JSON) with every problem listed.

use crate::workspace::{Shelf, Workspace};
use rally_model::{InputError, Model};
use std::io::Read;
use std::path::Path;

/// One problem of an edition: where it is (JSON path, or sheet, row and
/// column) and what is wrong, with the fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: a JSON path, or a sheet and cell.
    pub place: String,
    /// What is wrong, and the fix.
    pub message: String,
}

impl From<&InputError> for Problem {
    fn from(e: &InputError) -> Problem {
        Problem {
            place: e.path.clone(),
            message: e.message.clone(),
        }
    }
}

fn problem(place: &str, message: impl Into<String>) -> Problem {
    Problem {
        place: place.into(),
        message: message.into(),
    }
}

/// A loaded edition and where it was read from.
pub struct Current {
    /// The validated edition.
    pub model: Model,
    /// Workspace-relative name of its file or folder.
    pub source: String,
    /// Changes whenever another edition is loaded (keys the caches).
    pub generation: u64,
}

/// What the workspace holds as its edition.
pub enum Loaded {
    /// No edition yet: the team uploads or chooses one.
    Nothing,
    /// A valid edition.
    Edition(std::sync::Arc<Current>),
    /// The edition found is not valid: its problems.
    Bad {
        /// Workspace-relative name of its file or folder.
        source: String,
        /// Every problem found.
        problems: Vec<Problem>,
    },
}

/// The edition of the workspace: the latest of `editions/`, else
/// `edition.json`, else the CSV sheets of the folder (`calendar.csv` …).
pub fn load(ws: &Workspace, generation: u64) -> Loaded {
    let (source, result) = if let Some(v) = ws.versions(Shelf::Editions).pop() {
        let text = std::fs::read(ws.path(&v.name));
        (
            v.name,
            text.map_err(|e| vec![problem("", e.to_string())])
                .and_then(|b| json(&b)),
        )
    } else if ws.path("edition.json").is_file() {
        let text = std::fs::read(ws.path("edition.json"));
        let result = text.map_err(|e| vec![problem("", e.to_string())]);
        ("edition.json".to_string(), result.and_then(|b| json(&b)))
    } else if ws.path("calendar.csv").is_file() {
        (".".to_string(), sheets(ws.dir()))
    } else {
        return Loaded::Nothing;
    };
    match result {
        Ok(model) => Loaded::Edition(std::sync::Arc::new(Current {
            model,
            source,
            generation,
        })),
        Err(problems) => Loaded::Bad { source, problems },
    }
}

/// An edition from JSON bytes: parsed, validated, pins checked.
pub fn json(bytes: &[u8]) -> Result<Model, Vec<Problem>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        vec![problem(
            &format!("byte {}", e.valid_up_to()),
            "the file is not UTF-8 text; save it as UTF-8 JSON",
        )]
    })?;
    rally_check::parse_edition(text)
        .map_err(|errors| errors.iter().map(Problem::from).collect::<Vec<_>>())
}

/// An edition from a folder of CSV sheets or a workbook.
pub fn sheets(dir: &Path) -> Result<Model, Vec<Problem>> {
    rally_export::sheets::import(dir)
        .map(|(_, model)| model)
        .map_err(|errors| {
            errors
                .iter()
                .map(|e| problem(&e.place(), e.message.clone()))
                .collect()
        })
}

/// The most a zip of sheets may hold once unpacked.
pub const MAX_UNPACKED: u64 = 64 << 20;

/// What kind of file an upload is, by its first bytes and, for a zip, its
/// entries (a workbook is a zip too).
enum Upload {
    /// `.xlsx` (the zip has `[Content_Types].xml`) or `.ods` (it has `mimetype`).
    Workbook(&'static str),
    /// `.xls`, an OLE compound file.
    OldWorkbook,
    CsvZip,
    Json,
}

fn kind(bytes: &[u8]) -> Upload {
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Upload::OldWorkbook;
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return Upload::Json;
    }
    let Ok(archive) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Upload::CsvZip;
    };
    if archive.index_for_name("[Content_Types].xml").is_some() {
        Upload::Workbook("xlsx")
    } else if archive.index_for_name("mimetype").is_some() {
        Upload::Workbook("ods")
    } else {
        Upload::CsvZip
    }
}

/// An uploaded edition: a workbook (`.xlsx`, `.ods`, `.xls`), a zip of CSV
/// sheets or JSON, told apart by its bytes. Returns the edition as JSON to
/// keep, and its model; or every problem, placed by JSON path or by sheet,
/// row and column.
pub fn upload(bytes: &[u8]) -> Result<(Vec<u8>, Model), Vec<Problem>> {
    if bytes.is_empty() {
        return Err(vec![problem(
            "file",
            "the file is empty; choose the edition's workbook, JSON file or zip of CSV sheets",
        )]);
    }
    let dir = || tempfile::tempdir().map_err(|e| vec![problem("", e.to_string())]);
    let model = match kind(bytes) {
        Upload::Json => return json(bytes).map(|model| (bytes.to_vec(), model)),
        Upload::Workbook(ext) => workbook(&dir()?, ext, bytes)?,
        Upload::OldWorkbook => workbook(&dir()?, "xls", bytes)?,
        Upload::CsvZip => {
            let dir = dir()?;
            unzip_sheets(bytes, dir.path())?;
            sheets(dir.path())?
        }
    };
    let mut text = serde_json::to_string_pretty(&model.edition)
        .map_err(|e| vec![problem("", e.to_string())])?;
    text.push('\n');
    Ok((text.into_bytes(), model))
}

/// Reads a workbook's bytes, written in `dir` under a name of the desk's.
fn workbook(dir: &tempfile::TempDir, ext: &str, bytes: &[u8]) -> Result<Model, Vec<Problem>> {
    let path = dir.path().join(format!("upload.{ext}"));
    std::fs::write(&path, bytes).map_err(|e| vec![problem("", e.to_string())])?;
    sheets(&path)
}

/// Unpacks the `.csv` files of a zip into `dir`, by base name (a zip made of
/// a folder works too); refuses two sheets of one name and archives that
/// unpack to more than [`MAX_UNPACKED`].
fn unzip_sheets(bytes: &[u8], dir: &Path) -> Result<(), Vec<Problem>> {
    let bad = |m: String| vec![problem("zip", m)];
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| {
        bad(format!(
            "not a readable zip ({e}); zip the CSV sheets again"
        ))
    })?;
    let mut total = 0u64;
    let mut found = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive
            .by_index(i)
            .map_err(|e| bad(format!("entry {i}: {e}; zip the CSV sheets again")))?;
        let Some(path) = entry.enclosed_name() else {
            continue;
        };
        let Some(name) = path
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_string)
        else {
            continue;
        };
        if entry.is_dir() || !name.ends_with(".csv") || name.starts_with('.') {
            continue;
        }
        if found.contains(&name) {
            return Err(bad(format!(
                "two sheets named {name}; zip one folder of sheets"
            )));
        }
        let mut data = Vec::new();
        let room = MAX_UNPACKED.saturating_sub(total) + 1;
        (&mut entry)
            .take(room)
            .read_to_end(&mut data)
            .map_err(|e| bad(format!("{name}: {e}; zip the CSV sheets again")))?;
        total += data.len() as u64;
        if total > MAX_UNPACKED {
            return Err(bad(format!(
                "the sheets unpack to more than {} MB; is this the rally's sheets?",
                MAX_UNPACKED >> 20
            )));
        }
        std::fs::write(dir.join(&name), data).map_err(|e| bad(e.to_string()))?;
        found.push(name);
    }
    if found.is_empty() {
        return Err(bad(
            "no CSV sheet in the zip; zip the sheets rally export --sheets writes \
             (calendar.csv …)"
                .into(),
        ));
    }
    Ok(())
}

/// Keeps an uploaded edition as the next version of `editions/`.
pub fn keep(ws: &Workspace, file_name: &str, json: &[u8]) -> Result<String, String> {
    let stem = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let stem = stem.split('.').next().unwrap_or(stem);
    ws.add(Shelf::Editions, stem, json).map(|v| v.name)
}

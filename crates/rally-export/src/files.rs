//! The files an export produces, and writing them into a directory: each
//! file goes to a temporary file beside its target and is renamed into
//! place, so no half-written file is ever left.

use std::io::Write;
use std::path::{Path, PathBuf};

/// One output file: its path relative to the output directory, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutFile {
    /// Relative path with `/` separators, e.g. `members/g01.html`.
    pub path: String,
    pub bytes: Vec<u8>,
}

impl OutFile {
    /// A file holding `text`.
    pub fn text(path: impl Into<String>, text: String) -> OutFile {
        OutFile {
            path: path.into(),
            bytes: text.into_bytes(),
        }
    }
}

/// Writes every file under `dir` (created when missing), each through a
/// temporary file renamed into place. Files are written in the order given.
pub fn write_all(dir: &Path, files: &[OutFile]) -> std::io::Result<()> {
    for file in files {
        let target: PathBuf = file
            .path
            .split('/')
            .fold(dir.to_path_buf(), |p, c| p.join(c));
        let parent = target.parent().unwrap_or(dir);
        std::fs::create_dir_all(parent)?;
        let mut tmp = tempfile::NamedTempFile::new_in(parent)?;
        tmp.write_all(&file.bytes)?;
        tmp.as_file().sync_all()?;
        tmp.persist(&target).map_err(|e| e.error)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_nested_files_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let files = vec![
            OutFile::text("index.html", "<p>hi</p>".into()),
            OutFile::text("members/g01.html", "<p>g01</p>".into()),
        ];
        write_all(dir.path(), &files).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("members/g01.html")).unwrap(),
            "<p>g01</p>"
        );
        let names: Vec<_> = std::fs::read_dir(dir.path().join("members"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec!["g01.html"]);
    }
}

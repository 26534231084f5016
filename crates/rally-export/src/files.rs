//! Writing every output of rally, whole or not at all.
//!
//! - An output file is written to a temporary file beside its target, then
//!   renamed over it. A symbolic link is followed: its target is replaced,
//!   not the link. A new file gets the mode the umask gives; an existing
//!   file keeps its mode.
//! - An output is refused when it is one of the command's inputs (the same
//!   file, also through a link), or when it exists and is not a regular file
//!   (a directory, device, FIFO or socket).
//! - An output folder is built whole in a temporary folder beside its target,
//!   then moved into place. A file in the target that rally did not write
//!   (it is not in the folder's list [`WRITTEN`]) is never overwritten
//!   without `force`, and two outputs with the same file name are an error.
//! - [`abandon`] removes every temporary file and folder in progress and
//!   stops any further output: what a signal handler calls before exiting.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

/// The list, kept in each output folder, of the files rally wrote there.
pub const WRITTEN: &str = ".rally-written";

/// One output file: its path relative to the output directory, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutFile {
    /// Relative path with `/` separators, e.g. `members/g01.html`.
    pub path: String,
    /// Its content.
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

/// Why an output was not written (nothing was changed): the path and the fix.
#[derive(Debug)]
pub struct WriteError {
    /// The path that could not be written.
    pub path: PathBuf,
    /// Why, and what to do.
    pub message: String,
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for WriteError {}

fn fail(path: &Path, message: impl Into<String>) -> WriteError {
    WriteError {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

fn io_fail(path: &Path, what: &str, e: std::io::Error) -> WriteError {
    fail(path, format!("cannot {what}: {e}"))
}

/// The identity of a file: device and inode, so links to it compare equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileId(u64, u64);

#[cfg(unix)]
fn file_id(meta: &fs::Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some(FileId(meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_id(_: &fs::Metadata) -> Option<FileId> {
    None
}

/// The files a command reads: no output may be one of them.
#[derive(Debug, Clone, Default)]
pub struct Inputs(Vec<FileId>);

impl Inputs {
    /// The files at `paths` (`-` is standard input, when it is a file).
    pub fn new<'a>(paths: impl IntoIterator<Item = &'a Path>) -> Inputs {
        let ids = paths
            .into_iter()
            .map(|p| {
                if p.as_os_str() == "-" {
                    Path::new("/dev/stdin")
                } else {
                    p
                }
            })
            .filter_map(|p| fs::metadata(p).ok())
            .filter_map(|m| file_id(&m))
            .collect();
        Inputs(ids)
    }

    fn contains(&self, meta: &fs::Metadata) -> bool {
        file_id(meta).is_some_and(|id| self.0.contains(&id))
    }
}

/// Temporary files and folders being written, removed by [`abandon`].
static TEMPORARIES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn temporaries() -> MutexGuard<'static, Vec<PathBuf>> {
    TEMPORARIES.lock().unwrap_or_else(|e| e.into_inner())
}

/// Removes every temporary file and folder being written and keeps any
/// output from being moved into place afterwards: call it, then exit.
pub fn abandon() {
    let guard = temporaries();
    for path in guard.iter() {
        let _ = fs::remove_file(path).or_else(|_| fs::remove_dir_all(path));
    }
    // Held until the process exits: no output is committed after this.
    std::mem::forget(guard);
}

/// A fresh name beside `target`: `.NAME.PID-N.tmp`.
fn temporary_beside(target: &Path) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = format!(
        ".{}.{}-{n}.tmp",
        name.unwrap_or_default(),
        std::process::id()
    );
    target.with_file_name(tmp)
}

/// Creates a temporary file (or folder) beside `target`, registered for
/// [`abandon`]. Created with the default modes, so the umask applies.
fn create_temporary(
    target: &Path,
    folder: bool,
) -> Result<(PathBuf, Option<fs::File>), WriteError> {
    let mut list = temporaries();
    loop {
        let tmp = temporary_beside(target);
        let made = if folder {
            fs::create_dir(&tmp).map(|()| None)
        } else {
            fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&tmp)
                .map(Some)
        };
        match made {
            Ok(file) => {
                list.push(tmp.clone());
                return Ok((tmp, file));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(io_fail(target, "write beside it", e)),
        }
    }
}

/// Forgets a temporary once it is renamed or removed (the lock is held).
fn forget(list: &mut Vec<PathBuf>, tmp: &Path) {
    list.retain(|p| p != tmp);
}

/// Follows symbolic links (even to a file not yet there) to the real target.
fn resolve(path: &Path) -> Result<PathBuf, WriteError> {
    let mut at = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = fs::read_link(&at).map_err(|e| io_fail(path, "follow the link", e))?;
                at = match at.parent() {
                    Some(dir) => dir.join(to),
                    None => to,
                };
            }
            _ => return Ok(at),
        }
    }
    Err(fail(path, "too many levels of symbolic links"))
}

/// What exists at a target: nothing, or a regular file (with its metadata).
fn existing_file(
    shown: &Path,
    target: &Path,
    inputs: &Inputs,
) -> Result<Option<fs::Metadata>, WriteError> {
    match fs::metadata(target) {
        Ok(meta) if !meta.is_file() => Err(fail(
            shown,
            "exists and is not a regular file (a directory, device, FIFO or socket); \
             write to a regular file or to - (standard output)",
        )),
        Ok(meta) if inputs.contains(&meta) => Err(fail(
            shown,
            "is one of the inputs (the same file, perhaps through a link); \
             choose another output file",
        )),
        Ok(meta) => Ok(Some(meta)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_fail(shown, "look at it", e)),
    }
}

/// Whether `path` may be written: `-`, a new file, or a regular file that
/// is not one of the inputs (checked again when writing).
pub fn check_file(path: &Path, inputs: &Inputs) -> Result<(), WriteError> {
    if path.as_os_str() != "-" {
        existing_file(path, &resolve(path)?, inputs)?;
    }
    Ok(())
}

/// Writes `bytes` to `path` whole or not at all; `-` is standard output.
pub fn write_file(path: &Path, bytes: &[u8], inputs: &Inputs) -> Result<(), WriteError> {
    if path.as_os_str() == "-" {
        let mut out = std::io::stdout().lock();
        return out
            .write_all(bytes)
            .and_then(|()| out.flush())
            .map_err(|e| io_fail(path, "write to standard output", e));
    }
    let target = resolve(path)?;
    let before = existing_file(path, &target, inputs)?;
    let (tmp, file) = create_temporary(&target, false)?;
    let written = (|| {
        let mut file = file.expect("a temporary file");
        file.write_all(bytes)?;
        if let Some(meta) = &before {
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()
    })();
    let mut list = temporaries();
    let done = written.and_then(|()| fs::rename(&tmp, &target));
    if done.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    forget(&mut list, &tmp);
    done.map_err(|e| io_fail(path, "write", e))
}

/// The relative path of an output, checked: plain names, no `..`.
fn relative(dir: &Path, file: &OutFile) -> Result<PathBuf, WriteError> {
    let parts: Vec<&str> = file.path.split('/').collect();
    if parts
        .iter()
        .any(|c| c.is_empty() || *c == "." || *c == ".." || c.contains('\\'))
    {
        return Err(fail(
            &dir.join(&file.path),
            "is not a plain file name (an id may not hold `/`, `\\` or be `.` or `..`)",
        ));
    }
    Ok(parts.iter().collect())
}

/// Two outputs with the same name (also differing only in case, which many
/// file systems take for the same file) are an error, never an overwrite.
fn no_clash(dir: &Path, files: &[OutFile]) -> Result<(), WriteError> {
    let mut seen: HashMap<String, &str> = HashMap::new();
    for f in files {
        if let Some(other) = seen.insert(f.path.to_lowercase(), &f.path) {
            return Err(fail(
                &dir.join(&f.path),
                format!(
                    "two outputs would have the same file name ({other} and {}); \
                     rename one of the ids",
                    f.path
                ),
            ));
        }
    }
    Ok(())
}

/// The files a previous run listed in `dir`'s [`WRITTEN`].
fn listed(dir: &Path) -> BTreeSet<String> {
    fs::read_to_string(dir.join(WRITTEN))
        .map(|t| t.lines().map(str::to_string).collect())
        .unwrap_or_default()
}

/// Writes every file under `dir`: built whole in a temporary folder beside
/// it, then moved into place. A file of `dir` that rally did not write is
/// never overwritten unless `force`; rally's own files of an earlier run
/// that this run does not write are removed.
pub fn write_folder(
    dir: &Path,
    files: &[OutFile],
    inputs: &Inputs,
    force: bool,
) -> Result<(), WriteError> {
    no_clash(dir, files)?;
    let rel: Vec<PathBuf> = files
        .iter()
        .map(|f| relative(dir, f))
        .collect::<Result<_, _>>()?;
    let target = resolve(dir)?;
    let exists = match fs::metadata(&target) {
        Ok(m) if m.is_dir() => true,
        Ok(_) => return Err(fail(dir, "exists and is not a folder; choose a folder")),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(e) => return Err(io_fail(dir, "look at it", e)),
    };
    let before = if exists {
        listed(&target)
    } else {
        BTreeSet::new()
    };
    let mut modes = Vec::new();
    if exists {
        let mut theirs = Vec::new();
        for (f, r) in files.iter().zip(&rel) {
            let shown = dir.join(r);
            for up in r.ancestors().skip(1).filter(|a| !a.as_os_str().is_empty()) {
                if fs::metadata(target.join(up)).is_ok_and(|m| !m.is_dir()) {
                    return Err(fail(&dir.join(up), "is in the way: a folder goes there"));
                }
            }
            let meta = existing_file(&shown, &target.join(r), inputs)?;
            if meta.is_some() && !force && !before.contains(&f.path) {
                theirs.push(shown.display().to_string());
            }
            modes.push(meta.map(|m| m.permissions()));
        }
        if !theirs.is_empty() {
            return Err(fail(
                dir,
                format!(
                    "{} file(s) that rally did not write would be overwritten: {}; \
                     move them, choose another folder, or give --force",
                    theirs.len(),
                    theirs.join(", ")
                ),
            ));
        }
    }
    let (tmp, _) = create_temporary(&target, true)?;
    let built = build(&tmp, files, &rel);
    let mut list = temporaries();
    let done = built.and_then(|()| {
        if exists {
            move_into(&tmp, &target, files, &rel, &modes, &before)
        } else {
            fs::rename(&tmp, &target)
        }
    });
    let _ = fs::remove_dir_all(&tmp);
    forget(&mut list, &tmp);
    done.map_err(|e| io_fail(dir, "write", e))
}

/// Writes the files and the list [`WRITTEN`] into the fresh folder `tmp`.
fn build(tmp: &Path, files: &[OutFile], rel: &[PathBuf]) -> std::io::Result<()> {
    let mut names = String::new();
    for (f, r) in files.iter().zip(rel) {
        let path = tmp.join(r);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, &f.bytes)?;
        names.push_str(&f.path);
        names.push('\n');
    }
    fs::write(tmp.join(WRITTEN), names)
}

/// Moves the built files over an existing folder, each keeping the mode of
/// the file it replaces; removes rally's files of before that are gone.
fn move_into(
    tmp: &Path,
    target: &Path,
    files: &[OutFile],
    rel: &[PathBuf],
    modes: &[Option<fs::Permissions>],
    before: &BTreeSet<String>,
) -> std::io::Result<()> {
    for (r, mode) in rel.iter().zip(modes) {
        let to = target.join(r);
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent)?;
        }
        if let Some(mode) = mode {
            fs::set_permissions(tmp.join(r), mode.clone())?;
        }
        fs::rename(tmp.join(r), to)?;
    }
    let now: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    for old in before.iter().filter(|o| !now.contains(o.as_str())) {
        let path: PathBuf = old.split('/').collect();
        let path = target.join(path);
        if fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) && !old.contains("..") {
            fs::remove_file(path)?;
        }
    }
    fs::rename(tmp.join(WRITTEN), target.join(WRITTEN))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_nested_files_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let files = vec![
            OutFile::text("index.html", "<p>hi</p>".into()),
            OutFile::text("members/g01.html", "<p>g01</p>".into()),
        ];
        write_folder(&out, &files, &Inputs::default(), false).unwrap();
        assert_eq!(
            fs::read_to_string(out.join("members/g01.html")).unwrap(),
            "<p>g01</p>"
        );
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec!["site"]);
        // A second run over rally's own files needs no --force.
        write_folder(&out, &files[..1], &Inputs::default(), false).unwrap();
        assert!(!out.join("members/g01.html").exists());
    }

    #[test]
    fn names_that_clash_or_escape_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        for files in [
            vec![
                OutFile::text("a.ics", "1".into()),
                OutFile::text("A.ics", "2".into()),
            ],
            vec![OutFile::text("../a.ics", "1".into())],
            vec![OutFile::text("members/", "1".into())],
        ] {
            let out = dir.path().join("out");
            assert!(write_folder(&out, &files, &Inputs::default(), false).is_err());
            assert!(!out.exists());
        }
    }
}

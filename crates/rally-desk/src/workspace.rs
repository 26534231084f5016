//! The workspace folder: the edition and every plan the team makes, kept as
//! numbered versions (`plans/0007-after-venue-closed.json`) that are never
//! overwritten. Every path the desk reads or writes is built here from a
//! version number and a slug it made itself, never from a request's text.

use rally_export::{write_file, Inputs};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The kinds of versioned files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shelf {
    /// `editions/`: editions uploaded or chosen in the desk.
    Editions,
    /// `plans/`: plans made, moved or re-planned in the desk.
    Plans,
    /// `drafts/`: re-plans waiting for review, kept as a plan or discarded.
    Drafts,
}

impl Shelf {
    fn folder(self) -> &'static str {
        match self {
            Shelf::Editions => "editions",
            Shelf::Plans => "plans",
            Shelf::Drafts => "drafts",
        }
    }
}

/// One numbered file of a shelf.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// Its number, from 1.
    pub number: u32,
    /// What made it, e.g. `solve-30s` or `move-w01-2`.
    pub slug: String,
    /// Its path relative to the workspace, e.g. `plans/0003-solve-30s.json`.
    pub name: String,
}

/// A workspace folder.
pub struct Workspace {
    dir: PathBuf,
    /// Held while a number is chosen and its file written.
    adding: Mutex<()>,
}

impl Workspace {
    /// The workspace at `dir`, which must be a folder.
    pub fn open(dir: &Path) -> Result<Workspace, String> {
        let dir = dir
            .canonicalize()
            .map_err(|e| format!("{}: {e}; give the folder of the rally", dir.display()))?;
        if !dir.is_dir() {
            return Err(format!(
                "{}: not a folder; give the folder that holds the edition",
                dir.display()
            ));
        }
        Ok(Workspace {
            dir,
            adding: Mutex::new(()),
        })
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The path of a workspace-relative name the desk made.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// The versions of a shelf, in number order.
    pub fn versions(&self, shelf: Shelf) -> Vec<Version> {
        let Ok(entries) = fs::read_dir(self.dir.join(shelf.folder())) else {
            return Vec::new();
        };
        let mut out: Vec<Version> = entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter_map(|file| parse_name(&file).map(|(n, slug)| (file.clone(), n, slug)))
            .map(|(file, number, slug)| Version {
                number,
                slug,
                name: format!("{}/{file}", shelf.folder()),
            })
            .collect();
        out.sort_by_key(|v| v.number);
        out.dedup_by_key(|v| v.number);
        out
    }

    /// The version numbered `number`.
    pub fn version(&self, shelf: Shelf, number: u32) -> Option<Version> {
        self.versions(shelf)
            .into_iter()
            .find(|v| v.number == number)
    }

    /// Writes `bytes` as the next version of a shelf, whole (through the
    /// writing layer), never over an existing file.
    pub fn add(&self, shelf: Shelf, slug: &str, bytes: &[u8]) -> Result<Version, String> {
        let _held = self.adding.lock().unwrap_or_else(|e| e.into_inner());
        self.add_held(shelf, slug, bytes)
    }

    fn add_held(&self, shelf: Shelf, slug: &str, bytes: &[u8]) -> Result<Version, String> {
        let folder = self.dir.join(shelf.folder());
        fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        let number = self.versions(shelf).last().map_or(1, |v| v.number + 1);
        let slug = slugify(slug);
        let file = format!("{number:04}-{slug}.json");
        let path = folder.join(&file);
        if path.exists() {
            return Err(format!(
                "{}: already exists; nothing written",
                path.display()
            ));
        }
        write_file(&path, bytes, &Inputs::new([])).map_err(|e| e.to_string())?;
        Ok(Version {
            number,
            slug,
            name: format!("{}/{file}", shelf.folder()),
        })
    }

    /// Moves version `number` of `from`, when its slug is `slug`, to the
    /// next version of `to`: written there whole first, then removed from
    /// `from`. `None` when `from` has no such version (moved or removed).
    pub fn take(
        &self,
        from: Shelf,
        number: u32,
        slug: &str,
        to: Shelf,
    ) -> Option<Result<Version, String>> {
        let _held = self.adding.lock().unwrap_or_else(|e| e.into_inner());
        let v = self.version(from, number).filter(|v| v.slug == slug)?;
        let path = self.path(&v.name);
        let moved = fs::read(&path)
            .map_err(|e| format!("{}: {e}", path.display()))
            .and_then(|bytes| self.add_held(to, &v.slug, &bytes))
            .and_then(|kept| {
                fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                Ok(kept)
            });
        Some(moved)
    }

    /// Removes version `number` of a shelf when its slug is `slug`; false
    /// when there is none.
    pub fn remove(&self, shelf: Shelf, number: u32, slug: &str) -> Result<bool, String> {
        let _held = self.adding.lock().unwrap_or_else(|e| e.into_inner());
        let Some(v) = self.version(shelf, number).filter(|v| v.slug == slug) else {
            return Ok(false);
        };
        let path = self.path(&v.name);
        fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(true)
    }

    /// Files at the top of the folder that may be editions, by file name:
    /// JSON (plans, by their `.plan.json` ending, left out) and workbooks.
    pub fn candidates(&self) -> Vec<String> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut out: Vec<String> = entries
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|f| {
                f.ends_with(".json") && !f.ends_with(".plan.json")
                    || rally_export::sheets::is_workbook_name(f)
            })
            .collect();
        out.sort();
        out
    }
}

/// `0007-after-venue-closed.json` → (7, `after-venue-closed`).
fn parse_name(file: &str) -> Option<(u32, String)> {
    let stem = file.strip_suffix(".json")?;
    let (digits, slug) = stem.split_once('-').unwrap_or((stem, ""));
    if digits.len() < 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !slug
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return None;
    }
    Some((digits.parse().ok()?, slug.to_string()))
}

/// Lower-case ASCII letters, digits and single dashes, at most 48 characters.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 48 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "version".into()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_numbered_in_order_and_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::open(dir.path()).unwrap();
        assert!(ws.versions(Shelf::Plans).is_empty());
        let a = ws.add(Shelf::Plans, "Solve 30 s", b"{}").unwrap();
        let b = ws.add(Shelf::Plans, "move w01/2", b"[]").unwrap();
        assert_eq!(a.name, "plans/0001-solve-30-s.json");
        assert_eq!(b.name, "plans/0002-move-w01-2.json");
        assert_eq!(fs::read(ws.path(&a.name)).unwrap(), b"{}");
        assert_eq!(ws.versions(Shelf::Plans), [a, b.clone()]);
        assert_eq!(ws.version(Shelf::Plans, 2), Some(b));
        assert!(ws.versions(Shelf::Editions).is_empty());
        let d = ws.add(Shelf::Drafts, "replan-of-2", b"[1]").unwrap();
        assert!(ws
            .take(Shelf::Drafts, d.number, "other", Shelf::Plans)
            .is_none());
        let kept = ws.take(Shelf::Drafts, 1, "replan-of-2", Shelf::Plans);
        let kept = kept.unwrap().unwrap();
        assert_eq!(kept.name, "plans/0003-replan-of-2.json");
        assert_eq!(fs::read(ws.path(&kept.name)).unwrap(), b"[1]");
        assert!(ws.versions(Shelf::Drafts).is_empty() && !ws.path(&d.name).exists());
        assert!(ws
            .take(Shelf::Drafts, 1, "replan-of-2", Shelf::Plans)
            .is_none());
        let e = ws.add(Shelf::Drafts, "replan-of-3", b"[2]").unwrap();
        assert_eq!(e.number, 1, "numbered after the drafts left");
        assert_eq!(ws.remove(Shelf::Drafts, 1, "replan-of-2"), Ok(false));
        assert_eq!(ws.remove(Shelf::Drafts, 1, "replan-of-3"), Ok(true));
        assert_eq!(ws.remove(Shelf::Drafts, 1, "replan-of-3"), Ok(false));
        assert_eq!(ws.versions(Shelf::Plans).len(), 3);
    }

    #[test]
    fn only_names_the_desk_makes_are_versions() {
        for bad in [
            "1-x.json",
            "0001-X.json",
            "0001-../a.json",
            "abcd-x.json",
            "0001-x.txt",
        ] {
            assert_eq!(parse_name(bad), None, "{bad}");
        }
        assert_eq!(parse_name("0012.json"), Some((12, String::new())));
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify("Élan — 2016"), "lan-2016");
        assert_eq!(slugify("***"), "version");
    }
}

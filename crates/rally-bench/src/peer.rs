//! A peer's figures on the same editions: its plans, or CSV files of their
//! penalties, keyed by the edition's name.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::BenchError;

/// A peer's best figures on one edition.
#[derive(Debug, Clone, PartialEq)]
pub struct PeerFigures {
    /// The lowest total penalty among its runs.
    pub total: i64,
    /// The `travel_minute` term of that run, when known.
    pub travel_minute: Option<i64>,
    /// The headcount that run certifies, when known.
    pub certified: Option<u64>,
}

/// The peer's figures: from CSV files (columns `edition`, `total`, and
/// optionally `travel_minute` and `certified`; several rows of one edition keep the best), a
/// single CSV file, or a directory of them.
pub fn read_csvs(path: &Path) -> Result<HashMap<String, PeerFigures>, BenchError> {
    let files: Vec<PathBuf> = if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| BenchError::Io(path.to_path_buf(), e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "csv"))
            .collect();
        files.sort();
        files
    } else {
        vec![path.to_path_buf()]
    };
    let mut best: HashMap<String, PeerFigures> = HashMap::new();
    for file in files {
        let bad = |what: String| BenchError::Peer(file.clone(), what);
        let mut reader = csv::Reader::from_path(&file).map_err(|e| bad(e.to_string()))?;
        let headers = reader.headers().map_err(|e| bad(e.to_string()))?.clone();
        let column = |name: &str| headers.iter().position(|h| h == name);
        let edition = column("edition").ok_or_else(|| bad("no `edition` column".into()))?;
        let total = column("total").ok_or_else(|| bad("no `total` column".into()))?;
        let travel = column("travel_minute");
        let certified = column("certified");
        for (line, record) in reader.records().enumerate() {
            let record = record.map_err(|e| bad(e.to_string()))?;
            let number = |i: usize| record.get(i).and_then(|v| v.trim().parse::<i64>().ok());
            let Some(value) = number(total) else {
                return Err(bad(format!("row {}: `total` is not a number", line + 2)));
            };
            let figures = PeerFigures {
                total: value,
                travel_minute: travel.and_then(number),
                certified: certified
                    .and_then(number)
                    .and_then(|c| u64::try_from(c).ok()),
            };
            let name = record.get(edition).unwrap_or_default().to_string();
            if best.get(&name).is_none_or(|b| figures.total < b.total) {
                best.insert(name, figures);
            }
        }
    }
    Ok(best)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_run_of_each_edition_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("runs.csv"),
            "edition,stage,total,travel_minute,certified\ntight-1-1,solve,900,40,7\n\
             tight-1-1,solve,800,50,9\ntight-1-2,plan,100,,\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("notes.txt"), "not read").unwrap();
        let peer = read_csvs(dir.path()).unwrap();
        assert_eq!(peer["tight-1-1"].total, 800);
        assert_eq!(peer["tight-1-1"].travel_minute, Some(50));
        assert_eq!(peer["tight-1-1"].certified, Some(9));
        assert_eq!(peer["tight-1-2"].travel_minute, None);
    }

    #[test]
    fn a_csv_without_totals_is_refused_with_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("peer.csv");
        std::fs::write(&file, "edition,penalty\ntight-1-1,3\n").unwrap();
        let err = read_csvs(&file).unwrap_err().to_string();
        assert!(err.contains("peer.csv") && err.contains("total"), "{err}");
    }
}

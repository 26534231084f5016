//! `rally bench`: runs `rally plan` or `rally solve` over a grid of editions
//! (départements × seeds × profiles, generated, or read from a directory),
//! each as a child process whose wall time and peak memory are measured,
//! judges every plan with `rally check`, and writes a table (Markdown and
//! CSV) and an SVG plot of time and gap against size, with a peer's figures
//! and the ratios when given.
//!
//! - `child`: a child process, timed, with its peak memory.
//! - `edition`: the size of an edition.
//! - `judge`: the checker's verdict, the bounds a summary states.
//! - `peer`: a peer's figures (CSV files of penalties).
//! - `table`, `plot`: the outputs.

#![warn(missing_docs)]

mod child;
mod edition;
mod judge;
mod peer;
mod plot;
mod table;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

pub use rally_generate::Profile;

/// What can stop a benchmark.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    /// A file or directory could not be read or written.
    #[error("{0}: {1}")]
    Io(PathBuf, #[source] std::io::Error),
    /// The rally binary could not be started.
    #[error("cannot run {0}: {1}")]
    Spawn(String, #[source] std::io::Error),
    /// A child process failed.
    #[error("{what} failed: {stderr}")]
    Failed {
        /// The command.
        what: String,
        /// Its standard error.
        stderr: String,
    },
    /// A peer's file is not what `--peer` expects.
    #[error("{0}: {1}; a peer CSV has the columns `edition` and `total`")]
    Peer(PathBuf, String),
    /// An edition to read is not JSON.
    #[error("{0}: not an edition: {1}")]
    Edition(PathBuf, String),
    /// Nothing to run.
    #[error("no edition to run: {0}")]
    Empty(String),
}

/// The command benchmarked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// `rally plan`: the programme.
    Plan,
    /// `rally solve`: programme and courses.
    Solve,
}

impl Stage {
    /// The subcommand's name.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Plan => "plan",
            Stage::Solve => "solve",
        }
    }
}

/// Where the editions come from.
#[derive(Debug, Clone)]
pub enum Editions {
    /// Generated: every (profile, départements, seed) of the grid.
    Grid {
        /// Numbers of départements.
        territories: Vec<usize>,
        /// Generator seeds.
        seeds: Vec<u64>,
        /// Profiles.
        profiles: Vec<Profile>,
    },
    /// Every `*.json` file of a directory, named by its stem.
    Read(PathBuf),
}

/// A benchmark run.
#[derive(Debug, Clone)]
pub struct Config {
    /// The `rally` binary to run.
    pub rally: PathBuf,
    /// The editions.
    pub editions: Editions,
    /// `plan` or `solve`.
    pub stage: Stage,
    /// `--time-limit` of every run, in seconds.
    pub time_limit: f64,
    /// `--seed` of every run.
    pub seed: u64,
    /// Where editions, plans, logs and the outputs go.
    pub out: PathBuf,
    /// A peer's plans (`<edition>.json`) and CSV files of penalties.
    pub peer: Option<PathBuf>,
}

/// One edition to run.
#[derive(Debug, Clone)]
pub struct Case {
    /// Its name: `<profile>-<départements>-<seed>` when generated.
    pub name: String,
    /// The edition file.
    pub path: PathBuf,
    /// Profile, départements and seed, when generated.
    pub grid: Option<(Profile, usize, u64)>,
}

/// One line of the table.
#[derive(Debug, Clone)]
pub struct Row {
    /// The edition.
    pub case: Case,
    /// Its size.
    pub size: edition::Size,
    /// The run's wall time in seconds.
    pub seconds: f64,
    /// Its peak memory in bytes, where known.
    pub peak_bytes: Option<u64>,
    /// The checker's verdict on the plan.
    pub verdict: judge::Verdict,
    /// The bounds its summary states.
    pub bounds: judge::Bounds,
    /// The peer's figures on the same edition.
    pub peer: Option<peer::PeerFigures>,
}

impl Row {
    /// Our total over the peer's (below 1: better than the peer).
    pub fn ratio(&self) -> Option<f64> {
        let peer = self.peer.as_ref()?;
        (peer.total > 0).then(|| self.verdict.term("total") as f64 / peer.total as f64)
    }
}

/// The editions of `config`, generated into `out/editions` when needed.
pub fn cases(config: &Config) -> Result<Vec<Case>, BenchError> {
    let mut cases = Vec::new();
    match &config.editions {
        Editions::Grid {
            territories,
            seeds,
            profiles,
        } => {
            let dir = config.out.join("editions");
            create_dir(&dir)?;
            for &profile in profiles {
                for &n in territories {
                    for &seed in seeds {
                        let name = format!("{}-{n}-{seed}", profile.name());
                        let path = dir.join(format!("{name}.json"));
                        let mut text = rally_generate::generate_json_with(n, seed, profile);
                        text.push('\n');
                        std::fs::write(&path, text).map_err(|e| BenchError::Io(path.clone(), e))?;
                        cases.push(Case {
                            name,
                            path,
                            grid: Some((profile, n, seed)),
                        });
                    }
                }
            }
        }
        Editions::Read(dir) => {
            let entries = std::fs::read_dir(dir).map_err(|e| BenchError::Io(dir.clone(), e))?;
            for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
                if path.extension().is_some_and(|x| x == "json") {
                    let name = path.file_stem().unwrap_or_default().to_string_lossy();
                    cases.push(Case {
                        name: name.into_owned(),
                        path,
                        grid: None,
                    });
                }
            }
            cases.sort_by(|a, b| a.name.cmp(&b.name));
        }
    }
    if cases.is_empty() {
        return Err(BenchError::Empty(format!("{:?}", config.editions)));
    }
    Ok(cases)
}

/// Runs one case: the stage, then the checker on its plan.
pub fn run_case(config: &Config, case: &Case) -> Result<Row, BenchError> {
    let text =
        std::fs::read_to_string(&case.path).map_err(|e| BenchError::Io(case.path.clone(), e))?;
    let json: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| BenchError::Edition(case.path.clone(), e.to_string()))?;
    let size = edition::size(&json);
    let plans = config.out.join("plans");
    let logs = config.out.join("logs");
    create_dir(&plans)?;
    create_dir(&logs)?;
    let plan = plans.join(format!("{}.json", case.name));
    let ran = child::run(
        Command::new(&config.rally)
            .arg(config.stage.name())
            .arg(&case.path)
            .arg("-o")
            .arg(&plan)
            .arg("--time-limit")
            .arg(config.time_limit.to_string())
            .arg("--seed")
            .arg(config.seed.to_string())
            // The bounds are read off the English summary.
            .args(["--lang", "en"]),
    )
    .map_err(|e| BenchError::Spawn(config.rally.display().to_string(), e))?;
    let log = logs.join(format!("{}.{}.log", case.name, config.stage.name()));
    std::fs::write(&log, &ran.stderr).map_err(|e| BenchError::Io(log.clone(), e))?;
    if ran.code != Some(0) {
        return Err(BenchError::Failed {
            what: format!("rally {} {}", config.stage.name(), case.path.display()),
            stderr: ran.stderr,
        });
    }
    let verdict = judge::check(&config.rally, &case.path, &plan, &size)?;
    Ok(Row {
        case: case.clone(),
        size,
        seconds: ran.seconds,
        peak_bytes: ran.peak_bytes,
        verdict,
        bounds: judge::bounds(&ran.stderr),
        peer: None,
    })
}

/// The peer's figures on `case`: its plan `<name>.json` in the peer
/// directory, judged by the checker, and its CSV rows; the best of them.
fn peer_figures(
    config: &Config,
    case: &Case,
    size: &edition::Size,
    csvs: &HashMap<String, peer::PeerFigures>,
) -> Result<Option<peer::PeerFigures>, BenchError> {
    let mut best = csvs.get(&case.name).cloned();
    if let Some(dir) = config.peer.as_ref().filter(|p| p.is_dir()) {
        let plan = dir.join(format!("{}.json", case.name));
        if plan.is_file() {
            let v = judge::check(&config.rally, &case.path, &plan, size)?;
            let figures = peer::PeerFigures {
                total: v.term("total"),
                travel_minute: Some(v.term("travel_minute")),
                certified: Some(v.certified),
            };
            if best.as_ref().is_none_or(|b| figures.total < b.total) {
                best = Some(figures);
            }
        }
    }
    Ok(best)
}

/// Runs every case in turn (one at a time, so that times compare), calling
/// `done` after each, and writes `bench.md`, `bench.csv` and `bench.svg`
/// into `config.out`.
pub fn run(config: &Config, mut done: impl FnMut(&Row)) -> Result<Vec<Row>, BenchError> {
    create_dir(&config.out)?;
    let csvs = match &config.peer {
        Some(p) => peer::read_csvs(p)?,
        None => HashMap::new(),
    };
    let mut rows = Vec::new();
    for case in cases(config)? {
        let mut row = run_case(config, &case)?;
        row.peer = peer_figures(config, &case, &row.size, &csvs)?;
        done(&row);
        rows.push(row);
    }
    let write = |name: &str, text: String| {
        let path = config.out.join(name);
        std::fs::write(&path, text).map_err(|e| BenchError::Io(path, e))
    };
    write("bench.md", table::markdown(config, &rows))?;
    write("bench.csv", table::csv(&rows))?;
    write("bench.svg", plot::svg(&rows))?;
    Ok(rows)
}

fn create_dir(dir: &Path) -> Result<(), BenchError> {
    std::fs::create_dir_all(dir).map_err(|e| BenchError::Io(dir.to_path_buf(), e))
}

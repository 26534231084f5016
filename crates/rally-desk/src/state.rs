//! What the server holds: the configuration, the workspace, its edition,
//! the plans already checked, and the one run at a time.

use crate::edition::{self, Current, Loaded};
use crate::moves::{self, Move};
use crate::run::Runner;
use crate::workspace::{Shelf, Workspace};
use rally_check::unscheduled::Why;
use rally_check::{Changes, Report};
use rally_export::view::Scheduled;
use rally_export::{Lang, Programme, Texts};
use rally_model::replan::Replan;
use rally_model::types::Unscheduled;
use rally_model::Plan;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock};

/// How the desk runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The workspace folder.
    pub dir: PathBuf,
    /// Language of the rally's texts (pages, hand-outs).
    pub lang: Lang,
    /// The shared secret asked of every request, when set (`--token`).
    pub token: Option<String>,
    /// The largest upload accepted, in bytes.
    pub upload_limit: usize,
}

impl Config {
    /// A desk over `dir`, in English, without a token, uploads up to 20 MB.
    pub fn new(dir: impl Into<PathBuf>) -> Config {
        Config {
            dir: dir.into(),
            lang: Lang::En,
            token: None,
            upload_limit: 20 << 20,
        }
    }
}

/// A plan of the workspace checked against the edition (what
/// [`Programme`] holds, kept to build pages without checking again).
pub struct Checked {
    /// Its version number.
    pub number: u32,
    /// Its file name.
    pub name: String,
    /// What made it, e.g. `solve-30s`.
    pub slug: String,
    /// The plan as read.
    pub plan: Plan,
    report: Report,
    sessions: Vec<Scheduled>,
    courses: Option<Vec<Vec<usize>>>,
    unscheduled: Vec<Unscheduled>,
    why_unscheduled: HashMap<String, Why>,
    /// For a re-planned version: the version it was re-planned from, and the changes.
    pub from: Option<(u32, Changes)>,
}

impl Checked {
    fn new(
        current: &Current,
        number: u32,
        name: String,
        slug: String,
        plan: Plan,
        from: Option<(u32, &Replan)>,
    ) -> Checked {
        let p = Programme::new_from(&current.model, &plan, from.map(|(_, r)| r));
        Checked {
            number,
            name,
            slug,
            report: p.report,
            sessions: p.sessions,
            courses: p.courses,
            unscheduled: p.unscheduled,
            why_unscheduled: p.why_unscheduled,
            from: from.zip(p.changes).map(|((n, _), c)| (n, c)),
            plan,
        }
    }

    /// The programme, ready to be shown in `lang`.
    pub fn programme<'a>(&self, current: &'a Current, lang: Lang) -> Programme<'a> {
        Programme {
            model: &current.model,
            report: self.report.clone(),
            sessions: self.sessions.clone(),
            courses: self.courses.clone(),
            unscheduled: self.unscheduled.clone(),
            why_unscheduled: self.why_unscheduled.clone(),
            texts: Texts::new(lang),
            changes: self.from.as_ref().map(|(_, c)| c.clone()),
        }
    }

    /// The checker's verdict.
    pub fn report(&self) -> &Report {
        &self.report
    }
}

/// Why a version cannot be shown.
pub enum Unavailable {
    /// No valid edition is loaded.
    NoEdition,
    /// No version has this number.
    NoVersion(u32),
    /// It cannot be read, or was made for another edition: the problems.
    Unreadable(Vec<String>),
}

/// The state shared by every request.
pub struct Desk {
    /// How the desk was started.
    pub config: Config,
    /// The workspace folder.
    pub ws: Workspace,
    edition: RwLock<Loaded>,
    generation: AtomicU64,
    checked: Mutex<HashMap<(u64, u32), Arc<Checked>>>,
    /// Where each session of a version may move, judged once (concurrent
    /// first views wait for the one judging).
    moves: Mutex<HashMap<(u64, u32, usize), Judged>>,
    /// The one search that may run at a time.
    pub runner: Runner,
}

/// The moves of a session and how many placements were not judged.
pub type Options = (Vec<Move>, usize);

/// A session's moves, judged by the first view that needs them.
type Judged = Arc<OnceLock<Arc<Options>>>;

/// Checked plans kept in memory; past this, the cache starts again.
const CACHED: usize = 32;

impl Desk {
    /// Opens the workspace and loads its edition.
    pub fn open(config: Config) -> Result<Desk, String> {
        let ws = Workspace::open(&config.dir)?;
        let loaded = edition::load(&ws, 0);
        Ok(Desk {
            config,
            ws,
            edition: RwLock::new(loaded),
            generation: AtomicU64::new(0),
            checked: Mutex::new(HashMap::new()),
            moves: Mutex::new(HashMap::new()),
            runner: Runner::new(),
        })
    }

    /// Reads the edition again (after an upload or a choice).
    pub fn reload(&self) {
        let generation = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        let loaded = edition::load(&self.ws, generation);
        *self.edition.write().unwrap_or_else(|e| e.into_inner()) = loaded;
    }

    /// Runs `f` on the edition as it is loaded.
    pub fn with_edition<T>(&self, f: impl FnOnce(&Loaded) -> T) -> T {
        f(&self.edition.read().unwrap_or_else(|e| e.into_inner()))
    }

    /// The edition, when one is loaded and valid.
    pub fn current(&self) -> Option<Arc<Current>> {
        self.with_edition(|l| match l {
            Loaded::Edition(c) => Some(c.clone()),
            _ => None,
        })
    }

    /// Plan version `number`, read and checked against the edition (once).
    pub fn checked(&self, number: u32) -> Result<(Arc<Current>, Arc<Checked>), Unavailable> {
        let current = self.current().ok_or(Unavailable::NoEdition)?;
        let key = (current.generation, number);
        if let Some(c) = self.cache().get(&key) {
            return Ok((current, c.clone()));
        }
        let checked = Arc::new(self.read(&current, Shelf::Plans, number)?);
        let mut cache = self.cache();
        if cache.len() >= CACHED {
            cache.clear();
        }
        cache.insert(key, checked.clone());
        Ok((current, checked))
    }

    /// Draft `number` (a re-plan waiting for review), read and checked
    /// against the version it was made from.
    pub fn draft(&self, number: u32) -> Result<(Arc<Current>, Checked), Unavailable> {
        let current = self.current().ok_or(Unavailable::NoEdition)?;
        let draft = self.read(&current, Shelf::Drafts, number)?;
        Ok((current, draft))
    }

    fn read(&self, current: &Current, shelf: Shelf, number: u32) -> Result<Checked, Unavailable> {
        let v = self
            .ws
            .version(shelf, number)
            .ok_or(Unavailable::NoVersion(number))?;
        let plan = rally_model::load_plan(&self.ws.path(&v.name)).map_err(|e| {
            Unavailable::Unreadable(e.errors().iter().map(|e| e.to_string()).collect())
        })?;
        let unknown = rally_model::plan_refs::unknown_names(&current.model, &plan);
        if !unknown.is_empty() {
            return Err(Unavailable::Unreadable(
                unknown.iter().map(|e| e.to_string()).collect(),
            ));
        }
        let from = self.replanned_from(current, &v.slug);
        let replan = from.map(|(n, old)| (n, Replan::new(&current.model, old, None, None)));
        let from = replan.as_ref().map(|(n, r)| (*n, r));
        Ok(Checked::new(current, number, v.name, v.slug, plan, from))
    }

    /// Where `session` of a checked version may move ([`moves::options`]), judged once.
    pub fn moves(&self, current: &Current, checked: &Checked, session: usize) -> Arc<Options> {
        let key = (current.generation, checked.number, session);
        let cell = {
            let mut map = self.moves.lock().unwrap_or_else(|e| e.into_inner());
            if map.len() >= 64 * CACHED && !map.contains_key(&key) {
                map.clear();
            }
            map.entry(key).or_default().clone()
        };
        cell.get_or_init(|| {
            Arc::new(moves::options(
                current,
                &checked.plan,
                &checked.report,
                session,
            ))
        })
        .clone()
    }

    /// The version a re-planned version was made from (by its slug), and its plan.
    fn replanned_from(&self, current: &Current, slug: &str) -> Option<(u32, Plan)> {
        let rest = slug.strip_prefix(crate::run::REPLAN_OF)?;
        let n: u32 = rest.split('-').next()?.parse().ok()?;
        let v = self.ws.version(Shelf::Plans, n)?;
        let plan = rally_model::load_plan(&self.ws.path(&v.name)).ok()?;
        rally_model::plan_refs::unknown_names(&current.model, &plan)
            .is_empty()
            .then_some((n, plan))
    }

    fn cache(&self) -> std::sync::MutexGuard<'_, HashMap<(u64, u32), Arc<Checked>>> {
        self.checked.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Keeps `plan` as the next plan version, its penalty the checker's.
    pub fn keep_plan(&self, current: &Current, slug: &str, plan: Plan) -> Result<u32, String> {
        self.keep(Shelf::Plans, current, slug, plan)
    }

    /// Keeps `plan`, re-planned from a version (its slug says which, see
    /// `run::REPLAN_OF`), as the next draft to review.
    pub fn keep_draft(&self, current: &Current, slug: &str, plan: Plan) -> Result<u32, String> {
        self.keep(Shelf::Drafts, current, slug, plan)
    }

    fn keep(
        &self,
        shelf: Shelf,
        current: &Current,
        slug: &str,
        mut plan: Plan,
    ) -> Result<u32, String> {
        plan.penalty = Some(rally_check::penalty(&current.model, &plan).to_map());
        if plan.edition.is_none() {
            plan.edition = current.model.edition.edition.clone();
        }
        let mut text = serde_json::to_string_pretty(&plan).map_err(|e| e.to_string())?;
        text.push('\n');
        self.ws.add(shelf, slug, text.as_bytes()).map(|v| v.number)
    }
}

/// Headcount certified by the plan's courses, of those wanting a certificate.
pub fn certified_headcount(current: &Current, report: &Report) -> (u64, u64) {
    (
        report.certified_headcount(&current.model),
        wanting_headcount(current),
    )
}

/// Headcount of the members wanting a certificate.
pub fn wanting_headcount(current: &Current) -> u64 {
    let members = &current.model.members;
    let wanting = members.iter().filter(|m| m.certificate);
    wanting.map(|m| u64::from(m.headcount)).sum()
}

//! The table of a benchmark, as Markdown for people and CSV for tools.

use crate::{Config, Editions, Row};

/// The penalty terms of the rows, `total` first, in the checker's order.
fn terms(rows: &[Row]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (name, _) in rows.iter().flat_map(|r| &r.verdict.penalty) {
        if !names.contains(name) {
            names.push(name.clone());
        }
    }
    names
}

/// The columns before the terms, and each row's cells in them.
fn head(row: &Row) -> Vec<String> {
    let (profile, territories, seed) = match row.case.grid {
        Some((p, n, s)) => (p.name().to_string(), n.to_string(), s.to_string()),
        None => Default::default(),
    };
    vec![
        row.case.name.clone(),
        profile,
        territories,
        seed,
        row.size.sessions.to_string(),
        row.size.members.to_string(),
        row.size.wanting.to_string(),
        format!("{:.2}", row.seconds),
        row.peak_bytes
            .map_or(String::new(), |b| format!("{:.0}", b as f64 / 1048576.0)),
        row.verdict.valid.to_string(),
    ]
}

const HEAD: [&str; 10] = [
    "edition",
    "profile",
    "territories",
    "seed",
    "sessions",
    "members",
    "wanting",
    "seconds",
    "peak_mb",
    "valid",
];

const TAIL: [&str; 9] = [
    "certified",
    "headcount_bound",
    "lower_bound",
    "gap_percent",
    "optimal",
    "peer_total",
    "peer_certified",
    "ratio",
    "travel_ratio",
];

/// The columns after the terms.
fn tail(row: &Row) -> Vec<String> {
    let opt = |v: Option<String>| v.unwrap_or_default();
    let peer = row.peer.as_ref();
    let travel_ratio = peer
        .and_then(|p| p.travel_minute)
        .filter(|&t| t > 0)
        .map(|t| format!("{:.3}", row.verdict.term("travel_minute") as f64 / t as f64));
    vec![
        row.verdict.certified.to_string(),
        opt(row.bounds.headcount.map(|b| b.to_string())),
        opt(row.bounds.lower.map(|b| b.to_string())),
        opt(row.bounds.gap.map(|g| format!("{g:.1}"))),
        row.bounds.optimal.to_string(),
        opt(peer.map(|p| p.total.to_string())),
        opt(peer.and_then(|p| p.certified).map(|c| c.to_string())),
        opt(row.ratio().map(|r| format!("{r:.3}"))),
        opt(travel_ratio),
    ]
}

/// Every cell of a row, in the order of [`columns`].
fn cells(row: &Row, terms: &[String]) -> Vec<String> {
    let mut cells = head(row);
    cells.extend(terms.iter().map(|t| row.verdict.term(t).to_string()));
    cells.extend(tail(row));
    cells
}

/// Every column name.
fn columns(terms: &[String]) -> Vec<String> {
    let mut names: Vec<String> = HEAD.iter().map(|s| s.to_string()).collect();
    names.extend(terms.iter().cloned());
    names.extend(TAIL.iter().map(|s| s.to_string()));
    names
}

/// The table as CSV, one row per edition.
pub fn csv(rows: &[Row]) -> String {
    let terms = terms(rows);
    let mut out = csv::Writer::from_writer(Vec::new());
    let _ = out.write_record(columns(&terms));
    for row in rows {
        let _ = out.write_record(cells(row, &terms));
    }
    String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The table as Markdown, after a line saying how it was made.
pub fn markdown(config: &Config, rows: &[Row]) -> String {
    let terms = terms(rows);
    let source = match &config.editions {
        Editions::Grid { .. } => "generated editions".to_string(),
        Editions::Read(dir) => format!("the editions of {}", dir.display()),
    };
    let mut s = format!(
        "`rally {} --time-limit {} --seed {}` on {source}; every plan judged by `rally check`.\n\n",
        config.stage.name(),
        config.time_limit,
        config.seed
    );
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    let names = columns(&terms);
    s.push_str(&line(names.clone()));
    s.push_str(&line(names.iter().map(|_| "---".to_string()).collect()));
    for row in rows {
        s.push_str(&line(cells(row, &terms)));
    }
    s
}

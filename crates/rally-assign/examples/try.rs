#[path = "../tests/support/mod.rs"]
mod support;
use std::time::{Duration, Instant};
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args[1].parse().unwrap();
    let limit: u64 = args.get(2).map_or(60, |s| s.parse().unwrap());
    let t = Instant::now();
    let model = rally_model::parse_edition(&rally_generate::generate_json(n, 1)).unwrap();
    eprintln!("gen+parse {:?} members {}", t.elapsed(), model.members.len());
    let t = Instant::now();
    let plan = if args.get(3).is_some() { support::greedy_programme(&model) } else {
    let p = rally_plan::plan(&model, &rally_plan::PlanOptions { seed: 1, time_limit: Some(Duration::from_secs(limit)), ..Default::default() });
    eprintln!("plan {:?} penalty {}", t.elapsed(), p.penalty.total); p.plan };
    eprintln!("programme valid {} {:?}", rally_check::check(&model, &plan).valid, t.elapsed());
    let t = Instant::now();
    let out = rally_assign::assign(&model, &plan, &rally_assign::AssignOptions { seed: 1, time_limit: Some(Duration::from_secs(limit)), progress: None });
    eprintln!("assign {:?} valid? penalty {:?}", t.elapsed(), out.penalty);
    let r = rally_check::check(&model, &out.plan);
    eprintln!("valid {} viol {:?}", r.valid, r.violations.iter().take(3).collect::<Vec<_>>());
    eprintln!("certified {:?} people {} wanting {:?} people {} ub {} optimal {}", out.certified, out.certified.people(), out.wanting, out.wanting.people(), out.upper_bound, out.optimal);
    let certifiable: u64 = r.members.iter().zip(&model.members).filter(|(x, m)| x.certifiable && m.certificate).map(|(_, m)| m.headcount as u64).sum();
    eprintln!("certifiable people {certifiable}");
    for l in out.left_out.iter().take(5) { eprintln!("  {:?}", l); }
    for s in &out.suggestions { eprintln!("  {s}"); }
}

fn main() {
    for e in std::fs::read_dir("fixtures/bad").unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "json") {
            let r = rally_model::parse_edition(&std::fs::read_to_string(&p).unwrap());
            println!("{}: {:?}", p.display(), r.err().map(|v| v.iter().map(|e| e.to_string()).collect::<Vec<_>>()));
        }
    }
}

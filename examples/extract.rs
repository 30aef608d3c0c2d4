use std::io::Write;
fn main() {
    let ex = accords::Extractor::new();
    let dir = std::env::args().nth(1).unwrap();
    let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
    paths.sort();
    let mut out = std::io::stdout().lock();
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        let doc = accords::Document::with_dateline(&text);
        let r = ex.extract(&doc);
        let id = p.file_stem().unwrap().to_string_lossy().to_string();
        writeln!(out, "{}", serde_json::json!({"id": id, "language": r.language, "agreements": r.agreements})).unwrap();
    }
}

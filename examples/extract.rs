//! The library's batch API on a folder: every `.txt` file in it, on all cores, one JSON
//! line per article in file-name order.
//!
//! ```text
//! cargo run --release --example extract -- FOLDER
//! ```
//!
//! The `accords` binary does the same with more options (`cargo run --release -- --help`).

use std::process::ExitCode;

use accords::batch::{self, Job, Options};
use accords::Extractor;
use serde_json::json;

fn main() -> Result<ExitCode, Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).ok_or("usage: extract FOLDER")?;
    let mut paths: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let jobs = paths.into_iter().map(|p| {
        let stem = p
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        Job::file(stem, p)
    });
    let mut failed = false;
    let mut out = std::io::stdout().lock();
    batch::run(&Extractor::new(), jobs, &Options::default(), |done| {
        let path = done.path.as_ref().map(|p| p.display().to_string());
        let line = match done.result {
            Ok(o) => json!({"id": done.id, "path": path, "language": o.extraction.language,
                            "agreements": o.extraction.agreements}),
            Err(error) => {
                failed = true;
                json!({"id": done.id, "path": path, "error": error})
            }
        };
        use std::io::Write;
        writeln!(out, "{line}")
    })?;
    Ok(ExitCode::from(u8::from(failed)))
}

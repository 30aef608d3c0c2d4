//! Any bytes, written as one gazetteer file of a user's folder (a cue file, or
//! `countries.extra.tsv`, or `places.tsv`), must give `Ok` or `Err` from the builder,
//! never a panic. The first input byte picks the file.
#![no_main]

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use libfuzzer_sys::fuzz_target;

const TARGETS: &[&str] = &[
    "cues/fr.tsv",
    "cues/en.tsv",
    "cues/ar.tsv",
    "countries.extra.tsv",
    "places.tsv",
];

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn folder() -> PathBuf {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    std::env::temp_dir().join(format!("accords-fuzz-gaz-{}-{n}", std::process::id()))
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else {
        return;
    };
    let file = TARGETS[pick as usize % TARGETS.len()];
    let dir = folder();
    std::fs::create_dir_all(dir.join("cues")).unwrap();
    std::fs::write(dir.join(file), body).unwrap();
    let result = accords::Extractor::builder()
        .gazetteers(&dir)
        .and_then(|b| b.build());
    if let Ok(ex) = result {
        // A folder that builds must give a working extractor.
        let _ = ex.extract(&accords::Document::new(
            "Le Maroc et le Sénégal ont signé un mémorandum d'entente.",
        ));
    }
    let _ = std::fs::remove_dir_all(&dir);
});

//! The rule corpus: every `tests/corpus/{fr,en,ar}/*.toml` file, each entry a short text
//! written for the project with the fields its extraction must have. See
//! `tests/corpus/README.md` for the format.

use std::path::{Path, PathBuf};

use accords::{Document, Extractor, PartialDate};
use serde_json::Value;

const FIELDS: [&str; 8] = [
    "instrument",
    "status",
    "parties",
    "organizations",
    "date",
    "location",
    "event",
    "domains",
];

fn files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut out = Vec::new();
    for lang in ["fr", "en", "ar"] {
        let mut here: Vec<PathBuf> = std::fs::read_dir(root.join(lang))
            .unwrap_or_else(|e| panic!("tests/corpus/{lang}: {e}"))
            .filter_map(|e| Some(e.ok()?.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        here.sort();
        out.extend(here);
    }
    out
}

/// The value the extraction gives for `field` of agreement `a`, in the corpus's form.
fn got(a: &Value, field: &str) -> Value {
    match field {
        "signatories" => Value::Array(
            a["signatories"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|s| s["name"].clone())
                .collect(),
        ),
        f => a.get(f).cloned().unwrap_or(Value::Null),
    }
}

fn to_json(v: &toml::Value) -> Value {
    serde_json::to_value(v).expect("a TOML value is JSON")
}

/// Every mismatch of one entry, as "field: expected X, got Y".
fn check(entry: &toml::Table, extractor: &Extractor) -> Result<Vec<String>, String> {
    let text = entry
        .get("text")
        .and_then(|t| t.as_str())
        .ok_or("no text")?;
    let mut doc = Document::with_dateline(text);
    if let Some(p) = entry.get("published").and_then(|p| p.as_str()) {
        let date: PartialDate = p.parse().map_err(|_| format!("bad published {p}"))?;
        doc = doc.published(date);
    }
    let agreements = extractor.extract(&doc).agreements;
    let all = serde_json::to_value(&agreements).expect("agreements serialize");
    let all = all.as_array().cloned().unwrap_or_default();
    if std::env::var_os("CORPUS_SHOW").is_some() {
        eprintln!(
            "{text}\n  => {}",
            serde_json::to_string(&all).unwrap_or_default()
        );
    }
    let mut errors = Vec::new();
    if let Some(n) = entry.get("agreements") {
        let n = n.as_integer().ok_or("agreements is not an integer")?;
        if all.len() as i64 != n {
            errors.push(format!("agreements: expected {n}, got {}", all.len()));
        }
    }
    let index = entry.get("index").and_then(|i| i.as_integer()).unwrap_or(0) as usize;
    let checked: Vec<&str> = FIELDS
        .iter()
        .copied()
        .chain(["signatories"])
        .filter(|f| entry.contains_key(*f))
        .collect();
    if checked.is_empty() {
        return Ok(errors);
    }
    let Some(a) = all.get(index) else {
        errors.push(format!(
            "agreement #{index}: expected one, got {} agreements",
            all.len()
        ));
        return Ok(errors);
    };
    for field in checked {
        let want = to_json(&entry[field]);
        let have = got(a, field);
        let same = match (&want, &have) {
            (Value::String(w), Value::Null) => w.is_empty(),
            _ => want == have,
        };
        if !same {
            errors.push(format!("{field}: expected {want}, got {have}"));
        }
    }
    Ok(errors)
}

#[test]
fn corpus() {
    let extractor = Extractor::new();
    let mut failures = Vec::new();
    let mut count = 0;
    let mut pending = 0;
    for path in files() {
        let rel = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&path)
            .display()
            .to_string();
        let source = std::fs::read_to_string(&path).unwrap();
        let table: toml::Table = match source.parse() {
            Ok(t) => t,
            Err(e) => {
                failures.push(format!("{rel}: does not parse: {e}"));
                continue;
            }
        };
        let entries = table
            .get("entry")
            .and_then(|e| e.as_array())
            .cloned()
            .unwrap_or_default();
        for (i, entry) in entries.iter().enumerate() {
            count += 1;
            let Some(entry) = entry.as_table() else {
                failures.push(format!("{rel} #{i}: not a table"));
                continue;
            };
            let name = entry
                .get("name")
                .and_then(|n| n.as_str())
                .map_or_else(|| format!("#{i}"), str::to_owned);
            let is_pending = entry
                .get("pending")
                .and_then(|p| p.as_bool())
                .unwrap_or(false);
            pending += usize::from(is_pending);
            match check(entry, &extractor) {
                Err(e) => failures.push(format!("{rel} [{name}]: {e}")),
                Ok(errors) if is_pending => {
                    if errors.is_empty() {
                        failures.push(format!("{rel} [{name}]: now passes: remove pending"));
                    }
                }
                Ok(errors) => {
                    for e in errors {
                        failures.push(format!("{rel} [{name}]: {e}"));
                    }
                }
            }
        }
    }
    eprintln!("corpus: {count} entries, {pending} pending");
    assert!(count > 0, "no corpus entries");
    assert!(
        failures.is_empty(),
        "{} corpus failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

//! The JSON Schema of an output line, `schema/output-line.schema.json`: every line the
//! `accords` binary writes validates against it, and its label lists are the library's.

use std::path::Path;
use std::process::{Command, Stdio};

use accords::{Domain, Instrument, Status};
use serde_json::Value;

fn schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/output-line.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&schema()).expect("the schema compiles")
}

/// The binary's output lines for these arguments, with `stdin` piped in.
fn lines(args: &[&str], stdin: &[u8]) -> Vec<Value> {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_accords"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn invalid(v: &jsonschema::Validator, line: &Value) -> Vec<String> {
    v.iter_errors(line)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn every_sample_line_validates_in_both_offset_units() {
    let v = validator();
    let mut seen = 0;
    for (offsets, explain) in [("bytes", "--quiet"), ("chars", "--explain")] {
        let args = [
            "--offsets",
            offsets,
            explain,
            "examples/articles",
            "tests/fixtures/corpus",
        ];
        for line in lines(&args, b"") {
            let errors = invalid(&v, &line);
            assert!(errors.is_empty(), "{}: {errors:?}", line["id"]);
            seen += line["agreements"].as_array().map_or(0, Vec::len);
        }
    }
    assert!(seen > 100, "only {seen} agreements checked");
}

#[test]
fn error_lines_validate() {
    let v = validator();
    let input = b"not json\n{\"id\":\"a\",\"text\":\"x\",\"published\":\"2024-13-01\"}\n";
    let out = lines(&["--input", "jsonl"], input);
    assert_eq!(out.len(), 2);
    for line in &out {
        assert!(line["error"].is_string(), "{line}");
        assert!(invalid(&v, line).is_empty(), "{line}");
    }
}

#[test]
fn a_line_that_breaks_the_format_is_refused() {
    let v = validator();
    let text = "Le Maroc et le Sénégal ont signé un mémorandum d'entente sur la cybersécurité.";
    let good = lines(
        &["--input", "jsonl"],
        format!("{{\"id\":\"a\",\"text\":\"{text}\"}}\n").as_bytes(),
    )
    .remove(0);
    assert!(invalid(&v, &good).is_empty(), "{good}");
    let mut bad = good.clone();
    bad["agreements"][0]["status"] = "concluded".into();
    assert!(!invalid(&v, &bad).is_empty());
    let mut bad = good.clone();
    bad["agreements"][0]["evidence"]["instrument"] = serde_json::json!([3]);
    assert!(!invalid(&v, &bad).is_empty());
    let mut bad = good;
    bad["agreements"][0]["date"] = "2024-02-30x".into();
    assert!(!invalid(&v, &bad).is_empty());
}

#[test]
fn label_lists_are_the_libraries_own() {
    let defs = &schema()["$defs"];
    let listed = |name: &str| -> Vec<String> {
        defs[name]["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap().to_string())
            .collect()
    };
    let names = |all: Vec<&'static str>| all.into_iter().map(String::from).collect::<Vec<_>>();
    assert_eq!(
        listed("instrument"),
        names(Instrument::ALL.iter().map(|i| i.as_str()).collect())
    );
    assert_eq!(
        listed("status"),
        names(Status::ALL.iter().map(|s| s.as_str()).collect())
    );
    assert_eq!(
        listed("domain"),
        names(Domain::ALL.iter().map(|d| d.as_str()).collect())
    );
}

//! Merging agreements across articles, on short texts written for the project.

use std::io::Write;
use std::process::{Command, Stdio};

use accords::merge::Merger;
use accords::{Document, Extractor, PartialDate};

fn add(merger: &mut Merger, x: &Extractor, id: &str, published: &str, text: &str) -> usize {
    let published: PartialDate = published.parse().unwrap();
    let out = x.extract(&Document::new(text).published(published));
    merger.add(id, Some(published), &out.agreements);
    out.agreements.len()
}

#[test]
fn the_same_memorandum_in_french_and_arabic_is_one_instrument() {
    let x = Extractor::new();
    let mut m = Merger::new(&x);
    let fr = "Le Maroc et la Mauritanie ont signé le 3 mars 2025 à Rabat un mémorandum \
              d'entente dans le domaine de la transformation numérique.";
    let ar = "وقع المغرب وموريتانيا يوم 3 مارس 2025 بالرباط مذكرة تفاهم في مجال التحول الرقمي.";
    assert_eq!(add(&mut m, &x, "fr", "2025-03-03", fr), 1);
    assert_eq!(add(&mut m, &x, "ar", "2025-03-04", ar), 1);
    let merged = m.finish();
    assert_eq!(merged.len(), 1, "{merged:?}");
    let ids: Vec<&str> = merged[0].members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["fr", "ar"]);
}

#[test]
fn two_memoranda_of_one_ceremony_stay_two_and_other_pairs_stay_apart() {
    let x = Extractor::new();
    let mut m = Merger::new(&x);
    let two = "Le Sénégal et la Côte d'Ivoire ont signé le 10 juin 2025 à Dakar deux \
               mémorandums d'entente, le premier sur la cybersécurité et le second sur \
               l'identité numérique.";
    let n = add(&mut m, &x, "a", "2025-06-10", two);
    assert_eq!(n, 2, "the ceremony gives two agreements");
    let other = "Le Bénin et le Togo ont signé le 10 juin 2025 à Cotonou un mémorandum \
                 d'entente sur la cybersécurité.";
    add(&mut m, &x, "b", "2025-06-10", other);
    let merged = m.finish();
    assert_eq!(merged.len(), n + 1, "{merged:?}");
    assert!(merged.iter().all(|i| i.members.len() == 1));
}

#[test]
fn a_window_closes_old_instruments_and_bounds_what_stays_open() {
    let x = Extractor::new();
    let mut m = Merger::new(&x).window(Some(30));
    let text = |country: &str| {
        format!("Le Maroc et {country} ont signé un mémorandum d'entente sur la cybersécurité.")
    };
    add(&mut m, &x, "old", "2024-01-10", &text("le Gabon"));
    assert_eq!(m.open_len().0, 1);
    add(&mut m, &x, "new", "2024-06-10", &text("le Niger"));
    assert_eq!(m.open_len().0, 1, "the January instrument is closed");
    let closed = m.take_closed();
    assert_eq!(closed.len(), 1);
    assert_eq!(closed[0].members[0].id, "old");
    assert!(m.take_closed().is_empty());
}

fn line(id: &str, day: &str) -> String {
    format!(
        "{{\"id\":\"{id}\",\"published\":\"2025-03-0{day}\",\"agreements\":[{{\
         \"instrument\":\"memorandum_of_understanding\",\"status\":\"signed\",\
         \"parties\":[\"MA\",\"MR\"],\"organizations\":[],\"signatories\":[],\
         \"date\":\"2025-03-03\",\"location\":\"Rabat\",\"event\":null,\
         \"domains\":[\"digital_transformation\"]}}]}}\n"
    )
}

/// Runs `accords merge ARGS -` on `input`: exit code, stderr, output lines.
fn merge(args: &[&str], input: &str) -> (Option<i32>, String, Vec<serde_json::Value>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_accords"))
        .arg("merge")
        .args(args)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let lines = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        lines,
    )
}

#[test]
fn a_line_over_the_limit_is_named_and_skipped() {
    let long = format!("{{\"id\":\"x\",\"pad\":\"{}\"}}\n", "y".repeat(5000));
    let input = format!("{}{long}{}", line("a", "3"), line("b", "4"));
    let (code, stderr, lines) = merge(&["--max-bytes", "1000"], &input);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("-:2: line larger than the limit of 1000 bytes"),
        "{stderr}"
    );
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["members"].as_array().unwrap().len(), 2);
}

#[test]
fn the_merge_command_reads_lines_names_a_bad_one_and_goes_on() {
    let input = format!("{}not json\n{}", line("a", "3"), line("b", "4"));
    let (code, stderr, lines) = merge(&[], &input);
    assert_eq!(code, Some(1));
    assert!(stderr.contains(":2:"), "{stderr}");
    assert_eq!(lines.len(), 1, "{lines:?}");
    let members = lines[0]["members"].as_array().unwrap();
    assert_eq!(members.len(), 2);
    assert_eq!(members[0]["id"], "a");
    assert_eq!(lines[0]["agreement"]["location"], "Rabat");
    assert!(lines[0]["timeline"].is_array());
}

//! Runs the `accords` binary as users do: files, folders, stdin, JSON Lines, options,
//! errors, exit codes, closed pipes, odd files, and the order of the output.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::Value;

/// A French article with a relative date ("jeudi") that the publication date resolves.
const ARTICLE: &str = " date 2024-06 Le Sénégal et la Corée du Sud ont signé jeudi à Dakar un \
                       mémorandum d'entente dans le domaine de la cybersécurité.\n";

fn binary() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_accords"))
}

/// A fresh, empty folder under the system's temporary folder, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir =
            std::env::temp_dir().join(format!("accords-cli-{}-{name}-{nanos}", std::process::id()));
        fs::create_dir_all(&dir).expect("create temp folder");
        TempDir(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

struct Run {
    code: Option<i32>,
    lines: Vec<Value>,
    stderr: String,
}

/// Runs the tool with these arguments and this stdin, killing it after a minute.
fn run(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let scratch = TempDir::new("io");
    let input = scratch.write("stdin", stdin.unwrap_or_default());
    let (out_path, err_path) = (scratch.path().join("stdout"), scratch.path().join("stderr"));
    let mut child = Command::new(binary())
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::from(fs::File::open(&input).unwrap())
        } else {
            Stdio::null()
        })
        .stdout(fs::File::create(&out_path).unwrap())
        .stderr(fs::File::create(&err_path).unwrap())
        .spawn()
        .expect("spawn the binary");
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("accords {args:?} did not finish within a minute");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stdout = fs::read_to_string(&out_path).unwrap();
    let lines = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    Run {
        code: status.code(),
        lines,
        stderr: fs::read_to_string(&err_path).unwrap(),
    }
}

fn ids(run: &Run) -> Vec<&str> {
    run.lines
        .iter()
        .map(|l| l["id"].as_str().expect("id is a string"))
        .collect()
}

fn keys(line: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = line
        .as_object()
        .expect("a JSON object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    keys
}

fn last_line(text: &str) -> &str {
    text.lines().last().unwrap_or("")
}

fn text_of(run: &Run, n: usize) -> &str {
    run.lines[n]["error"].as_str().unwrap_or("")
}

#[test]
fn good_bad_and_empty_files_give_three_lines_in_order() {
    let dir = TempDir::new("mixed");
    dir.write("a_good.txt", ARTICLE);
    dir.write("b_bad.txt", b"Le Ma\xffroc");
    dir.write("c_empty.txt", "");
    dir.write("notes.md", "not an article: skipped");
    let out = run(&[dir.path().to_str().unwrap()], None);

    assert_eq!(out.code, Some(1), "stderr: {}", out.stderr);
    assert_eq!(ids(&out), ["a_good.txt", "b_bad.txt", "c_empty.txt"]);

    let good = &out.lines[0];
    assert_eq!(
        keys(good),
        ["agreements", "id", "language", "path", "published"]
    );
    assert_eq!(good["language"], "fr");
    assert_eq!(good["published"], "2024-06");
    assert_eq!(
        good["path"],
        dir.path().join("a_good.txt").display().to_string()
    );
    let agreements = good["agreements"].as_array().unwrap();
    assert_eq!(agreements.len(), 1);
    assert_eq!(agreements[0]["instrument"], "memorandum_of_understanding");
    assert_eq!(agreements[0]["parties"], serde_json::json!(["KR", "SN"]));

    let bad = &out.lines[1];
    assert_eq!(keys(bad), ["error", "id", "path"]);
    let error = text_of(&out, 1);
    assert!(error.contains("b_bad.txt"), "error names the file: {error}");
    assert!(error.contains("offset 5"), "byte offset: {error}");

    let empty = &out.lines[2];
    assert_eq!(empty["language"], "und");
    assert_eq!(empty["agreements"], serde_json::json!([]));

    // Only the summary on stderr, with the skipped file counted; errors with -v.
    assert_eq!(out.stderr.lines().count(), 1, "stderr: {}", out.stderr);
    assert!(
        out.stderr.contains("3 documents, 1 failed, 1 skipped"),
        "stderr: {}",
        out.stderr
    );
    let verbose = run(&["-v", dir.path().to_str().unwrap()], None);
    assert!(verbose.stderr.contains("b_bad.txt"), "{}", verbose.stderr);
    let quiet = run(&["-q", dir.path().to_str().unwrap()], None);
    assert_eq!((quiet.code, quiet.stderr.as_str()), (Some(1), ""));
    // --ext picks other files.
    let md = run(&["--ext", "md,csv", dir.path().to_str().unwrap()], None);
    assert_eq!(ids(&md), ["notes.md"]);
}

#[cfg(unix)]
#[test]
fn symlink_loop_gives_an_error_line_and_terminates() {
    let dir = TempDir::new("loop");
    dir.write("a.txt", ARTICLE);
    dir.write("sub/b.txt", ARTICLE);
    std::os::unix::fs::symlink("..", dir.path().join("sub/loop")).unwrap();
    std::os::unix::fs::symlink("self.txt", dir.path().join("self.txt")).unwrap();
    let out = run(&[dir.path().to_str().unwrap()], None);

    assert_eq!(out.code, Some(1), "stderr: {}", out.stderr);
    assert_eq!(ids(&out), ["a.txt", "self.txt", "sub/b.txt", "sub/loop"]);
    assert_eq!(out.lines[0]["language"], "fr");
    assert_eq!(out.lines[2]["language"], "fr");
    for n in [1, 3] {
        assert_eq!(keys(&out.lines[n]), ["error", "id", "path"]);
    }
    assert!(text_of(&out, 3).contains("loop"), "{}", out.lines[3]);
    assert!(
        last_line(&out.stderr).contains("4 documents, 2 failed"),
        "stderr: {}",
        out.stderr
    );
}

#[test]
fn stdin_is_one_document() {
    let out = run(&[], Some(ARTICLE.as_bytes()));
    assert_eq!(out.code, Some(0), "stderr: {}", out.stderr);
    assert_eq!(ids(&out), ["stdin"]);
    assert_eq!(out.lines[0]["path"], "-");
    assert_eq!(out.lines[0]["language"], "fr");
    assert_eq!(out.lines[0]["agreements"][0]["date"], "2024-06");

    // `-` among files keeps its place; non-UTF-8 stdin is an error line.
    let dir = TempDir::new("stdin");
    let file = dir.write("z.txt", ARTICLE);
    let out = run(&[file.to_str().unwrap(), "-"], Some(b"\xc3\x28"));
    assert_eq!(out.code, Some(1));
    assert_eq!(ids(&out), [file.to_str().unwrap(), "stdin"]);
    assert!(text_of(&out, 1).contains("offset 0"), "{}", out.lines[1]);
}

#[test]
fn published_flag_overrides_the_date_line() {
    let dir = TempDir::new("published");
    let file = dir.write("jeudi.txt", ARTICLE);
    let path = file.to_str().unwrap();

    // The date line says June 2024: "jeudi" resolves to the month only.
    let out = run(&[path], None);
    assert_eq!(out.code, Some(0), "stderr: {}", out.stderr);
    assert_eq!(out.lines[0]["agreements"][0]["date"], "2024-06");

    // Published Tuesday 10 September 2024: "jeudi" is Thursday the 5th.
    let out = run(&["--published", "2024-09-10", path], None);
    assert_eq!(out.code, Some(0), "stderr: {}", out.stderr);
    assert_eq!(out.lines[0]["agreements"][0]["date"], "2024-09-05");
    assert_eq!(out.lines[0]["published"], "2024-09-10");

    let out = run(&["--published=2024-09", path], None);
    assert_eq!(out.lines[0]["agreements"][0]["date"], "2024-09");
}

#[test]
fn output_follows_input_order_with_two_jobs_and_ids_are_unique() {
    let dir = TempDir::new("order");
    let mut expected = Vec::new();
    for i in 0..50 {
        // Uneven lengths, so that the workers finish out of order.
        let text = if i % 7 == 0 {
            ARTICLE.repeat(40)
        } else {
            ARTICLE.to_string()
        };
        let rel = format!("{}/doc{i:02}.txt", if i < 25 { "a" } else { "b/c" });
        dir.write(&rel, text);
        expected.push(rel);
    }
    let out = run(&["-j", "2", dir.path().to_str().unwrap()], None);
    assert_eq!(out.code, Some(0), "stderr: {}", out.stderr);
    assert_eq!(ids(&out), expected);
    assert!(out.lines.iter().all(|l| l["language"] == "fr"));

    // Explicit files keep the command line's order; a repeated id is made unique.
    let (b, a) = (
        dir.path().join("b/c/doc30.txt"),
        dir.path().join("a/doc03.txt"),
    );
    let (b, a) = (b.to_str().unwrap(), a.to_str().unwrap());
    let out = run(&["--jobs=2", b, a, b], None);
    assert_eq!(ids(&out), [b.to_string(), a.into(), format!("{b}#2")]);
    let a_dir = dir.path().join("a");
    let a_dir = a_dir.to_str().unwrap();
    let out = run(&[a_dir, dir.path().join("b/c").to_str().unwrap()], None);
    assert_eq!(out.lines[25]["id"], "doc25.txt");
    assert_eq!(out.lines.len(), 50);
}

#[test]
fn a_missing_input_fails_but_the_batch_goes_on() {
    let dir = TempDir::new("missing");
    let good = dir.write("good.txt", ARTICLE);
    let missing = dir.path().join("missing.txt");
    let out = run(&[missing.to_str().unwrap(), good.to_str().unwrap()], None);
    assert_eq!(out.code, Some(1));
    assert!(text_of(&out, 0).contains("missing.txt"));
    assert_eq!(out.lines[1]["language"], "fr");
    assert!(
        last_line(&out.stderr).contains("2 documents, 1 failed"),
        "stderr: {}",
        out.stderr
    );
}

#[test]
fn usage_errors_exit_with_2_and_help_and_version_with_0() {
    for args in [
        &["--jobs", "0"][..],
        &["--jobs", "18446744073709551615"],
        &["-j", "100000"],
        &["--bogus"],
        &["--published", "2024-13"],
        &["--published"],
        &["--input", "xml"],
        &["--offsets", "words"],
        &["--replace-gazetteers"],
        &["-q", "-v"],
        &["--gazetteers", "/no/such/folder"],
    ] {
        let out = run(args, Some(b""));
        assert_eq!(out.code, Some(2), "{args:?}: {}", out.stderr);
        assert!(out.lines.is_empty(), "{args:?}");
        assert!(!out.stderr.contains("panicked"), "{args:?}: {}", out.stderr);
    }
    for (flag, has) in [
        ("--help", "--offsets"),
        ("-h", "--jobs"),
        ("-V", "accords 0."),
    ] {
        let out = Command::new(binary()).arg(flag).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert!(String::from_utf8_lossy(&out.stdout).contains(has), "{flag}");
    }
}

/// Spawns the binary with piped output, reads the first stdout line, then closes stdout.
fn close_stdout_after_one_line(args: &[&OsStr]) -> (Option<i32>, String, String) {
    use std::io::{BufRead, BufReader, Read};
    let mut child = Command::new(binary())
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "still running after stdout closed"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    (status.code(), first, stderr)
}

#[test]
fn a_closed_stdout_ends_the_run_quietly() {
    let dir = TempDir::new("pipe");
    let text = ARTICLE.repeat(3);
    for i in 0..400 {
        dir.write(&format!("doc{i:03}.txt"), &text);
    }
    let (code, first, stderr) = close_stdout_after_one_line(&[dir.path().as_os_str()]);
    assert!(first.starts_with("{\"id\":\"doc000.txt\""), "{first}");
    assert_eq!(code, Some(0));
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Closed before anything is written: help, version and a run.
    for args in [&["--help"][..], &["-V"], &["examples/articles"]] {
        let mut child = Command::new(binary())
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_closed_stderr_loses_no_output_line() {
    let dir = TempDir::new("stderr");
    for i in 0..200 {
        dir.write(&format!("doc{i:03}.txt"), ARTICLE);
        dir.write(&format!("doc{i:03}b.txt"), b"\xff");
    }
    let mut child = Command::new(binary())
        .args(["-v".as_ref(), dir.path().as_os_str()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stderr.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 400);
}

#[test]
fn jsonl_input_gives_a_line_per_object_and_an_error_per_bad_line() {
    let input = concat!(
        r#"{"id": "a", "text": "Le Sénégal et la Corée du Sud ont signé jeudi un mémorandum d'entente.", "published": "2024-09-10"}"#,
        "\n\n{not json\n",
        r#"{"id": "c"}"#,
        "\n",
        r#"{"id": "d", "text": "Morocco and Kenya signed an agreement on cybersecurity."}"#,
        "\n"
    );
    let out = run(&["--input", "jsonl"], Some(input.as_bytes()));
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert_eq!(ids(&out), ["a", "stdin:3", "stdin:4", "d"]);
    assert_eq!(out.lines[0]["agreements"][0]["date"], "2024-09-05");
    assert!(
        text_of(&out, 1).starts_with("stdin:3: bad line"),
        "{}",
        out.lines[1]
    );
    assert!(text_of(&out, 2).contains("text"), "{}", out.lines[2]);
    assert_eq!(out.lines[3]["language"], "en");
    assert_eq!(
        out.lines[3]["agreements"][0]["parties"],
        serde_json::json!(["KE", "MA"])
    );
    // From a file too, with the per-line limit.
    let dir = TempDir::new("jsonl");
    let long = format!("{{\"id\": \"x\", \"text\": \"{}\"}}\n", "a".repeat(3000));
    let file = dir.write("in.jsonl", format!("{long}{input}"));
    let out = run(
        &[
            "--input=jsonl",
            "--max-bytes",
            "2000",
            file.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.lines.len(), 5);
    assert!(text_of(&out, 0).contains("limit"), "{}", out.lines[0]);
    assert_eq!(out.lines[1]["id"], "a");
}

/// Every `[start, end]` pair in a JSON value, in document order.
fn spans(v: &Value, out: &mut Vec<(usize, usize)>) {
    match v {
        Value::Array(a) if a.len() == 2 && a.iter().all(Value::is_u64) => out.push((
            a[0].as_u64().unwrap() as usize,
            a[1].as_u64().unwrap() as usize,
        )),
        Value::Array(a) => a.iter().for_each(|x| spans(x, out)),
        Value::Object(o) => o.values().for_each(|x| spans(x, out)),
        _ => {}
    }
}

#[test]
fn char_offsets_slice_code_points_to_the_evidence() {
    let text = "Le Sénégal et la Corée du Sud ont signé jeudi 6 juin 2024 à Dakar un mémorandum \
                d'entente sur la cybersécurité.\nوقعت سلطنة عمان وماليزيا مذكرة تفاهم في مسقط.";
    let bytes = run(&[], Some(text.as_bytes()));
    let chars = run(&["--offsets", "chars"], Some(text.as_bytes()));
    let (mut b, mut c) = (Vec::new(), Vec::new());
    spans(&bytes.lines[0]["agreements"], &mut b);
    spans(&chars.lines[0]["agreements"], &mut c);
    assert!(b.len() >= 6, "{b:?}");
    assert_eq!(b.len(), c.len());
    assert_ne!(b, c);
    let code_points: Vec<char> = text.chars().collect();
    for ((bs, be), (cs, ce)) in b.into_iter().zip(c) {
        let slice: String = code_points[cs..ce].iter().collect();
        assert_eq!(slice, &text[bs..be]);
    }
}

#[test]
fn pretty_prints_the_same_json_indented() {
    let compact = run(&[], Some(ARTICLE.as_bytes()));
    let scratch = TempDir::new("pretty");
    let input = scratch.write("in.txt", ARTICLE);
    let out = Command::new(binary())
        .args(["--pretty".as_ref(), input.as_os_str()])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines().count() > 10 && text.contains("\n  \"agreements\""),
        "{text}"
    );
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["agreements"], compact.lines[0]["agreements"]);
}

#[test]
fn output_lines_read_back_into_the_library_types() {
    let dir = TempDir::new("roundtrip");
    let file = dir.write("a.txt", ARTICLE);
    let scratch = run(&["examples/articles", file.to_str().unwrap()], None);
    assert_eq!(scratch.lines.len(), 7);
    let extractor = accords::Extractor::new();
    for line in &scratch.lines {
        let path = line["path"].as_str().unwrap();
        let text = fs::read_to_string(path).unwrap();
        let expected = extractor.extract(&accords::Document::with_dateline(&text));
        let got: accords::Extraction = serde_json::from_value(line.clone()).unwrap();
        assert!(!got.agreements.is_empty(), "{path}");
        assert_eq!(got, expected, "{path}");
    }
}

#[test]
fn big_files_fifos_and_devices_give_error_lines() {
    let dir = TempDir::new("odd");
    dir.write("big.txt", ARTICLE.repeat(20));
    dir.write("small.txt", ARTICLE);
    let fifo = dir.path().join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    let limit = (ARTICLE.len() * 2).to_string();
    let mut args = vec!["--max-bytes", &limit, dir.path().to_str().unwrap()];
    if cfg!(unix) {
        args.push("/dev/zero");
    }
    let out = run(&args, Some(ARTICLE.repeat(3).as_bytes()));
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(text_of(&out, 0).contains("limit"), "{}", out.lines[0]);
    let mut n = 1;
    if made.is_ok_and(|s| s.success()) {
        assert!(
            text_of(&out, 1).contains("not a regular file"),
            "{}",
            out.lines[1]
        );
        n += 1;
    }
    assert_eq!(out.lines[n]["language"], "fr");
    if cfg!(unix) {
        assert!(
            text_of(&out, n + 1).contains("not a regular file"),
            "{}",
            out.lines[n + 1]
        );
    }
    // Stdin over the limit.
    let out = run(
        &["--max-bytes", &limit, "-"],
        Some(ARTICLE.repeat(3).as_bytes()),
    );
    assert!(text_of(&out, 0).contains("limit"), "{}", out.lines[0]);
}

#[test]
fn a_gazetteer_folder_adds_to_the_embedded_data_unless_replaced() {
    let dir = TempDir::new("gazetteers");
    dir.write("places.tsv", "Kara\tTG\tfr\tKara\n");
    let gz = dir.path().to_str().unwrap();
    let location = |city: &str, extra: &[&str]| {
        let text = format!(
            "Le Togo et l'Estonie ont signé mardi à {city} un mémorandum d'entente sur \
             l'identité numérique."
        );
        let out = run(extra, Some(text.as_bytes()));
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        out.lines[0]["agreements"][0]["location"].clone()
    };
    assert_eq!(location("Kara", &[]), Value::Null);
    assert_eq!(location("Kara", &["--gazetteers", gz]), "Kara");
    assert_eq!(location("Lomé", &["--gazetteers", gz]), "Lomé");
    let replace = ["--gazetteers", gz, "--replace-gazetteers"];
    assert_eq!(location("Kara", &replace), "Kara");
    assert_eq!(location("Lomé", &replace), Value::Null);
    // A bad folder is a usage error.
    dir.write("events.tsv", "one column\n");
    let out = run(&["--gazetteers", gz], Some(b""));
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("events.tsv:1"), "{}", out.stderr);
}

#[test]
fn explain_lists_each_value_with_its_text_and_rule_in_both_offset_units() {
    let text = "Kenya and Ghana signed an MoU on the sidelines of the Lakeside Digital Summit.\n";
    let plain = run(&[], Some(text.as_bytes()));
    assert!(plain.lines[0]["agreements"][0].get("explain").is_none());
    for offsets in ["bytes", "chars"] {
        let out = run(&["--explain", "--offsets", offsets], Some(text.as_bytes()));
        let agreement = &out.lines[0]["agreements"][0];
        let why = agreement["explain"].as_array().unwrap();
        let event = why.iter().find(|w| w["field"] == "event").unwrap();
        assert_eq!(event["text"], "Lakeside Digital Summit");
        assert_eq!(event["rule"], "event_by_pattern");
        assert_eq!(event["span"], agreement["evidence"]["event"]);
        let parties: Vec<&str> = why
            .iter()
            .filter(|w| w["field"] == "party")
            .map(|w| w["text"].as_str().unwrap())
            .collect();
        assert_eq!(parties, ["Ghana", "Kenya"]);
    }
    // Every value of the sample articles names the rule that produced it.
    let out = run(&["--explain", "examples/articles"], None);
    let mut seen = 0;
    for line in &out.lines {
        for a in line["agreements"].as_array().unwrap() {
            for why in a["explain"].as_array().unwrap() {
                assert_ne!(why["rule"], "", "{}: {why}", line["id"]);
                seen += 1;
            }
        }
    }
    assert!(seen > 50, "only {seen} values explained");
}

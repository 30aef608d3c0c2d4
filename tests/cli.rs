//! Runs the batch tool `examples/extract.rs` as users do: files, folders, stdin, errors,
//! exit codes, and the order of the output.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::Value;

/// A French article with a relative date ("jeudi") that the publication date resolves.
const ARTICLE: &str = " date 2024-06 Le Sénégal et la Corée du Sud ont signé jeudi à Dakar un \
                       mémorandum d'entente dans le domaine de la cybersécurité.\n";

/// The built example: `target/<profile>/examples/extract`, built on demand if missing.
fn binary() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let exe = std::env::current_exe().expect("test executable path");
        let profile_dir = exe
            .parent()
            .and_then(Path::parent)
            .expect("target/<profile>/deps/..");
        let bin = profile_dir
            .join("examples")
            .join(format!("extract{}", std::env::consts::EXE_SUFFIX));
        if !bin.is_file() {
            let mut cargo = Command::new(env!("CARGO"));
            cargo.args(["build", "--example", "extract"]);
            if !cfg!(debug_assertions) {
                cargo.arg("--release");
            }
            let status = cargo.status().expect("run cargo build");
            assert!(status.success(), "cargo build --example extract failed");
        }
        assert!(bin.is_file(), "no example binary at {}", bin.display());
        bin
    })
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
        .expect("spawn the example binary");
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("extract {args:?} did not finish within a minute");
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

#[test]
fn good_bad_and_empty_files_give_three_lines_in_order() {
    let dir = TempDir::new("mixed");
    dir.write("a_good.txt", ARTICLE);
    dir.write("b_bad.txt", b"Le Ma\xffroc");
    dir.write("c_empty.txt", "");
    dir.write("notes.md", "not an article: skipped");
    let out = run(&[dir.path().to_str().unwrap()], None);

    assert_eq!(out.code, Some(1), "stderr: {}", out.stderr);
    assert_eq!(ids(&out), ["a_good", "b_bad", "c_empty"]);

    let good = &out.lines[0];
    assert_eq!(keys(good), ["agreements", "id", "language", "path"]);
    assert_eq!(good["language"], "fr");
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
    let error = bad["error"].as_str().unwrap();
    assert!(error.contains("b_bad.txt"), "error names the file: {error}");
    assert!(
        error.contains("offset 5"),
        "error gives the byte offset: {error}"
    );
    assert!(out.stderr.contains("b_bad.txt"), "stderr: {}", out.stderr);

    let empty = &out.lines[2];
    assert_eq!(empty["language"], "und");
    assert_eq!(empty["agreements"], serde_json::json!([]));

    assert!(
        last_line(&out.stderr).contains("3 documents, 1 failed"),
        "stderr: {}",
        out.stderr
    );
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
    assert_eq!(ids(&out), ["a", "self", "b", "loop"]);
    assert_eq!(out.lines[0]["language"], "fr");
    assert_eq!(out.lines[2]["language"], "fr");
    for n in [1, 3] {
        assert_eq!(keys(&out.lines[n]), ["error", "id", "path"]);
    }
    let error = out.lines[3]["error"].as_str().unwrap();
    assert!(error.contains("loop"), "{error}");
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
    assert_eq!(ids(&out), ["z", "stdin"]);
    assert!(
        out.lines[1]["error"].as_str().unwrap().contains("offset 0"),
        "{}",
        out.lines[1]
    );
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

    let out = run(&["--published=2024-09", path], None);
    assert_eq!(out.lines[0]["agreements"][0]["date"], "2024-09");
}

#[test]
fn output_follows_input_order_with_two_jobs() {
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
        expected.push(format!("doc{i:02}"));
    }
    let out = run(&["--jobs", "2", dir.path().to_str().unwrap()], None);
    assert_eq!(out.code, Some(0), "stderr: {}", out.stderr);
    assert_eq!(ids(&out), expected);
    assert!(out.lines.iter().all(|l| l["language"] == "fr"));

    // Explicit files keep the command line's order, not the sorted one.
    let (b, a) = (
        dir.path().join("b/c/doc30.txt"),
        dir.path().join("a/doc03.txt"),
    );
    let out = run(
        &["--jobs=2", b.to_str().unwrap(), a.to_str().unwrap()],
        None,
    );
    assert_eq!(ids(&out), ["doc30", "doc03"]);
}

#[test]
fn a_missing_input_fails_but_the_batch_goes_on() {
    let dir = TempDir::new("missing");
    let good = dir.write("good.txt", ARTICLE);
    let missing = dir.path().join("missing.txt");
    let out = run(&[missing.to_str().unwrap(), good.to_str().unwrap()], None);
    assert_eq!(out.code, Some(1));
    assert_eq!(ids(&out), ["missing", "good"]);
    assert!(out.lines[0]["error"]
        .as_str()
        .unwrap()
        .contains("missing.txt"));
    assert_eq!(out.lines[1]["language"], "fr");
    assert!(
        last_line(&out.stderr).contains("2 documents, 1 failed"),
        "stderr: {}",
        out.stderr
    );
}

#[test]
fn usage_errors_exit_with_2() {
    for args in [
        &["--jobs", "0"][..],
        &["--bogus"],
        &["--published", "2024-13"],
        &["--published"],
    ] {
        let out = run(args, Some(b""));
        assert_eq!(out.code, Some(2), "{args:?}: {}", out.stderr);
        assert!(out.lines.is_empty(), "{args:?}");
        assert!(out.stderr.contains("usage"), "{args:?}: {}", out.stderr);
    }
    let help = Command::new(binary()).arg("--help").output().unwrap();
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("--published"));
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    use std::io::{BufRead, BufReader};
    let dir = TempDir::new("pipe");
    let text = ARTICLE.repeat(3);
    for i in 0..400 {
        dir.write(&format!("doc{i:03}.txt"), &text);
    }
    let mut child = Command::new(binary())
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"id\":\"doc000\""), "{first}");
    // The reader is gone: the tool must stop, without a panic.
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "still running after its output was closed"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
}

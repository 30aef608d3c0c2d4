//! Batch extraction: reads articles and writes one JSON line per article.
//!
//! ```text
//! cargo run --release --example extract -- [--published YYYY-MM[-DD]] [--jobs N] [PATH | -]...
//! ```
//!
//! Each PATH is a file or a folder; folders are walked recursively for `.txt` files, in
//! sorted order, following symbolic links (a link that leads back to one of its own
//! parent folders is reported as an error, not followed). `-`, or no PATH at all, reads
//! one document from standard input. Each text may begin with the corpus date line
//! (` date YYYY-MM`), which gives the publication date; `--published` overrides it.
//!
//! Standard output gets one line per input, in input order:
//! `{"id": ..., "path": ..., "language": ..., "agreements": [...]}`, or
//! `{"id": ..., "path": ..., "error": ...}` for an input that could not be read. An empty
//! file is not an error: it gives language `"und"` and no agreements. The exit code is 0
//! when every input was read, 1 when some failed, 2 for a usage error.

use std::collections::{BTreeMap, VecDeque};
use std::ffi::OsString;
use std::fs;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{channel, sync_channel, Receiver, Sender, SyncSender};
use std::sync::Mutex;
use std::thread;
use std::time::Instant;

use accords::{Agreement, Document, Extractor, Language, PartialDate};
use serde::Serialize;

const USAGE: &str = "\
usage: extract [OPTIONS] [PATH | -]...

Extracts cooperation agreements from news articles and writes JSON Lines on stdout,
one line per input, in input order.

  PATH                 a file, or a folder walked recursively for .txt files (sorted,
                       symbolic links followed, link loops reported as errors)
  -                    read one document from stdin (the default when no PATH is given)
  --published DATE     publication date YYYY, YYYY-MM or YYYY-MM-DD, overriding the
                       texts' leading ` date YYYY-MM` line
  --jobs N             worker threads (default: all cores)
  -h, --help           this help

Exit code: 0 when every input was processed, 1 when some failed, 2 for usage errors.";

/// Progress is reported every this many documents.
const PROGRESS_EVERY: usize = 1000;

struct Options {
    published: Option<PartialDate>,
    jobs: usize,
    inputs: Vec<OsString>,
}

enum Parsed {
    Run(Options),
    Help,
}

fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Parsed, String> {
    let mut published = None;
    let mut jobs = None;
    let mut inputs = Vec::new();
    let mut args = args.into_iter();
    let mut flags_done = false;
    while let Some(arg) = args.next() {
        let text = arg.to_str();
        match text {
            Some(t) if !flags_done && t.starts_with("--") && t.len() > 2 => {
                let (name, inline) = match t.split_once('=') {
                    Some((n, v)) => (n, Some(v.to_string())),
                    None => (t, None),
                };
                let mut value = || -> Result<String, String> {
                    match inline.clone() {
                        Some(v) => Ok(v),
                        None => args
                            .next()
                            .and_then(|v| v.into_string().ok())
                            .ok_or_else(|| format!("{name} needs a value")),
                    }
                };
                match name {
                    "--help" => return Ok(Parsed::Help),
                    "--published" => {
                        let v = value()?;
                        let date = v
                            .parse::<PartialDate>()
                            .map_err(|e| format!("--published: {e}"))?;
                        published = Some(date);
                    }
                    "--jobs" => {
                        let v = value()?;
                        match v.parse::<usize>() {
                            Ok(n) if n > 0 => jobs = Some(n),
                            _ => return Err(format!("--jobs: not a positive number: {v:?}")),
                        }
                    }
                    _ => return Err(format!("unknown option {name}")),
                }
            }
            Some("--") if !flags_done => flags_done = true,
            Some("-h") if !flags_done => return Ok(Parsed::Help),
            Some(t) if !flags_done && t.starts_with('-') && t != "-" => {
                return Err(format!("unknown option {t}"));
            }
            _ => inputs.push(arg),
        }
    }
    let jobs = jobs.unwrap_or_else(|| thread::available_parallelism().map_or(1, |n| n.get()));
    Ok(Parsed::Run(Options {
        published,
        jobs,
        inputs,
    }))
}

/// One input, as the walk finds it.
enum Input {
    Stdin,
    File(PathBuf),
    /// Found but unusable: a missing path, an unreadable folder, a link loop.
    Failed(PathBuf, String),
}

impl Input {
    fn id_and_path(&self) -> (String, String) {
        match self {
            Input::Stdin => ("stdin".to_string(), "-".to_string()),
            Input::File(p) | Input::Failed(p, _) => (id_of(p), p.display().to_string()),
        }
    }
}

fn id_of(path: &Path) -> String {
    path.file_stem()
        .or(path.file_name())
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned())
}

/// A folder being walked: its remaining entries and its canonical path, to detect loops.
struct Frame {
    entries: std::vec::IntoIter<PathBuf>,
    canonical: PathBuf,
}

/// Walks the command line's inputs lazily: one folder listing in memory per level.
struct Walk {
    args: VecDeque<OsString>,
    stack: Vec<Frame>,
}

impl Walk {
    fn new(inputs: Vec<OsString>) -> Walk {
        let mut args: VecDeque<OsString> = inputs.into();
        if args.is_empty() {
            args.push_back("-".into());
        }
        Walk {
            args,
            stack: Vec::new(),
        }
    }

    /// Enters a folder, or reports why it cannot be walked.
    fn enter(&mut self, dir: PathBuf) -> Option<Input> {
        let canonical = match fs::canonicalize(&dir) {
            Ok(c) => c,
            Err(e) => {
                return Some(Input::Failed(
                    dir.clone(),
                    format!("{}: {e}", dir.display()),
                ))
            }
        };
        if let Some(frame) = self.stack.iter().find(|f| f.canonical == canonical) {
            let msg = format!(
                "{}: symbolic link loop: leads back to {}",
                dir.display(),
                frame.canonical.display()
            );
            return Some(Input::Failed(dir, msg));
        }
        let listing = match fs::read_dir(&dir) {
            Ok(l) => l,
            Err(e) => {
                return Some(Input::Failed(
                    dir.clone(),
                    format!("{}: cannot list folder: {e}", dir.display()),
                ))
            }
        };
        let mut entries = Vec::new();
        for entry in listing {
            match entry {
                Ok(e) => entries.push(e.path()),
                Err(e) => {
                    return Some(Input::Failed(
                        dir.clone(),
                        format!("{}: cannot list folder: {e}", dir.display()),
                    ))
                }
            }
        }
        entries.sort();
        self.stack.push(Frame {
            entries: entries.into_iter(),
            canonical,
        });
        None
    }
}

fn is_txt(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "txt")
}

impl Iterator for Walk {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        loop {
            if let Some(frame) = self.stack.last_mut() {
                let Some(path) = frame.entries.next() else {
                    self.stack.pop();
                    continue;
                };
                match fs::metadata(&path) {
                    Ok(m) if m.is_dir() => {
                        if let Some(failed) = self.enter(path) {
                            return Some(failed);
                        }
                    }
                    Ok(m) if m.is_file() && is_txt(&path) => return Some(Input::File(path)),
                    Ok(_) => {}
                    // A dangling link that is not an article is no concern of ours; a
                    // link loop, or an unreadable `.txt`, is.
                    Err(e) if e.kind() == io::ErrorKind::NotFound && !is_txt(&path) => {}
                    Err(e) => {
                        return Some(Input::Failed(
                            path.clone(),
                            format!("{}: {e}", path.display()),
                        ))
                    }
                }
                continue;
            }
            let arg = self.args.pop_front()?;
            if arg == "-" {
                return Some(Input::Stdin);
            }
            let path = PathBuf::from(arg);
            match fs::metadata(&path) {
                Ok(m) if m.is_dir() => {
                    if let Some(failed) = self.enter(path) {
                        return Some(failed);
                    }
                }
                // An explicit file is read whatever its extension.
                Ok(_) => return Some(Input::File(path)),
                Err(e) => {
                    return Some(Input::Failed(
                        path.clone(),
                        format!("{}: {e}", path.display()),
                    ))
                }
            }
        }
    }
}

#[derive(Serialize)]
struct Success<'a> {
    id: &'a str,
    path: &'a str,
    language: Language,
    agreements: &'a [Agreement],
}

#[derive(Serialize)]
struct Failure<'a> {
    id: &'a str,
    path: &'a str,
    error: &'a str,
}

/// One finished input: its JSON line and, when it failed, the reason.
struct Done {
    line: String,
    error: Option<String>,
}

fn failure(id: &str, path: &str, error: String) -> Done {
    let line = serde_json::to_string(&Failure {
        id,
        path,
        error: &error,
    })
    .expect("JSON of strings");
    Done {
        line,
        error: Some(error),
    }
}

fn read_input(input: &Input) -> Result<Vec<u8>, String> {
    match input {
        Input::Stdin => {
            let mut bytes = Vec::new();
            io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("stdin: cannot read: {e}"))?;
            Ok(bytes)
        }
        Input::File(path) => {
            fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
        }
        Input::Failed(_, msg) => Err(msg.clone()),
    }
}

fn process(extractor: &Extractor, published: Option<PartialDate>, input: &Input) -> Done {
    let (id, path) = input.id_and_path();
    let bytes = match read_input(input) {
        Ok(b) => b,
        Err(msg) => return failure(&id, &path, msg),
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            return failure(
                &id,
                &path,
                format!("{path}: not valid UTF-8: invalid byte at offset {offset}"),
            );
        }
    };
    let extraction = catch_unwind(AssertUnwindSafe(|| {
        let mut doc = Document::with_dateline(&text);
        if let Some(date) = published {
            doc = doc.published(date);
        }
        extractor.extract(&doc)
    }));
    match extraction {
        Ok(x) => {
            let line = serde_json::to_string(&Success {
                id: &id,
                path: &path,
                language: x.language,
                agreements: &x.agreements,
            });
            match line {
                Ok(line) => Done { line, error: None },
                Err(e) => failure(
                    &id,
                    &path,
                    format!("{path}: cannot serialize the extraction: {e}"),
                ),
            }
        }
        Err(_) => failure(&id, &path, format!("{path}: the extractor panicked")),
    }
}

fn progress(done: usize, failed: usize, start: Instant) {
    let secs = start.elapsed().as_secs_f64();
    let rate = if secs > 0.0 { done as f64 / secs } else { 0.0 };
    eprintln!("accords: {done} documents, {failed} failed, {rate:.0} docs/s");
}

/// How far the output got.
#[derive(Default)]
struct Tally {
    /// Lines written.
    done: usize,
    /// Of which errors.
    failed: usize,
    /// The count at the last progress report.
    reported: usize,
}

/// Writes the lines in input order. Returns how far it got, with the write error that
/// stopped the output if any.
fn write_in_order(
    results: Receiver<(usize, Done)>,
    credits: SyncSender<()>,
    walked: &AtomicUsize,
    start: Instant,
) -> (Tally, io::Result<()>) {
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(64 * 1024, stdout.lock());
    let tty = io::stderr().is_terminal();
    let mut pending: BTreeMap<usize, Done> = BTreeMap::new();
    let mut t = Tally::default();
    loop {
        // Flush whenever there is nothing else ready, so the output streams.
        let received = match results.try_recv() {
            Ok(r) => Some(r),
            Err(_) => {
                if let Err(e) = out.flush() {
                    return (t, Err(e));
                }
                results.recv().ok()
            }
        };
        let Some((seq, done)) = received else { break };
        pending.insert(seq, done);
        while let Some(done) = pending.remove(&t.done) {
            let line = out.write_all(done.line.as_bytes());
            if let Err(e) = line.and_then(|()| out.write_all(b"\n")) {
                return (t, Err(e));
            }
            if let Some(msg) = done.error {
                t.failed += 1;
                eprintln!("accords: error: {msg}");
            }
            t.done += 1;
            // The slot is free again: the walk may send one more input.
            let _ = credits.send(());
            let many = walked.load(Ordering::Relaxed) > PROGRESS_EVERY;
            if t.done % PROGRESS_EVERY == 0 && (tty || many) {
                progress(t.done, t.failed, start);
                t.reported = t.done;
            }
        }
    }
    let flushed = out.flush();
    (t, flushed)
}

fn run(opts: Options) -> ExitCode {
    let start = Instant::now();
    let extractor = Extractor::new();
    let jobs = opts.jobs;
    let window = 4 * jobs;
    let published = opts.published;
    let walked = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);

    let (job_tx, job_rx) = sync_channel::<(usize, Input)>(jobs);
    let job_rx = Mutex::new(job_rx);
    let (res_tx, res_rx) = channel::<(usize, Done)>();
    // At most `window` inputs between the walk and the output: memory stays flat.
    let (credit_tx, credit_rx) = sync_channel::<()>(window);
    for _ in 0..window {
        credit_tx
            .send(())
            .expect("the channel holds `window` credits");
    }

    let (tally, written) = thread::scope(|s| {
        let (walked, stop) = (&walked, &stop);
        s.spawn(move || {
            for (seq, input) in Walk::new(opts.inputs).enumerate() {
                if credit_rx.recv().is_err() || stop.load(Ordering::Relaxed) {
                    return; // the output stopped
                }
                walked.fetch_add(1, Ordering::Relaxed);
                if job_tx.send((seq, input)).is_err() {
                    return;
                }
            }
        });
        for _ in 0..jobs {
            let res_tx: Sender<(usize, Done)> = res_tx.clone();
            let (job_rx, extractor) = (&job_rx, &extractor);
            s.spawn(move || loop {
                let job = job_rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                let Ok((seq, input)) = job else { return };
                // Once the output has stopped, drain the queue without working, so
                // that the walk is never left blocked on a full queue.
                if !stop.load(Ordering::Relaxed) {
                    let _ = res_tx.send((seq, process(extractor, published, &input)));
                }
            });
        }
        drop(res_tx);
        // Returning drops the receiver and the credits: the walk stops at once (or
        // after its remaining credits), then the workers when the queue is closed.
        let written = write_in_order(res_rx, credit_tx, walked, start);
        stop.store(true, Ordering::Relaxed);
        written
    });

    let code = if tally.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    match written {
        Ok(()) => {
            // The summary, unless the last progress line said just that.
            if tally.reported != tally.done || tally.done == 0 {
                progress(tally.done, tally.failed, start);
            }
            code
        }
        // The reader went away (`| head`): stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => code,
        Err(e) => {
            eprintln!("accords: cannot write the output: {e}");
            ExitCode::from(1)
        }
    }
}

fn main() -> ExitCode {
    match parse_args(std::env::args_os().skip(1)) {
        Ok(Parsed::Help) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Parsed::Run(opts)) => run(opts),
        Err(msg) => {
            eprintln!("accords: {msg}");
            eprintln!("usage: extract [--published DATE] [--jobs N] [PATH | -]... (see --help)");
            ExitCode::from(2)
        }
    }
}

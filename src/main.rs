//! `accords`: extracts cooperation agreements from news articles, one JSON line per input.

use std::collections::HashSet;
use std::ffi::OsString;
use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

use accords::batch::{self, Done, Job, Source};
use accords::{Agreement, Extractor, Language, PartialDate, Span};
use clap::{Parser, ValueEnum};
use serde::{Deserialize, Serialize};

mod merge_cli;

/// Extracts international cooperation agreements from French, English and Arabic news
/// articles, and writes one JSON line per input on stdout, in input order.
#[derive(Parser)]
#[command(
    name = "accords",
    version,
    after_help = "Exit code: 0 when every input was processed, 1 when some failed, 2 for usage errors."
)]
struct Cli {
    /// Files, folders (walked recursively, sorted, links followed), or `-` for stdin
    /// (the default)
    paths: Vec<OsString>,
    /// Worker threads [default: all cores]
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=batch::MAX_JOBS as i64))]
    jobs: Option<u16>,
    /// Publication date YYYY, YYYY-MM or YYYY-MM-DD, over the texts' ` date YYYY-MM` line
    #[arg(long, value_name = "DATE")]
    published: Option<PartialDate>,
    /// A gazetteer folder whose files add to the embedded ones
    #[arg(long, value_name = "DIR")]
    gazetteers: Option<PathBuf>,
    /// The folder's files replace the embedded ones instead
    #[arg(long, requires = "gazetteers")]
    replace_gazetteers: bool,
    /// Input format: whole texts, or JSON Lines of {"id", "text", "published"?}
    #[arg(long, value_enum, default_value_t = InputFormat::Text)]
    input: InputFormat,
    /// Evidence offsets in UTF-8 bytes, or in Unicode code points (Python, JavaScript)
    #[arg(long, value_enum, default_value_t = Offsets::Bytes)]
    offsets: Offsets,
    /// File extensions read in folders, comma-separated
    #[arg(
        long,
        value_name = "EXT,...",
        default_value = "txt",
        value_delimiter = ','
    )]
    ext: Vec<String>,
    /// Inputs larger than this many bytes give an error line
    #[arg(long, value_name = "BYTES", default_value_t = 16 << 20)]
    max_bytes: u64,
    /// Indented JSON
    #[arg(long)]
    pretty: bool,
    /// Each agreement also lists its evidence with the rule behind each value
    #[arg(long)]
    explain: bool,
    /// Nothing on stderr
    #[arg(short, long, conflicts_with = "verbose")]
    quiet: bool,
    /// Every failed input's reason on stderr too
    #[arg(short, long)]
    verbose: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    Text,
    Jsonl,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Offsets {
    Bytes,
    Chars,
}

/// Writes to stderr, ignoring a closed one.
macro_rules! note {
    ($($t:tt)*) => {{ let _ = writeln!(io::stderr(), $($t)*); }};
}

fn main() -> ExitCode {
    // `accords merge FILE.jsonl...` (a file named "merge" is `./merge`).
    if std::env::args_os().nth(1).is_some_and(|a| a == "merge") {
        return merge_cli::main(std::env::args_os().collect());
    }
    let cli: Cli = match parse_args(std::env::args_os()) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let extractor = match &cli.gazetteers {
        None => Ok(Extractor::new()),
        Some(dir) => Extractor::builder()
            .gazetteers(dir)
            .and_then(|b| b.replace(cli.replace_gazetteers).build()),
    };
    let extractor = match extractor {
        Ok(x) => x,
        Err(e) => {
            note!("accords: --gazetteers: {e}");
            return ExitCode::from(2);
        }
    };
    run(&cli, &extractor)
}

/// The command line parsed, or the exit code once clap's message is printed: help and
/// version on stdout (0), usage errors on stderr (2).
fn parse_args<C: Parser>(args: impl IntoIterator<Item = OsString>) -> Result<C, ExitCode> {
    C::try_parse_from(args).map_err(|e| {
        let text = e.render().to_string();
        if e.use_stderr() {
            let _ = io::stderr().write_all(text.as_bytes());
            ExitCode::from(2)
        } else {
            let _ = io::stdout().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
    })
}

/// An agreement as written out: with `--explain`, its evidence and rules too.
#[derive(Serialize)]
struct Shown<'a> {
    #[serde(flatten)]
    agreement: &'a Agreement,
    #[serde(skip_serializing_if = "Option::is_none")]
    explain: Option<Vec<Why<'a>>>,
}

/// One value's evidence, the text it quotes and the rule that produced it.
#[derive(Serialize)]
struct Why<'a> {
    field: &'static str,
    span: Span,
    text: &'a str,
    rule: &'static str,
}

/// One output line.
#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    path: String,
    #[serde(flatten)]
    body: Body<'a>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Body<'a> {
    Found {
        language: Language,
        published: Option<PartialDate>,
        agreements: Vec<Shown<'a>>,
    },
    Failed {
        error: &'a str,
    },
}

/// The progress bar on a terminal: done/total, rate and ETA.
fn progress_bar() -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} documents, {rate} docs/s, ETA {eta}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .with_key(
            "rate",
            |s: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0}", s.per_sec());
            },
        ),
    );
    bar
}

fn run(cli: &Cli, extractor: &Extractor) -> ExitCode {
    let start = Instant::now();
    let mut opts = batch::Options {
        max_bytes: cli.max_bytes,
        published: cli.published,
        ..batch::Options::default()
    };
    if let Some(n) = cli.jobs {
        opts.jobs = n.into();
    }
    let found = Arc::new(AtomicUsize::new(0));
    let skipped = Arc::new(AtomicUsize::new(0));
    let jobs = Inputs::new(cli, found.clone(), skipped.clone());
    let bar = (!cli.quiet && io::stderr().is_terminal()).then(progress_bar);
    let stdout_tty = io::stdout().is_terminal();
    let mut out = BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    let (mut done, mut failed) = (0usize, 0usize);
    // Each JSON line is rendered on the worker that extracted it; this thread only writes.
    let rendered = |d: Done| {
        let text = render(cli, &d);
        (d.result.err(), text)
    };
    let written = batch::run_mapped(extractor, jobs, &opts, rendered, |(error, text)| {
        done += 1;
        if let Some(msg) = error {
            failed += 1;
            if cli.verbose {
                match &bar {
                    Some(bar) => bar.suspend(|| note!("accords: error: {msg}")),
                    None => note!("accords: error: {msg}"),
                }
            }
        }
        if let Some(bar) = &bar {
            bar.set_length(found.load(Ordering::Relaxed) as u64);
            bar.set_position(done as u64);
        }
        out.write_all(text.as_bytes())?;
        out.write_all(b"\n")?;
        if stdout_tty {
            out.flush()?;
        }
        Ok::<(), io::Error>(())
    })
    .and_then(|()| out.flush());
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let code = ExitCode::from(u8::from(failed > 0));
    match written {
        Ok(()) => {}
        // The reader went away (`| head`): stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return code,
        Err(e) => {
            note!("accords: cannot write the output: {e}");
            return ExitCode::from(1);
        }
    }
    if !cli.quiet {
        let secs = start.elapsed().as_secs_f64();
        let rate = if secs > 0.0 { done as f64 / secs } else { 0.0 };
        let skipped = skipped.load(Ordering::Relaxed);
        note!("accords: {done} documents, {failed} failed, {skipped} skipped, {rate:.0} docs/s");
    }
    code
}

/// The JSON line of a finished job.
fn render(cli: &Cli, d: &Done) -> String {
    let path = d
        .path
        .as_ref()
        .map_or_else(|| "-".to_string(), |p| p.display().to_string());
    let json = |body| {
        let line = Line {
            id: &d.id,
            path: path.clone(),
            body,
        };
        let s = match cli.pretty {
            true => serde_json::to_string_pretty(&line),
            false => serde_json::to_string(&line),
        };
        s.unwrap_or_else(|e| format!("{{\"error\": \"cannot serialize: {e}\"}}"))
    };
    match &d.result {
        Ok(o) => {
            let mut agreements = o.extraction.agreements.clone();
            if cli.offsets == Offsets::Chars {
                to_chars(&o.text, &mut agreements);
            }
            let shown = agreements
                .iter()
                .zip(&o.extraction.agreements)
                .map(|(shown, bytes)| Shown {
                    agreement: shown,
                    explain: cli.explain.then(|| explain(&o.text, shown, bytes)),
                })
                .collect();
            json(Body::Found {
                language: o.extraction.language,
                published: o.published,
                agreements: shown,
            })
        }
        Err(msg) => json(Body::Failed { error: msg }),
    }
}

/// The evidence of `shown` (spans in the output's unit) with the text each quotes,
/// read through the same agreement's byte spans.
fn explain<'a>(text: &'a str, shown: &Agreement, bytes: &Agreement) -> Vec<Why<'a>> {
    shown
        .explain()
        .zip(bytes.explain())
        .map(|(e, b)| Why {
            field: e.field,
            span: e.span,
            text: text.get(b.span.range()).unwrap_or(""),
            rule: e.rule,
        })
        .collect()
}

/// Rewrites byte spans as code-point spans, in one pass over the text.
fn to_chars(text: &str, agreements: &mut [Agreement]) {
    let mut at: Vec<usize> = Vec::new();
    for a in agreements.iter_mut() {
        a.map_spans(|s| {
            at.extend([s.start, s.end]);
            s
        });
    }
    at.sort_unstable();
    at.dedup();
    let mut chars = Vec::with_capacity(at.len());
    let (mut n, mut i) = (0, 0);
    for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
        while i < at.len() && at[i] <= b {
            chars.push(n);
            i += 1;
        }
        n += 1;
    }
    let char_of = |b: usize| chars[at.binary_search(&b).unwrap_or(0).min(chars.len() - 1)];
    for a in agreements {
        a.map_spans(|s| Span::new(char_of(s.start), char_of(s.end)));
    }
}

/// A line of `--input jsonl`.
#[derive(Deserialize)]
struct JsonDoc {
    id: String,
    text: String,
    #[serde(default)]
    published: Option<PartialDate>,
}

type Reader = Box<dyn BufRead + Send>;

/// The command line's inputs, walked lazily, as jobs with unique ids.
struct Inputs {
    args: std::vec::IntoIter<OsString>,
    walk: Option<(PathBuf, walkdir::IntoIter)>,
    /// A JSON Lines input being read: its name, path, reader and line number.
    lines: Option<(String, Option<PathBuf>, Reader, usize)>,
    format: InputFormat,
    ext: Vec<String>,
    max: u64,
    ids: HashSet<String>,
    found: Arc<AtomicUsize>,
    skipped: Arc<AtomicUsize>,
}

impl Inputs {
    fn new(cli: &Cli, found: Arc<AtomicUsize>, skipped: Arc<AtomicUsize>) -> Inputs {
        let mut args = cli.paths.clone();
        if args.is_empty() {
            args.push("-".into());
        }
        Inputs {
            args: args.into_iter(),
            walk: None,
            lines: None,
            format: cli.input,
            ext: cli.ext.clone(),
            max: cli.max_bytes,
            ids: HashSet::new(),
            found,
            skipped,
        }
    }

    /// A job for one file or stdin (`None`), in the chosen format.
    fn open(&mut self, id: String, path: Option<PathBuf>) -> Option<Job> {
        if self.format == InputFormat::Text {
            return Some(match path {
                Some(p) => Job::file(id, p),
                None => {
                    let text = batch::read_limited(io::stdin().lock(), self.max);
                    job(id, None, text.map_err(|e| format!("stdin: {e}")))
                }
            });
        }
        let reader: Reader = match &path {
            None => Box::new(io::BufReader::new(io::stdin())),
            Some(p) => {
                let opened = batch::check_file(p, u64::MAX).and_then(|()| {
                    std::fs::File::open(p).map_err(|e| format!("{}: {e}", p.display()))
                });
                match opened {
                    Ok(f) => Box::new(io::BufReader::new(f)),
                    Err(e) => return Some(job(id, path, Err(e))),
                }
            }
        };
        self.lines = Some((id, path, reader, 0));
        None
    }

    /// The next line of a JSON Lines input.
    fn next_line(&mut self) -> Option<Job> {
        loop {
            let (name, path, reader, n) = self.lines.as_mut()?;
            *n += 1;
            let at = format!("{name}:{n}");
            let path = path.clone();
            let line = match read_line(reader, self.max) {
                Ok(None) => {
                    self.lines = None;
                    return None;
                }
                Ok(Some(Ok(line))) if line.trim().is_empty() => continue,
                Ok(Some(Ok(line))) => line,
                Ok(Some(Err(e))) => return Some(job(at.clone(), path, Err(format!("{at}: {e}")))),
                Err(e) => {
                    self.lines = None;
                    return Some(job(
                        at.clone(),
                        path,
                        Err(format!("{at}: cannot read: {e}")),
                    ));
                }
            };
            return Some(match serde_json::from_str::<JsonDoc>(&line) {
                Ok(doc) => Job {
                    path,
                    published: doc.published,
                    ..Job::text(doc.id, doc.text)
                },
                Err(e) => job(at.clone(), path, Err(format!("{at}: bad line: {e}"))),
            });
        }
    }

    fn wanted(&self, path: &Path) -> bool {
        path.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| self.ext.iter().any(|x| x == e))
    }

    fn next_job(&mut self) -> Option<Job> {
        loop {
            if let Some(job) = self.next_line() {
                return Some(job);
            }
            if let Some((root, walk)) = &mut self.walk {
                let Some(entry) = walk.next() else {
                    self.walk = None;
                    continue;
                };
                let root = root.clone();
                let rel = |p: &Path| {
                    let r = p.strip_prefix(&root).unwrap_or(p);
                    r.to_string_lossy().replace('\\', "/")
                };
                match entry {
                    Ok(e) if e.file_type().is_dir() => {}
                    Ok(e) if self.wanted(e.path()) => {
                        let p = e.path().to_path_buf();
                        if let Some(job) = self.open(rel(&p), Some(p)) {
                            return Some(job);
                        }
                    }
                    Ok(_) => {
                        self.skipped.fetch_add(1, Ordering::Relaxed);
                    }
                    Err(e) => {
                        let p = e
                            .path()
                            .map(Path::to_path_buf)
                            .unwrap_or_else(|| root.clone());
                        let dangling =
                            e.io_error().map(|e| e.kind()) == Some(io::ErrorKind::NotFound);
                        if dangling && !self.wanted(&p) {
                            self.skipped.fetch_add(1, Ordering::Relaxed);
                            continue;
                        }
                        let msg = match e.loop_ancestor() {
                            Some(a) => format!(
                                "{}: symbolic link loop: leads back to {}",
                                p.display(),
                                a.display()
                            ),
                            None => format!("{}: {}", p.display(), e),
                        };
                        return Some(job(rel(&p), Some(p), Err(msg)));
                    }
                }
                continue;
            }
            let arg = self.args.next()?;
            if arg == "-" {
                if let Some(job) = self.open("stdin".into(), None) {
                    return Some(job);
                }
                continue;
            }
            let path = PathBuf::from(&arg);
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => {
                    let walk = walkdir::WalkDir::new(&path)
                        .follow_links(true)
                        .sort_by_file_name();
                    self.walk = Some((path, walk.into_iter()));
                }
                // An explicit file is read whatever its extension.
                Ok(_) => {
                    let id = path.to_string_lossy().into_owned();
                    if let Some(job) = self.open(id, Some(path)) {
                        return Some(job);
                    }
                }
                Err(e) => {
                    let msg = format!("{}: {e}", path.display());
                    let id = path.to_string_lossy().into_owned();
                    return Some(job(id, Some(path), Err(msg)));
                }
            }
        }
    }
}

/// A job from a text read, or an error.
fn job(id: String, path: Option<PathBuf>, text: Result<String, String>) -> Job {
    let source = match text {
        Ok(t) => Source::Text(t),
        Err(e) => Source::Failed(e),
    };
    Job {
        id,
        path,
        source,
        published: None,
    }
}

/// Reads one line of at most `max` bytes: `Some(Err)` for a longer line, skipped to
/// its end, or one not in UTF-8.
fn read_line(r: &mut dyn BufRead, max: u64) -> io::Result<Option<Result<String, String>>> {
    let mut bytes = Vec::new();
    if Read::take(&mut *r, max + 1).read_until(b'\n', &mut bytes)? == 0 {
        return Ok(None);
    }
    if bytes.len() as u64 > max && !bytes.ends_with(b"\n") {
        // Skip to the line's end a buffer at a time, holding none of it.
        loop {
            let buf = r.fill_buf()?;
            if buf.is_empty() {
                break;
            }
            match buf.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    r.consume(i + 1);
                    break;
                }
                None => {
                    let n = buf.len();
                    r.consume(n);
                }
            }
        }
        return Ok(Some(Err(format!(
            "line larger than the limit of {max} bytes"
        ))));
    }
    Ok(Some(String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!("not valid UTF-8: invalid byte at offset {at}")
    })))
}

impl Iterator for Inputs {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        let mut job = self.next_job()?;
        // Ids are unique: a repeated one gets `#2`, `#3`, …
        if !self.ids.insert(job.id.clone()) {
            let base = job.id.clone();
            let mut n = 2;
            while !self.ids.insert(format!("{base}#{n}")) {
                n += 1;
            }
            job.id = format!("{base}#{n}");
        }
        self.found.fetch_add(1, Ordering::Relaxed);
        Some(job)
    }
}

//! Batch extraction: many documents on all cores, results in input order, memory bounded.
//!
//! ```
//! use accords::batch::{self, Job, Options};
//!
//! let extractor = accords::Extractor::new();
//! let jobs = ["Le Maroc et le Sénégal ont signé un mémorandum d'entente.", "Hello."]
//!     .iter()
//!     .enumerate()
//!     .map(|(i, text)| Job::text(i.to_string(), text.to_string()));
//! let mut ids = Vec::new();
//! batch::run(&extractor, jobs, &Options::default(), |done| {
//!     let found = done.result.map(|r| r.extraction.agreements.len());
//!     ids.push((done.id, found.unwrap_or(0)));
//!     Ok::<(), std::convert::Infallible>(())
//! })?;
//! assert_eq!(ids, [("0".to_string(), 1), ("1".to_string(), 0)]);
//! # Ok::<(), std::convert::Infallible>(())
//! ```

use std::collections::BTreeMap;
use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, sync_channel};
use std::sync::Mutex;
use std::thread;

use crate::{Document, Extraction, Extractor, PartialDate};

/// The most worker threads [`run`] starts.
pub const MAX_JOBS: usize = 1024;

/// How to run a batch.
#[derive(Clone, Debug)]
pub struct Options {
    /// Worker threads, 1 to [`MAX_JOBS`] (the default: all cores). At most 16 × jobs
    /// documents (2 chunks of up to 8 per worker) are in flight at once.
    pub jobs: usize,
    /// Files larger than this many bytes give an error instead of being read.
    pub max_bytes: u64,
    /// The publication date of every document, over their ` date` lines.
    pub published: Option<PartialDate>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            jobs: thread::available_parallelism().map_or(1, |n| n.get()),
            max_bytes: 16 << 20,
            published: None,
        }
    }
}

/// Where a job's text comes from.
#[derive(Clone, Debug)]
pub enum Source {
    /// The text itself.
    Text(String),
    /// A file, read by a worker: only regular files are read (a FIFO or a device is
    /// refused, never waited on), up to [`Options::max_bytes`].
    File(PathBuf),
    /// An input that failed before extraction (a missing path, a bad line): the
    /// message is passed through as the job's error.
    Failed(String),
}

/// One document to extract from.
#[derive(Clone, Debug)]
pub struct Job {
    /// The caller's name for it, passed through.
    pub id: String,
    /// The file it comes from, if any, passed through.
    pub path: Option<PathBuf>,
    /// Where it comes from.
    pub source: Source,
    /// Its own publication date; else [`Options::published`], else its ` date` line.
    pub published: Option<PartialDate>,
}

impl Job {
    /// A job on a text in memory.
    pub fn text(id: impl Into<String>, text: String) -> Job {
        Job {
            id: id.into(),
            path: None,
            source: Source::Text(text),
            published: None,
        }
    }

    /// A job on a file.
    pub fn file(id: impl Into<String>, path: impl Into<PathBuf>) -> Job {
        let path = path.into();
        Job {
            id: id.into(),
            path: Some(path.clone()),
            source: Source::File(path),
            published: None,
        }
    }
}

/// A successful job: the text read and what was found in it.
#[derive(Clone, Debug)]
pub struct Output {
    /// The text, as read (spans point into it).
    pub text: String,
    /// The publication date used.
    pub published: Option<PartialDate>,
    /// What the extractor found.
    pub extraction: Extraction,
}

/// A finished job, handed to the sink in input order.
#[derive(Clone, Debug)]
pub struct Done {
    /// The job's id.
    pub id: String,
    /// The job's path.
    pub path: Option<PathBuf>,
    /// The extraction, or why there is none (a message naming the input).
    pub result: Result<Output, String>,
}

/// Reads a file as [`Source::File`] does: a regular file only, at most `max` bytes, UTF-8.
pub fn read_file(path: &std::path::Path, max: u64) -> Result<String, String> {
    check_file(path, max)?;
    let shown = path.display();
    let file = std::fs::File::open(path).map_err(|e| format!("{shown}: cannot read: {e}"))?;
    read_limited(file, max).map_err(|e| format!("{shown}: {e}"))
}

/// Refuses what is not a regular file (before opening it: opening a FIFO blocks), or is
/// larger than `max` bytes.
pub fn check_file(path: &std::path::Path, max: u64) -> Result<(), String> {
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| format!("{shown}: {e}"))?;
    if !meta.is_file() {
        return Err(format!(
            "{shown}: not a regular file (a FIFO, socket or device)"
        ));
    }
    if meta.len() > max {
        return Err(format!("{shown}: larger than the limit of {max} bytes"));
    }
    Ok(())
}

/// Reads a whole stream of at most `max` bytes as UTF-8.
pub fn read_limited(reader: impl Read, max: u64) -> Result<String, String> {
    let mut bytes = Vec::new();
    reader
        .take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > max {
        return Err(format!("larger than the limit of {max} bytes"));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!("not valid UTF-8: invalid byte at offset {at}")
    })
}

fn process(extractor: &Extractor, opts: &Options, job: Job) -> Done {
    let text = match job.source {
        Source::Text(t) => Ok(t),
        Source::File(p) => read_file(&p, opts.max_bytes),
        Source::Failed(msg) => Err(msg),
    };
    let result = text.and_then(|text| {
        let published = job.published.or(opts.published);
        catch_unwind(AssertUnwindSafe(|| {
            let mut doc = Document::with_dateline(&text);
            if let Some(date) = published {
                doc = doc.published(date);
            }
            (doc.publication(), extractor.extract(&doc))
        }))
        .map(|(published, extraction)| Output {
            text,
            published,
            extraction,
        })
        .map_err(|_| format!("{}: the extractor panicked", job.id))
    });
    Done {
        id: job.id,
        path: job.path,
        result,
    }
}

/// The most file jobs handed to a worker at once: one hand-off (a lock, a wake-up, a
/// result message) per chunk instead of per document. Texts already in memory (stdin,
/// JSON Lines) go one by one, so a live feed never waits for a chunk to fill.
const CHUNK: usize = 8;

/// Chunks in flight per worker: at most `CHUNKS_AHEAD × CHUNK × jobs` documents are
/// between the walk and the sink.
const CHUNKS_AHEAD: usize = 2;

/// Jobs drawn together, with their input order.
type Chunk = Vec<(usize, Job)>;

/// Results of one chunk, in order; the last one gives the chunk's credit back.
type Results<T> = Vec<(usize, T)>;

/// Draws the jobs into chunks and hands each to the workers, a credit per chunk.
fn walk(
    jobs: impl Iterator<Item = Job>,
    credit_rx: &std::sync::mpsc::Receiver<()>,
    job_tx: &std::sync::mpsc::SyncSender<Chunk>,
    stop: &AtomicBool,
) {
    let mut chunk: Chunk = Vec::with_capacity(CHUNK);
    let hand = |chunk: &mut Chunk| {
        credit_rx.recv().is_ok()
            && !stop.load(Ordering::Relaxed)
            && job_tx.send(std::mem::take(chunk)).is_ok()
    };
    for (seq, job) in jobs.enumerate() {
        let in_memory = !matches!(job.source, Source::File(_));
        chunk.push((seq, job));
        if (chunk.len() >= CHUNK || in_memory) && !hand(&mut chunk) {
            return;
        }
    }
    if !chunk.is_empty() {
        hand(&mut chunk);
    }
}

/// Extracts every job on `opts.jobs` threads and hands each result to `sink` on the
/// calling thread, in input order. The jobs are drawn lazily (on a thread of their
/// own) and handed to the workers in chunks of up to 8 files, at most 2 chunks per
/// worker ahead of the sink. A sink error stops the batch at once and is returned.
pub fn run<I, F, E>(extractor: &Extractor, jobs: I, opts: &Options, sink: F) -> Result<(), E>
where
    I: IntoIterator<Item = Job>,
    I::IntoIter: Send,
    F: FnMut(Done) -> Result<(), E>,
{
    run_mapped(extractor, jobs, opts, |d| d, sink)
}

/// [`run`], with `map` applied to each result on the worker threads before it reaches
/// `sink` (still in input order): the place for per-document work such as rendering a
/// JSON line, so that the calling thread only writes.
///
/// ```
/// use accords::batch::{self, Job, Options};
/// let ex = accords::Extractor::new();
/// let jobs = vec![Job::text("a", "Le Maroc et le Sénégal ont signé un accord.".into())];
/// let mut ids = Vec::new();
/// batch::run_mapped(&ex, jobs, &Options::default(), |d| d.id, |id| {
///     ids.push(id);
///     Ok::<(), ()>(())
/// })
/// .unwrap();
/// assert_eq!(ids, ["a"]);
/// ```
pub fn run_mapped<I, M, T, F, E>(
    extractor: &Extractor,
    jobs: I,
    opts: &Options,
    map: M,
    mut sink: F,
) -> Result<(), E>
where
    I: IntoIterator<Item = Job>,
    I::IntoIter: Send,
    M: Fn(Done) -> T + Sync,
    T: Send,
    F: FnMut(T) -> Result<(), E>,
{
    let workers = opts.jobs.clamp(1, MAX_JOBS);
    let window = CHUNKS_AHEAD * workers;
    let stop = AtomicBool::new(false);
    let (job_tx, job_rx) = sync_channel::<Chunk>(workers);
    let job_rx = Mutex::new(job_rx);
    let (res_tx, res_rx) = channel::<Results<T>>();
    // A credit per chunk in flight: the walk takes one, the sink gives it back.
    let (credit_tx, credit_rx) = sync_channel::<()>(window);
    for _ in 0..window {
        let _ = credit_tx.send(());
    }
    let jobs = jobs.into_iter();
    thread::scope(|s| {
        let stop = &stop;
        s.spawn(move || walk(jobs, &credit_rx, &job_tx, stop));
        for _ in 0..workers {
            let (res_tx, job_rx, map) = (res_tx.clone(), &job_rx, &map);
            s.spawn(move || loop {
                let chunk = job_rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                let Ok(chunk) = chunk else { return };
                // Once the sink has stopped, drain the queue without working.
                if !stop.load(Ordering::Relaxed) {
                    let done = chunk
                        .into_iter()
                        .map(|(seq, job)| (seq, map(process(extractor, opts, job))))
                        .collect();
                    let _ = res_tx.send(done);
                }
            });
        }
        drop(res_tx);
        // Chunks that arrived early, by their first sequence number.
        let mut pending: BTreeMap<usize, Results<T>> = BTreeMap::new();
        let mut next = 0;
        let result = (|| {
            for chunk in res_rx.iter() {
                let Some(&(first, _)) = chunk.first() else {
                    continue;
                };
                pending.insert(first, chunk);
                while let Some(chunk) = pending.remove(&next) {
                    next += chunk.len();
                    for (_, done) in chunk {
                        sink(done)?;
                    }
                    let _ = credit_tx.send(());
                }
            }
            Ok(())
        })();
        stop.store(true, Ordering::Relaxed);
        // Dropping the credits and results lets the walk and the workers end.
        drop(credit_tx);
        drop(res_rx);
        result
    })
}

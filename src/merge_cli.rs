//! `accords merge FILE.jsonl...`: one JSON line per instrument, from the batch tool's lines.

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;

use accords::merge::{MergedInstrument, Merger};
use accords::{
    Agreement, Country, Domain, Extractor, Instrument, PartialDate, Signatory, Span, Spanned,
    Status,
};
use clap::Parser;
use serde::Deserialize;

/// Merges the agreements that several articles report about one instrument. Reads the
/// JSON lines of `accords` (or lines of the same shape without "evidence"), writes one
/// JSON line per instrument: {"members": [{"id", "agreement", ...}], "agreement", "from",
/// "timeline"}.
#[derive(Parser)]
#[command(
    name = "accords merge",
    after_help = "Exit code: 0 when every line was read, 1 when some were bad (each named on stderr), 2 for usage errors."
)]
struct MergeCli {
    /// JSON Lines files from `accords`, or `-` for stdin (the default)
    files: Vec<OsString>,
    /// Close an instrument when its last report is more than DAYS before the newest
    /// date seen, and write it then: memory stays bounded for input in publication
    /// order [default: keep all open, for input in any order]
    #[arg(long, value_name = "DAYS")]
    window: Option<u32>,
    /// A gazetteer folder whose files add to the embedded ones (people, organisations)
    #[arg(long, value_name = "DIR")]
    gazetteers: Option<std::path::PathBuf>,
    /// Nothing on stderr
    #[arg(short, long)]
    quiet: bool,
    /// A longer input line is an error, skipped
    #[arg(long, value_name = "BYTES", default_value_t = accords::batch::Options::default().max_bytes)]
    max_bytes: u64,
}

/// An agreement line with or without evidence.
#[derive(Deserialize)]
struct Loose {
    instrument: Instrument,
    status: Status,
    #[serde(default)]
    parties: Vec<Party>,
    #[serde(default)]
    organizations: Vec<String>,
    #[serde(default)]
    signatories: Vec<Signatory>,
    date: Option<PartialDate>,
    location: Option<String>,
    event: Option<String>,
    #[serde(default)]
    domains: Vec<Domain>,
}

/// A party: a code, or an object with a "country" key.
#[derive(Deserialize)]
#[serde(untagged)]
enum Party {
    Code(Country),
    Object { country: Country },
}

fn spanned<T>(value: T) -> Spanned<T> {
    Spanned::new(value, Span::default())
}

impl From<Loose> for Agreement {
    fn from(a: Loose) -> Agreement {
        Agreement {
            instrument: spanned(a.instrument),
            status: spanned(a.status),
            parties: a
                .parties
                .into_iter()
                .map(|p| match p {
                    Party::Code(c) | Party::Object { country: c } => spanned(c),
                })
                .collect(),
            organizations: a.organizations.into_iter().map(spanned).collect(),
            signatories: a.signatories,
            date: a.date.map(spanned),
            location: a.location.map(spanned),
            event: a.event.map(spanned),
            domains: a.domains.into_iter().map(spanned).collect(),
        }
    }
}

/// One article's line: its id, publication date and agreements.
type ArticleLine = (String, Option<PartialDate>, Vec<Agreement>);

/// One input line: an article's id, publication date and agreements; `None` for the
/// batch tool's error lines (an input it could not read).
fn parse_line(line: &str) -> Result<Option<ArticleLine>, String> {
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let obj = v.as_object().ok_or("not a JSON object")?;
    let id = match obj.get("id") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(_) => return Err("\"id\" is not a string".into()),
        None => return Err("no \"id\"".into()),
    };
    let published = match obj.get("published") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(
            s.parse::<PartialDate>()
                .map_err(|e| format!("\"published\": {e}"))?,
        ),
        Some(_) => return Err("\"published\" is not a string".into()),
    };
    let Some(list) = obj.get("agreements") else {
        if obj.contains_key("error") {
            return Ok(None);
        }
        return Err("no \"agreements\"".into());
    };
    let list = list.as_array().ok_or("\"agreements\" is not a list")?;
    let mut agreements = Vec::with_capacity(list.len());
    for (i, a) in list.iter().enumerate() {
        let parsed = if a.get("evidence").is_some() {
            Agreement::deserialize(a)
        } else {
            Loose::deserialize(a).map(Agreement::from)
        };
        agreements.push(parsed.map_err(|e| format!("agreement {i}: {e}"))?);
    }
    Ok(Some((id, published, agreements)))
}

fn write(out: &mut impl Write, merged: &[MergedInstrument]) -> io::Result<()> {
    for m in merged {
        serde_json::to_writer(&mut *out, m)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Feeds one input's lines to the merger and writes what closes; `Ok(false)` when a
/// line failed (named on stderr), `Err` when stdout is closed.
fn merge_lines(
    mut reader: Box<dyn BufRead + '_>,
    name: &str,
    cli: &MergeCli,
    merger: &mut Merger,
    out: &mut impl Write,
    note: &impl Fn(String),
) -> io::Result<bool> {
    let mut ok = true;
    for n in 0.. {
        let line = match crate::read_line(&mut *reader, cli.max_bytes) {
            Ok(None) => break,
            Ok(Some(Ok(l))) => l,
            Ok(Some(Err(e))) => {
                note(format!("{name}:{}: {e}", n + 1));
                ok = false;
                continue;
            }
            Err(e) => {
                note(format!("{name}:{}: {e}", n + 1));
                ok = false;
                break;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        match parse_line(&line) {
            Ok(Some((id, published, agreements))) => {
                merger.add(&id, published, &agreements);
                write(out, &merger.take_closed())?;
            }
            Ok(None) => {}
            Err(e) => {
                note(format!("{name}:{}: {e}", n + 1));
                ok = false;
            }
        }
    }
    Ok(ok)
}

/// Runs `accords merge`; `args` starts with the program name, then "merge".
pub fn main(args: Vec<OsString>) -> ExitCode {
    let cli: MergeCli = match crate::parse_args(args.into_iter().skip(1)) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let note = |msg: String| {
        if !cli.quiet {
            let _ = writeln!(io::stderr(), "accords merge: {msg}");
        }
    };
    let extractor = match &cli.gazetteers {
        None => Extractor::new(),
        Some(dir) => match Extractor::builder().gazetteers(dir).and_then(|b| b.build()) {
            Ok(x) => x,
            Err(e) => {
                note(format!("--gazetteers: {e}"));
                return ExitCode::from(2);
            }
        },
    };
    let mut merger = Merger::new(&extractor).window(cli.window);
    let files = if cli.files.is_empty() {
        vec![OsString::from("-")]
    } else {
        cli.files.clone()
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = false;
    for file in &files {
        let name = file.to_string_lossy().into_owned();
        let reader: Box<dyn BufRead> = if name == "-" {
            Box::new(BufReader::new(io::stdin()))
        } else {
            match File::open(file) {
                Ok(f) => Box::new(BufReader::new(f)),
                Err(e) => {
                    note(format!("{name}: {e}"));
                    failed = true;
                    continue;
                }
            }
        };
        match merge_lines(reader, &name, &cli, &mut merger, &mut out, &note) {
            Ok(ok) => failed |= !ok,
            Err(_) => return ExitCode::SUCCESS, // stdout closed (`| head`)
        }
    }
    if write(&mut out, &merger.finish()).is_err() || out.flush().is_err() {
        return ExitCode::SUCCESS;
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

//! Python bindings of `accords`: the module `accords`, built with maturin.
//!
//! Every result is the JSON object of one line of the batch tool (`accords --offsets
//! chars`), without `id` and `path`, read into Python objects with `json.loads`, so that
//! both give the same values; evidence offsets are code points, i.e. Python string
//! indices.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use accords::batch::{self, Job};
use accords::{Agreement, Document, Extraction, Language, PartialDate, Span};
use pyo3::exceptions::{PyOSError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyString};
use serde::Serialize;

/// The JSON object of a result: a batch line less its `id` and `path`.
#[derive(Serialize)]
struct Line<'a> {
    language: Language,
    published: Option<PartialDate>,
    agreements: &'a [Agreement],
}

/// The JSON text of one result, with code-point offsets into `text`.
fn render(text: &str, published: Option<PartialDate>, extraction: &Extraction) -> String {
    let mut agreements = extraction.agreements.clone();
    to_chars(text, &mut agreements);
    let line = Line {
        language: extraction.language,
        published,
        agreements: &agreements,
    };
    serde_json::to_string(&line).unwrap_or_else(|e| {
        serde_json::json!({ "error": format!("cannot serialize: {e}") }).to_string()
    })
}

/// Rewrites byte spans as code-point spans, in one pass over the text (as the batch
/// tool's `--offsets chars`).
fn to_chars(text: &str, agreements: &mut [Agreement]) {
    let mut at: Vec<usize> = Vec::new();
    for a in agreements.iter_mut() {
        a.map_spans(|s| {
            at.extend([s.start, s.end]);
            s
        });
    }
    if at.is_empty() {
        return;
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

/// Extracts from one text as the batch tool does: the ` date` line, else `published`.
fn extract_one(
    extractor: &accords::Extractor,
    text: &str,
    published: Option<PartialDate>,
) -> Result<String, String> {
    catch_unwind(AssertUnwindSafe(|| {
        let mut doc = Document::with_dateline(text);
        if let Some(date) = published {
            doc = doc.published(date);
        }
        render(text, doc.publication(), &extractor.extract(&doc))
    }))
    .map_err(|_| "the extractor panicked".to_string())
}

/// `json.loads`, imported once.
fn loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    LOADS.import(py, "json", "loads")?.call1((json,))
}

/// A publication date from `None`, a `str` (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) or a
/// `datetime.date` / `datetime.datetime`.
fn date_arg(value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<PartialDate>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    let text: String = if value.is_instance_of::<PyString>() {
        value.extract()?
    } else if value.hasattr("isoformat")? {
        let iso: String = value.call_method0("isoformat")?.extract()?;
        iso.split('T').next().unwrap_or_default().to_string()
    } else {
        return Err(PyTypeError::new_err(format!(
            "published: expected a str, a datetime.date or None, not {}",
            value.get_type().name()?
        )));
    };
    text.parse::<PartialDate>()
        .map(Some)
        .map_err(|e| PyValueError::new_err(format!("published: {e}")))
}

/// The crate's error as a Python exception: `OSError` (with its errno, so a missing
/// folder is a `FileNotFoundError`) for a folder that cannot be read, `ValueError` for a
/// bad gazetteer line.
fn error(e: accords::Error) -> PyErr {
    match &e {
        accords::Error::Io { source, .. } => match source.raw_os_error() {
            Some(errno) => PyOSError::new_err((errno, e.to_string())),
            None => PyOSError::new_err(e.to_string()),
        },
        _ => PyValueError::new_err(e.to_string()),
    }
}

/// The extractor: compiled gazetteers and rules. Build it once and share it, between
/// threads too: extraction releases the GIL.
///
/// ``Extractor()`` uses the gazetteers embedded in the package.
/// ``Extractor(gazetteers="my-gazetteers")`` adds the files of that folder (laid out as
/// the crate's ``gazetteers/``) to the embedded ones, or with ``replace=True`` makes them
/// replace the embedded files of the same names.
///
/// Raises ``OSError`` if the folder cannot be read, ``ValueError`` for a bad gazetteer
/// line (the message names the file and line).
#[pyclass(name = "Extractor", module = "accords", frozen)]
struct Extractor {
    inner: accords::Extractor,
    gazetteers: Option<PathBuf>,
}

#[pymethods]
impl Extractor {
    #[new]
    #[pyo3(signature = (gazetteers=None, *, replace=false))]
    fn new(py: Python<'_>, gazetteers: Option<PathBuf>, replace: bool) -> PyResult<Self> {
        let dir = gazetteers.clone();
        let inner = py.detach(move || match dir {
            None => Ok(accords::Extractor::new()),
            Some(dir) => accords::Extractor::builder()
                .gazetteers(&dir)
                .and_then(|b| b.replace(replace).build()),
        });
        Ok(Extractor {
            inner: inner.map_err(error)?,
            gazetteers,
        })
    }

    /// Extracts the agreements that one article reports.
    ///
    /// ``text`` may begin with the corpus date line `` date YYYY-MM[-DD]``, which sets the
    /// publication date; ``published`` (``"YYYY"``, ``"YYYY-MM"``, ``"YYYY-MM-DD"`` or a
    /// ``datetime.date``) overrides it.
    ///
    /// Returns the JSON object of one line of the batch tool (``accords --offsets chars``)
    /// without ``id`` and ``path``: ``{"language", "published", "agreements"}``. Evidence
    /// offsets are Python string indices: ``text[start:end]`` is the evidence.
    ///
    /// Raises ``ValueError`` for a bad date, ``TypeError`` for a date of another type.
    #[pyo3(signature = (text, published=None))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: String,
        published: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let published = date_arg(published)?;
        let inner = &self.inner;
        let json = py
            .detach(|| extract_one(inner, &text, published))
            .map_err(PyRuntimeError::new_err)?;
        loads(py, &json)
    }

    /// Extracts from many articles on ``jobs`` threads (all cores by default), with the
    /// GIL released. Returns one dict per text, in order, as ``extract`` does.
    ///
    /// ``published`` is ``None``, one date for every text, or a sequence of dates (or
    /// ``None``) as long as ``texts``.
    ///
    /// Raises ``ValueError`` for a bad date, a ``published`` sequence of another length or
    /// ``jobs`` outside 1..=1024.
    #[pyo3(signature = (texts, published=None, jobs=None))]
    fn extract_many<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<String>,
        published: Option<&Bound<'py, PyAny>>,
        jobs: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        extract_many(py, &self.inner, texts, published, jobs)
    }

    fn __repr__(&self) -> String {
        match &self.gazetteers {
            None => "accords.Extractor()".to_string(),
            Some(dir) => format!(
                "accords.Extractor(gazetteers={:?})",
                dir.display().to_string()
            ),
        }
    }
}

fn extract_many<'py>(
    py: Python<'py>,
    extractor: &accords::Extractor,
    texts: Vec<String>,
    published: Option<&Bound<'py, PyAny>>,
    jobs: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
    let dates = dates_arg(published, texts.len())?;
    let mut opts = batch::Options::default();
    if let Some(n) = jobs {
        if !(1..=batch::MAX_JOBS).contains(&n) {
            return Err(PyValueError::new_err(format!(
                "jobs: expected 1 to {}, not {n}",
                batch::MAX_JOBS
            )));
        }
        opts.jobs = n;
    }
    let n = texts.len();
    let lines = py.detach(move || {
        let jobs = texts
            .into_iter()
            .zip(dates)
            .enumerate()
            .map(|(i, (text, date))| Job {
                published: date,
                ..Job::text(i.to_string(), text)
            });
        let mut lines = Vec::with_capacity(n);
        let _ = batch::run(extractor, jobs, &opts, |done| {
            lines.push(match done.result {
                Ok(o) => render(&o.text, o.published, &o.extraction),
                Err(msg) => serde_json::json!({ "error": msg }).to_string(),
            });
            Ok::<(), std::convert::Infallible>(())
        });
        lines
    });
    let list = PyList::empty(py);
    for line in &lines {
        list.append(loads(py, line)?)?;
    }
    Ok(list)
}

/// One date per text: from `None`, a date, or a sequence of them.
fn dates_arg(published: Option<&Bound<'_, PyAny>>, n: usize) -> PyResult<Vec<Option<PartialDate>>> {
    let Some(value) = published.filter(|v| !v.is_none()) else {
        return Ok(vec![None; n]);
    };
    if value.is_instance_of::<PyString>() || value.hasattr("isoformat")? {
        return Ok(vec![date_arg(Some(value))?; n]);
    }
    let mut dates = Vec::with_capacity(n);
    for item in value.try_iter()? {
        dates.push(date_arg(Some(&item?))?);
    }
    if dates.len() != n {
        return Err(PyValueError::new_err(format!(
            "published: {} dates for {n} texts",
            dates.len()
        )));
    }
    Ok(dates)
}

/// Extracts the agreements that one article reports, with the shared default extractor
/// (the embedded gazetteers). Same as ``Extractor().extract(text, published)``.
#[pyfunction]
#[pyo3(signature = (text, published=None))]
fn extract<'py>(
    py: Python<'py>,
    text: String,
    published: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let published = date_arg(published)?;
    let json = py
        .detach(|| extract_one(&accords::Extractor::new(), &text, published))
        .map_err(PyRuntimeError::new_err)?;
    loads(py, &json)
}

/// Extracts from many articles in parallel with the shared default extractor. Same as
/// ``Extractor().extract_many(texts, published, jobs)``.
#[pyfunction(name = "extract_many")]
#[pyo3(signature = (texts, published=None, jobs=None))]
fn extract_many_default<'py>(
    py: Python<'py>,
    texts: Vec<String>,
    published: Option<&Bound<'py, PyAny>>,
    jobs: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
    let extractor = py.detach(accords::Extractor::new);
    extract_many(py, &extractor, texts, published, jobs)
}

/// Extracts international cooperation agreements (memoranda of understanding,
/// agreements, joint declarations, action plans) from French, English and Arabic news
/// articles: instrument, status, parties, organizations, signatories, date, location,
/// event and domains, each with the span of its evidence.
///
/// >>> import accords
/// >>> out = accords.extract("Le Maroc et le Sénégal ont signé un mémorandum d'entente.")
/// >>> out["agreements"][0]["parties"]
/// ['MA', 'SN']
#[pymodule]
#[pyo3(name = "accords")]
fn accords_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<Extractor>()?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many_default, m)?)?;
    Ok(())
}

//! # accords
//!
//! `accords` reads news articles in French, English and Arabic and pulls out the
//! international cooperation agreements they report: memoranda of understanding,
//! agreements, joint declarations, action plans. For each instrument it gives the
//! fields of the annotation standard: instrument, status, parties (ISO 3166-1 codes),
//! organizations, signatories with their side, date (resolved against the publication
//! month), location, event and domains, each with the byte [`Span`] of its evidence.
//!
//! ```
//! use accords::{Document, Extractor, Instrument, Status};
//!
//! let extractor = Extractor::new();
//! let text = "Le Sénégal et la Corée du Sud ont signé jeudi 6 juin 2024 à Dakar \
//!             un mémorandum d'entente dans le domaine de la cybersécurité.";
//! let doc = Document::new(text).published("2024-06".parse()?);
//! let out = extractor.extract(&doc);
//!
//! assert_eq!(out.language.code(), "fr");
//! let mou = &out.agreements[0];
//! assert_eq!(mou.instrument.value, Instrument::MemorandumOfUnderstanding);
//! assert_eq!(mou.status.value, Status::Signed);
//! let parties: Vec<&str> = mou.parties.iter().map(|p| p.value.code()).collect();
//! assert_eq!(parties, ["KR", "SN"]);
//! assert_eq!(mou.date.as_ref().unwrap().value.to_string(), "2024-06-06");
//! assert_eq!(&text[mou.date.as_ref().unwrap().span.range()], "jeudi 6 juin 2024");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## How it works
//!
//! A [`Document`] is routed to its language (an Arabic script check, then function
//! words and whatlang). The text is folded for matching (case, accents, apostrophes,
//! Arabic letter variants and diacritics) with a map back to the original offsets, and
//! cut into sentences. One Aho-Corasick automaton finds every gazetteer form: countries
//! and their adjectives and capitals, places, events, organisations, known people, and
//! the language cues (instrument names, signing verbs, months, titles, domain cues).
//! A shared frame builder turns instrument mentions into one frame per instrument, and
//! small files of rules per language fill the frames.
//!
//! The gazetteers are plain files under `gazetteers/` in the source tree, embedded in
//! the crate; [`ExtractorBuilder::gazetteers`] adds a user's own folder to them.
//!
//! An [`Extractor`] is `Send + Sync` and cheap to clone: build it once, share it
//! between threads. [`batch::run`] extracts many documents on all cores, in
//! input order. Every output type reads back from its JSON (`Deserialize`).

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod batch;
mod error;
mod extract;
mod gazetteer;
mod lang;
pub mod merge;
mod model;
mod text;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use error::Error;
pub use model::{
    Agreement, Country, Domain, Explained, Extraction, Instrument, Language, ParseDateError,
    PartialDate, Rule, Signatory, Span, Spanned, Status, UnknownLabel,
};

pub use merge::{MergedInstrument, Merger};

use gazetteer::Gazetteer;

/// The extractor: compiled gazetteers and rules. Build once, share freely.
///
/// ```
/// let extractor = accords::Extractor::new();
/// let other = extractor.clone(); // cheap: the compiled data is shared
/// std::thread::spawn(move || other.extract(&accords::Document::new("…"))).join().unwrap();
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    gazetteer: Arc<Gazetteer>,
}

impl Extractor {
    /// An extractor over the embedded gazetteers.
    ///
    /// The embedded data is checked by the crate's tests, so this does not fail.
    pub fn new() -> Extractor {
        static EMBEDDED: once_cell::sync::OnceCell<Arc<Gazetteer>> =
            once_cell::sync::OnceCell::new();
        let gazetteer = EMBEDDED
            .get_or_init(|| {
                Arc::new(
                    Gazetteer::embedded().unwrap_or_else(|e| panic!("embedded gazetteers: {e}")),
                )
            })
            .clone();
        Extractor { gazetteer }
    }

    /// A builder, to load gazetteers from a folder of one's own.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder {
            dir: None,
            replace: false,
        }
    }

    /// Extracts the agreements that a document reports. Never fails: a text in another
    /// language, or with no agreement, gives an empty list.
    ///
    /// The text is read in Unicode NFC, with fullwidth ASCII as ASCII, so that a
    /// decomposed text gives the same agreements; spans still point into the text as
    /// given (widened to whole characters with their marks), names are in NFC.
    pub fn extract(&self, doc: &Document<'_>) -> Extraction {
        let Some(norm) = text::Normalized::new(doc.text) else {
            return extract::extract(&self.gazetteer, doc);
        };
        let inner = Document {
            text: &norm.text,
            published: doc.published,
            body: norm.to_normalized(doc.body),
        };
        let mut out = extract::extract(&self.gazetteer, &inner);
        for a in &mut out.agreements {
            a.map_spans(|s| norm.span(s));
        }
        out
    }
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

/// Builds an [`Extractor`] from a gazetteer folder.
///
/// ```no_run
/// let extractor = accords::Extractor::builder().gazetteers("my-gazetteers")?.build()?;
/// # Ok::<(), accords::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct ExtractorBuilder {
    dir: Option<PathBuf>,
    replace: bool,
}

impl ExtractorBuilder {
    /// Reads gazetteers from this folder, laid out as the crate's `gazetteers/`
    /// (`countries.tsv`, `places.tsv`, `cues/fr.tsv`, …). Each file found there adds its
    /// entries to the embedded file of that name (or replaces it, see
    /// [`replace`](Self::replace)); a file missing from the folder leaves the embedded
    /// one. Fails if the folder cannot be read.
    ///
    /// ```
    /// # let dir = std::env::temp_dir().join(format!("accords-doc-{}", std::process::id()));
    /// # std::fs::create_dir_all(&dir)?;
    /// // One city of one's own, beside the embedded ones.
    /// std::fs::write(dir.join("places.tsv"), "Kara\tTG\tfr\tKara\n")?;
    /// let extractor = accords::Extractor::builder().gazetteers(&dir)?.build()?;
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn gazetteers(mut self, dir: impl AsRef<Path>) -> Result<ExtractorBuilder, Error> {
        let dir = dir.as_ref();
        std::fs::read_dir(dir).map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        self.dir = Some(dir.to_path_buf());
        Ok(self)
    }

    /// With `true`, each file of the folder replaces the embedded one instead of adding
    /// to it.
    pub fn replace(mut self, replace: bool) -> ExtractorBuilder {
        self.replace = replace;
        self
    }

    /// Parses and compiles the gazetteers. A bad line gives [`Error::Gazetteer`] with the
    /// file, the line and the reason.
    pub fn build(self) -> Result<Extractor, Error> {
        match self.dir {
            None => Ok(Extractor::new()),
            Some(dir) => Ok(Extractor {
                gazetteer: Arc::new(Gazetteer::from_dir(&dir, self.replace)?),
            }),
        }
    }
}

/// A text to extract from, with its publication date when known.
#[derive(Clone, Copy, Debug)]
pub struct Document<'a> {
    text: &'a str,
    published: Option<PartialDate>,
    body: usize,
}

impl<'a> Document<'a> {
    /// A document with no publication date: relative dates ("jeudi", "yesterday")
    /// then resolve to nothing.
    pub fn new(text: &'a str) -> Document<'a> {
        Document {
            text,
            published: None,
            body: 0,
        }
    }

    /// A document whose text may begin with the corpus date line, ` date YYYY-MM` or
    /// ` date YYYY-MM-DD` (leading space optional), which sets the publication date.
    /// The date line is not read as article text; spans still count from the text's start.
    ///
    /// ```
    /// let doc = accords::Document::with_dateline(" date 2024-05 Le Maroc et…");
    /// assert_eq!(doc.publication().unwrap().to_string(), "2024-05");
    /// ```
    pub fn with_dateline(text: &'a str) -> Document<'a> {
        let trimmed = text.trim_start_matches([' ', '\u{FEFF}']);
        let lead = text.len() - trimmed.len();
        if let Some(rest) = trimmed.strip_prefix("date ") {
            let token: String = rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '-')
                .collect();
            if let Ok(date) = token.parse::<PartialDate>() {
                return Document {
                    text,
                    published: Some(date),
                    body: lead + 5 + token.len(),
                };
            }
        }
        Document::new(text)
    }

    /// Sets the publication date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). A date that is not
    /// [valid](PartialDate::is_valid) is not used to resolve relative dates.
    pub fn published(mut self, date: PartialDate) -> Document<'a> {
        self.published = Some(date);
        self
    }

    /// The whole text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Where the article text starts, after the date line.
    pub(crate) fn body_offset(&self) -> usize {
        self.body
    }

    /// The publication date, when known.
    pub fn publication(&self) -> Option<PartialDate> {
        self.published
    }
}

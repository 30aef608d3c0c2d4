//! One Aho-Corasick automaton over the folded forms of every gazetteer entry and cue,
//! with the word-boundary and Arabic clitic rules that decide which matches count.

use std::collections::{BTreeMap, HashMap};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::parse::{CountryKind, CueClass, Form, Lang};
use super::CueValue;
use crate::model::Country;
use crate::text::{is_arabic, is_word_char, Folded};
use crate::Error;

/// What a form means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entry {
    Country {
        code: Country,
        kind: CountryKind,
    },
    Place(u32),
    Event(u32),
    Org(u32),
    Person(u32),
    Cue {
        lang: Lang,
        class: CueClass,
        value: CueValue,
    },
}

/// A gazetteer entry found in a text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mention {
    /// Original byte range.
    pub start: usize,
    pub end: usize,
    /// Folded byte range.
    pub fstart: usize,
    pub fend: usize,
    pub entry: Entry,
}

#[derive(Debug, Clone)]
struct Meaning {
    entry: Entry,
    exact: Option<String>,
    capital: bool,
}

/// The compiled automaton and the meanings of its patterns.
#[derive(Debug)]
pub(crate) struct Matcher {
    ac: AhoCorasick,
    meanings: Vec<Vec<Meaning>>,
    arabic: Vec<bool>,
}

/// At most this many distinct forms in all the gazetteer files together.
pub(crate) const MAX_FORMS: usize = 1_000_000;

/// At most this many forms may end a form (itself included): "forum", "tech forum",
/// "africa tech forum" are three. The number of matches at one place of a text is bounded
/// by it, so a folder of forms nested in one another cannot blow up time and memory.
pub(crate) const MAX_NESTED: usize = 64;

/// Prefixes (folded) that may stand before an Arabic name in the same word.
const CLITICS: &[&str] = &[
    "", "و", "ف", "ب", "ل", "ك", "وب", "فب", "ول", "فل", "وك", "فك",
];

impl Matcher {
    pub fn build(forms: &[Form]) -> Result<Matcher, Error> {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut meanings: Vec<Vec<Meaning>> = Vec::new();
        let mut add = |pattern: String, m: Meaning| {
            let id = *index.entry(pattern.clone()).or_insert_with(|| {
                patterns.push(pattern);
                meanings.push(Vec::new());
                meanings.len() - 1
            });
            if !meanings[id].iter().any(|x| x.entry == m.entry) {
                meanings[id].push(m);
            }
        };
        for f in forms {
            let m = Meaning {
                entry: f.entry,
                exact: f.exact.clone(),
                capital: f.capital,
            };
            // "ل" + "ال…" contracts to "لل…": "للسعودية".
            if let Some(stem) = f.folded.strip_prefix("ال") {
                if stem.chars().count() >= 2 {
                    add(format!("لل{stem}"), m.clone());
                }
            }
            add(f.folded.clone(), m);
        }
        let gazetteer_error = |reason: String| Error::Gazetteer {
            file: "(all files)".into(),
            line: 0,
            reason,
        };
        if patterns.len() > MAX_FORMS {
            return Err(gazetteer_error(format!(
                "{} forms, more than the {MAX_FORMS} allowed",
                patterns.len()
            )));
        }
        let arabic = patterns
            .iter()
            .map(|p| p.chars().next().is_some_and(is_arabic))
            .collect();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .map_err(|e| gazetteer_error(e.to_string()))?;
        if let Some(p) = patterns.iter().find(|p| {
            ac.find_overlapping_iter(p.as_str())
                .filter(|m| m.end() == p.len())
                .nth(MAX_NESTED)
                .is_some()
        }) {
            return Err(gazetteer_error(format!(
                "more than {MAX_NESTED} forms end the form {p:?}: forms nest too deep"
            )));
        }
        Ok(Matcher {
            ac,
            meanings,
            arabic,
        })
    }

    /// The mentions in a text: boundary-checked, then the longest first where they overlap,
    /// returned in text order.
    pub fn find(&self, original: &str, folded: &Folded) -> Vec<Mention> {
        let ft = folded.text.as_str();
        let mut cands: Vec<(usize, usize, usize)> = Vec::new();
        for m in self.ac.find_overlapping_iter(ft) {
            let (s, e, p) = (m.start(), m.end(), m.pattern().as_usize());
            // Right boundary.
            let next = ft[e..].chars().next();
            if next.is_some_and(is_word_char) {
                continue;
            }
            // Left boundary, with Arabic clitics.
            if s > 0 && ft[..s].chars().next_back().is_some_and(is_word_char) {
                if !self.arabic[p] {
                    continue;
                }
                let word_start = ft[..s]
                    .char_indices()
                    .rev()
                    .take_while(|&(_, c)| is_word_char(c))
                    .last()
                    .map(|(i, _)| i)
                    .unwrap_or(s);
                if !CLITICS.contains(&&ft[word_start..s]) {
                    continue;
                }
            }
            cands.push((s, e, p));
        }
        // Longest first, then leftmost.
        cands.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
        let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
        let mut out = Vec::new();
        for (s, e, p) in cands {
            let ostart = folded.start(s);
            let oend = folded.end(e);
            let text = &original[ostart..oend];
            let mut any = false;
            for m in &self.meanings[p] {
                if let Some(exact) = &m.exact {
                    if text != exact {
                        continue;
                    }
                }
                if m.capital && !text.chars().next().is_some_and(|c| c.is_uppercase()) {
                    continue;
                }
                if !any {
                    // Overlap check against what is taken (sorted by start).
                    if taken.range(..e).next_back().is_some_and(|(_, &te)| te > s) {
                        break;
                    }
                    taken.insert(s, e);
                    any = true;
                }
                out.push(Mention {
                    start: ostart,
                    end: oend,
                    fstart: s,
                    fend: e,
                    entry: m.entry,
                });
            }
        }
        out.sort_by_key(|m| (m.start, m.end));
        out
    }
}

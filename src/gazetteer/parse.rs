//! Parsing and checking the gazetteer files.

use std::collections::{HashMap, HashSet};

use super::{CueValue, Entry, Org, Person, Place};
use crate::model::{Country, Domain, Instrument};
use crate::text::fold_str;
use crate::Error;

/// A language of the extractors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Lang {
    Fr,
    En,
    Ar,
}

impl Lang {
    /// Every language, in the order of [`Lang::index`].
    pub const ALL: [Lang; 3] = [Lang::Fr, Lang::En, Lang::Ar];

    /// The language's position in [`Lang::ALL`], for tables built once per language.
    pub fn index(self) -> usize {
        self as usize
    }

    fn parse(s: &str) -> Option<Lang> {
        match s {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            "ar" => Some(Lang::Ar),
            _ => None,
        }
    }
}

/// How a country is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CountryKind {
    Name,
    Official,
    Abbr,
    Adj,
    Capital,
}

/// What kind of body an organisation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OrgKind {
    Intl,
    Gov,
    Company,
}

macro_rules! cue_classes {
    ($($var:ident => $label:literal,)*) => {
        /// The classes of language cues in `gazetteers/cues/*.tsv`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub(crate) enum CueClass { $($var,)* }

        impl CueClass {
            fn parse(s: &str) -> Option<CueClass> {
                match s { $($label => Some(CueClass::$var),)* _ => None }
            }
            const NAMES: &'static str = concat!($($label, " ",)*);
        }
    };
}

cue_classes! {
    Instrument => "instrument",
    Generic => "generic",
    Plural => "plural",
    Signed => "signed",
    Planned => "planned",
    Modal => "modal",
    Ratified => "ratified",
    Referenced => "referenced",
    Recall => "recall",
    Domain => "domain",
    Month => "month",
    Weekday => "weekday",
    RelDay => "relday",
    RelMonth => "relmonth",
    RelYear => "relyear",
    Title => "title",
    Body => "body",
    Honorific => "honorific",
    Video => "video",
    Sideline => "sideline",
    Witness => "witness",
    Head => "head",
    Pair => "pair",
    Number => "number",
    Ordinal => "ordinal",
    Negation => "negation",
    Past => "past",
    Hijri => "hijri",
    Counterpart => "counterpart",
}

/// The largest offset a relative cue (`relday`, `relmonth`, `relyear`) may give, either way.
const MAX_OFFSET: i16 = 1000;

/// One form to find in texts, with what it means.
#[derive(Debug, Clone)]
pub(crate) struct Form {
    pub folded: String,
    pub entry: Entry,
    /// The form as written, for case-sensitive abbreviations.
    pub exact: Option<String>,
    /// A Latin proper name: the text must start it with a capital.
    pub capital: bool,
}

pub(crate) struct Data {
    pub places: Vec<Place>,
    pub events: Vec<String>,
    pub orgs: Vec<Org>,
    pub people: Vec<Person>,
    pub forms: Vec<Form>,
}

struct Line<'a> {
    file: &'a str,
    number: usize,
    cols: Vec<&'a str>,
}

impl Line<'_> {
    fn err(&self, reason: impl Into<String>) -> Error {
        Error::Gazetteer {
            file: self.file.to_string(),
            line: self.number,
            reason: reason.into(),
        }
    }

    fn country(&self, s: &str, known: &HashSet<Country>) -> Result<Country, Error> {
        let c = Country::new(s)
            .ok_or_else(|| self.err(format!("{s:?} is not an ISO 3166-1 alpha-2 code")))?;
        if known.contains(&c) {
            Ok(c)
        } else {
            Err(self.err(format!("unknown ISO code {s:?} (not in countries.tsv)")))
        }
    }

    fn lang(&self, s: &str) -> Result<Lang, Error> {
        Lang::parse(s)
            .ok_or_else(|| self.err(format!("unknown language {s:?} (expected en, fr or ar)")))
    }

    fn form(&self, s: &str) -> Result<String, Error> {
        let f = fold_str(s);
        if f.is_empty() {
            Err(self.err("empty form"))
        } else {
            Ok(f)
        }
    }
}

/// The lines of every source of one file (the embedded data, then a user's additions).
fn lines<'a>(sources: &'a [(String, Vec<u8>)], columns: usize) -> Result<Vec<Line<'a>>, Error> {
    let mut out = Vec::new();
    for (file, bytes) in sources {
        out.extend(source_lines(file, bytes, columns)?);
    }
    Ok(out)
}

fn source_lines<'a>(
    file: &'a str,
    bytes: &'a [u8],
    columns: usize,
) -> Result<Vec<Line<'a>>, Error> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        Error::Gazetteer {
            file: file.to_string(),
            line,
            reason: "invalid UTF-8".to_string(),
        }
    })?;
    // A byte-order mark is no part of the first line; lines end with LF, CRLF or CR alone.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut out = Vec::new();
    for (i, raw) in split_lines(text).enumerate() {
        if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = raw.split('\t').map(str::trim).collect();
        let line = Line {
            file,
            number: i + 1,
            cols,
        };
        if line.cols.len() != columns {
            return Err(line.err(format!(
                "expected {columns} tab-separated columns, found {}",
                line.cols.len()
            )));
        }
        if line.cols.iter().any(|c| c.is_empty()) {
            return Err(line.err("empty column"));
        }
        out.push(line);
    }
    Ok(out)
}

/// The lines of a text ending with LF, CRLF or a lone CR, without their ends.
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let line = &rest[..end];
        let skip = if rest[end..].starts_with("\r\n") {
            2
        } else {
            1
        };
        rest = rest.get(end + skip..).unwrap_or("");
        Some(line)
    })
}

/// Rejects a second identical row.
struct Seen<'a>(HashMap<String, usize>, &'a str);

impl Seen<'_> {
    fn check(&mut self, line: &Line<'_>, key: String) -> Result<(), Error> {
        // Within one source: a user's file may repeat an embedded row.
        if let Some(first) = self.0.insert(format!("{}\t{key}", line.file), line.number) {
            return Err(line.err(format!("duplicate entry (first at line {first})")));
        }
        let _ = self.1;
        Ok(())
    }
}

/// A short all-capital form ("LEAP", "UNDP") is an acronym, matched case-sensitively so
/// that it is not read in ordinary words ("leap", "who").
fn acronym(raw: &str) -> Option<String> {
    let upper = raw
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase());
    (upper && raw.chars().count() <= 4).then(|| raw.to_string())
}

/// The index of a named record, added on first sight.
fn intern<T>(
    ids: &mut HashMap<String, u32>,
    list: &mut Vec<T>,
    key: &str,
    make: impl FnOnce() -> T,
) -> u32 {
    *ids.entry(key.to_string()).or_insert_with(|| {
        list.push(make());
        (list.len() - 1) as u32
    })
}

fn latin_capital(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

impl Data {
    /// Parses the files of [`FILES`](super::FILES), in that order, each from its sources.
    pub fn parse(files: &[Vec<(String, Vec<u8>)>]) -> Result<Data, Error> {
        let get = |i: usize| files[i].as_slice();
        let mut data = Data {
            places: Vec::new(),
            events: Vec::new(),
            orgs: Vec::new(),
            people: Vec::new(),
            forms: Vec::new(),
        };
        let known = data.countries(get(0), get(1))?;
        data.places(get(2), &known)?;
        data.events(get(3))?;
        data.organizations(get(4), &known)?;
        data.people(get(5), &known)?;
        for (i, lang) in [(6, Lang::Fr), (7, Lang::En), (8, Lang::Ar)] {
            data.cues(get(i), lang)?;
        }
        Ok(data)
    }

    /// Countries: the generated file defines the known codes, the extra file adds forms.
    fn countries(
        &mut self,
        base_src: &[(String, Vec<u8>)],
        extra_src: &[(String, Vec<u8>)],
    ) -> Result<HashSet<Country>, Error> {
        let base = lines(base_src, 4)?;
        if base.is_empty() {
            let name = base_src.last().map_or("countries.tsv", |s| s.0.as_str());
            return Err(Error::Gazetteer {
                file: name.to_string(),
                line: 0,
                reason: "no countries: this file defines the known country codes".to_string(),
            });
        }
        let known: HashSet<Country> = base
            .iter()
            .map(|l| {
                Country::new(l.cols[0])
                    .ok_or_else(|| l.err(format!("{:?} is not an ISO code", l.cols[0])))
            })
            .collect::<Result<_, _>>()?;
        let extra = lines(extra_src, 4)?;
        for group in [&base, &extra] {
            let mut seen = Seen(HashMap::new(), "");
            for l in group.iter() {
                let code = l.country(l.cols[0], &known)?;
                l.lang(l.cols[1])?;
                let kind = match l.cols[2] {
                    "name" => CountryKind::Name,
                    "official" => CountryKind::Official,
                    "abbr" => CountryKind::Abbr,
                    "adj" => CountryKind::Adj,
                    "capital" => CountryKind::Capital,
                    k => {
                        return Err(l.err(format!(
                            "unknown kind {k:?} (expected name, official, abbr, adj or capital)"
                        )))
                    }
                };
                seen.check(l, l.cols[..].join("\t"))?;
                let raw = l.cols[3];
                self.forms.push(Form {
                    folded: l.form(raw)?,
                    entry: Entry::Country { code, kind },
                    exact: (kind == CountryKind::Abbr).then(|| raw.to_string()),
                    capital: kind != CountryKind::Adj && latin_capital(raw),
                });
            }
        }

        Ok(known)
    }

    /// Places: `canonical  country  lang  form`.
    fn places(&mut self, src: &[(String, Vec<u8>)], known: &HashSet<Country>) -> Result<(), Error> {
        let mut seen = Seen(HashMap::new(), "");
        let mut place_ids: HashMap<String, u32> = HashMap::new();
        for l in lines(src, 4)? {
            let country = l.country(l.cols[1], known)?;
            l.lang(l.cols[2])?;
            seen.check(&l, l.cols[..].join("\t"))?;
            let id = intern(&mut place_ids, &mut self.places, l.cols[0], || Place {
                name: l.cols[0].to_string(),
                country,
            });
            self.forms.push(Form {
                folded: l.form(l.cols[3])?,
                entry: Entry::Place(id),
                exact: None,
                capital: latin_capital(l.cols[3]),
            });
        }
        Ok(())
    }

    /// Events: `canonical  lang  form`.
    fn events(&mut self, src: &[(String, Vec<u8>)]) -> Result<(), Error> {
        let mut seen = Seen(HashMap::new(), "");
        let mut event_ids: HashMap<String, u32> = HashMap::new();
        for l in lines(src, 3)? {
            l.lang(l.cols[1])?;
            seen.check(&l, l.cols[..].join("\t"))?;
            let id = intern(&mut event_ids, &mut self.events, l.cols[0], || {
                l.cols[0].to_string()
            });
            let raw = l.cols[2];
            self.forms.push(Form {
                folded: l.form(raw)?,
                entry: Entry::Event(id),
                exact: acronym(raw),
                // French writes the head of a long name in lower case ("en marge du
                // sommet de l'Union africaine"): a name of three words or more is
                // specific enough without its capital.
                capital: latin_capital(raw) && raw.split_whitespace().count() < 3,
            });
        }
        Ok(())
    }

    /// Organizations: `canonical  kind  country  lang  form`.
    fn organizations(
        &mut self,
        src: &[(String, Vec<u8>)],
        known: &HashSet<Country>,
    ) -> Result<(), Error> {
        let mut seen = Seen(HashMap::new(), "");
        let mut org_ids: HashMap<String, u32> = HashMap::new();
        for l in lines(src, 5)? {
            let kind = match l.cols[1] {
                "intl" => OrgKind::Intl,
                "gov" => OrgKind::Gov,
                "company" => OrgKind::Company,
                k => {
                    return Err(l.err(format!(
                        "unknown kind {k:?} (expected intl, gov or company)"
                    )))
                }
            };
            let country = match l.cols[2] {
                "-" => None,
                c => Some(l.country(c, known)?),
            };
            if kind == OrgKind::Gov && country.is_none() {
                return Err(l.err("a gov body needs a country code"));
            }
            l.lang(l.cols[3])?;
            seen.check(&l, l.cols[..].join("\t"))?;
            let id = intern(&mut org_ids, &mut self.orgs, l.cols[0], || Org {
                name: l.cols[0].to_string(),
                kind,
                country,
            });
            let raw = l.cols[4];
            self.forms.push(Form {
                folded: l.form(raw)?,
                entry: Entry::Org(id),
                exact: acronym(raw),
                capital: latin_capital(raw),
            });
        }
        Ok(())
    }

    /// People: `canonical  country  role  lang  form`.
    fn people(&mut self, src: &[(String, Vec<u8>)], known: &HashSet<Country>) -> Result<(), Error> {
        let mut seen = Seen(HashMap::new(), "");
        let mut person_ids: HashMap<String, u32> = HashMap::new();
        for l in lines(src, 5)? {
            let country = l.country(l.cols[1], known)?;
            l.lang(l.cols[3])?;
            seen.check(&l, l.cols[..].join("\t"))?;
            let id = intern(&mut person_ids, &mut self.people, l.cols[0], || Person {
                name: l.cols[0].to_string(),
                country,
            });
            self.forms.push(Form {
                folded: l.form(l.cols[4])?,
                entry: Entry::Person(id),
                exact: None,
                capital: latin_capital(l.cols[4]),
            });
        }
        Ok(())
    }

    /// The cues of one language: `class  value  form`.
    fn cues(&mut self, src: &[(String, Vec<u8>)], lang: Lang) -> Result<(), Error> {
        let mut seen = Seen(HashMap::new(), "");
        for l in lines(src, 3)? {
            let class = CueClass::parse(l.cols[0]).ok_or_else(|| {
                l.err(format!(
                    "unknown cue class {:?} (expected one of: {})",
                    l.cols[0],
                    CueClass::NAMES.trim()
                ))
            })?;
            let value = cue_value(&l, class)?;
            seen.check(&l, l.cols[..].join("\t"))?;
            let raw = l.cols[2];
            let upper = raw.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && raw
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| c.is_uppercase());
            self.forms.push(Form {
                folded: l.form(raw)?,
                entry: Entry::Cue { lang, class, value },
                exact: upper.then(|| raw.to_string()),
                capital: false,
            });
        }
        Ok(())
    }
}

/// The value column of a cue line, checked against its class.
fn cue_value(l: &Line<'_>, class: CueClass) -> Result<CueValue, Error> {
    let v = l.cols[1];
    let value = match class {
        CueClass::Instrument | CueClass::Generic | CueClass::Plural => CueValue::Instrument(
            v.parse::<Instrument>()
                .map_err(|_| l.err(format!("unknown instrument {v:?}")))?,
        ),
        CueClass::Domain => {
            CueValue::Domain(v.parse::<Domain>().map_err(|e| l.err(e.to_string()))?)
        }
        CueClass::Month | CueClass::Weekday | CueClass::Number | CueClass::Ordinal => {
            let n: u16 = v
                .parse()
                .map_err(|_| l.err(format!("{v:?} is not a number")))?;
            let max = match class {
                CueClass::Month => 12,
                CueClass::Weekday => 7,
                _ => 1000,
            };
            if n == 0 || n > max {
                return Err(l.err(format!("{n} is out of range 1..={max}")));
            }
            CueValue::Number(n)
        }
        CueClass::RelDay | CueClass::RelMonth | CueClass::RelYear => {
            let n: i16 = v
                .parse()
                .ok()
                .filter(|n: &i16| (-MAX_OFFSET..=MAX_OFFSET).contains(n))
                .ok_or_else(|| l.err(format!("{v:?} is not a number in ±{MAX_OFFSET}")))?;
            CueValue::Offset(n)
        }
        _ => CueValue::None,
    };
    Ok(value)
}

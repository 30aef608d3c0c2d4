//! Gazetteers: the plain data files under `gazetteers/`, their parsing and checks, and
//! the one automaton that finds every form of every entry in a folded text.
//!
//! Every file is UTF-8, tab-separated, with `#` comments and blank lines allowed.
//! `gazetteers/README.md` documents the columns of each file.

mod automaton;
mod parse;

pub(crate) use automaton::{Entry, Matcher, Mention};
pub(crate) use parse::{CountryKind, CueClass, Lang, OrgKind};

use std::collections::HashMap;
use std::path::Path;

use crate::model::{Country, Domain, Instrument};
use crate::Error;

/// The files of a gazetteer folder, with their embedded defaults.
pub(crate) const FILES: &[(&str, &str)] = &[
    (
        "countries.tsv",
        include_str!("../../gazetteers/countries.tsv"),
    ),
    (
        "countries.extra.tsv",
        include_str!("../../gazetteers/countries.extra.tsv"),
    ),
    ("places.tsv", include_str!("../../gazetteers/places.tsv")),
    ("events.tsv", include_str!("../../gazetteers/events.tsv")),
    (
        "organizations.tsv",
        include_str!("../../gazetteers/organizations.tsv"),
    ),
    ("people.tsv", include_str!("../../gazetteers/people.tsv")),
    ("cues/fr.tsv", include_str!("../../gazetteers/cues/fr.tsv")),
    ("cues/en.tsv", include_str!("../../gazetteers/cues/en.tsv")),
    ("cues/ar.tsv", include_str!("../../gazetteers/cues/ar.tsv")),
];

fn embedded(name: &str, text: &str) -> (String, Vec<u8>) {
    (name.to_string(), text.as_bytes().to_vec())
}

/// A place: canonical English name and its country.
#[derive(Debug, Clone)]
pub(crate) struct Place {
    pub name: String,
    pub country: Country,
}

/// A body that signs: ministry, agency, company, international organisation.
#[derive(Debug, Clone)]
pub(crate) struct Org {
    pub name: String,
    pub kind: OrgKind,
    pub country: Option<Country>,
}

/// A known person: canonical name, side and role.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub name: String,
    pub country: Country,
}

/// A cue's value: what the cue says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueValue {
    None,
    Instrument(Instrument),
    Domain(Domain),
    Number(u16),
    /// A signed offset from the reference date: days, months or years (`relday`,
    /// `relmonth`, `relyear`: "hier" is -1, "next year" +1).
    Offset(i16),
}

/// All gazetteer data, parsed, with the compiled matcher.
#[derive(Debug)]
pub(crate) struct Gazetteer {
    pub places: Vec<Place>,
    pub events: Vec<String>,
    /// The place in an event's name, if any.
    pub event_places: Vec<Option<u32>>,
    pub orgs: Vec<Org>,
    pub people: Vec<Person>,
    /// The place that is each country's capital (`capital` rows matched to places).
    pub capitals: HashMap<Country, u32>,
    pub matcher: Matcher,
}

impl Gazetteer {
    /// The country of a place.
    pub fn place_country(&self, i: u32) -> Option<Country> {
        self.places.get(i as usize).map(|p| p.country)
    }

    /// The place that is a country's capital, if the places file knows it.
    pub fn capital_of(&self, code: Country) -> Option<u32> {
        self.capitals.get(&code).copied()
    }

    /// The embedded gazetteers.
    pub fn embedded() -> Result<Gazetteer, Error> {
        Gazetteer::from_files(
            FILES
                .iter()
                .map(|(name, text)| vec![embedded(name, text)])
                .collect(),
        )
    }

    /// A user's folder: every file present there adds to the embedded one, or replaces
    /// it with `replace`; a missing file leaves the embedded one.
    pub fn from_dir(dir: &Path, replace: bool) -> Result<Gazetteer, Error> {
        let meta = std::fs::metadata(dir).map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        if !meta.is_dir() {
            return Err(Error::Io {
                path: dir.to_path_buf(),
                source: std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a folder"),
            });
        }
        let mut files = Vec::new();
        for (name, text) in FILES {
            let path = dir.join(name);
            let mut sources = vec![embedded(name, text)];
            match std::fs::read(&path) {
                Ok(bytes) => {
                    if replace {
                        sources.clear();
                    }
                    sources.push((path.display().to_string(), bytes));
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => return Err(Error::Io { path, source }),
            }
            files.push(sources);
        }
        Gazetteer::from_files(files)
    }

    fn from_files(files: Vec<Vec<(String, Vec<u8>)>>) -> Result<Gazetteer, Error> {
        let data = parse::Data::parse(&files)?;
        let matcher = Matcher::build(&data.forms)?;
        let event_places = event_places(&data.events, &data.places);
        let capitals = capitals(&data.forms, &data.places);
        Ok(Gazetteer {
            event_places,
            capitals,
            places: data.places,
            events: data.events,
            orgs: data.orgs,
            people: data.people,
            matcher,
        })
    }
}

/// Each country's capital as a place: a `capital` form of the country that is also a
/// form of a place of that country (one pass over the forms, one lookup each).
fn capitals(forms: &[parse::Form], places: &[Place]) -> HashMap<Country, u32> {
    let mut place_forms: HashMap<&str, Vec<u32>> = HashMap::new();
    for f in forms {
        if let Entry::Place(i) = f.entry {
            place_forms.entry(f.folded.as_str()).or_default().push(i);
        }
    }
    let mut out = HashMap::new();
    for f in forms {
        let Entry::Country {
            code,
            kind: CountryKind::Capital,
        } = f.entry
        else {
            continue;
        };
        let place = place_forms.get(f.folded.as_str()).and_then(|ids| {
            ids.iter()
                .copied()
                .find(|&i| places.get(i as usize).is_some_and(|p| p.country == code))
        });
        if let Some(i) = place {
            out.entry(code).or_insert(i);
        }
    }
    out
}

/// The words of a name, split at every character that is not a letter or digit.
fn words(name: &str) -> Vec<&str> {
    name.split(|c: char| !c.is_alphanumeric()).collect()
}

/// An event named after its city ("Expo 2020 Dubai") tells where it is held: for each
/// event, the first place (in file order) whose name is a run of the event's words. Place
/// names are looked up by their word runs, so the cost grows with events + places, not
/// their product.
fn event_places(events: &[String], places: &[Place]) -> Vec<Option<u32>> {
    let mut by_words: HashMap<Vec<&str>, u32> = HashMap::new();
    let mut longest = 0;
    for (i, p) in places.iter().enumerate() {
        let w = words(&p.name);
        longest = longest.max(w.len());
        by_words.entry(w).or_insert(i as u32);
    }
    events
        .iter()
        .map(|e| {
            let w = words(e);
            (1..=longest.min(w.len()))
                .flat_map(|n| w.windows(n))
                .filter_map(|run| by_words.get(run).copied())
                .min()
        })
        .collect()
}

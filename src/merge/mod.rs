//! Merging agreements across articles: one record per instrument, with its history.
//!
//! A memorandum signed on Monday is reported that day by three outlets in three
//! languages, approved by a cabinet months later and recalled a year after that. Each
//! article gives its own [`Agreement`]; a [`Merger`] puts those that report one
//! instrument together, as a [`MergedInstrument`]: its members (article and index of the
//! agreement in it), one merged agreement whose every field comes from the member that
//! states it most precisely, and a timeline of statuses.
//!
//! ```
//! use accords::merge::Merger;
//! use accords::{Document, Extractor, Status};
//!
//! let extractor = Extractor::new();
//! let mut merger = Merger::new(&extractor);
//! let articles = [
//!     ("fr-1", "2024-06", "Le Sénégal et la Corée du Sud ont signé jeudi 6 juin 2024 à Dakar \
//!                          un mémorandum d'entente dans le domaine de la cybersécurité."),
//!     ("en-1", "2024-06", "Senegal and South Korea signed a memorandum of understanding \
//!                          on cybersecurity in Dakar on Thursday, June 6, 2024."),
//!     ("en-2", "2024-11", "Senegal's cabinet approved the memorandum of understanding on \
//!                          cybersecurity signed with South Korea in Dakar on June 6, 2024."),
//! ];
//! for (id, published, text) in articles {
//!     let published = published.parse()?;
//!     let out = extractor.extract(&Document::new(text).published(published));
//!     merger.add(id, Some(published), &out.agreements);
//! }
//! let merged = merger.finish();
//! assert_eq!(merged.len(), 1);
//! let mou = &merged[0];
//! assert_eq!(mou.members.len(), 3);
//! assert_eq!(mou.agreement.date.as_ref().unwrap().value.to_string(), "2024-06-06");
//! let statuses: Vec<Status> = mou.timeline.iter().map(|t| t.status).collect();
//! assert_eq!(statuses, [Status::Signed, Status::Ratified]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## How it decides
//!
//! Two agreements from different articles are compared field by field, and the signals
//! add up to a score:
//!
//! - **parties**: the same set of countries, or one inside the other (an outlet naming
//!   one side only); sets that do not nest are never one instrument;
//! - **instrument**: the same kind; a generic "agreement" can be any kind (a headline's
//!   word), two specific kinds (a memorandum, a declaration) are two instruments;
//! - **dates**: signing dates agree at the precision they share (a day within a month;
//!   days a few apart for a weekday resolved differently); two reports of a signing as
//!   news are published close together, and not before the signing;
//! - **event and location**: the same, or stated differently;
//! - **signatories and organizations**: the same person or body, through the people and
//!   organisation gazetteers (across scripts) and folded long words of the name;
//! - **domains**: their overlap;
//! - **order**: two articles that each report several instruments of the same parties
//!   list them in the same order.
//!
//! An article's agreements are assigned together, one to one: two memoranda signed by
//! the same pair at one ceremony stay two, and an instrument has at most one member per
//! article.
//!
//! ## Cost and memory
//!
//! Candidates are found through an index by party, so an agreement is compared only with
//! the open instruments that share a country. An instrument stays open while its last
//! report is within the [window](Merger::window) of the newest date seen; then it is
//! closed, leaves the index, and waits in [`Merger::take_closed`]. Fed in publication
//! order, the merger holds only the open window, whatever the length of the archive.

mod signals;

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::sync::Arc;

use serde::Serialize;

use crate::gazetteer::Gazetteer;
use crate::model::{Agreement, Country, Instrument, PartialDate, Status};
use crate::Extractor;

use signals::{day_range, nested, score, Features, WEIGHTS};

/// The default window, in days: an instrument stays open this long after its last report.
pub const DEFAULT_WINDOW_DAYS: u32 = 400;

/// At most this many members of an instrument are compared with a new agreement (the
/// first ones and the latest ones), so that a much-reported instrument costs no more.
const COMPARED_MEMBERS: usize = 16;

/// One report of an instrument: an agreement of one article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Member {
    /// The article's id, as given to [`Merger::add`].
    pub id: String,
    /// The index of the agreement in the article's list.
    pub agreement: usize,
    /// The article's publication date, when known.
    pub published: Option<PartialDate>,
    /// The status that this article reports.
    pub status: Status,
}

/// Which member each field of the merged agreement comes from (an index into
/// [`MergedInstrument::members`]); its evidence spans point into that member's article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Sources {
    /// The most specific kind.
    pub instrument: usize,
    /// The latest stage: ratified, then signed, referenced, planned.
    pub status: usize,
    /// The most countries.
    pub parties: usize,
    /// The most bodies.
    pub organizations: usize,
    /// The most signatories.
    pub signatories: usize,
    /// The most precise date, when any member gives one.
    pub date: Option<usize>,
    /// The location most members give.
    pub location: Option<usize>,
    /// The event most members give.
    pub event: Option<usize>,
    /// The most domains.
    pub domains: usize,
}

/// One stage of an instrument's history: a status, when it was reported or took place,
/// and the members that report it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Stage {
    /// Signed, planned, ratified or referenced.
    pub status: Status,
    /// For a signing, the signing date (or, without one, the earliest publication);
    /// for a plan, a ratification or a recall, the earliest publication of its reports.
    pub date: Option<PartialDate>,
    /// Indices into [`MergedInstrument::members`].
    pub members: Vec<usize>,
}

/// One instrument, as reported by one or more articles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MergedInstrument {
    /// The reports, in the order they were added.
    pub members: Vec<Member>,
    /// Every field from the member that states it most precisely.
    pub agreement: Agreement,
    /// Which member each field of `agreement` comes from.
    #[serde(rename = "from")]
    pub sources: Sources,
    /// The stages, in order of date (undated ones last).
    pub timeline: Vec<Stage>,
}

/// A member while its instrument is open: the agreement and what is compared of it.
#[derive(Debug)]
struct Held {
    member: Member,
    agreement: Agreement,
    features: Features,
    /// Order of addition, to output instruments in the order of their first report.
    seq: u64,
}

#[derive(Debug)]
struct Open {
    members: Vec<Held>,
    parties: Vec<Country>,
    /// The blocks it is filed under, to take it out when it closes.
    blocks: Vec<Block>,
    /// Days since 1970 of its latest dated report, or the clock when it came.
    last: Option<i32>,
}

/// A key that open instruments are filed under, so that an agreement is compared only
/// with the instruments whose parties can nest with its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Block {
    /// No party.
    Empty,
    /// Any instrument with this party: looked up by an agreement of one party.
    Any(Country),
    /// Instruments with both parties: looked up by an agreement of two or more.
    Pair(Country, Country),
    /// Instruments of this party alone: they nest with any set that holds it.
    Only(Country),
}

/// The blocks of an instrument with these (sorted) parties.
fn blocks_of(parties: &[Country]) -> Vec<Block> {
    if parties.is_empty() {
        return vec![Block::Empty];
    }
    let mut blocks: Vec<Block> = parties.iter().map(|p| Block::Any(*p)).collect();
    if let [p] = parties {
        blocks.push(Block::Only(*p));
    }
    for (i, p) in parties.iter().enumerate() {
        blocks.extend(parties[i + 1..].iter().map(|q| Block::Pair(*p, *q)));
    }
    blocks
}

/// The blocks an agreement with these (sorted) parties looks up.
fn lookups_of(parties: &[Country]) -> Vec<Block> {
    match parties {
        [] => vec![Block::Empty],
        [p] => vec![Block::Any(*p)],
        _ => {
            let mut blocks: Vec<Block> = parties.iter().map(|p| Block::Only(*p)).collect();
            for (i, p) in parties.iter().enumerate() {
                blocks.extend(parties[i + 1..].iter().map(|q| Block::Pair(*p, *q)));
            }
            blocks
        }
    }
}

/// Puts together the agreements that several articles report about one instrument.
///
/// Add one article's agreements at a time with [`add`](Merger::add); read the instruments
/// at any point with [`instruments`](Merger::instruments); take those that the window has
/// closed with [`take_closed`](Merger::take_closed); [`finish`](Merger::finish) closes
/// all. See the [module](self) documentation.
#[derive(Debug)]
pub struct Merger {
    gazetteer: Arc<Gazetteer>,
    window: Option<u32>,
    open: HashMap<u64, Open>,
    next_id: u64,
    /// Open instruments by block (see [`Block`]).
    by_block: HashMap<Block, HashSet<u64>>,
    /// Open instruments by their last day, oldest first (stale entries are skipped).
    expiry: BinaryHeap<Reverse<(i32, u64)>>,
    /// Open instruments that came before any date was seen.
    undated: Vec<u64>,
    clock: Option<i32>,
    closed: Vec<(u64, MergedInstrument)>,
    seq: u64,
}

impl Merger {
    /// A merger that reads names through this extractor's gazetteers, with the default
    /// window of [`DEFAULT_WINDOW_DAYS`].
    pub fn new(extractor: &Extractor) -> Merger {
        Merger {
            gazetteer: extractor.gazetteer.clone(),
            window: Some(DEFAULT_WINDOW_DAYS),
            open: HashMap::new(),
            next_id: 0,
            by_block: HashMap::new(),
            expiry: BinaryHeap::new(),
            undated: Vec::new(),
            clock: None,
            closed: Vec::new(),
            seq: 0,
        }
    }

    /// Sets the window: an instrument is closed when its latest report is more than
    /// `days` before the newest date seen (publication dates, or signing dates for
    /// articles without one). `None` keeps every instrument open: for an archive that is
    /// not in publication order, at the cost of memory.
    pub fn window(mut self, days: Option<u32>) -> Merger {
        self.window = days;
        self
    }

    /// Adds one article's agreements (an [`Extraction`](crate::Extraction)'s
    /// `agreements`), with the article's id and publication date. Each joins the open
    /// instrument it matches best, or opens one; then the instruments that the window
    /// leaves behind are closed.
    pub fn add(&mut self, id: &str, published: Option<PartialDate>, agreements: &[Agreement]) {
        let published = published.filter(|d| d.is_valid());
        let time = published
            .map(|d| day_range(d).0)
            .or_else(|| {
                agreements
                    .iter()
                    .filter_map(|a| a.date.as_ref().map(|d| d.value))
                    .filter(|d| d.is_valid())
                    .map(|d| day_range(d).0)
                    .max()
            })
            .or(self.clock);
        if let Some(t) = time {
            self.tick(t);
        }
        let held = self.hold(id, published, agreements);
        let chosen = self.assign(&held);
        for (h, target) in held.into_iter().zip(chosen) {
            let id = match target {
                Some(id) => id,
                None => self.open_new(),
            };
            self.join(id, h, time);
        }
        self.expire();
    }

    /// Every instrument so far: those closed and not yet taken, then the open ones, in
    /// the order of their first report.
    pub fn instruments(&self) -> Vec<MergedInstrument> {
        let mut all: Vec<(u64, MergedInstrument)> = self.closed.clone();
        all.extend(self.open.values().map(|o| (first_seq(o), merged(o))));
        all.sort_by_key(|(seq, _)| *seq);
        all.into_iter().map(|(_, m)| m).collect()
    }

    /// The instruments that the window has closed since the last call, in the order they
    /// closed. They no longer take members.
    pub fn take_closed(&mut self) -> Vec<MergedInstrument> {
        std::mem::take(&mut self.closed)
            .into_iter()
            .map(|(_, m)| m)
            .collect()
    }

    /// Closes every instrument and returns those not yet taken, in the order of their
    /// first report.
    pub fn finish(mut self) -> Vec<MergedInstrument> {
        let ids: Vec<u64> = self.open.keys().copied().collect();
        for id in ids {
            self.close(id);
        }
        let mut all = std::mem::take(&mut self.closed);
        all.sort_by_key(|(seq, _)| *seq);
        all.into_iter().map(|(_, m)| m).collect()
    }

    /// How many instruments are open, and how many agreements they hold.
    pub fn open_len(&self) -> (usize, usize) {
        let members = self.open.values().map(|o| o.members.len()).sum();
        (self.open.len(), members)
    }

    fn tick(&mut self, t: i32) {
        if self.clock.is_none_or(|c| t > c) {
            self.clock = Some(t);
        }
        for id in std::mem::take(&mut self.undated) {
            if let Some(o) = self.open.get_mut(&id) {
                o.last = Some(t);
                self.expiry.push(Reverse((t, id)));
            }
        }
    }

    fn hold(
        &mut self,
        id: &str,
        published: Option<PartialDate>,
        agreements: &[Agreement],
    ) -> Vec<Held> {
        let keys: Vec<Vec<Country>> = agreements
            .iter()
            .map(|a| {
                let mut p: Vec<Country> = a.parties.iter().map(|p| p.value).collect();
                p.sort();
                p.dedup();
                p
            })
            .collect();
        let mut held = Vec::with_capacity(agreements.len());
        for (i, a) in agreements.iter().enumerate() {
            let rank = keys[..i].iter().filter(|k| **k == keys[i]).count();
            let siblings = keys.iter().filter(|k| **k == keys[i]).count();
            self.seq += 1;
            held.push(Held {
                member: Member {
                    id: id.to_string(),
                    agreement: i,
                    published,
                    status: a.status.value,
                },
                agreement: a.clone(),
                features: Features::new(&self.gazetteer, a, published, rank, siblings),
                seq: self.seq,
            });
        }
        held
    }

    /// The open instrument each new agreement joins, one to one, best pairs first.
    fn assign(&self, held: &[Held]) -> Vec<Option<u64>> {
        let mut pairs: Vec<(f32, usize, u64)> = Vec::new();
        for (i, h) in held.iter().enumerate() {
            for id in self.candidates(&h.features.parties) {
                let Some(open) = self.open.get(&id) else {
                    continue;
                };
                if let Some(s) = best_score(open, &h.features) {
                    if s >= WEIGHTS.threshold {
                        pairs.push((s, i, id));
                    }
                }
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut chosen: Vec<Option<u64>> = vec![None; held.len()];
        let mut taken: Vec<u64> = Vec::new();
        for (_, i, id) in pairs {
            if chosen[i].is_none() && !taken.contains(&id) {
                chosen[i] = Some(id);
                taken.push(id);
            }
        }
        chosen
    }

    fn candidates(&self, parties: &[Country]) -> Vec<u64> {
        let mut sorted = parties.to_vec();
        sorted.sort();
        sorted.dedup();
        let mut ids: Vec<u64> = lookups_of(&sorted)
            .iter()
            .filter_map(|b| self.by_block.get(b))
            .flatten()
            .copied()
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    fn open_new(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        self.open.insert(
            id,
            Open {
                members: Vec::new(),
                parties: Vec::new(),
                blocks: Vec::new(),
                last: None,
            },
        );
        id
    }

    fn join(&mut self, id: u64, h: Held, time: Option<i32>) {
        let Some(open) = self.open.get_mut(&id) else {
            return;
        };
        let new_parties: Vec<Country> = h
            .features
            .parties
            .iter()
            .filter(|p| !open.parties.contains(p))
            .copied()
            .collect();
        let was_empty = open.members.is_empty();
        let grown = was_empty || !new_parties.is_empty();
        open.parties.extend(new_parties);
        open.parties.sort();
        if grown {
            for b in blocks_of(&open.parties) {
                if !open.blocks.contains(&b) {
                    open.blocks.push(b);
                    self.by_block.entry(b).or_default().insert(id);
                }
            }
        }
        open.members.push(h);
        match time {
            Some(t) if open.last.is_none_or(|l| t > l) => {
                open.last = Some(t);
                self.expiry.push(Reverse((t, id)));
            }
            Some(_) => {}
            None if was_empty => self.undated.push(id),
            None => {}
        }
    }

    fn expire(&mut self) {
        let (Some(window), Some(clock)) = (self.window, self.clock) else {
            return;
        };
        let horizon = clock.saturating_sub(window as i32);
        while let Some(Reverse((t, id))) = self.expiry.peek().copied() {
            if t >= horizon {
                break;
            }
            self.expiry.pop();
            if self.open.get(&id).is_some_and(|o| o.last == Some(t)) {
                self.close(id);
            }
        }
    }

    fn close(&mut self, id: u64) {
        let Some(open) = self.open.remove(&id) else {
            return;
        };
        for b in &open.blocks {
            if let Some(set) = self.by_block.get_mut(b) {
                set.remove(&id);
                if set.is_empty() {
                    self.by_block.remove(b);
                }
            }
        }
        if !open.members.is_empty() {
            self.closed.push((first_seq(&open), merged(&open)));
        }
    }
}

fn first_seq(open: &Open) -> u64 {
    open.members.first().map_or(0, |h| h.seq)
}

/// The best score of a new agreement with an instrument's members (the first and the
/// latest ones), or `None` when none of them can be the same instrument.
fn best_score(open: &Open, f: &Features) -> Option<f32> {
    // The parties of all its members, not only of the closest one, must nest with the new
    // agreement's: "MA" alone would otherwise chain Morocco's instruments with everyone.
    if !nested(&open.parties, &f.parties) {
        return None;
    }
    let n = open.members.len();
    let compared = open.members.iter().enumerate().filter(|(i, _)| {
        n <= COMPARED_MEMBERS || *i < COMPARED_MEMBERS / 2 || *i >= n - COMPARED_MEMBERS / 2
    });
    let mut best: Option<(f32, f32)> = None;
    let mut worst_conflict = 0.0f32;
    for (_, m) in compared {
        if let Some((s, conflict)) = score(&m.features, f, &WEIGHTS) {
            worst_conflict = worst_conflict.min(conflict);
            if best.is_none_or(|b| s > b.0) {
                best = Some((s, conflict));
            }
        }
    }
    // The best member's score, less the conflicts with the others beyond its own.
    best.map(|(s, conflict)| s + (worst_conflict - conflict).min(0.0))
}

fn specificity(kind: Instrument) -> u8 {
    match kind {
        Instrument::Other => 0,
        Instrument::Agreement => 1,
        _ => 2,
    }
}

fn stage(status: Status) -> u8 {
    match status {
        Status::Planned => 0,
        Status::Referenced => 1,
        Status::Signed => 2,
        Status::Ratified => 3,
    }
}

fn precision(d: &PartialDate) -> u8 {
    match (d.month, d.day) {
        (None, _) => 1,
        (Some(_), None) => 2,
        (Some(_), Some(_)) => 3,
    }
}

/// The index of the member with the highest key; among equals, the one whose value most
/// members share, then the first.
fn pick<K: Ord, V: PartialEq>(
    members: &[Held],
    key: impl Fn(&Held) -> K,
    value: impl Fn(&Held) -> V,
) -> usize {
    let mut best = 0;
    let mut best_key: Option<(K, usize)> = None;
    for (i, m) in members.iter().enumerate() {
        let v = value(m);
        let votes = members.iter().filter(|o| value(o) == v).count();
        let k = (key(m), votes);
        if best_key.as_ref().is_none_or(|b| k > *b) {
            best = i;
            best_key = Some(k);
        }
    }
    best
}

/// The member that gives an optional field, by precision then votes.
fn pick_some<K: Ord, V: PartialEq>(
    members: &[Held],
    value: impl Fn(&Held) -> Option<V>,
    key: impl Fn(&V) -> K,
) -> Option<usize> {
    if members.iter().all(|m| value(m).is_none()) {
        return None;
    }
    Some(pick(
        members,
        |m| {
            value(m)
                .map(|v| key(&v))
                .map(|k| (1u8, Some(k)))
                .unwrap_or((0, None))
        },
        &value,
    ))
}

fn merged(open: &Open) -> MergedInstrument {
    let ms = &open.members;
    let sources = Sources {
        instrument: pick(
            ms,
            |m| specificity(m.agreement.instrument.value),
            |m| m.agreement.instrument.value,
        ),
        status: pick(
            ms,
            |m| stage(m.agreement.status.value),
            |m| m.agreement.status.value,
        ),
        parties: pick(
            ms,
            |m| m.features.parties.len(),
            |m| m.features.parties.clone(),
        ),
        organizations: pick(
            ms,
            |m| m.agreement.organizations.len(),
            |m| m.agreement.organizations.len(),
        ),
        signatories: pick(
            ms,
            |m| {
                let sided = m
                    .agreement
                    .signatories
                    .iter()
                    .filter(|s| s.country.is_some())
                    .count();
                (m.agreement.signatories.len(), sided)
            },
            |m| m.agreement.signatories.len(),
        ),
        date: pick_some(ms, |m| m.features.date, precision),
        location: pick_some(ms, |m| m.features.location.clone(), |_| 0u8),
        event: pick_some(ms, |m| m.features.event.clone(), |_| 0u8),
        domains: pick(
            ms,
            |m| m.features.domains.len(),
            |m| m.features.domains.clone(),
        ),
    };
    let from = |i: usize| &ms[i].agreement;
    let agreement = Agreement {
        instrument: from(sources.instrument).instrument.clone(),
        status: from(sources.status).status.clone(),
        parties: from(sources.parties).parties.clone(),
        organizations: from(sources.organizations).organizations.clone(),
        signatories: from(sources.signatories).signatories.clone(),
        date: sources.date.and_then(|i| from(i).date.clone()),
        location: sources.location.and_then(|i| from(i).location.clone()),
        event: sources.event.and_then(|i| from(i).event.clone()),
        domains: from(sources.domains).domains.clone(),
    };
    MergedInstrument {
        members: ms.iter().map(|m| m.member.clone()).collect(),
        timeline: timeline(ms, agreement.date.as_ref().map(|d| d.value)),
        agreement,
        sources,
    }
}

/// One stage per status: a signing dated by the merged date, the other stages by their
/// earliest report.
fn timeline(ms: &[Held], signed: Option<PartialDate>) -> Vec<Stage> {
    let mut stages: Vec<Stage> = Vec::new();
    for (i, m) in ms.iter().enumerate() {
        match stages.iter_mut().find(|s| s.status == m.member.status) {
            Some(s) => s.members.push(i),
            None => stages.push(Stage {
                status: m.member.status,
                date: None,
                members: vec![i],
            }),
        }
    }
    for s in &mut stages {
        let earliest = s
            .members
            .iter()
            .filter_map(|&i| ms[i].member.published)
            .min_by_key(|d| day_range(*d).0);
        s.date = match s.status {
            Status::Signed => signed.or(earliest),
            _ => earliest,
        };
    }
    let order = |s: Status| match s {
        Status::Planned => 0,
        Status::Signed => 1,
        Status::Ratified => 2,
        Status::Referenced => 3,
    };
    stages.sort_by_key(|s| {
        (
            s.date.is_none(),
            s.date.map(|d| day_range(d).0),
            order(s.status),
        )
    });
    stages
}

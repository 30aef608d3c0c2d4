//! The signals that tell whether two reported agreements are one instrument, and their
//! weights. Each signal compares one field of the two agreements; the sum is the pair's
//! score, and a pair that cannot be one instrument (parties that do not nest) has none.

use crate::gazetteer::{Entry, Gazetteer};
use crate::model::{Agreement, Country, Domain, Instrument, PartialDate, Status};
use crate::text::{fold_str, is_word_char, Folded};

/// A word of a name counts when it has at least this many letters: "Al", "bin", "de"
/// and initials say nothing about who is meant.
const NAME_WORD: usize = 4;

/// What the merge compares of one reported agreement, computed once when it is added.
#[derive(Clone, Debug)]
pub(crate) struct Features {
    pub parties: Vec<Country>,
    pub instrument: Instrument,
    pub status: Status,
    pub date: Option<PartialDate>,
    /// The article's publication date.
    pub published: Option<PartialDate>,
    /// Folded location and event names.
    pub location: Option<String>,
    pub event: Option<String>,
    pub people: Vec<Name>,
    pub orgs: Vec<Name>,
    pub domains: Vec<Domain>,
    /// Rank among the article's agreements with the same parties, and how many there are:
    /// articles that report the same ceremony list its instruments in the same order.
    pub rank: usize,
    pub siblings: usize,
}

/// A person or a body: the gazetteer's canonical name when it knows it, and the long
/// folded words of the name as written.
#[derive(Clone, Debug)]
pub(crate) struct Name {
    canonical: Option<String>,
    words: Vec<String>,
}

impl Name {
    fn new(gazetteer: &Gazetteer, written: &str, canonical: Option<&str>) -> Name {
        let canonical = canonical
            .map(fold_str)
            .or_else(|| known(gazetteer, written).map(|c| fold_str(&c)));
        Name {
            canonical,
            words: long_words(written),
        }
    }

    /// The same person or body: one canonical name, or two long words in common (one
    /// when either name has only one).
    fn same(&self, other: &Name) -> bool {
        if let (Some(a), Some(b)) = (&self.canonical, &other.canonical) {
            if a == b {
                return true;
            }
        }
        let shared = self
            .words
            .iter()
            .filter(|w| other.words.contains(w))
            .count();
        let shortest = self.words.len().min(other.words.len());
        shared >= 2 || (shared >= 1 && shortest == 1)
    }
}

/// The canonical name of the person or body that the gazetteer finds covering most of a
/// written name.
fn known(gazetteer: &Gazetteer, written: &str) -> Option<String> {
    let folded = Folded::new(written);
    let mut best: Option<(usize, String)> = None;
    for m in gazetteer.matcher.find(written, &folded) {
        let name = match m.entry {
            Entry::Person(i) => gazetteer.people.get(i as usize).map(|p| p.name.clone()),
            Entry::Org(i) => gazetteer.orgs.get(i as usize).map(|o| o.name.clone()),
            _ => None,
        };
        let covered = m.end - m.start;
        if let Some(name) = name {
            if covered * 2 > written.trim().len() && best.as_ref().is_none_or(|b| covered > b.0) {
                best = Some((covered, name));
            }
        }
    }
    best.map(|b| b.1)
}

fn long_words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = fold_str(name)
        .split(|c: char| !is_word_char(c))
        .filter(|w| w.chars().count() >= NAME_WORD)
        .map(str::to_string)
        .collect();
    words.sort();
    words.dedup();
    words
}

impl Features {
    pub fn new(
        gazetteer: &Gazetteer,
        agreement: &Agreement,
        published: Option<PartialDate>,
        rank: usize,
        siblings: usize,
    ) -> Features {
        let mut parties: Vec<Country> = agreement.parties.iter().map(|p| p.value).collect();
        parties.sort();
        parties.dedup();
        let mut domains: Vec<Domain> = agreement.domains.iter().map(|d| d.value).collect();
        domains.sort();
        domains.dedup();
        Features {
            parties,
            instrument: agreement.instrument.value,
            status: agreement.status.value,
            date: agreement
                .date
                .as_ref()
                .map(|d| d.value)
                .filter(|d| d.is_valid()),
            published: published.filter(|d| d.is_valid()),
            location: agreement.location.as_ref().map(|l| fold_str(&l.value)),
            event: agreement.event.as_ref().map(|e| fold_str(&e.value)),
            people: agreement
                .signatories
                .iter()
                .map(|s| Name::new(gazetteer, &s.name, s.canonical_name.as_deref()))
                .collect(),
            orgs: agreement
                .organizations
                .iter()
                .map(|o| Name::new(gazetteer, &o.value, None))
                .collect(),
            domains,
            rank,
            siblings,
        }
    }
}

/// The weights of the signals. A pair whose score reaches [`Weights::threshold`] may be
/// merged.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Weights {
    pub threshold: f32,
    pub same_parties: f32,
    pub one_party: f32,
    pub nested_parties: f32,
    pub no_parties: f32,
    pub same_kind: f32,
    pub other_kind: f32,
    pub same_day: f32,
    pub near_day: f32,
    pub other_day: f32,
    pub same_month: f32,
    pub same_year: f32,
    pub other_month: f32,
    pub news_apart: f32,
    pub news_together: f32,
    pub signed_before_news: f32,
    pub same_event: f32,
    pub other_event: f32,
    pub same_location: f32,
    pub other_location: f32,
    pub per_person: f32,
    pub no_person: f32,
    pub per_org: f32,
    pub no_org: f32,
    /// Bodies on both sides that the other lacks, when there is one country or none: the
    /// counterpart body is what tells one domestic instrument from another.
    pub no_counterpart: f32,
    pub domains: f32,
    pub no_domain: f32,
    pub same_rank: f32,
    pub other_rank: f32,
}

pub(crate) const WEIGHTS: Weights = Weights {
    threshold: 3.5,
    same_parties: 2.0,
    one_party: 1.0,
    nested_parties: 0.5,
    no_parties: 0.5,
    same_kind: 1.0,
    other_kind: -2.5,
    same_day: 2.5,
    near_day: 0.5,
    other_day: -2.0,
    same_month: 1.0,
    same_year: 0.3,
    other_month: -3.0,
    news_apart: -2.5,
    news_together: 0.5,
    signed_before_news: -1.5,
    same_event: 1.5,
    other_event: -2.0,
    same_location: 1.0,
    other_location: -1.5,
    per_person: 1.5,
    no_person: -0.5,
    per_org: 1.0,
    no_org: -0.3,
    no_counterpart: -2.0,
    domains: 2.0,
    no_domain: -0.5,
    same_rank: 0.7,
    other_rank: -0.3,
};

/// The days from 1970-01-01 of the first and last day a partial date covers.
pub(crate) fn day_range(d: PartialDate) -> (i32, i32) {
    let (m0, m1) = d.month.map_or((1, 12), |m| (m, m));
    let first = d.day.unwrap_or(1);
    let last = d
        .day
        .unwrap_or_else(|| crate::model::days_in_month(d.year, m1));
    (
        days_from_civil(d.year as i32, m0 as i32, first as i32),
        days_from_civil(d.year as i32, m1 as i32, last as i32),
    )
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i32, m: i32, d: i32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Whether one set of parties holds the other.
pub(crate) fn nested(a: &[Country], b: &[Country]) -> bool {
    let (small, big) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small.iter().all(|c| big.contains(c))
}

fn generic(kind: Instrument) -> bool {
    matches!(kind, Instrument::Agreement | Instrument::Other)
}

/// The score of a pair, or `None` when they cannot be one instrument; with the part of
/// it that says they are two (conflicting dates, places or kinds), which an instrument's
/// other members also weigh.
pub(crate) fn score(a: &Features, b: &Features, w: &Weights) -> Option<(f32, f32)> {
    let mut s = parties(a, b, w)?;
    let conflict = [kinds(a, b, w), dates(a, b, w), places(a, b, w)];
    s += conflict.iter().sum::<f32>();
    s += names(&a.people, &b.people, w.per_person, w.no_person);
    let counterpart = a.parties.len() <= 1;
    let no_org = if counterpart {
        w.no_counterpart
    } else {
        w.no_org
    };
    s += names(&a.orgs, &b.orgs, w.per_org, no_org);
    s += domains(a, b, w);
    if a.siblings > 1 && a.siblings == b.siblings {
        s += if a.rank == b.rank {
            w.same_rank
        } else {
            w.other_rank
        };
    }
    let conflict = conflict.iter().filter(|c| **c < 0.0).sum();
    Some((s, conflict))
}

/// Parties: the same set, or one inside the other (an outlet that names one side only);
/// two agreements with no country at all (international organisations) may be one.
fn parties(a: &Features, b: &Features, w: &Weights) -> Option<f32> {
    match (a.parties.is_empty(), b.parties.is_empty()) {
        (true, true) => Some(w.no_parties),
        (false, false) if a.parties == b.parties && a.parties.len() == 1 => Some(w.one_party),
        (false, false) if a.parties == b.parties => Some(w.same_parties),
        (false, false) if nested(&a.parties, &b.parties) => Some(w.nested_parties),
        _ => None,
    }
}

/// Instrument kinds: a generic "agreement" can be any instrument (a headline's word for
/// a memorandum); two specific kinds are two instruments.
fn kinds(a: &Features, b: &Features, w: &Weights) -> f32 {
    if a.instrument == b.instrument {
        w.same_kind
    } else if generic(a.instrument) || generic(b.instrument) {
        0.0
    } else {
        w.other_kind
    }
}

/// Dates: two signing dates agree at the precision they share; a weekday resolved one
/// way by one outlet and another way by the other leaves days a few apart. Two articles
/// that both report the signing as news are published close together, and after it.
fn dates(a: &Features, b: &Features, w: &Weights) -> f32 {
    let mut s = 0.0;
    if let (Some(x), Some(y)) = (a.date, b.date) {
        s += if x.year != y.year {
            w.other_month
        } else {
            match ((x.month, x.day), (y.month, y.day)) {
                ((Some(m), _), (Some(n), _)) if m != n => w.other_month,
                ((Some(_), Some(d)), (Some(_), Some(e))) if d == e => w.same_day,
                ((Some(_), Some(d)), (Some(_), Some(e))) if d.abs_diff(e) <= 3 => w.near_day,
                ((Some(_), Some(_)), (Some(_), Some(_))) => w.other_day,
                ((Some(_), _), (Some(_), _)) => w.same_month,
                _ => w.same_year,
            }
        };
    }
    let news = |f: &Features| f.status == Status::Signed;
    if let (true, true, Some(p), Some(q)) = (news(a), news(b), a.published, b.published) {
        let (p0, _) = day_range(p);
        let (q0, _) = day_range(q);
        s += if p0.abs_diff(q0) > 62 {
            w.news_apart
        } else if p0.abs_diff(q0) <= 10 && p.month.is_some() && q.month.is_some() {
            w.news_together
        } else {
            0.0
        };
    }
    s + signed_after(a, b, w) + signed_after(b, a, w)
}

/// A signing dated by one outlet after another outlet's article about it was published
/// (planned instruments aside) is another signing.
fn signed_after(dated: &Features, article: &Features, w: &Weights) -> f32 {
    let (Some(d), Some(p)) = (dated.date, article.published) else {
        return 0.0;
    };
    if article.status == Status::Planned || dated.status == Status::Planned {
        return 0.0;
    }
    let (d0, _) = day_range(d);
    let (_, p1) = day_range(p);
    if d0 > p1 + 3 {
        w.signed_before_news
    } else {
        0.0
    }
}

fn places(a: &Features, b: &Features, w: &Weights) -> f32 {
    let one = |x: &Option<String>, y: &Option<String>, same: f32, other: f32| match (x, y) {
        (Some(x), Some(y)) if x == y => same,
        (Some(_), Some(_)) => other,
        _ => 0.0,
    };
    one(&a.event, &b.event, w.same_event, w.other_event)
        + one(&a.location, &b.location, w.same_location, w.other_location)
}

/// People or bodies in common: each counts (two at most); names on both sides that the
/// other side lacks are a hint of two instruments.
fn names(a: &[Name], b: &[Name], each: f32, unmatched: f32) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|x| b.iter().any(|y| x.same(y))).count();
    let b_only = b.iter().filter(|y| !a.iter().any(|x| x.same(y))).count();
    let both_unmatched = shared < a.len() && b_only > 0;
    each * shared.min(2) as f32 + if both_unmatched { unmatched } else { 0.0 }
}

/// Domains: their overlap (Jaccard) when both outlets state some.
fn domains(a: &Features, b: &Features, w: &Weights) -> f32 {
    if a.domains.is_empty() || b.domains.is_empty() {
        return 0.0;
    }
    let shared = a.domains.iter().filter(|d| b.domains.contains(d)).count();
    let union = a.domains.len() + b.domains.len() - shared;
    if shared == 0 {
        w.no_domain
    } else {
        w.domains * shared as f32 / union as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_ranges_cover_the_period() {
        let d: PartialDate = "1970-01-01".parse().unwrap();
        assert_eq!(day_range(d), (0, 0));
        let m: PartialDate = "2024-02".parse().unwrap();
        let (a, b) = day_range(m);
        assert_eq!(b - a, 28);
        let y: PartialDate = "2023".parse().unwrap();
        let (a, b) = day_range(y);
        assert_eq!(b - a, 364);
    }
}

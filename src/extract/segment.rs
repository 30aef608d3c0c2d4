//! Segmentation: telling apart the instruments that one sentence or one article
//! reports, by their counterparts.
//!
//! Four named rules live here, each with examples in `tests/segmentation.rs`:
//!
//! - `new_counterpart`: an instrument signed "with" another country or body than
//!   the frame it would join is another instrument ("signed an MoU on security with
//!   Colombia and an MoU on e-government with Peru"; "Par ailleurs, une convention a
//!   été signée avec l'Agence X"; "كما تم توقيع مذكرة تفاهم مع …").
//! - `distributive_counterparts`: a plural instrument "with" a list of countries is
//!   one instrument per country ("separate MoUs with Ghana and Kenya", "des
//!   conventions avec le Sénégal et le Gabon", "مذكرات تفاهم مع كل من فلسطين
//!   والصومال").
//! - `another_instrument`: "un autre mémorandum", "another MoU", "اتفاقية أخرى" is
//!   one more instrument, not the one already named.
//! - `group_member` (applied in `frames.rs`): after a group named in the plural with
//!   no number ("exchanged memorandums of understanding"), "a memorandum … on health"
//!   in a sentence of its own is one more member, an instrument of its own.
//!
//! Distances are counted in words of the folded text, so an Arabic window covers as
//! many words as a French one.

use super::context::Ctx;
use super::frames::Frame;
use super::places::party_of;
use super::rules;
use crate::gazetteer::{CueClass, Entry, Mention};
use crate::model::{Agreement, Country, Span, Spanned};
use crate::text::is_word_char;

/// Words between an instrument and the lead of its counterpart at most: "an MoU in
/// the fields of information technology and postal services with …".
const LEAD_WINDOW: usize = 14;
/// Words between the lead and the first counterpart: "with the governments of five
/// countries, namely the Iraqi …".
const FIRST_WINDOW: usize = 10;
/// Words between two counterparts of one list: "; Mia Mottley, Prime Minister of".
const LIST_GAP: usize = 12;

/// The other side an instrument is signed with: a country, or a body the gazetteer
/// knows without a country (a company, an international organisation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Counterpart {
    Country(Country),
    Body(u32),
}

/// What follows one instrument mention "with".
#[derive(Debug, Clone)]
pub(super) struct Counterparts {
    /// In text order, each once.
    pub list: Vec<(Counterpart, Span)>,
    /// From the lead to the end of the instrument's clause (original offsets).
    pub region: Span,
}

impl Default for Counterparts {
    fn default() -> Counterparts {
        Counterparts {
            list: Vec::new(),
            region: Span::new(0, 0),
        }
    }
}

impl Counterparts {
    /// The first counterpart named: the one a singular instrument is signed with.
    pub fn first(&self) -> Option<Counterpart> {
        self.list.first().map(|c| c.0)
    }

    /// The country of rank `ordinal` (from 1) in the list, for a member of a counted
    /// group.
    pub fn ranked(&self, ordinal: u16) -> Option<Country> {
        let k = (ordinal as usize).checked_sub(1)?;
        self.countries().get(k).map(|c| c.0)
    }

    /// How many countries the list names.
    pub fn country_count(&self) -> usize {
        self.list
            .iter()
            .filter(|c| matches!(c.0, Counterpart::Country(_)))
            .count()
    }

    /// The countries of the list, in order.
    pub fn countries(&self) -> Vec<(Country, Span)> {
        self.list
            .iter()
            .filter_map(|&(c, s)| match c {
                Counterpart::Country(k) => Some((k, s)),
                Counterpart::Body(_) => None,
            })
            .collect()
    }
}

fn is_instrument(m: &Mention) -> bool {
    matches!(
        Ctx::cue(m),
        Some((
            CueClass::Instrument | CueClass::Generic | CueClass::Plural,
            _
        ))
    )
}

/// The folded offset just past the first whole word of `words` found in `t`, with the
/// number of words before it; the longest word wins at one position.
fn find_lead(t: &str, words: &[&str]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for w in words {
        let mut from = 0;
        while let Some(i) = t[from..].find(w) {
            let at = from + i;
            let end = at + w.len();
            let before = t[..at].chars().next_back();
            let after = t[end..].chars().next();
            if before.is_none_or(|c| !is_word_char(c)) && after.is_none_or(|c| !is_word_char(c)) {
                if best.is_none_or(|(b, e)| at < b || (at == b && end > e)) {
                    best = Some((at, end));
                }
                break;
            }
            from = end;
        }
    }
    best.map(|(at, end)| (end, t[..at].split_whitespace().count()))
}

fn words(t: &str) -> usize {
    t.split_whitespace().count()
}

/// Rule `new_counterpart` and `distributive_counterparts` read this: the countries and
/// bodies named after the instrument mention `idx` by a counterpart lead, before the
/// next instrument of the sentence; else those of a repeated "between" (rule
/// `between_segments`).
pub(super) fn after(ctx: &Ctx<'_>, idx: usize) -> Counterparts {
    let m = &ctx.mentions[idx];
    let sent = ctx.sent_of[idx];
    let (_, last) = ctx.sent_mentions[sent];
    let next = (idx + 1..last).find(|&k| is_instrument(&ctx.mentions[k]));
    let bound = match next {
        Some(k) => ctx.mentions[k].fstart,
        None => ctx.to_folded(ctx.sents[sent].1),
    };
    let text = &ctx.folded.text[m.fend.min(bound)..bound];
    let r = rules::rules(ctx.lang);
    let Some((lead_end, before)) = find_lead(text, r.counterpart_lead) else {
        return between_segments(ctx, idx, (next.unwrap_or(last), bound), text);
    };
    if before > LEAD_WINDOW {
        return Counterparts::default();
    }
    listed_after(ctx, idx, m.fend + lead_end, (next.unwrap_or(last), bound))
}

/// The countries and bodies listed from folded offset `lead_end`, among the mentions
/// after `idx` up to mention `end.0` (folded offset `end.1`).
fn listed_after(ctx: &Ctx<'_>, idx: usize, lead_end: usize, end: (usize, usize)) -> Counterparts {
    let mut out = Counterparts {
        list: Vec::new(),
        region: Span::new(ctx.to_orig(lead_end), ctx.to_orig_end(end.1)),
    };
    let mut at = lead_end;
    for x in &ctx.mentions[idx + 1..end.0] {
        if x.fstart < at {
            continue;
        }
        let who = match (party_of(ctx, x), x.entry) {
            (Some(c), _) => Counterpart::Country(c),
            (None, Entry::Org(i)) => Counterpart::Body(i),
            _ => continue,
        };
        let gap = &ctx.folded.text[at..x.fstart];
        let window = if out.list.is_empty() {
            FIRST_WINDOW
        } else {
            LIST_GAP
        };
        if words(gap) > window || gap.contains(['.', '!', '?']) {
            break;
        }
        if !out.list.iter().any(|c| c.0 == who) {
            out.list.push((who, Span::new(x.start, x.end)));
        }
        at = x.fend;
    }
    out
}

/// Rule `between_segments`: "MoUs between X and Y, and between Z" ("مذكرات التفاهم
/// بين الهند وأنتيغوا، وبين سيراليون", "des accords entre le Maroc et le Gabon, et
/// entre le Maroc et le Sénégal") is one instrument per segment: X, named first, is
/// the side they share, and Y and Z the counterparts. Without the repeat, nothing.
fn between_segments(ctx: &Ctx<'_>, idx: usize, end: (usize, usize), text: &str) -> Counterparts {
    let r = rules::rules(ctx.lang);
    let m = &ctx.mentions[idx];
    let Some((lead_end, before)) = find_lead(text, r.between_lead) else {
        return Counterparts::default();
    };
    if before > LEAD_WINDOW || find_lead(&text[lead_end..], r.between_again).is_none() {
        return Counterparts::default();
    }
    let mut out = listed_after(ctx, idx, m.fend + lead_end, end);
    let shared = out
        .list
        .iter()
        .position(|c| matches!(c.0, Counterpart::Country(_)));
    let Some(k) = shared.filter(|_| out.country_count() >= 3) else {
        return Counterparts::default();
    };
    let (_, span) = out.list.remove(k);
    out.region.start = span.end;
    out
}

/// Whether one of `words` (folded) stands right before instrument mention `idx`, as
/// whole words, in its sentence.
fn just_before(ctx: &Ctx<'_>, idx: usize, words: &[&str]) -> bool {
    let m = &ctx.mentions[idx];
    let (ss, _) = ctx.sents[ctx.sent_of[idx]];
    let fs = ctx.to_folded(ss);
    let from = ctx.tokens().back(m.fstart, 6).max(fs);
    let before = ctx.folded.text[from..m.fstart].trim_end();
    words.iter().any(|q| {
        before.ends_with(q)
            && before[..before.len() - q.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !is_word_char(c))
    })
}

/// Whether one of `words` (folded) stands right after instrument mention `idx`, as a
/// whole word.
fn just_after(ctx: &Ctx<'_>, idx: usize, words: &[&str]) -> bool {
    let m = &ctx.mentions[idx];
    let (_, se) = ctx.sents[ctx.sent_of[idx]];
    let to = ctx.to_folded(se).max(m.fend);
    let after = ctx.folded.text[m.fend..to].trim_start();
    words.iter().any(|w| {
        after.starts_with(w)
            && after[w.len()..]
                .chars()
                .next()
                .is_none_or(|c| !is_word_char(c))
    })
}

/// Whether a plural instrument mention has a vague quantifier right before it:
/// "several MoUs", "plusieurs conventions", "عدة اتفاقيات".
pub(super) fn vague_plural(ctx: &Ctx<'_>, idx: usize) -> bool {
    just_before(ctx, idx, rules::rules(ctx.lang).vague_quantifier)
}

/// Rule `another_instrument`: an instrument said to be one more ("un autre mémorandum
/// signé entre…", "another MoU was signed", "ووقع الجانبان اتفاقية أخرى") is not the
/// one already named, so it joins no frame.
pub(super) fn another(ctx: &Ctx<'_>, idx: usize) -> bool {
    let r = rules::rules(ctx.lang);
    just_before(ctx, idx, r.another_before) || just_after(ctx, idx, r.another_after)
}

/// Words between a list marker and the instrument it opens at most: "- the signing
/// of a memorandum".
const ITEM_LEAD: usize = 4;

/// Rule `list_item`: an instrument without definite article heading a line that opens
/// with a list marker ("- an MoU on …;", "2. une convention …", "• مذكرة تفاهم …") is
/// the item's own instrument, one more than those of the other items.
pub(super) fn list_item(ctx: &Ctx<'_>, idx: usize) -> bool {
    let r = rules::rules(ctx.lang);
    let (ss, _) = ctx.sents[ctx.sent_of[idx]];
    let m = &ctx.mentions[idx];
    let mut lo = ss.saturating_sub(8);
    while !ctx.text.is_char_boundary(lo) {
        lo -= 1;
    }
    if m.start > ss + 120 {
        return false;
    }
    let back = &ctx.text[lo..m.start];
    let line = match back.rfind('\n') {
        Some(k) => &back[k + 1..],
        None if lo == 0 || ss == 0 => &back[ss - lo..],
        None => return false,
    };
    let Some(rest) = after_marker(line.trim_start()) else {
        return false;
    };
    let head = ctx.folded_range(m.start, m.end);
    let bare = if r.indefinite.is_empty() {
        !r.definite_prefix.iter().any(|p| head.starts_with(p))
    } else {
        indefinite(ctx, idx)
    };
    bare && words(rest) <= ITEM_LEAD
}

/// The text after a list marker ("-", "•", "*", "–", "3.", "2)") and its space.
fn after_marker(line: &str) -> Option<&str> {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = if digits > 0 {
        line[digits..].strip_prefix(['.', ')'])?
    } else {
        line.strip_prefix(['-', '\u{2022}', '*', '\u{2013}'])?
    };
    rest.starts_with(char::is_whitespace).then_some(rest)
}

/// Rule `additive_instrument`: an instrument without article ("a memorandum", "une
/// convention", "مذكرة تفاهم") in a sentence led by an additive word ("Additionally,
/// …", "Par ailleurs, …", "كما تم توقيع …") is one more instrument.
pub(super) fn additive(ctx: &Ctx<'_>, idx: usize) -> bool {
    let r = rules::rules(ctx.lang);
    let (ss, _) = ctx.sents[ctx.sent_of[idx]];
    let m = &ctx.mentions[idx];
    let lead = ctx.folded.text[ctx.to_folded(ss)..m.fstart].trim_start();
    let led = r.additive_lead.iter().any(|w| {
        lead.starts_with(w)
            && lead[w.len()..]
                .chars()
                .next()
                .is_none_or(|c| !is_word_char(c))
    });
    let head = ctx.folded_range(m.start, m.end);
    let bare = if r.indefinite.is_empty() {
        !r.definite_prefix.iter().any(|p| head.starts_with(p))
    } else {
        indefinite(ctx, idx)
    };
    led && bare
}

/// Rule `group_member`: a singular instrument with an indefinite article ("a
/// memorandum", "un mémorandum").
pub(super) fn indefinite(ctx: &Ctx<'_>, idx: usize) -> bool {
    just_before(ctx, idx, rules::rules(ctx.lang).indefinite)
}

/// Rule `distributive_counterparts`: an agreement whose instrument was named in the
/// plural "with" several countries becomes one agreement per country, each with the
/// other side's parties ("The UAE signed partnerships with Guyana and Barbados" →
/// AE–GY, AE–BB). A member of a counted group ("two MoUs with Palestine and Somalia")
/// takes the country of its rank.
pub(super) fn spread(
    agreement: Agreement,
    sides: &Counterparts,
    ordinal: u16,
    home: &[Spanned<Country>],
) -> Vec<Agreement> {
    let list = sides.countries();
    if list.len() < 2 {
        return vec![agreement];
    }
    let listed = |c: Country| list.iter().any(|l| l.0 == c);
    // The other side is named outside the list's clause: "The UAE signed … with".
    let (a_start, b) = (sides.region.start, sides.region.end);
    let mut base: Vec<Spanned<Country>> = agreement
        .parties
        .iter()
        .filter(|p| {
            let in_clause = a_start <= p.span.start && p.span.start < b;
            !listed(p.value) && !in_clause
        })
        .cloned()
        .collect();
    if base.is_empty() {
        base.extend(home.iter().find(|h| !listed(h.value)).cloned());
    }
    let picked: Vec<&(Country, Span)> = match ordinal as usize {
        0 => list.iter().collect(),
        k if k <= list.len() => vec![&list[k - 1]],
        _ => return vec![agreement],
    };
    picked
        .into_iter()
        .map(|&(c, span)| {
            let mut a = agreement.clone();
            a.parties = base.clone();
            a.parties
                .push(Spanned::new(c, span).by("distributive_counterparts"));
            a.parties.sort_by_key(|p| p.value);
            a.parties.dedup_by_key(|p| p.value);
            // A signer named inside the list signs for the item it stands in: "with X,
            // Minister of Barbados; Y, Minister of Guyana".
            let k = list.iter().position(|l| l.0 == c).unwrap_or(0);
            let from = if k == 0 { a_start } else { list[k - 1].1.end };
            let to = list.get(k + 1).map_or(b, |_| span.end);
            a.signatories.retain(|s| {
                let inside = a_start <= s.span.start && s.span.start < b;
                let own = from <= s.span.start && s.span.start < to;
                s.country.is_none_or(|k| k == c || !listed(k)) && (!inside || own)
            });
            a
        })
        .collect()
}

/// Rule `new_counterpart`, after the fields: frames told apart by their counterparts
/// in one sentence keep each its own ("a memorandum on security with Colombia and a
/// memorandum on e-government with Peru": Peru is no party of the first).
pub(super) fn scope_parties(agreements: &mut [Agreement], frames: &[Frame]) {
    for (i, a) in agreements.iter_mut().enumerate() {
        let f = &frames[i];
        let Some(Counterpart::Country(mine)) = f.counterparts.first().copied() else {
            continue;
        };
        // The counterparts of the other frames read in one of this frame's sentences.
        let others: Vec<Country> = frames
            .iter()
            .enumerate()
            .filter(|&(j, o)| j != i && o.core.iter().any(|s| f.core.binary_search(s).is_ok()))
            .flat_map(|(_, o)| o.counterparts.iter())
            .filter_map(|c| match c {
                Counterpart::Country(k) if *k != mine && !f.counterparts.contains(c) => Some(*k),
                _ => None,
            })
            .collect();
        if others.is_empty() {
            continue;
        }
        a.parties.retain(|p| !others.contains(&p.value));
        a.signatories
            .retain(|s| s.country.is_none_or(|k| !others.contains(&k)));
    }
}

/// Rule `home_side`: an agreement that names only the country it was signed "with"
/// has the article's home country as its other side ("Minister Chong signed the MoU
/// with Peru": Korea, which the article is about).
pub(super) fn home_side(a: &mut Agreement, f: &Frame, home: &[Spanned<Country>]) {
    if let [only] = a.parties.as_slice() {
        let with = f.counterparts.contains(&Counterpart::Country(only.value));
        if let Some(h) = home.iter().find(|h| h.value != only.value).filter(|_| with) {
            a.parties.push(h.clone());
            a.parties.sort_by_key(|p| p.value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::find_lead;

    #[test]
    fn a_lead_is_a_whole_word() {
        assert_eq!(find_lead("signed notwithstanding", &["with"]), None);
        assert_eq!(find_lead("on ict with ghana", &["with"]), Some((11, 2)));
        // The longer lead wins at one position.
        assert_eq!(
            find_lead("مذكرات مع كل من مصر", &["مع", "مع كل من"]),
            Some(("مذكرات مع كل من".len(), 1))
        );
    }
}

//! The fields of a frame: parties, signatories, organizations, date, location, event,
//! domains.

use std::collections::BTreeMap;

use super::context::Ctx;
use super::dates::{self, DateMention, When};
use super::frames::{status_of, Frame};
use super::places::{
    capital_of_country, country_is_place, country_not_city, party_of, ranked_countries,
};
use super::rules;
use super::signatories;
use super::MAX_ORGANIZATIONS;
use crate::gazetteer::{CueClass, CueValue, Entry, Mention};
use crate::model::{Agreement, Country, Domain, Span, Spanned, Status};
use crate::text::is_word_char;

/// What the fields of every frame read from the whole document.
pub(super) struct DocFacts<'d> {
    /// The article reports one instrument.
    pub single: bool,
    /// The days and day ranges it states.
    pub ranges: &'d [DateMention],
    /// The statuses of the frames that read each sentence, as `status_bit`s.
    pub readers: &'d [u8],
}

/// One bit per status.
pub(super) fn status_bit(s: Status) -> u8 {
    match s {
        Status::Signed => 1,
        Status::Planned => 2,
        Status::Ratified => 4,
        Status::Referenced => 8,
    }
}

pub(super) fn fill(ctx: &Ctx<'_>, f: &Frame, doc: &DocFacts<'_>, article_wide: bool) -> Agreement {
    let single = doc.single;
    let (sigs, sides) = signatories::find(ctx, f);
    let parties = parties_of(ctx, f, &sigs, single, article_wide);
    let mut signatories = sigs;
    complete_sides(&mut signatories, &sides, &parties);

    let organizations = organizations(ctx, f);
    let event = event_of(ctx, f, doc.readers);
    let named: Vec<Country> = parties.keys().copied().collect();
    let date = date_of(ctx, f, doc, event.as_ref(), &named);
    let location = location_of(ctx, f, event.as_ref());
    let domains = domains_of(ctx, f, single);
    let (status, status_rule) = if recalled_by_date(ctx, f, date.as_ref()) {
        (Status::Referenced, "recalled_by_date")
    } else {
        (f.status, "status_of_clause")
    };

    Agreement {
        instrument: Spanned::new(f.instrument, f.instrument_span).by("instrument_of_frame"),
        status: Spanned::new(status, f.status_span).by(status_rule),
        parties: parties
            .into_iter()
            .map(|(c, s)| Spanned::new(c, s).by("party_of_frame"))
            .collect(),
        organizations,
        signatories,
        date,
        location,
        event,
        domains,
    }
}

/// The countries named in some sentences, each with its first mention.
fn parties_in(ctx: &Ctx<'_>, sents: &[usize], parties: &mut BTreeMap<Country, Span>) {
    for &s in sents {
        for m in ctx.in_sentence(s) {
            if let Some(c) = party_of(ctx, m) {
                parties.entry(c).or_insert(Span::new(m.start, m.end));
            }
        }
    }
}

/// Parties: core sentences, then signatories' sides, then the frame's other sentences
/// and the headline when the core names fewer than two; with nothing near the
/// instrument, the article's most-named countries.
fn parties_of(
    ctx: &Ctx<'_>,
    f: &Frame,
    sigs: &[crate::model::Signatory],
    single: bool,
    article_wide: bool,
) -> BTreeMap<Country, Span> {
    let mut parties: BTreeMap<Country, Span> = BTreeMap::new();
    parties_in(ctx, &f.core, &mut parties);
    for s in sigs {
        if let Some(c) = s.country {
            parties.entry(c).or_insert(s.span);
        }
    }
    if parties.len() < 2 {
        let others: Vec<usize> = f
            .sents
            .iter()
            .copied()
            .filter(|s| f.core.binary_search(s).is_err())
            .collect();
        let mut more = BTreeMap::new();
        parties_in(ctx, &others, &mut more);
        if single && f.core.first() != Some(&0) {
            parties_in(ctx, &[0], &mut more);
        }
        if parties.len() + more.len() <= 3 {
            for (c, s) in more {
                parties.entry(c).or_insert(s);
            }
        }
    }
    // Nothing near the instrument: the article's most-named countries.
    if parties.is_empty() && article_wide {
        for p in ranked_countries(ctx).into_iter().take(2) {
            parties.insert(p.value, p.span);
        }
    }
    parties
}

/// Signatories' sides completed from the parties when one is left: one party left and
/// one signatory of unknown side gives that side. An international body's signatory
/// signs for none, and lets a single party go to the other.
fn complete_sides(
    signatories: &mut [crate::model::Signatory],
    sides: &[signatories::Side],
    parties: &BTreeMap<Country, Span>,
) {
    let known: Vec<Country> = signatories.iter().filter_map(|s| s.country).collect();
    let left: Vec<Country> = parties
        .keys()
        .copied()
        .filter(|c| !known.contains(c))
        .collect();
    let unknown = |i: usize| sides[i] == signatories::Side::Unknown;
    let stateless = sides.contains(&signatories::Side::Stateless);
    if left.len() == 1
        && (0..signatories.len()).filter(|&i| unknown(i)).count() == 1
        && (parties.len() >= 2 || stateless)
    {
        for (i, s) in signatories.iter_mut().enumerate() {
            if unknown(i) {
                s.country = Some(left[0]);
            }
        }
    }
}

/// How many months before the report a signing must lie to be background.
const RECALL_MONTHS: i32 = 3;

/// A signing dated months before the report is recalled, not news: "Le 22 du même mois
/// [décembre], … a signé une déclaration commune" in an article of July. The report's
/// time is its publication date, else the page stamp or dateline nearest the verb.
fn recalled_by_date(ctx: &Ctx<'_>, f: &Frame, date: Option<&Spanned<crate::PartialDate>>) -> bool {
    if f.status != Status::Signed {
        return false;
    }
    let Some(d) = date else {
        return false;
    };
    let Some(now) = ctx.anchor(d.span.start) else {
        return false;
    };
    let (Some(dm), Some(nm)) = (d.value.month, now.month) else {
        return false;
    };
    let months = |y: u16, m: u8| i32::from(y) * 12 + i32::from(m);
    months(now.year, nm) - months(d.value.year, dm) >= RECALL_MONTHS
}

pub(super) fn organizations(ctx: &Ctx<'_>, f: &Frame) -> Vec<Spanned<String>> {
    let mut out: Vec<Spanned<String>> = Vec::new();
    for &s in &f.core {
        if out.len() >= MAX_ORGANIZATIONS {
            break;
        }
        for m in ctx.in_sentence(s) {
            if let Entry::Org(i) = m.entry {
                let name = ctx.g.orgs[i as usize].name.clone();
                if !out.iter().any(|o| o.value == name) {
                    out.push(
                        Spanned::new(name, Span::new(m.start, m.end)).by("organization_known"),
                    );
                }
            }
        }
        let phrases = signatories::title_phrases(ctx, s, CueClass::Body);
        for (k, &(a, b)) in phrases.iter().enumerate() {
            let next = phrases.get(k + 1).map(|p| p.0);
            let b = body_name_end(ctx, a, b, next);
            let a = body_name_start(ctx, ctx.sents[s].0, a);
            let a = a + super::rules::rules(ctx.lang)
                .org_article
                .iter()
                .find(|w| {
                    ctx.text[a..]
                        .get(..w.len())
                        .is_some_and(|p| p.eq_ignore_ascii_case(w))
                })
                .map_or(0, |w| w.len());
            let name = ctx.text[a..b].trim().to_string();
            // A body's name has a proper noun in it ("ministère de la Transition
            // numérique", "ICT Authority of Kenya"); "the ministry said" is no name.
            let latin = !name.chars().any(crate::text::is_arabic);
            let proper = name.chars().skip(1).any(char::is_uppercase)
                || name.split_whitespace().count() >= 3;
            if latin && !proper {
                continue;
            }
            if !name.is_empty() && !out.iter().any(|o| o.value == name) {
                out.push(Spanned::new(name, Span::new(a, b)).by("organization_by_title"));
            }
        }
    }
    out
}

/// Where a capitalised body's name starts (rule `body_name_start`): with the capitalised
/// words just before its body word ("the ICT Authority", "Kenya Revenue Authority"), not
/// across punctuation or an article ("The", "Le").
fn body_name_start(ctx: &Ctx<'_>, sentence_start: usize, a: usize) -> usize {
    let r = super::rules::rules(ctx.lang);
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if !capital(&ctx.text[a..]) || !ctx.text[sentence_start..a].ends_with(' ') {
        return a;
    }
    let mut start = a;
    for w in ctx.text[sentence_start..a].split(' ').rev().skip(1).take(4) {
        let clean = !w.is_empty() && w.chars().all(|c| is_word_char(c) || c == '-' || c == '&');
        if !clean || !capital(w) || r.org_tail.contains(&crate::text::fold_str(w).as_str()) {
            break;
        }
        start -= w.len() + 1;
    }
    start
}

/// Where a body's name that a title phrase starts at `a` ends (rule `body_name_end`): before
/// the next body ("the Ministry of X and the Ministry of Y" are two), before a verb ("the
/// ministry said"), without a dangling "of", "et" or "و" at its end.
fn body_name_end(ctx: &Ctx<'_>, a: usize, b: usize, next: Option<usize>) -> usize {
    let r = super::rules::rules(ctx.lang);
    let mut end = next.filter(|&n| n > a && n < b).unwrap_or(b);
    let word = |w: &str| crate::text::fold_str(w.trim_matches(|c: char| !is_word_char(c)));
    let words: Vec<(usize, &str)> = ctx.text[a..end]
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - ctx.text.as_ptr() as usize, w))
        .collect();
    if let Some(&(at, _)) = words
        .iter()
        .skip(1)
        .find(|(_, w)| r.org_verbs.contains(&word(w).as_str()))
    {
        end = at;
    }
    let mut words = words
        .into_iter()
        .filter(|&(at, _)| at < end)
        .collect::<Vec<_>>();
    while words.len() > 1 {
        let (at, w) = words[words.len() - 1];
        let w = word(w);
        if w.is_empty() || r.org_tail.contains(&w.as_str()) {
            end = at;
            words.pop();
        } else {
            break;
        }
    }
    let name = &ctx.text[a..end];
    a + name
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '،'))
        .len()
}

/// The distance from `x` to the nearest of `sorted` (not empty), by binary search.
fn nearest(sorted: &[usize], x: usize) -> usize {
    let i = sorted.partition_point(|&p| p < x);
    let after = sorted.get(i).map(|&p| p - x);
    let before = i.checked_sub(1).map(|j| x - sorted[j]);
    after.into_iter().chain(before).min().unwrap_or(usize::MAX)
}

pub(super) fn date_of(
    ctx: &Ctx<'_>,
    f: &Frame,
    doc: &DocFacts<'_>,
    event: Option<&Spanned<String>>,
    parties: &[Country],
) -> Option<Spanned<crate::PartialDate>> {
    let ranges = doc.ranges;
    if let Some(d) = date_nearest_signing(ctx, f, ranges) {
        return Some(d);
    }
    if let Some(d) = event.and_then(|e| date_of_event(ctx, e, ranges)) {
        return Some(d);
    }
    if let Some(lead) = linked_lead_day(ctx, f, doc, parties) {
        return Some(lead);
    }
    date_in_publication_month(ctx, f, ranges)
}

/// The dates of the core sentences, nearest to a signing cue (for ratified and
/// referenced frames, the signing, not the approval), then the other sentences,
/// then the sentences that report the ceremony without naming the instrument
/// ("The signing ceremony took place on Saturday in Istanbul").
fn date_nearest_signing(
    ctx: &Ctx<'_>,
    f: &Frame,
    ranges: &[DateMention],
) -> Option<Spanned<crate::PartialDate>> {
    for group in [&f.core, &f.sents, &f.signers] {
        let mut best: Option<(usize, Spanned<crate::PartialDate>)> = None;
        for &s in group.iter() {
            let signs = signing_positions(ctx, f, s);
            if signs.is_empty() {
                continue;
            }
            for &d in ctx.dates(s) {
                if let Some((value, penalty)) = candidate(ctx, f, &d, ranges) {
                    let dist = nearest(&signs, d.span.start);
                    if other_instrument(ctx, f, s, &d) {
                        continue;
                    }
                    let score = dist + penalty;
                    if best.as_ref().is_none_or(|b| score < b.0) {
                        best = Some((
                            score,
                            Spanned::new(value, d.span).by("date_nearest_signing"),
                        ));
                    }
                }
            }
        }
        if let Some((_, d)) = best {
            return Some(d);
        }
    }
    None
}

/// Where sentence `s` tells a signing, sorted: its status cues (for a ratified frame,
/// its signing or recall cues); for a recalled instrument, its own mention and
/// participle ("la mémorandum signé en 2021"), not the verb of today's signing.
fn signing_positions(ctx: &Ctx<'_>, f: &Frame, s: usize) -> Vec<usize> {
    let (ss, se) = ctx.sents[s];
    let own: Vec<usize> = [f.instrument_span.start, f.status_span.start]
        .into_iter()
        .filter(|&p| p >= ss && p < se)
        .collect();
    let mut signs: Vec<usize> = if f.status == Status::Referenced && !own.is_empty() {
        own
    } else {
        ctx.in_sentence(s)
            .iter()
            .filter(|m| match f.status {
                Status::Ratified => {
                    Ctx::is(m, CueClass::Signed) || Ctx::is(m, CueClass::Referenced)
                }
                _ => status_of(Ctx::cue(m).map(|c| c.0).unwrap_or(CueClass::Title)).is_some(),
            })
            .map(|m| m.start)
            .collect()
    };
    signs.sort_unstable();
    signs
}

/// Signed at an event: its stated range gives the month ("organisée du 12 au 14
/// novembre"), its edition the year ("GITEX Africa 2024"), wherever the article names
/// that event.
fn date_of_event(
    ctx: &Ctx<'_>,
    e: &Spanned<String>,
    ranges: &[DateMention],
) -> Option<Spanned<crate::PartialDate>> {
    let named =
        ctx.mentions.iter().enumerate().filter(
            |(_, m)| matches!(m.entry, Entry::Event(i) if ctx.g.events[i as usize] == e.value),
        );
    for (i, m) in named {
        let s = ctx.sent_of[i];
        let stated = ctx
            .dates(s)
            .iter()
            .filter(|d| d.span.start >= m.end && d.span.start - m.end <= 160)
            .find_map(|d| match d.when {
                When::Range { .. } | When::Edition(_) => {
                    let v = dates::resolve(d, ctx.anchor(d.span.start), ranges, ctx.reference())?;
                    Some(Spanned::new(v, d.span).by("date_of_event"))
                }
                _ => None,
            });
        if stated.is_some() {
            return stated;
        }
    }
    None
}

/// A signing reported with no date of its own: the one day the article states in
/// its publication month (a dateline, a quoted post's date).
fn date_in_publication_month(
    ctx: &Ctx<'_>,
    f: &Frame,
    ranges: &[DateMention],
) -> Option<Spanned<crate::PartialDate>> {
    let p = ctx.published?;
    if f.status != Status::Signed || p.day.is_some() {
        return None;
    }
    let mut found: Option<Spanned<crate::PartialDate>> = None;
    for d in ranges {
        let When::Day { year, month, .. } = d.when else {
            continue;
        };
        if Some(month) != p.month || year.is_some_and(|y| y != p.year) {
            continue;
        }
        let Some(value) = dates::resolve(d, ctx.published, &[], Some(p)) else {
            continue;
        };
        match &found {
            Some(f) if f.value != value => return None,
            Some(_) => {}
            None => found = Some(Spanned::new(value, d.span).by("date_in_publication_month")),
        }
    }
    found
}

/// Whether a date belongs to another instrument named before it in its sentence, and so
/// cannot date this frame: "ont signé une feuille de route pour la mise en œuvre de
/// l'accord-cadre conclu en mars 2022" (another kind named specifically), "the roadmap
/// builds on the agreement reached in March 2022" (a generic name of another kind,
/// right after a recall cue): March is the framework agreement's, not the roadmap's.
fn other_instrument(ctx: &Ctx<'_>, f: &Frame, s: usize, d: &DateMention) -> bool {
    let ms = ctx.in_sentence(s);
    let before = &ms[..ms.partition_point(|m| m.start < d.span.start)];
    // A bounded look-back: a sentence of many dates stays linear.
    let Some(k) = before
        .iter()
        .rev()
        .take(24)
        .position(|m| Ctx::is(m, CueClass::Instrument) || Ctx::is(m, CueClass::Generic))
    else {
        return false;
    };
    let at = before.len() - 1 - k;
    let m = &before[at];
    match Ctx::cue(m) {
        Some((CueClass::Instrument, CueValue::Instrument(i))) => i != f.instrument,
        Some((CueClass::Generic, CueValue::Instrument(i))) => {
            i != f.instrument && recall_cue_before(ctx, &before[..at], m)
        }
        _ => false,
    }
}

/// How close before a generic instrument name a recall cue must end to recall it.
const RECALL_REACH: usize = 12;

/// Whether a recall cue ("builds on", "under the", "dans le cadre de", "بموجب") ends
/// right before mention `m`.
fn recall_cue_before(ctx: &Ctx<'_>, before: &[Mention], m: &Mention) -> bool {
    before.iter().rev().take(3).any(|r| {
        // "dans le cadre de l'accord" reads as a setting cue too.
        [CueClass::Referenced, CueClass::Recall, CueClass::Sideline]
            .iter()
            .any(|&c| Ctx::is(r, c))
            && r.end <= m.start
            && {
                let gap = ctx.folded_range(r.end, m.start);
                gap.len() <= RECALL_REACH && !gap.contains([',', ';', '.'])
            }
    })
}

/// How many sentences back a frame looks for the day of the talks it was signed at.
const LEAD_LOOKBACK: usize = 40;

/// How many opening sentences make an article's lead.
const LEAD_SENTENCES: usize = 3;

/// The day the lead states for the talks during which it was signed ("India and
/// Egypt on Wednesday (January 25th) decided …", then, paragraphs later, "The two
/// countries also exchanged memorandums"): an earlier sentence naming the same
/// countries and read by no instrument, when it is the only such day stated before
/// the frame and no instrument's dated sentence lies between.
fn linked_lead_day(
    ctx: &Ctx<'_>,
    f: &Frame,
    doc: &DocFacts<'_>,
    parties: &[Country],
) -> Option<Spanned<crate::PartialDate>> {
    if f.status != Status::Signed || parties.len() < 2 {
        return None;
    }
    let first = *f.core.first()?;
    let prev = first.checked_sub(1)?;
    if doc.readers[prev] == 0 {
        if let Some(day) = lead_day(ctx, f, doc.ranges, prev, parties) {
            return Some(day);
        }
    }
    let mut found: Option<Spanned<crate::PartialDate>> = None;
    for s in (first.saturating_sub(LEAD_LOOKBACK)..first).rev() {
        if ctx.dates(s).is_empty() {
            continue;
        }
        if doc.readers[s] != 0 {
            break;
        }
        if s >= LEAD_SENTENCES {
            continue;
        }
        let Some(day) = lead_day(ctx, f, doc.ranges, s, parties) else {
            continue;
        };
        // Far from the frame, only a full stated date links ("(January 25th)").
        let stated = ctx
            .dates(s)
            .iter()
            .any(|d| matches!(d.when, When::Day { .. }));
        if !stated || day.value.day.is_none() {
            continue;
        }
        match &found {
            Some(d) if d.value != day.value => return None,
            Some(_) => {}
            None => found = Some(day),
        }
    }
    found
}

/// The day stated in sentence `s` when it names every one of `parties`.
fn lead_day(
    ctx: &Ctx<'_>,
    f: &Frame,
    ranges: &[DateMention],
    s: usize,
    parties: &[Country],
) -> Option<Spanned<crate::PartialDate>> {
    let named: Vec<Country> = ctx
        .in_sentence(s)
        .iter()
        .filter_map(|m| party_of(ctx, m))
        .collect();
    if !parties.iter().all(|c| named.contains(c)) {
        return None;
    }
    ctx.dates(s).iter().find_map(|d| {
        if !matches!(
            d.when,
            When::Day { .. } | When::Weekday(_) | When::Relative(_)
        ) {
            return None;
        }
        candidate(ctx, f, d, ranges).map(|(v, _)| Spanned::new(v, d.span).by("linked_lead_day"))
    })
}

/// What a date mention in a frame's sentence says of its signing, and how far it is
/// to be trusted against nearer ones: `None` when it cannot date this frame.
fn candidate(
    ctx: &Ctx<'_>,
    f: &Frame,
    d: &DateMention,
    ranges: &[DateMention],
) -> Option<(crate::PartialDate, usize)> {
    let relative = matches!(
        d.when,
        When::Weekday(_) | When::Relative(_) | When::RelMonth(_)
    );
    if matches!(d.when, When::Year(_) | When::RelYear(_)) && f.status != Status::Referenced {
        return None;
    }
    // "yesterday" or "on Monday" is never when a recalled instrument was signed,
    // and for a planned one it is when the plan was announced.
    if relative && f.status == Status::Planned
        || matches!(d.when, When::Weekday(_) | When::Relative(_)) && f.status == Status::Referenced
    {
        return None;
    }
    let value = dates::resolve(d, ctx.anchor(d.span.start), ranges, ctx.reference())?;
    // A page stamp or a dateline is when the report was written: it places the
    // signing in its month, no more ("دبي في 4 فبراير /وام/ وقعت …").
    if d.stamp {
        if f.status != Status::Signed {
            return None;
        }
        return Some((crate::PartialDate::month(value.year, value.month?)?, 200));
    }
    // A precise date beats a vaguer one a little nearer: "un processus entamé en
    // 2022 … la signature du mémorandum, le 15 décembre 2022".
    let penalty = match d.when {
        When::Weekday(_) | When::Relative(_) => 40,
        When::Range { .. } | When::RelMonth(_) => 100,
        When::Year(_) | When::RelYear(_) => 160,
        When::Edition(_) => 300,
        _ => 0,
    };
    Some((value, penalty))
}

pub(super) fn location_of(
    ctx: &Ctx<'_>,
    f: &Frame,
    event: Option<&Spanned<String>>,
) -> Option<Spanned<String>> {
    for (group, core) in [(&f.core, true), (&f.sents, false), (&f.signers, false)] {
        for &s in group.iter() {
            let Some(window) = clause_window(ctx, f, s, core) else {
                continue;
            };
            let found = video_in(ctx, s, window)
                .or_else(|| place_in_clause(ctx, s, window))
                .or_else(|| place_of_setting(ctx, s, window));
            if found.is_some() {
                return found;
            }
        }
    }
    event.and_then(|e| location_of_event(ctx, e)).or_else(|| {
        (f.status == Status::Signed)
            .then(|| place_of_welcome(ctx))
            .flatten()
    })
}

/// A transcript's speaker welcoming the audience to a city ("a warm welcome to
/// Singapore", "bienvenue à Dakar"): where today's signing took place, when nothing
/// nearer tells it.
fn place_of_welcome(ctx: &Ctx<'_>) -> Option<Spanned<String>> {
    let words = rules::rules(ctx.lang).welcome_to;
    ctx.mentions.iter().find_map(|m| match m.entry {
        Entry::Place(i) if super::places::preceded_by_at(ctx, m.fstart, words) => Some(
            Spanned::new(
                ctx.g.places[i as usize].name.clone(),
                Span::new(m.start, m.end),
            )
            .by("location_of_welcome"),
        ),
        _ => None,
    })
}

/// The mentions of sentence `s` that may tell where frame `f` was signed, or none.
fn clause_window<'c>(ctx: &'c Ctx<'_>, f: &Frame, s: usize, core: bool) -> Option<&'c [Mention]> {
    // For a ratified instrument (approved elsewhere than where it was signed) a
    // place counts only beside a signing verb; outside the anchors' sentences,
    // beside a signing verb or a setting ("on the sidelines of", "خلال زيارة"):
    // "la création à Yaoundé d'un centre" is not where it was signed.
    let signing = ctx
        .in_sentence(s)
        .iter()
        .any(|m| Ctx::is(m, CueClass::Signed));
    let setting = ctx
        .in_sentence(s)
        .iter()
        .any(|m| Ctx::is(m, CueClass::Sideline));
    if (f.status == Status::Ratified && !signing) || (!core && !signing && !setting) {
        return None;
    }
    // A recalled instrument's place follows its own mention ("الموقعة بالرباط
    // سنة 2021"); the sentence's other places are today's.
    let (ss, se) = ctx.sents[s];
    let own = f.instrument_span.start >= ss && f.instrument_span.start < se;
    if f.status == Status::Referenced && own {
        Some(ctx.overlapping(
            s,
            f.instrument_span.start,
            (f.instrument_span.end + 160).min(se),
        ))
    } else if f.status == Status::Referenced {
        None
    } else {
        Some(ctx.in_sentence(s))
    }
}

/// Signed by video link.
fn video_in(ctx: &Ctx<'_>, s: usize, window: &[Mention]) -> Option<Spanned<String>> {
    // "وزير دولة … للعمل عن بعد" is a portfolio, not a video link.
    let m = window
        .iter()
        .find(|m| Ctx::is(m, CueClass::Video) && !ctx.in_title(s, m.start, m.end))?;
    Some(
        Spanned::new("videoconference".to_string(), Span::new(m.start, m.end)).by("location_video"),
    )
}

/// The first city of the clause.
fn place_in_clause(ctx: &Ctx<'_>, s: usize, window: &[Mention]) -> Option<Spanned<String>> {
    window.iter().find_map(|m| match m.entry {
        Entry::Place(i) if country_is_place(ctx, m) && !country_not_city(ctx, s, m) => Some(
            Spanned::new(
                ctx.g.places[i as usize].name.clone(),
                Span::new(m.start, m.end),
            )
            .by("location_in_clause"),
        ),
        Entry::Country { .. } => capital_of_country(ctx, m).map(|i| {
            Spanned::new(
                ctx.g.places[i as usize].name.clone(),
                Span::new(m.start, m.end),
            )
            .by("location_capital_of_country")
        }),
        _ => None,
    })
}

/// The city in the name of the setting: "en marge de l'Expo Dubaï 2020", "during the
/// Riyadh summit".
fn place_of_setting(ctx: &Ctx<'_>, s: usize, window: &[Mention]) -> Option<Spanned<String>> {
    for (k, cue) in window.iter().enumerate() {
        if !Ctx::is(cue, CueClass::Sideline) {
            continue;
        }
        for m in window[k + 1..].iter().take(3) {
            let gap = ctx.folded_range(cue.end.min(m.start), m.start);
            let near = gap.chars().count() <= 16 && !gap.contains([',', '.', ';', ':']);
            if let (true, Entry::Place(i)) = (near, m.entry) {
                if !country_not_city(ctx, s, m) {
                    let name = ctx.g.places[i as usize].name.clone();
                    return Some(
                        Spanned::new(name, Span::new(m.start, m.end)).by("location_of_setting"),
                    );
                }
            }
        }
    }
    None
}

/// Signed at an event: where the article says the event is held ("GITEX Africa,
/// organisée du 29 au 31 mai à Marrakech"), or the city in its name ("Expo 2020 Dubai").
fn location_of_event(ctx: &Ctx<'_>, e: &Spanned<String>) -> Option<Spanned<String>> {
    let s = ctx.sentence_at(e.span.start);
    let held = ctx
        .within(s, e.span.end, ctx.sents[s].1)
        .iter()
        .find_map(|m| match m.entry {
            Entry::Place(i) if country_is_place(ctx, m) && m.start - e.span.end <= 120 => Some(
                Spanned::new(
                    ctx.g.places[i as usize].name.clone(),
                    Span::new(m.start, m.end),
                )
                .by("location_where_event_held"),
            ),
            _ => None,
        });
    held.or_else(|| {
        let i = ctx.g.events.iter().position(|n| *n == e.value)?;
        let p = ctx.g.event_places[i]?;
        Some(
            Spanned::new(ctx.g.places[p as usize].name.clone(), e.span)
                .by("location_of_known_event"),
        )
    })
}

pub(super) fn event_of(ctx: &Ctx<'_>, f: &Frame, readers: &[u8]) -> Option<Spanned<String>> {
    let name = |m: &Mention| match m.entry {
        Entry::Event(i) => Some(
            Spanned::new(ctx.g.events[i as usize].clone(), Span::new(m.start, m.end))
                .by("event_known"),
        ),
        _ => None,
    };
    for group in [&f.core, &f.sents] {
        for &s in group.iter() {
            if let Some(e) = ctx.in_sentence(s).iter().find_map(name) {
                return Some(e);
            }
        }
    }
    {
        // An event announced as the setting anywhere in the article, but not in the
        // sentences of another instrument.
        // A sentence found to tell where someone spoke: its later cues tell it too
        // (`said_there` reads the whole sentence before the cue), so it is read once.
        let mut spoken: Option<usize> = None;
        for (i, m) in ctx.mentions.iter().enumerate() {
            let s = ctx.sent_of[i];
            if readers[s] & !status_bit(f.status) != 0 && f.sents.binary_search(&s).is_err() {
                continue;
            }
            if spoken == Some(s) {
                continue;
            }
            if let Some(e) = name(m) {
                // The cue is in the event's own sentence ("lors de sa visite. … a
                // participé au Sommet" is no setting).
                let first = ctx.sent_mentions[s].0;
                let cue = ctx.mentions[first.max(i.saturating_sub(3))..i]
                    .iter()
                    .find(|x| Ctx::is(x, CueClass::Sideline));
                if let Some(c) = cue {
                    if !super::events::said_there(ctx, s, c.start) {
                        return Some(e);
                    }
                    spoken = Some(s);
                }
            }
        }
    }
    // A named gathering the gazetteer does not know.
    super::events::by_pattern(ctx, f)
}

pub(super) fn domains_of(ctx: &Ctx<'_>, f: &Frame, single: bool) -> Vec<Spanned<Domain>> {
    let mut found: BTreeMap<Domain, Span> = BTreeMap::new();
    let mut sents = f.sents.clone();
    sents.extend(&f.about);
    // A single instrument's headline ("Maroc-Estonie : alliance numérique") names its
    // fields too, when it is a headline about countries and not a site's menu.
    let headline = ctx
        .in_sentence(0)
        .iter()
        .any(|m| matches!(m.entry, Entry::Country { .. }));
    if single && headline && sents.first() != Some(&0) {
        sents.push(0);
    }
    for &s in &sents {
        for (d, m) in domain_cues(ctx, s) {
            found.entry(d).or_insert(Span::new(m.start, m.end));
        }
    }
    if found.len() > 1 {
        found.remove(&Domain::DigitalTransformation);
    }
    // Sorted by label, as the standard lists them.
    let mut out: Vec<Spanned<Domain>> = found
        .into_iter()
        .map(|(d, s)| Spanned::new(d, s).by("domain_cue"))
        .collect();
    out.sort_by_key(|d| d.value.as_str());
    out
}

/// The domain cues of sentence `s` that describe an instrument's scope: not inside a title
/// or a body's name, and not inside a longer cue.
fn domain_cues<'m>(ctx: &'m Ctx<'_>, s: usize) -> Vec<(Domain, &'m Mention)> {
    let ms = ctx.in_sentence(s);
    let mut cues: Vec<(Domain, &Mention)> = ms
        .iter()
        .filter_map(|m| match Ctx::cue(m) {
            Some((CueClass::Domain, CueValue::Domain(d))) => Some((d, m)),
            _ => None,
        })
        .collect();
    // Rule `longest_domain_cue`: of cues that start at one word, the longest names the
    // field ("interconnexion des réseaux" is infrastructure, not the "interconnexion" of
    // registers); a cue that ends it ("… des réseaux télécoms") still counts.
    cues.sort_by_key(|(_, m)| (m.start, std::cmp::Reverse(m.end)));
    let mut head: Option<(usize, usize)> = None;
    cues.retain(|(_, m)| {
        let keep = head.is_none_or(|(a, b)| a != m.start || b == m.end);
        if keep {
            head = Some((m.start, m.end));
        }
        keep
    });
    cues.retain(|(_, m)| {
        let after = &ms[ms.partition_point(|x| x.start < m.end)..];
        !ctx.in_title(s, m.start, m.end) && !names_a_body(ctx, after, m)
    });
    cues
}

/// Rule `domain_in_body_name`: a capitalised cue that a body word closes, with only
/// capitalised words between, is part of that body's name ("the ICT Authority", "the
/// Digital Economy Commission"), not the instrument's field.
fn names_a_body(ctx: &Ctx<'_>, after: &[Mention], m: &Mention) -> bool {
    let capital = |t: &str| t.chars().next().is_some_and(char::is_uppercase);
    if !capital(&ctx.text[m.start..m.end]) {
        return false;
    }
    // The body word stands within 40 bytes: the look-ahead stops there.
    const REACH: usize = 40;
    let Some(body) = after
        .iter()
        .take_while(|b| b.start <= m.end + REACH)
        .find(|b| b.start >= m.end && Ctx::is(b, CueClass::Body))
    else {
        return false;
    };
    let between = &ctx.text[m.end..body.start];
    capital(&ctx.text[body.start..body.end]) && between.split_whitespace().all(capital)
}

//! Extraction: the shared frame builder, then the fields of each frame.
//!
//! 1. Instrument mentions with a status cue in their sentence are anchors; anchors of
//!    one kind and status merge into one frame, distinct ones (another kind, another
//!    status, a stated count) open new frames. Instrument mentions without a status
//!    ("ce mémorandum", "the MoU") attach to the nearest frame of their kind.
//! 2. Each frame reads its fields from its sentences: the anchors' sentences first
//!    ("core"), then the sentences of its other mentions.

mod ar;
mod context;
mod dates;
mod en;
mod fr;
mod rules;
mod signatories;

use std::collections::BTreeMap;

use context::Ctx;
use dates::{DateMention, When};

use crate::gazetteer::{CountryKind, CueClass, CueValue, Entry, Gazetteer, Lang, Mention, OrgKind};
use crate::model::{
    Agreement, Country, Domain, Extraction, Instrument, Language, Span, Spanned, Status,
};
use crate::Document;

pub(crate) fn extract(g: &Gazetteer, doc: &Document<'_>) -> Extraction {
    let text = doc.text();
    let base = doc_body(doc);
    let language = crate::lang::detect(&text[base..]);
    let lang = match language {
        Language::French => Lang::Fr,
        Language::English => Lang::En,
        Language::Arabic => Lang::Ar,
        _ => {
            return Extraction {
                language,
                agreements: Vec::new(),
            }
        }
    };
    let ctx = Ctx::new(g, text, base, lang, doc.publication());
    let agreements = build(&ctx);
    Extraction {
        language,
        agreements,
    }
}

fn doc_body(doc: &Document<'_>) -> usize {
    doc.body_offset()
}

/// An instrument mention and what its sentence says of it.
#[derive(Debug, Clone, Copy)]
struct InstrumentMention {
    idx: usize,
    sent: usize,
    instrument: Instrument,
    generic: bool,
    status: Option<(Status, usize)>,
    count: u16,
    /// "la première convention", "the second MoU", "المذكرة الثانية".
    ordinal: u16,
}

#[derive(Debug, Clone)]
struct Frame {
    instrument: Instrument,
    instrument_span: Span,
    specific: bool,
    status: Status,
    status_span: Span,
    core: Vec<usize>,
    sents: Vec<usize>,
    /// Position among frames opened by one counted mention ("two MoUs"), from 1.
    ordinal: u16,
    /// The mention that opened it.
    anchor: usize,
    /// Sentences that report the signing without naming the instrument ("X signed on
    /// behalf of the Kingdom"): read for signatories only.
    signers: Vec<usize>,
    /// Sentences read for domains only.
    about: Vec<usize>,
}

impl Frame {
    /// A specific name ("mémorandum d'entente") replaces a generic one ("accord").
    fn name(&mut self, im: &InstrumentMention, span: Span) {
        if !im.generic && !self.specific {
            self.instrument = im.instrument;
            self.instrument_span = span;
            self.specific = true;
        }
    }
}

/// The frame of a counted group that an ordinal names ("la seconde convention").
fn by_ordinal(frames: &[Frame], im: &InstrumentMention) -> Option<usize> {
    if im.ordinal == 0 {
        return None;
    }
    frames
        .iter()
        .position(|f| f.ordinal == im.ordinal && compatible(f, im))
}

fn status_of(class: CueClass) -> Option<Status> {
    match class {
        CueClass::Signed => Some(Status::Signed),
        CueClass::Planned => Some(Status::Planned),
        CueClass::Ratified => Some(Status::Ratified),
        CueClass::Referenced => Some(Status::Referenced),
        _ => None,
    }
}

/// No article reports more instruments than this; the rest of a pathological text is
/// left out rather than grow the output without bound.
const MAX_AGREEMENTS: usize = 32;

/// Signing bodies kept per instrument, for the same reason.
const MAX_ORGANIZATIONS: usize = 32;

fn build(ctx: &Ctx<'_>) -> Vec<Agreement> {
    let mentions = instrument_mentions(ctx);
    let frames = frames(ctx, &mentions);
    // The days a document states (event ranges, full dates) make a bare weekday certain.
    let ranges: Vec<DateMention> = (0..ctx.sents.len())
        .flat_map(|s| ctx.dates(s).iter().copied())
        .filter(|d| matches!(d.when, When::Range { .. } | When::Day { .. }))
        .collect();
    let mut frames = frames;
    frames.truncate(MAX_AGREEMENTS);
    let single = frames.len() == 1;
    let mut out: Vec<Agreement> = frames
        .iter()
        .map(|f| fill(ctx, f, single, &ranges, false))
        .collect();
    // A roadmap or action plan of one country is a national strategy, not an agreement.
    out.retain(|a| a.instrument.value != Instrument::ActionPlan || a.parties.len() != 1);
    if let Some(main) = out
        .iter()
        .find(|a| !a.parties.is_empty())
        .map(|a| a.parties.clone())
    {
        // A frame that names no country, beside frames that do, is the same pair when
        // it says so ("signé par les deux pays en 2019", "واتفق الجانبان على إعداد خطة
        // عمل") or reports a signing of its own ("cérémonie de signature d'un accord"),
        // and otherwise a stray mention ("reviewed a memorandum on the tourism season").
        for (a, f) in out.iter_mut().zip(&frames) {
            let pair = f.core.iter().any(|&s| {
                ctx.in_sentence(s)
                    .iter()
                    .any(|m| Ctx::is(m, CueClass::Pair))
            });
            if a.parties.is_empty() && (pair || f.status == Status::Signed) {
                a.parties = main.clone();
            }
        }
        out.retain(|a| !a.parties.is_empty());
    } else if !out.is_empty() {
        // No country near any instrument: the article's most-named countries.
        out = frames
            .iter()
            .map(|f| fill(ctx, f, single, &ranges, true))
            .collect();
    }
    out
}

fn instrument_mentions(ctx: &Ctx<'_>) -> Vec<InstrumentMention> {
    let mut out = Vec::new();
    for (idx, m) in ctx.mentions.iter().enumerate() {
        let (generic, instrument) = match Ctx::cue(m) {
            Some((CueClass::Instrument, CueValue::Instrument(i))) => (false, i),
            Some((CueClass::Generic, CueValue::Instrument(i))) => (true, i),
            _ => continue,
        };
        let sent = ctx.sent_of[idx];
        let (first, last) = ctx.sent_mentions[sent];
        let is_instrument = |x: &Mention| {
            matches!(
                Ctx::cue(x),
                Some((CueClass::Instrument | CueClass::Generic, _))
            )
        };
        // The nearest status cue of the sentence, by distance in bytes, not beyond another
        // instrument mention (a cue past one belongs to it); a cue before the instrument
        // counts a little nearer (verbs precede their objects). Each scan stops at the
        // next instrument, so the whole pass stays linear.
        let mut best: Option<(usize, Status, usize)> = None;
        let mut consider = |k: usize, d: usize| {
            if let Some(st) = Ctx::cue(&ctx.mentions[k]).and_then(|(class, _)| status_of(class)) {
                if best.is_none_or(|b| d < b.0) {
                    best = Some((d, st, k));
                }
            }
        };
        for k in (first..idx).rev() {
            if is_instrument(&ctx.mentions[k]) {
                break;
            }
            consider(k, m.start.saturating_sub(ctx.mentions[k].end));
        }
        for k in idx + 1..last {
            if is_instrument(&ctx.mentions[k]) {
                break;
            }
            consider(k, ctx.mentions[k].start.saturating_sub(m.end) + 20);
        }
        let mut status = best.map(|(_, s, k)| (s, k));
        // "Aucun accord n'a été signé", "No documents were signed", "لم يتم توقيع":
        // a negation around the instrument and its verb leaves it unanchored.
        if let Some((_, k)) = status {
            let c = &ctx.mentions[k];
            let (ss, _) = ctx.sents[sent];
            let from = m.start.min(c.start).saturating_sub(40).max(ss);
            let to = m.end.max(c.end);
            if ctx
                .overlapping(sent, from, to)
                .iter()
                .any(|x| Ctx::is(x, CueClass::Negation))
            {
                status = None;
            }
        }
        // Coordinated instruments share their verb: "ont signé un mémorandum ainsi
        // qu'un plan d'action", "وقعتا مذكرة تفاهم وبرنامجا تنفيذيا".
        if status.is_none() {
            if let Some(prev) = out.last().filter(|p: &&InstrumentMention| p.sent == sent) {
                let gap = ctx.folded_range(ctx.mentions[prev.idx].end, m.start);
                let coordinated = rules::rules(ctx.lang)
                    .coordination
                    .iter()
                    .any(|c| gap.contains(c));
                if gap.len() <= 60 && coordinated {
                    status = prev.status;
                }
            }
        }
        // A recall cue ("dans le cadre du", "under the") just before the instrument makes
        // a signed one referenced.
        if let Some((Status::Signed, k)) = status {
            let recalled = ctx.mentions[first..idx]
                .iter()
                .rev()
                .take(2)
                .any(|x| Ctx::is(x, CueClass::Recall) && m.start.saturating_sub(x.end) <= 12);
            let past = past_cue_near(ctx, sent, m);
            if recalled || past {
                status = Some((Status::Referenced, k));
            }
        }
        let count = count_before(ctx, idx, m);
        let ordinal = ordinal_near(ctx, idx, m);
        out.push(InstrumentMention {
            idx,
            sent,
            instrument,
            generic,
            status,
            count,
            ordinal,
        });
    }
    out
}

/// A stated number of instruments: "deux mémorandums", "three MoUs", Arabic duals.
fn count_before(ctx: &Ctx<'_>, idx: usize, m: &Mention) -> u16 {
    // "two MoUs", "trois conventions", "three digital cooperation documents": the number
    // stands a few words before the noun, with nothing but description between.
    for p in ctx.mentions[idx.saturating_sub(3)..idx].iter().rev() {
        match Ctx::cue(p) {
            Some((CueClass::Number, CueValue::Number(n))) => {
                let gap = &ctx.text[p.end.min(m.start)..m.start];
                if gap.len() <= 40 && !gap.contains([',', '.', ';', '،']) && (2..=10).contains(&n)
                {
                    return n;
                }
                break;
            }
            Some((CueClass::Domain | CueClass::Ordinal, _)) | None => continue,
            Some(_) => break,
        }
    }
    if ctx.lang == Lang::Ar {
        // Number words after the noun: "مذكرات تفاهم ثلاث", and duals: "مذكرتي تفاهم".
        let f = ctx.folded_range(m.start, m.end);
        let head = f.split(' ').next().unwrap_or("");
        if head.ends_with("تي") || head.ends_with("تين") || head.ends_with("يين") {
            return 2;
        }
        if let Some(n) = ctx.mentions.get(idx + 1) {
            if let Some((CueClass::Number, CueValue::Number(k))) = Ctx::cue(n) {
                if n.start.saturating_sub(m.end) <= 2 && (2..=10).contains(&k) {
                    return k;
                }
            }
        }
    }
    1
}

/// An ordinal right before or after an instrument mention.
fn ordinal_near(ctx: &Ctx<'_>, idx: usize, m: &Mention) -> u16 {
    let near = |x: &Mention| x.end.abs_diff(m.start) <= 2 || m.end.abs_diff(x.start) <= 2;
    [idx.checked_sub(1), Some(idx + 1)]
        .into_iter()
        .flatten()
        .filter_map(|i| ctx.mentions.get(i))
        .find_map(|x| match Ctx::cue(x) {
            Some((CueClass::Ordinal, CueValue::Number(n))) if near(x) => Some(n),
            _ => None,
        })
        .unwrap_or(0)
}

/// A past-time cue near a signed instrument: "signé en 2021", "l'année dernière", an
/// explicit year before the publication year.
fn past_cue_near(ctx: &Ctx<'_>, sent: usize, m: &Mention) -> bool {
    let (ss, se) = ctx.sents[sent];
    let window = ctx.overlapping(
        sent,
        m.start.saturating_sub(120).max(ss),
        (m.end + 120).min(se),
    );
    if window.iter().any(|x| Ctx::is(x, CueClass::Past)) {
        return true;
    }
    let Some(p) = ctx.published else { return false };
    let dates = ctx.dates(sent);
    let lo = dates.partition_point(|d| d.span.start + 160 < m.start);
    dates[lo..]
        .iter()
        .take_while(|d| d.span.start < m.start + 160)
        .any(|d| {
            // Months from the stated date to the publication: three or more is background.
            let months_before = |y: u16, mo: Option<u8>| {
                let pm = p.month.unwrap_or(12) as i32;
                (p.year as i32 * 12 + pm) - (y as i32 * 12 + mo.unwrap_or(12) as i32)
            };
            let past = match d.when {
                When::Year(y) => y < p.year,
                When::Month { year, month } => months_before(year, Some(month)) >= 3,
                When::Day {
                    year: Some(y),
                    month,
                    ..
                } => months_before(y, Some(month)) >= 3,
                _ => false,
            };
            // A date beyond another instrument belongs to that one: "une feuille de route
            // pour l'accord-cadre conclu en mars 2022".
            let (a, b) = if d.span.start > m.end {
                (m.end, d.span.start)
            } else {
                (d.span.end, m.start)
            };
            let other = a < b
                && ctx.within(sent, a, b).iter().any(|x| {
                    matches!(
                        Ctx::cue(x),
                        Some((CueClass::Instrument | CueClass::Generic, _))
                    )
                });
            past && !other && d.span.start.abs_diff(m.start) < 160
        })
}

fn compatible(f: &Frame, im: &InstrumentMention) -> bool {
    im.generic || !f.specific || f.instrument == im.instrument
}

fn frames(ctx: &Ctx<'_>, ims: &[InstrumentMention]) -> Vec<Frame> {
    let mut frames: Vec<Frame> = Vec::new();
    let span_of = |i: usize| Span::new(ctx.mentions[i].start, ctx.mentions[i].end);
    // Anchors first.
    for im in ims {
        let Some((status, sidx)) = im.status else {
            continue;
        };
        let m = &ctx.mentions[im.idx];
        let status_span = span_of(sidx);
        // Merge into an existing frame of the same status and a compatible kind, unless
        // the mention states a count (then it names instruments of its own).
        let by_ordinal = by_ordinal(&frames, im);
        let target = if im.count > 1 {
            None
        } else if by_ordinal.is_some() {
            by_ordinal
        } else {
            frames
                .iter()
                .rposition(|f| f.status == status && compatible(f, im) && f.ordinal <= 1)
                .or_else(|| {
                    // Several frames from a count: the mention attaches to the last one.
                    frames
                        .iter()
                        .rposition(|f| f.status == status && compatible(f, im))
                })
        };
        match target {
            Some(t) => {
                let f = &mut frames[t];
                f.name(im, span_of(im.idx));
                f.core.push(im.sent);
            }
            None => {
                // A count repeats an existing group ("les deux mémorandums") when frames
                // of that kind already exist.
                let existing = frames
                    .iter()
                    .filter(|f| f.status == status && compatible(f, im))
                    .count();
                if im.count > 1 && existing >= im.count as usize {
                    for f in frames.iter_mut().filter(|f| f.status == status) {
                        f.core.push(im.sent);
                    }
                    continue;
                }
                // The frames already open are the first of the counted group.
                let mut k0 = 0;
                if im.count > 1 {
                    for f in frames
                        .iter_mut()
                        .filter(|f| f.status == status && compatible(f, im))
                    {
                        k0 += 1;
                        if f.ordinal == 0 {
                            f.ordinal = k0;
                        }
                        f.core.push(im.sent);
                    }
                }
                let n = im.count.saturating_sub(existing as u16).max(1);
                for k in k0..k0 + n {
                    frames.push(Frame {
                        instrument: im.instrument,
                        instrument_span: Span::new(m.start, m.end),
                        specific: !im.generic,
                        status,
                        status_span,
                        core: vec![im.sent],
                        sents: vec![im.sent],
                        ordinal: if im.count > 1 { k + 1 } else { 0 },
                        anchor: im.idx,
                        signers: Vec::new(),
                        about: Vec::new(),
                    });
                }
            }
        }
    }
    // A generic frame that another frame of the same status covers is the same
    // instrument named generically (a headline's "accord").
    let mut i = 0;
    while i < frames.len() {
        let f = &frames[i];
        if !f.specific {
            if let Some(j) = frames
                .iter()
                .position(|o| o.specific && o.status == f.status)
            {
                let core = frames[i].core.clone();
                for s in core {
                    frames[j].core.push(s);
                }
                frames.remove(i);
                continue;
            }
        }
        i += 1;
    }
    // A ratification is about an instrument signed before: the signing's sentences
    // (its date, place, signatories) belong to the ratified frame.
    let mut i = 0;
    while i < frames.len() {
        let f = &frames[i];
        let target = matches!(f.status, Status::Signed | Status::Referenced)
            .then(|| {
                frames.iter().position(|o| {
                    o.status == Status::Ratified
                        && (o.instrument == f.instrument || !o.specific || !f.specific)
                })
            })
            .flatten();
        if let Some(j) = target {
            let core = frames[i].core.clone();
            if frames[i].specific && !frames[j].specific {
                frames[j].instrument = frames[i].instrument;
                frames[j].instrument_span = frames[i].instrument_span;
                frames[j].specific = true;
            }
            for s in core {
                frames[j].core.push(s);
            }
            frames.remove(i);
            continue;
        }
        i += 1;
    }
    // Bare mentions attach to the nearest earlier compatible frame (or the first).
    for im in ims {
        if im.status.is_some() {
            continue;
        }
        let by_ordinal = by_ordinal(&frames, im);
        let before = frames.iter().rposition(|f| {
            ctx.mentions[f.anchor].start <= ctx.mentions[im.idx].start && compatible(f, im)
        });
        let t = by_ordinal
            .or(before)
            .or_else(|| frames.iter().position(|f| compatible(f, im)));
        if let Some(t) = t {
            let f = &mut frames[t];
            f.name(im, span_of(im.idx));
            f.sents.push(im.sent);
        }
    }
    for f in &mut frames {
        f.core.sort_unstable();
        f.core.dedup();
        f.sents.sort_unstable();
        f.sents.dedup();
    }
    // A sentence that goes on about the instrument ("Ce partenariat vise …") joins the
    // frame of the sentence before it.
    let cont = rules::rules(ctx.lang).continuation;
    let mut owned = vec![false; ctx.sents.len()];
    for f in &frames {
        for &s in &f.sents {
            owned[s] = true;
        }
    }
    for f in &mut frames {
        let mut extra = Vec::new();
        let mut about = Vec::new();
        for &s in f.sents.iter().chain(f.core.iter()) {
            let next = s + 1;
            // A sentence that already belongs to another frame stays there.
            if owned.get(next).is_some_and(|&o| o) {
                continue;
            }
            if next < ctx.sents.len() && continues(ctx, next, cont) {
                extra.push(next);
            } else if next < ctx.sents.len()
                && ctx
                    .in_sentence(next)
                    .iter()
                    .any(|m| Ctx::is(m, CueClass::Pair))
            {
                // "In addition, the two governments intend to …": what the instrument
                // covers, read for its domains only.
                about.push(next);
            }
        }
        for s in extra {
            f.sents.push(s);
        }
        f.about = about;
    }
    // A sentence with a signing verb and no instrument, just after a frame's sentence,
    // names that frame's signers ("X signed on behalf of the Kingdom, while Y …").
    for s in 0..ctx.sents.len() {
        let ms = ctx.in_sentence(s);
        let signing = ms.iter().any(|m| Ctx::is(m, CueClass::Signed))
            && !ms.iter().any(|m| {
                matches!(
                    Ctx::cue(m),
                    Some((CueClass::Instrument | CueClass::Generic, _))
                )
            });
        if !signing {
            continue;
        }
        let owner = frames
            .iter_mut()
            .filter_map(|f| {
                let i = f.sents.partition_point(|&x| x < s);
                let d = s - *f.sents[..i].last()?;
                (d <= 2).then_some((d, f))
            })
            .min_by_key(|(d, _)| *d)
            .map(|(_, f)| f);
        if let Some(f) = owner {
            f.signers.push(s);
        }
    }
    // "Le second est …", "The first concerns …": a sentence led by an ordinal speaks of
    // that instrument of a counted group.
    for s in 0..ctx.sents.len() {
        let lead = ctx.in_sentence(s).first().and_then(|m| match Ctx::cue(m) {
            Some((CueClass::Ordinal, CueValue::Number(n))) if m.start - ctx.sents[s].0 <= 12 => {
                Some(n)
            }
            _ => None,
        });
        if let Some(n) = lead {
            if let Some(f) = frames.iter_mut().find(|f| f.ordinal == n) {
                f.sents.push(s);
            }
        }
    }
    for f in &mut frames {
        for &s in &f.core.clone() {
            f.sents.push(s);
        }
        f.core.sort_unstable();
        f.core.dedup();
        f.sents.sort_unstable();
        f.sents.dedup();
    }
    frames
}

fn continues(ctx: &Ctx<'_>, s: usize, starts: &[&str]) -> bool {
    let (a, b) = ctx.sents[s];
    let f = ctx.folded_range(a, b.min(a + 80));
    let f = f.trim_start_matches(|c: char| !crate::text::is_word_char(c));
    starts.iter().any(|w| f.starts_with(w))
}

fn country_is_place(ctx: &Ctx<'_>, m: &Mention) -> bool {
    let at = place_lead(ctx, m);
    preceded_by_at(ctx, at, rules::rules(ctx.lang).locative)
        || arabic_prefix(ctx, m, "ب")
        || visit_to(ctx, at)
}

/// A country named only to situate a city: "la capitale saoudienne", "the Saudi
/// capital", "العاصمة الرواندية", "Riyad (Arabie saoudite)".
fn describes_place(ctx: &Ctx<'_>, m: &Mention, kind: CountryKind) -> bool {
    let before = ctx.folded.text[..m.fstart].trim_end();
    let after = ctx.folded.text[m.fend..].trim_start();
    if kind == CountryKind::Adj {
        let capital_before = ["capitale", "capital", "العاصمه", "ville", "city", "مدينه"]
            .iter()
            .any(|w| before.ends_with(w));
        let capital_after = ["capital", "capitale"].iter().any(|w| after.starts_with(w));
        if capital_before || capital_after {
            return true;
        }
    }
    // "Riyad (Arabie saoudite)": a country in brackets right after a city.
    if let Some(inner) = before.strip_suffix('(') {
        let city_end = inner.trim_end().len();
        let sent = ctx
            .sents
            .partition_point(|&(_, e)| e <= m.start)
            .min(ctx.sents.len() - 1);
        let (ss, _) = ctx.sents[sent];
        return ctx.within(sent, ss, m.start).iter().any(|x| {
            matches!(
                x.entry,
                Entry::Place(_)
                    | Entry::Country {
                        kind: CountryKind::Capital,
                        ..
                    }
            ) && x.fend == city_end
        });
    }
    false
}

/// A city opening a line before a dash or a comma, the dispatch's dateline:
/// "BAKU — …", "عمّان - وقعت …", "Rabat, 5 mai (MAP) - …".
fn dateline(ctx: &Ctx<'_>, m: &Mention) -> bool {
    let t = &ctx.folded.text;
    let line_start = t[..m.fstart].rfind('\n').map_or(0, |i| i + 1);
    if !t[line_start..m.fstart].trim().is_empty() {
        return false;
    }
    // Folding turned dashes into spaces; look at the original text.
    let after = ctx.text[m.end..].trim_start_matches([' ', '\u{a0}']);
    after.starts_with(['-', '–', '—', ',', '،', '(', '/'])
}

/// Where the words before a place end, past a "capital" phrase: "à la capitale
/// sénégalaise Dakar", "إلى العاصمة الرواندية كيغالي", "in the Omani capital Muscat".
fn place_lead(ctx: &Ctx<'_>, m: &Mention) -> usize {
    static CAPITAL: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
        regex::Regex::new(r"(?:\b(?:la capitale|capitale|the capital|capital|the city of|city of|la ville de|ville de|العاصمه|مدينه)(?: \S+)?|\bthe \S+ capital(?: city)?) ?$").unwrap()
    });
    let start = m.fstart.saturating_sub(60);
    let start = (start..m.fstart)
        .find(|&i| ctx.folded.text.is_char_boundary(i))
        .unwrap_or(m.fstart);
    let before = &ctx.folded.text[start..m.fstart];
    match CAPITAL.find(before) {
        Some(c) => start + c.start(),
        None => m.fstart,
    }
}

/// "a working visit to Conakry", "زيارة رسمية إلى كيغالي": the place of a visit.
fn visit_to(ctx: &Ctx<'_>, at: usize) -> bool {
    let r = rules::rules(ctx.lang);
    let start = at.saturating_sub(160);
    let start = (start..at)
        .find(|&i| ctx.folded.text.is_char_boundary(i))
        .unwrap_or(at);
    let before = ctx.folded.text[start..at].trim_end();
    let Some(head) = r
        .visit_to
        .iter()
        .filter_map(|w| before.strip_suffix(w))
        .next()
    else {
        return false;
    };
    // The visit noun within the few words before the preposition, in the same clause.
    r.visit.iter().any(|v| {
        head.rfind(v)
            .is_some_and(|i| !head[i..].contains([',', '.', ';']))
    })
}

/// Whether one of the words stands right before a folded offset (one space apart).
fn preceded_by_at(ctx: &Ctx<'_>, at: usize, words: &[&str]) -> bool {
    let before = &ctx.folded.text[..at];
    let before = before.trim_end_matches([' ', '\'']);
    words.iter().any(|w| {
        before.ends_with(w)
            && before[..before.len() - w.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !crate::text::is_word_char(c))
    })
}

/// Whether an Arabic mention carries a clitic prefix containing `p` ("بالرياض").
fn arabic_prefix(ctx: &Ctx<'_>, m: &Mention, p: &str) -> bool {
    if ctx.lang != Lang::Ar {
        return false;
    }
    let before = &ctx.folded.text[..m.fstart];
    let prefix: String = before
        .chars()
        .rev()
        .take_while(|c| crate::text::is_word_char(*c))
        .collect();
    prefix.contains(p)
}

/// The countries a mention names as a party, if any.
fn party_of(ctx: &Ctx<'_>, m: &Mention) -> Option<Country> {
    match m.entry {
        Entry::Country { code, kind } => {
            if describes_place(ctx, m, kind) {
                return None;
            }
            // A capital after a locative or in a dateline is a place, not a government.
            let placed = country_is_place(ctx, m) || dateline(ctx, m);
            if kind == CountryKind::Capital && placed {
                return None;
            }
            // A name that is also another country's city, so placed, is the city:
            // "في عمّان" is in Amman, not Oman.
            if placed {
                let sent = ctx
                    .sents
                    .partition_point(|&(_, e)| e <= m.start)
                    .min(ctx.sents.len() - 1);
                let elsewhere = ctx.within(sent, m.start, m.end).iter().any(
                    |x| matches!(x.entry, Entry::Place(i) if ctx.g.place_country(i) != Some(code)),
                );
                if elsewhere {
                    return None;
                }
            }
            Some(code)
        }
        Entry::Org(i) => {
            let o = &ctx.g.orgs[i as usize];
            (o.kind == OrgKind::Gov).then_some(o.country).flatten()
        }
        Entry::Person(i) => Some(ctx.g.people[i as usize].country),
        _ => None,
    }
}

fn fill(
    ctx: &Ctx<'_>,
    f: &Frame,
    single: bool,
    ranges: &[DateMention],
    article_wide: bool,
) -> Agreement {
    let sigs = signatories::find(ctx, f);
    // Parties: core sentences, then signatories' sides, then the frame's other sentences
    // and the headline when the core names fewer than two.
    let mut parties: BTreeMap<Country, Span> = BTreeMap::new();
    let add_from = |sents: &[usize], parties: &mut BTreeMap<Country, Span>| {
        for &s in sents {
            for m in ctx.in_sentence(s) {
                if let Some(c) = party_of(ctx, m) {
                    parties.entry(c).or_insert(Span::new(m.start, m.end));
                }
            }
        }
    };
    add_from(&f.core, &mut parties);
    for s in &sigs {
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
        add_from(&others, &mut more);
        if single && f.core.first() != Some(&0) {
            add_from(&[0], &mut more);
        }
        if parties.len() + more.len() <= 3 {
            for (c, s) in more {
                parties.entry(c).or_insert(s);
            }
        }
    }

    // Nothing near the instrument: the article's most-named countries.
    if parties.is_empty() && article_wide {
        let mut counts: BTreeMap<Country, (usize, Span)> = BTreeMap::new();
        for m in &ctx.mentions {
            if let Some(c) = party_of(ctx, m) {
                counts.entry(c).or_insert((0, Span::new(m.start, m.end))).0 += 1;
            }
        }
        let mut ranked: Vec<(Country, (usize, Span))> = counts.into_iter().collect();
        ranked.sort_by_key(|r| std::cmp::Reverse(r.1 .0));
        for (c, (_, span)) in ranked.into_iter().take(2) {
            parties.insert(c, span);
        }
    }

    // Signatories: sides completed from the parties when one is left.
    let mut signatories = sigs;
    let known: Vec<Country> = signatories.iter().filter_map(|s| s.country).collect();
    let left: Vec<Country> = parties
        .keys()
        .copied()
        .filter(|c| !known.contains(c))
        .collect();
    if left.len() == 1
        && signatories.iter().filter(|s| s.country.is_none()).count() == 1
        && parties.len() >= 2
    {
        for s in &mut signatories {
            if s.country.is_none() {
                s.country = Some(left[0]);
            }
        }
    }

    let organizations = organizations(ctx, f);
    let date = date_of(ctx, f, ranges);
    let event = event_of(ctx, f);
    let location = location_of(ctx, f, event.as_ref());
    let domains = domains_of(ctx, f, single);

    Agreement {
        instrument: Spanned::new(f.instrument, f.instrument_span),
        status: Spanned::new(f.status, f.status_span),
        parties: parties
            .into_iter()
            .map(|(c, s)| Spanned::new(c, s))
            .collect(),
        organizations,
        signatories,
        date,
        location,
        event,
        domains,
    }
}

fn organizations(ctx: &Ctx<'_>, f: &Frame) -> Vec<Spanned<String>> {
    let mut out: Vec<Spanned<String>> = Vec::new();
    for &s in &f.core {
        if out.len() >= MAX_ORGANIZATIONS {
            break;
        }
        for m in ctx.in_sentence(s) {
            if let Entry::Org(i) = m.entry {
                let name = ctx.g.orgs[i as usize].name.clone();
                if !out.iter().any(|o| o.value == name) {
                    out.push(Spanned::new(name, Span::new(m.start, m.end)));
                }
            }
        }
        for (a, b) in signatories::title_phrases(ctx, s, CueClass::Body) {
            let name = ctx.text[a..b].trim().to_string();
            if !name.is_empty() && !out.iter().any(|o| o.value == name) {
                out.push(Spanned::new(name, Span::new(a, b)));
            }
        }
    }
    out
}

fn date_of(
    ctx: &Ctx<'_>,
    f: &Frame,
    ranges: &[DateMention],
) -> Option<Spanned<crate::PartialDate>> {
    // The dates of the core sentences, nearest to a signing cue (for ratified and
    // referenced frames, the signing, not the approval), then the other sentences.
    for group in [&f.core, &f.sents] {
        let mut best: Option<(usize, Spanned<crate::PartialDate>)> = None;
        for &s in group.iter() {
            let signs: Vec<usize> = ctx
                .in_sentence(s)
                .iter()
                .filter(|m| match f.status {
                    Status::Ratified => {
                        Ctx::is(m, CueClass::Signed) || Ctx::is(m, CueClass::Referenced)
                    }
                    _ => status_of(Ctx::cue(m).map(|c| c.0).unwrap_or(CueClass::Title)).is_some(),
                })
                .map(|m| m.start)
                .collect();
            if signs.is_empty() {
                continue;
            }
            for &d in ctx.dates(s) {
                if matches!(d.when, When::Range { .. }) {
                    continue;
                }
                if f.status != Status::Referenced && matches!(d.when, When::Year(_)) {
                    continue;
                }
                let Some(value) = dates::resolve(&d, ctx.published, ranges, reference(ctx, ranges))
                else {
                    continue;
                };
                let dist = signs
                    .iter()
                    .map(|&p| p.abs_diff(d.span.start))
                    .min()
                    .unwrap_or(usize::MAX);
                // A precise date beats a weekday alone.
                let penalty = if matches!(d.when, When::Weekday(_) | When::Relative(_)) {
                    40
                } else {
                    0
                };
                let score = dist + penalty;
                if best.as_ref().is_none_or(|b| score < b.0) {
                    best = Some((score, Spanned::new(value, d.span)));
                }
            }
        }
        if let Some((_, d)) = best {
            return Some(d);
        }
    }
    // A signing reported with no date of its own: the one day the article states in
    // its publication month (a dateline, a quoted post's date).
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
            None => found = Some(Spanned::new(value, d.span)),
        }
    }
    found
}

/// The date that places a day and month without a year: the publication date, or else
/// the latest full date the article states.
fn reference(ctx: &Ctx<'_>, ranges: &[DateMention]) -> Option<crate::PartialDate> {
    ctx.published.or_else(|| {
        ranges
            .iter()
            .filter_map(|d| match d.when {
                When::Day {
                    year: Some(y),
                    month,
                    day,
                } => crate::PartialDate::day(y, month, day),
                _ => None,
            })
            .max()
    })
}

fn location_of(
    ctx: &Ctx<'_>,
    f: &Frame,
    event: Option<&Spanned<String>>,
) -> Option<Spanned<String>> {
    for (group, core) in [(&f.core, true), (&f.sents, false)] {
        for &s in group.iter() {
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
                continue;
            }
            for m in ctx.in_sentence(s) {
                if Ctx::is(m, CueClass::Video) {
                    return Some(Spanned::new(
                        "videoconference".to_string(),
                        Span::new(m.start, m.end),
                    ));
                }
            }
            for m in ctx.in_sentence(s) {
                let place = match m.entry {
                    Entry::Place(i) => Some(ctx.g.places[i as usize].name.clone()),
                    _ => None,
                };
                if let Some(p) = place {
                    if country_is_place(ctx, m) {
                        return Some(Spanned::new(p, Span::new(m.start, m.end)));
                    }
                }
            }
        }
    }
    // Signed at an event: where the article says the event is held ("GITEX Africa,
    // organisée du 29 au 31 mai à Marrakech"), or the city in its name ("Expo 2020 Dubai").
    let e = event?;
    let s = ctx
        .sents
        .partition_point(|&(_, end)| end <= e.span.start)
        .min(ctx.sents.len().saturating_sub(1));
    let held = ctx
        .within(s, e.span.end, ctx.sents[s].1)
        .iter()
        .find_map(|m| match m.entry {
            Entry::Place(i) if country_is_place(ctx, m) && m.start - e.span.end <= 120 => {
                Some(Spanned::new(
                    ctx.g.places[i as usize].name.clone(),
                    Span::new(m.start, m.end),
                ))
            }
            _ => None,
        });
    held.or_else(|| {
        let i = ctx.g.events.iter().position(|n| *n == e.value)?;
        let p = ctx.g.event_places[i]?;
        Some(Spanned::new(ctx.g.places[p as usize].name.clone(), e.span))
    })
}

fn event_of(ctx: &Ctx<'_>, f: &Frame) -> Option<Spanned<String>> {
    let name = |m: &Mention| match m.entry {
        Entry::Event(i) => Some(Spanned::new(
            ctx.g.events[i as usize].clone(),
            Span::new(m.start, m.end),
        )),
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
        // An event announced as the setting anywhere in the article.
        for (i, m) in ctx.mentions.iter().enumerate() {
            if let Some(e) = name(m) {
                let cue = ctx.mentions[i.saturating_sub(3)..i]
                    .iter()
                    .any(|x| Ctx::is(x, CueClass::Sideline));
                if cue {
                    return Some(e);
                }
            }
        }
    }
    None
}

fn domains_of(ctx: &Ctx<'_>, f: &Frame, single: bool) -> Vec<Spanned<Domain>> {
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
        for m in ctx.in_sentence(s) {
            if let Some((CueClass::Domain, CueValue::Domain(d))) = Ctx::cue(m) {
                if ctx.in_title(s, m.start, m.end) {
                    continue;
                }
                found.entry(d).or_insert(Span::new(m.start, m.end));
            }
        }
    }
    if found.len() > 1 {
        found.remove(&Domain::DigitalTransformation);
    }
    // Sorted by label, as the standard lists them.
    let mut out: Vec<Spanned<Domain>> =
        found.into_iter().map(|(d, s)| Spanned::new(d, s)).collect();
    out.sort_by_key(|d| d.value.as_str());
    out
}

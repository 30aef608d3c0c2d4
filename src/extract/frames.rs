//! The frame builder: instrument mentions, their status, and one frame per instrument.

use super::context::Ctx;
use super::dates::When;
use super::rules;
use super::segment::{self, Counterpart};
use crate::gazetteer::{CueClass, CueValue, Lang, Mention};
use crate::model::{Instrument, Span, Status};

/// An instrument mention and what its sentence says of it.
#[derive(Debug, Clone, Copy)]
pub(super) struct InstrumentMention {
    idx: usize,
    sent: usize,
    instrument: Instrument,
    generic: bool,
    status: Option<(Status, usize)>,
    count: u16,
    /// "la première convention", "the second MoU", "المذكرة الثانية".
    ordinal: u16,
    /// The country or body it is signed "with", if the sentence says.
    counterpart: Option<Counterpart>,
    /// A plural "with" several countries: one instrument per country.
    spread: bool,
    /// Said to be one more: "un autre mémorandum" (rule `another_instrument`).
    another: bool,
    /// Named in the plural: "memorandums", "accords".
    plural: bool,
    /// Singular with an indefinite article: "a memorandum" (rule `group_member`).
    indefinite: bool,
    /// In a sentence led by "Additionally", "Par ailleurs", "كما" (rule
    /// `additive_instrument`).
    additive: bool,
}

#[derive(Debug, Clone)]
pub(super) struct Frame {
    pub(super) instrument: Instrument,
    pub(super) instrument_span: Span,
    pub(super) specific: bool,
    pub(super) status: Status,
    pub(super) status_span: Span,
    pub(super) core: Vec<usize>,
    pub(super) sents: Vec<usize>,
    /// Position among frames opened by one counted mention ("two MoUs"), from 1.
    pub(super) ordinal: u16,
    /// Sentences that report the signing without naming the instrument ("X signed on
    /// behalf of the Kingdom"): read for signatories only.
    pub(super) signers: Vec<usize>,
    /// The countries of the core sentences, kept as sentences join (for telling two
    /// instruments of one kind apart).
    pub(super) countries: Vec<crate::Country>,
    /// Sentences read for domains only.
    pub(super) about: Vec<usize>,
    /// The countries and bodies its anchors are signed "with".
    pub(super) counterparts: Vec<Counterpart>,
    /// The countries of a plural "with" several countries (rule
    /// `distributive_counterparts`): one agreement per country.
    pub(super) spread: segment::Counterparts,
    /// Opened by a plural of no number and no list ("exchanged memorandums in the
    /// areas of …"): a group whose members later sentences may name one by one.
    pub(super) group: bool,
    /// Opened as one more instrument (rules `another_instrument`, `additive_instrument`,
    /// `list_item`): a generic name here ("- an agreement on …") is no re-mention.
    pub(super) own: bool,
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

/// The countries named as parties in each sentence, found once per sentence.
struct SentenceCountries(Vec<Option<Vec<crate::Country>>>);

impl SentenceCountries {
    fn of(&mut self, ctx: &Ctx<'_>, s: usize) -> &[crate::Country] {
        self.0[s].get_or_insert_with(|| {
            let mut out: Vec<crate::Country> = Vec::new();
            for m in ctx.in_sentence(s) {
                if let Some(c) = super::places::party_of(ctx, m) {
                    if !out.contains(&c) {
                        out.push(c);
                    }
                }
            }
            out
        })
    }

    /// The countries of a sentence, once `fill_all` has run.
    fn cached(&self, s: usize) -> &[crate::Country] {
        self.0[s].as_deref().unwrap_or(&[])
    }

    /// Finds every sentence's countries: one pass over the mentions.
    fn fill_all(&mut self, ctx: &Ctx<'_>) {
        for s in 0..self.0.len() {
            self.of(ctx, s);
        }
    }

    /// Adds a sentence's countries to a set.
    fn join(&mut self, ctx: &Ctx<'_>, s: usize, set: &mut Vec<crate::Country>) {
        for &c in self.of(ctx, s) {
            if !set.contains(&c) {
                set.push(c);
            }
        }
    }
}

/// Whether an instrument's name is plural: "accords", "MoUs", "memoranda", "مذكرات".
/// The head is the first word ("memoranda of understanding", "مذكرات تفاهم") or, in
/// an English compound, the last ("partnership agreements").
fn plural_form(folded: &str) -> bool {
    let head = folded.split(' ').next().unwrap_or("");
    let last = folded.rsplit(' ').next().unwrap_or("");
    let latin = |w: &str| w.ends_with('s') && w.len() > 3 && !w.ends_with("ss");
    let arabic = super::ar::PLURAL_ENDINGS.iter().any(|e| head.ends_with(e));
    arabic || head == "memoranda" || latin(head) || (last.is_ascii() && latin(last))
}

/// The frame of a counted group that an ordinal names ("la seconde convention").
pub(super) fn by_ordinal(frames: &[Frame], im: &InstrumentMention) -> Option<usize> {
    if im.ordinal == 0 {
        return None;
    }
    frames
        .iter()
        .position(|f| f.ordinal == im.ordinal && compatible(f, im))
}

pub(super) fn status_of(class: CueClass) -> Option<Status> {
    match class {
        CueClass::Signed => Some(Status::Signed),
        CueClass::Planned => Some(Status::Planned),
        CueClass::Ratified => Some(Status::Ratified),
        CueClass::Referenced => Some(Status::Referenced),
        _ => None,
    }
}

/// Whether a mention names an instrument, in the singular, generically or in the plural.
fn is_instrument(x: &Mention) -> bool {
    matches!(
        Ctx::cue(x),
        Some((
            CueClass::Instrument | CueClass::Generic | CueClass::Plural,
            _
        ))
    )
}

/// Every instrument mention of the text, with its status, count, ordinal and
/// counterpart, in text order. Each pass is a named function below:
/// "Le Maroc et le Sénégal ont signé deux conventions avec le Gabon" gives one
/// mention, signed, counted 2, with counterpart Gabon.
pub(super) fn instrument_mentions(ctx: &Ctx<'_>) -> Vec<InstrumentMention> {
    let mut out: Vec<InstrumentMention> = Vec::new();
    // Whether an earlier mention already reports a signing as news.
    let mut signed_before = false;
    // The status a list item inherits: the latest mention's, before plural checks.
    let mut lead: Option<(usize, Option<(Status, usize)>)> = None;
    for (idx, m) in ctx.mentions.iter().enumerate() {
        let (generic, instrument) = match Ctx::cue(m) {
            Some((CueClass::Instrument, CueValue::Instrument(i))) => (false, i),
            Some((CueClass::Generic | CueClass::Plural, CueValue::Instrument(i))) => (true, i),
            _ => continue,
        };
        let sent = ctx.sent_of[idx];
        let mut status = nearest_status(ctx, sent, idx, m);
        status = planned_by_modal(ctx, sent, m, status);
        if negated(ctx, sent, m, status) {
            status = None;
        }
        if status.is_none() {
            status = coordinated_status(ctx, out.last(), sent, m);
        }
        let item = segment::list_item(ctx, idx);
        if status.is_none() && item {
            status = lead.filter(|l| l.0 + 2 >= sent).and_then(|l| l.1);
        }
        status = recalled(ctx, sent, idx, m, status);
        if !signed_before {
            status = recalled_by_narration(ctx, sent, status);
        }
        lead = Some((sent, status));
        let count = count_before(ctx, idx, m);
        let sides = segment::after(ctx, idx);
        let listed = sides.country_count() >= 2;
        if Ctx::is(m, CueClass::Plural) && count < 2 && !plural_names(ctx, idx, listed, status) {
            status = None;
        }
        let plural = Ctx::is(m, CueClass::Plural)
            || count >= 2
            || plural_form(ctx.folded_range(m.start, m.end));
        out.push(InstrumentMention {
            idx,
            sent,
            instrument,
            generic,
            status,
            count,
            ordinal: ordinal_near(ctx, idx, m),
            counterpart: sides.first(),
            spread: plural && listed,
            another: segment::another(ctx, idx) || item,
            plural,
            indefinite: !plural && segment::indefinite(ctx, idx),
            additive: !plural && segment::additive(ctx, idx),
        });
        signed_before |= matches!(status, Some((Status::Signed, _)));
    }
    out
}

/// The nearest status cue of the instrument's own clause, by distance in bytes (then
/// of the sentence), not beyond another instrument mention (a cue past one belongs to
/// it); a cue before the instrument counts a little nearer (verbs precede their
/// objects). Each scan stops at the next instrument, so the whole pass stays linear.
/// The main verb before the instrument governs a signing told after it: "approved the
/// MoU signed in Rabat", "وافق … على مذكرة تفاهم وقعتها" is ratified.
fn nearest_status(ctx: &Ctx<'_>, sent: usize, idx: usize, m: &Mention) -> Option<(Status, usize)> {
    let (first, last) = ctx.sent_mentions[sent];
    let (lo, hi) = clause_of(ctx, sent, m);
    let inside = |x: &Mention| x.fstart >= lo && x.fend <= hi;
    let mut best: Option<(bool, usize, Status, usize)> = None;
    let mut ratified_before: Option<usize> = None;
    let mut consider = |k: usize, d: usize| {
        let x = &ctx.mentions[k];
        if let Some(st) = Ctx::cue(x).and_then(|(class, _)| status_of(class)) {
            let key = (!inside(x), d);
            if best.is_none_or(|b| key < (b.0, b.1)) {
                best = Some((key.0, d, st, k));
            }
            if st == Status::Ratified && k < idx && inside(x) && ratified_before.is_none() {
                ratified_before = Some(k);
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
    let status = best.map(|(_, _, s, k)| (s, k));
    match (status, ratified_before) {
        (Some((Status::Signed, k)), Some(r)) if k > idx => Some((Status::Ratified, r)),
        _ => status,
    }
}

/// A modal, a future or an intention governs the signing noun or verb just after it,
/// adverbs between: "تعتزمان توقيع", "devraient prochainement signer", "is set to
/// formally ink", "سيتم خلال الزيارة توقيع" make the instrument planned.
fn planned_by_modal(
    ctx: &Ctx<'_>,
    sent: usize,
    m: &Mention,
    status: Option<(Status, usize)>,
) -> Option<(Status, usize)> {
    let Some((Status::Signed | Status::Referenced, k)) = status else {
        return status;
    };
    let (first, _) = ctx.sent_mentions[sent];
    let (lo, hi) = clause_of(ctx, sent, m);
    let inside = |x: &Mention| x.fstart >= lo && x.fend <= hi;
    let c = &ctx.mentions[k];
    let from = first.max(k.saturating_sub(4));
    let Some(p) = ctx.mentions[from..k]
        .iter()
        .rposition(|x| Ctx::is(x, CueClass::Planned) || Ctx::is(x, CueClass::Modal))
    else {
        return status;
    };
    let p = from + p;
    let gap = ctx.folded_range(ctx.mentions[p].end.min(c.start), c.start);
    let near = gap.chars().count() <= 32 && !gap.contains([',', '.', ';', ':']);
    if near
        && inside(&ctx.mentions[p]) == inside(c)
        && !ctx.mentions[p + 1..k].iter().any(is_instrument)
    {
        Some((Status::Planned, p))
    } else {
        status
    }
}

/// "Aucun accord n'a été signé", "No documents were signed", "لم يتم توقيع": a
/// negation around the instrument and its verb leaves it unanchored.
fn negated(ctx: &Ctx<'_>, sent: usize, m: &Mention, status: Option<(Status, usize)>) -> bool {
    let Some((_, k)) = status else {
        return false;
    };
    let c = &ctx.mentions[k];
    let (ss, _) = ctx.sents[sent];
    let from = ctx.words_before(m.start.min(c.start), 6).max(ss);
    let to = m.end.max(c.end);
    ctx.overlapping(sent, from, to)
        .iter()
        .any(|x| Ctx::is(x, CueClass::Negation))
}

/// Coordinated instruments share their verb: "ont signé un mémorandum ainsi qu'un plan
/// d'action", "وقعتا مذكرة تفاهم وبرنامجا تنفيذيا".
fn coordinated_status(
    ctx: &Ctx<'_>,
    prev: Option<&InstrumentMention>,
    sent: usize,
    m: &Mention,
) -> Option<(Status, usize)> {
    let prev = prev.filter(|p| p.sent == sent)?;
    let gap = ctx.folded_range(ctx.mentions[prev.idx].end.min(m.start), m.start);
    let coordinated = rules::rules(ctx.lang)
        .coordination
        .iter()
        .any(|c| gap.contains(c));
    if gap.len() <= 60 && coordinated {
        prev.status
    } else {
        None
    }
}

/// A recall cue ("dans le cadre du", "under the") just before the instrument, or a
/// past-time cue near it ("signé en 2021"), makes a signed one referenced.
fn recalled(
    ctx: &Ctx<'_>,
    sent: usize,
    idx: usize,
    m: &Mention,
    status: Option<(Status, usize)>,
) -> Option<(Status, usize)> {
    let Some((Status::Signed, k)) = status else {
        return status;
    };
    let (first, _) = ctx.sent_mentions[sent];
    let recall = ctx.mentions[first..idx]
        .iter()
        .rev()
        .take(2)
        .any(|x| Ctx::is(x, CueClass::Recall) && m.start.saturating_sub(x.end) <= 12);
    if recall || past_cue_near(ctx, sent, m) {
        Some((Status::Referenced, k))
    } else {
        status
    }
}

/// A signing told without a time of its own, after sentences that narrate an earlier
/// time ("a visit by President X last year, during which … They also signed two
/// MoUs."): the last time told in the nearest timed sentence before it, if it is a past
/// cue ("last year", "l'an dernier", "العام الماضي"), makes the signing background. Only
/// for the article's first signing: once a signing is news, later ones are too.
fn recalled_by_narration(
    ctx: &Ctx<'_>,
    sent: usize,
    status: Option<(Status, usize)>,
) -> Option<(Status, usize)> {
    const BACK: usize = 3;
    let Some((Status::Signed, k)) = status else {
        return status;
    };
    let past = |x: &Mention| Ctx::is(x, CueClass::Past);
    if !ctx.dates(sent).is_empty() || ctx.in_sentence(sent).iter().any(past) {
        return status;
    }
    for s in (sent.saturating_sub(BACK)..sent).rev() {
        let last_past = ctx.in_sentence(s).iter().rev().find(|x| past(x));
        let last_date = ctx.dates(s).iter().rev().find(|d| !d.stamp);
        match (last_past, last_date) {
            (None, None) => continue,
            (Some(p), d) if d.is_none_or(|d| d.span.start < p.end + 24) => {
                return Some((Status::Referenced, k));
            }
            _ => return status,
        }
    }
    status
}

/// "the existing agreements", "les accords signés": a plural names instruments only
/// with a number ("two agreements"), a vague quantifier ("several agreements") or a
/// list of counterparts ("agreements with Ghana and Kenya"); otherwise it opens none.
/// A list makes news only of a signing, a plan or a ratification: "the existing
/// agreements with Rwanda and Mozambique" are background, no frames.
fn plural_names(ctx: &Ctx<'_>, idx: usize, listed: bool, status: Option<(Status, usize)>) -> bool {
    let news = matches!(
        status,
        Some((Status::Signed | Status::Planned | Status::Ratified, _))
    );
    (listed && news) || segment::vague_plural(ctx, idx)
}

/// The folded range of an instrument's own clause: from the last clause break before
/// it to the first after it, within 45 words (a relative pronoun right after
/// the instrument opens its description, not another clause).
fn clause_of(ctx: &Ctx<'_>, sent: usize, m: &Mention) -> (usize, usize) {
    // Words on either side of the mention a clause may reach.
    const REACH: usize = 45;
    let t = &ctx.folded.text;
    let (ss, se) = ctx.sents[sent];
    let (fs, fe) = (ctx.to_folded(ss), ctx.to_folded(se).min(t.len()));
    let tokens = ctx.tokens();
    let a = tokens.back(m.fstart, REACH).max(fs).min(m.fstart);
    let b = tokens.forward(m.fend, REACH).min(fe).max(m.fend);
    let words = rules::clause_words(ctx.lang);
    let lo = words.clause.last_end(&t[a..m.fstart]).map_or(a, |i| a + i);
    let after = &t[m.fend..b];
    let lead = after.len() - after.trim_start_matches([' ', ',']).len();
    let relative = after
        .get(lead + 1..)
        .and_then(|x| words.relative.first_start(x))
        .map(|i| m.fend + lead + 1 + i);
    let clause = words.clause.first_start(after).map(|i| m.fend + i);
    let hi = clause.into_iter().chain(relative).min().unwrap_or(b);
    (lo, hi)
}

/// A stated number of instruments: "deux mémorandums", "three MoUs", Arabic duals.
pub(super) fn count_before(ctx: &Ctx<'_>, idx: usize, m: &Mention) -> u16 {
    // "two MoUs", "trois conventions", "three digital cooperation documents": the number
    // stands a few words before the noun, with nothing but description between.
    for p in ctx.mentions[idx.saturating_sub(3)..idx].iter().rev() {
        match Ctx::cue(p) {
            Some((CueClass::Number, CueValue::Number(n))) => {
                let gap = &ctx.text[p.end.min(m.start)..m.start];
                let near = ctx.words_between(p.end.min(m.start), m.start) <= 6;
                if near && !gap.contains([',', '.', ';', '،']) && (2..=10).contains(&n) {
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
        if super::ar::DUAL_ENDINGS.iter().any(|e| head.ends_with(e)) {
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
pub(super) fn ordinal_near(ctx: &Ctx<'_>, idx: usize, m: &Mention) -> u16 {
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
pub(super) fn past_cue_near(ctx: &Ctx<'_>, sent: usize, m: &Mention) -> bool {
    let (ss, se) = ctx.sents[sent];
    let window = ctx.overlapping(
        sent,
        m.start.saturating_sub(120).max(ss),
        (m.end + 120).min(se),
    );
    if window.iter().any(|x| Ctx::is(x, CueClass::Past)) {
        return true;
    }
    // With no date to place the article, a signing given only a year ("signed with the
    // UAE in 2021") is background: news of the day names the day.
    let reference = ctx.reference();
    let dates = ctx.dates(sent);
    let lo = dates.partition_point(|d| d.span.start + 160 < m.start);
    dates[lo..]
        .iter()
        .take_while(|d| d.span.start < m.start + 160)
        .any(|d| {
            let Some(p) = reference else {
                return matches!(d.when, When::Year(_)) && d.span.start.abs_diff(m.start) < 160;
            };
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
                        Some((
                            CueClass::Instrument | CueClass::Generic | CueClass::Plural,
                            _
                        ))
                    )
                });
            past && !other && d.span.start.abs_diff(m.start) < 160
        })
}

/// Whether two frames may be one instrument by their counterparts: none named on one
/// side, or one in common.
fn same_sides(a: &Frame, b: &Frame) -> bool {
    a.counterparts.is_empty()
        || b.counterparts.is_empty()
        || a.counterparts.iter().any(|c| b.counterparts.contains(c))
}

pub(super) fn compatible(f: &Frame, im: &InstrumentMention) -> bool {
    im.generic || !f.specific || f.instrument == im.instrument
}

/// The frames of a text, one per instrument it reports, built in named passes:
/// anchors ("ont signé un mémorandum") open or join frames (`anchor_frames`), a
/// generic headline frame joins the specific one (`merge_generic`), a signing joins
/// the ratification that approves it (`absorb_signings`), bare mentions ("Cet accord
/// prévoit …") join the nearest frame (`attach_bare`), then the sentences that go on
/// about a frame, name its signers or lead with its ordinal join it.
pub(super) fn frames(ctx: &Ctx<'_>, ims: &[InstrumentMention]) -> Vec<Frame> {
    let mut countries = SentenceCountries(vec![None; ctx.sents.len()]);
    countries.fill_all(ctx);
    let mut frames = anchor_frames(ctx, ims, &mut countries);
    merge_generic(&mut frames);
    absorb_signings(&mut frames);
    for f in &mut frames {
        f.core.sort_unstable();
        f.core.dedup();
    }
    attach_bare(ctx, ims, &mut frames);
    for f in &mut frames {
        tidy(f);
    }
    continuation_sentences(ctx, &mut frames);
    signer_sentences(ctx, &mut frames);
    ordinal_sentences(ctx, &mut frames);
    for f in &mut frames {
        for &s in &f.core.clone() {
            f.sents.push(s);
        }
        tidy(f);
    }
    frames
}

/// Sorts a frame's sentence lists and drops repeats.
fn tidy(f: &mut Frame) {
    f.core.sort_unstable();
    f.core.dedup();
    f.sents.sort_unstable();
    f.sents.dedup();
}

fn span_of(ctx: &Ctx<'_>, i: usize) -> Span {
    Span::new(ctx.mentions[i].start, ctx.mentions[i].end)
}

/// Anchors (mentions with a status) in text order: each joins the frame it re-mentions
/// ("… signed a memorandum … The memorandum was signed by …") or opens frames of its
/// own ("two MoUs" opens two).
fn anchor_frames(
    ctx: &Ctx<'_>,
    ims: &[InstrumentMention],
    countries: &mut SentenceCountries,
) -> Vec<Frame> {
    let mut frames: Vec<Frame> = Vec::new();
    for im in ims {
        let Some((status, _)) = im.status else {
            continue;
        };
        match anchor_target(ctx, &frames, im, status, countries) {
            Some(t) => {
                let f = &mut frames[t];
                f.name(im, span_of(ctx, im.idx));
                // Anchors come in text order: one entry per sentence keeps the core
                // as short as the frame's sentences.
                if f.core.last() != Some(&im.sent) {
                    f.core.push(im.sent);
                }
                countries.join(ctx, im.sent, &mut f.countries);
                if let Some(c) = im.counterpart.filter(|c| !f.counterparts.contains(c)) {
                    f.counterparts.push(c);
                }
            }
            None => open_frames(ctx, &mut frames, im, countries),
        }
    }
    frames
}

/// The frame an anchor joins, if any. A count ("deux mémorandums") or rule
/// `another_instrument` ("un autre mémorandum") names instruments of its own, unless
/// "another" picks out a member of a counted group ("two MoUs … one on trade, another
/// on health"); rule `distributive_counterparts` ("MoUs with Ghana and Kenya") joins
/// only a frame of the same list; then an ordinal, then a counterpart in common
/// ("the MoU with Ghana"), then the latest frame of the same kind and sides.
fn anchor_target(
    ctx: &Ctx<'_>,
    frames: &[Frame],
    im: &InstrumentMention,
    status: Status,
    countries: &mut SentenceCountries,
) -> Option<usize> {
    let one_more = im.another && frames.iter().all(|f| f.ordinal <= 1);
    if im.count > 1 || one_more || im.additive {
        return None;
    }
    if im.spread {
        let list = segment::after(ctx, im.idx).countries();
        return frames.iter().rposition(|f| {
            let theirs = f.spread.countries();
            f.status == status
                && compatible(f, im)
                && theirs.len() == list.len()
                && list.iter().all(|c| theirs.iter().any(|t| t.0 == c.0))
        });
    }
    if let Some(t) = by_ordinal(frames, im) {
        return Some(t);
    }
    if ordinal_opens(frames, im) {
        return None;
    }
    let by_counterpart = im.counterpart.and_then(|c| {
        frames
            .iter()
            .rposition(|f| f.status == status && compatible(f, im) && f.counterparts.contains(&c))
    });
    if by_counterpart.is_some() {
        return by_counterpart;
    }
    let here = countries.of(ctx, im.sent).to_vec();
    let fits = |f: &Frame| {
        f.status == status
            && compatible(f, im)
            && same_pair(&here, f)
            && same_side(im, f, countries)
            && !group_member(im, f)
    };
    frames
        .iter()
        .rposition(|f| f.ordinal <= 1 && fits(f))
        // Several frames from a count: the mention attaches to the last one.
        .or_else(|| frames.iter().rposition(fits))
}

/// Rule `ordinal_without_count`: an ordinal past the frames of its kind names one
/// more instrument ("an MoU … the second MoU", "la première convention … la seconde
/// convention", "المذكرة الثانية") though no count was stated.
fn ordinal_opens(frames: &[Frame], im: &InstrumentMention) -> bool {
    im.ordinal >= 2 && frames.iter().filter(|f| compatible(f, im)).count() < im.ordinal as usize
}

/// Another pair of countries is another instrument: "l'accord avec le Brésil … la
/// convention avec la Guinée équatoriale". Unless one side names none.
fn same_pair(here: &[crate::Country], f: &Frame) -> bool {
    let there = &f.countries;
    here.is_empty()
        || there.is_empty()
        || !(here.iter().any(|c| !there.contains(c)) && there.iter().any(|c| !here.contains(c)))
}

/// Rule `new_counterpart`: signed "with" another country or body than the frame's is
/// another instrument ("an MoU with Huawei … an MoU with the Digital Agency"), unless
/// that one is the frame's own side named again ("X signed with Y … Y's minister
/// signed with X").
fn same_side(im: &InstrumentMention, f: &Frame, countries: &SentenceCountries) -> bool {
    let Some(new) = im.counterpart else {
        return true;
    };
    if f.counterparts.contains(&new) {
        return true;
    }
    let kind = |c: &Counterpart| matches!(c, Counterpart::Country(_));
    if !f.counterparts.iter().any(|c| kind(c) == kind(&new)) {
        return true;
    }
    match new {
        Counterpart::Country(c) => f
            .core
            .iter()
            .any(|&s| s != im.sent && countries.cached(s).contains(&c)),
        Counterpart::Body(_) => false,
    }
}

/// Rule `group_member`: after a group named in the plural ("exchanged memorandums"),
/// "a memorandum on youth" in a sentence of its own is one more member, an instrument
/// of its own.
fn group_member(im: &InstrumentMention, f: &Frame) -> bool {
    f.group && im.indefinite && !f.core.contains(&im.sent)
}

/// Opens the frames of an anchor that joins none: one, or as many as its count ("trois
/// conventions"). A count repeats an existing group ("les deux mémorandums") when
/// frames of that kind already exist; the frames already open are the first members of
/// a counted group ("un mémorandum … Les deux mémorandums …").
fn open_frames(
    ctx: &Ctx<'_>,
    frames: &mut Vec<Frame>,
    im: &InstrumentMention,
    countries: &mut SentenceCountries,
) {
    let Some((status, sidx)) = im.status else {
        return;
    };
    let m = &ctx.mentions[im.idx];
    let existing = frames
        .iter()
        .filter(|f| f.status == status && compatible(f, im))
        .count();
    if im.count > 1 && existing >= im.count as usize {
        for f in frames.iter_mut().filter(|f| f.status == status) {
            f.name(im, span_of(ctx, im.idx));
            f.core.push(im.sent);
            countries.join(ctx, im.sent, &mut f.countries);
        }
        return;
    }
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
            countries.join(ctx, im.sent, &mut f.countries);
        }
    }
    // A member of a group is itself one of the group: its siblings ("a memorandum on
    // culture … a memorandum on youth") do not join it.
    let member_of_group = im.indefinite && frames.iter().any(|f| f.group);
    let n = im.count.saturating_sub(existing as u16).max(1);
    for k in k0..k0 + n {
        frames.push(Frame {
            instrument: im.instrument,
            instrument_span: Span::new(m.start, m.end),
            specific: !im.generic,
            status,
            status_span: span_of(ctx, sidx),
            core: vec![im.sent],
            countries: countries.of(ctx, im.sent).to_vec(),
            sents: vec![im.sent],
            ordinal: if im.count > 1 { k + 1 } else { im.ordinal },
            signers: Vec::new(),
            about: Vec::new(),
            counterparts: im.counterpart.into_iter().collect(),
            group: (im.plural && im.count <= 1 && !im.spread) || member_of_group,
            own: im.another || im.additive,
            spread: if im.spread {
                segment::after(ctx, im.idx)
            } else {
                segment::Counterparts::default()
            },
        });
    }
}

/// A generic frame that another frame of the same status covers is the same
/// instrument named generically (a headline's "accord" and the body's "mémorandum").
/// A member of a counted group ("deux accords") is an instrument of its own.
fn merge_generic(frames: &mut Vec<Frame>) {
    let mut i = 0;
    while i < frames.len() {
        let f = &frames[i];
        if !f.specific && !f.own && f.ordinal == 0 && f.spread.list.is_empty() {
            if let Some(j) = frames
                .iter()
                .position(|o| o.specific && o.status == f.status && same_sides(o, f))
            {
                let core = frames[i].core.clone();
                frames[j].core.extend(core);
                frames.remove(i);
                continue;
            }
        }
        i += 1;
    }
}

/// The ratification a signing belongs to, if any: the ratification of the signing's
/// counterpart first ("approved agreements with Tanzania and Saudi Arabia … the MoU
/// with Saudi Arabia was signed …"), then the signings in turn. A cabinet approves
/// "agreements" that were signed as MoUs.
fn ratification_of(frames: &[Frame], i: usize, absorbed: &[usize]) -> Option<usize> {
    let f = &frames[i];
    if !matches!(f.status, Status::Signed | Status::Referenced) {
        return None;
    }
    (0..frames.len())
        .filter(|&j| {
            let o = &frames[j];
            o.status == Status::Ratified
                && (o.instrument == f.instrument
                    || !o.specific
                    || !f.specific
                    || o.instrument == Instrument::Agreement
                    || f.instrument == Instrument::Agreement)
        })
        .min_by_key(|&j| {
            let theirs = frames[j].spread.ranked(frames[j].ordinal);
            let ours = theirs.is_some_and(|c| f.countries.contains(&c));
            (!ours, absorbed[j])
        })
}

/// A ratification is about an instrument signed before: the signing's sentences (its
/// date, place, signatories) belong to the ratified frame. Several ratifications
/// ("approuvé deux textes … le premier … le second") take the signings in turn.
fn absorb_signings(frames: &mut Vec<Frame>) {
    let mut absorbed = vec![0usize; frames.len()];
    let mut i = 0;
    while i < frames.len() {
        let Some(j) = ratification_of(frames, i, &absorbed) else {
            i += 1;
            continue;
        };
        absorbed[j] += 1;
        absorbed.remove(i);
        let core = frames[i].core.clone();
        // The signing's specific name wins over the approval's "agreements".
        let vaguer = !frames[j].specific || frames[j].instrument == Instrument::Agreement;
        if frames[i].specific && vaguer {
            frames[j].instrument = frames[i].instrument;
            frames[j].instrument_span = frames[i].instrument_span;
            frames[j].specific = true;
        }
        frames[j].core.extend(core);
        frames.remove(i);
    }
}

/// Bare mentions (no status) attach to the nearest earlier compatible frame (or the
/// first): "… signé à Rabat. Cet accord prévoit …". A plural ("ces accords", "وتهدف
/// مذكرات التفاهم") speaks of all of today's frames.
fn attach_bare(ctx: &Ctx<'_>, ims: &[InstrumentMention], frames: &mut [Frame]) {
    let news = frames.iter().any(|f| f.status != Status::Referenced);
    for im in ims.iter().filter(|im| im.status.is_none()) {
        let m = &ctx.mentions[im.idx];
        if plural_form(ctx.folded_range(m.start, m.end)) {
            for f in frames
                .iter_mut()
                .filter(|f| compatible(f, im) && f.status != Status::Referenced)
            {
                f.sents.push(im.sent);
            }
            continue;
        }
        // The frame whose anchors stand nearest before, the later one on a tie. "Ce
        // partenariat …" after a recalled instrument goes on about today's news.
        let before = (0..frames.len())
            .filter(|&j| compatible(&frames[j], im))
            .filter(|&j| !(im.generic && news && frames[j].status == Status::Referenced))
            .filter_map(|j| {
                let core = &frames[j].core;
                let i = core.partition_point(|&c| c <= im.sent);
                core[..i].last().map(|&c| (c, j))
            })
            .max()
            .map(|(_, j)| j);
        let t = by_ordinal(frames, im)
            .or(before)
            .or_else(|| frames.iter().position(|f| compatible(f, im)));
        if let Some(t) = t {
            let f = &mut frames[t];
            f.name(im, span_of(ctx, im.idx));
            f.sents.push(im.sent);
        }
    }
}

/// A sentence that goes on about the instrument ("Ce partenariat vise …") joins the
/// frame of the sentence before it; one that speaks of the pair ("In addition, the two
/// governments intend to …") is read for the frame's domains only.
fn continuation_sentences(ctx: &Ctx<'_>, frames: &mut [Frame]) {
    let cont = rules::rules(ctx.lang).continuation;
    let mut owned = vec![false; ctx.sents.len()];
    for f in frames.iter() {
        for &s in &f.sents {
            owned[s] = true;
        }
    }
    for f in frames.iter_mut() {
        let mut extra = Vec::new();
        let mut about = Vec::new();
        for &s in f.sents.iter().chain(f.core.iter()) {
            let next = s + 1;
            // A sentence that already belongs to another frame stays there.
            if next >= ctx.sents.len() || owned[next] {
                continue;
            }
            if continues(ctx, next, cont) {
                extra.push(next);
            } else if ctx
                .in_sentence(next)
                .iter()
                .any(|m| Ctx::is(m, CueClass::Pair))
            {
                about.push(next);
            }
        }
        f.sents.extend(extra);
        f.about = about;
    }
}

/// A sentence with a signing verb and no instrument, just after a frame's sentence,
/// names that frame's signers ("X signed on behalf of the Kingdom, while Y …").
fn signer_sentences(ctx: &Ctx<'_>, frames: &mut [Frame]) {
    for s in 0..ctx.sents.len() {
        let ms = ctx.in_sentence(s);
        let signing =
            ms.iter().any(|m| Ctx::is(m, CueClass::Signed)) && !ms.iter().any(is_instrument);
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
}

/// "Le second est …", "The first concerns …": a sentence led by an ordinal speaks of
/// that instrument of a counted group.
fn ordinal_sentences(ctx: &Ctx<'_>, frames: &mut [Frame]) {
    for s in 0..ctx.sents.len() {
        let lead = ctx.in_sentence(s).first().and_then(|m| match Ctx::cue(m) {
            Some((CueClass::Ordinal, CueValue::Number(n)))
                if ctx.words_between(ctx.sents[s].0, m.start) <= 2 =>
            {
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
}

pub(super) fn continues(ctx: &Ctx<'_>, s: usize, starts: &[&str]) -> bool {
    let (a, b) = ctx.sents[s];
    let f = ctx.folded_range(a, b.min(a + 80));
    let f = f.trim_start_matches(|c: char| !crate::text::is_word_char(c));
    starts.iter().any(|w| f.starts_with(w))
}

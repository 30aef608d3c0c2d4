//! Extraction: the shared frame builder, then the fields of each frame.
//!
//! 1. Instrument mentions with a status cue in their sentence are anchors; anchors of
//!    one kind and status merge into one frame, distinct ones (another kind, another
//!    status, a stated count) open new frames. Instrument mentions without a status
//!    ("ce mémorandum", "the MoU") attach to the nearest frame of their kind.
//! 2. Each frame reads its fields from its sentences: the anchors' sentences first
//!    ("core"), then the sentences of its other mentions.
//!
//! Files: `context` (the document: folded text, sentences, mentions), `frames` (step 1),
//! `fields` (step 2), `places` (which countries are parties and which places are
//! locations), `signatories`, `dates`, and `fr`/`en`/`ar` with the grammatical words of
//! each language (`rules` gathers them).

mod ar;
mod context;
mod dates;
mod en;
mod events;
mod fields;
mod fr;
mod frames;
mod places;
mod rules;
mod segment;
mod signatories;

use context::Ctx;
use dates::{DateMention, When};
use fields::fill;
use frames::{frames, instrument_mentions, Frame};
use places::party_of;

use crate::gazetteer::{CueClass, Gazetteer, Lang};
use crate::model::{Agreement, Extraction, Instrument, Language, PartialDate, Status};
use crate::Document;

pub(crate) fn extract(g: &Gazetteer, doc: &Document<'_>) -> Extraction {
    let text = doc.text();
    let base = doc.body_offset();
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
    let ctx = Ctx::new(
        g,
        text,
        base,
        lang,
        doc.publication().filter(PartialDate::is_valid),
    );
    let agreements = build(&ctx);
    Extraction {
        language,
        agreements,
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
    // The statuses of the frames that read each sentence: an event set in the sentence
    // of an instrument of another status (an earlier, recalled one) belongs to it.
    let mut readers = vec![0u8; ctx.sents.len()];
    for f in &frames {
        for &s in &f.sents {
            readers[s] |= fields::status_bit(f.status);
        }
    }
    let doc = fields::DocFacts {
        single,
        ranges: &ranges,
        readers: &readers,
    };
    let mut out: Vec<Agreement> = frames.iter().map(|f| fill(ctx, f, &doc, false)).collect();
    segment::scope_parties(&mut out, &frames);
    // Each agreement beside its frame, so that the steps below keep them together.
    let mut out: Vec<(Agreement, &Frame)> = out.into_iter().zip(&frames).collect();
    // A roadmap or action plan of one country is a national strategy, not an agreement.
    out.retain(|(a, _)| a.instrument.value != Instrument::ActionPlan || a.parties.len() != 1);
    if let Some(main) = out
        .iter()
        .find(|(a, _)| !a.parties.is_empty())
        .map(|(a, _)| a.parties.clone())
    {
        // A frame that names no country, beside frames that do, is the same pair when
        // it says so ("signé par les deux pays en 2019", "واتفق الجانبان على إعداد خطة
        // عمل") or reports a signing of its own ("cérémonie de signature d'un accord"),
        // and otherwise a stray mention ("reviewed a memorandum on the tourism season").
        for (a, f) in out.iter_mut() {
            let pair = f.core.iter().any(|&s| {
                ctx.in_sentence(s)
                    .iter()
                    .any(|m| Ctx::is(m, CueClass::Pair))
            });
            if a.parties.is_empty() && (pair || f.status == Status::Signed) {
                a.parties = main.clone();
            }
        }
        out.retain(|(a, _)| !a.parties.is_empty());
    } else if !out.is_empty() {
        // No country near any instrument: the article's most-named countries.
        out = frames
            .iter()
            .map(|f| (fill(ctx, f, &doc, true), f))
            .collect();
    }
    // One agreement per country of a distributive plural. The home side is ranked
    // only for the articles whose frames name a counterpart.
    let home = if frames.iter().any(|f| !f.counterparts.is_empty()) {
        places::ranked_countries(ctx)
    } else {
        Vec::new()
    };
    let mut spread = Vec::with_capacity(out.len());
    for (mut a, f) in out {
        segment::home_side(&mut a, f, &home);
        spread.extend(segment::spread(a, &f.spread, f.ordinal, &home));
    }
    spread.truncate(MAX_AGREEMENTS);
    spread
}

//! Signatories and title phrases: who signs, and for which side.

use super::context::Ctx;
use super::rules::rules;
use super::{party_of, Frame};
use crate::gazetteer::{CountryKind, CueClass, Entry, Lang, Mention};
use crate::model::{Rule, Signatory, Span, Status};
use crate::text::is_word_char;

/// Phrases opened by a title or body cue ("la ministre déléguée chargée de …",
/// "وزير الاتصالات وتقنية المعلومات السعودي"), closed by punctuation, a cue of another
/// kind, or a dozen words. Original byte ranges.
pub(crate) fn title_phrases(ctx: &Ctx<'_>, s: usize, class: CueClass) -> Vec<(usize, usize)> {
    let ms = ctx.in_sentence(s);
    let (_, send) = ctx.sents[s];
    let mut out = Vec::new();
    for (k, m) in ms.iter().enumerate() {
        if !Ctx::is(m, class) {
            continue;
        }
        let mut end = send;
        // Stop at the next cue that is not part of a title: status, instrument, person,
        // another title opener, dates.
        for x in &ms[k + 1..] {
            if x.start > m.start + 400 {
                break;
            }
            let stop = match x.entry {
                Entry::Cue { class: c, .. } => {
                    !matches!(c, CueClass::Domain | CueClass::Body | CueClass::Title)
                }
                Entry::Person(_) => true,
                _ => false,
            } || (Ctx::is(x, CueClass::Title) && class == CueClass::Body);
            if stop {
                end = x.start;
                break;
            }
        }
        let tail = &ctx.text[m.start..end];
        let mut stop = tail.len();
        let mut commas = 0;
        for (i, c) in tail.char_indices() {
            // Ministry names list their portfolios between commas: "ministre de la
            // Communication, des Télécommunications et du Numérique", "Cabinet Secretary
            // for Information, Communications and the Digital Economy".
            if (c == ',' || c == '،')
                && commas < 2
                && lists_portfolio(ctx, &tail[i + c.len_utf8()..])
            {
                commas += 1;
                continue;
            }
            if matches!(
                c,
                ',' | ';' | ':' | '.' | '(' | ')' | '«' | '»' | '"' | '\n' | '،' | '؛' | '“' | '”'
            ) {
                stop = i;
                break;
            }
        }
        let mut words = 0;
        let mut last = 0;
        for (i, c) in tail[..stop].char_indices() {
            if c.is_whitespace() && i > last + 1 {
                words += 1;
                if words >= 14 {
                    stop = i;
                    break;
                }
            }
            if c.is_whitespace() {
                last = i;
            }
        }
        out.push((m.start, m.start + tail[..stop].trim_end().len()));
    }
    out
}

/// The words of one language that the signer rules read around a name (folded, lower
/// case). Each language file holds one (`SIGNERS`).
pub(crate) struct SignerWords {
    /// Words that join a title to its portfolio or body: the capitalised words right
    /// after them are the portfolio, not a name ("Minister of Public Works",
    /// "Vice-Président en charge des Relations Publiques").
    pub portfolio_join: &'static [&'static str],
    /// Conjunctions inside a portfolio ("Digital Transition and Administrative Reform"):
    /// a join only after a capitalised word that is not a name, with no comma before.
    pub portfolio_and: &'static [&'static str],
    /// Words before a portfolio's first word ("Minister of Science Aisén Etcheverry").
    pub title_of: &'static [&'static str],
    /// A head of state's bare title, folded ("president", "الرييس"): with a
    /// nationality, a president presides.
    pub president: &'static [&'static str],
    /// What may stand after a clause's "and" before a title ("his ", "le ").
    pub after_and: &'static [&'static str],
    /// A conjunction written glued to the next word (Arabic "و"), or "".
    pub glued_and: &'static str,
    /// Words that a glued conjunction opens a new signer's clause with: a side ("وعن
    /// الجانب"), a counterpart, a title or an honorific (as written).
    pub clause_opener: &'static [&'static str],
    /// Words that lead to a side's signer ("مع", "عن", "بين"), folded.
    pub name_lead: &'static [&'static str],
    /// Words after a signing verb that name the side its subject signs for ("on behalf
    /// of ", "au nom de ", "نيابة عن"), folded.
    pub on_behalf: &'static [&'static str],
    /// Signing cues that are nouns, not verbs ("signature", "the signing"), folded: a
    /// name before one is not its subject ("X à la cérémonie de signature").
    pub signing_noun: &'static [&'static str],
    /// Prefixes of a word that carries the article, bare or after a clitic ("ال",
    /// "وال", "لل"), folded.
    pub article: &'static [&'static str],
    /// Nouns of a group or an agent that a person's title may follow as its possessor
    /// ("la délégation du président X", "the delegation of President X"), folded: the
    /// group signs, not the person.
    pub possessed: &'static [&'static str],
    /// Prepositions between such a noun and the title ("du", "de la", "of"), folded.
    pub possessor_of: &'static [&'static str],
}

pub(crate) fn signer_words(lang: Lang) -> &'static SignerWords {
    match lang {
        Lang::Fr => &super::fr::SIGNERS,
        Lang::En => &super::en::SIGNERS,
        Lang::Ar => &super::ar::SIGNERS,
    }
}

/// Name candidates read from one sentence at most: a longer run is a list.
const MAX_CANDIDATES: usize = 128;

/// No instrument has more signers than this; past it, a text is a list, not a report.
const MAX_SIGNATORIES: usize = 32;

/// Whether the words after a comma go on listing a ministry's portfolio.
fn lists_portfolio(ctx: &Ctx<'_>, after: &str) -> bool {
    let t = after.trim_start();
    rules(ctx.lang).portfolio.iter().any(|p| t.starts_with(p))
        || (t.chars().next().is_some_and(|c| c.is_uppercase())
            && t.split([',', '.'])
                .next()
                .is_some_and(|seg| seg.contains(" and ")))
}

/// The people who sign, in the frame's core sentences, with the side found for each.
pub(crate) fn find(ctx: &Ctx<'_>, f: &Frame) -> (Vec<Signatory>, Vec<Side>) {
    let mut out: Vec<Signatory> = Vec::new();
    let mut sides: Vec<Side> = Vec::new();
    for &s in f.core.iter().chain(&f.signers) {
        // A ratification's own sentence names who approved it, not who signed.
        if f.status == Status::Ratified
            && !ctx
                .in_sentence(s)
                .iter()
                .any(|m| Ctx::is(m, CueClass::Signed))
        {
            continue;
        }
        let names = match ctx.lang {
            Lang::Ar => arabic_names(ctx, s),
            _ => latin_names(ctx, s),
        };
        let mut last_witness = None;
        let nominal = first_signing_noun(ctx, s);
        for (a, b, person) in names {
            // "à la cérémonie de signature, M. X a salué": with no signing verb, a name
            // after the noun signs only when the signature is "by" or "between" them.
            let after_noun = nominal.is_some_and(|n| n <= a);
            if after_noun && !after_signer_lead(ctx, s, a) && !between_after_noun(ctx, s, a) {
                continue;
            }
            // Who will sign a planned instrument is known only when the text says so.
            if f.status == Status::Planned && !after_signer_lead(ctx, s, a) {
                continue;
            }
            if out.len() >= MAX_SIGNATORIES {
                return (out, sides);
            }
            // A head of state signs only when the text says so: "le Premier ministre X a
            // signé".
            let head = headed(ctx, s, a) && !signs_after(ctx, s, b) && !verb_before_head(ctx, s, a);
            let listed = last_witness.is_some_and(|w| listed_with_witness(ctx, s, w, a, b));
            let witness = witnessed(ctx, s, a) && !signs_after(ctx, s, b);
            if witness || witness_after(ctx, s, b) || listed {
                last_witness = Some(b);
                continue;
            }
            if head || possessor(ctx, s, a) {
                continue;
            }
            let name = ctx.text[a..b].trim().to_string();
            if out.iter().any(|o| same_name(&o.name, &name)) {
                continue;
            }
            let mut side = side(ctx, s, a, b);
            let mut canonical = None;
            if let Some(p) = person {
                let p = &ctx.g.people[p as usize];
                if side == Side::Unknown {
                    side = Side::Country(p.country);
                }
                canonical = Some(p.name.clone());
            }
            let country = match side {
                Side::Country(c) => Some(c),
                _ => None,
            };
            sides.push(side);
            out.push(Signatory {
                name,
                country,
                canonical_name: canonical,
                span: Span::new(a, b),
                rule: Rule("signer_by_role"),
            });
        }
    }
    (out, sides)
}

/// Where the first signing cue of sentence `s` opens, when every one is a noun ("la
/// cérémonie de signature"): the sentence tells no one signed.
fn first_signing_noun(ctx: &Ctx<'_>, s: usize) -> Option<usize> {
    let nouns = signer_words(ctx.lang).signing_noun;
    let mut signed = ctx
        .in_sentence(s)
        .iter()
        .filter(|m| Ctx::is(m, CueClass::Signed))
        .peekable();
    let first = signed.peek()?.start;
    signed
        .all(|m| nouns.contains(&ctx.folded_range(m.start, m.end)))
        .then_some(first)
}

/// "la signature d'un protocole entre le ministre X et son homologue Y": a "between"
/// word after a signing noun, in the stretch before the name.
fn between_after_noun(ctx: &Ctx<'_>, s: usize, a: usize) -> bool {
    let from = floor_boundary(ctx.text, a.saturating_sub(300).max(ctx.sents[s].0));
    let Some(noun) = ctx
        .within(s, from, a)
        .iter()
        .rfind(|m| Ctx::is(m, CueClass::Signed))
    else {
        return false;
    };
    let stretch = ctx.folded_range(noun.end, a);
    rules(ctx.lang).between_lead.iter().any(|w| {
        stretch
            .split(|c: char| !c.is_alphanumeric())
            .any(|x| x == *w)
    })
}

fn same_name(a: &str, b: &str) -> bool {
    let fa = crate::text::fold_str(a);
    let fb = crate::text::fold_str(b);
    fa == fb || fa.contains(&fb) || fb.contains(&fa)
}

/// A witness cue ("en présence de", "in the presence of", "بحضور") opens the clause in
/// which the name stands.
fn witnessed(ctx: &Ctx<'_>, s: usize, a: usize) -> bool {
    let (ss, _) = ctx.sents[s];
    // A clause of at most three commas: look back a bounded stretch.
    let from = floor_boundary(ctx.text, a.saturating_sub(400).max(ss));
    let near = ctx.within(s, from, a);
    near.iter().enumerate().any(|(i, m)| {
        Ctx::is(m, CueClass::Witness) && {
            // A full stop inside a sentence ends an abbreviation ("Eng.", "H.E."), not
            // the clause: the sentence splitter has already cut at real ones.
            let between = &ctx.text[m.end..a];
            !between.contains([';', '؛'])
                && between.chars().filter(|&c| c == ',' || c == '،').count() <= 2
                && !near[i + 1..]
                    .iter()
                    .any(|x| Ctx::is(x, CueClass::Signed) || Ctx::is(x, CueClass::Instrument))
        }
    })
}

/// A name coordinated with the witness before it, which ended at `w`: "une rencontre
/// entre la ministre X, et le ministre Y", "in the presence of X and Y". No signing verb
/// or instrument stands between them, nor one after the name.
fn listed_with_witness(ctx: &Ctx<'_>, s: usize, w: usize, a: usize, b: usize) -> bool {
    let between = &ctx.text[w..a];
    if between.len() >= 200 || between.contains([';', '.']) {
        return false;
    }
    let folded = crate::text::fold_str(between);
    rules(ctx.lang)
        .coordination
        .iter()
        .any(|c| folded.contains(c))
        && !ctx
            .within(s, w, a)
            .iter()
            .any(|x| Ctx::is(x, CueClass::Signed) || Ctx::is(x, CueClass::Instrument))
        && !signs_after(ctx, s, b)
}

/// A head of state's title right before the name ("President Paul Kagame", "le roi"):
/// heads of state preside over signings; ministers sign.
fn headed(ctx: &Ctx<'_>, s: usize, a: usize) -> bool {
    let from = floor_boundary(ctx.text, a.saturating_sub(60).max(ctx.sents[s].0));
    let near = ctx.within(s, from, a);
    // "رئيس الجمهورية، السيد عبد المجيد تبون", "le chef de l'État, M. X": a head's
    // title, a comma, an honorific, the name.
    let honorific = near
        .iter()
        .rposition(|m| Ctx::is(m, CueClass::Honorific))
        .filter(|&k| ctx.text[near[k].end..a].trim().is_empty());
    if let Some(k) = honorific {
        let head = near[..k].iter().rev().find(|m| {
            matches!(
                m.entry,
                Entry::Cue {
                    class: CueClass::Title | CueClass::Head,
                    ..
                }
            )
        });
        if let Some(h) = head {
            let gap = ctx.text[h.end..near[k].start].trim();
            let is_head = ctx
                .within(s, h.start, h.end)
                .iter()
                .any(|x| Ctx::is(x, CueClass::Head));
            if is_head && gap.chars().all(|c| c == ',' || c == '،') {
                return true;
            }
        }
    }
    near.iter()
        .rev()
        .find(|m| {
            matches!(
                m.entry,
                Entry::Cue {
                    class: CueClass::Title | CueClass::Head | CueClass::Honorific,
                    ..
                }
            )
        })
        .is_some_and(|m| {
            let gap = &ctx.text[m.end..a];
            if ctx
                .within(s, m.start, m.end)
                .iter()
                .any(|h| Ctx::is(h, CueClass::Head))
            {
                return !gap.contains([',', ';', '،']);
            }
            // A country's president: "le président rwandais, Paul Kagame", "Rwandan
            // President Paul Kagame", "الرئيس الرواندي بول كاغامي".
            let president = signer_words(ctx.lang)
                .president
                .contains(&ctx.folded_range(m.start, m.end));
            let national = ctx
                .overlapping(s, m.start.saturating_sub(16), m.end + 24)
                .iter()
                .any(|c| {
                    matches!(
                        c.entry,
                        Entry::Country {
                            kind: CountryKind::Adj,
                            ..
                        }
                    )
                });
            president && national && gap.matches([',', '،']).count() <= 1 && !gap.contains(';')
        })
}

/// A signing verb right before the head's title, its subject after it: "ووقع رئيس
/// الوزراء X", "ووقعها عن الجانب المصري رئيس الوزراء X". Between verb and title stand
/// only spaces or a side's words ("عن الجانب ..."), no comma.
fn verb_before_head(ctx: &Ctx<'_>, s: usize, a: usize) -> bool {
    let from = floor_boundary(ctx.text, a.saturating_sub(160).max(ctx.sents[s].0));
    let near = ctx.within(s, from, a);
    let Some(h) = near.iter().rposition(|m| Ctx::is(m, CueClass::Head)) else {
        return false;
    };
    let Some(v) = near[..h].iter().rfind(|m| Ctx::is(m, CueClass::Signed)) else {
        return false;
    };
    let sw = signer_words(ctx.lang);
    if sw.signing_noun.contains(&ctx.folded_range(v.start, v.end)) {
        return false;
    }
    let between = ctx.folded_range(v.end, near[h].start);
    // A pronoun glued to the verb ("ووقعها") stays in the verb's word.
    let between = between.split_once(' ').map_or("", |(_, rest)| rest).trim();
    let gap = ctx.text[v.end..near[h].start].trim_start_matches(is_word_char);
    (between.is_empty() || sw.on_behalf.iter().any(|w| between.starts_with(w)))
        && !gap.contains([',', ';', '،', '.'])
        && !near[..h]
            .iter()
            .any(|m| m.start >= v.end && matches!(m.entry, Entry::Person(_)))
}

/// "la délégation du président X a signé": the name's title follows a group noun and
/// its preposition; the group signs, its possessor does not.
fn possessor(ctx: &Ctx<'_>, s: usize, a: usize) -> bool {
    let sw = signer_words(ctx.lang);
    if sw.possessed.is_empty() {
        return false;
    }
    let from = floor_boundary(ctx.text, a.saturating_sub(60).max(ctx.sents[s].0));
    let near = ctx.within(s, from, a);
    let Some(t) = near.iter().find(|m| {
        matches!(
            m.entry,
            Entry::Cue {
                class: CueClass::Title | CueClass::Head | CueClass::Honorific,
                ..
            }
        ) && !ctx.text[m.end..a].contains([',', ';'])
    }) else {
        return false;
    };
    let before = ctx.folded_range(ctx.sents[s].0, t.start);
    let before = before.trim_end();
    sw.possessor_of.iter().any(|p| {
        before
            .strip_suffix(p)
            .map(str::trim_end)
            .is_some_and(|rest| {
                sw.possessed.iter().any(|n| {
                    rest.strip_suffix(n)
                        .is_some_and(|r| r.is_empty() || r.ends_with([' ', '\'', '’']))
                })
            })
    })
}

/// The nearest char boundary at or before `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A witness verb after the name ("X and Y presided over the signing", "ont présidé"):
/// the name is its subject, separated from it only by other names and conjunctions.
fn witness_after(ctx: &Ctx<'_>, s: usize, b: usize) -> bool {
    let ms = ctx.in_sentence(s);
    let from = ms.partition_point(|m| m.start < b);
    // Other signers' names, titles and countries may stand between: "X and Egyptian
    // Minister of Communications Dr. Y exchanged a memorandum".
    let apposed = |m: &Mention| {
        matches!(
            m.entry,
            Entry::Person(_)
                | Entry::Country { .. }
                | Entry::Cue {
                    class: CueClass::Title
                        | CueClass::Honorific
                        | CueClass::Counterpart
                        | CueClass::Domain
                        | CueClass::Body,
                    ..
                }
        )
    };
    let Some(w) = ms[from..].iter().find(|m| !apposed(m)) else {
        return false;
    };
    let at = w.start;
    let limit = if ms[from..].iter().take_while(|m| m.start < at).count() == 0 {
        80
    } else {
        240
    };
    at - b <= limit
        && !ctx.text[b..at].contains([',', ';', '،'])
        && ms[from..]
            .iter()
            .take_while(|m| m.start <= at)
            .any(|m| m.start == at && Ctx::is(m, CueClass::Witness))
}

/// A signing verb right after the name, its subject: "X a signé", "X signed", past a
/// day between them ("X on Tuesday signed").
fn signs_after(ctx: &Ctx<'_>, s: usize, b: usize) -> bool {
    signing_verb_after(ctx, s, b).is_some()
}

/// The signing verb whose subject is the name ending at `b`; a possessor is none ("X's
/// delegation signed").
fn signing_verb_after<'c>(ctx: &'c Ctx<'_>, s: usize, b: usize) -> Option<&'c Mention> {
    if ctx.text[b..].starts_with(['\'', '’']) {
        return None;
    }
    let ms = ctx.in_sentence(s);
    let from = ms.partition_point(|m| m.start < b);
    let day = |m: &Mention| {
        Ctx::is(m, CueClass::Weekday) || Ctx::is(m, CueClass::RelDay) || Ctx::is(m, CueClass::Month)
    };
    let nouns = signer_words(ctx.lang).signing_noun;
    ms[from..].iter().find(|m| !day(m)).filter(|m| {
        Ctx::is(m, CueClass::Signed)
            && !nouns.contains(&ctx.folded_range(m.start, m.end))
            && m.start - b <= 40
            && !ctx.text[b..m.start].contains([',', ';', '،'])
    })
}

/// A name that signs for a side: "X signed on behalf of Kenya", "X a signé au nom du
/// Maroc", "X signed for Ghana". The verb's longest form ends the verb.
fn signs_for_side(ctx: &Ctx<'_>, s: usize, b: usize) -> bool {
    side_words_after(ctx, s, b).is_some()
}

/// The country named right after "on behalf of" when the name at `..b` signs for it.
fn side_signed_for(ctx: &Ctx<'_>, s: usize, b: usize) -> Option<crate::Country> {
    let at = side_words_after(ctx, s, b)?;
    let stop = floor_boundary(ctx.text, (at + 40).min(ctx.sents[s].1));
    ctx.within(s, at, stop)
        .iter()
        .find_map(|m| party_of_side(ctx, m))
}

/// Where the words that name the side open ("on behalf of |Kenya"), in the original
/// text, when a signing verb follows the name ending at `b`.
fn side_words_after(ctx: &Ctx<'_>, s: usize, b: usize) -> Option<usize> {
    let v = signing_verb_after(ctx, s, b)?;
    let end = ctx
        .overlapping(s, v.start, v.end)
        .iter()
        .filter(|m| m.start == v.start && Ctx::is(m, CueClass::Signed))
        .map(|m| m.end)
        .max()
        .unwrap_or(v.end);
    let se = ctx.sents[s].1;
    let stop = floor_boundary(ctx.text, (end + 40).min(se));
    let after = ctx.folded_range(end, stop);
    let after = after.trim_start();
    signer_words(ctx.lang)
        .on_behalf
        .iter()
        .any(|w| after.starts_with(w))
        .then_some(end)
}

/// The side a name signs for: a country named in its title phrase before it (back to
/// the previous name or clause), or in its apposition after it.
fn side(ctx: &Ctx<'_>, s: usize, a: usize, b: usize) -> Side {
    if let Some(c) = side_signed_for(ctx, s, b) {
        return Side::Country(c);
    }
    let (ss, se) = ctx.sents[s];
    // Before: back to a clause break ("et", "and", "و" + title) or the sentence start.
    let mut from = ss;
    for m in ctx.within(s, ss, a).iter().rev() {
        if matches!(m.entry, Entry::Person(_)) || Ctx::is(m, CueClass::Signed) {
            from = m.end;
            break;
        }
    }
    let before = &ctx.text[from..a];
    // The phrase just before: after the last " et " / " and " / "،".
    let cut = last_break(ctx, s, from, before)
        .map(|i| from + i)
        .unwrap_or(from);
    // After: up to the next clause break.
    let after_end = {
        let tail = &ctx.text[b..se];
        let mut e = se;
        let mut commas = 0;
        for (i, c) in tail.char_indices() {
            if c == ',' || c == '،' {
                commas += 1;
                if commas == 2 {
                    e = b + i;
                    break;
                }
            }
            if matches!(c, ';' | '.' | '\n') && i > 0 {
                e = b + i;
                break;
            }
        }
        let t = &ctx.text[b..e];
        match first_break(ctx, t) {
            Some(i) => b + i,
            None => e,
        }
    };
    let before = ctx.within(s, cut, a);
    let after = ctx.within(s, b, after_end.max(b));
    if let Some(c) = before.iter().rev().find_map(|m| party_of_side(ctx, m)) {
        return Side::Country(c);
    }
    if let Some(c) = after.iter().find_map(|m| party_of_side(ctx, m)) {
        return Side::Country(c);
    }
    // "le directeur général de Smart Africa, Lacina Koné": an international body or a
    // company of no stated country signs for no country.
    let stateless = |m: &Mention| matches!(m.entry, Entry::Org(i) if ctx.g.orgs[i as usize].kind != crate::gazetteer::OrgKind::Gov);
    if before.iter().chain(after).any(stateless) {
        Side::Stateless
    } else {
        Side::Unknown
    }
}

/// The side a signatory signs for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Country(crate::Country),
    /// An international organisation or a company of no stated country.
    Stateless,
    Unknown,
}

fn party_of_side(ctx: &Ctx<'_>, m: &Mention) -> Option<crate::Country> {
    match m.entry {
        Entry::Person(_) => None,
        _ => party_of(ctx, m),
    }
}

fn first_break(ctx: &Ctx<'_>, t: &str) -> Option<usize> {
    let word = rules(ctx.lang)
        .clause_break
        .iter()
        .filter_map(|w| find_word(t, w))
        .min();
    // "، ومعالي لي جونغ هو": the next signer's clause.
    let glued = glued_clause_openers(ctx, t).next();
    word.into_iter().chain(glued).min()
}

/// The offsets of the spaces before a glued conjunction that opens a new signer's
/// clause: "، ومعالي لي جونغ هو", "ونظيره".
fn glued_clause_openers<'t>(ctx: &Ctx<'_>, t: &'t str) -> impl Iterator<Item = usize> + 't {
    let sw = signer_words(ctx.lang);
    let and = sw.glued_and;
    let pat = if and.is_empty() {
        None
    } else {
        Some(format!(" {and}"))
    };
    let n = pat.as_ref().map_or(0, String::len);
    let hits: Vec<usize> = match &pat {
        Some(p) => t
            .match_indices(p.as_str())
            .map(|(i, _)| i)
            .filter(|&i| sw.clause_opener.iter().any(|o| t[i + n..].starts_with(o)))
            .collect(),
        None => Vec::new(),
    };
    hits.into_iter()
}

fn last_break(ctx: &Ctx<'_>, s: usize, base: usize, t: &str) -> Option<usize> {
    let mut best = None;
    // "et", "and": a break only where a new title, honorific or country follows
    // ("… and India's Minister B"), not inside a portfolio ("Communication and Digital
    // Affairs Minister").
    for w in rules(ctx.lang).clause_break {
        let mut from = 0;
        while let Some(i) = find_word(&t[from..], w) {
            let end = from + i + w.len();
            let next = t[end..].trim_start();
            let after_and = signer_words(ctx.lang).after_and;
            let next = after_and
                .iter()
                .find_map(|w| next.strip_prefix(w))
                .unwrap_or(next);
            // What stands right after: a country ("India's", "Philippine"), a title, an
            // honorific, a counterpart, a known person.
            let at = base + t.len() - next.len();
            let side_opens = ctx.overlapping(s, at, at + 1).iter().any(opens_side);
            if side_opens {
                best = best.max(Some(end));
            }
            from = end;
        }
    }
    // A comma ends the clause before, except the one that sets off the name itself
    // ("le directeur général de Smart Africa, Lacina Koné").
    let body = t.trim_end().trim_end_matches([',', '،']);
    for p in [',', ';'] {
        if let Some(i) = body.rfind(p) {
            best = best.max(Some(i + 1));
        }
    }
    // "وعن الجانب", "ونظيره", "ووزير": a و that opens a side, a counterpart or a title
    // opens a new clause; the و of a title's own words ("والريادة") does not.
    for i in glued_clause_openers(ctx, t) {
        best = best.max(Some(i + 1));
    }
    if !signer_words(ctx.lang).glued_and.is_empty() {
        if let Some(i) = t.trim_end().trim_end_matches(['،', ',']).rfind('،') {
            best = best.max(Some(i + '،'.len_utf8()));
        }
    }
    best
}

/// The byte index of a whole word in a text (ASCII case-insensitive).
fn find_word(t: &str, w: &str) -> Option<usize> {
    let lt = t.to_lowercase();
    if lt.len() != t.len() {
        return None;
    }
    let mut from = 0;
    while let Some(i) = lt[from..].find(w) {
        let at = from + i;
        let before = lt[..at].chars().next_back();
        let after = lt[at + w.len()..].chars().next();
        if before.is_none_or(|c| !is_word_char(c)) && after.is_none_or(|c| !is_word_char(c)) {
            return Some(at);
        }
        from = at + w.len();
    }
    None
}

/// A candidate name's byte range in the whole text, and the known person it is.
type Candidate = (usize, usize, Option<u32>);

/// The people of the gazetteer named in sentence `s`.
fn known_people(ctx: &Ctx<'_>, s: usize) -> Vec<Candidate> {
    ctx.in_sentence(s)
        .iter()
        .filter_map(|m| match m.entry {
            Entry::Person(p) => Some((m.start, m.end, Some(p))),
            _ => None,
        })
        .collect()
}

/// Adds a candidate that overlaps none found, within the bound of a sentence.
fn push_candidate(out: &mut Vec<Candidate>, na: usize, nb: usize) {
    if !out.iter().any(|o| o.0 < nb && na < o.1) && out.len() < MAX_CANDIDATES {
        out.push((na, nb, None));
    }
}

/// Latin names: runs of capitalised words (with name particles), of two to six words,
/// that are not gazetteer names, standing after a title, an honorific or a signer lead,
/// or known as people.
fn latin_names(ctx: &Ctx<'_>, s: usize) -> Vec<Candidate> {
    let mut out = known_people(ctx, s);
    let lw = LatinWords::new(ctx, s);
    let mut i = 0;
    while i < lw.words.len() {
        if !lw.is_cap(i) || lw.covered(i) {
            i += 1;
            continue;
        }
        let last_cap = lw.run_end(i);
        let mut first = lw.name_first(i, last_cap);
        // The capitalised words right after a title's join are its portfolio: "Ministry
        // of Public Works, Guyana", "Digital Transition and Administrative Reform, Amal
        // …", "Media and Sport Chris Philp", "en charge des Relations Publiques".
        match portfolio_run(ctx, s, &lw.words, i, last_cap, &out) {
            Portfolio::No => {}
            Portfolio::Whole => {
                i = last_cap + 1;
                continue;
            }
            Portfolio::Lead => first = first.max(i + 1),
        }
        if first <= last_cap {
            lw.push_name(first, last_cap, &mut out);
        }
        i = last_cap + 1;
    }
    out.sort_by_key(|o| o.0);
    out
}

/// The words of one sentence of Latin script, with their offsets in the sentence.
struct LatinWords<'c, 'a> {
    ctx: &'c Ctx<'a>,
    s: usize,
    /// The sentence's start in the whole text.
    ss: usize,
    text: &'a str,
    words: Vec<(usize, usize)>,
}

impl<'c, 'a> LatinWords<'c, 'a> {
    /// Splits sentence `s` into words: letters, digits, hyphens, apostrophes and
    /// periods ("Jean-Pierre", "N'Diaye", "A.").
    fn new(ctx: &'c Ctx<'a>, s: usize) -> Self {
        let (ss, se) = ctx.sents[s];
        let text = &ctx.text[ss..se];
        let mut words = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            let part =
                crate::text::is_word_char(c) || c == '-' || c == '\'' || c == '’' || c == '.';
            match (part, start) {
                (true, None) => start = Some(i),
                (false, Some(st)) => {
                    words.push((st, i));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(st) = start {
            words.push((st, text.len()));
        }
        LatinWords {
            ctx,
            s,
            ss,
            text,
            words,
        }
    }

    /// Word `k` without a closing period ("M." → "M").
    fn word(&self, k: usize) -> &'a str {
        self.text[self.words[k].0..self.words[k].1].trim_end_matches('.')
    }

    /// The mentions over word `k`.
    fn mentions(&self, k: usize) -> &'c [Mention] {
        let (a, b) = self.words[k];
        self.ctx.overlapping(self.s, self.ss + a, self.ss + b)
    }

    /// Whether a gazetteer name other than an honorific covers word `k`: "Kenya" in
    /// "Kenya Power" is no given name.
    fn covered(&self, k: usize) -> bool {
        self.mentions(k)
            .iter()
            .any(|m| !Ctx::is(m, CueClass::Honorific))
    }

    /// Whether word `k` is capitalised as a name ("Koné", "BENNANI" only with a
    /// lower-case letter or as an initial "A.").
    fn is_cap(&self, k: usize) -> bool {
        is_cap(self.word(k))
    }

    /// The last capitalised word of the run that opens at `i`: "Jean de La Fontaine",
    /// up to a gap, a gazetteer name or a lower-case word that is no particle.
    fn run_end(&self, i: usize) -> usize {
        let particles = rules(self.ctx.lang).particles;
        let mut last_cap = i;
        for j in i + 1..self.words.len() {
            let gap = &self.text[self.words[j - 1].1..self.words[j].0];
            if gap.trim() != "" || self.covered(j) {
                break;
            }
            if self.is_cap(j) {
                last_cap = j;
            } else if !particles.contains(&self.word(j).to_lowercase().as_str()) {
                break;
            }
        }
        last_cap
    }

    /// Where the name of the run `i..=last_cap` opens: after its honorifics ("M.",
    /// "H.E. Eng."), after the last word that is never a name ("Deputy Director of the
    /// Telecommunication Development Bureau Rafael Ortega"), and after a portfolio's
    /// first word ("Minister of Science Aisén Etcheverry").
    fn name_first(&self, i: usize, last_cap: usize) -> usize {
        let mut first = i;
        while first < last_cap
            && self
                .mentions(first)
                .iter()
                .any(|m| Ctx::is(m, CueClass::Honorific))
        {
            first += 1;
        }
        let not_name = |k: usize| {
            let w = crate::text::fold_str(self.word(k));
            super::rules::NOT_NAME.contains(&w.as_str())
        };
        if let Some(k) = (first..=last_cap).rev().find(|&k| not_name(k)) {
            first = k + 1;
        }
        if self.portfolio_lead(first) && last_cap >= first + 2 {
            first += 1;
        }
        first
    }

    /// Whether the word at `first` follows a title's "of" or "for": "Minister of
    /// Science Aisén Etcheverry" opens with the portfolio.
    fn portfolio_lead(&self, first: usize) -> bool {
        first >= 2 && {
            let prev = self.text[self.words[first - 1].0..self.words[first - 1].1].to_lowercase();
            signer_words(self.ctx.lang)
                .title_of
                .contains(&prev.as_str())
                && self
                    .mentions(first - 2)
                    .iter()
                    .any(|m| Ctx::is(m, CueClass::Title))
        }
    }

    /// Keeps the run `first..=last_cap` as a candidate when it is capitalised, of two
    /// to six capitalised words, and introduced as a signer ("the Minister, Jane Doe").
    fn push_name(&self, first: usize, last_cap: usize, out: &mut Vec<Candidate>) {
        let n_caps = (first..=last_cap).filter(|&k| self.is_cap(k)).count();
        let (na, nb) = self.name_bounds(first, last_cap);
        if self.is_cap(first)
            && (2..=6).contains(&n_caps)
            && (introduced(self.ctx, self.s, na) || signs_for_side(self.ctx, self.s, nb))
        {
            push_candidate(out, na, nb);
        }
    }

    /// The name's byte range in the whole text, without a sentence's closing period
    /// (an initial's is kept: "John A.") or a possessive ("Paul Kagame's visit").
    fn name_bounds(&self, first: usize, last_cap: usize) -> (usize, usize) {
        let ss = self.ss;
        let (na, nb) = (ss + self.words[first].0, ss + self.words[last_cap].1);
        let nb = if self.text[..nb - ss].ends_with('.')
            && !self.text[self.words[last_cap].0..nb - ss]
                .trim_end_matches('.')
                .chars()
                .all(|c| c.is_uppercase())
        {
            nb - 1
        } else {
            nb
        };
        let nb = if self.ctx.text[na..nb].ends_with("'s") {
            nb - 2
        } else if self.ctx.text[na..nb].ends_with("’s") {
            nb - 4
        } else {
            nb
        };
        (na, nb)
    }
}

/// Whether a word is capitalised as a name: an upper-case first letter, and a
/// lower-case letter, a single letter or an initial's period ("Koné", "A.").
fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
        && (w.chars().count() == 1 || w.chars().any(|c| c.is_lowercase()) || w.ends_with('.'))
}

/// Whether a mention opens another side or signer: a country, a known person, a title,
/// an honorific, a counterpart or a head of state.
fn opens_side(m: &Mention) -> bool {
    matches!(
        m.entry,
        Entry::Country { .. }
            | Entry::Person(_)
            | Entry::Cue {
                class: CueClass::Title
                    | CueClass::Honorific
                    | CueClass::Counterpart
                    | CueClass::Head,
                ..
            }
    )
}

/// What the capitalised run `i..=last` of a sentence's words is to a title before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Portfolio {
    /// A name, or nothing known.
    No,
    /// The whole run is the portfolio or body's name.
    Whole,
    /// Its first word ends the portfolio; a name follows.
    Lead,
}

/// Whether a capitalised run goes on a title's portfolio or names a body: it follows a
/// join ("of", "for", "en charge des") of a title or body cue, or a conjunction after a
/// portfolio word; or a body cue follows it ("Export Promotions Authority").
fn portfolio_run(
    ctx: &Ctx<'_>,
    s: usize,
    words: &[(usize, usize)],
    i: usize,
    last: usize,
    found: &[Candidate],
) -> Portfolio {
    let (ss, se) = ctx.sents[s];
    let text = &ctx.text[ss..se];
    let end = words[last].1;
    if body_follows(ctx, s, ss + end) {
        return Portfolio::Whole;
    }
    if i == 0 {
        return Portfolio::No;
    }
    let joined = joined_to_title(ctx, s, words[i].0);
    if !joined && !conjoined_to_portfolio(ctx, s, words, i, found) {
        return Portfolio::No;
    }
    let caps = (i..=last)
        .filter(|&k| {
            text[words[k].0..words[k].1]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        })
        .count();
    if caps >= 3 && !portfolio_goes_on(ctx, s, ss + end) {
        Portfolio::Lead
    } else {
        Portfolio::Whole
    }
}

/// A body cue right after the run, at `end`: "Ghana Investment Promotion Centre".
fn body_follows(ctx: &Ctx<'_>, s: usize, end: usize) -> bool {
    let after = &ctx.text[end..ctx.sents[s].1];
    let gap = after.len() - after.trim_start().len();
    gap <= 1 && {
        let at = end + gap;
        ctx.overlapping(s, at, at + 1)
            .iter()
            .any(|m| m.start == at && Ctx::is(m, CueClass::Body))
    }
}

/// The folded words before sentence offset `a`, in a bounded stretch (the longest
/// join is three words): linear cost.
fn folded_before(ctx: &Ctx<'_>, s: usize, a: usize) -> (String, bool) {
    let (ss, se) = ctx.sents[s];
    let text = &ctx.text[ss..se];
    let from = floor_boundary(text, a.saturating_sub(40));
    (crate::text::fold_str(&text[from..a]), from == 0)
}

/// Whether the folded text `before` ends with the word `w` (at the sentence start
/// when `at_start`).
fn ends_with_word(before: &str, at_start: bool, w: &str) -> bool {
    before
        .trim_end()
        .strip_suffix(w)
        .is_some_and(|rest| (rest.is_empty() && at_start) || rest.ends_with(' '))
}

/// Whether the run at sentence offset `a` follows a join of a title or a body close
/// before: "Minister of Public Works", "Ministry of Digital Economy".
fn joined_to_title(ctx: &Ctx<'_>, s: usize, a: usize) -> bool {
    let ss = ctx.sents[s].0;
    let (before, at_start) = folded_before(ctx, s, a);
    signer_words(ctx.lang)
        .portfolio_join
        .iter()
        .any(|w| ends_with_word(&before, at_start, w))
        && {
            let from = floor_boundary(ctx.text, (ss + a).saturating_sub(120).max(ss));
            ctx.within(s, from, ss + a).iter().any(|m| {
                matches!(
                    m.entry,
                    Entry::Cue {
                        class: CueClass::Title | CueClass::Body,
                        ..
                    }
                )
            })
        }
}

/// Whether the run at word `i` goes on a portfolio after a conjunction: "Digital
/// Transition and Administrative Reform", where a capitalised word that no name holds
/// stands right before the conjunction, with no punctuation.
fn conjoined_to_portfolio(
    ctx: &Ctx<'_>,
    s: usize,
    words: &[(usize, usize)],
    i: usize,
    found: &[Candidate],
) -> bool {
    let (ss, se) = ctx.sents[s];
    let text = &ctx.text[ss..se];
    let sw = signer_words(ctx.lang);
    let (before, at_start) = folded_before(ctx, s, words[i].0);
    if !sw
        .portfolio_and
        .iter()
        .any(|w| ends_with_word(&before, at_start, w))
    {
        return false;
    }
    let prev = words[i - 1];
    let prev_word = &text[prev.0..prev.1];
    let cap_before = i >= 2 && {
        let (c, d) = words[i - 2];
        let w = &text[c..d];
        let gap = &text[d..prev.0];
        w.chars().next().is_some_and(char::is_uppercase)
            && gap.trim().is_empty()
            && !found.iter().any(|o| o.0 < ss + d && ss + c < o.1)
            && !names_country(ctx, s, ss + c, ss + d)
    };
    sw.portfolio_and
        .iter()
        .any(|w| crate::text::fold_str(prev_word) == *w)
        && cap_before
}

/// Whether a country's name covers `a..b`: "au nom du Kenya et Kofi Asante" joins a
/// side to the next signer, not two words of a portfolio.
fn names_country(ctx: &Ctx<'_>, s: usize, a: usize, b: usize) -> bool {
    ctx.overlapping(s, a, b).iter().any(|m| {
        matches!(
            m.entry,
            Entry::Country {
                kind: CountryKind::Name | CountryKind::Official,
                ..
            }
        )
    })
}

/// Whether the portfolio goes on after the run that ends at `end`: "… Storage and
/// Transportation (BOST)"; not where a country, a title or a person follows ("… and
/// Singaporean Minister").
fn portfolio_goes_on(ctx: &Ctx<'_>, s: usize, end: usize) -> bool {
    let sw = signer_words(ctx.lang);
    let after = &ctx.text[end..ctx.sents[s].1];
    let rest: Vec<&str> = after.split_whitespace().take(4).collect();
    let side_at = |word: &str| {
        let near = &after[..floor_boundary(after, after.len().min(200))];
        let Some(off) = near.find(word) else {
            return false;
        };
        let at = end + off;
        ctx.overlapping(s, at, at + 1)
            .iter()
            .any(|m| m.start == at && opens_side(m))
    };
    after.trim_start().starts_with('(')
        || (1..=2).any(|n| {
            rest.len() > n && {
                let join = crate::text::fold_str(&rest[..n].join(" "));
                sw.portfolio_and
                    .iter()
                    .chain(sw.portfolio_join)
                    .any(|w| *w == join)
                    && rest[n].chars().next().is_some_and(char::is_uppercase)
                    && !side_at(rest[n])
            }
        })
}

/// Whether a name at `a` is introduced as a signer: a title, honorific or counterpart
/// cue in the words before it, or a signer lead word ("par", "by") close before it.
fn introduced(ctx: &Ctx<'_>, s: usize, a: usize) -> bool {
    let (ss, _) = ctx.sents[s];
    let from = floor_boundary(ctx.text, a.saturating_sub(160).max(ss));
    let near = ctx.within(s, from, a);
    let titled = near.iter().enumerate().any(|(i, m)| {
        // A signing verb between the title and the name closes the title's reach:
        // "Minister X signed the deal at the Presidential Palace".
        let verb_between = near[i + 1..].iter().any(|x| Ctx::is(x, CueClass::Signed));
        !verb_between
            && matches!(
                m.entry,
                Entry::Cue {
                    class: CueClass::Title
                        | CueClass::Honorific
                        | CueClass::Counterpart
                        | CueClass::Head,
                    ..
                }
            )
            && m.end <= a
            && {
                let between = &ctx.text[m.end..a];
                // A portfolio listed between commas: "minister of industry, trade,
                // and investment, Moulay Hafid Elalamy".
                between.len() < 160
                    && !between.contains(['.', ';'])
                    && between.matches(',').count() <= 3
            }
    });
    if titled {
        return true;
    }
    // An apposed title after the name: "Rauf Jafarov, head of …".
    let after = ctx.overlapping(s, a, ctx.sents[s].1);
    let apposed = after
        .iter()
        .find(|m| m.start >= a && !matches!(m.entry, Entry::Country { .. }))
        .is_some_and(|m| {
            matches!(
                m.entry,
                Entry::Cue {
                    class: CueClass::Title | CueClass::Counterpart,
                    ..
                }
            ) && ctx.text[a..m.start].rfind([',', '،']).is_some_and(|i| {
                // Only words between the comma and the title, not a dateline's
                // "Nov, 2021) Vietnamese Minister".
                let between = &ctx.text[a + i..m.start];
                m.start - (a + i) <= 20
                    && !between.contains(['(', ')', '/'])
                    && !between.chars().any(|c| c.is_ascii_digit())
            })
        });
    apposed || after_signer_lead(ctx, s, a)
}

/// Whether a signer lead word ("par", "by", "من قبل") stands right before `a`.
fn after_signer_lead(ctx: &Ctx<'_>, s: usize, a: usize) -> bool {
    let (ss, _) = ctx.sents[s];
    let before = ctx.folded_range(ss, a);
    let before = before.trim_end_matches([' ', ',']);
    rules(ctx.lang)
        .signer_lead
        .iter()
        .any(|w| before.ends_with(w))
}

/// Arabic names: known people, and in each clause of the sentence the words after a
/// title phrase or an honorific ("وزير الاقتصاد الرقمي سامي العبادي"), or before a
/// title in apposition ("مع راجيف مينون، الرئيس التنفيذي").
fn arabic_names(ctx: &Ctx<'_>, s: usize) -> Vec<Candidate> {
    let mut out = known_people(ctx, s);
    let w = ArabicWords::new(ctx, s);
    w.names_after_titles(&mut out);
    w.names_before_titles(&mut out);
    w.names_after_leads(&mut out);
    w.names_after_sides(&mut out);
    out.sort_by_key(|o| o.0);
    out
}

/// The words of one Arabic sentence (whole-text offsets), and the indices of the words
/// that follow a clause break (a comma, a colon, a bracket, a quote).
struct ArabicWords<'c, 'a> {
    ctx: &'c Ctx<'a>,
    s: usize,
    words: Vec<(usize, usize)>,
    breaks: Vec<usize>,
}

impl<'c, 'a> ArabicWords<'c, 'a> {
    /// Splits sentence `s` into words (letters, digits, diacritics, tatweel) and
    /// clause breaks.
    fn new(ctx: &'c Ctx<'a>, s: usize) -> Self {
        let (ss, se) = ctx.sents[s];
        let text = &ctx.text[ss..se];
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut breaks: Vec<usize> = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            let part =
                crate::text::is_word_char(c) || ('\u{064B}'..='\u{065F}').contains(&c) || c == 'ـ';
            if let (false, Some(st)) = (part, start) {
                words.push((ss + st, ss + i));
                start = None;
            }
            if part && start.is_none() {
                start = Some(i);
            }
            if matches!(
                c,
                '،' | ',' | '.' | ';' | '؛' | ':' | '(' | ')' | '\n' | '"' | '«' | '»'
            ) {
                breaks.push(words.len());
            }
        }
        if let Some(st) = start {
            words.push((ss + st, se));
        }
        ArabicWords {
            ctx,
            s,
            words,
            breaks,
        }
    }

    fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether a word opens with the glued conjunction ("وزير" does too: callers ask
    /// more).
    fn glued(&self, w: &str) -> bool {
        let and = signer_words(self.ctx.lang).glued_and;
        !and.is_empty() && w.starts_with(and)
    }

    /// Whether a clause break stands before word `x` (breaks come in word order: a
    /// binary search, not a scan).
    fn is_break(&self, x: usize) -> bool {
        self.breaks.binary_search(&x).is_ok()
    }

    /// Word `k` as written.
    fn written(&self, k: usize) -> &'a str {
        &self.ctx.text[self.words[k].0..self.words[k].1]
    }

    /// Word `k`, folded.
    fn fold(&self, k: usize) -> String {
        crate::text::fold_str(self.written(k))
    }

    /// The first mention over word `k`.
    fn covered(&self, k: usize) -> Option<&'c Mention> {
        let (a, b) = self.words[k];
        self.ctx.overlapping(self.s, a, b).first()
    }

    /// Whether a cue, not a person, covers word `x`.
    fn cue_at(&self, x: usize) -> bool {
        self.covered(x)
            .is_some_and(|m| !matches!(m.entry, Entry::Person(_)))
    }

    /// Whether word `k` opens a signer's phrase: a title, a head's title ("رئيس
    /// الوزراء", kept only when a verb says the head signs), an honorific ("السيد") or
    /// a counterpart ("نظيره").
    fn opener(&self, k: usize) -> bool {
        self.covered(k).is_some_and(|m| {
            matches!(
                m.entry,
                Entry::Cue {
                    class: CueClass::Title
                        | CueClass::Head
                        | CueClass::Honorific
                        | CueClass::Counterpart,
                    ..
                }
            )
        })
    }

    /// Whether a head's title ("رئيس الوزراء") covers word `k`.
    fn head(&self, k: usize) -> bool {
        self.covered(k).is_some_and(|m| Ctx::is(m, CueClass::Head))
    }

    /// How many words an "on behalf of" phrase ("نيابة عن", "عن الجانب") opening at
    /// word `k` takes, a glued conjunction allowed on its first word.
    fn on_behalf_at(&self, k: usize) -> Option<usize> {
        let and = signer_words(self.ctx.lang).glued_and;
        signer_words(self.ctx.lang).on_behalf.iter().find_map(|w| {
            let n = w.split_whitespace().count();
            (k + n <= self.len()
                && w.split_whitespace().enumerate().all(|(i, p)| {
                    let f = self.fold(k + i);
                    f == p || (i == 0 && !and.is_empty() && f.strip_prefix(and) == Some(p))
                }))
            .then_some(n)
        })
    }

    /// "ونيابة عن الجزائر رشيد بلقاسم": after an "on behalf of" phrase and its side (a
    /// country, or the side's word and a nationality), two to four plain words up to
    /// the clause end.
    fn names_after_sides(&self, out: &mut Vec<Candidate>) {
        for k in 0..self.len() {
            let Some(n) = self.on_behalf_at(k) else {
                continue;
            };
            let mut j = k + n;
            while j < self.len() && !self.is_break(j) && self.side_word(j) {
                j += 1;
            }
            if j == k + n || j >= self.len() || self.is_break(j) {
                continue;
            }
            let e = self.name_end(j);
            if (2..=4).contains(&(e - j))
                && !self.holds_non_name(j, e)
                && !(j..e).any(|x| is_article(self.ctx, &self.fold(x)))
            {
                push_candidate(out, self.words[j].0, self.words[e - 1].1);
            }
        }
    }

    /// Whether word `x` names a side: a country's name or nationality.
    fn side_word(&self, x: usize) -> bool {
        self.covered(x)
            .is_some_and(|m| matches!(m.entry, Entry::Country { .. }))
    }

    /// Whether an honorific ("السيد", "الدكتور") covers word `k`.
    fn honorific(&self, k: usize) -> bool {
        self.covered(k)
            .is_some_and(|m| Ctx::is(m, CueClass::Honorific))
    }

    /// Whether word `k` leads to a side's signer: "مع", "عن", "بين".
    fn lead(&self, k: usize) -> bool {
        signer_words(self.ctx.lang)
            .name_lead
            .contains(&self.fold(k).as_str())
    }

    /// Whether a cue of another kind than a title's words covers word `x` (a status,
    /// an instrument, a date): the title phrase ends there.
    fn ends_clause(&self, x: usize) -> bool {
        self.covered(x).is_some_and(|m| {
            matches!(m.entry, Entry::Cue { class, .. }
                if !matches!(class, CueClass::Domain | CueClass::Title | CueClass::Body | CueClass::Honorific | CueClass::Counterpart))
        })
    }

    /// "وزير الاقتصاد الرقمي سامي العبادي": after each opener, the title phrase, then
    /// two to six plain words up to the clause end.
    fn names_after_titles(&self, out: &mut Vec<Candidate>) {
        let mut k = 0;
        while k < self.len() {
            if !self.opener(k) {
                k += 1;
                continue;
            }
            let j = self.title_end(k);
            let e = self.name_end(j);
            let n = self.name_cut(j, e);
            if (2..=6).contains(&n.saturating_sub(j)) && !self.holds_non_name(j, n) {
                push_candidate(out, self.words[j].0, self.words[n - 1].1);
            }
            k = e.max(k + 1);
        }
    }

    /// The first word after the title phrase opened at `k`: past its cues, past the
    /// last cue of the clause that still leaves two plain words ("وزير تكنولوجيات
    /// الاتصال"), past words with the article and "و" + article phrases ("وزير
    /// الاقتصاد والتخطيط").
    fn title_end(&self, k: usize) -> usize {
        let mut j = k;
        while j < self.len() && self.cue_at(j) {
            j += 1;
        }
        // A title's run of cues that ends on an honorific ("... السيد حمدون توري")
        // opens the name right there: a cue further in the clause ends no title.
        let bare_honorific = j > k && self.honorific(j - 1);
        let ce = if bare_honorific {
            j
        } else {
            self.clause_end(j)
        };
        if let Some(last) = (j..ce)
            .rev()
            .find(|&x| self.cue_at(x) && x + 2 < ce && !self.cue_at(x + 1) && !self.cue_at(x + 2))
        {
            j = last + 1;
        }
        while j < self.len() && !self.is_break(j) {
            let w = self.fold(j);
            let next_article = j + 1 < self.len() && is_article(self.ctx, &self.fold(j + 1));
            if self.covered(j).is_some()
                || is_article(self.ctx, &w)
                || (self.glued(&w) && next_article && !self.is_break(j + 1))
            {
                j += 1;
            } else {
                break;
            }
        }
        j
    }

    /// The end of the clause that word `j` opens: a break, a lead, another opener or a
    /// cue of another kind ("وزير الاتصالات ... وقع").
    fn clause_end(&self, j: usize) -> usize {
        let mut ce = j;
        while ce < self.len()
            && (ce == j || !self.is_break(ce))
            && !self.lead(ce)
            && !self.opener(ce)
            && !self.ends_clause(ce)
        {
            ce += 1;
        }
        ce
    }

    /// The end of the name that opens at `j`: up to the clause end, a lead word,
    /// another opener, a mention, or "و" before an opener ("سامي العبادي ووزير").
    fn name_end(&self, j: usize) -> usize {
        let mut e = j;
        while e < self.len()
            && (e <= j || !self.is_break(e))
            && !self.lead(e)
            && !self.opener(e)
            && self.covered(e).is_none()
        {
            if e > j && self.glued(&self.fold(e)) && e + 1 < self.len() && self.opener(e + 1) {
                break;
            }
            if e > j && self.on_behalf_at(e).is_some() {
                break;
            }
            e += 1;
        }
        e
    }

    /// Where the name `j..e` really ends when a word that is never in a name stands in
    /// it: "السيد حمدون توري الأعمال ذات الأولوية التي" runs into the verb's object.
    /// The name stops before that word, or before the first definite common noun past
    /// its second word (a nisba in "ي" goes on it).
    fn name_cut(&self, j: usize, e: usize) -> usize {
        let Some(n) = (j + 2..e).find(|&x| self.holds_non_name(x, x + 1)) else {
            return e;
        };
        (j + 2..n).find(|&x| self.definite_noun(x)).unwrap_or(n)
    }

    /// Whether word `x` is a definite common noun, not a nisba ("الأعمال", not
    /// "العبادي").
    fn definite_noun(&self, x: usize) -> bool {
        let w = self.fold(x);
        is_article(self.ctx, &w) && !super::ar::NISBA_ENDINGS.iter().any(|e| w.ends_with(e))
    }

    /// Whether words `j..e` hold a word that is never in a name, or a digit. A given
    /// name whose folded form is a preposition's ("علي", not "على") is a name when
    /// written as one.
    fn holds_non_name(&self, j: usize, e: usize) -> bool {
        (j..e).any(|x| {
            let w = self.fold(x);
            (super::ar::NOT_NAME.contains(&w.as_str())
                && !(x > j && super::ar::NAME_AS_WRITTEN.contains(&self.written(x))))
                || w.chars().any(|c| c.is_ascii_digit())
        })
    }

    /// "، وإيريك بيسون وزير الصناعة", "عن الجانب الكازاخستاني أيدار نورلانوف نائب
    /// وزير": two to four plain words right before a title, back to a clause break, a
    /// lead word, a cue or a word with the article.
    fn names_before_titles(&self, out: &mut Vec<Candidate>) {
        for o in 1..self.len() {
            // A head's title follows no name of its own ("التي قام بها رئيس الجمهورية").
            if !self.opener(o) || self.head(o) {
                continue;
            }
            let start = self.name_start_before(o);
            if !(2..=4).contains(&(o - start)) || (start + 1..o).any(|x| self.is_break(x)) {
                continue;
            }
            if (start..o).any(|x| self.fold(x).chars().any(|c| c.is_ascii_digit())) {
                continue;
            }
            // A conjunction glued to the first name is not part of it.
            let mut na = self.words[start].0;
            let first = self.written(start);
            if self.glued(first) && first.chars().count() > 3 {
                na += signer_words(self.ctx.lang).glued_and.len();
            }
            push_candidate(out, na, self.words[o - 1].1);
        }
    }

    /// The first word of a name standing right before the opener at `o`, at most four
    /// words back.
    fn name_start_before(&self, o: usize) -> usize {
        let mut start = o;
        while start > 0 && o - start < 4 {
            let x = start - 1;
            let w = self.fold(x);
            let glued_and = self.glued(&w) && w.chars().count() > 3;
            if self.covered(x).is_some()
                || self.lead(x)
                || super::ar::NOT_NAME.contains(&w.as_str())
                || is_article(self.ctx, &w)
            {
                break;
            }
            start = x;
            if self.is_break(x) || glued_and {
                break;
            }
        }
        start
    }

    /// "مع راجيف مينون، الرئيس التنفيذي": a lead, two to four words, a comma, a title.
    fn names_after_leads(&self, out: &mut Vec<Candidate>) {
        for k in 0..self.len() {
            if !self.lead(k) {
                continue;
            }
            let mut e = k + 1;
            while e < self.len() && !self.is_break(e) && self.covered(e).is_none() && e - k <= 5 {
                e += 1;
            }
            if e < self.len()
                && self.is_break(e)
                && self.opener(e)
                && !self.head(e)
                && (2..=4).contains(&(e - k - 1))
            {
                let names: Vec<String> = (k + 1..e).map(|x| self.fold(x)).collect();
                if names.iter().any(|w| {
                    super::ar::NOT_NAME.contains(&w.as_str())
                        || is_article(self.ctx, w) && names.len() < 2
                }) {
                    continue;
                }
                push_candidate(out, self.words[k + 1].0, self.words[e - 1].1);
            }
        }
    }
}

/// Whether an Arabic word carries the article, bare or after a clitic ("الوزير",
/// "والرقمنة", "للاتصالات").
fn is_article(ctx: &Ctx<'_>, w: &str) -> bool {
    signer_words(ctx.lang)
        .article
        .iter()
        .any(|p| w.starts_with(p))
}

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
        for (a, b, person) in names {
            // Who will sign a planned instrument is known only when the text says so.
            if f.status == Status::Planned && !after_signer_lead(ctx, s, a) {
                continue;
            }
            if out.len() >= MAX_SIGNATORIES {
                return (out, sides);
            }
            // A head of state signs only when the text says so: "le Premier ministre X a
            // signé".
            let head = headed(ctx, s, a) && !signs_after(ctx, s, b);
            if witnessed(ctx, s, a) || witness_after(ctx, s, b) || head {
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
                rule: Rule::default(),
            });
        }
    }
    (out, sides)
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
            let between = &ctx.text[m.end..a];
            !between.contains([';', '.'])
                && between.chars().filter(|&c| c == ',' || c == '،').count() <= 2
                && !near[i + 1..]
                    .iter()
                    .any(|x| Ctx::is(x, CueClass::Signed) || Ctx::is(x, CueClass::Instrument))
        }
    })
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
            let president = matches!(
                ctx.folded_range(m.start, m.end),
                "president" | "presidente" | "الرئيس" | "رئيس"
            );
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

/// A signing verb right after the name, its subject: "X a signé", "X signed".
fn signs_after(ctx: &Ctx<'_>, s: usize, b: usize) -> bool {
    let ms = ctx.in_sentence(s);
    let from = ms.partition_point(|m| m.start < b);
    ms[from..].first().is_some_and(|m| {
        Ctx::is(m, CueClass::Signed)
            && m.start - b <= 24
            && !ctx.text[b..m.start].contains([',', ';', '،'])
    })
}

/// The side a name signs for: a country named in its title phrase before it (back to
/// the previous name or clause), or in its apposition after it.
fn side(ctx: &Ctx<'_>, s: usize, a: usize, b: usize) -> Side {
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
    let arabic = (ctx.lang == Lang::Ar)
        .then(|| {
            t.match_indices(" و")
                .map(|(i, _)| i)
                .find(|&i| opens_arabic_clause(&t[i + " و".len()..]))
        })
        .flatten();
    word.into_iter().chain(arabic).min()
}

/// Words that a conjunction و opens a new signer's clause with: a side ("وعن الجانب"),
/// a counterpart, a title or an honorific.
const ARABIC_OPENERS: &[&str] = &[
    "عن ",
    "من ",
    "نظير",
    "وزير",
    "الوزير",
    "السيد",
    "السفير",
    "سفير",
    "رئيس",
    "الرئيس",
    "المدير",
    "مدير",
    "كاتب",
    "نائب",
    "الدكتور",
    "معالي",
    "سعادة",
];

fn opens_arabic_clause(rest: &str) -> bool {
    ARABIC_OPENERS.iter().any(|o| rest.starts_with(o))
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
            let next = next
                .strip_prefix("his ")
                .or_else(|| next.strip_prefix("her "))
                .unwrap_or(next);
            let next = next
                .strip_prefix("le ")
                .or_else(|| next.strip_prefix("la "))
                .or_else(|| next.strip_prefix("son "))
                .or_else(|| next.strip_prefix("sa "))
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
    if ctx.lang == Lang::Ar {
        // "وعن الجانب", "ونظيره", "ووزير": a و that opens a side, a counterpart or a title
        // opens a new clause; the و of a title's own words ("والريادة") does not.
        for (i, _) in t.match_indices(" و") {
            let rest = &t[i + " و".len()..];
            if opens_arabic_clause(rest) {
                best = best.max(Some(i + 1));
            }
        }
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

/// Latin names: runs of capitalised words (with name particles), of two to six words,
/// that are not gazetteer names, standing after a title, an honorific or a signer lead,
/// or known as people.
fn latin_names(ctx: &Ctx<'_>, s: usize) -> Vec<(usize, usize, Option<u32>)> {
    let (ss, se) = ctx.sents[s];
    let text = &ctx.text[ss..se];
    let ms = ctx.in_sentence(s);
    let r = rules(ctx.lang);
    let mut out: Vec<(usize, usize, Option<u32>)> = Vec::new();
    for m in ms {
        if let Entry::Person(p) = m.entry {
            out.push((m.start, m.end, Some(p)));
        }
    }
    // Words with their offsets.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || c == '-' || c == '\'' || c == '’' || c == '.';
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
    let covered = |a: usize, b: usize| {
        ctx.overlapping(s, a, b).iter().any(|m| {
            !matches!(
                m.entry,
                Entry::Cue {
                    class: CueClass::Honorific,
                    ..
                }
            )
        })
    };
    let is_cap = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(|c| c.is_uppercase())
            && (w.chars().count() == 1 || w.chars().any(|c| c.is_lowercase()) || w.ends_with('.'))
    };
    let mut i = 0;
    while i < words.len() {
        let (a, b) = words[i];
        let w = text[a..b].trim_end_matches('.');
        if !is_cap(w) || covered(ss + a, ss + b) {
            i += 1;
            continue;
        }
        // Extend the run.
        let mut j = i + 1;
        let mut last_cap = i;
        while j < words.len() {
            let (c, d) = words[j];
            let gap = &text[words[j - 1].1..c];
            if gap.trim() != "" {
                break;
            }
            let w2 = text[c..d].trim_end_matches('.');
            if covered(ss + c, ss + d) {
                break;
            }
            if is_cap(w2) {
                last_cap = j;
            } else if !r.particles.contains(&w2.to_lowercase().as_str()) {
                break;
            }
            j += 1;
        }
        // Honorifics open the run but are not part of the name ("M.", "H.E. Eng.").
        let mut first = i;
        while first < last_cap
            && ctx
                .overlapping(s, ss + words[first].0, ss + words[first].1)
                .iter()
                .any(|m| Ctx::is(m, CueClass::Honorific))
        {
            first += 1;
        }
        // A title's own capitalised words end where the name starts: "Deputy Director of
        // the Telecommunication Development Bureau Rafael Ortega" keeps what follows the
        // last word that is never a name.
        let not_name = |k: usize| {
            let w = crate::text::fold_str(text[words[k].0..words[k].1].trim_end_matches('.'));
            super::rules::NOT_NAME.contains(&w.as_str())
        };
        if let Some(k) = (first..=last_cap).rev().find(|&k| not_name(k)) {
            first = k + 1;
        }
        // "Minister of Science Aisén Etcheverry": after a title's "of"/"for", the first
        // capitalised word is the portfolio, when a name of two words still follows.
        let portfolio_lead = first > 0 && {
            let prev = text[words[first - 1].0..words[first - 1].1].to_lowercase();
            matches!(prev.as_str(), "of" | "for")
                && first >= 2
                && ctx
                    .overlapping(s, ss + words[first - 2].0, ss + words[first - 2].1)
                    .iter()
                    .any(|m| Ctx::is(m, CueClass::Title))
        };
        if portfolio_lead && last_cap >= first + 2 {
            first += 1;
        }
        // The capitalised words right after a title's join are its portfolio: "Ministry
        // of Public Works, Guyana", "Digital Transition and Administrative Reform, Amal
        // …", "Media and Sport Chris Philp", "en charge des Relations Publiques".
        match portfolio_run(ctx, s, &words, i, last_cap, &out) {
            Portfolio::No => {}
            Portfolio::Whole => {
                i = last_cap + 1;
                continue;
            }
            Portfolio::Lead => first = first.max(i + 1),
        }
        if first > last_cap {
            i = last_cap + 1;
            continue;
        }
        let n_caps = (first..=last_cap)
            .filter(|&k| is_cap(text[words[k].0..words[k].1].trim_end_matches('.')))
            .count();
        let (na, nb) = (ss + words[first].0, ss + words[last_cap].1);
        let nb = if text[..nb - ss].ends_with('.')
            && !text[words[last_cap].0..nb - ss]
                .trim_end_matches('.')
                .chars()
                .all(|c| c.is_uppercase())
        {
            nb - 1
        } else {
            nb
        };
        let bad = !is_cap(text[words[first].0..words[first].1].trim_end_matches('.'));
        // A possessive is not part of the name ("Paul Kagame's visit").
        let nb = if ctx.text[na..nb].ends_with("'s") {
            nb - 2
        } else if ctx.text[na..nb].ends_with("’s") {
            nb - 4
        } else {
            nb
        };
        if !bad
            && (2..=6).contains(&n_caps)
            && introduced(ctx, s, na)
            && !out.iter().any(|o| o.0 < nb && na < o.1)
            && out.len() < MAX_CANDIDATES
        {
            out.push((na, nb, None));
        }
        i = last_cap + 1;
    }
    out.sort_by_key(|o| o.0);
    out
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
    found: &[(usize, usize, Option<u32>)],
) -> Portfolio {
    let (ss, se) = ctx.sents[s];
    let text = &ctx.text[ss..se];
    let sw = signer_words(ctx.lang);
    let (a, _) = words[i];
    let end = words[last].1;
    // A body cue right after: "Ghana Investment Promotion Centre".
    let after = &text[end..];
    let gap = after.len() - after.trim_start().len();
    if gap <= 1 {
        let at = ss + end + gap;
        let body = ctx
            .overlapping(s, at, at + 1)
            .iter()
            .any(|m| m.start == at && Ctx::is(m, CueClass::Body));
        if body {
            return Portfolio::Whole;
        }
    }
    if i == 0 {
        return Portfolio::No;
    }
    // A bounded stretch before the run (the longest join is three words): linear cost.
    let from = floor_boundary(text, a.saturating_sub(40));
    let before = crate::text::fold_str(&text[from..a]);
    let before = before.trim_end();
    let ends_with_word = |w: &str| {
        before
            .strip_suffix(w)
            .is_some_and(|rest| (rest.is_empty() && from == 0) || rest.ends_with(' '))
    };
    let joined = sw.portfolio_join.iter().any(|w| ends_with_word(w)) && {
        // Of a title or a body close before: "Minister of", "Ministry of".
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
    };
    let conjoined = !joined && sw.portfolio_and.iter().any(|w| ends_with_word(w)) && {
        // "Transition and Administrative Reform": a capitalised word that no name
        // holds stands right before the conjunction, with no punctuation.
        let prev = words[i - 1];
        let prev_word = &text[prev.0..prev.1];
        let cap_before = i >= 2 && {
            let (c, d) = words[i - 2];
            let w = &text[c..d];
            let gap = &text[d..prev.0];
            w.chars().next().is_some_and(char::is_uppercase)
                && gap.trim().is_empty()
                && !found.iter().any(|o| o.0 < ss + d && ss + c < o.1)
        };
        sw.portfolio_and
            .iter()
            .any(|w| crate::text::fold_str(prev_word) == *w)
            && cap_before
    };
    if !joined && !conjoined {
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
    // The portfolio goes on after the run: "… Storage and Transportation (BOST)"; not
    // where a country, a title or a person follows ("… and Singaporean Minister").
    let rest: Vec<&str> = after.split_whitespace().take(4).collect();
    let side_at = |word: &str| {
        let near = &after[..floor_boundary(after, after.len().min(200))];
        let Some(off) = near.find(word) else {
            return false;
        };
        let at = ss + end + off;
        ctx.overlapping(s, at, at + 1)
            .iter()
            .any(|m| m.start == at && opens_side(m))
    };
    let goes_on = after.trim_start().starts_with('(')
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
        });
    if caps >= 3 && !goes_on {
        Portfolio::Lead
    } else {
        Portfolio::Whole
    }
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
                    class: CueClass::Title | CueClass::Honorific | CueClass::Counterpart,
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
fn arabic_names(ctx: &Ctx<'_>, s: usize) -> Vec<(usize, usize, Option<u32>)> {
    let ms = ctx.in_sentence(s);
    let mut out: Vec<(usize, usize, Option<u32>)> = Vec::new();
    for m in ms {
        if let Entry::Person(p) = m.entry {
            out.push((m.start, m.end, Some(p)));
        }
    }
    let (ss, se) = ctx.sents[s];
    // Words with offsets, and clause ends.
    let text = &ctx.text[ss..se];
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut breaks: Vec<usize> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || ('\u{064B}'..='\u{065F}').contains(&c) || c == 'ـ';
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
    // Clause ends come in word order: a binary search, not a scan, tells one.
    let is_break = |x: usize| breaks.binary_search(&x).is_ok();
    let fold = |k: usize| crate::text::fold_str(&ctx.text[words[k].0..words[k].1]);
    let covered = |k: usize| {
        let (a, b) = words[k];
        ctx.overlapping(s, a, b).first()
    };
    let opener = |k: usize| {
        covered(k).is_some_and(|m| {
            matches!(
                m.entry,
                Entry::Cue {
                    class: CueClass::Title | CueClass::Honorific | CueClass::Counterpart,
                    ..
                }
            )
        })
    };
    let lead = |k: usize| {
        matches!(
            fold(k).as_str(),
            "مع" | "وعن" | "عن" | "بين" | "وبين" | "قبل" | "ومع"
        )
    };
    let is_article = |w: &str| {
        ["ال", "وال", "بال", "لل", "ولل", "فال"]
            .iter()
            .any(|p| w.starts_with(p))
    };
    let mut k = 0;
    while k < words.len() {
        if !opener(k) {
            k += 1;
            continue;
        }
        // Skip the title phrase: covered words, words with the article, "و" + article phrases.
        let mut j = k;
        while j < words.len() && covered(j).is_some_and(|m| !matches!(m.entry, Entry::Person(_))) {
            j += 1;
        }
        // Cues and names inside the title ("وزير تكنولوجيات الاتصال"): the name starts
        // after the last one of the clause.
        let mut ce = j;
        let ends_clause = |x: usize| {
            covered(x).is_some_and(|m| {
                matches!(m.entry, Entry::Cue { class, .. }
                    if !matches!(class, CueClass::Domain | CueClass::Title | CueClass::Body | CueClass::Honorific | CueClass::Counterpart))
            })
        };
        while ce < words.len()
            && (ce == j || !is_break(ce))
            && !lead(ce)
            && !opener(ce)
            && !ends_clause(ce)
        {
            ce += 1;
        }
        let cue_at = |x: usize| covered(x).is_some_and(|m| !matches!(m.entry, Entry::Person(_)));
        if let Some(last) = (j..ce)
            .rev()
            .find(|&x| cue_at(x) && x + 2 < ce && !cue_at(x + 1) && !cue_at(x + 2))
        {
            j = last + 1;
        }
        while j < words.len() && !is_break(j) {
            let w = fold(j);
            let next_article = j + 1 < words.len() && is_article(&fold(j + 1));
            if covered(j).is_some()
                || is_article(&w)
                || (w.starts_with('و') && next_article && !is_break(j + 1))
            {
                j += 1;
            } else {
                break;
            }
        }
        // The name: up to the clause end, a lead word or another opener.
        let mut e = j;
        while e < words.len()
            && (e <= j || !is_break(e))
            && !lead(e)
            && !opener(e)
            && covered(e).is_none()
        {
            if e > j && fold(e).starts_with('و') && e + 1 < words.len() && opener(e + 1) {
                break;
            }
            e += 1;
        }
        // A title phrase that ends with a comma names its holder after the comma.
        let n = e.saturating_sub(j);
        if (2..=6).contains(&n) {
            // A given name whose folded form is a preposition's ("علي", not "على") is
            // a name when written as one.
            let bad = (j..e).any(|x| {
                let w = fold(x);
                let written = &ctx.text[words[x].0..words[x].1];
                (super::ar::NOT_NAME.contains(&w.as_str())
                    && !(x > j && super::ar::NAME_AS_WRITTEN.contains(&written)))
                    || w.chars().any(|c| c.is_ascii_digit())
            });
            let (na, nb) = (words[j].0, words[e - 1].1);
            if !bad && !out.iter().any(|o| o.0 < nb && na < o.1) && out.len() < MAX_CANDIDATES {
                out.push((na, nb, None));
            }
        }
        k = e.max(k + 1);
    }
    // "، وإيريك بيسون وزير الصناعة", "عن الجانب الكازاخستاني أيدار نورلانوف نائب وزير":
    // two to four plain words right before a title, back to a clause break, a lead
    // word, a cue or a word with the article.
    for o in 1..words.len() {
        if !opener(o) {
            continue;
        }
        let mut start = o;
        while start > 0 && o - start < 4 {
            let x = start - 1;
            let w = fold(x);
            let glued_and = w.starts_with('و') && w.chars().count() > 3;
            if covered(x).is_some()
                || lead(x)
                || super::ar::NOT_NAME.contains(&w.as_str())
                || is_article(&w)
            {
                break;
            }
            start = x;
            if is_break(x) || glued_and {
                break;
            }
        }
        if !(2..=4).contains(&(o - start)) || (start + 1..o).any(is_break) {
            continue;
        }
        if (start..o).any(|x| fold(x).chars().any(|c| c.is_ascii_digit())) {
            continue;
        }
        // A conjunction glued to the first name is not part of it.
        let mut na = words[start].0;
        let first = &ctx.text[na..words[start].1];
        if first.starts_with('و') && first.chars().count() > 3 {
            na += 'و'.len_utf8();
        }
        let nb = words[o - 1].1;
        if !out.iter().any(|x| x.0 < nb && na < x.1) && out.len() < MAX_CANDIDATES {
            out.push((na, nb, None));
        }
    }
    // "مع راجيف مينون، الرئيس التنفيذي": a lead, two to four words, a comma, a title.
    for k in 0..words.len() {
        if !lead(k) {
            continue;
        }
        let mut e = k + 1;
        while e < words.len() && !is_break(e) && covered(e).is_none() && e - k <= 5 {
            e += 1;
        }
        if e < words.len() && is_break(e) && opener(e) && (2..=4).contains(&(e - k - 1)) {
            let names: Vec<String> = (k + 1..e).map(fold).collect();
            if names.iter().any(|w| {
                super::ar::NOT_NAME.contains(&w.as_str()) || is_article(w) && names.len() < 2
            }) {
                continue;
            }
            let (na, nb) = (words[k + 1].0, words[e - 1].1);
            if !out.iter().any(|o| o.0 < nb && na < o.1) && out.len() < MAX_CANDIDATES {
                out.push((na, nb, None));
            }
        }
    }
    out.sort_by_key(|o| o.0);
    out
}

//! Countries and places: which mentions name a party, which a place.

use super::context::Ctx;
use super::rules;
use crate::gazetteer::{CountryKind, Entry, Lang, Mention, OrgKind};
use crate::model::Country;

pub(super) fn country_is_place(ctx: &Ctx<'_>, m: &Mention) -> bool {
    let at = place_lead(ctx, m);
    let r = rules::rules(ctx.lang);
    preceded_by_at(ctx, at, r.locative)
        || r.clitic_locative.iter().any(|p| arabic_prefix(ctx, m, p))
        || visit_to(ctx, at)
}

/// A country named only to situate a city: "la capitale saoudienne", "the Saudi
/// capital", "العاصمة الرواندية", "Riyad (Arabie saoudite)".
pub(super) fn describes_place(ctx: &Ctx<'_>, m: &Mention, kind: CountryKind) -> bool {
    let before = ctx.folded.text[..m.fstart].trim_end();
    let after = ctx.folded.text[m.fend..].trim_start();
    let r = rules::rules(ctx.lang);
    if kind == CountryKind::Adj {
        let capital_before = r
            .capital_noun
            .iter()
            .chain(r.city_noun)
            .any(|w| before.ends_with(w));
        let capital_after = r.capital_after.iter().any(|w| after.starts_with(w));
        if capital_before || capital_after {
            return true;
        }
    }
    // "Riyad (Arabie saoudite)": a country in brackets right after a city; "à Marrakech,
    // au Maroc", "in Shenzhen, China": after a placed city and a comma.
    let no_locative = r
        .locative
        .iter()
        .filter_map(|w| before.strip_suffix(w).filter(|b| b.ends_with([' ', ','])))
        .next()
        .unwrap_or(before)
        .trim_end();
    let inner = match before.strip_suffix('(') {
        Some(i) => Some((i, false)),
        None => no_locative.strip_suffix(',').map(|i| (i, true)),
    };
    if let Some((inner, comma)) = inner {
        let city_end = inner.trim_end().len();
        let sent = ctx.sentence_at(m.start);
        // Only the mentions that end right there: a lookup, not a scan of the sentence,
        // so that a long list of countries stays linear.
        let at = ctx.to_orig(city_end);
        return ctx
            .overlapping(sent, at.saturating_sub(1), at)
            .iter()
            .any(|x| {
                matches!(
                    x.entry,
                    Entry::Place(_)
                        | Entry::Country {
                            kind: CountryKind::Capital,
                            ..
                        }
                ) && x.fend == city_end
                    && (!comma || country_is_place(ctx, x))
            });
    }
    false
}

/// A city opening a line before a dash or a comma, the dispatch's dateline:
/// "BAKU — …", "عمّان - وقعت …", "Rabat, 5 mai (MAP) - …".
pub(super) fn dateline(ctx: &Ctx<'_>, m: &Mention) -> bool {
    // Only blanks between the line's start and the city (scanning back over blanks
    // alone keeps this constant-time on a line of any length).
    let before = ctx.folded.text[..m.fstart].trim_end_matches([' ', '\t']);
    if !(before.is_empty() || before.ends_with('\n')) {
        return false;
    }
    // Folding turned dashes into spaces; look at the original text.
    let after = ctx.text[m.end..].trim_start_matches([' ', '\u{a0}']);
    after.starts_with(['-', '–', '—', ',', '،', '(', '/'])
}

/// Where the words before a place end, past a "capital" phrase: "à la capitale
/// sénégalaise Dakar", "إلى العاصمة الرواندية كيغالي", "in the Omani capital Muscat".
pub(super) fn place_lead(ctx: &Ctx<'_>, m: &Mention) -> usize {
    static CAPITAL: once_cell::sync::Lazy<[regex::Regex; 3]> =
        once_cell::sync::Lazy::new(|| Lang::ALL.map(city_lead_regex));
    let start = m.fstart.saturating_sub(60);
    let start = (start..m.fstart)
        .find(|&i| ctx.folded.text.is_char_boundary(i))
        .unwrap_or(m.fstart);
    let before = &ctx.folded.text[start..m.fstart];
    let re = &CAPITAL[ctx.lang.index()];
    match re.find(before) {
        Some(c) => start + c.start(),
        None => m.fstart,
    }
}

/// The phrase that leads a city's name, at the end of a text: "la capitale
/// sénégalaise ", "the city of ", "the Omani capital ", from the language's words.
fn city_lead_regex(lang: Lang) -> regex::Regex {
    let r = rules::rules(lang);
    let alt = |ws: &[&str]| {
        let mut ws: Vec<String> = ws.iter().map(|w| regex::escape(w)).collect();
        // Longest first, so that "the capital" wins over "capital".
        ws.sort_by_key(|w| std::cmp::Reverse(w.len()));
        ws.join("|")
    };
    let mut parts = vec![format!(r"\b(?:{})(?: \S+)?", alt(r.city_lead))];
    if !r.capital_article.is_empty() && !r.capital_after.is_empty() {
        parts.push(format!(
            r"\b(?:{}) \S+ (?:{})",
            alt(r.capital_article),
            alt(r.capital_after)
        ));
    }
    regex::Regex::new(&format!("(?:{}),? ?$", parts.join("|"))).unwrap()
}

/// "dans la capitale sénégalaise", "in the Kenyan capital", "بالعاصمة الجزائرية", "in
/// the capital of Kenya", "بعاصمة كينيا": a placed capital phrase on a country adjective
/// or name names that country's capital (a place).
pub(super) fn capital_of_country(ctx: &Ctx<'_>, m: &Mention) -> Option<u32> {
    let Entry::Country { code, kind } = m.entry else {
        return None;
    };
    let r = rules::rules(ctx.lang);
    let lead = capital_phrase_lead(ctx, m, kind)?;
    let head = ctx.folded.text[..lead].trim_end();
    // The article before the phrase ("in the capital of", "dans la capitale du").
    let lead = r
        .capital_article
        .iter()
        .find_map(|a| {
            head.strip_suffix(a)
                .filter(|h| h.is_empty() || h.ends_with(' '))
        })
        .map_or(lead, str::len);
    let clitic = r.clitic_locative.iter().any(|p| {
        ctx.folded.text[..lead].strip_suffix(p).is_some_and(|h| {
            h.chars()
                .next_back()
                .is_none_or(|c| !crate::text::is_word_char(c))
        })
    });
    let placed = clitic
        || preceded_by_at(ctx, lead, r.locative)
        || preceded_by_at(ctx, m.fstart, r.locative)
        || visit_to(ctx, lead);
    placed.then(|| ctx.g.capital_of(code)).flatten()
}

/// Where the capital phrase around a country mention starts: the capital noun before an
/// adjective ("capitale sénégalaise") or a name ("capital of Kenya"), or the adjective
/// itself before the noun ("Kenyan capital").
fn capital_phrase_lead(ctx: &Ctx<'_>, m: &Mention, kind: CountryKind) -> Option<usize> {
    let r = rules::rules(ctx.lang);
    let before = ctx.folded.text[..m.fstart].trim_end();
    let after = ctx.folded.text[m.fend..].trim_start();
    let ends = |ws: &[&str]| {
        ws.iter()
            .find(|w| before.ends_with(*w))
            .map(|w| before.len() - w.len())
    };
    match kind {
        CountryKind::Adj => ends(r.capital_noun).or_else(|| {
            r.capital_after
                .iter()
                .any(|w| after.starts_with(w))
                .then_some(m.fstart)
        }),
        CountryKind::Name | CountryKind::Official => ends(r.capital_of),
        _ => None,
    }
}

/// "a working visit to Conakry", "زيارة رسمية إلى كيغالي": the place of a visit.
pub(super) fn visit_to(ctx: &Ctx<'_>, at: usize) -> bool {
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

/// A place written as its own country's name ("في تونس"), where the language's locative
/// does not tell the city from the country, no city phrase leads it and no signing verb
/// stands just before it ("الموقعة في الكويت"): the country.
pub(super) fn country_not_city(ctx: &Ctx<'_>, s: usize, m: &Mention) -> bool {
    let Entry::Place(i) = m.entry else {
        return false;
    };
    let code = ctx.g.place_country(i);
    !rules::rules(ctx.lang).locative_names_city
        && place_lead(ctx, m) == m.fstart
        && !ctx
            .overlapping(s, m.start.saturating_sub(24), m.start)
            .iter()
            .any(|x| Ctx::is(x, crate::gazetteer::CueClass::Signed))
        && ctx.overlapping(s, m.start, m.end).iter().any(|x| {
            x.start == m.start
                && x.end == m.end
                && matches!(x.entry, Entry::Country { code: c, kind } if Some(c) == code && kind != CountryKind::Capital)
        })
}

/// Whether one of the words stands right before a folded offset (one space apart).
pub(super) fn preceded_by_at(ctx: &Ctx<'_>, at: usize, words: &[&str]) -> bool {
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
pub(super) fn arabic_prefix(ctx: &Ctx<'_>, m: &Mention, p: &str) -> bool {
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

/// The countries the article names as parties, most named first (ties: first named
/// first): the article-wide parties of a frame that names none, and the home side of
/// an agreement whose clause names only its counterparts.
pub(super) fn ranked_countries(ctx: &Ctx<'_>) -> Vec<crate::model::Spanned<Country>> {
    let mut counts: std::collections::BTreeMap<Country, (usize, crate::model::Span)> =
        std::collections::BTreeMap::new();
    for m in &ctx.mentions {
        if let Some(c) = party_of(ctx, m) {
            counts
                .entry(c)
                .or_insert((0, crate::model::Span::new(m.start, m.end)))
                .0 += 1;
        }
    }
    let mut ranked: Vec<(Country, (usize, crate::model::Span))> = counts.into_iter().collect();
    ranked.sort_by_key(|(_, (n, span))| (std::cmp::Reverse(*n), span.start));
    ranked
        .into_iter()
        .map(|(c, (_, span))| crate::model::Spanned::new(c, span).by("party_by_mentions"))
        .collect()
}

/// The countries a mention names as a party, if any.
pub(super) fn party_of(ctx: &Ctx<'_>, m: &Mention) -> Option<Country> {
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
                let sent = ctx.sentence_at(m.start);
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

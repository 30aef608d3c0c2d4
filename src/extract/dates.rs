//! Dates: finding date expressions in a sentence and resolving them against the
//! publication date.

use once_cell::sync::Lazy;
use regex::Regex;

use super::context::Ctx;
use super::rules::{self, Rules};
use crate::gazetteer::{CueClass, CueValue, Lang};
use crate::model::{days_in_month, PartialDate, Span};
use crate::text::fold_str;

/// What a date expression says, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum When {
    Day {
        year: Option<u16>,
        month: u8,
        day: u8,
    },
    Month {
        year: u16,
        month: u8,
    },
    Year(u16),
    /// A day range within a month ("du 14 au 16 avril").
    Range {
        year: Option<u16>,
        month: u8,
        from: u8,
        to: u8,
    },
    Weekday(u8),
    Relative(i32),
    /// The year of an event's edition ("GITEX Africa 2024"): the year, and nothing
    /// about the day.
    Edition(u16),
    /// Months or years from the publication date ("last month", "l'an dernier").
    RelMonth(i32),
    RelYear(i32),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct DateMention {
    pub when: When,
    pub span: Span,
    /// A page stamp or a wire dateline ("Date : 2015.04.21", "دبي في 4 فبراير /وام/"):
    /// when the report was written, not when anything was signed.
    pub stamp: bool,
}

/// The words of one date-grammar slot in all three languages (dates are read in any
/// language: a quoted post carries its own), folded like the text, as a regex
/// alternation, longest first.
fn words(pick: fn(&Rules) -> &'static [&'static str]) -> String {
    let mut all: Vec<String> = [Lang::Fr, Lang::En, Lang::Ar]
        .into_iter()
        .flat_map(|l| pick(rules::rules(l)).iter())
        .map(|w| regex::escape(&fold_str(w)))
        .collect();
    all.sort_by_key(|w| std::cmp::Reverse(w.len()));
    all.dedup();
    format!("(?:{})", all.join("|"))
}

fn day_before() -> String {
    let (suffix, to, of) = (
        words(|r| r.day_suffix),
        words(|r| r.range_to),
        words(|r| r.day_of),
    );
    // A weekday may stand before the second day: "du mercredi 12 au vendredi 14
    // novembre", "from Wednesday 5 to Friday 7 June", "من الأربعاء 5 إلى الجمعة 7 يونيو".
    format!(
        r"(?:\b(\d{{1,2}}){suffix}?\s*(?:-|{to})\s*(?:\p{{L}}{{2,12}}\s+)?)?\b(\d{{1,2}}){suffix}?\s+(?:{of}\s+)?$"
    )
}

/// A day that takes the month of the date told before it: "le 22 du même mois".
fn same_month() -> String {
    let (suffix, same) = (words(|r| r.day_suffix), words(|r| r.same_month));
    format!(r"\b(\d{{1,2}}){suffix}?\s+{same}\b")
}

fn day_after() -> String {
    let (suffix, to) = (words(|r| r.day_suffix), words(|r| r.range_to));
    format!(r"^\s+(\d{{1,2}}){suffix}?\b(?:\s*(?:-|{to})\s*(\d{{1,2}})\b)?")
}

fn year_after() -> String {
    let lead = words(|r| r.year_lead);
    format!(r"^\s*,?\s*(?:{lead}\s)?((?:19|20)\d{{2}})\b")
}

fn year_alone() -> String {
    let prep = words(|r| r.year_prep);
    format!(r"(?:\b{prep}\s+)((?:19|20)\d{{2}})\b")
}

fn hijri_after() -> String {
    let mark = words(|r| r.hijri_mark);
    format!(r"^\s*{mark}(?:\b|\s|$)")
}

static DAY_BEFORE: Lazy<Regex> = Lazy::new(|| Regex::new(&day_before()).unwrap());
static DAY_AFTER: Lazy<Regex> = Lazy::new(|| Regex::new(&day_after()).unwrap());
static YEAR_AFTER: Lazy<Regex> = Lazy::new(|| Regex::new(&year_after()).unwrap());
/// Numeric dates (on folded text, where a hyphen is a space: the original must have
/// a mark there): day first (or month first when the day cannot be a month),
/// "16.07.2021", "05/03/24", "3-5-2024"; or year first, "2024-03-05", "2015.04.21".
static NUMERIC: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"\b(?:(\d{1,2})([/. ])(\d{1,2})([/. ])((?:19|20)?\d{2})|((?:19|20)\d{2})([/. ])(\d{1,2})([/. ])(\d{1,2}))\b",
    )
    .unwrap()
});
/// A year right after an event's name, before any punctuation: its edition.
static EDITION_YEAR: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^[^\d,.;:،؛()]{0,24}?((?:19|20)\d{2})\b").unwrap());
static YEAR_ALONE: Lazy<Regex> = Lazy::new(|| Regex::new(&year_alone()).unwrap());
static HIJRI_AFTER: Lazy<Regex> = Lazy::new(|| Regex::new(&hijri_after()).unwrap());
static SAME_MONTH: Lazy<Regex> = Lazy::new(|| Regex::new(&same_month()).unwrap());
/// How many sentences back a "same month" day looks for its month.
const SAME_MONTH_REACH: usize = 6;

/// One sentence as the date readers see it: its folded bounds and text, and its mentions.
struct Sentence<'c, 'a> {
    ctx: &'c Ctx<'a>,
    s: usize,
    fs: usize,
    fe: usize,
    ft: &'c str,
    ms: &'c [crate::gazetteer::Mention],
}

impl Sentence<'_, '_> {
    fn mention(&self, when: When, a: usize, b: usize, stamp: bool) -> DateMention {
        DateMention {
            when,
            span: span(self.ctx, a, b),
            stamp,
        }
    }
}

/// The date expressions of one sentence.
pub(crate) fn in_sentence(ctx: &Ctx<'_>, s: usize) -> Vec<DateMention> {
    let (ss, se) = ctx.sents[s];
    let (fs, fe) = (ctx.to_folded(ss), ctx.to_folded(se));
    let sn = Sentence {
        ctx,
        s,
        fs,
        fe,
        ft: &ctx.folded.text[fs..fe],
        ms: ctx.in_sentence(s),
    };
    let mut out: Vec<DateMention> = Vec::new();
    let mut used = Taken::default();
    month_dates(&sn, &mut used, &mut out);
    // Numeric dates and bare years need digits: most sentences have none.
    if sn.ft.bytes().any(|b| b.is_ascii_digit()) {
        numeric_dates(&sn, &mut used, &mut out);
        same_month_days(&sn, &mut used, &mut out);
        edition_years(&sn, &mut used, &mut out);
        bare_years(&sn, &used, &mut out);
    }
    loose_cues(&sn, &used, &mut out);
    out.sort_by_key(|d| d.span.start);
    out
}

/// A weekday named within a few characters before `start`: its number and folded start.
fn weekday_before(sn: &Sentence<'_, '_>, start: usize) -> Option<(u8, usize)> {
    let end = sn.ms.partition_point(|m| m.fstart < start);
    sn.ms[..end]
        .iter()
        .rev()
        .take(3)
        .find_map(|m| match Ctx::cue(m) {
            Some((CueClass::Weekday, CueValue::Number(w)))
                if m.fend <= start && start - m.fend <= 4 && m.fstart >= sn.fs =>
            {
                Some((w as u8, m.fstart))
            }
            _ => None,
        })
}

/// Dates built on a month name: "jeudi 30 mai 2024", "March 5", "du 14 au 16 avril",
/// "mai 2024".
fn month_dates(sn: &Sentence<'_, '_>, used: &mut Taken, out: &mut Vec<DateMention>) {
    // The second name of a double month form ("تشرين الثاني/نوفمبر", "كانون الثاني (يناير)").
    let mut twin_end = 0;
    for (i, m) in sn.ms.iter().enumerate() {
        let Some((CueClass::Month, CueValue::Number(month))) = Ctx::cue(m) else {
            continue;
        };
        let month = month as u8;
        let (mfs, mut mfe) = (m.fstart, m.fend);
        if mfs < sn.fs || mfe > sn.fe || mfs < twin_end {
            continue;
        }
        if let Some(e) = twin_month_end(sn, i, month) {
            mfe = e;
            twin_end = e;
        }
        let Some((when, start, end)) = date_around_month(sn, i, month, mfs, mfe) else {
            continue;
        };
        used.insert(start, end);
        out.push(sn.mention(when, start, end, is_stamp(sn.ctx, sn.s, start, end)));
    }
}

/// The folded end of a month's second name right after it ("/نوفمبر", " (يناير)").
fn twin_month_end(sn: &Sentence<'_, '_>, i: usize, month: u8) -> Option<usize> {
    let mfe = sn.ms[i].fend;
    let text = &sn.ctx.folded.text;
    let t = sn.ms.get(i + 1).filter(|t| {
        matches!(Ctx::cue(t), Some((CueClass::Month, CueValue::Number(n))) if n as u8 == month)
            && t.fstart >= mfe
            && t.fstart - mfe <= 3
            && text[mfe..t.fstart]
                .chars()
                .all(|c| matches!(c, '/' | '(' | ' ' | '-'))
    })?;
    // "(يناير)": the closing bracket belongs to the date too.
    Some(t.fend + usize::from(text[t.fend..].starts_with(')')))
}

/// The date told around the month of mention `i` (folded `mfs..mfe`): its day or days
/// before or after the month, its year after, a weekday before; with its folded bounds.
fn date_around_month(
    sn: &Sentence<'_, '_>,
    i: usize,
    month: u8,
    mfs: usize,
    mfe: usize,
) -> Option<(When, usize, usize)> {
    let (fs, ft) = (sn.fs, sn.ft);
    let after = &ft[mfe - fs..];
    let (mut day, mut from, mut start) = day_before_month(sn, i, mfs);
    let mut end = mfe;
    let mut rest = after;
    if day.is_none() {
        if let Some((f, d, l)) = day_after_month(after) {
            from = f;
            day = d;
            end = mfe + l;
            rest = &after[l..];
        }
    }
    let mut year: Option<u16> = None;
    if let Some(c) = YEAR_AFTER.captures(rest) {
        let l = c.get(0).map_or(0, |g| g.end());
        if HIJRI_AFTER.is_match(&rest[l..]) {
            return None;
        }
        year = c.get(1).and_then(|y| y.as_str().parse().ok());
        end += l;
    }
    // A weekday stated with the date ("jeudi 30 mai") is part of its evidence.
    if let Some((_, ws)) = weekday_before(sn, start) {
        start = ws;
    }
    let when = match (day, from, year) {
        (Some(d), Some(f), y) if f < d && d <= 31 => When::Range {
            year: y,
            month,
            from: f,
            to: d,
        },
        (Some(d), _, y) if (1..=31).contains(&d) => When::Day {
            year: y,
            month,
            day: d,
        },
        (None, _, Some(y)) => When::Month { year: y, month },
        _ => return None,
    };
    Some((when, start, end))
}

/// The day (and the first day of a range) written before a month, in digits or as an
/// ordinal word, with the folded start of the date.
fn day_before_month(
    sn: &Sentence<'_, '_>,
    i: usize,
    mfs: usize,
) -> (Option<u8>, Option<u8>, usize) {
    let (fs, ft) = (sn.fs, sn.ft);
    // The day comes within a few words before the month: a bounded look-back keeps
    // the end-anchored search from rescanning the whole sentence.
    let mut look = (mfs - fs).saturating_sub(48);
    while !ft.is_char_boundary(look) {
        look += 1;
    }
    let before = &ft[look..mfs - fs];
    if let Some(c) = DAY_BEFORE.captures(before) {
        let day = c.get(2).and_then(|d| d.as_str().parse().ok());
        let from = c.get(1).and_then(|d| d.as_str().parse().ok());
        let start = fs + look + c.get(0).map_or(mfs - fs - look, |g| g.start());
        (day, from, start)
    } else if let Some((d, a)) = ordinal_day_before(sn.ctx, &sn.ms[..i], mfs) {
        // "الخامس من مارس", "the fifth of March".
        (Some(d), None, a)
    } else {
        (None, None, mfs)
    }
}

/// The day (or range of days) written after a month ("March 5", "June 5-7"): first day
/// of a range, the day, and the length read.
fn day_after_month(after: &str) -> Option<(Option<u8>, Option<u8>, usize)> {
    let c = DAY_AFTER.captures(after)?;
    let a: Option<u8> = c.get(1).and_then(|d| d.as_str().parse().ok());
    let b: Option<u8> = c.get(2).and_then(|d| d.as_str().parse().ok());
    let l = c.get(0).map_or(0, |g| g.end());
    Some(if b.is_some() { (a, b, l) } else { (None, a, l) })
}

/// Numeric dates: "16.07.2021", "05/03/24", "2024-03-05".
fn numeric_dates(sn: &Sentence<'_, '_>, used: &mut Taken, out: &mut Vec<DateMention>) {
    let ft = sn.ft;
    for c in NUMERIC.captures_iter(ft) {
        let g = c.get(0).unwrap();
        // "1.2.3.4" is a version or an address, not a date.
        let (x, z) = (
            ft[..g.start()].chars().next_back(),
            ft[g.end()..].chars().next(),
        );
        let glued = |c: Option<char>, digit_after: Option<char>| {
            matches!(c, Some('.' | '/' | '-')) && digit_after.is_some_and(|d| d.is_ascii_digit())
        };
        if glued(x, ft[..g.start()].chars().nth_back(1)) || glued(z, ft[g.end()..].chars().nth(1)) {
            continue;
        }
        let Some((y, m, d)) = numeric_parts(sn, &c) else {
            continue;
        };
        if m > 12 || PartialDate::day(y, m as u8, d as u8).is_none() {
            continue;
        }
        let (a, b) = (sn.fs + g.start(), sn.fs + g.end());
        used.insert(a, b);
        let when = When::Day {
            year: Some(y),
            month: m as u8,
            day: d as u8,
        };
        out.push(sn.mention(when, a, b, is_stamp(sn.ctx, sn.s, a, b)));
    }
}

/// Year, month and day of a numeric date, when its separators as written agree.
fn numeric_parts(sn: &Sentence<'_, '_>, c: &regex::Captures<'_>) -> Option<(u16, u16, u16)> {
    let ctx = sn.ctx;
    let num = |i: usize| c.get(i).and_then(|x| x.as_str().parse::<u16>().ok());
    // The separator as written: a folded space must be a hyphen or a dash.
    let sep = |i: usize| {
        c.get(i).map(|x| {
            let a = ctx.to_orig(sn.fs + x.start());
            ctx.text[a..].chars().next().unwrap_or(' ')
        })
    };
    if [2, 4, 7, 9]
        .iter()
        .any(|&i| sep(i).is_some_and(char::is_whitespace))
    {
        return None;
    }
    if let (Some(a), Some(b), Some(y)) = (num(1), num(3), num(5)) {
        if sep(2) != sep(4) {
            return None;
        }
        // Two-digit years are of this century: "05/03/24".
        let y = if y < 100 { 2000 + y } else { y };
        // Day first, unless the first number cannot be a month's day and the
        // second can ("3/25/2024").
        Some(if b > 12 && a <= 12 {
            (y, a, b)
        } else {
            (y, b, a)
        })
    } else if let (Some(y), Some(m), Some(d)) = (num(6), num(8), num(10)) {
        (sep(7) == sep(9)).then_some((y, m, d))
    } else {
        None
    }
}

/// The month and year a date mention tells, if it tells a month.
fn month_of(d: &DateMention) -> Option<(Option<u16>, u8)> {
    match d.when {
        When::Day { year, month, .. } | When::Range { year, month, .. } => Some((year, month)),
        When::Month { year, month } => Some((Some(year), month)),
        _ => None,
    }
}

/// "Le 22 du même mois", "On the 22nd of the same month", "في 22 من الشهر نفسه": the
/// month (and year) of the last date told before it, in this sentence or a few before.
fn same_month_days(sn: &Sentence<'_, '_>, used: &mut Taken, out: &mut Vec<DateMention>) {
    let (ctx, s) = (sn.ctx, sn.s);
    for c in SAME_MONTH.captures_iter(sn.ft) {
        let g = c.get(0).unwrap();
        let (a, b) = (sn.fs + g.start(), sn.fs + g.end());
        let Some(day) = c.get(1).and_then(|d| d.as_str().parse::<u8>().ok()) else {
            continue;
        };
        if used.overlaps(a, b) || !(1..=31).contains(&day) {
            continue;
        }
        let at = ctx.to_orig(a);
        let here = out
            .iter()
            .filter(|d| d.span.start < at && month_of(d).is_some())
            .max_by_key(|d| d.span.start)
            .and_then(month_of);
        let before = || {
            (s.saturating_sub(SAME_MONTH_REACH)..s)
                .rev()
                .find_map(|p| ctx.dates(p).iter().rev().find_map(month_of))
        };
        let Some((year, month)) = here.or_else(before) else {
            continue;
        };
        used.insert(a, b);
        out.push(sn.mention(When::Day { year, month, day }, a, b, false));
    }
}

/// The year of an event's edition: "GITEX Africa 2024", "القمة العالمية للحكومات 2026".
fn edition_years(sn: &Sentence<'_, '_>, used: &mut Taken, out: &mut Vec<DateMention>) {
    for m in sn.ms {
        if !matches!(m.entry, crate::gazetteer::Entry::Event(_)) || m.fend > sn.fe {
            continue;
        }
        let Some(c) = EDITION_YEAR.captures(&sn.ctx.folded.text[m.fend..sn.fe]) else {
            continue;
        };
        let g = c.get(1).unwrap();
        let (a, b) = (m.fend + g.start(), m.fend + g.end());
        if used.overlaps(a, b) {
            continue;
        }
        if let Ok(y) = g.as_str().parse() {
            used.insert(a, b);
            out.push(sn.mention(When::Edition(y), a, b, false));
        }
    }
}

/// A year after a preposition: "en 2019", "in 2019", "عام 2019".
fn bare_years(sn: &Sentence<'_, '_>, used: &Taken, out: &mut Vec<DateMention>) {
    for c in YEAR_ALONE.captures_iter(sn.ft) {
        let g = c.get(1).unwrap();
        let (a, b) = (sn.fs + g.start(), sn.fs + g.end());
        if used.overlaps(a, b) {
            continue;
        }
        if HIJRI_AFTER.is_match(&sn.ft[g.end()..]) {
            continue;
        }
        // A year that names a strategy or an event ("Maroc Digital 2030", "Expo 2020")
        // follows a capitalised name without a preposition; YEAR_ALONE requires one.
        if let Ok(y) = g.as_str().parse() {
            out.push(sn.mention(When::Year(y), a, b, false));
        }
    }
}

/// Weekdays and relative days, months and years not attached to a date.
fn loose_cues(sn: &Sentence<'_, '_>, used: &Taken, out: &mut Vec<DateMention>) {
    for m in sn.ms {
        let when = match Ctx::cue(m) {
            Some((CueClass::Weekday, CueValue::Number(w))) => When::Weekday(w as u8),
            Some((CueClass::RelDay, CueValue::Offset(k))) => When::Relative(k as i32),
            Some((CueClass::RelMonth, CueValue::Offset(k))) => When::RelMonth(k as i32),
            Some((CueClass::RelYear, CueValue::Offset(k))) => When::RelYear(k as i32),
            _ => continue,
        };
        if used.overlaps(m.fstart, m.fend) {
            continue;
        }
        // "hier jeudi" / "أمس الاثنين": keep one mention, the relative day.
        out.push(sn.mention(when, m.fstart, m.fend, false));
    }
}

/// A day written as an ordinal word right before a month: "الخامس من مارس", "the fifth
/// of March". Returns the day and the folded start.
fn ordinal_day_before(
    ctx: &Ctx<'_>,
    before: &[crate::gazetteer::Mention],
    mfs: usize,
) -> Option<(u8, usize)> {
    let o = before.last()?;
    let Some((CueClass::Ordinal, CueValue::Number(n))) = Ctx::cue(o) else {
        return None;
    };
    if o.fend > mfs || mfs - o.fend > 16 || !(1..=31).contains(&n) {
        return None;
    }
    let gap = ctx.folded.text[o.fend..mfs].trim();
    let links = rules::rules(ctx.lang).day_of;
    (gap.is_empty() || links.iter().any(|l| fold_str(l) == gap)).then_some((n as u8, o.fstart))
}

/// Whether a date is a page stamp or a wire dateline: alone on a short line ("Date :
/// 2015.04.21", "Thursday, April 11th 2024 - 10:13 UTC"), or at the head of a sentence
/// before the agency's mark ("RABAT, 12 May (MAP) –", "دبي في 4 فبراير /وام/").
fn is_stamp(ctx: &Ctx<'_>, s: usize, fa: usize, fb: usize) -> bool {
    let (ss, se) = ctx.sents[s];
    let (a, b) = (ctx.to_orig(fa), ctx.to_orig_end(fb));
    let statused = |x: usize, y: usize| {
        ctx.overlapping(s, x, y).iter().any(|m| {
            matches!(
                Ctx::cue(m),
                Some((
                    CueClass::Signed
                        | CueClass::Planned
                        | CueClass::Ratified
                        | CueClass::Referenced,
                    _
                ))
            )
        })
    };
    let short = (se - ss).saturating_sub(b - a) <= 50;
    if short && !statused(ss, se) {
        return true;
    }
    let after = ctx.text[b..se].trim_start();
    let marked = after.starts_with(['(', '/', '-', '–', '—', '|']);
    a - ss <= 40 && marked && !statused(ss, a)
}

/// The folded ranges already read as a date, kept merged and sorted so that a test for
/// overlap is a lookup, not a scan: a sentence of many dates stays linear.
#[derive(Default)]
struct Taken(std::collections::BTreeMap<usize, usize>);

impl Taken {
    fn overlaps(&self, a: usize, b: usize) -> bool {
        self.0.range(..b).next_back().is_some_and(|(_, &e)| e > a)
    }

    fn insert(&mut self, mut a: usize, mut b: usize) {
        while let Some((&s, &e)) = self.0.range(..b).next_back().filter(|(_, &e)| e > a) {
            self.0.remove(&s);
            a = a.min(s);
            b = b.max(e);
        }
        self.0.insert(a, b);
    }
}

fn span(ctx: &Ctx<'_>, fa: usize, fb: usize) -> Span {
    Span::new(ctx.to_orig(fa), ctx.to_orig_end(fb))
}

/// Day of the week, 1 = Monday … 7 = Sunday.
pub(crate) fn weekday(y: u16, m: u8, d: u8) -> u8 {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let mut y = y as i32;
    if m < 3 {
        y -= 1;
    }
    let w = (y + y / 4 - y / 100 + y / 400 + T[(m - 1) as usize] + d as i32) % 7; // 0 = Sunday
    if w == 0 {
        7
    } else {
        w as u8
    }
}

fn add_days(date: (u16, u8, u8), k: i32) -> (u16, u8, u8) {
    let (mut y, mut m, mut d) = (date.0, date.1, date.2 as i32 + k);
    while d < 1 {
        if m == 1 {
            m = 12;
            y -= 1;
        } else {
            m -= 1;
        }
        d += days_in_month(y, m) as i32;
    }
    while d > days_in_month(y, m) as i32 {
        d -= days_in_month(y, m) as i32;
        if m == 12 {
            m = 1;
            y += 1;
        } else {
            m += 1;
        }
    }
    (y, m, d as u8)
}

/// The year of a day and month given without one, from the publication date: the
/// same year, or the one before when the month lies after the publication month.
fn infer_year(month: u8, published: Option<PartialDate>) -> Option<u16> {
    let p = published?;
    match p.month {
        Some(pm) if month > pm + 1 => Some(p.year - 1),
        _ => Some(p.year),
    }
}

/// Resolves a date mention. `ranges` are the day ranges stated in the document (an
/// event's dates), which make a bare weekday certain.
pub(crate) fn resolve(
    d: &DateMention,
    published: Option<PartialDate>,
    ranges: &[DateMention],
    reference: Option<PartialDate>,
) -> Option<PartialDate> {
    match d.when {
        When::Day { year, month, day } => {
            let y = year.or_else(|| infer_year(month, reference))?;
            PartialDate::day(y, month, day)
        }
        When::Month { year, month } => PartialDate::month(year, month),
        When::Year(y) | When::Edition(y) => PartialDate::year(y),
        // A range gives its month ("held from 3 to 6 November").
        When::Range { year, month, .. } => {
            let y = year.or_else(|| infer_year(month, reference))?;
            PartialDate::month(y, month)
        }
        When::RelMonth(k) => months_from(published?, k),
        When::RelYear(k) => {
            let p = published?;
            PartialDate::year(u16::try_from(p.year as i32 + k).ok()?)
        }
        When::Weekday(w) => weekday_from(published?, w, ranges),
        When::Relative(k) => {
            let p = published?;
            match (p.month, p.day) {
                (Some(m), Some(day)) => {
                    let (y, m, d) = add_days((p.year, m, day), k);
                    PartialDate::day(y, m, d)
                }
                (Some(m), None) => PartialDate::month(p.year, m),
                _ => None,
            }
        }
    }
}

/// The month `k` months from the publication month.
fn months_from(p: PartialDate, k: i32) -> Option<PartialDate> {
    let m0 = p.year as i32 * 12 + p.month? as i32 - 1 + k;
    PartialDate::month(
        u16::try_from(m0.div_euclid(12)).ok()?,
        (m0.rem_euclid(12) + 1) as u8,
    )
}

/// A bare weekday: the last such day on or before the publication day; with only the
/// publication month, the day of a stated range that falls on it, else the month.
fn weekday_from(p: PartialDate, w: u8, ranges: &[DateMention]) -> Option<PartialDate> {
    if let (Some(m), Some(day)) = (p.month, p.day) {
        // The last such weekday on or before the publication day.
        let back = (weekday(p.year, m, day) as i32 - w as i32).rem_euclid(7);
        let (y, m, d) = add_days((p.year, m, day), -back);
        return PartialDate::day(y, m, d);
    }
    let pm = p.month?;
    match weekday_in_ranges(p.year, pm, w, ranges) {
        Some(day) => PartialDate::day(p.year, pm, day),
        None => PartialDate::month(p.year, pm),
    }
}

/// The last day falling on weekday `w` inside a stated range (or day) of month `pm`.
fn weekday_in_ranges(year: u16, pm: u8, w: u8, ranges: &[DateMention]) -> Option<u8> {
    let mut hit = None;
    for r in ranges {
        let (ry, month, from, to) = match r.when {
            When::Range {
                year,
                month,
                from,
                to,
            } => (year, month, from, to),
            When::Day { year, month, day } => (year, month, day, day),
            _ => continue,
        };
        if month != pm || ry.is_some_and(|y| y != year) {
            continue;
        }
        for day in from..=to.min(days_in_month(year, month)) {
            if weekday(year, month, day) == w {
                hit = Some(day);
            }
        }
    }
    hit
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The date grammar's words are compared with folded text, so its patterns hold
    /// them folded: "من 7 إلى 9 مارس" is a range only if "إلى" is matched as "الي".
    #[test]
    fn date_grammar_words_are_folded() {
        let slots: [fn(&Rules) -> &'static [&'static str]; 5] = [
            |r| r.range_to,
            |r| r.day_of,
            |r| r.year_lead,
            |r| r.year_prep,
            |r| r.hijri_mark,
        ];
        for pick in slots {
            let pattern = words(pick);
            for lang in [Lang::Fr, Lang::En, Lang::Ar] {
                for w in pick(rules::rules(lang)) {
                    let folded = regex::escape(&fold_str(w));
                    assert!(pattern.contains(&folded), "{w:?} missing from {pattern}");
                    let re = Regex::new(&format!("^{pattern}$")).unwrap();
                    assert!(re.is_match(&fold_str(w)), "{w:?} does not match folded");
                }
            }
        }
        let to = Regex::new(&format!("^{}$", words(|r| r.range_to))).unwrap();
        assert!(to.is_match(&fold_str("إلى")) && !to.is_match("au-delà"));
    }

    #[test]
    fn weekdays_and_day_arithmetic() {
        assert_eq!(weekday(2024, 5, 30), 4); // a Thursday
        assert_eq!(weekday(2024, 12, 16), 1); // a Monday
        assert_eq!(add_days((2024, 3, 1), -1), (2024, 2, 29));
        assert_eq!(add_days((2024, 12, 31), 1), (2025, 1, 1));
    }

    #[test]
    fn weekday_resolves_inside_an_event_range() {
        let pub_ = "2024-12".parse().ok();
        let range = DateMention {
            when: When::Range {
                year: None,
                month: 12,
                from: 15,
                to: 19,
            },
            span: Span::new(0, 0),
            stamp: false,
        };
        let monday = DateMention {
            when: When::Weekday(1),
            span: Span::new(0, 0),
            stamp: false,
        };
        assert_eq!(
            resolve(&monday, pub_, &[range], pub_).unwrap().to_string(),
            "2024-12-16"
        );
        assert_eq!(
            resolve(&monday, pub_, &[], pub_).unwrap().to_string(),
            "2024-12"
        );
        assert_eq!(resolve(&monday, None, &[range], None), None);
        let dm = DateMention {
            when: When::Day {
                year: None,
                month: 12,
                day: 16,
            },
            span: Span::new(0, 0),
            stamp: false,
        };
        assert_eq!(
            resolve(&dm, None, &[], "2025-04".parse().ok())
                .unwrap()
                .to_string(),
            "2024-12-16"
        );
    }
}

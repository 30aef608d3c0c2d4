//! Dates: finding date expressions in a sentence and resolving them against the
//! publication date.

use once_cell::sync::Lazy;
use regex::Regex;

use super::context::Ctx;
use crate::gazetteer::{CueClass, CueValue};
use crate::model::{days_in_month, PartialDate, Span};

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
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct DateMention {
    pub when: When,
    pub span: Span,
}

static DAY_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:(\d{1,2})(?:er|st|nd|rd|th)?\s*(?:au|a|-|to|until|through|and|et|الى|حتى|و)\s*)?(\d{1,2})(?:er|st|nd|rd|th)?\s+(?:of\s+|de\s+)?$").unwrap()
});
static DAY_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:\s*(?:-|to|and|through)\s*(\d{1,2})\b)?")
        .unwrap()
});
static YEAR_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\s*,?\s*(?:de l'annee |من العام |من عام |من سنه |سنه |عام )?((?:19|20)\d{2})\b")
        .unwrap()
});
static NUMERIC: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"\b(?:(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d{2})|((?:19|20)\d{2})-(\d{2})-(\d{2}))\b",
    )
    .unwrap()
});
static YEAR_ALONE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:\b(?:en|in|since|depuis|au cours de|of|عام|سنه|في|خلال)\s+)((?:19|20)\d{2})\b")
        .unwrap()
});
static HIJRI_AFTER: Lazy<Regex> = Lazy::new(|| Regex::new(r"^\s*(?:ه|هـ|ھ)(?:\b|\s|$)").unwrap());

/// The date expressions of one sentence.
pub(crate) fn in_sentence(ctx: &Ctx<'_>, s: usize) -> Vec<DateMention> {
    let (ss, se) = ctx.sents[s];
    let (fs, fe) = (ctx.to_folded(ss), ctx.to_folded(se));
    let ft = &ctx.folded.text[fs..fe];
    let mut out: Vec<DateMention> = Vec::new();
    let ms = ctx.in_sentence(s);
    let weekday_before = |start: usize| -> Option<(u8, usize)> {
        let end = ms.partition_point(|m| m.fstart < start);
        ms[..end]
            .iter()
            .rev()
            .take(3)
            .find_map(|m| match Ctx::cue(m) {
                Some((CueClass::Weekday, CueValue::Number(w)))
                    if m.fend <= start && start - m.fend <= 4 && m.fstart >= fs =>
                {
                    Some((w as u8, m.fstart))
                }
                _ => None,
            })
    };
    let mut used: Vec<(usize, usize)> = Vec::new();
    for m in ms {
        let Some((CueClass::Month, CueValue::Number(month))) = Ctx::cue(m) else {
            continue;
        };
        let month = month as u8;
        let (mfs, mfe) = (m.fstart, m.fend);
        if mfs < fs || mfe > fe {
            continue;
        }
        // The day comes within a few words before the month: a bounded look-back keeps
        // the end-anchored search from rescanning the whole sentence.
        let mut look = (mfs - fs).saturating_sub(48);
        while !ft.is_char_boundary(look) {
            look += 1;
        }
        let before = &ft[look..mfs - fs];
        let after = &ft[mfe - fs..];
        let mut start = mfs;
        let mut end = mfe;
        let mut day: Option<u8> = None;
        let mut from: Option<u8> = None;
        if let Some(c) = DAY_BEFORE.captures(before) {
            day = c.get(2).and_then(|d| d.as_str().parse().ok());
            from = c.get(1).and_then(|d| d.as_str().parse().ok());
            start = fs + look + c.get(0).map_or(mfs - fs - look, |g| g.start());
        }
        let mut rest = after;
        if day.is_none() {
            if let Some(c) = DAY_AFTER.captures(after) {
                let a: Option<u8> = c.get(1).and_then(|d| d.as_str().parse().ok());
                let b: Option<u8> = c.get(2).and_then(|d| d.as_str().parse().ok());
                if b.is_some() {
                    from = a;
                    day = b;
                } else {
                    day = a;
                }
                let l = c.get(0).map_or(0, |g| g.end());
                end = mfe + l;
                rest = &after[l..];
            }
        }
        let mut year: Option<u16> = None;
        if let Some(c) = YEAR_AFTER.captures(rest) {
            let l = c.get(0).map_or(0, |g| g.end());
            if HIJRI_AFTER.is_match(&rest[l..]) {
                continue;
            }
            year = c.get(1).and_then(|y| y.as_str().parse().ok());
            end += l;
        }
        // A weekday stated with the date ("jeudi 30 mai") is part of its evidence.
        if let Some((_, ws)) = weekday_before(start) {
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
            _ => continue,
        };
        used.push((start, end));
        out.push(DateMention {
            when,
            span: span(ctx, start, end),
        });
    }
    // Numeric dates and bare years need digits: most sentences have none.
    let digits = ft.bytes().any(|b| b.is_ascii_digit());
    for c in NUMERIC.captures_iter(if digits { ft } else { "" }) {
        let g = c.get(0).unwrap();
        let nums: Vec<Option<u16>> = (1..=6)
            .map(|i| c.get(i).and_then(|x| x.as_str().parse().ok()))
            .collect();
        let (y, m, d) = match (nums[0], nums[1], nums[2], nums[3], nums[4], nums[5]) {
            (Some(d), Some(m), Some(y), ..) => (y, m, d),
            (_, _, _, Some(y), Some(m), Some(d)) => (y, m, d),
            _ => continue,
        };
        if PartialDate::day(y, m as u8, d as u8).is_none() {
            continue;
        }
        let (a, b) = (fs + g.start(), fs + g.end());
        used.push((a, b));
        out.push(DateMention {
            when: When::Day {
                year: Some(y),
                month: m as u8,
                day: d as u8,
            },
            span: span(ctx, a, b),
        });
    }
    for c in YEAR_ALONE.captures_iter(if digits { ft } else { "" }) {
        let g = c.get(1).unwrap();
        let (a, b) = (fs + g.start(), fs + g.end());
        if used.iter().any(|&(x, y)| a < y && x < b) {
            continue;
        }
        if HIJRI_AFTER.is_match(&ft[g.end()..]) {
            continue;
        }
        // A year that names a strategy or an event ("Maroc Digital 2030", "Expo 2020")
        // follows a capitalised name without a preposition; YEAR_ALONE requires one.
        if let Ok(y) = g.as_str().parse() {
            out.push(DateMention {
                when: When::Year(y),
                span: span(ctx, a, b),
            });
        }
    }
    // Weekdays and relative days not attached to a date.
    for m in ms {
        let (when, a, b) = match Ctx::cue(m) {
            Some((CueClass::Weekday, CueValue::Number(w))) => {
                (When::Weekday(w as u8), m.fstart, m.fend)
            }
            Some((CueClass::RelDay, CueValue::Number(k))) => {
                (When::Relative(k as i32 - 10), m.fstart, m.fend)
            }
            _ => continue,
        };
        if used.iter().any(|&(x, y)| a < y && x < b) {
            continue;
        }
        // "hier jeudi" / "أمس الاثنين": keep one mention, the relative day.
        out.push(DateMention {
            when,
            span: span(ctx, a, b),
        });
    }
    out.sort_by_key(|d| d.span.start);
    out
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
        When::Year(y) => Some(PartialDate::year(y)),
        When::Range { .. } => None,
        When::Weekday(w) => {
            let p = published?;
            if let (Some(m), Some(day)) = (p.month, p.day) {
                // The last such weekday on or before the publication day.
                let back = (weekday(p.year, m, day) as i32 - w as i32).rem_euclid(7);
                let (y, m, d) = add_days((p.year, m, day), -back);
                return PartialDate::day(y, m, d);
            }
            let pm = p.month?;
            // A weekday inside a stated range of the publication month.
            let mut hit = None;
            for r in ranges {
                let (year, month, from, to) = match r.when {
                    When::Range {
                        year,
                        month,
                        from,
                        to,
                    } => (year, month, from, to),
                    When::Day { year, month, day } => (year, month, day, day),
                    _ => continue,
                };
                {
                    if month != pm || year.is_some_and(|y| y != p.year) {
                        continue;
                    }
                    for day in from..=to.min(days_in_month(p.year, month)) {
                        if weekday(p.year, month, day) == w {
                            hit = Some(day);
                        }
                    }
                }
            }
            match hit {
                Some(day) => PartialDate::day(p.year, pm, day),
                None => PartialDate::month(p.year, pm),
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

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
        };
        let monday = DateMention {
            when: When::Weekday(1),
            span: Span::new(0, 0),
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
        };
        assert_eq!(
            resolve(&dm, None, &[], "2025-04".parse().ok())
                .unwrap()
                .to_string(),
            "2024-12-16"
        );
    }
}

//! Events by pattern: a named gathering that the gazetteer does not know, read after a
//! sideline cue ("on the sidelines of", "during", "at the").
//!
//! The name is the run of capitalised words after the cue that holds a gathering word
//! ("Africa Tech Summit", "Joint Economic Commission"), without its edition: ordinals,
//! years and "edition of" are dropped ("the 3rd edition of the Africa Tech Summit 2024" →
//! "Africa Tech Summit"). A visit or a meeting with no name holds no gathering word in a
//! capitalised run, so it is no event. Each language file holds the words (`EVENTS`).

use super::context::Ctx;
use super::frames::Frame;
use crate::gazetteer::{CueClass, Lang};
use crate::model::{Span, Spanned};
use crate::text::fold_str;

/// The words of one language that name a gathering (folded, lower case).
pub(crate) struct EventWords {
    /// Head nouns of a named gathering ("summit", "forum", "week").
    pub heads: &'static [&'static str],
    /// Lower-case words that may stand inside a name between capitalised ones ("of",
    /// "on", "and").
    pub inner: &'static [&'static str],
    /// Words of an edition that are not part of the name ("annual", "inaugural",
    /// "third", "edition").
    pub edition: &'static [&'static str],
    /// Words of a venue: a run that holds one names a place, not a gathering
    /// ("the Conference Hall of the Ministry").
    pub venues: &'static [&'static str],
    /// Words of a statement ("said", "a déclaré", "تصريحات"): an event named after one
    /// is where someone spoke, not where the instrument was signed.
    pub speech: &'static [&'static str],
}

fn event_words(lang: Lang) -> &'static EventWords {
    match lang {
        Lang::Fr => &super::fr::EVENTS,
        Lang::En => &super::en::EVENTS,
        Lang::Ar => &super::ar::EVENTS,
    }
}

/// The most words a name may have: a cue far from any name reads no further.
const MAX_WORDS: usize = 12;

/// The most inner words in a row inside a name ("Session of the Joint …").
const INNER_RUN: usize = 2;

/// The first event by pattern in the frame's sentences, its own sentences first.
pub(super) fn by_pattern(ctx: &Ctx<'_>, f: &Frame) -> Option<Spanned<String>> {
    let words = event_words(ctx.lang);
    if words.heads.is_empty() {
        return None;
    }
    for group in [&f.core, &f.sents] {
        for &s in group.iter() {
            let end = ctx.sents[s].1;
            let found = ctx
                .in_sentence(s)
                .iter()
                .filter(|m| Ctx::is(m, CueClass::Sideline))
                .find_map(|m| named_after(ctx.text, m.end, end, words));
            if found.is_some() {
                return found;
            }
        }
    }
    None
}

/// Whether the sentence `s` tells what someone said at the gathering whose sideline cue
/// starts at `cue` ("said on the sidelines of", "في تصريحات ... على هامش") and names no
/// signing: the event is then the setting of the words only.
pub(super) fn said_there(ctx: &Ctx<'_>, s: usize, cue: usize) -> bool {
    let words = event_words(ctx.lang);
    let signed = ctx
        .in_sentence(s)
        .iter()
        .any(|m| Ctx::is(m, CueClass::Signed));
    if signed || words.speech.is_empty() {
        return false;
    }
    let before: String = ctx
        .folded_range(ctx.sents[s].0, cue)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let before = format!(" {before} ");
    words
        .speech
        .iter()
        .any(|w| before.contains(&format!(" {} ", fold_str(w))))
}

/// One word of the text after a cue: its byte range, and whether punctuation ends the
/// run after it.
struct Word {
    start: usize,
    end: usize,
    last: bool,
    /// A bracketed acronym ("(CET)"), never part of the name.
    acronym: bool,
}

/// Words from `from` to `to`, at most `MAX_WORDS`, stopping before an opening bracket or
/// quote.
fn words_after(text: &str, from: usize, to: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let mut i = from;
    let bytes = text.as_bytes();
    while i < to && out.len() < MAX_WORDS {
        while i < to && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= to || matches!(bytes[i], b'"' | b'[') {
            break;
        }
        if bytes[i] == b'(' {
            match acronym_end(text, i, to) {
                Some(next) => {
                    out.push(Word {
                        start: i,
                        end: next,
                        last: false,
                        acronym: true,
                    });
                    i = next;
                    continue;
                }
                None => break,
            }
        }
        let start = i;
        while i < to && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let raw = &text[start..i];
        // A possessive apostrophe ("Ministers'") is part of the word.
        let trimmed =
            raw.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}');
        let last = trimmed.len() < raw.len();
        if !trimmed.is_empty() {
            let end = start + trimmed.len();
            out.push(Word {
                start,
                end,
                last,
                acronym: false,
            });
        }
        if last || trimmed.is_empty() {
            break;
        }
    }
    out
}

/// The end of a bracketed acronym at `open` ("(CET)"), when one follows: the name may go
/// on after it ("Critical and Emerging Technology (CET) Dialogue").
fn acronym_end(text: &str, open: usize, to: usize) -> Option<usize> {
    let close = open + text[open..to].find(')')?;
    let inside = &text[open + 1..close];
    let caps = inside.len() >= 2
        && inside.len() <= 8
        && inside
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    caps.then_some(close + 1)
}

fn capitalised(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn is_year(w: &str) -> bool {
    w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && (w.starts_with("19") || w.starts_with("20"))
}

/// An ordinal ("3rd", "10th", "3e", "First") or an edition word.
fn is_edition(w: &str, folded: &str, words: &EventWords) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && digits < w.len() && w.len() - digits <= 3) || words.edition.contains(&folded)
}

/// A named gathering right after a cue: a run of capitalised words (with the inner
/// words between them) that holds a head word, its edition words dropped.
fn named_after(text: &str, from: usize, to: usize, words: &EventWords) -> Option<Spanned<String>> {
    let mut run: Vec<(usize, usize)> = Vec::new();
    let mut head = false;
    // Inner words seen since the last capitalised one ("of the"), kept only if a
    // capitalised word follows.
    let mut pending: Vec<(usize, usize)> = Vec::new();
    for w in words_after(text, from, to) {
        if w.acronym {
            // "Technology (CET) Dialogue" goes on; "the Summit (ATS) Nairobi" ends.
            if head {
                break;
            }
            continue;
        }
        let word = &text[w.start..w.end];
        let folded = fold_str(word);
        let folded = folded.trim();
        let inner = words.inner.contains(&folded);
        if is_edition(word, folded, words) || is_year(word) {
            if head {
                // "the Africa Tech Summit 2024": the edition ends the name.
                break;
            }
            // "the 3rd edition of the …": what follows the edition is the name.
            run.clear();
            pending.clear();
        } else if capitalised(word) {
            run.append(&mut pending);
            run.push((w.start, w.end));
            if words.venues.contains(&folded) {
                return None;
            }
            head |= words.heads.contains(&folded);
        } else if inner && (run.is_empty() || pending.len() < INNER_RUN) {
            // "edition of the" before a name, "Summit on the" inside one.
            if !run.is_empty() {
                pending.push((w.start, w.end));
            }
        } else {
            break;
        }
        if w.last {
            break;
        }
    }
    let (first, last) = (run.first()?, run.last()?);
    if !head || run.len() < 2 {
        return None;
    }
    let name: Vec<&str> = run.iter().map(|&(a, b)| &text[a..b]).collect();
    Some(Spanned::new(name.join(" "), Span::new(first.0, last.1)).by("event_by_pattern"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en(t: &str) -> Option<String> {
        named_after(t, 0, t.len(), &super::super::en::EVENTS).map(|s| s.value)
    }

    #[test]
    fn a_named_gathering_without_its_edition() {
        assert_eq!(
            en(" the 3rd edition of the Africa Tech Summit 2024 in Nairobi").as_deref(),
            Some("Africa Tech Summit")
        );
        assert_eq!(
            en(" the inaugural US-Singapore Critical and Emerging Technology Dialogue, held")
                .as_deref(),
            Some("US-Singapore Critical and Emerging Technology Dialogue")
        );
        assert_eq!(
            en(" the Second Session of the Joint Economic Commission").as_deref(),
            Some("Session of the Joint Economic Commission")
        );
        assert_eq!(
            en(" the ICT Ministers' Forum, held").as_deref(),
            Some("ICT Ministers' Forum")
        );
        assert_eq!(
            en(" the Critical and Emerging Technology (CET) Dialogue in Washington").as_deref(),
            Some("Critical and Emerging Technology Dialogue")
        );
        assert_eq!(
            en(" the Africa Tech Summit (ATS) Nairobi").as_deref(),
            Some("Africa Tech Summit")
        );
    }

    #[test]
    fn no_event_without_a_named_gathering() {
        assert_eq!(en(" his visit to Rabat"), None);
        assert_eq!(en(" the Ministry of Digital Economy headquarters"), None);
        assert_eq!(en(" the summit"), None);
        assert_eq!(en(" the Conference Hall of the Ministry of ICT"), None);
        assert_eq!(en(" a meeting with the Prime Minister"), None);
        assert_eq!(
            en(" the Africa Tech Summit in Nairobi").as_deref(),
            Some("Africa Tech Summit")
        );
    }
}

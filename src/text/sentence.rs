//! Sentence bounds by a byte scan.
//!
//! The bounds are those of Unicode's sentence rules (UAX #29, rules SB3 to SB11) for the
//! characters of French, English and Arabic news, found without a table lookup per
//! character: a break can only follow a paragraph separator or a terminator (`.`, `!`,
//! `?`, `؟`, …), so the scan looks for those bytes and classifies characters only around
//! them. Terminators of other scripts (Devanagari, Ethiopic, …) do not end a sentence.
//!
//! The cost is linear: the look-ahead of rule SB8 stops at the next terminator, so each
//! character is read by at most one look-ahead.

/// What a terminator is, for the rules that treat `.` apart from `!` and `?`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Term {
    /// ATerm: the full stop, which can also be a decimal point or an abbreviation's dot.
    Full,
    /// STerm: a mark that ends a sentence whatever follows it.
    Strong,
}

/// The end of each sentence of `text` in order; the last one is `text.len()` (none when
/// the text is empty).
pub(crate) fn ends(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let end = match b[i] {
            b'\n' => Some(i + 1),
            b'\r' => Some(if b.get(i + 1) == Some(&b'\n') {
                i + 2
            } else {
                i + 1
            }),
            b'.' => after_terminator(text, i, 1, Term::Full),
            b'!' | b'?' => after_terminator(text, i, 1, Term::Strong),
            c if c >= 0xC2 => {
                let ch = text[i..].chars().next().unwrap_or(' ');
                let n = ch.len_utf8();
                if is_paragraph_separator(ch) {
                    Some(i + n)
                } else if let Some(t) = terminator(ch) {
                    after_terminator(text, i, n, t)
                } else {
                    i += n;
                    continue;
                }
            }
            _ => None,
        };
        match end {
            Some(e) => {
                out.push(e);
                i = e;
            }
            None => i += 1,
        }
    }
    if out.last() != Some(&b.len()) && !b.is_empty() {
        out.push(b.len());
    }
    out
}

/// Where the sentence ends when a terminator of `len` bytes stands at `at`, or `None` when
/// the rules say the sentence goes on (the scan then resumes after the terminator).
fn after_terminator(text: &str, at: usize, len: usize, term: Term) -> Option<usize> {
    let after = skip_ignorable(text, at + len);
    let next = text[after..].chars().next();
    if term == Term::Full {
        // SB6: "3.5"; SB7: "U.S.A" (a letter before, a capital right after).
        if next.is_some_and(is_numeric) {
            return None;
        }
        let prev = text[..at].chars().rev().find(|&c| !is_ignorable(c));
        if prev.is_some_and(|c| c.is_uppercase() || c.is_lowercase())
            && next.is_some_and(char::is_uppercase)
        {
            return None;
        }
    }
    let closed = skip_while(text, after, is_close);
    let spaced = skip_while(text, closed, is_space);
    // SB8: a full stop followed, past non-letters, by a lower-case letter ends nothing.
    if term == Term::Full && lower_follows(text, spaced) {
        return None;
    }
    match text[spaced..].chars().next() {
        None => Some(text.len()),
        // SB8a: ", " or another terminator continues the sentence.
        Some(c) if is_continue(c) || terminator(c).is_some() => None,
        // SB9–SB11: the sentence takes its paragraph separator.
        Some('\r') if text[spaced..].starts_with("\r\n") => Some(spaced + 2),
        Some(c) if is_paragraph_separator(c) => Some(spaced + c.len_utf8()),
        Some(_) => Some(spaced),
    }
}

/// Rule SB8's look-ahead: past characters that are neither letters nor terminators nor
/// separators, is the first one a lower-case letter?
fn lower_follows(text: &str, from: usize) -> bool {
    for c in text[from..].chars() {
        if is_ignorable(c) {
            continue;
        }
        if c.is_lowercase() {
            return true;
        }
        if c.is_alphabetic() || is_paragraph_separator(c) || terminator(c).is_some() {
            return false;
        }
    }
    false
}

fn skip_while(text: &str, from: usize, class: fn(char) -> bool) -> usize {
    let mut i = from;
    while let Some(c) = text[i..].chars().next() {
        if !class(c) {
            break;
        }
        i = skip_ignorable(text, i + c.len_utf8());
    }
    i
}

/// Rule SB5: combining marks and format characters belong to the character before them.
fn skip_ignorable(text: &str, from: usize) -> usize {
    let rest = &text[from..];
    let skipped: usize = rest
        .chars()
        .take_while(|&c| is_ignorable(c))
        .map(char::len_utf8)
        .sum();
    from + skipped
}

fn terminator(c: char) -> Option<Term> {
    match c {
        '.' | '\u{2024}' | '\u{FE52}' | '\u{FF0E}' => Some(Term::Full),
        '!'
        | '?'
        | '\u{0589}'
        | '\u{061D}'..='\u{061F}'
        | '\u{06D4}'
        | '\u{0700}'..='\u{0702}'
        | '\u{07F9}'
        | '\u{0837}'
        | '\u{0839}'
        | '\u{083D}'
        | '\u{083E}'
        | '\u{0964}'
        | '\u{0965}'
        | '\u{104A}'
        | '\u{104B}'
        | '\u{1362}'
        | '\u{1367}'
        | '\u{1368}'
        | '\u{166E}'
        | '\u{1735}'
        | '\u{1736}'
        | '\u{17D4}'
        | '\u{17D5}'
        | '\u{1803}'
        | '\u{1809}'
        | '\u{1944}'
        | '\u{1945}'
        | '\u{1AA8}'..='\u{1AAB}'
        | '\u{1B4E}'
        | '\u{1B4F}'
        | '\u{1B5A}'
        | '\u{1B5B}'
        | '\u{1B5E}'
        | '\u{1B5F}'
        | '\u{1B7D}'..='\u{1B7F}'
        | '\u{1C3B}'
        | '\u{1C3C}'
        | '\u{1C7E}'
        | '\u{1C7F}'
        | '\u{203C}'
        | '\u{203D}'
        | '\u{2047}'..='\u{2049}'
        | '\u{2CF9}'..='\u{2CFB}'
        | '\u{2E2E}'
        | '\u{2E3C}'
        | '\u{2E53}'
        | '\u{2E54}'
        | '\u{3002}'
        | '\u{A4FF}'
        | '\u{A60E}'
        | '\u{A60F}'
        | '\u{A6F3}'
        | '\u{A6F7}'
        | '\u{A876}'
        | '\u{A877}'
        | '\u{A8CE}'
        | '\u{A8CF}'
        | '\u{A92F}'
        | '\u{A9C8}'
        | '\u{A9C9}'
        | '\u{AA5D}'..='\u{AA5F}'
        | '\u{AAF0}'
        | '\u{AAF1}'
        | '\u{ABEB}'
        | '\u{FE12}'
        | '\u{FE15}'
        | '\u{FE16}'
        | '\u{FE56}'
        | '\u{FE57}'
        | '\u{FF01}'
        | '\u{FF1F}'
        | '\u{FF61}' => Some(Term::Strong),
        _ => None,
    }
}

fn is_paragraph_separator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Sp: spaces other than line and paragraph ends.
fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\u{0B}' | '\u{0C}' | ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Close: brackets and quotation marks.
fn is_close(c: char) -> bool {
    matches!(
        c,
        '"' | '\''..=')' | '[' | ']' | '{' | '}' | '\u{AB}' | '\u{BB}' | '\u{0F3A}'..='\u{0F3D}'
            | '\u{169B}' | '\u{169C}' | '\u{2018}'..='\u{201F}' | '\u{2039}' | '\u{203A}'
            | '\u{2045}' | '\u{2046}' | '\u{207D}' | '\u{207E}' | '\u{208D}' | '\u{208E}'
            | '\u{2308}'..='\u{230B}' | '\u{2329}' | '\u{232A}' | '\u{275B}'..='\u{2760}'
            | '\u{2768}'..='\u{2775}' | '\u{27C5}' | '\u{27C6}' | '\u{27E6}'..='\u{27EF}'
            | '\u{2983}'..='\u{2998}' | '\u{29D8}'..='\u{29DB}' | '\u{29FC}' | '\u{29FD}'
            | '\u{2E00}'..='\u{2E0D}' | '\u{2E1C}' | '\u{2E1D}' | '\u{2E20}'..='\u{2E29}'
            | '\u{2E42}' | '\u{2E55}'..='\u{2E5C}' | '\u{3008}'..='\u{3011}'
            | '\u{3014}'..='\u{301B}' | '\u{301D}'..='\u{301F}' | '\u{FD3E}' | '\u{FD3F}'
            | '\u{FE17}' | '\u{FE18}' | '\u{FE35}'..='\u{FE44}' | '\u{FE47}' | '\u{FE48}'
            | '\u{FE59}'..='\u{FE5E}' | '\u{FF08}' | '\u{FF09}' | '\u{FF3B}' | '\u{FF3D}'
            | '\u{FF5B}' | '\u{FF5D}' | '\u{FF5F}' | '\u{FF60}' | '\u{FF62}' | '\u{FF63}'
    )
}

/// SContinue: a comma, colon, semicolon or dash after a terminator continues the sentence.
fn is_continue(c: char) -> bool {
    matches!(
        c,
        ',' | '-'
            | ':'
            | ';'
            | '\u{037E}'
            | '\u{055D}'
            | '\u{060C}'
            | '\u{060D}'
            | '\u{07F8}'
            | '\u{1802}'
            | '\u{1808}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{3001}'
            | '\u{FE10}'
            | '\u{FE11}'
            | '\u{FE13}'
            | '\u{FE14}'
            | '\u{FE31}'
            | '\u{FE32}'
            | '\u{FE50}'
            | '\u{FE51}'
            | '\u{FE54}'
            | '\u{FE55}'
            | '\u{FE58}'
            | '\u{FE63}'
            | '\u{FF0C}'
            | '\u{FF0D}'
            | '\u{FF1A}'
            | '\u{FF1B}'
            | '\u{FF64}'
    )
}

/// Numeric: the digits of the scripts read here (Latin, Arabic, Persian, N'Ko, fullwidth).
fn is_numeric(c: char) -> bool {
    matches!(
        c,
        '0'..='9' | '\u{0600}'..='\u{0605}' | '\u{0660}'..='\u{0669}' | '\u{066B}' | '\u{066C}'
            | '\u{06DD}' | '\u{06F0}'..='\u{06F9}' | '\u{07C0}'..='\u{07C9}'
            | '\u{FF10}'..='\u{FF19}'
    )
}

/// Extend and Format: combining marks (Latin, Arabic harakat), joiners, direction marks.
fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05BD}'
            | '\u{05BF}' | '\u{05C1}' | '\u{05C2}' | '\u{05C4}' | '\u{05C5}' | '\u{05C7}'
            | '\u{0610}'..='\u{061A}' | '\u{061C}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
            | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}'
            | '\u{06EA}'..='\u{06ED}' | '\u{070F}' | '\u{0711}' | '\u{0730}'..='\u{074A}'
            | '\u{07A6}'..='\u{07B0}' | '\u{07EB}'..='\u{07F3}' | '\u{07FD}' | '\u{180E}'
            | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}' | '\u{20D0}'..='\u{20F0}' | '\u{FE00}'..='\u{FE0F}'
            | '\u{FE20}'..='\u{FE2F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}'
    )
}

#[cfg(test)]
mod tests {
    use super::ends;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    /// The reference: the `unicode-segmentation` crate's UAX #29 sentence bounds.
    fn reference(text: &str) -> Vec<usize> {
        text.split_sentence_bound_indices()
            .map(|(i, s)| i + s.len())
            .collect()
    }

    fn pieces(text: &str) -> Vec<&str> {
        let mut start = 0;
        ends(text)
            .into_iter()
            .map(|e| {
                let s = &text[start..e];
                start = e;
                s
            })
            .collect()
    }

    #[test]
    fn full_stops_decimals_initials_and_lower_case() {
        // A number's point, an initial's, a lower-case word after the stop; "p. 4)" breaks,
        // as UAX #29 does (the abbreviation rules of `text::sentences` mend it).
        let t = "Le 3.5 % prévu. Il a dit. puis U.S.A. Army (voir p. 4). Fin";
        assert_eq!(
            pieces(t),
            vec![
                "Le 3.5 % prévu. ",
                "Il a dit. puis U.S.A. ",
                "Army (voir p. ",
                "4). ",
                "Fin"
            ]
        );
        assert_eq!(ends(t), reference(t));
    }

    #[test]
    fn strong_marks_closers_and_continuations() {
        let t = "Vraiment ?! « Oui. » Ensuite, non ? , dit-il. وقع الوزيران؟ نعم\r\nFin.\n";
        assert_eq!(
            pieces(t),
            vec![
                "Vraiment ?! ",
                // A closer after a space is not the sentence's: "» Ensuite" starts one.
                "« Oui. ",
                "» Ensuite, non ? , dit-il. ",
                "وقع الوزيران؟ ",
                "نعم\r\n",
                "Fin.\n"
            ]
        );
        assert_eq!(ends(t), reference(t));
    }

    #[test]
    fn same_bounds_as_uax29_on_the_sample_articles() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let dirs = [
            root.join("examples/articles"),
            root.join("tests/fixtures/corpus"),
            root.join("../shared/corpus/dev"),
        ];
        let mut seen = 0;
        for dir in dirs.iter().filter(|d| d.is_dir()) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "txt") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    assert_eq!(ends(&text), reference(&text), "{}", path.display());
                    seen += 1;
                }
            }
        }
        assert!(seen >= 30, "only {seen} articles read");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn same_bounds_as_uax29(text in "[aZéÉ ب3٣٫.!?؟۔,;:،«»’\"()\n\r\t\u{64E}\u{200F}\u{A0}\u{2028}\u{2014}…-]{0,60}") {
            prop_assert_eq!(ends(&text), reference(&text));
        }
    }
}

//! The text layer: folding for matching (with offsets back into the original), and
//! sentence segmentation.

mod fold;
mod normalize;
mod sentence;
mod tokens;

pub(crate) use fold::{fold_str, is_arabic, is_letter, is_word_char, Folded};
pub(crate) use normalize::Normalized;
pub(crate) use tokens::Tokens;

/// Abbreviations after which a full stop does not end a sentence (folded, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "mr", "mrs", "ms", "st", "ste", "no", "n", "h.e",
    "s.e", "e", "h", "gen", "col", "prof", "eng", "engr", "hon", "amb", "ing", "cmdr", "capt",
    "maj", "sen", "rep", "gov", "lt", "jr", "sr", "co", "inc", "ltd", "corp", "vs", "etc", "cf",
    "u.s", "u.k", "u.n", "p", "s",
];

/// Splits a text into sentences: UAX #29 sentence bounds (found by a byte scan, see
/// `sentence`), also broken at line ends,
/// and mended after abbreviations such as "M." or "Dr.". Returns byte ranges that
/// cover the text in order.
pub(crate) fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut glue = false;
    let mut start = 0;
    for end in sentence::ends(text) {
        let s = &text[start..end];
        let mut offset = start;
        for line in s.split_inclusive('\n') {
            let end = offset + line.len();
            // Blank lines belong to the sentence before them: sentences stay adjacent
            // across paragraph breaks.
            if line.trim().is_empty() {
                match out.last_mut() {
                    Some(last) => last.1 = end,
                    None => out.push((offset, end)),
                }
                offset = end;
                continue;
            }
            if glue {
                if let Some(last) = out.last_mut() {
                    last.1 = end;
                } else {
                    out.push((offset, end));
                }
            } else {
                out.push((offset, end));
            }
            glue = !line.ends_with('\n') && ends_with_abbreviation(line);
            offset = end;
        }
        start = end;
    }
    out
}

fn ends_with_abbreviation(s: &str) -> bool {
    let t = s.trim_end();
    let Some(t) = t.strip_suffix('.') else {
        return false;
    };
    let word = t
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == ',')
        .next()
        .unwrap_or("");
    let word = word.to_lowercase();
    // A single capital letter is an initial ("John F. Kennedy").
    (word.chars().count() == 1 && word.chars().all(|c| c.is_alphabetic()))
        || ABBREVIATIONS.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_mend_abbreviations_and_break_lines() {
        let t = "Signé par M. Chaume. Puis Mme Dupont parla.\nTitre\nFin.";
        let s: Vec<&str> = sentences(t).iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(
            s,
            vec![
                "Signé par M. Chaume. ",
                "Puis Mme Dupont parla.\n",
                "Titre\n",
                "Fin."
            ]
        );
    }
}

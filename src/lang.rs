//! Language routing: a script check for Arabic, then whatlang between French, English
//! and the rest.

use crate::model::Language;

/// Decides the main language of a text.
///
/// Arabic is decided by script: a text whose letters are mostly Arabic is Arabic, and a
/// text whose letters are mostly Latin is never routed to Arabic, whatever it quotes.
/// Among Latin texts, French and English are told apart by their commonest function
/// words; whatlang settles the rest (and names other languages).
pub(crate) fn detect(text: &str) -> Language {
    let text = sample(text);
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        if crate::text::is_arabic(c) {
            if crate::text::is_letter(c) {
                arabic += 1;
            }
        } else if (c.is_ascii() || ('\u{C0}'..='\u{24F}').contains(&c)) && crate::text::is_letter(c)
        {
            latin += 1;
        }
    }
    if arabic + latin < 3 {
        return Language::Unknown;
    }
    if arabic > latin {
        return Language::Arabic;
    }
    let (fr, en) = function_words(text);
    if fr >= 8 && fr >= 3 * en.max(1) {
        return Language::French;
    }
    if en >= 8 && en >= 3 * fr.max(1) {
        return Language::English;
    }
    // Whatlang on the Latin part only, so a quoted Arabic passage does not skew it.
    let latin_text: String = text
        .chars()
        .map(|c| if crate::text::is_arabic(c) { ' ' } else { c })
        .collect();
    match whatlang::detect(&latin_text) {
        Some(info) => match info.lang() {
            whatlang::Lang::Fra => Language::French,
            whatlang::Lang::Eng => Language::English,
            whatlang::Lang::Ara => Language::Arabic,
            // Short or list-like texts: the function words decide between ours, when
            // there are a few, or two and whatlang is unsure ("Brazil and Argentina
            // signed a memorandum on digital skills." reads as Swedish to it).
            other if fr + en >= 4 || (fr + en >= 2 && !info.is_reliable()) => {
                let _ = other;
                if fr > en {
                    Language::French
                } else {
                    Language::English
                }
            }
            other => Language::Other(other.code()),
        },
        None if fr + en >= 2 => {
            if fr > en {
                Language::French
            } else {
                Language::English
            }
        }
        None => Language::Unknown,
    }
}

/// How much of a text routing reads: a whole article, and a bounded cost for a huge
/// input (a book, a database dump), whose language its start tells.
const SAMPLE_BYTES: usize = 16 * 1024;

/// The text's first `SAMPLE_BYTES`, cut at a character boundary.
fn sample(text: &str) -> &str {
    if text.len() <= SAMPLE_BYTES {
        return text;
    }
    let mut end = SAMPLE_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Counts of the commonest French and English function words.
fn function_words(text: &str) -> (usize, usize) {
    const FR: &[&str] = &[
        "le", "la", "les", "des", "du", "et", "est", "une", "dans", "pour", "avec", "sur", "au",
        "aux", "qui", "ont", "été", "entre",
    ];
    const EN: &[&str] = &[
        "the", "and", "of", "is", "was", "with", "for", "to", "on", "by", "that", "has", "have",
        "were", "between", "its",
    ];
    let (mut fr, mut en) = (0, 0);
    for w in text.split(|c: char| !crate::text::is_letter(c)).take(2000) {
        if w.is_empty() || w.len() > 7 {
            continue;
        }
        if FR.iter().any(|f| f.eq_ignore_ascii_case(w)) {
            fr += 1;
        }
        if EN.iter().any(|e| e.eq_ignore_ascii_case(w)) {
            en += 1;
        }
    }
    (fr, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_by_script_and_words() {
        assert_eq!(detect("Le Maroc et le Sénégal ont signé un accord de coopération dans le domaine du numérique pour les années à venir."), Language::French);
        assert_eq!(detect("Morocco and Senegal signed an agreement on digital cooperation for the years to come, the ministry said."), Language::English);
        assert_eq!(
            detect("وقع المغرب والسنغال اتفاقية تعاون في مجال الرقمنة"),
            Language::Arabic
        );
        assert_eq!(detect("Marokko und Senegal haben ein Abkommen über die digitale Zusammenarbeit unterzeichnet, teilte das Ministerium mit."), Language::Other("deu"));
        assert_eq!(detect(""), Language::Unknown);
        // One short English sentence that whatlang alone reads as Afrikaans or Swedish.
        for t in [
            "India and Japan signed a memorandum of understanding on health in New Delhi.",
            "Brazil and Argentina signed a memorandum of understanding on digital skills.",
        ] {
            assert_eq!(detect(t), Language::English, "{t}");
        }
        // A short text in another language with none of our function words stays other.
        assert!(matches!(
            detect("Marokko und Senegal unterzeichnen ein Abkommen."),
            Language::Other(_) | Language::Unknown
        ));
        // A huge text is routed by its start, cut at a character boundary.
        let long = "وقع المغرب والسنغال اتفاقية تعاون في مجال الرقمنة. ".repeat(2000);
        assert_eq!(detect(&long), Language::Arabic);
        assert!(sample(&long).len() <= SAMPLE_BYTES && sample(&long).len() > SAMPLE_BYTES - 4);
        // A French article quoting an Arabic tweet stays French.
        let mixed = "Le ministre a salué la signature de l'accord avec la Tunisie dans un message publié sur les réseaux sociaux : « وقعنا اليوم اتفاقية » a-t-il écrit.";
        assert_eq!(detect(mixed), Language::French);
    }
}

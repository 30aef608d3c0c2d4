//! Folding for matching: case, accents, apostrophes, dashes, Arabic letter variants,
//! diacritics and digits, with a map back to the original byte offsets.

/// A folded copy of a text, with the original byte offset of every folded byte.
#[derive(Debug)]
pub(crate) struct Folded {
    /// The folded text.
    pub text: String,
    /// `orig[i]` is the original offset of the char that produced folded byte `i`;
    /// `orig[text.len()]` is the original length.
    orig: Vec<u32>,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut orig = Vec::with_capacity(original.len() + 1);
        let mut buf = [0u8; 4];
        for (i, c) in original.char_indices() {
            let before = text.len();
            fold_char(c, &mut text, &mut buf);
            // Runs of spaces fold to one, as in the gazetteer forms ("Congo - Kinshasa").
            if before > 0
                && text.len() == before + 1
                && text.ends_with(' ')
                && text.as_bytes()[before - 1] == b' '
            {
                text.truncate(before);
            }
            for _ in before..text.len() {
                orig.push(i as u32);
            }
        }
        orig.push(original.len() as u32);
        Folded { text, orig }
    }

    /// The original start offset of folded byte `i`.
    pub fn start(&self, i: usize) -> usize {
        self.orig[i.min(self.orig.len() - 1)] as usize
    }

    /// The first folded byte whose original offset is at or after `orig`.
    pub fn folded_at(&self, orig: usize) -> usize {
        self.orig
            .partition_point(|&o| (o as usize) < orig)
            .min(self.text.len())
    }

    /// The original end offset of a folded range ending at `i` (exclusive).
    pub fn end(&self, i: usize) -> usize {
        if i == 0 {
            return self.start(0);
        }
        // The end of the char that produced byte i - 1: the start of the next
        // original char, which is the next distinct offset, or the text's end.
        let last = self.orig[i - 1];
        let mut j = i;
        while j < self.orig.len() - 1 && self.orig[j] == last {
            j += 1;
        }
        if j < self.orig.len() - 1 {
            self.orig[j] as usize
        } else {
            *self.orig.last().unwrap_or(&0) as usize
        }
    }
}

/// Folds a short string (a gazetteer form) the same way as a text.
pub(crate) fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut buf = [0u8; 4];
    for c in s.chars() {
        fold_char(c, &mut out, &mut buf);
    }
    // Collapse runs of spaces so that forms and texts agree on single spaces.
    let mut collapsed = String::with_capacity(out.len());
    for w in out.split(' ').filter(|w| !w.is_empty()) {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(w);
    }
    collapsed
}

#[inline]
fn fold_char(c: char, out: &mut String, buf: &mut [u8; 4]) {
    if c.is_ascii() {
        let b = c as u8;
        let f = match b {
            b'A'..=b'Z' => b + 32,
            b'-' | b'\t' | b'\r' | 0x0B | 0x0C => b' ',
            b'`' => b'\'',
            0..=0x08 | 0x0E..=0x1F | 0x7F => b' ',
            _ => b,
        };
        out.push(f as char);
        return;
    }
    if let Some(base) = latin_base(c) {
        out.push_str(base);
        return;
    }
    let s: &str = match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{00B4}' | '\u{2032}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' | '\u{201E}' => "\"",
        '\u{2010}'..='\u{2015}' | '\u{2212}' => " ",
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => " ",
        '\u{2028}' | '\u{2029}' | '\u{0085}' => "\n",
        // Invisible: bidi marks, zero-width characters, byte order mark.
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => "",
        // Arabic.
        'أ' | 'إ' | 'آ' | 'ٱ' => "ا",
        'ى' | 'ئ' => "ي",
        'ة' => "ه",
        'ؤ' => "و",
        'ـ' => "",
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' => "",
        '،' => ",",
        '؛' => ";",
        '؟' => "?",
        '٠'..='٩' => {
            let d = (c as u32 - '٠' as u32) as u8;
            out.push((b'0' + d) as char);
            return;
        }
        '۰'..='۹' => {
            let d = (c as u32 - '۰' as u32) as u8;
            out.push((b'0' + d) as char);
            return;
        }
        // The rest of the Arabic block has no case and no control: kept as it is, with no
        // table lookup.
        '\u{0600}'..='\u{06FF}' => {
            out.push(c);
            return;
        }
        c if c.is_control() => " ",
        c if c.is_uppercase() => {
            for l in c.to_lowercase() {
                out.push(l);
            }
            return;
        }
        c => c.encode_utf8(buf),
    };
    out.push_str(s);
}

/// Latin letters with diacritics, folded to their base letters ("é" → "e", "œ" → "oe").
#[inline]
fn latin_base(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'ā' | 'Ā' | 'ă'
        | 'ą' => "a",
        'ç' | 'Ç' | 'ć' | 'č' | 'Č' | 'Ć' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' | 'ē' | 'ę' | 'ě' | 'ė' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'ı' | 'İ' | 'ī' => "i",
        'ñ' | 'Ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'ō' | 'ő' => {
            "o"
        }
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'ş' | 'Ş' | 'ș' | 'Ș' | 'š' | 'Š' | 'ś' => "s",
        'ğ' | 'Ğ' => "g",
        'ł' | 'Ł' => "l",
        'ž' | 'Ž' | 'ź' | 'ż' => "z",
        'ř' => "r",
        'ț' | 'ţ' => "t",
        'đ' | 'ð' => "d",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        'ß' => "ss",
        _ => return None,
    })
}

/// Whether a char is part of a word (letters and digits of any script): the same answer as
/// `char::is_alphanumeric`, with no table lookup for ASCII, Latin-1, Latin Extended-A, the
/// Arabic letters and digits, and general punctuation.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    match c {
        '0'..='9' | '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' => true,
        // Latin-1 signs hold letters (ª, µ, º) and digits (², ³, ¹, ¼…): look them up.
        '\u{A0}'..='\u{BF}' => c.is_alphanumeric(),
        _ => letter_fast(c).unwrap_or_else(|| c.is_alphanumeric()),
    }
}

/// Whether a char is a letter: the same answer as `char::is_alphabetic`, with the fast
/// paths of [`is_word_char`].
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    letter_fast(c).unwrap_or_else(|| c.is_alphabetic())
}

/// Whether a char of the commonest ranges of French, English and Arabic text is a letter;
/// `None` outside them.
#[inline]
fn letter_fast(c: char) -> Option<bool> {
    match c {
        'a'..='z' | 'A'..='Z' => Some(true),
        '\0'..='\x7f' | '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' => Some(false),
        '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{17F}' => Some(true),
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' => Some(true),
        '\u{2000}'..='\u{206F}' => Some(false),
        _ => None,
    }
}

/// Whether a char is an Arabic letter.
#[inline]
pub(crate) fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_latin_and_keeps_offsets() {
        let t = "Émirats arabes unis – l’Élysée";
        let f = Folded::new(t);
        assert_eq!(f.text, "emirats arabes unis l'elysee");
        let i = f.text.find("l'elysee").unwrap();
        assert_eq!(&t[f.start(i)..f.end(f.text.len())], "l’Élysée");
    }

    #[test]
    fn folds_arabic_letters_diacritics_and_digits() {
        let t = "وَقَّعَ أمــس ٣٠ مذكرة";
        let f = Folded::new(t);
        assert_eq!(f.text, "وقع امس 30 مذكره");
        let i = f.text.find("امس").unwrap();
        assert_eq!(&t[f.start(i)..f.end(i + "امس".len())], "أمــس");
        assert_eq!(fold_str("  الإمارات   العربية "), "الامارات العربيه");
    }

    #[test]
    fn fast_letter_paths_agree_with_the_unicode_tables() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }
}

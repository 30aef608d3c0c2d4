//! Unicode normalisation of the input: NFC, and fullwidth ASCII folded to ASCII, with a
//! map from the normalised text's offsets back into the original.

use unicode_normalization::char::{canonical_combining_class, compose};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// A normalised copy of a text that was not already normalised.
pub(crate) struct Normalized {
    pub text: String,
    /// Segments (a starter and its marks): (normalised start, original start), in order.
    segs: Vec<(u32, u32)>,
    orig_len: u32,
}

/// Fullwidth ASCII (U+FF01–U+FF5E) and the ideographic space, as ASCII.
fn narrow(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// A quick scan for the common case: ASCII, Latin letters before the combining marks,
/// Arabic letters and digits with at most one haraka each, U+2000–U+207F. These
/// are NFC; anything else is left to the full check.
fn surely_nfc(s: &str) -> bool {
    let (b, mut i, mut mark) = (s.as_bytes(), 0, false);
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            (i, mark) = (i + 1, false);
            continue;
        }
        if x >= 0xE0 {
            // U+2000–U+207F only.
            if x != 0xE2 || b[i + 1] > 0x81 {
                return false;
            }
            (i, mark) = (i + 3, false);
            continue;
        }
        let c = (u32::from(x & 0x1F) << 6) | u32::from(b[i + 1] & 0x3F);
        let haraka = (0x64B..=0x652).contains(&c);
        let letter = matches!(c, 0x600..=0x60F | 0x61B..=0x64A | 0x660..=0x66F | 0x671..=0x6D5);
        if !(c < 0x300 || letter || (haraka && !mark)) {
            return false;
        }
        (i, mark) = (i + 2, haraka);
    }
    true
}

impl Normalized {
    /// `None` when the text is already NFC with no fullwidth forms: the fast path.
    pub fn new(original: &str) -> Option<Normalized> {
        if surely_nfc(original)
            || (is_nfc_quick(original.chars()) == IsNormalized::Yes
                && !original.chars().any(|c| narrow(c) != c))
        {
            return None;
        }
        let mut text = String::with_capacity(original.len());
        let mut segs = Vec::new();
        let mut seg: Vec<char> = Vec::new();
        let flush = |seg: &mut Vec<char>, text: &mut String| text.extend(seg.drain(..).nfc());
        for (i, c) in original.char_indices() {
            let c = narrow(c);
            let joins = canonical_combining_class(c) != 0
                || seg.last().is_some_and(|&p| compose(p, c).is_some());
            if !joins || seg.is_empty() {
                flush(&mut seg, &mut text);
                segs.push((text.len() as u32, i as u32));
            }
            seg.push(c);
        }
        flush(&mut seg, &mut text);
        Some(Normalized {
            text,
            segs,
            orig_len: original.len() as u32,
        })
    }

    /// The normalised offset of an original offset (rounded down to a segment).
    pub fn to_normalized(&self, orig: usize) -> usize {
        let i = self.segs.partition_point(|s| s.1 as usize <= orig);
        i.checked_sub(1).map_or(0, |i| self.segs[i].0 as usize)
    }

    /// The original span of a normalised span: widened to whole segments.
    pub fn span(&self, s: crate::Span) -> crate::Span {
        let i = self.segs.partition_point(|g| g.0 as usize <= s.start);
        let start = i.checked_sub(1).map_or(0, |i| self.segs[i].1 as usize);
        let j = self.segs.partition_point(|g| (g.0 as usize) < s.end);
        let end = self.segs.get(j).map_or(self.orig_len, |g| g.1) as usize;
        crate::Span::new(start, end.max(start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfd_and_fullwidth_map_back_to_the_original() {
        let t = "Le Se\u{301}ne\u{301}gal ＵＡＥ e\u{301}";
        let n = Normalized::new(t).unwrap();
        assert_eq!(n.text, "Le Sénégal UAE é");
        let at = |w: &str| {
            let s = n.text.find(w).unwrap();
            &t[n.span(crate::Span::new(s, s + w.len())).range()]
        };
        assert_eq!(at("Sénégal"), "Se\u{301}ne\u{301}gal");
        assert_eq!(at("UAE"), "ＵＡＥ");
        assert_eq!(at("é"), "e\u{301}");
        assert!(Normalized::new("Le Sénégal et مذكرة تفاهم").is_none());
    }
}

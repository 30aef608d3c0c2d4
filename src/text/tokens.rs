//! The token layer: the words of a text (runs of letters and digits) with their byte
//! offsets, so that rules count windows in words rather than in bytes (an Arabic letter
//! takes two bytes, a Latin one one: a byte window covers half as many Arabic words).

use super::is_word_char;

/// The words of a text, in order, as byte ranges.
#[derive(Debug, Default)]
pub(crate) struct Tokens {
    starts: Vec<u32>,
    ends: Vec<u32>,
    len: usize,
}

impl Tokens {
    pub fn new(text: &str) -> Tokens {
        let mut t = Tokens {
            len: text.len(),
            ..Tokens::default()
        };
        let mut start = None;
        for (i, c) in text.char_indices() {
            match (is_word_char(c), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    t.push(s, i);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            t.push(s, text.len());
        }
        t
    }

    fn push(&mut self, start: usize, end: usize) {
        self.starts.push(start as u32);
        self.ends.push(end as u32);
    }

    /// How many words the text holds.
    #[cfg(test)]
    pub fn count(&self) -> usize {
        self.starts.len()
    }

    /// Where the `n`-th word before offset `at` starts (the word `at` falls in does not
    /// count); 0 when there are fewer.
    pub fn back(&self, at: usize, n: usize) -> usize {
        let before = self.starts.partition_point(|&s| (s as usize) < at);
        // A word that `at` falls inside is not "before" it.
        let before = match before.checked_sub(1) {
            Some(k) if self.ends[k] as usize > at => k,
            _ => before,
        };
        match before.checked_sub(n) {
            Some(k) if n > 0 => self.starts[k] as usize,
            _ if n == 0 => at,
            _ => 0,
        }
    }

    /// How many words start in `[a, b)`.
    pub fn between(&self, a: usize, b: usize) -> usize {
        let first = self.starts.partition_point(|&s| (s as usize) < a);
        let last = self.starts.partition_point(|&s| (s as usize) < b);
        last.saturating_sub(first)
    }

    /// Where the `n`-th word after offset `at` ends (the word `at` falls in does not
    /// count); the text's length when there are fewer.
    pub fn forward(&self, at: usize, n: usize) -> usize {
        if n == 0 {
            return at;
        }
        let first = self.ends.partition_point(|&e| (e as usize) <= at);
        let first = match self.starts.get(first) {
            Some(&s) if (s as usize) < at => first + 1,
            _ => first,
        };
        self.ends
            .get(first + n - 1)
            .map_or(self.len, |&e| e as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::Tokens;

    #[test]
    fn windows_count_words_in_every_script() {
        let t = "le mémorandum, signé hier";
        let w = Tokens::new(t);
        assert_eq!(w.count(), 4);
        let at = t.find("signé").unwrap();
        assert_eq!(&t[w.back(at, 1)..at], "mémorandum, ");
        assert_eq!(&t[w.back(at, 2)..at], "le mémorandum, ");
        assert_eq!(w.back(at, 9), 0);
        assert_eq!(&t[at..w.forward(at, 1)], "signé");
        assert_eq!(&t[at..w.forward(at, 2)], "signé hier");
        assert_eq!(w.forward(at, 9), t.len());
        // From inside a word, that word does not count.
        assert_eq!(&t[w.back(at + 2, 1)..at + 2], "mémorandum, si");
        assert_eq!(&t[at + 2..w.forward(at + 2, 1)], "gné hier");
        let a = "وقعت مصر والأردن مذكرة تفاهم";
        let w = Tokens::new(a);
        assert_eq!(w.count(), 5);
        let at = a.find("مذكرة").unwrap();
        assert_eq!(&a[w.back(at, 2)..at], "مصر والأردن ");
        assert_eq!(w.between(0, at), 3);
        assert_eq!(w.between(at, a.len()), 2);
        assert_eq!(Tokens::new("").back(0, 3), 0);
        assert_eq!(Tokens::new("").forward(0, 3), 0);
    }
}

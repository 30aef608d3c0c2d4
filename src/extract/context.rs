//! The per-document context shared by every rule: folded text, sentences, mentions.

use once_cell::sync::Lazy;
use once_cell::unsync::OnceCell;

use super::dates::DateMention;
use crate::gazetteer::{CountryKind, CueClass, CueValue, Entry, Gazetteer, Lang, Mention};
use crate::model::PartialDate;
use crate::text::{fold_str, sentences, Folded, Tokens};

/// Everything the rules read about one document.
pub(crate) struct Ctx<'a> {
    pub g: &'a Gazetteer,
    /// The whole original text (spans index it).
    pub text: &'a str,
    pub lang: Lang,
    pub published: Option<PartialDate>,
    /// Folded body; its offsets are relative to `base`.
    pub folded: Folded,
    pub base: usize,
    /// Sentence ranges in the original text.
    pub sents: Vec<(usize, usize)>,
    /// Mentions in text order (original offsets), with their sentence.
    pub mentions: Vec<Mention>,
    pub sent_of: Vec<usize>,
    /// For each sentence, the range of its mentions.
    pub sent_mentions: Vec<(usize, usize)>,
    /// Date expressions per sentence, found once on first use.
    dates: Vec<OnceCell<Vec<DateMention>>>,
    /// Title and body phrases per sentence, merged and sorted, found once on first use.
    titles: Vec<OnceCell<Vec<(usize, usize)>>>,
    /// The date that places the article in time, found once on first use.
    reference: OnceCell<Option<PartialDate>>,
    /// The full days of page stamps and datelines, in text order, found once on first use.
    stamps: OnceCell<Vec<(usize, PartialDate)>>,
    /// The words of the folded body, found once on first use.
    tokens: OnceCell<Tokens>,
}

impl<'a> Ctx<'a> {
    pub fn new(
        g: &'a Gazetteer,
        text: &'a str,
        base: usize,
        lang: Lang,
        published: Option<PartialDate>,
    ) -> Ctx<'a> {
        let body = &text[base..];
        let folded = Folded::new(body);
        let mut mentions = g.matcher.find(body, &folded);
        drop_furniture(&mut mentions, &folded);
        keep_document_language(&mut mentions, lang);
        if lang == Lang::Ar {
            drop_nisba_of_names(&mut mentions, &folded);
        }
        country_over_capital(&mut mentions);
        for m in &mut mentions {
            m.start += base;
            m.end += base;
        }
        let sents: Vec<(usize, usize)> = sentences(body)
            .into_iter()
            .map(|(s, e)| (s + base, e + base))
            .collect();
        let sent_mentions: Vec<(usize, usize)> = sents
            .iter()
            .map(|&(a, b)| {
                (
                    mentions.partition_point(|m| m.start < a),
                    mentions.partition_point(|m| m.start < b),
                )
            })
            .collect();
        let mut sent_of = vec![0; mentions.len()];
        for (si, &(a, b)) in sent_mentions.iter().enumerate() {
            for s in &mut sent_of[a..b] {
                *s = si;
            }
        }
        let dates = (0..sents.len()).map(|_| OnceCell::new()).collect();
        let titles = (0..sents.len()).map(|_| OnceCell::new()).collect();
        Ctx {
            reference: OnceCell::new(),
            stamps: OnceCell::new(),
            tokens: OnceCell::new(),
            dates,
            titles,
            g,
            text,
            lang,
            published,
            folded,
            base,
            sents,
            mentions,
            sent_of,
            sent_mentions,
        }
    }

    /// The mentions of a sentence that overlap an original range. Mentions do not
    /// overlap one another (but for meanings of one span), so starts and ends are both
    /// sorted: two binary searches.
    pub fn overlapping(&self, s: usize, a: usize, b: usize) -> &[Mention] {
        let ms = self.in_sentence(s);
        let lo = ms.partition_point(|m| m.end <= a);
        let hi = ms.partition_point(|m| m.start < b).max(lo);
        &ms[lo..hi]
    }

    /// The mentions of a sentence that lie within an original range.
    pub fn within(&self, s: usize, a: usize, b: usize) -> &[Mention] {
        let ms = self.in_sentence(s);
        let lo = ms.partition_point(|m| m.start < a);
        let hi = ms.partition_point(|m| m.end <= b).max(lo);
        &ms[lo..hi]
    }

    /// The words of the folded body, for windows counted in words (offsets are folded).
    pub fn tokens(&self) -> &Tokens {
        self.tokens.get_or_init(|| Tokens::new(&self.folded.text))
    }

    /// The original offset `n` words before original offset `orig`.
    pub fn words_before(&self, orig: usize, n: usize) -> usize {
        self.to_orig(self.tokens().back(self.to_folded(orig), n))
    }

    /// How many words start between original offsets `a` and `b`.
    pub fn words_between(&self, a: usize, b: usize) -> usize {
        self.tokens().between(self.to_folded(a), self.to_folded(b))
    }

    /// Whether an original range lies inside a title or body phrase of its sentence
    /// ("ministre de la Transition numérique"): cues there do not describe the instrument.
    pub fn in_title(&self, s: usize, a: usize, b: usize) -> bool {
        let phrases = self.titles[s].get_or_init(|| {
            let mut all: Vec<(usize, usize)> =
                super::signatories::title_phrases(self, s, CueClass::Title);
            all.extend(super::signatories::title_phrases(self, s, CueClass::Body));
            all.sort_unstable();
            let mut merged: Vec<(usize, usize)> = Vec::with_capacity(all.len());
            for (x, y) in all {
                match merged.last_mut() {
                    Some(last) if x <= last.1 => last.1 = last.1.max(y),
                    _ => merged.push((x, y)),
                }
            }
            merged
        });
        let i = phrases.partition_point(|&(x, _)| x <= a);
        i > 0 && phrases[i - 1].1 >= b
    }

    /// The date that places the article in time: its publication date, or else the
    /// latest full date it states (a page's own timestamp, the day of a ratification).
    pub fn reference(&self) -> Option<PartialDate> {
        *self.reference.get_or_init(|| {
            self.published.or_else(|| {
                (0..self.sents.len())
                    .flat_map(|s| self.dates(s).iter())
                    .filter_map(|d| match d.when {
                        super::dates::When::Day {
                            year: Some(y),
                            month,
                            day,
                        } => PartialDate::day(y, month, day),
                        _ => None,
                    })
                    .max()
            })
        })
    }

    /// The day a weekday or a relative day at an original offset counts from: the
    /// publication day; else the nearest page stamp or dateline before it (the first
    /// one when none is before), if it lies in the publication month when that is
    /// known; else the publication month.
    pub fn anchor(&self, orig: usize) -> Option<PartialDate> {
        if self.published.is_some_and(|p| p.day.is_some()) {
            return self.published;
        }
        let stamps = self.stamps.get_or_init(|| {
            (0..self.sents.len())
                .flat_map(|s| self.dates(s).iter())
                .filter(|d| d.stamp && matches!(d.when, super::dates::When::Day { .. }))
                .filter_map(|d| {
                    let v = super::dates::resolve(d, self.published, &[], self.reference())?;
                    v.day.map(|_| (d.span.start, v))
                })
                .collect()
        });
        let i = stamps.partition_point(|&(a, _)| a <= orig);
        let stamp = i.checked_sub(1).or((!stamps.is_empty()).then_some(0));
        match (stamp.map(|i| stamps[i].1), self.published) {
            (Some(s), Some(p)) if s.year == p.year && s.month == p.month => Some(s),
            (Some(s), None) => Some(s),
            _ => self.published,
        }
    }

    /// The sentence that contains an original offset.
    pub fn sentence_at(&self, orig: usize) -> usize {
        self.sents
            .partition_point(|&(_, e)| e <= orig)
            .min(self.sents.len().saturating_sub(1))
    }

    /// The date expressions of a sentence.
    pub fn dates(&self, s: usize) -> &[DateMention] {
        self.dates[s].get_or_init(|| super::dates::in_sentence(self, s))
    }

    /// The mentions of a sentence.
    pub fn in_sentence(&self, s: usize) -> &[Mention] {
        let (a, b) = self.sent_mentions[s];
        &self.mentions[a..b]
    }

    /// The folded text of an original range.
    pub fn folded_range(&self, start: usize, end: usize) -> &str {
        let (fs, fe) = (self.to_folded(start), self.to_folded(end));
        &self.folded.text[fs..fe]
    }

    /// The folded offset of an original offset (the first folded byte at or after it).
    pub fn to_folded(&self, orig: usize) -> usize {
        let rel = orig.saturating_sub(self.base);
        self.folded.folded_at(rel)
    }

    /// The original offset of a folded offset.
    pub fn to_orig(&self, f: usize) -> usize {
        self.folded.start(f) + self.base
    }

    /// The original end offset of a folded end offset.
    pub fn to_orig_end(&self, f: usize) -> usize {
        self.folded.end(f) + self.base
    }

    /// Whether a mention is a cue of a class.
    pub fn is(m: &Mention, class: CueClass) -> bool {
        matches!(m.entry, Entry::Cue { class: c, .. } if c == class)
    }

    pub fn cue(m: &Mention) -> Option<(CueClass, CueValue)> {
        match m.entry {
            Entry::Cue { class, value, .. } => Some((class, value)),
            _ => None,
        }
    }
}

/// Page furniture ("Lire aussi : …", tags, lists of related headlines) reports nothing
/// of this article: its mentions go.
fn drop_furniture(mentions: &mut Vec<Mention>, folded: &Folded) {
    let furniture = furniture_lines(&folded.text);
    if !furniture.is_empty() {
        mentions.retain(|m| {
            let i = furniture.partition_point(|&(_, e)| e <= m.fstart);
            !(i < furniture.len() && furniture[i].0 <= m.fstart)
        });
    }
}

/// Cues count in the document's language only; month names are read in any language,
/// since quoted posts carry their own dates.
fn keep_document_language(mentions: &mut Vec<Mention>, lang: Lang) {
    mentions.retain(|m| match m.entry {
        Entry::Cue {
            class: CueClass::Month,
            ..
        } => true,
        Entry::Cue { lang: l, .. } => l == lang,
        _ => true,
    });
}

/// Arabic family names are often nisba forms: in "حمد بن سالم الكندي" the adjective
/// after a word of filiation and a given name is a name, not a Canadian.
fn drop_nisba_of_names(mentions: &mut Vec<Mention>, folded: &Folded) {
    mentions.retain(|m| {
        if !matches!(
            m.entry,
            Entry::Country {
                kind: CountryKind::Adj,
                ..
            }
        ) {
            return true;
        }
        let mut words = folded.text[..m.fstart].trim_end().rsplit(' ');
        let _given = words.next();
        !words
            .next()
            .is_some_and(|w| super::ar::FILIATION.contains(&w))
    });
}

/// A country's own name beats another country's capital written alike (عمان is Oman,
/// not Amman).
fn country_over_capital(mentions: &mut Vec<Mention>) {
    let named: Vec<(usize, usize)> = mentions
        .iter()
        .filter(|m| matches!(m.entry, Entry::Country { kind, .. } if kind != CountryKind::Capital))
        .map(|m| (m.start, m.end))
        .collect();
    mentions.retain(|m| {
        !matches!(
            m.entry,
            Entry::Country {
                kind: CountryKind::Capital,
                ..
            }
        ) || named.binary_search(&(m.start, m.end)).is_err()
    });
}

/// The phrases of `gazetteers/furniture.tsv`, folded, by kind.
struct Furniture {
    /// A line that starts with one is furniture ("Lire aussi : …").
    openers: Vec<String>,
    /// A line that is only one is an advertising label.
    ads: Vec<String>,
    /// A heading of a list of other articles ("Related articles").
    related: Vec<String>,
}

static FURNITURE: Lazy<Furniture> = Lazy::new(|| {
    let mut f = Furniture {
        openers: Vec::new(),
        ads: Vec::new(),
        related: Vec::new(),
    };
    let data = include_str!("../../gazetteers/furniture.tsv");
    for line in data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (kind, phrase) = line.split_once('\t').unwrap_or(("", line));
        let list = match kind {
            "opener" => &mut f.openers,
            "ad" => &mut f.ads,
            "related" => &mut f.related,
            // The file is tested: every line has a known kind.
            _ => continue,
        };
        list.push(fold_str(phrase.trim()).trim().to_string());
    }
    f
});

/// Folded byte ranges of furniture lines, in order.
fn furniture_lines(folded: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut in_list = false;
    let mut start = 0;
    for line in folded.split_inclusive('\n') {
        let end = start + line.len();
        let t = line.trim();
        let f = &*FURNITURE;
        let opens = |list: &[String]| {
            list.iter().any(|p| {
                t.starts_with(p)
                    && t[p.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !crate::text::is_word_char(c))
            })
        };
        // A related headline: short and without a full stop, or a teaser cut with "…".
        let teaser = t.ends_with("...") || t.ends_with('…');
        let listed = in_list
            && !t.is_empty()
            && ((t.len() < 160 && !t.ends_with('.')) || (teaser && t.len() < 400));
        let advert = f.ads.iter().any(|a| a == t);
        if opens(&f.related) {
            in_list = true;
        } else if !listed && !t.is_empty() {
            in_list = false;
        }
        if in_list && !t.is_empty() || opens(&f.openers) || advert {
            out.push((start, end));
        }
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_furniture_line_has_a_known_kind() {
        let data = include_str!("../../gazetteers/furniture.tsv");
        for line in data
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let (kind, phrase) = line.split_once('\t').expect(line);
            assert!(matches!(kind, "opener" | "ad" | "related"), "{line}");
            assert!(!phrase.trim().is_empty(), "{line}");
        }
        let f = &*FURNITURE;
        assert!(f.openers.len() > 20 && f.ads.len() > 5 && f.related.len() > 20);
    }

    #[test]
    fn filiation_words_are_written_folded() {
        for w in super::super::ar::FILIATION {
            assert_eq!(fold_str(w).trim(), *w);
        }
    }

    #[test]
    fn furniture_lines_in_three_languages() {
        let text = "Le Maroc a signe un accord.\nLire aussi : le Senegal et la Tunisie\n\
                    Related articles\nKenya hosts a forum\nالوسوم تونس\nإعلان\nFin.\n";
        let folded = fold_str(text);
        let lines: Vec<&str> = furniture_lines(&folded)
            .into_iter()
            .map(|(a, b)| folded[a..b].trim())
            .collect();
        assert_eq!(lines.len(), 5, "{lines:?}");
        assert!(lines[0].starts_with("lire aussi"));
        assert!(!lines
            .iter()
            .any(|l| l.starts_with("le maroc") || *l == "fin."));
    }
}

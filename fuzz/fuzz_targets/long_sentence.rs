//! One long sentence built from cue units: the input picks, byte by byte, among
//! phrases that each trigger a rule (signing verbs, titles and names, dates, weekdays,
//! countries, instruments, events, Arabic nisba forms), and a count repeats them, so
//! inputs of a few hundred bytes become sentences of up to about a megabyte. Extraction
//! must not panic, and libFuzzer's `-timeout` catches any construction that costs more
//! than linear time.
#![no_main]

use accords::{Document, Extractor};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

const UNITS: &[&str] = &[
    "signed a memorandum of understanding ",
    "ont signé un mémorandum d'entente ",
    "وقع الجانبان مذكرة تفاهم ",
    "Minister John A. Smith and ",
    "le ministre Karim BENNANI, ",
    "وزير الاقتصاد محمد بن علي، ",
    "on Monday, ",
    "jeudi dernier ",
    "الجمعة الماضي ",
    "on 3 March 2024 ",
    "le 1er mars ",
    "05/03/2024 ",
    "من 7 إلى 9 مارس ",
    "Morocco and Senegal ",
    "le Maroc et le Sénégal ",
    "المغرب وتونس ",
    "المغربي ",
    "in Rabat ",
    "on the sidelines of GITEX Africa ",
    "en marge du Sommet de la Francophonie ",
    "على هامش منتدى ",
    "the Ministry of Digital Economy and ",
    "will sign ",
    "was approved by the cabinet ",
    "in the presence of ",
    ", ",
    "; ",
];

fuzz_target!(|data: &[u8]| {
    let Some((&count, picks)) = data.split_first() else {
        return;
    };
    let mut text = String::from(" date 2024-05 ");
    let repeat = 1 + count as usize;
    'fill: for _ in 0..repeat {
        for &p in picks {
            text.push_str(UNITS[p as usize % UNITS.len()]);
            if text.len() > 1 << 20 {
                break 'fill;
            }
        }
    }
    text.push('.');
    let out = EXTRACTOR.extract(&Document::with_dateline(&text));
    for a in &out.agreements {
        for (field, span) in a.evidence() {
            assert!(text.get(span.range()).is_some(), "{field} span {span:?}");
        }
    }
});

//! Any bytes, read as UTF-8 (lossily), must extract without panicking, with every
//! evidence span a char-boundary range of the text, deterministically.
#![no_main]

use accords::{Agreement, Document, Extraction, Extractor, Span};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fn spans(a: &Agreement) -> Vec<(&'static str, Span)> {
    a.evidence().collect()
}

fn check(text: &str, out: &Extraction) {
    for a in &out.agreements {
        for (field, span) in spans(a) {
            assert!(span.start <= span.end, "{field} span {span:?} reversed");
            assert!(
                text.get(span.range()).is_some(),
                "{field} span {span:?} not a char range of a {}-byte text",
                text.len()
            );
        }
        assert!(
            a.instrument.span.start < a.instrument.span.end,
            "empty instrument span"
        );
    }
}

fn run(text: &str) {
    let ex = &*EXTRACTOR;
    let plain = ex.extract(&Document::new(text));
    check(text, &plain);
    let dated = ex.extract(&Document::with_dateline(text));
    check(text, &dated);
    let again = ex.extract(&Document::with_dateline(text));
    assert_eq!(dated, again, "non-deterministic output");
}

fuzz_target!(|data: &[u8]| {
    match std::str::from_utf8(data) {
        Ok(text) => run(text),
        Err(_) => run(&String::from_utf8_lossy(data)),
    }
});

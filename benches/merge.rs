//! Merges a synthetic stream of agreements (1,000,000 by default; `ACCORDS_MERGE_N` sets
//! another count) in publication order with the default window, and reports the time and
//! the most instruments and agreements held open at once: memory is bounded by the
//! window, not by the stream. Each agreement is one of 19,900 pairs of 200 countries, 500
//! a day. Run with `cargo bench --bench merge`.

use std::time::Instant;

use accords::merge::Merger;
use accords::{
    Agreement, Country, Domain, Extractor, Instrument, PartialDate, Span, Spanned, Status,
};

/// How many countries the stream draws its pairs from (codes `AA`, `AB`, …).
const COUNTRIES: u64 = 200;

fn country(k: u64) -> Country {
    let code = [b'A' + (k / 26) as u8, b'A' + (k % 26) as u8];
    Country::new(std::str::from_utf8(&code).unwrap()).unwrap()
}

fn spanned<T>(value: T) -> Spanned<T> {
    Spanned::new(value, Span::default())
}

/// The `i`-th agreement of the stream: a pair of countries, a kind, a domain, a date.
fn agreement(i: u64, day: &PartialDate) -> Agreement {
    let a = i % COUNTRIES;
    let b = (a + 1 + (i / COUNTRIES) % (COUNTRIES - 1)) % COUNTRIES;
    let mut parties: Vec<Spanned<Country>> = [a, b].iter().map(|&k| spanned(country(k))).collect();
    parties.sort_by_key(|p| p.value);
    Agreement {
        instrument: spanned(Instrument::ALL[(i % 4) as usize]),
        status: spanned(Status::Signed),
        parties,
        organizations: Vec::new(),
        signatories: Vec::new(),
        date: Some(spanned(*day)),
        location: None,
        event: None,
        domains: vec![spanned(Domain::ALL[(i % 16) as usize])],
    }
}

fn main() {
    let n: u64 = std::env::var("ACCORDS_MERGE_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let extractor = Extractor::new();
    let mut merger = Merger::new(&extractor);
    let per_day = 500;
    let start = Instant::now();
    let (mut peak, mut peak_members, mut out) = (0, 0, 0);
    for i in 0..n {
        let d = i / per_day;
        let day: PartialDate = format!(
            "{}-{:02}-{:02}",
            2000 + d / 336,
            1 + (d / 28) % 12,
            1 + d % 28
        )
        .parse()
        .unwrap();
        merger.add(&format!("doc{i}"), Some(day), &[agreement(i, &day)]);
        out += merger.take_closed().len();
        if i % 10_000 == 0 {
            // open_len walks the open instruments: sampled, so it costs the bench little.
            let (open, members) = merger.open_len();
            peak = peak.max(open);
            peak_members = peak_members.max(members);
        }
    }
    out += merger.finish().len();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "merge: {n} agreements in {secs:.1} s ({:.0}/s), {out} instruments; \
         at most {peak} instruments holding {peak_members} agreements open",
        n as f64 / secs
    );
}

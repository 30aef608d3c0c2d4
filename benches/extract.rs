//! Benchmarks of `accords`: startup, per-language throughput on realistic articles,
//! scaling with input size, and the physical floor (one Aho-Corasick pass with every
//! gazetteer form over the same texts).
//!
//! Run with `cargo bench --bench extract`; see `benches/README.md` for figures.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use accords::{Document, Extractor};
use aho_corasick::{AhoCorasick, MatchKind};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const LANGS: [&str; 3] = ["fr", "en", "ar"];

/// Root of the crate, so the bench runs from any working directory.
fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every article of a language: `examples/articles/*.txt` and
/// `tests/fixtures/corpus/*.txt` whose file name starts with `{lang}_`.
fn articles(lang: &str) -> Vec<String> {
    let mut out = Vec::new();
    for dir in ["examples/articles", "tests/fixtures/corpus"] {
        let Ok(entries) = std::fs::read_dir(root().join(dir)) else {
            continue;
        };
        let mut paths: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&format!("{lang}_")))
            })
            .collect();
        paths.sort();
        out.extend(
            paths
                .iter()
                .map(|p| std::fs::read_to_string(p).expect("article is UTF-8")),
        );
    }
    assert!(!out.is_empty(), "no {lang} article found");
    out
}

/// Every gazetteer form, lowercased: the last column of each line of
/// `gazetteers/*.tsv` and `gazetteers/cues/*.tsv`, comments skipped.
fn gazetteer_forms() -> Vec<String> {
    let mut forms = Vec::new();
    for dir in ["gazetteers", "gazetteers/cues"] {
        let mut paths: Vec<_> = std::fs::read_dir(root().join(dir))
            .expect("gazetteer folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
            .collect();
        paths.sort();
        for p in paths {
            let text = std::fs::read_to_string(&p).expect("gazetteer is UTF-8");
            for line in text.lines() {
                let line = line.trim_end_matches('\r');
                if line.trim().is_empty() || line.trim_start().starts_with('#') {
                    continue;
                }
                if let Some(form) = line
                    .rsplit('\t')
                    .next()
                    .map(str::trim)
                    .filter(|f| !f.is_empty())
                {
                    forms.push(form.to_lowercase());
                }
            }
        }
    }
    forms.sort();
    forms.dedup();
    forms
}

fn floor_automaton() -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(gazetteer_forms())
        .expect("automaton")
}

/// The floor: lowercase the text and count every overlapping match.
fn floor_pass(ac: &AhoCorasick, text: &str) -> usize {
    let lower = text.to_lowercase();
    ac.find_overlapping_iter(&lower).count()
}

/// A French article repeated (whole, then cut on a char boundary) to `size` bytes.
fn repeated(base: &str, size: usize) -> String {
    let mut s = String::with_capacity(size + base.len());
    while s.len() < size {
        s.push_str(base);
        s.push('\n');
    }
    let mut cut = size;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}

/// The floor over every text.
fn floor_all(ac: &AhoCorasick, texts: &[String]) -> usize {
    texts.iter().map(|t| floor_pass(ac, black_box(t))).sum()
}

/// Extracts from every text; returns the agreement count so nothing is optimised away.
fn extract_all(ex: &Extractor, texts: &[String]) -> usize {
    texts
        .iter()
        .map(|t| {
            ex.extract(&Document::with_dateline(black_box(t)))
                .agreements
                .len()
        })
        .sum()
}

fn bench_new(c: &mut Criterion) {
    let dir = root().join("gazetteers");
    let mut g = c.benchmark_group("new");
    g.bench_function("builder_gazetteers_dir", |b| {
        b.iter(|| {
            Extractor::builder()
                .gazetteers(black_box(&dir))
                .unwrap()
                .replace(true)
                .build()
                .unwrap()
        })
    });
    g.finish();
}

fn bench_extract(c: &mut Criterion) {
    let ex = Extractor::new();
    let ac = floor_automaton();
    // Bytes per second.
    let mut g = c.benchmark_group("extract");
    for lang in LANGS {
        let texts = articles(lang);
        let bytes: usize = texts.iter().map(String::len).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_with_input(BenchmarkId::new("accords", lang), &texts, |b, texts| {
            b.iter(|| extract_all(&ex, texts))
        });
        g.bench_with_input(BenchmarkId::new("floor", lang), &texts, |b, texts| {
            b.iter(|| floor_all(&ac, texts))
        });
    }
    g.finish();
    // Articles per second.
    let mut g = c.benchmark_group("articles");
    for lang in LANGS {
        let texts = articles(lang);
        g.throughput(Throughput::Elements(texts.len() as u64));
        g.bench_with_input(BenchmarkId::new("accords", lang), &texts, |b, texts| {
            b.iter(|| extract_all(&ex, texts))
        });
    }
    g.finish();
}

fn bench_scaling(c: &mut Criterion) {
    let ex = Extractor::new();
    let ac = floor_automaton();
    let base = articles("fr").into_iter().next().expect("a French article");
    let mut g = c.benchmark_group("scaling");
    for (label, size) in [
        ("1KB", 1usize << 10),
        ("10KB", 10 << 10),
        ("100KB", 100 << 10),
        ("1MB", 1 << 20),
    ] {
        let text = repeated(&base, size);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("accords", label), &text, |b, t| {
            b.iter(|| {
                ex.extract(&Document::with_dateline(black_box(t)))
                    .agreements
                    .len()
            })
        });
        g.bench_with_input(BenchmarkId::new("floor", label), &text, |b, t| {
            b.iter(|| floor_pass(&ac, black_box(t)))
        });
    }
    g.finish();
}

/// The floor as its own group: one overlapping pass over all articles of a language.
fn bench_floor(c: &mut Criterion) {
    let ac = floor_automaton();
    let mut g = c.benchmark_group("floor");
    for lang in LANGS {
        let texts = articles(lang);
        let bytes: usize = texts.iter().map(String::len).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_with_input(BenchmarkId::from_parameter(lang), &texts, |b, texts| {
            b.iter(|| floor_all(&ac, texts))
        });
    }
    g.finish();
}

/// A one-shot summary printed before criterion's figures: corpus sizes and a rough
/// µs/article and articles/s per language (criterion's own figures are the reference).
fn summary(_: &mut Criterion) {
    let ex = Extractor::new();
    let ac = floor_automaton();
    eprintln!("== accords bench summary (rough, 1 s per language) ==");
    eprintln!(
        "gazetteer forms in floor automaton: {}",
        gazetteer_forms().len()
    );
    for lang in LANGS {
        let texts = articles(lang);
        let bytes: usize = texts.iter().map(String::len).sum();
        let time = |f: &dyn Fn() -> usize| {
            let start = Instant::now();
            let mut rounds = 0u32;
            while start.elapsed() < Duration::from_millis(500) {
                black_box(f());
                rounds += 1;
            }
            start.elapsed().as_secs_f64() / rounds as f64
        };
        let t = time(&|| {
            texts
                .iter()
                .map(|t| ex.extract(&Document::with_dateline(t)).agreements.len())
                .sum()
        });
        let f = time(&|| texts.iter().map(|t| floor_pass(&ac, t)).sum());
        eprintln!(
            "{lang}: {} articles, {} bytes, {:.1} µs/article, {:.0} articles/s, {:.1} MB/s, floor {:.1} MB/s, ratio {:.1}x",
            texts.len(),
            bytes,
            t * 1e6 / texts.len() as f64,
            texts.len() as f64 / t,
            bytes as f64 / t / 1e6,
            bytes as f64 / f / 1e6,
            t / f
        );
    }
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1))
}

criterion_group! {
    name = benches;
    config = config();
    targets = summary, bench_new, bench_extract, bench_scaling, bench_floor
}
criterion_main!(benches);
